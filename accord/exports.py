"""Fused events out of the store, in the formats analysts already use.

CSV and JSON Lines keep every source with its input id, so each exported event can be traced to the files
it was read from. `polecat` follows the column names of the POLECAT event data (tab-separated, as POLECAT
ships), so tooling written for POLECAT or ICEWS reads it; Accord's own evidence and source columns come last.
`graphml` is the network of countries and organisations, one weighted edge per pair that interacted.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import IO

import networkx as nx

from accord.errors import SettingError
from accord.gazetteer import ORGANISATIONS, country_name
from accord.merging import PLOVER
from accord.store import FusedEvent, as_dict
from accord.store.records import EventParticipant

__all__ = ["EVENT_TYPES", "FORMATS", "POLECAT_COLUMNS", "evidence", "export", "network"]

EVENT_TYPES = ("meet", "call", "visit", "agree")
LIST = "; "  # how several values share one cell

CSV_COLUMNS = (
    "event_id",
    "type",
    "date",
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
)
POLECAT_COLUMNS = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor Title",
    "Recipient Name",
    "Recipient Country",
    "Recipient Title",
    "Placename",
    "City",
    "Country",
    "Source",
    "Publication Date",
    "Accord Evidence",
    "Accord Source Count",
    "Accord Source IDs",
    "Accord Date Precision",
)


def evidence(event: FusedEvent) -> str:
    """The first sentence that states the event, on one line."""
    for source in event.sources:
        for sentence in source.evidence:
            return " ".join(sentence.split())
    return ""


def person(p: EventParticipant) -> str:
    details = ", ".join(x for x in (p.role, p.affiliation) if x)
    return f"{p.name or '(unnamed)'} ({details})" if details else p.name or "(unnamed)"


def csv_row(event: FusedEvent) -> dict[str, object]:
    sources = event.sources
    return {
        "event_id": event.id,
        "type": event.type,
        "date": event.date or "",
        "date_precision": event.date_precision or "",
        "date_inferred": event.date_inferred,
        "city": event.city or "",
        "country": event.country or "",
        "parties": LIST.join(event.parties),
        "participants": LIST.join(person(p) for p in event.participants),
        "topics": LIST.join(event.topics),
        "evidence": evidence(event),
        "n_sources": len(sources),
        "n_outlets": event.n_outlets,
        "n_reports": event.n_reports,
        "source_input_ids": LIST.join(s.input_id for s in sources),
        "source_paths": LIST.join(s.path for s in sources),
        "source_urls": LIST.join(s.url or "" for s in sources),
        "source_published": LIST.join(s.published or "" for s in sources),
    }


def sides_of(event: FusedEvent) -> tuple[list[str], list[str]]:
    """Actor and recipient sides: a visitor and the country visited, else the first party and the others."""
    if event.type == "visit" and event.country:
        return [p for p in event.parties if p != event.country] or list(event.parties), [event.country]
    return list(event.parties[:1]), list(event.parties[1:])


def side_cells(event: FusedEvent, side: list[str]) -> tuple[str, str, str]:
    """Name, country and title cells for one side: its named people, or the country's name."""
    people = [p for p in event.participants if p.affiliation in side]
    names = [p.name for p in people if p.name] or [country_name(code) or code for code in side]
    return LIST.join(names), LIST.join(side), LIST.join(dict.fromkeys(p.role for p in people if p.role))


def polecat_row(event: FusedEvent) -> dict[str, object]:
    actor, recipient = sides_of(event)
    plover = PLOVER[event.type]
    published = sorted(s.published for s in event.sources if s.published)
    actor_cells, recipient_cells = side_cells(event, actor), side_cells(event, recipient)
    return {
        "Event ID": event.id,
        "Event Date": event.date or "",
        "Event Type": plover.code,
        "Event Mode": plover.mode or "",
        "Contexts": LIST.join(event.topics),
        "Actor Name": actor_cells[0],
        "Actor Country": actor_cells[1],
        "Actor Title": actor_cells[2],
        "Recipient Name": recipient_cells[0],
        "Recipient Country": recipient_cells[1],
        "Recipient Title": recipient_cells[2],
        "Placename": event.city or country_name(event.country or "") or "",
        "City": event.city or "",
        "Country": event.country or "",
        "Source": LIST.join(dict.fromkeys(s.outlet or s.input_id for s in event.sources)),
        "Publication Date": published[0] if published else "",
        "Accord Evidence": evidence(event),
        "Accord Source Count": len(event.sources),
        "Accord Source IDs": LIST.join(s.input_id for s in event.sources),
        "Accord Date Precision": event.date_precision or "",
    }


def write_table(
    sink: IO[str],
    events: Sequence[FusedEvent],
    columns: Sequence[str],
    row: Callable[[FusedEvent], dict[str, object]],
    delimiter: str,
) -> None:
    writer = csv.DictWriter(sink, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row(event) for event in events)


def write_jsonl(sink: IO[str], events: Sequence[FusedEvent]) -> None:
    for event in events:
        sink.write(json.dumps(as_dict(event), ensure_ascii=False) + "\n")


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


def write_graphml(path: Path, events: Sequence[FusedEvent]) -> int:
    graph = network(events)
    nx.write_graphml(graph, path)
    return graph.number_of_edges()


FORMATS = ("csv", "jsonl", "polecat", "graphml")


def export(events: Sequence[FusedEvent], format: str, path: Path) -> int:
    """Write `events` to `path` in `format`; return the number of rows (edges, for GraphML) written."""
    if format not in FORMATS:
        raise SettingError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "graphml":
        return write_graphml(path, events)
    with path.open("w", encoding="utf-8", newline="") as sink:
        if format == "jsonl":
            write_jsonl(sink, events)
        elif format == "csv":
            write_table(sink, events, CSV_COLUMNS, csv_row, ",")
        else:
            write_table(sink, events, POLECAT_COLUMNS, polecat_row, "\t")
    return len(events)
