"""People the store knows: a person's names and aliases, the offices the texts support over time with the
sentences that say so, and their events; and names to suggest when a name is unknown."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, or_, select

from accord.errors import NotFound
from accord.store import schema
from accord.store.actors import find_person
from accord.store.db import Store
from accord.store.identity import links_of
from accord.store.queries import load_events
from accord.store.records import ActorProfile, Office, OfficeEvidence
from accord.store.review import person_rules, renamed, standing

__all__ = ["actor", "offices_of", "suggest"]


def actor(store: Store, name: str) -> ActorProfile:
    """A person: canonical name, aliases, offices with the dates the texts support, and their events."""
    with store.read() as conn:
        found = find_person(conn, name)
        if found is None:
            raise NotFound(f"no stored person is called {name!r}; {suggest(conn, name)}")
        # An analyst's merge (`accord merge-people`) makes one person of two: the one kept answers for both.
        rules = person_rules(conn)
        person, merged_name = renamed(rules, found[0], None)
        person = person or found[0]
        theirs = {person, *(r.source for r in rules if r.alias is None and r.person == person)}
        aliases = sorted(
            set(conn.scalars(select(schema.aliases.c.text).where(schema.aliases.c.person_id.in_(theirs))))
        )
        event_ids = conn.scalars(
            select(schema.event_mentions.c.event_id)
            .join(schema.participants, schema.participants.c.mention_id == schema.event_mentions.c.id)
            .where(schema.participants.c.person_id.in_(theirs), standing())
            .join(schema.events, schema.events.c.id == schema.event_mentions.c.event_id)
        )
        offices = tuple(
            sorted(
                (office for one in sorted(theirs) for office in offices_of(conn, one)),
                key=lambda x: (x.first_seen or "", x.role or "", x.affiliation or ""),
            )
        )
        events = tuple(load_events(conn, event_ids))
        return ActorProfile(
            person,
            merged_name or found[1],
            tuple(aliases),
            offices,
            events,
            tuple(link for one in sorted(theirs) for link in links_of(conn, one)),
        )


def offices_of(conn: Connection, person: str) -> tuple[Office, ...]:
    """A person's offices with the dated sentences that support them and the inputs each came from: one
    query for the offices, one for all their sentences and one for the inputs, however many there are."""
    o, oe, s = schema.offices, schema.office_evidence, schema.sources
    theirs = select(o.c.id).where(o.c.person_id == person)
    evidence: dict[str, list[Row[Any]]] = {}
    for row in conn.execute(
        select(oe)
        .where(oe.c.office_id.in_(theirs))
        .order_by(oe.c.date.is_(None), oe.c.date, oe.c.document_id)
    ):
        evidence.setdefault(row.office_id, []).append(row)
    inputs: dict[str, list[str]] = {}
    for document_id, input_id in conn.execute(
        select(s.c.document_id, s.c.input_id)
        .where(s.c.document_id.in_(select(oe.c.document_id).where(oe.c.office_id.in_(theirs))))
        .order_by(s.c.input_id)
    ):
        inputs.setdefault(document_id, []).append(input_id)
    held = []
    for office in conn.execute(select(o).where(o.c.person_id == person)):
        rows = evidence.get(office.id, [])
        dates = sorted(row.date for row in rows if row.date)
        held.append(
            Office(
                office.role,
                office.affiliation,
                dates[0] if dates else None,
                dates[-1] if dates else None,
                tuple(
                    OfficeEvidence(
                        row.document_id, row.date, row.text, tuple(inputs.get(row.document_id, ()))
                    )
                    for row in rows
                ),
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
