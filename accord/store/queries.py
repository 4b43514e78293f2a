"""Questions the store answers, as typed records both the CLI and the web app render.

Every fused event comes back with all its sources, each with the input id and path the user gave, so any
event can be traced to the files it was read from. An event involves a country when the country is one of
its parties, or, for a visit, the country visited: Japan's foreign minister visiting Finland is part of the
Japan–Finland record even when no Finnish official is named.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Row,
    Select,
    Table,
    bindparam,
    case,
    func,
    null,
    or_,
    select,
    union_all,
)

from accord.errors import NotFound
from accord.records import EVENT_TYPES, AffiliationConflict, stronger_source
from accord.store import schema, terms
from accord.store.db import Store
from accord.store.fusion import date_parts
from accord.store.records import (
    EventParticipant,
    EventSource,
    FusedEvent,
    Partner,
)
from accord.store.review import Review, corrected_people, person_rules, renamed, reviews, standing

__all__ = ["event", "events", "kept_events", "kept_page", "partners", "timeline"]

TYPE_ORDER: dict[str, int] = {kind: rank for rank, kind in enumerate(EVENT_TYPES)}
TYPE_RANK = case(TYPE_ORDER, value=schema.events.c.type, else_=9)
CHUNK = 500  # ids per IN (...) list, well under every database's parameter limit


def chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


class Dated(Protocol):
    """What ordering needs: a fused event, or a row of the events table."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def date(self) -> str | None: ...


def chronological(event: Dated) -> tuple[int, int, int, int, str]:
    """Oldest first; a date without a year after every dated one, no date at the very end."""
    year, month, day = date_parts(event.date)
    return (
        year or 9999 if event.date else 10000,
        month or 0,
        day or 0,
        TYPE_ORDER.get(event.type, 9),
        event.id,
    )


def in_order(newest_first: bool = False) -> list[tuple[ColumnElement[bool], list[ColumnElement[Any]]]]:
    """The events table in `chronological` order, as parts to read one after another: each a condition and
    the ORDER BY terms within it, so the database pages through the date index instead of sorting it all.

    ISO dates of one shape sort as text in date order. Events dated with a year come first (the latest
    first with `newest_first`), then dates without a year, then no date, each oldest first.
    """
    e = schema.events
    keys = [e.c.date, TYPE_RANK, e.c.id]
    return [
        (
            e.c.date.is_not(None) & (e.c.date != "") & ~e.c.date.startswith("--"),
            [k.desc() for k in keys] if newest_first else keys,
        ),
        (e.c.date.startswith("--"), keys),
        (e.c.date.is_(None) | (e.c.date == ""), keys[1:]),
    ]


def involves(side: str) -> ColumnElement[bool]:
    """A condition on the events table: `side` is one of the event's parties or the country it visits."""
    e, ep = schema.events, schema.event_parties
    wanted = side.upper()
    return or_(
        e.c.id.in_(select(ep.c.event_id).where(ep.c.affiliation == wanted)),
        (e.c.type == "visit") & (e.c.country == wanted),
    )


# What `load_events` reads, each statement built once: the ids are bound per execution (`rows_for`).
IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)
EVENT_ROWS = select(schema.events).where(schema.events.c.id.in_(IDS))
MENTION_ROWS = select(
    schema.event_mentions.c.id, schema.event_mentions.c.event_id, schema.event_mentions.c.topics
).where(schema.event_mentions.c.event_id.in_(IDS))
PARTY_ROWS = (
    select(schema.event_parties)
    .where(schema.event_parties.c.event_id.in_(IDS))
    .order_by(schema.event_parties.c.affiliation)
)
EVIDENCE_ROWS = (
    select(schema.evidence.c.mention_id, schema.evidence.c.text)
    .where(schema.evidence.c.mention_id.in_(IDS))
    .order_by(schema.evidence.c.position)
)
SOURCE_ROWS = (
    select(
        schema.event_mentions.c.id.label("mention_id"),
        schema.event_mentions.c.event_id,
        schema.event_mentions.c.date,
        schema.event_mentions.c.date_in_text,
        schema.event_mentions.c.date_note,
        schema.event_mentions.c.date_end,
        schema.event_mentions.c.merge_reason,
        schema.sources,
    )
    .join(schema.sources, schema.sources.c.document_id == schema.event_mentions.c.document_id)
    .where(schema.event_mentions.c.id.in_(IDS))
    .order_by(schema.sources.c.added_at, schema.sources.c.path)
)
PARTICIPANT_ROWS = (
    select(schema.event_mentions.c.event_id, schema.participants)
    .join(schema.event_mentions, schema.event_mentions.c.id == schema.participants.c.mention_id)
    .where(schema.participants.c.mention_id.in_(IDS))
    .order_by(
        schema.event_mentions.c.event_id, schema.participants.c.mention_id, schema.participants.c.position
    )
)


def rows_for(conn: Connection, query: Select[Any], ids: Sequence[str]) -> Iterator[Row[Any]]:
    """The rows of `query` (one of the statements above) for `ids`, a chunk of ids at a time."""
    for part in chunks(ids):
        yield from conn.execute(query, {"ids": part})


def sources_of(conn: Connection, mention_ids: Sequence[str]) -> dict[str, list[EventSource]]:
    sentences: dict[str, list[str]] = {}
    for row in rows_for(conn, EVIDENCE_ROWS, mention_ids):
        sentences.setdefault(row.mention_id, []).append(row.text)
    found: dict[str, list[EventSource]] = {}
    first_input: dict[str, str] = {}  # per mention: the input its article came from first
    for row in rows_for(conn, SOURCE_ROWS, mention_ids):
        original = first_input.setdefault(row.mention_id, row.input_id)
        reason = row.merge_reason
        if original != row.input_id:  # a copy or reprint of that article: the same report, one more source
            reason = f"copy of {original} (similarity {row.similarity:.2f}); that report: {reason}"
        found.setdefault(row.event_id, []).append(
            EventSource(
                row.input_id,
                row.path,
                row.url,
                row.outlet,
                row.published,
                row.document_id,
                row.similarity,
                row.date,
                row.date_in_text,
                tuple(sentences.get(row.mention_id, ())),
                reason,
                row.date_note,
                row.date_end,
            )
        )
    return found


def participants_of(conn: Connection, mention_ids: Sequence[str]) -> dict[str, list[EventParticipant]]:
    """Participants per event, one entry per person (or per unnamed party), inferred fields merged and the
    words each report names them with kept; a person an analyst merged into another or split off
    (`review.person_rules`) goes by that person's name."""
    merged: dict[str, dict[tuple[str, str], EventParticipant]] = {}
    rules = person_rules(conn)
    for row in rows_for(conn, PARTICIPANT_ROWS, mention_ids):
        name = renamed(rules, row.person_id, row.span_text or row.name)[1] or row.name
        key = ("name", name.casefold()) if name else ("party", f"{row.affiliation}/{row.role}")
        people = merged.setdefault(row.event_id, {})
        inferred = tuple(f for f in row.inferred.split(",") if f)
        old = people.get(key)
        said = (row.span_text,) if row.span_text else ()
        affiliation, source, conflicts = weighed_affiliation(old, row)
        people[key] = EventParticipant(
            (old and old.name) or name,
            (old and old.role) or row.role,
            affiliation,
            tuple(sorted(set(inferred) & set(old.inferred))) if old else inferred,
            tuple(dict.fromkeys((*(old.mentioned_as if old else ()), *said))),
            source,
            conflicts,
        )
    return {event_id: list(people.values()) for event_id, people in merged.items()}


def weighed_affiliation(
    old: EventParticipant | None, row: Row[Any]
) -> tuple[str | None, str | None, tuple[AffiliationConflict, ...]]:
    """One participant's affiliation across the reports of an event: the strongest evidence wins (the
    first report of equals), every other affiliation any report gave is kept as a conflict."""
    stated = tuple(AffiliationConflict(**c) for c in json.loads(row.affiliation_conflicts or "[]"))
    if old is None:
        return row.affiliation, row.affiliation_source, stated
    candidates = [(old.affiliation, old.affiliation_source), (row.affiliation, row.affiliation_source)]
    known = [(a, s) for a, s in candidates if a]
    if not known:
        return None, None, old.affiliation_conflicts + stated
    winner = known[0]
    if len(known) == 2 and stronger_source(known[1][1], known[0][1]):
        winner = known[1]
    losers = [AffiliationConflict(a, s or "page") for a, s in known if a != winner[0]]
    conflicts: dict[str, AffiliationConflict] = {}
    for conflict in (*old.affiliation_conflicts, *stated, *losers):
        if conflict.affiliation != winner[0]:
            conflicts.setdefault(conflict.affiliation, conflict)
    return winner[0], winner[1], tuple(conflicts.values())


def load_events(conn: Connection, event_ids: Iterable[str]) -> list[FusedEvent]:
    """Fused events with participants and sources, oldest first."""
    ids = sorted(set(event_ids))
    rows = list(rows_for(conn, EVENT_ROWS, ids))
    mentions = list(rows_for(conn, MENTION_ROWS, ids))
    parties: dict[str, list[str]] = {}
    for row in rows_for(conn, PARTY_ROWS, ids):
        parties.setdefault(row.event_id, []).append(row.affiliation)
    topics: dict[str, dict[str, None]] = {}
    for row in mentions:
        topics.setdefault(row.event_id, {}).update(dict.fromkeys(json.loads(row.topics)))
    mention_ids = [row.id for row in mentions]
    sources, people = sources_of(conn, mention_ids), participants_of(conn, mention_ids)
    reviewed = reviews(conn, ids)
    loaded = [
        FusedEvent(
            row.id,
            row.type,
            row.date,
            row.date_precision,
            bool(row.date_inferred),
            row.city,
            row.country,
            tuple(parties.get(row.id, ())),
            tuple(corrected_people(people.get(row.id, ()), reviewed.get(row.id, Review()).people)),
            tuple(topics.get(row.id, {})),
            row.merge_key,
            tuple(json.loads(row.improvements)),
            tuple(json.loads(row.conflicts)),
            tuple(sources.get(row.id, ())),
            rejected=reviewed.get(row.id, Review()).has("reject"),
            confirmed=reviewed.get(row.id, Review()).has("confirm"),
            corrected=reviewed.get(row.id, Review()).has("correct"),
            corrections=reviewed.get(row.id, Review()).notes,
        )
        for row in rows
    ]
    return sorted(loaded, key=chronological)


def load_in_order(conn: Connection, event_ids: Sequence[str]) -> list[FusedEvent]:
    """Fused events in the order of `event_ids`, as a page or a chunk read from an index wants them."""
    order = {event_id: i for i, event_id in enumerate(event_ids)}
    return sorted(load_events(conn, event_ids), key=lambda found: order[found.id])


def kept_events(store: Store, event_ids: Sequence[str]) -> list[FusedEvent]:
    """The fused events of `event_ids` in that order (any no longer stored left out), from the records the
    store keeps until its next change (`Store.records`); those it lacks are loaded in a read of their own,
    begun after the version was read, so no record older than the last commit is kept or given."""

    def load(missing: list[str]) -> dict[str, FusedEvent]:
        with store.read() as conn:
            return {found.id: found for found in load_events(conn, missing)}

    kept = store.records.get(event_ids, load)
    return [kept[event_id] for event_id in event_ids if event_id in kept]


def kept_page(
    store: Store, ordered: Sequence[str] | None, offset: int, limit: int
) -> list[FusedEvent] | None:
    """One page of a kept listing of ids, or None where there is no listing or an event of the page changed
    since it was made (an ingest landing between the two reads): then the page is read afresh."""
    if ordered is None:
        return None
    wanted = ordered[offset : offset + limit]
    found = kept_events(store, wanted)
    return found if len(found) == len(wanted) else None


def timeline(store: Store, first: str, second: str) -> list[FusedEvent]:
    """The events between two countries or organisations (ISO alpha-3 or acronym), oldest first."""
    with store.read() as conn:
        a, b = terms.parties(conn, first, second)
        return load_events(
            conn, conn.scalars(select(schema.events.c.id).where(involves(a), involves(b), standing()))
        )


def filtered(
    query: Select[Any], type: str | None, since: str | None, until: str | None, table: Table = schema.events
) -> Select[Any]:
    """`query` over the events table (or another with `type` and `date`), keeping one type and a date range
    (ISO prefixes or words like "yesterday", inclusive; see `terms.date_bound`).

    A date without a year (`--09-12`) cannot be placed in a range, so `since` and `until` leave it out.
    """
    e = table
    type = terms.check_type(type)
    since, until = terms.date_range(since, until)
    if type:
        query = query.where(e.c.type == type)
    if since or until:
        query = query.where(e.c.date.is_not(None), ~e.c.date.startswith("--"))
    if since:
        query = query.where(e.c.date >= since)
    if until:
        query = query.where(e.c.date <= until + "-12-31"[len(until) - 4 :])  # "2024-01" runs to 2024-01-31
    return query


def events(
    store: Store,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    include_rejected: bool = False,
) -> list[FusedEvent]:
    """Events filtered by type, date range (ISO prefixes, inclusive) and a country involved, oldest first;
    the events analysts rejected only with `include_rejected` (marked `rejected`)."""
    with store.read() as conn:
        country = terms.party(conn, country) if country else None
        return load_events(conn, conn.scalars(event_ids(type, since, until, country, include_rejected)))


def event_ids(
    type: str | None,
    since: str | None,
    until: str | None,
    country: str | None,
    include_rejected: bool = False,
) -> Select[Any]:
    """The ids of the events of one type, in a date range (ISO prefixes, inclusive), involving `country`,
    not rejected unless `include_rejected`."""
    query = filtered(select(schema.events.c.id), type, since, until)
    query = query if include_rejected else query.where(standing())
    return query.where(involves(country)) if country else query


def sides_of(party_key: str | None, host: str | None) -> set[str]:
    """An event's sides from its `party_key` (its parties, sorted and joined by "+", `fusion.party_key`) and
    the country a visit goes to: what `involves` asks of the parties table and the visits."""
    return {side for side in (party_key or "").split("+") if side} | ({host} if host else set())


def pair_counts(
    conn: Connection,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    party: str | None = None,
) -> dict[tuple[str, str], Counter[str]]:
    """Events per type for every pair of sides that share one (in alphabetical order); `party` keeps the
    pairs it belongs to.

    The sides of an event are its parties and, for a visit, the country visited. The database counts the
    events per type and party set, and the visits per country visited too: short scans of the index on
    (type, party_key), where joining the parties table to itself took ten times as long. An event's
    `party_key` is its parties, sorted and joined by "+" (`fusion.party_key`), written together with its
    rows in `event_parties`. The pairs are read off those few hundred rows.
    """
    e = schema.events
    others = select(e.c.type, e.c.party_key, null().label("country"), func.count()).where(
        e.c.type != "visit", standing()
    )
    visits = select(e.c.type, e.c.party_key, e.c.country, func.count()).where(e.c.type == "visit", standing())
    query = union_all(
        filtered(others.group_by(e.c.type, e.c.party_key), type, since, until),
        filtered(visits.group_by(e.c.type, e.c.party_key, e.c.country), type, since, until),
    )
    wanted = terms.party(conn, party) if party else None
    found: dict[tuple[str, str], Counter[str]] = {}
    for kind, key, country, n in conn.execute(query):
        for pair in itertools.combinations(sorted(sides_of(key, country)), 2):
            if wanted is None or wanted in pair:
                found.setdefault(pair, Counter())[kind] += n
    return found


def partners(store: Store, country: str) -> list[Partner]:
    """Counterparts of a country, ranked by the number of events, with the count of each type."""
    with store.read() as conn:
        me = terms.party(conn, country)
        pairs = pair_counts(conn, party=me)
    counts = {(b if a == me else a): by_type for (a, b), by_type in pairs.items()}
    ranked = sorted(counts.items(), key=lambda item: (-item[1].total(), item[0]))
    return [Partner(other, by_type.total(), dict(sorted(by_type.items()))) for other, by_type in ranked]


def event(store: Store, event_id: str) -> FusedEvent:
    """One fused event by id (or an unambiguous prefix of it), with every source and evidence sentence.

    A whole id (all event ids have one length) is found through the primary key; only a prefix needs the
    LIKE that reads every id.
    """
    e = schema.events
    kept = kept_events(store, [event_id])
    if kept:
        return kept[0]
    with store.read() as conn:
        ids = list(conn.scalars(select(e.c.id).where(e.c.id == event_id))) or list(
            conn.scalars(select(e.c.id).where(e.c.id.startswith(event_id, autoescape=True)).limit(5))
        )
        if len(ids) != 1:
            shown = f"it matches {', '.join(ids)}" if ids else "no stored event has it"
            raise NotFound(
                f"event id {event_id!r}: {shown}; list ids with `accord events` or `accord timeline`"
            )
        return load_events(conn, ids)[0]
