"""Hand-built extractions for the store's tests: articles written for the tests, their events built by hand
so the tests pin the store's behaviour, not the extractor's."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

import pytest
from records_builder import article
from sqlalchemy import Connection, Table, delete, func, select, text

from accord.records import CleanedDocument, Event, EventDate, Extraction, Location, Participant, Plover, Span
from accord.store import Store, schema
from accord.store.fusion import date_parts
from accord.store.migrations import ANALYST_VIEWS

FM = "foreign minister"
SOLBERG, ROJAS = ("Ingrid Solberg", FM, "NOR"), ("Pablo Rojas", FM, "CHL")

REPORT_A = [
    "Norway and Chile agree on ocean research",
    "Norwegian Foreign Minister Ingrid Solberg met her Chilean counterpart Pablo Rojas in Oslo on Tuesday.",
    "The two ministers discussed fisheries, salmon farming and hybrid threats to undersea cables.",
    "Later the same day Solberg and Rojas spoke by phone with the Peruvian delegation.",
]
REPORT_B = [
    "Chile's top diplomat in Oslo",
    "Pablo Rojas, Chile's foreign minister, held talks with Ingrid Solberg of Norway in Oslo on 16 May.",
    "Officials from both sides said the meeting focused on fishing quotas and research vessels.",
]


def happened(
    type: str,
    date: str | None,
    people: Sequence[tuple[str | None, str | None, str | None]],
    text: Sequence[str],
    sentence: int,
    city: str | None = None,
    country: str | None = None,
) -> Event:
    body = "\n".join(text)
    start = body.index(text[sentence])
    spans = []
    for name, role, affiliation in people:
        at = body.find(name or "\0", start)
        spans.append(
            Participant(name, role, affiliation, Span(at, at + len(name), name) if name and at >= 0 else None)
        )
    precision = (
        None if not date else ("year", "month", "day")[max(i for i, p in enumerate(date_parts(date)) if p)]
    )
    return Event(
        type,  # type: ignore[arg-type]
        Plover("AGREE" if type == "agree" else "CONSULT", None if type == "agree" else type),
        EventDate(date, precision, "test"),  # type: ignore[arg-type]
        Location(city, country),
        tuple(spans),
        (Span(start, start + len(text[sentence]), text[sentence]),),
    )


def report_a(
    input_id: str = "a", chrome: Sequence[str] = ("Home | World | Sport", "Sign in to comment")
) -> Extraction:
    meet = happened("meet", "2023-05-16", [SOLBERG, ROJAS], REPORT_A, 1, "Oslo", "NOR")
    call = happened("call", "2023-05-16", [("Ingrid Solberg", None, "NOR"), ROJAS], REPORT_A, 3)
    return article(input_id, REPORT_A, "2023-05-17", [meet, call], chrome, "Nordic Wire")


def report_b(input_id: str = "b") -> Extraction:
    meet = happened("meet", "2023-05-16", [ROJAS, SOLBERG], REPORT_B, 1, "Oslo", None)
    return article(input_id, REPORT_B, "2023-05-18", [meet], ("Andes Daily", "Most read"), "Andes Daily")


REPORT_C = [
    "Solberg hosts Rojas",
    "Norway's Inga Solberg welcomed Pablo Rojas of Chile in Oslo on 16 May.",
]


def report_c() -> Extraction:
    """The same meeting with Solberg written another way: extraction stores her as a second person."""
    meet = happened("meet", "2023-05-16", [("Inga Solberg", FM, "NOR"), ROJAS], REPORT_C, 1, "Oslo")
    return article("c", REPORT_C, "2023-05-18", [meet], outlet="Oslo Post")


def count(store: Store, table: object) -> int:
    with store.read() as conn:
        return conn.scalar(select(func.count()).select_from(table)) or 0  # type: ignore[arg-type]


INGEST = importlib.import_module("accord.store.ingest")


def fail_for(input_id: str, error: Exception, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make recording the source of `input_id` raise `error`, inside that document's transaction."""
    original: Callable[..., bool] = INGEST.add_source

    def add_source(conn: Connection, doc_id: str, cleaned: CleanedDocument, similarity: float) -> bool:
        if cleaned.document.id == input_id:
            raise error
        return original(conn, doc_id, cleaned, similarity)

    monkeypatch.setattr(INGEST, "add_source", add_source)


def rows(store: Store, leave_out: tuple[str, ...] = ("_at",)) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted, leaving out the columns whose names end as `leave_out` says."""
    with store.read() as conn:
        return {
            table.name: sorted(
                (
                    tuple(row)
                    for row in conn.execute(
                        select(*(c for c in table.columns if not c.name.endswith(leave_out)))
                    )
                ),
                key=repr,
            )
            for table in schema.tables()
            if table is not schema.store_version  # how many writes it took, not what was stored
        }


def downgrade(store: Store, version: int, tables: Sequence[Table]) -> None:
    """Take `store` back to schema `version`, as an older store: drop `tables`, added by the later migration
    steps, and forget those steps."""
    with store.write() as conn:
        schema.added.drop_all(conn, tables=list(tables))
        if version < 5:  # step 5's views, which later steps may have redefined with more columns
            for view in ANALYST_VIEWS:
                conn.execute(text(f"DROP VIEW IF EXISTS {view}"))
        conn.execute(delete(schema.migrations).where(schema.migrations.c.version > version))
