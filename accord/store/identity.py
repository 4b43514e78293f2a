"""Person identity: one person record per real person, whatever spelling each outlet uses.

A full name the store has not seen is looked up among the people sharing one of its family names
(`name_keys`, indexed by the folded start of each later word): one whose written forms agree with it
(`namematch`) and whose offices do not give another country is the same person, and the new form becomes
its alias, with the reason and score in `identity_links`. Two candidates that both fit leave the name a
person of its own: a wrong merge is worse than a missed one. Curators correct the rest with `merge_people`
and `split_person`, which record why and fuse the affected events again (`refusion`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select, update

from accord.errors import NotFound
from accord.store import schema
from accord.store.db import Store, insert_ignore
from accord.store.dedup import content_id
from accord.store.fusion import anchor_day, key_name
from accord.store.namematch import name_agreement, name_words, word_key

__all__ = [
    "Identified",
    "backfill_fusion_index",
    "identify",
    "identify_candidates",
    "index_name",
    "link",
    "links_of",
    "merge_people",
    "people_events",
    "split_person",
]

CLEAR_LEAD = 0.05  # how much better the best of several fitting people must agree to be chosen


@dataclass(frozen=True)
class Identified:
    """The stored person a name is, how surely (0–1), and why."""

    person_id: str
    score: float
    reason: str


def now() -> str:
    return datetime.now(UTC).isoformat()


def family_keys(name: str) -> set[str]:
    """The keys a person is indexed under: the folded start of each word after the given name."""
    words = [w for w in name_words(name) if len(w) > 1]
    return {word_key(w) for w in (words[1:] if len(words) > 1 else words)}


def index_name(conn: Connection, person: str, name: str) -> None:
    insert_ignore(conn, schema.name_keys, [{"key": key, "person_id": person} for key in family_keys(name)])


def link(
    conn: Connection, person: str, alias: str, action: str, reason: str, score: float | None = None
) -> None:
    """Record why `alias` belongs to (or was split from) `person`."""
    conn.execute(
        schema.identity_links.insert().values(
            person_id=person, alias=alias, action=action, reason=reason, score=score, at=now()
        )
    )


def identify(conn: Connection, name: str, affiliation: str | None) -> Identified | None:
    """The stored person a full name is: the one person with this exact alias whose offices allow
    `affiliation` (or, for a full given name, the one person with it at all), else the one person whose
    offices allow `affiliation` and whose written names agree with it; None when none or several fit.
    An initial ("M. Ferreira") is only ever matched within the country it is given."""
    a, o = schema.aliases, schema.offices
    exact = set(conn.scalars(select(a.c.person_id).where(a.c.key == key_name(name))))
    people = exact | identify_candidates(conn, name)
    if not people:
        return None
    countries: dict[str, set[str]] = {}
    for row in conn.execute(select(o.c.person_id, o.c.affiliation).where(o.c.person_id.in_(people))):
        if row.affiliation:
            countries.setdefault(row.person_id, set()).add(row.affiliation)
    fits = {p for p in people if not (affiliation and countries.get(p) and affiliation not in countries[p])}
    if exact & fits:
        same = exact & fits
        return Identified(same.pop(), 1.0, "same name") if len(same) == 1 else None
    if len(exact) == 1 and len(name_words(name)[0]) > 1:
        # The same full name with another country is more often a misread affiliation than a namesake.
        return Identified(exact.pop(), 1.0, "same name")
    written: dict[str, list[str]] = {}
    for row in conn.execute(select(a.c.person_id, a.c.text).where(a.c.person_id.in_(fits))):
        if len(name_words(row.text)) > 1:
            written.setdefault(row.person_id, []).append(row.text)
    fitting: list[tuple[float, str, str]] = []
    for person, forms in written.items():
        scored = [(score, form) for form in forms if (score := name_agreement(name, form))]
        if scored:
            score, form = max(scored)
            fitting.append((score, person, form))
    fitting.sort(reverse=True)
    if not fitting or (len(fitting) > 1 and fitting[0][0] - fitting[1][0] < CLEAR_LEAD):
        return None
    score, person, form = fitting[0]
    where = f" ({affiliation})" if affiliation else ""
    return Identified(person, score, f"{name!r}{where} agrees with {form!r} (score {score:.2f})")


def links_of(conn: Connection, person: str) -> tuple[str, ...]:
    """Why each alias joined (or left) a person, oldest first: "Anthony Blinken: ingest: … (score 0.93)"."""
    links = schema.identity_links
    rows = conn.execute(
        select(links.c.alias, links.c.action, links.c.reason)
        .where(links.c.person_id == person)
        .order_by(links.c.id)
    )
    return tuple(f"{row.alias}: {row.action}: {row.reason}" for row in rows)


def identify_candidates(conn: Connection, name: str) -> set[str]:
    """The people sharing a family name (by its folded start) with a name of two words or more."""
    words = [w for w in name_words(name) if len(w) > 1]
    if len(name_words(name)) < 2 or not words:
        return set()
    k = schema.name_keys
    return set(conn.scalars(select(k.c.person_id).where(k.c.key.in_({word_key(w) for w in words}))))


def people_events(conn: Connection, people: Iterable[str]) -> list[str]:
    """The events whose reports name any of `people`."""
    m, p = schema.event_mentions, schema.participants
    query = (
        select(m.c.event_id)
        .join(p, p.c.mention_id == m.c.id)
        .where(p.c.person_id.in_(list(people)))
        .distinct()
    )
    return sorted(conn.scalars(query))


def known_person(conn: Connection, person: str) -> str:
    """The name of a stored person, or NotFound naming the id."""
    name: str | None = conn.scalar(select(schema.people.c.name).where(schema.people.c.id == person))
    if name is None:
        raise NotFound(f"no person with id {person!r} (`accord actor NAME --json` shows a person's id)")
    return name


def move_offices(conn: Connection, source: str, target: str, documents: set[str] | None = None) -> None:
    """Give `target` the offices of `source` (only the evidence from `documents`, when given)."""
    from accord.store.actors import office_id  # the actors table builds on identity, not the other way

    o, oe = schema.offices, schema.office_evidence
    for office in conn.execute(select(o).where(o.c.person_id == source)).all():
        evidence = select(oe).where(oe.c.office_id == office.id)
        if documents is not None:
            evidence = evidence.where(oe.c.document_id.in_(documents))
        rows = [dict(row._mapping) for row in conn.execute(evidence)]
        if not rows:
            continue
        new = office_id(target, office.role, office.affiliation)
        insert_ignore(
            conn,
            o,
            [{"id": new, "person_id": target, "role": office.role, "affiliation": office.affiliation}],
        )
        insert_ignore(conn, oe, [row | {"office_id": new} for row in rows])
        conn.execute(
            delete(oe).where(
                oe.c.office_id == office.id, oe.c.document_id.in_([r["document_id"] for r in rows])
            )
        )
    conn.execute(delete(o).where(o.c.person_id == source, ~o.c.id.in_(select(oe.c.office_id))))


def merge_people(store: Store, keep: str, gone: str, reason: str) -> list[str]:
    """Make `gone` one person with `keep`: its aliases, offices and reports move, the reason is recorded,
    and the events that name either are fused again; return those events' ids after re-fusion."""
    from accord.store.refusion import refuse

    if keep == gone:
        raise NotFound(f"person {keep!r} cannot be merged with itself")
    with store.write() as conn:
        known_person(conn, keep)
        gone_name = known_person(conn, gone)
        events = people_events(conn, [keep, gone])
        a, k = schema.aliases, schema.name_keys
        aliases = conn.execute(select(a).where(a.c.person_id == gone)).all()
        insert_ignore(conn, a, [{"key": r.key, "person_id": keep, "text": r.text} for r in aliases])
        keys = conn.scalars(select(k.c.key).where(k.c.person_id == gone)).all()
        insert_ignore(conn, k, [{"key": key, "person_id": keep} for key in keys])
        move_offices(conn, gone, keep)
        conn.execute(
            update(schema.participants).where(schema.participants.c.person_id == gone).values(person_id=keep)
        )
        links = schema.identity_links
        conn.execute(update(links).where(links.c.person_id == gone).values(person_id=keep))
        link(conn, keep, gone_name, "merge", reason)
        conn.execute(delete(schema.people).where(schema.people.c.id == gone))
        return refuse(conn, events)


def split_person(store: Store, person: str, alias: str, reason: str) -> tuple[str, list[str]]:
    """Take the name `alias` (as the texts wrote it) out of `person` into a person of its own, with the
    reports that wrote it that way and the offices those articles give; record why and fuse the affected
    events again. Return the new person's id and the events after re-fusion."""
    from accord.store.refusion import refuse

    key = key_name(alias)
    a, p, m = schema.aliases, schema.participants, schema.event_mentions
    with store.write() as conn:
        known_person(conn, person)
        written = conn.scalar(select(a.c.text).where(a.c.key == key, a.c.person_id == person))
        if written is None:
            forms = ", ".join(conn.scalars(select(a.c.text).where(a.c.person_id == person)))
            raise NotFound(f"person {person!r} has no alias {alias!r}; its aliases: {forms}")
        new = content_id("person", key)
        if new == person or conn.scalar(select(schema.people.c.id).where(schema.people.c.id == new)):
            new = content_id("person", key, person)
        conn.execute(schema.people.insert().values(id=new, name=written, surname=key.split()[-1]))
        conn.execute(update(a).where(a.c.key == key, a.c.person_id == person).values(person_id=new))
        index_name(conn, new, written)
        reports = conn.execute(
            select(p.c.mention_id, p.c.position, p.c.name, p.c.span_text, m.c.document_id)
            .join(m, m.c.id == p.c.mention_id)
            .where(p.c.person_id == person)
        ).all()
        moved = [r for r in reports if key in {key_name(r.name or ""), key_name(r.span_text or "")}]
        events = people_events(conn, [person])
        for r in moved:
            conn.execute(
                update(p)
                .where(p.c.mention_id == r.mention_id, p.c.position == r.position)
                .values(person_id=new)
            )
        move_offices(conn, person, new, {r.document_id for r in moved})
        link(conn, new, written, "split", reason)
        return new, refuse(conn, events)


def backfill_fusion_index(conn: Connection) -> None:
    """Give stored events their day and stored people their name keys (migration step 5)."""
    e, m, d = schema.events, schema.event_mentions, schema.documents
    first_published = (
        select(m.c.event_id, d.c.published).join(d, d.c.id == m.c.document_id).order_by(d.c.published)
    )
    published: dict[str, str] = {}
    for row in conn.execute(first_published):
        if row.published:
            published.setdefault(row.event_id, row.published)
    for row in conn.execute(select(e.c.id, e.c.date)).all():
        day = anchor_day(row.date, published.get(row.id))
        if day:
            conn.execute(update(e).where(e.c.id == row.id).values(day=day))
    for row in conn.execute(select(schema.aliases.c.person_id, schema.aliases.c.text)).all():
        index_name(conn, row.person_id, row.text)
