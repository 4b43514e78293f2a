"""Articles for the web app's tests, written for them: page chrome dropped, a body kept, events built by
hand, and markup in the text that must reach a browser as text, never as code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from records_builder import article

from accord.records import Event, EventDate, Extraction, Location, Participant, Plover, Span
from accord.store import ingest_results, open_store

HOSTILE = ("<script>document.title='pwned';window.pwned=1</script>", '<img src=x onerror="window.pwned=2">')


def web_articles() -> list[Extraction]:
    def page(
        input_id: str, body: list[str], published: str, url: str | None, events: list[Event]
    ) -> Extraction:
        return article(
            input_id, body, published, events, reason="menu", source=f"/in/{input_id}.txt", url=url
        )

    def event(kind: str, date: str, people: list[tuple[str, str]], body: list[str], line: int) -> Event:
        text = "\n".join(body)
        start = text.index(body[line])
        participants = tuple(
            Participant(
                name, "foreign minister", country, Span(text.index(name), text.index(name) + len(name), name)
            )
            for name, country in people
        )
        code = Plover("AGREE", None) if kind == "agree" else Plover("CONSULT", kind)
        place = Location("Oslo", "NOR") if kind != "call" else Location()
        return Event(
            kind,
            code,
            EventDate(date, "day", "test"),
            place,
            participants,  # type: ignore[arg-type]
            (Span(start, start + len(body[line]), body[line]),),
            ("fisheries",),
        )

    oslo = [
        f"Norway and Chile agree on ocean research {HOSTILE[0]}",
        f"Norwegian Foreign Minister Ingrid Solberg met Chilean Foreign Minister Pablo Rojas in Oslo {HOSTILE[1]}.",
        "They signed a memorandum on research vessels.",
    ]
    call = ["Ingrid Solberg spoke by phone with Pablo Rojas about salmon farming."]
    tokyo = ["Yoko Kamikawa met Elina Valtonen in Helsinki.", "Kamikawa also spoke with Ingrid Solberg."]
    ministers = [("Ingrid Solberg", "NOR"), ("Pablo Rojas", "CHL")]
    return [
        page(
            "oslo",
            oslo,
            "2023-05-17",
            "javascript:alert(1)",
            [
                event("meet", "2023-05-16", ministers, oslo, 1),
                event("agree", "2023-05-16", ministers, oslo, 2),
            ],
        ),
        page(
            "call",
            call,
            "2024-02-02",
            "https://example.org/call",
            [event("call", "2024-02-01", ministers, call, 0)],
        ),
        page(
            "tokyo",
            tokyo,
            "2024-01-10",
            None,
            [
                event("meet", "2024-01-09", [("Yoko Kamikawa", "JPN"), ("Elina Valtonen", "FIN")], tokyo, 0),
                event("call", "2024-01-09", [("Yoko Kamikawa", "JPN"), ("Ingrid Solberg", "NOR")], tokyo, 1),
            ],
        ),
    ]


def sqlite_store(folder: Path, articles: Sequence[Extraction]) -> str:
    """The URL of a new SQLite store in `folder`, holding `articles`, for an app to serve."""
    url = f"sqlite:///{folder / 'accord.db'}"
    store = open_store(url)
    ingest_results(store, articles)
    store.close()
    return url
