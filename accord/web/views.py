"""What each page shows, as one typed record that the HTML template renders and the JSON twin returns.

A view takes its parameters the way FastAPI reads them (path, query, the store) and asks the store's query
functions; `app.py` mounts every view twice, as a page and under `/api`, so the two can never disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Path, Query, Request

from accord.records import EVENT_TYPES as TYPES
from accord.records import EventType
from accord.store import ActorProfile, FusedEvent, Partner, SearchHit, Store, actor, event, search
from accord.store.explore_queries import EventFilter, Facet, facets, filtered_page, labels
from accord.store.terms import codes
from accord.store.web_queries import (
    Counts,
    Dyad,
    Passage,
    StoredDocument,
    counts,
    document,
    dyads,
    event_context,
    event_page,
    pair_page,
    search_total,
)

__all__ = ["VIEWS", "View"]


async def store_of(request: Request) -> Store:
    """The store the app opened at startup (see `app.lifespan`). Async only so that FastAPI calls it on the
    event loop instead of handing it to a worker thread: one thread hop less per request."""
    store: Store = request.app.state.store  # Starlette's State holds untyped attributes
    return store


StoreDep = Annotated[Store, Depends(store_of)]
PARTY_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]{1,15}$"  # ISO alpha-3 or an organisation's acronym
Party = Annotated[str, Path(pattern=PARTY_PATTERN, description="ISO alpha-3 or acronym")]
RecordId = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{4,40}$")]  # an event's or a document's id
Type = Annotated[EventType | None, Query(description="Only this type")]
IsoDate = Annotated[
    str | None,
    Query(max_length=20, description="ISO date or prefix, or today, yesterday, 7d, last week; inclusive"),
]
PageNo = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1")]
Size = Annotated[int, Query(ge=1, le=500, description="Items per page")]


@dataclass(frozen=True)
class Paging:
    page: int
    size: int
    total: int | None
    has_next: bool

    @classmethod
    def of(cls, page: int, size: int, total: int) -> Paging:
        return cls(page, size, total, page * size < total)


@dataclass(frozen=True)
class Overview:
    counts: Counts
    latest: tuple[FusedEvent, ...]
    dyads: tuple[Dyad, ...]


@dataclass(frozen=True)
class Bin:
    """Events of one period (a month, or a year for long records), per type."""

    period: str
    by_type: dict[str, int]


@dataclass(frozen=True)
class DyadView:
    first: str
    second: str
    by_type: dict[str, int]
    histogram: tuple[Bin, ...]
    not_charted: int
    paging: Paging
    events: tuple[FusedEvent, ...]


@dataclass(frozen=True)
class ActorView:
    profile: ActorProfile
    counterparts: tuple[Partner, ...]


@dataclass(frozen=True)
class Node:
    id: str
    events: int


@dataclass(frozen=True)
class GraphView:
    type: str | None
    since: str | None
    until: str | None
    nodes: tuple[Node, ...]
    edges: tuple[Dyad, ...]
    hidden_nodes: int


@dataclass(frozen=True)
class EventView:
    event: FusedEvent
    plover: tuple[str, ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class EventList:
    type: str | None
    since: str | None
    until: str | None
    country: str | None
    outlet: str | None
    order: str
    sort: str | None
    paging: Paging
    events: tuple[FusedEvent, ...]
    facets: tuple[Facet, ...]


@dataclass(frozen=True)
class SearchView:
    query: str
    paging: Paging
    hits: tuple[SearchHit, ...]
    event_labels: dict[str, str]


def overview_view(store: StoreDep) -> Overview:
    """Counts, the latest events and the busiest pairs."""
    _, latest = event_page(store, 0, 10)
    return Overview(counts(store), tuple(latest), tuple(dyads(store)[:12]))


def histogram(counted: Mapping[tuple[str, str], int]) -> tuple[tuple[Bin, ...], int]:
    """Events per month (per year when the record spans more than three years), every period shown.

    `counted` holds the number of events per (date prefix, type), as `pair_page` counts them; the second
    value returned is how many events could not be charted (no date, no year, or no month on a monthly axis).
    """
    dated = {
        (prefix, kind): n for (prefix, kind), n in counted.items() if prefix and not prefix.startswith("--")
    }
    years = sorted(int(prefix[:4]) for prefix, _ in dated)
    monthly = bool(years) and years[-1] - years[0] < 3
    width = 7 if monthly else 4
    charted = {key: n for key, n in dated.items() if len(key[0]) >= width}
    periods: dict[str, Counter[str]] = {}
    if charted:
        keys = sorted(prefix[:width] for prefix, _ in charted)
        periods = {key: Counter() for key in span(keys[0], keys[-1], monthly)}
        for (prefix, kind), n in charted.items():
            periods[prefix[:width]][kind] += n
    bins = tuple(Bin(key, {t: by[t] for t in TYPES if by[t]}) for key, by in periods.items())
    return bins, sum(counted.values()) - sum(charted.values())


def span(first: str, last: str, monthly: bool) -> list[str]:
    """Every month (YYYY-MM) or year (YYYY) from `first` to `last`, so the chart's time axis is even."""
    if not monthly:
        return [str(y) for y in range(int(first), int(last) + 1)]
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def dyad_view(store: StoreDep, first: Party, second: Party, page: PageNo = 1, size: Size = 50) -> DyadView:
    """The events between two parties: counts per type and per period over all of them, and one page of
    the chronological list."""
    first, second = codes(store, first, second)
    counted, found = pair_page(store, first, second, (page - 1) * size, size)
    bins, not_charted = histogram(counted)
    by_type: Counter[str] = Counter()
    for (_, kind), n in counted.items():
        by_type[kind] += n
    return DyadView(
        first.upper(),
        second.upper(),
        {t: by_type[t] for t in TYPES if by_type[t]},
        bins,
        not_charted,
        Paging.of(page, size, counted.total()),
        tuple(found),
    )


def actor_view(store: StoreDep, name: Annotated[str, Path(min_length=2, max_length=200)]) -> ActorView:
    """A person's offices over time, events and counterparts (the sides of their events not their own)."""
    profile = actor(store, name)
    own = {office.affiliation for office in profile.offices}
    per: dict[str, Counter[str]] = {}
    for found in profile.events:
        for side in found.sides - own:
            per.setdefault(side, Counter())[found.type] += 1
    ranked = sorted(per.items(), key=lambda item: (-item[1].total(), item[0]))
    return ActorView(profile, tuple(Partner(a, c.total(), dict(sorted(c.items()))) for a, c in ranked))


def graph_view(
    store: StoreDep,
    type: Type = None,
    since: IsoDate = None,
    until: IsoDate = None,
    nodes: Annotated[int, Query(ge=2, le=200, description="Show the busiest parties only")] = 40,
) -> GraphView:
    """Parties as nodes and pairs as edges weighted by events, over a period and one type."""
    pairs = dyads(store, type, since, until)
    weight: Counter[str] = Counter()
    for pair in pairs:
        weight[pair.first] += pair.events
        weight[pair.second] += pair.events
    shown = dict(sorted(weight.items(), key=lambda item: (-item[1], item[0]))[:nodes])
    edges = tuple(p for p in pairs if p.first in shown and p.second in shown)
    return GraphView(
        type,
        since,
        until,
        tuple(Node(n, w) for n, w in shown.items()),
        edges,
        len(weight) - len(shown),
    )


def event_view(store: StoreDep, event_id: RecordId) -> EventView:
    """One fused event: participants, date and precision, place, PLOVER code, topics, every source."""
    found = event(store, event_id)
    context = event_context(store, found.id)
    return EventView(found, context.plover, context.passages)


Country = Annotated[str | None, Query(pattern=PARTY_PATTERN, description="Only events involving this party")]
Outlet = Annotated[str | None, Query(max_length=200, description="Only events this outlet reported")]
Order = Annotated[Literal["newest", "oldest"], Query(description="By date: newest or oldest first")]
Sort = Annotated[
    Literal["type", "-type", "place", "-place", "sources", "-sources"] | None,
    Query(description="Sort by this column (a leading - for descending), then the newest first"),
]


@dataclass(frozen=True)
class Chosen:
    """The events page's filters and order, as its query string gives them (and its downloads take them)."""

    filter: EventFilter
    order: str
    sort: str | None


async def chosen(
    type: Type = None,
    since: IsoDate = None,
    until: IsoDate = None,
    country: Country = None,
    outlet: Outlet = None,
    order: Order = "newest",
    sort: Sort = None,
) -> Chosen:
    """Async only so that FastAPI calls it on the event loop: in a worker thread it made every events page
    wait for the loop twice (p50 over the load test 400 ms, against 65 ms for the other pages)."""
    return Chosen(EventFilter(type, since, until, country and country.upper(), outlet), order, sort)


ChosenDep = Annotated[Chosen, Depends(chosen)]


def events_view(store: StoreDep, chosen: ChosenDep, page: PageNo = 1, size: Size = 50) -> EventList:
    """Fused events filtered by type, period, a party involved and an outlet, sorted by any column, a page at
    a time, with facets: how many of the filtered events fall on each type, party, year and outlet."""
    f = chosen.filter
    newest = chosen.order == "newest"
    total, found = filtered_page(store, f, chosen.sort, newest, (page - 1) * size, size)
    return EventList(
        f.type,
        f.since,
        f.until,
        f.country,
        f.outlet,
        chosen.order,
        chosen.sort,
        Paging.of(page, size, total),
        tuple(found),
        facets(store, f),
    )


def search_view(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find")],
    page: PageNo = 1,
    size: Size = 20,
) -> SearchView:
    """Stored articles that contain a phrase, newest first, with a snippet and their events.

    Only this page of articles is read (and one more, to know there is a next page); the total is known
    without counting when this is the last page, and counted when the page lies beyond the last.
    """
    offset = (page - 1) * size
    hits = search(store, q, limit=size + 1, offset=offset)
    total: int | None = None
    if len(hits) <= size:
        total = offset + len(hits) if hits or not offset else search_total(store, q)
    shown = tuple(hits[:size])
    names = labels(store, [i for hit in shown for i in hit.event_ids])
    return SearchView(q, Paging(page, size, total, total is None), shown, names)


def document_view(store: StoreDep, document_id: RecordId) -> StoredDocument:
    """A stored article as the cleaner left it: kept text, with the dropped lines folded where they were."""
    return document(store, document_id)


@dataclass(frozen=True)
class View:
    """One view mounted twice: `page` renders `template`, `api` returns the same record as JSON."""

    name: str
    page: str
    api: str
    template: str
    handler: object
    model: type


VIEWS = (
    View("overview", "/", "/api/overview", "overview.html", overview_view, Overview),
    View("events", "/events", "/api/events", "events.html", events_view, EventList),
    View("graph", "/graph", "/api/graph", "graph.html", graph_view, GraphView),
    View("search", "/search", "/api/search", "search.html", search_view, SearchView),
    View("dyad", "/dyad/{first}/{second}", "/api/dyads/{first}/{second}", "dyad.html", dyad_view, DyadView),
    View("actor", "/actor/{name}", "/api/actors/{name}", "actor.html", actor_view, ActorView),
    View("event", "/event/{event_id}", "/api/events/{event_id}", "event.html", event_view, EventView),
    View(
        "document",
        "/document/{document_id}",
        "/api/documents/{document_id}",
        "document.html",
        document_view,
        StoredDocument,
    ),
)
