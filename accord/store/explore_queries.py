"""What the events page asks to explore the record the way datasette does: filters by outlet besides type,
period and party, any column to sort by, facets (how many of the filtered events fall on each type,
party, year and outlet), the filtered events for download, and readable labels for event ids.

Same rules as `queries`: typed records out, parameterised SQL in, counting done by the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, case, func, select

from accord.gazetteer import country_name
from accord.store import schema, terms
from accord.store.db import Store
from accord.store.queries import (
    CHUNK,
    TYPE_ORDER,
    TYPE_RANK,
    event_ids,
    in_order,
    kept_events,
    load_in_order,
)
from accord.store.records import FusedEvent

__all__ = [
    "SORTS",
    "EventFilter",
    "Facet",
    "FacetValue",
    "event_labels",
    "facets",
    "filtered_events",
    "filtered_page",
    "labels",
]

FACET_SIZE = 12  # values shown per facet, the busiest first
SORTED_HERE = 5_000  # a filter keeping at most this many events has them sorted in Python (`by_date`)


@dataclass(frozen=True)
class EventFilter:
    """The events page's filters; every one left out keeps every event."""

    type: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    outlet: str | None = None

    def ids(self, conn: Connection) -> Select[Any]:
        """The ids of the events table that pass every filter; an unknown party is an error that suggests
        the codes it may mean (`terms.party`)."""
        country = terms.party(conn, self.country) if self.country else None
        query = event_ids(self.type, self.since, self.until, country)
        if self.outlet:
            m, s = schema.event_mentions, schema.sources
            reported = select(m.c.event_id).join(s, s.c.document_id == m.c.document_id)
            query = query.where(schema.events.c.id.in_(reported.where(s.c.outlet == self.outlet)))
        return query


def source_count() -> ColumnElement[int]:
    """How many inputs reported an event: the sources of the documents its reports were read from."""
    m, s = schema.event_mentions, schema.sources
    return (
        select(func.count(s.c.id))
        .join(m, m.c.document_id == s.c.document_id)
        .where(m.c.event_id == schema.events.c.id)
        .scalar_subquery()
    )


# Columns the events page sorts by besides the date; ties keep the newest first.
SORTS: dict[str, Callable[[], list[ColumnElement[Any]]]] = {
    "type": lambda: [TYPE_RANK],
    "place": lambda: [schema.events.c.country, schema.events.c.city],
    "sources": lambda: [source_count()],
}


def sorted_ids(
    conn: Connection, query: Select[Any], sort: str | None, newest_first: bool, offset: int, limit: int | None
) -> list[str]:
    """The ids of `query` in the page's order: by a column of `SORTS` (`-type` for descending) and then
    the newest first, or by date; `limit` None reads to the end.

    By date, each part of `in_order` is read in index order with OFFSET and LIMIT, so the database pages
    through the date index instead of sorting it all; a part is counted only when the page starts past
    its end.
    """
    e = schema.events
    if sort:
        keys = SORTS[sort.lstrip("-")]()
        ordered = [k.desc() for k in keys] if sort.startswith("-") else keys
        ranked = query.order_by(*ordered, e.c.date.desc(), e.c.id).offset(offset).limit(limit)
        return list(conn.scalars(ranked))
    ids: list[str] = []
    for part, keys in in_order(newest_first):
        wanted = None if limit is None else limit - len(ids)
        got = list(conn.scalars(query.where(part).order_by(*keys).offset(offset).limit(wanted)))
        ids += got
        if limit is not None and len(ids) == limit:
            break
        # This part ended before the page did: the page goes on at the start of the next part, or further
        # into it when the offset reached past this part.
        offset = 0 if got else max(0, offset - count(conn, query.where(part)))
    return ids


def count(conn: Connection, query: Select[Any]) -> int:
    """How many rows `query` has, counted by the database."""
    return conn.scalar(select(func.count()).select_from(query.subquery())) or 0


def filtered_page(
    store: Store, chosen: EventFilter, sort: str | None, newest_first: bool, offset: int, limit: int
) -> tuple[int, list[FusedEvent]]:
    """How many events pass the filters, and one page of them in the chosen order.

    The ids of all of them, in order, are kept until the store changes (`Store.listings`, when there are
    no more than it holds), so a page deep in the list costs a slice, not a walk through the index past
    every page before it. A page whose events changed since (an ingest landing between the two reads) is
    read from the database alone, as are the pages of lists too long to keep.
    """
    key = (chosen, sort, newest_first, date.today())
    ordered = store.listings.get(key, lambda: listed_ids(store, chosen, sort, newest_first), weight=weight)
    if ordered is not None:
        wanted = ordered[offset : offset + limit]
        found = kept_events(store, wanted)
        if len(found) == len(wanted):
            return len(ordered), found
    with store.read() as conn:
        query = chosen.ids(conn)
        total = count(conn, query)
        if offset >= total:
            return total, []
        return total, load_in_order(conn, sorted_ids(conn, query, sort, newest_first, offset, limit))


def listed_ids(
    store: Store, chosen: EventFilter, sort: str | None, newest_first: bool
) -> tuple[str, ...] | None:
    """The ids of every event that passes the filters, in the page's order; None when there are more than
    `Store.listings` keeps. Up to `SORTED_HERE` events are sorted here (`by_date`), more by the database."""
    e = schema.events
    with store.read() as conn:
        query = chosen.ids(conn)
        if not sort:
            rows = conn.execute(query.with_only_columns(e.c.id, e.c.date, e.c.type).limit(SORTED_HERE + 1))
            kept = rows.all()
            if len(kept) <= SORTED_HERE:
                return by_date(kept, newest_first)
        if count(conn, query) > store.listings.budget:
            return None
        return tuple(sorted_ids(conn, query, sort, newest_first, 0, None))


def by_date(rows: Iterable[Any], newest_first: bool) -> tuple[str, ...]:
    """The ids of `rows` (id, date, type) in `in_order`'s order, sorted here: to order the few events a filter
    keeps, the database walks its date index past every stored event (15 ms for 400 of 10,000; here 3 ms).
    ISO dates and ids sort alike as text here and in the database."""
    dated, yearless, undated = [], [], []
    for row in rows:
        rank = TYPE_ORDER.get(row.type, 9)
        if not row.date:
            undated.append((rank, row.id))
        elif row.date.startswith("--"):
            yearless.append((row.date, rank, row.id))
        else:
            dated.append((row.date, rank, row.id))
    dated.sort(reverse=newest_first)
    yearless.sort()
    undated.sort()
    return tuple(key[-1] for part in (dated, yearless, undated) for key in part)


def weight(ids: tuple[str, ...] | None) -> int:
    return 1 if ids is None else max(1, len(ids))


def filtered_events(
    store: Store, chosen: EventFilter, sort: str | None, newest_first: bool, chunk: int = CHUNK
) -> Iterator[FusedEvent]:
    """Every event that passes the filters, in the page's order, loaded a chunk at a time (for downloads)."""
    with store.read() as conn:
        ids = sorted_ids(conn, chosen.ids(conn), sort, newest_first, 0, None)
        for start in range(0, len(ids), chunk):
            yield from load_in_order(conn, ids[start : start + chunk])


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    events: int


@dataclass(frozen=True)
class Facet:
    """How many of the filtered events have each value of one field, the busiest values first."""

    name: str
    values: tuple[FacetValue, ...]


def facets(store: Store, chosen: EventFilter) -> tuple[Facet, ...]:
    """Facets by type, party, year and outlet over the events that pass the filters: a scan of every event
    they keep, so each is kept until the store changes (every page of one filter shows the same facets),
    and the day too, which relative dates (`7d`) depend on."""

    def compute() -> tuple[Facet, ...]:
        with store.read() as conn:
            return facets_in(conn, chosen)

    return store.answers.get(("facets", chosen, date.today()), compute)


def facets_in(conn: Connection, chosen: EventFilter) -> tuple[Facet, ...]:
    """Two scans of the events that pass the filters: one grouped by type, year and sides (the parties, as
    `party_key` holds them, and a visit's host), read off in Python, one joined to the outlets reporting them.

    An event counts once per value: once per side, however many of its participants share the side.
    """
    e, m, s = schema.events, schema.event_mentions, schema.sources
    kept = chosen.ids(conn)
    year = func.substr(e.c.date, 1, 4)
    host = case((e.c.type == "visit", e.c.country), else_=None)
    groups = kept.with_only_columns(e.c.type, year, e.c.party_key, host, func.count()).group_by(
        e.c.type, year, e.c.party_key, host
    )
    by: dict[str, Counter[str]] = {name: Counter() for name in ("type", "country", "year", "outlet")}
    for kind, in_year, parties, visited, n in conn.execute(groups):
        by["type"][kind] += n
        if in_year is not None and not in_year.startswith("--"):
            by["year"][in_year] += n
        sides = {side for side in (parties or "").split("+") if side}
        for side in sides | ({visited} if visited else set()):
            by["country"][side] += n
    reporting = (
        kept.with_only_columns(s.c.outlet, func.count(e.c.id.distinct()))
        .join_from(e, m, m.c.event_id == e.c.id)
        .join(s, s.c.document_id == m.c.document_id)
        .where(s.c.outlet.is_not(None))
        .group_by(s.c.outlet)
    )
    by["outlet"].update({outlet: n for outlet, n in conn.execute(reporting)})
    found = []
    for name, counted in by.items():
        ranked = sorted(counted.items(), key=lambda item: (-item[1], str(item[0])))
        values = [FacetValue(str(v), label(name, str(v)), n) for v, n in ranked[:FACET_SIZE]]
        found.append(Facet(name, tuple(values)))
    return tuple(found)


def label(facet: str, value: str) -> str:
    return f"{country_name(value) or value}" if facet == "country" else value


def event_labels(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """A readable name for each event id: type, parties and date, e.g. "meet FIN–JPN, 2024-01-09"."""
    e, ep = schema.events, schema.event_parties
    rows = conn.execute(select(e.c.id, e.c.type, e.c.date, e.c.country).where(e.c.id.in_(list(ids)))).all()
    sides: dict[str, list[str]] = {}
    for event_id, side in conn.execute(
        select(ep.c.event_id, ep.c.affiliation).where(ep.c.event_id.in_(list(ids))).order_by(ep.c.affiliation)
    ):
        sides.setdefault(event_id, []).append(side)
    labels = {}
    for row in rows:
        who = "–".join(sides.get(row.id, [])) or "?"
        host = f" → {row.country}" if row.type == "visit" and row.country else ""
        labels[row.id] = f"{row.type} {who}{host}, {row.date or 'undated'}"
    return labels


def labels(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """`event_labels` in a read of its own."""
    with store.read() as conn:
        return event_labels(conn, ids)
