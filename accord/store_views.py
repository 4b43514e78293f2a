"""Rich views of what the store answers: fused events, one event in full, people, partners, search hits."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from accord.records import EVENT_TYPES
from accord.store import ActorProfile, FusedEvent, IngestSummary, Partner, SearchHit, UnassertedEvent
from accord.store.records import EventParticipant
from accord.views import city_country_text, person_text


def kind(event: FusedEvent) -> str:
    """The type, and for an unasserted statement its mode: `meet (future)` must never read as a meeting;
    then what analysts said: rejected, corrected, confirmed."""
    shown = f"{event.type} ({event.mode})" if isinstance(event, UnassertedEvent) else event.type
    marks = [m for m, on in (("REJECTED", event.rejected), ("corrected", event.corrected)) if on]
    marks += ["confirmed"] if event.confirmed else []
    return " ".join([shown, *(f"[{m}]" for m in marks)])


def place(event: FusedEvent) -> str:
    return city_country_text(event.city, event.country)


def date(event: FusedEvent) -> str:
    return (event.date or "?") + (" (inferred)" if event.date_inferred else "")


def people(event: FusedEvent, sources: bool = False) -> str:
    """The participants on one line; with `sources`, where each affiliation was read and what disagreed."""
    return "; ".join(
        person_text(p.name, p.role, p.affiliation)
        + (f" [inferred {', '.join(p.inferred)}]" if p.inferred else "")
        + (affiliation_evidence(p) if sources else "")
        for p in event.participants
    )


def affiliation_evidence(p: EventParticipant) -> str:
    """ " [affiliation: sentence; also BRA (publisher)]" """
    if not p.affiliation_source and not p.affiliation_conflicts:
        return ""
    said = [f"affiliation: {p.affiliation_source}"] if p.affiliation_source else []
    said += [f"also {c.affiliation} ({c.source})" for c in p.affiliation_conflicts]
    return f" [{'; '.join(said)}]"


def source_counts(event: FusedEvent) -> str:
    """Sources, outlets and independent reports: four copies of one wire story are one report."""
    return f"{len(event.sources)} ({event.n_outlets} outlets, {event.n_reports} independent)"


def events_table(events: Sequence[FusedEvent], title: str) -> Table:
    """One row per fused event: id, date, type, participants, place, sources (outlets, independent reports)."""
    table = Table(title=f"{title} ({len(events)} events)", show_lines=True, expand=True)
    for column, style in (
        ("id", "dim"),
        ("date", "cyan"),
        ("type", "bold"),
        ("participants", ""),
        ("place", "green"),
        ("sources", "magenta"),
    ):
        table.add_column(column, style=style, overflow="fold")
    for event in events:
        flag = " ⚠" if event.conflicts else ""
        table.add_row(
            event.id, date(event), kind(event), people(event), place(event), f"{source_counts(event)}{flag}"
        )
    return table


def event_view(event: FusedEvent) -> RenderableType:
    """One fused event (or unasserted statement): its facts, the merge key, improvements and conflicts, then
    every source."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    for label, value in (
        ("event", event.id),
        ("type", kind(event)),
        ("date", f"{date(event)} ({event.date_precision or 'unknown'} precision)"),
        ("place", place(event)),
        ("participants", people(event, sources=True)),
        ("topics", ", ".join(event.topics) or "-"),
        ("merge key", event.merge_key or "- (not asserted: never fused)"),
        ("sources", source_counts(event)),
    ):
        head.add_row(label, Text(value))
    for note in dict.fromkeys(s.date_note for s in event.sources if s.date_note):
        head.add_row("dated", Text(note))
    for note in event.improvements:
        head.add_row("improved", Text(note))
    for note in event.corrections:
        head.add_row(Text("reviewed", style="bold yellow"), Text(note))
    for conflict in event.conflicts:
        values = "; ".join(f"{value} ({', '.join(srcs)})" for value, srcs in conflict["values"].items())
        head.add_row(Text("conflict", style="bold red"), Text(f"{conflict['field']}: {values}"))
    sources = Table(title="sources", show_lines=True, expand=True)
    for column in ("input", "outlet / published", "date stated", "evidence", "why fused"):
        sources.add_column(column, overflow="fold")
    for s in event.sources:
        sources.add_row(
            Text(f"{s.input_id}\n{s.path}"),
            Text(f"{s.outlet or '-'}\n{s.published or '-'}"),
            Text(f"{s.date or '?'} to {s.date_end}" if s.date_end else s.date or "?"),
            Text("\n".join(sentence.strip() for sentence in s.evidence)),
            Text(s.merge_reason, style="dim"),
        )
    return Group(head, sources)


def actor_view(profile: ActorProfile) -> RenderableType:
    offices = Table(title=f"{profile.name}: offices held", expand=True)
    for column in ("role", "affiliation", "from", "to", "evidence"):
        offices.add_column(column, overflow="fold")
    for office in profile.offices:
        evidence = "\n".join(f"{e.date or '?'} {', '.join(e.inputs)}: {e.text}" for e in office.evidence)
        offices.add_row(
            office.role or "?",
            office.affiliation or "?",
            office.first_seen or "?",
            office.last_seen or "?",
            Text(evidence),
        )
    aliases = Text(f"aliases: {', '.join(profile.aliases)}", style="dim")
    links = [Text(f"linked {link}", style="dim") for link in profile.links]
    return Group(aliases, *links, offices, events_table(profile.events, f"events of {profile.name}"))


def partners_table(country: str, partners: Sequence[Partner]) -> Table:
    table = Table(title=f"partners of {country.upper()}")
    table.add_column("partner", style="bold")
    table.add_column("events", justify="right")
    for kind in EVENT_TYPES:
        table.add_column(kind, justify="right")
    for p in partners:
        counts = [str(p.by_type.get(kind, 0)) for kind in EVENT_TYPES]
        table.add_row(p.affiliation, str(p.events), *counts)
    return table


def search_table(query: str, hits: Sequence[SearchHit]) -> Table:
    table = Table(title=f"articles mentioning {query!r} ({len(hits)})", show_lines=True, expand=True)
    for column in ("inputs", "published", "snippet", "events"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(
            ", ".join(hit.inputs), hit.published or "?", Text(hit.snippet), "\n".join(hit.event_ids)
        )
    return table


def summary_table(summary: IngestSummary, db: str) -> Table:
    table = Table(title=f"ingested into {db}")
    columns = (
        "documents new",
        "copies linked",
        "unchanged",
        "re-extracted",
        "failed",
        "events new",
        "events fused",
    )
    for column in columns:
        table.add_column(column, justify="right")
    table.add_row(
        *map(
            str,
            (
                summary.documents_new,
                summary.documents_copies,
                summary.documents_unchanged,
                summary.documents_reextracted,
                summary.documents_failed,
                summary.events_new,
                summary.events_fused,
            ),
        )
    )
    return table
