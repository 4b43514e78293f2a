"""What the events page asks to explore the record the way datasette does: filters by outlet besides type,
period and party, any column to sort by, facets (how many of the filtered events fall on each type,
party, year and outlet), the filtered events for download, and readable labels for event ids.

Same rules as `queries`: typed records out, parameterised SQL in, counting done by the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

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
    kept_page,
    load_in_order,
    sides_of,
)
from accord.store.records import FusedEvent
from accord.store.review import standing

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

HOST = case((schema.events.c.type == "visit", schema.events.c.country), else_=None).label("host")
ROW = (schema.events.c.id, schema.events.c.date, schema.events.c.type, schema.events.c.party_key, HOST)
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
    if ordered is not None and (found := kept_page(store, ordered, offset, limit)) is not None:
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
    if not sort:
        rows = selected(store, chosen)
        if rows is not None:
            return by_date(rows, newest_first)
    with store.read() as conn:
        query = chosen.ids(conn)
        if count(conn, query) > store.listings.budget:
            return None
        return tuple(sorted_ids(conn, query, sort, newest_first, 0, None))


def selected(store: Store, chosen: EventFilter) -> Sequence[Any] | None:
    """Every event that passes the filters as a `ROW`, when they are no more than `SORTED_HERE` (else None):
    one read that both the filter's listing (`by_date`) and its facets (`tally`) are made of, kept until
    the store changes. The events of a party (of one type) are read off `by_side`."""

    def read() -> Sequence[Any] | None:
        country = chosen.country if not (chosen.since or chosen.until or chosen.outlet) else None
        # the index first, before this read holds a connection: building it takes one of its own
        involved = by_side(store) if country else None
        with store.read() as conn:
            if country and involved is not None:
                side, kind = terms.party(conn, country), terms.check_type(chosen.type)
                kept = [row for row in involved.get(side, ()) if kind in (None, row.type)]
                return kept if len(kept) <= SORTED_HERE else None
            rows = conn.execute(chosen.ids(conn).with_only_columns(*ROW).limit(SORTED_HERE + 1)).all()
        return rows if len(rows) <= SORTED_HERE else None

    return store.listings.get(("selected", chosen, date.today()), read, weight=weight)


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


def weight(listed: Sized | None) -> int:
    return 1 if listed is None else max(1, len(listed))


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
    """Facets by type, party, year and outlet over the events that pass the filters, kept until the store
    changes (every page of one filter shows the same facets), and the day too, which relative dates (`7d`)
    depend on. A filter keeping few events has them counted here from its `selected` rows and the outlets
    reporting each event (`outlets`); the database counts those of the others (`facets_in`)."""

    def compute() -> tuple[Facet, ...]:
        rows = selected(store, chosen)
        if rows is None:
            with store.read() as conn:
                return facets_in(conn, chosen)
        reporting = outlets(store)
        groups = ((row.type, row.date and row.date[:4], row.party_key, row.host, 1) for row in rows)
        return tally(groups, Counter(outlet for row in rows for outlet in reporting.get(row.id, ())))

    return store.answers.get(("facets", chosen, date.today()), compute)


class Listed(NamedTuple):
    """An event as `by_side` holds it: a `ROW` and its sides."""

    id: str
    date: str | None
    type: str
    party_key: str
    host: str | None
    sides: frozenset[str]


SIDES_SHARE = 4  # each event stands under two or three sides: the index may take a quarter of the listings


def by_side(store: Store) -> dict[str, tuple[Listed, ...]] | None:
    """Every event no analyst rejected, as a `ROW`, under each of its sides (`sides_of`): a party's events
    and a pair's without a query each; kept until the store changes among the listings, weighed by its
    rows, and not made (None) for a store too large for a quarter of what `Store.listings` holds."""
    e = schema.events

    def read() -> dict[str, tuple[Listed, ...]] | None:
        found: dict[str, list[Listed]] = {}
        with store.read() as conn:
            if count(conn, select(e.c.id)) > store.listings.budget // SIDES_SHARE:
                return None
            for row in conn.execute(select(*ROW).where(standing()).order_by(e.c.id)):
                listed = Listed(*row, frozenset(sides_of(row.party_key, row.host)))
                for side in listed.sides:
                    found.setdefault(side, []).append(listed)
        return {side: tuple(rows) for side, rows in found.items()}

    return store.listings.get("by side", read, weight=lambda index: sum(map(len, (index or {}).values())))


def facets_in(conn: Connection, chosen: EventFilter) -> tuple[Facet, ...]:
    """Two scans of the events that pass the filters: one grouped by type, year and sides (the parties, as
    `party_key` holds them, and a visit's host), one joined to the outlets reporting them."""
    e, m, s = schema.events, schema.event_mentions, schema.sources
    kept = chosen.ids(conn)
    year = func.substr(e.c.date, 1, 4)
    groups = kept.with_only_columns(e.c.type, year, e.c.party_key, HOST, func.count()).group_by(
        e.c.type, year, e.c.party_key, HOST
    )
    reporting = (
        kept.with_only_columns(s.c.outlet, func.count(e.c.id.distinct()))
        .join_from(e, m, m.c.event_id == e.c.id)
        .join(s, s.c.document_id == m.c.document_id)
        .where(s.c.outlet.is_not(None))
        .group_by(s.c.outlet)
    )
    return tally(conn.execute(groups), Counter({outlet: n for outlet, n in conn.execute(reporting)}))


def tally(groups: Iterable[Any], reporting: Counter[str]) -> tuple[Facet, ...]:
    """The facets of events counted per (type, year, party_key, host): an event counts once per value, once
    per side however many of its participants share the side; `reporting` counts the events per outlet."""
    by: dict[str, Counter[str]] = {name: Counter() for name in ("type", "country", "year")}
    for kind, in_year, parties, visited, n in groups:
        by["type"][kind] += n
        if in_year is not None and not in_year.startswith("--"):
            by["year"][in_year] += n
        for side in sides_of(parties, visited):
            by["country"][side] += n
    by["outlet"] = reporting
    found = []
    for name, counted in by.items():
        ranked = sorted(counted.items(), key=lambda item: (-item[1], str(item[0])))
        values = [FacetValue(str(v), label(name, str(v)), n) for v, n in ranked[:FACET_SIZE]]
        found.append(Facet(name, tuple(values)))
    return tuple(found)


def outlets(store: Store) -> dict[str, frozenset[str]]:
    """The outlets reporting each event (through the sources of its reports' documents), kept until the
    store changes."""
    m, s = schema.event_mentions, schema.sources

    def read() -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        with store.read() as conn:
            pairs = select(m.c.event_id, s.c.outlet).join(s, s.c.document_id == m.c.document_id)
            for event_id, outlet in conn.execute(pairs.where(s.c.outlet.is_not(None)).distinct()):
                found.setdefault(event_id, set()).add(outlet)
        return {event_id: frozenset(named) for event_id, named in found.items()}

    return store.listings.get("outlets", read, weight=len)


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
