"""Questions the store answers, as typed records both the CLI and the web app render.

Every fused event comes back with all its sources, each with the input id and path the user gave, so any
event can be traced to the files it was read from. An event involves a country when the country is one of
its parties, or, for a visit, the country visited: Japan's foreign minister visiting Finland is part of the
Japan–Finland record even when no Finnish official is named.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from sqlalchemy import Connection, Select, or_, select

from accord.errors import NotFound
from accord.store import schema
from accord.store.actors import find_person
from accord.store.db import Store
from accord.store.fusion import date_parts
from accord.store.records import (
    ActorProfile,
    EventParticipant,
    EventSource,
    FusedEvent,
    Office,
    OfficeEvidence,
    Partner,
    SearchHit,
)

__all__ = ["actor", "event", "events", "partners", "search", "timeline"]

TYPE_ORDER = {"meet": 0, "call": 1, "visit": 2, "agree": 3}
CHUNK = 500  # ids per IN (...) list, well under every database's parameter limit


def chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


class Dated(Protocol):
    """What ordering needs: a fused event, or a row of the events table."""

    id: str
    type: str
    date: str | None


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


def sources_of(conn: Connection, mention_ids: Sequence[str]) -> dict[str, list[EventSource]]:
    m, s, ev = schema.event_mentions, schema.sources, schema.evidence
    sentences: dict[str, list[str]] = {}
    for ids in chunks(mention_ids):
        for row in conn.execute(
            select(ev.c.mention_id, ev.c.text).where(ev.c.mention_id.in_(ids)).order_by(ev.c.position)
        ):
            sentences.setdefault(row.mention_id, []).append(row.text)
    found: dict[str, list[EventSource]] = {}
    for ids in chunks(mention_ids):
        query = (
            select(m.c.id.label("mention_id"), m.c.event_id, m.c.date, m.c.date_in_text, m.c.merge_reason, s)
            .join(s, s.c.document_id == m.c.document_id)
            .where(m.c.id.in_(ids))
            .order_by(s.c.added_at, s.c.path)
        )
        for row in conn.execute(query):
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
                    row.merge_reason,
                )
            )
    return found


def participants_of(conn: Connection, mention_ids: Sequence[str]) -> dict[str, list[EventParticipant]]:
    """Participants per event, one entry per person (or per unnamed party), inferred fields merged."""
    m, p = schema.event_mentions, schema.participants
    merged: dict[str, dict[tuple[str, str], EventParticipant]] = {}
    for ids in chunks(mention_ids):
        query = select(m.c.event_id, p).join(m, m.c.id == p.c.mention_id).where(p.c.mention_id.in_(ids))
        for row in conn.execute(query.order_by(m.c.event_id, p.c.mention_id, p.c.position)):
            key = ("name", row.name.casefold()) if row.name else ("party", f"{row.affiliation}/{row.role}")
            people = merged.setdefault(row.event_id, {})
            inferred = tuple(f for f in row.inferred.split(",") if f)
            old = people.get(key)
            people[key] = EventParticipant(
                (old and old.name) or row.name,
                (old and old.role) or row.role,
                (old and old.affiliation) or row.affiliation,
                tuple(sorted(set(inferred) & set(old.inferred))) if old else inferred,
            )
    return {event_id: list(people.values()) for event_id, people in merged.items()}


def load_events(conn: Connection, event_ids: Iterable[str]) -> list[FusedEvent]:
    """Fused events with participants and sources, oldest first."""
    e, m, ep = schema.events, schema.event_mentions, schema.event_parties
    ids = sorted(set(event_ids))
    rows = [row for part in chunks(ids) for row in conn.execute(select(e).where(e.c.id.in_(part)))]
    mentions = [
        row
        for part in chunks(ids)
        for row in conn.execute(select(m.c.id, m.c.event_id, m.c.topics).where(m.c.event_id.in_(part)))
    ]
    parties: dict[str, list[str]] = {}
    for part in chunks(ids):
        for row in conn.execute(select(ep).where(ep.c.event_id.in_(part)).order_by(ep.c.affiliation)):
            parties.setdefault(row.event_id, []).append(row.affiliation)
    topics: dict[str, dict[str, None]] = {}
    for row in mentions:
        topics.setdefault(row.event_id, {}).update(dict.fromkeys(json.loads(row.topics)))
    mention_ids = [row.id for row in mentions]
    sources, people = sources_of(conn, mention_ids), participants_of(conn, mention_ids)
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
            tuple(people.get(row.id, ())),
            tuple(topics.get(row.id, {})),
            row.merge_key,
            tuple(json.loads(row.improvements)),
            tuple(json.loads(row.conflicts)),
            tuple(sources.get(row.id, ())),
        )
        for row in rows
    ]
    return sorted(loaded, key=chronological)


def involving(conn: Connection, countries: Iterable[str]) -> list[FusedEvent]:
    """Events in which any of `countries` is a party or the country visited."""
    e, ep = schema.events, schema.event_parties
    wanted = sorted({c.upper() for c in countries})
    as_party = select(ep.c.event_id).where(ep.c.affiliation.in_(wanted))
    visited = select(e.c.id).where(e.c.type == "visit", e.c.country.in_(wanted))
    ids = list(conn.scalars(as_party.union(visited)))
    return [found for found in load_events(conn, ids) if found.sides & set(wanted)]


def timeline(store: Store, first: str, second: str) -> list[FusedEvent]:
    """The events between two countries or organisations (ISO alpha-3 or acronym), oldest first."""
    pair = {first.upper(), second.upper()}
    if len(pair) != 2:
        raise NotFound(
            f"a timeline needs two different parties, got {first} and {second}; e.g. `timeline JPN FIN`"
        )
    with store.read() as conn:
        return [found for found in involving(conn, pair) if pair <= found.sides]


def filtered(query: Select, type: str | None, since: str | None, until: str | None) -> Select:
    """`query` over the events table, keeping one type and a date range (ISO prefixes, inclusive).

    A date without a year (`--09-12`) cannot be placed in a range, so `since` and `until` leave it out.
    """
    e = schema.events
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
) -> list[FusedEvent]:
    """Events filtered by type, date range (ISO prefixes, inclusive) and a country involved, oldest first."""
    query = filtered(select(schema.events.c.id), type, since, until)
    with store.read() as conn:
        ids = set(conn.scalars(query))
        found = involving(conn, [country]) if country else load_events(conn, ids)
    return [f for f in found if f.id in ids]


def partners(store: Store, country: str) -> list[Partner]:
    """Counterparts of a country, ranked by the number of events, with the count of each type."""
    me = country.upper()
    counts: dict[str, Counter[str]] = {}
    with store.read() as conn:
        for found in involving(conn, [me]):
            for other in found.sides - {me}:
                counts.setdefault(other, Counter())[found.type] += 1
    ranked = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return [Partner(other, sum(by_type.values()), dict(sorted(by_type.items()))) for other, by_type in ranked]


def event(store: Store, event_id: str) -> FusedEvent:
    """One fused event by id (or an unambiguous prefix of it), with every source and evidence sentence."""
    e = schema.events
    with store.read() as conn:
        ids = list(conn.scalars(select(e.c.id).where(e.c.id.startswith(event_id, autoescape=True)).limit(5)))
        if len(ids) != 1:
            shown = f"it matches {', '.join(ids)}" if ids else "no stored event has it"
            raise NotFound(
                f"event id {event_id!r}: {shown}; list ids with `accord events` or `accord timeline`"
            )
        return load_events(conn, ids)[0]


def actor(store: Store, name: str) -> ActorProfile:
    """A person: canonical name, aliases, offices with the dates the texts support, and their events."""
    with store.read() as conn:
        found = find_person(conn, name)
        if found is None:
            raise NotFound(f"no stored person is called {name!r}; {suggest(conn, name)}")
        person = found[0]
        aliases = sorted(
            set(conn.scalars(select(schema.aliases.c.text).where(schema.aliases.c.person_id == person)))
        )
        event_ids = conn.scalars(
            select(schema.event_mentions.c.event_id)
            .join(schema.participants, schema.participants.c.mention_id == schema.event_mentions.c.id)
            .where(schema.participants.c.person_id == person)
        )
        return ActorProfile(
            person, found[1], tuple(aliases), offices_of(conn, person), tuple(load_events(conn, event_ids))
        )


def offices_of(conn: Connection, person: str) -> tuple[Office, ...]:
    o, oe, s = schema.offices, schema.office_evidence, schema.sources
    held = []
    for office in conn.execute(select(o).where(o.c.person_id == person)):
        rows = conn.execute(
            select(oe)
            .where(oe.c.office_id == office.id)
            .order_by(oe.c.date.is_(None), oe.c.date, oe.c.document_id)
        ).all()
        evidence = tuple(
            OfficeEvidence(
                row.document_id,
                row.date,
                row.text,
                tuple(
                    conn.scalars(
                        select(s.c.input_id).where(s.c.document_id == row.document_id).order_by(s.c.input_id)
                    )
                ),
            )
            for row in rows
        )
        dates = sorted(row.date for row in rows if row.date)
        held.append(
            Office(
                office.role,
                office.affiliation,
                dates[0] if dates else None,
                dates[-1] if dates else None,
                evidence,
            )
        )
    return tuple(sorted(held, key=lambda x: (x.first_seen or "", x.role or "", x.affiliation or "")))


def suggest(conn: Connection, name: str) -> str:
    words = [w for w in name.split() if len(w) > 2]
    people = schema.people
    similar = (
        conn.scalars(
            select(people.c.name)
            .where(or_(*(people.c.name.icontains(w, autoescape=True) for w in words)))
            .limit(5)
        ).all()
        if words
        else []
    )
    return (
        f"did you mean {', '.join(similar)}?"
        if similar
        else "list people with `accord events` or ingest more articles"
    )


def search(store: Store, query: str, limit: int = 50) -> list[SearchHit]:
    """Articles whose text contains `query` (any case), with a snippet and the events read from them."""
    d, s, m = schema.documents, schema.sources, schema.event_mentions
    needle = " ".join(query.split())
    if not needle:
        raise NotFound("search needs some text, e.g. accord search 'hybrid threats'")
    with store.read() as conn:
        rows = conn.execute(
            select(d.c.id, d.c.title, d.c.published, d.c.text)
            .where(d.c.text.icontains(needle, autoescape=True))
            .order_by(d.c.published.desc(), d.c.id)
            .limit(limit)
        ).all()
        hits = []
        for row in rows:
            at = row.text.casefold().find(needle.casefold())
            start, end = max(0, at - 80), min(len(row.text), at + len(needle) + 80)
            snippet = (
                ("…" if start else "")
                + " ".join(row.text[start:end].split())
                + ("…" if end < len(row.text) else "")
            )
            inputs = tuple(
                conn.scalars(select(s.c.input_id).where(s.c.document_id == row.id).order_by(s.c.input_id))
            )
            event_ids = tuple(
                dict.fromkeys(
                    conn.scalars(select(m.c.event_id).where(m.c.document_id == row.id).order_by(m.c.position))
                )
            )
            hits.append(SearchHit(row.id, row.title, row.published, snippet, inputs, event_ids))
    return hits
