"""Questions only the web app asks: counts, the busiest pairs, one page of events, a stored document as the
cleaner left it, and each evidence sentence in its paragraph.

Same rules as `queries`: typed records out, parameterised SQL in, and a country is involved in an event when
it is a party or, for a visit, the country visited.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, Select, Table, func, select

from accord.errors import NotFound
from accord.store import schema, terms
from accord.store.db import Store
from accord.store.explore_queries import (
    ROW,
    SORTED_HERE,
    EventFilter,
    by_date,
    by_side,
    count,
    event_labels,
    facets,
    filtered_page,
    outlets,
    sorted_ids,
    weight,
)
from accord.store.queries import (
    event_ids,
    involves,
    kept_page,
    load_in_order,
    pair_counts,
)
from accord.store.records import FusedEvent
from accord.store.review import standing
from accord.store.search import matching, needle_of

__all__ = [
    "Counts",
    "DocumentSource",
    "Dyad",
    "EventContext",
    "Passage",
    "StoredDocument",
    "TextLine",
    "counts",
    "document",
    "dyads",
    "event_context",
    "event_page",
    "pair_page",
    "search_total",
    "warm",
]


@dataclass(frozen=True)
class Counts:
    documents: int
    sources: int
    events: int
    people: int
    by_type: dict[str, int]


@dataclass(frozen=True)
class Dyad:
    """A pair of countries or organisations (in alphabetical order) and the events between them."""

    first: str
    second: str
    events: int
    by_type: dict[str, int]


@dataclass(frozen=True)
class Passage:
    """An evidence sentence inside its paragraph, split so the sentence can be highlighted."""

    document_id: str
    before: str
    evidence: str
    after: str


@dataclass(frozen=True)
class EventContext:
    """What the fused event record leaves out: the PLOVER codes of its reports and their evidence in context."""

    plover: tuple[str, ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class TextLine:
    """One line of a page: kept in the article (`dropped` is None) or dropped, with the cleaner's reason."""

    text: str
    dropped: str | None = None


@dataclass(frozen=True)
class DocumentSource:
    input_id: str
    path: str
    url: str | None
    outlet: str | None
    published: str | None
    similarity: float


@dataclass(frozen=True)
class StoredDocument:
    id: str
    title: str | None
    published: str | None
    published_source: str | None
    lines: tuple[TextLine, ...]
    sources: tuple[DocumentSource, ...]
    event_ids: tuple[str, ...]
    event_labels: dict[str, str]

    @property
    def sections(self) -> list[tuple[bool, list[TextLine]]]:
        """Runs of kept lines and of dropped lines, so each run of boilerplate folds as one."""
        runs = itertools.groupby(self.lines, key=lambda line: line.dropped is None)
        return [(kept, list(lines)) for kept, lines in runs]


def counts(store: Store) -> Counts:
    """How much the store holds: documents, their sources, fused events (per type) and people; counted once
    per version of the store."""
    return store.answers.get("counts", lambda: count_all(store))


def count_all(store: Store) -> Counts:
    with store.read() as conn:

        def total(table: Table) -> int:
            return conn.scalar(select(func.count()).select_from(table)) or 0

        by_type: dict[str, int] = dict(
            conn.execute(
                select(schema.events.c.type, func.count()).where(standing()).group_by(schema.events.c.type)
            ).all()
        )
        return Counts(
            total(schema.documents),
            total(schema.sources),
            sum(by_type.values()),
            total(schema.people),
            dict(sorted(by_type.items())),
        )


def dyads(
    store: Store,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    party: str | None = None,
) -> list[Dyad]:
    """Every pair of sides that share an event, busiest first; `party` keeps the pairs it belongs to.
    Counted once per version of the store and day (relative dates such as `7d` move with the day)."""
    key = ("dyads", type, since, until, party, date.today())
    return list(store.answers.get(key, lambda: tuple(rank_pairs(store, type, since, until, party))))


def warm(store: Store) -> None:
    """Compute what the overview and the events page show of the whole store, and keep the records of the
    newest events (up to what `Store.records` holds), so that a web worker does this once before it takes
    requests rather than while a hundred of them wait (p99 over the load test 0.7-1.6 s before)."""
    counts(store)
    dyads(store)
    everything = EventFilter()
    facets(store, everything)
    outlets(store)
    by_side(store)
    filtered_page(store, everything, None, True, 0, store.records.budget)


def rank_pairs(
    store: Store, type: str | None, since: str | None, until: str | None, party: str | None
) -> list[Dyad]:
    with store.read() as conn:
        found = pair_counts(conn, type, since, until, party)
    ranked = sorted(found.items(), key=lambda item: (-item[1].total(), item[0]))
    return [Dyad(a, b, by_type.total(), dict(sorted(by_type.items()))) for (a, b), by_type in ranked]


def pair_page(
    store: Store, first: str, second: str, offset: int, limit: int
) -> tuple[Counter[tuple[str, str]], list[FusedEvent]]:
    """The events between two parties: all of them counted per (first seven characters of the date, type),
    and one page of them, oldest first.

    The date prefix is a month (`2024-01`), a year (`2024`), a date without a year (`--09-12`) or "" for no
    date: enough for the totals and a chart of every event, while only the page's events are loaded. The
    counts and the pair's ids in order are kept until the store changes (`Store.listings`); a page whose
    events changed since, or a pair with more events than the listings hold, is read in one snapshot.
    """
    with store.read() as conn:
        a, b = terms.parties(conn, first, second)
    counted, ordered = store.listings.get(("pair", a, b), lambda: pair_listing(store, a, b), weight=weighed)
    if (found := kept_page(store, ordered, offset, limit)) is not None:
        return counted, found
    with store.read() as conn:
        query = pair_query(a, b)
        counted = count_pair(conn, query)
        return counted, page_of(
            conn, query, offset, limit, newest_first=False
        ) if offset < counted.total() else []


def pair_query(a: str, b: str) -> Select[Any]:
    return select(schema.events.c.id).where(involves(a), involves(b), standing())


def count_pair(conn: Connection, query: Select[Any]) -> Counter[tuple[str, str]]:
    e = schema.events
    prefix = func.substr(func.coalesce(e.c.date, ""), 1, 7)
    rows = conn.execute(query.with_only_columns(prefix, e.c.type, func.count()).group_by(prefix, e.c.type))
    return Counter({(period, kind): n for period, kind, n in rows})


def pair_listing(store: Store, a: str, b: str) -> tuple[Counter[tuple[str, str]], tuple[str, ...] | None]:
    """The pair's counts, and its event ids oldest first (None when there are more than the listings hold).
    Up to `SORTED_HERE` events are counted and sorted here, read off `by_side` or else read once; more are
    counted and sorted by the database."""
    involved = by_side(store)
    with store.read() as conn:
        query = pair_query(a, b)
        rows: Sequence[Any]
        if involved is not None:
            rows = [row for row in involved.get(a, ()) if b in row.sides]
        else:
            rows = conn.execute(query.with_only_columns(*ROW).limit(SORTED_HERE + 1)).all()
        if len(rows) <= SORTED_HERE:
            return Counter(((row.date or "")[:7], row.type) for row in rows), by_date(
                rows, newest_first=False
            )
        counted = count_pair(conn, query)
        if counted.total() > store.listings.budget:
            return counted, None
        return counted, tuple(sorted_ids(conn, query, None, False, 0, None))


def weighed(listing: tuple[Counter[tuple[str, str]], tuple[str, ...] | None]) -> int:
    return len(listing[0]) + weight(listing[1])


def event_page(
    store: Store,
    offset: int,
    limit: int,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    newest_first: bool = True,
) -> tuple[int, list[FusedEvent]]:
    """One page of the filtered events and how many there are in all; only that page's events are loaded.

    The newest first are the latest dated events; those without a full date stay at the end.
    """
    with store.read() as conn:
        query = event_ids(type, since, until, terms.party(conn, country) if country else None)
        total = count(conn, query)
        return total, page_of(conn, query, offset, limit, newest_first) if offset < total else []


def page_of(
    conn: Connection, query: Select[Any], offset: int, limit: int, newest_first: bool
) -> list[FusedEvent]:
    """The events of one page of `query` (which selects ids from the events table), in chronological order."""
    return load_in_order(conn, sorted_ids(conn, query, None, newest_first, offset, limit))


def search_total(store: Store, query: str) -> int:
    """How many stored articles contain `query`, as `search` matches it."""
    d = schema.documents
    with store.read() as conn:
        return conn.scalar(select(func.count()).select_from(d).where(matching(needle_of(query)))) or 0


def event_context(store: Store, event_id: str) -> EventContext:
    """The PLOVER codes an event's reports carry and each evidence sentence within its paragraph."""
    m, ev, d = schema.event_mentions, schema.evidence, schema.documents
    with store.read() as conn:
        codes = conn.execute(
            select(m.c.plover_code, m.c.plover_mode).where(m.c.event_id == event_id).distinct()
        ).all()
        rows = conn.execute(
            select(m.c.document_id, ev.c.span_start, ev.c.span_end, d.c.text)
            .join(ev, ev.c.mention_id == m.c.id)
            .join(d, d.c.id == m.c.document_id)
            .where(m.c.event_id == event_id)
            .order_by(m.c.document_id, m.c.position, ev.c.position)
        ).all()
    plover = sorted({f"{code} ({mode})" if mode else code for code, mode in codes})
    return EventContext(
        tuple(plover), tuple(in_paragraph(r.document_id, r.text, r.span_start, r.span_end) for r in rows)
    )


def in_paragraph(document_id: str, text: str, start: int, end: int) -> Passage:
    """The line (paragraph) of the cleaned text around a span, cut into before / span / after."""
    end = start + len(text[start:end].rstrip())
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return Passage(document_id, text[first:start], text[start:end], text[end:last])


def document(store: Store, document_id: str) -> StoredDocument:
    """A stored article: its cleaned text with the dropped lines back in place, its sources and events."""
    d, dl, s, m = schema.documents, schema.dropped_lines, schema.sources, schema.event_mentions
    with store.read() as conn:
        row = conn.execute(select(d).where(d.c.id == document_id)).first()
        if row is None:
            raise NotFound(
                f"no stored document has the id {document_id!r}; find documents with `accord search`"
            )
        dropped = conn.execute(
            select(dl).where(dl.c.document_id == document_id).order_by(dl.c.position)
        ).all()
        sources = tuple(
            DocumentSource(r.input_id, r.path, r.url, r.outlet, r.published, r.similarity)
            for r in conn.execute(
                select(s).where(s.c.document_id == document_id).order_by(s.c.added_at, s.c.path)
            )
        )
        event_ids = tuple(
            dict.fromkeys(
                conn.scalars(
                    select(m.c.event_id).where(m.c.document_id == document_id).order_by(m.c.position)
                )
            )
        )
        names = event_labels(conn, event_ids)
    return StoredDocument(
        row.id,
        row.title,
        row.published,
        row.published_source,
        restore(row.text, dropped),
        sources,
        event_ids,
        names,
    )


def restore(text: str, dropped: Sequence[Row[Any]]) -> tuple[TextLine, ...]:
    """The kept lines of `text` with the dropped ones put back where the page had them.

    Blank lines are not stored, so a kept line's place is read from the dropped lines around it: it goes
    before a dropped line while the page (by character offsets) and the line count leave room for it there.
    """
    kept = text.split("\n") if text else []
    lines: list[TextLine] = []
    i = at = position = 0
    for line in dropped:
        while i < len(kept) and position < line.position and at + len(kept[i]) <= line.line_start:
            lines.append(TextLine(kept[i]))
            at, position, i = at + len(kept[i]) + 1, position + 1, i + 1
        lines.append(TextLine(line.text, line.reason or "dropped"))
        at, position = line.line_end + 1, line.position + 1
    return (*lines, *(TextLine(k) for k in kept[i:]))
