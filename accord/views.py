"""Readable terminal views (Rich) of cleaned pages and extracted events, shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.records import CleanedDocument, Event, Extraction


def person_text(name: str | None, role: str | None, affiliation: str | None) -> str:
    """A participant as the tables show one: `name (role, affiliation)`."""
    return f"{name or '(unnamed)'} ({', '.join(x for x in (role, affiliation) if x) or '?'})"


def city_country_text(city: str | None, country: str | None) -> str:
    return ", ".join(x for x in (city, country) if x) or "-"


def participants_text(event: Event) -> str:
    return "; ".join(person_text(p.name, p.role, p.affiliation) for p in event.participants)


def place_text(event: Event) -> str:
    return city_country_text(event.location.city, event.location.country)


def events_table(results: Iterable[Extraction]) -> Table:
    """One row per event: document, date, type, participants, place, evidence."""
    table = Table(title="Events found", show_lines=True, expand=True)
    for column, style in (
        ("doc", "dim"),
        ("date", "cyan"),
        ("type", "bold"),
        ("participants", ""),
        ("place", "green"),
        ("evidence", "dim"),
    ):
        table.add_column(column, style=style, overflow="fold")
    for result in results:
        for event in result.events:
            evidence = event.evidence[0].text if event.evidence else ""
            table.add_row(
                result.cleaned.document.id[:12],
                event.date.value or "?",
                event.type,
                participants_text(event),
                place_text(event),
                evidence if len(evidence) < 160 else evidence[:157] + "…",
            )
    return table


def cleaning_table(cleaned: CleanedDocument) -> Table:
    """Every line of the page: kept text on the left, dropped text and the reason on the right."""
    published = cleaned.published
    considered = "; ".join(
        f"{c.value} from {c.source} ({c.score}){'' if c.value == published.value else ', not used'}"
        for c in published.candidates
    )
    table = Table(
        title=f"{cleaned.document.source}  (published: {published.value or 'unknown'}"
        f"{', from ' + published.source if published.source else ''})",
        caption=f"publication dates considered: {considered}" if considered else None,
        expand=True,
    )
    table.add_column("#", style="dim", justify="right")
    table.add_column("kept", overflow="fold", ratio=3)
    table.add_column("dropped", style="red", overflow="fold", ratio=2)
    table.add_column("why", style="yellow")
    for number, line in enumerate(cleaned.lines, 1):
        if not line.text.strip():
            continue
        if line.kept:
            table.add_row(str(number), Text(line.text), "", "")
        else:
            table.add_row(str(number), "", Text(line.text), line.reason or "")
    return table


def print_article(console: Console, result: Extraction) -> None:
    """The cleaned text with evidence underlined and participant mentions in bold, then the events."""
    text = Text(result.cleaned.text)
    for event in result.events:
        for span in event.evidence:
            text.stylize("underline", span.start, span.end)
        for participant in event.participants:
            if participant.mention:
                text.stylize("bold magenta", participant.mention.start, participant.mention.end)
    document = result.cleaned.document
    console.rule(f"{document.id}  published {result.cleaned.published.value or 'unknown'}")
    console.print(text)
    console.print(events_table([result]))
