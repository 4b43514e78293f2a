"""Fused events out of the store, in the formats analysts already use, written as they are read.

CSV and JSON Lines keep every source with its input id, so each exported event can be traced to the files
it was read from; CSV dates also come as the first and last full day they stand for (`date_start`,
`date_end`), which every date parser reads, beside the date as the texts give it and its precision.
`participants` is the tidy table of the same events: one row per event and participant, joined to the
events by `event_id`. `polecat` fills POLECAT's columns (tab-separated, as POLECAT ships; see
`accord.polecat`), so tooling written for POLECAT or ICEWS reads it; Accord's evidence and source columns
come last. `graphml` is the network of countries and organisations, one weighted edge per pair that
interacted.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import IO

import networkx as nx

from accord import polecat
from accord.errors import SettingError
from accord.gazetteer import ORGANISATIONS, country_name
from accord.records import EVENT_TYPES
from accord.store import FusedEvent, as_dict
from accord.store.fusion import date_parts
from accord.store.records import EventParticipant

__all__ = [
    "EVENT_TYPES",
    "FORMATS",
    "PARTICIPANT_COLUMNS",
    "POLECAT_COLUMNS",
    "evidence",
    "export",
    "json_array_text",
    "network",
    "sentences",
    "text_of",
    "write_json_array",
]

LIST = "; "  # how several values share one cell
SENTENCES = " | "  # how several evidence sentences share one cell (sentences hold semicolons)

CSV_COLUMNS = (
    "event_id",
    "type",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "date_inferred",
    "city",
    "country",
    "parties",
    "participants",
    "topics",
    "evidence",
    "n_sources",
    "n_outlets",
    "n_reports",
    "source_input_ids",
    "source_paths",
    "source_urls",
    "source_published",
    "corrected",
    "confirmed",
)
PARTICIPANT_COLUMNS = (
    "event_id",
    "position",
    "type",
    "date",
    "name",
    "mentioned_as",
    "role",
    "affiliation",
    "affiliation_name",
    "named",
    "role_inferred",
    "affiliation_inferred",
    "inferred",
    "affiliation_source",
    "affiliation_conflicts",
    "corrected",
)
POLECAT_COLUMNS = polecat.COLUMNS


def evidence(event: FusedEvent) -> str:
    """The first sentence that states the event, on one line."""
    return next(iter(sentences(event)), "")


def sentences(event: FusedEvent) -> list[str]:
    """Every sentence, across all sources, that states the event, each on one line and once."""
    said = (" ".join(s.split()) for source in event.sources for s in source.evidence)
    return list(dict.fromkeys(s for s in said if s))


def person(p: EventParticipant) -> str:
    details = ", ".join(x for x in (p.role, p.affiliation) if x)
    return f"{p.name or '(unnamed)'} ({details})" if details else p.name or "(unnamed)"


def date_range(value: str | None) -> tuple[str, str]:
    """The first and last day a date stands for, as full ISO dates: `2024-03` → 2024-03-01, 2024-03-31.

    A date without a year (`--09-12`) or no date gives two empty cells, so every filled cell parses.
    """
    year, month, day = date_parts(value)
    if year is None:
        return "", ""
    first = date(year, month or 1, day or 1)
    if day:
        last = first
    elif month:
        last = date(year, month, calendar.monthrange(year, month)[1])
    else:
        last = date(year, 12, 31)
    return first.isoformat(), last.isoformat()


def csv_row(event: FusedEvent) -> dict[str, object]:
    sources = event.sources
    start, end = date_range(event.date)
    return {
        "event_id": event.id,
        "type": event.type,
        "date": event.date or "",
        "date_start": start,
        "date_end": end,
        "date_precision": event.date_precision or "",
        "date_inferred": event.date_inferred,
        "city": event.city or "",
        "country": event.country or "",
        "parties": LIST.join(event.parties),
        "participants": LIST.join(person(p) for p in event.participants),
        "topics": LIST.join(event.topics),
        "evidence": SENTENCES.join(sentences(event)),
        "n_sources": len(sources),
        "n_outlets": event.n_outlets,
        "n_reports": event.n_reports,
        "source_input_ids": LIST.join(s.input_id for s in sources),
        "source_paths": LIST.join(s.path for s in sources),
        "source_urls": LIST.join(s.url or "" for s in sources),
        "source_published": LIST.join(s.published or "" for s in sources),
        "corrected": event.corrected,
        "confirmed": event.confirmed,
    }


def participant_rows(event: FusedEvent) -> Iterator[dict[str, object]]:
    """One row per participant of an event: a person, or a state or organisation no person stands for."""
    for position, p in enumerate(event.participants, 1):
        yield {
            "event_id": event.id,
            "position": position,
            "type": event.type,
            "date": event.date or "",
            "name": p.name or "",
            "mentioned_as": LIST.join(p.mentioned_as),
            "role": p.role or "",
            "affiliation": p.affiliation or "",
            "affiliation_name": country_name(p.affiliation or "") or p.affiliation or "",
            "named": p.name is not None,
            "role_inferred": "role" in p.inferred,
            "affiliation_inferred": "affiliation" in p.inferred,
            "inferred": LIST.join(p.inferred),
            "affiliation_source": p.affiliation_source or "",
            "affiliation_conflicts": LIST.join(
                f"{c.affiliation} ({c.source})" for c in p.affiliation_conflicts
            ),
            "corrected": event.corrected,
        }


def polecat_row(event: FusedEvent) -> dict[str, object]:
    return polecat.row(event, SENTENCES.join(sentences(event)))


def table_text(
    events: Iterable[FusedEvent],
    columns: Sequence[str],
    rows: Callable[[FusedEvent], Iterable[dict[str, object]]],
    delimiter: str,
) -> Iterator[str]:
    """The header, then each event's rows, as text a piece at a time: for a file or a web response alike."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerows(rows(event))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_array_text(records: Iterable[object]) -> Iterator[str]:
    """Records as one indented JSON array, a record at a time, never the whole list in memory; the text
    is what `json.dumps(list, indent=2)` gives."""
    empty = True
    for record in records:
        yield "[\n" if empty else ",\n"
        # JSON text holds no raw newline inside a string, so each of its lines is indented by this replace.
        yield "  " + json.dumps(as_dict(record), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        empty = False
    yield "[]\n" if empty else "\n]\n"


def counted(events: Iterable[FusedEvent], tally: list[int]) -> Iterator[FusedEvent]:
    """The events, each counted in `tally[0]` as it passes."""
    for event in events:
        tally[0] += 1
        yield event


def write(
    sink: IO[str], pieces: Callable[[Iterable[FusedEvent]], Iterable[str]], events: Iterable[FusedEvent]
) -> int:
    """Write the text `pieces` makes of `events` as it comes; return the number of events."""
    tally = [0]
    for piece in pieces(counted(events, tally)):
        sink.write(piece)
    return tally[0]


def jsonl_text(events: Iterable[FusedEvent]) -> Iterator[str]:
    for event in events:
        yield json.dumps(as_dict(event), ensure_ascii=False) + "\n"


def write_json_array(sink: IO[str], events: Iterable[FusedEvent]) -> int:
    return write(sink, json_array_text, events)


def kind(code: str) -> str:
    return "organisation" if code in ORGANISATIONS else "country"


def network(events: Iterable[FusedEvent]) -> nx.Graph:
    """Countries and organisations as nodes; an edge per pair that interacted, weighted by events.

    Each edge counts its events per type and keeps the first and last full date; a date without a year
    counts in the weight but cannot be placed first or last.
    """
    graph = nx.Graph()
    for event in events:
        sides = sorted(event.sides)
        for code in sides:
            if code not in graph:
                graph.add_node(code, name=country_name(code) or code, kind=kind(code))
        for a, b in combinations(sides, 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0, first_date="", last_date="", **dict.fromkeys(EVENT_TYPES, 0))
            edge = graph.edges[a, b]
            edge["weight"] += 1
            edge[event.type] += 1
            if event.date and not event.date.startswith("--"):
                edge["first_date"] = min(edge["first_date"] or event.date, event.date)
                edge["last_date"] = max(edge["last_date"], event.date)
    return graph


def write_graphml(path: Path, events: Iterable[FusedEvent]) -> int:
    graph = network(events)
    nx.write_graphml(graph, path)
    edges: int = graph.number_of_edges()  # networkx is untyped
    return edges


FORMATS = ("csv", "participants", "jsonl", "polecat", "graphml")
TABLES: dict[str, tuple[Sequence[str], Callable[[FusedEvent], Iterable[dict[str, object]]], str]] = {
    "csv": (CSV_COLUMNS, lambda event: [csv_row(event)], ","),
    "participants": (PARTICIPANT_COLUMNS, participant_rows, ","),
    "polecat": (POLECAT_COLUMNS, lambda event: [polecat_row(event)], "\t"),
}


def text_of(format: str) -> Callable[[Iterable[FusedEvent]], Iterable[str]]:
    """How events become text in one of the text formats (every format but graphml)."""
    if format == "jsonl":
        return jsonl_text
    columns, rows, delimiter = TABLES[format]
    return lambda events: table_text(events, columns, rows, delimiter)


def export(events: Iterable[FusedEvent], format: str, path: Path) -> int:
    """Write `events` to `path` in `format` as they come; return the number of events (edges, for GraphML)."""
    if format not in FORMATS:
        raise SettingError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "graphml":
        return write_graphml(path, events)
    with path.open("w", encoding="utf-8", newline="") as sink:
        return write(sink, text_of(format), events)
