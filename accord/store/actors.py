"""Actors over time: who held which office when, as the stored texts say, and what that lets us infer.

Every named participant with a full name is a person: the stored person it is (`identity`: "Anthony
Blinken" is "Antony Blinken"), else a new one (id: hash of the name without case or accents); the way an
article wrote the name becomes an alias; each (role, affiliation) stated next to the name
becomes an office, with the article, the date and the evidence sentence that support it. The dates of an
office are the range of its evidence, nothing more.

At ingest the table fills gaps in other articles, always flagged as inferred: a known name without an
affiliation gets the one affiliation (and role) other articles give that person within `OFFICE_WINDOW_DAYS`
of the event (`affiliation_source` "store"), and so does one whose affiliation was only a guess (the
publisher's country, the page's most frequent one), the guess kept as a conflict; a stated affiliation the
store contradicts keeps the store's as a conflict. A surname alone gets the full
name when exactly one known person has that surname; and an event whose year the text does not give gets
it when every named participant's office is attested in one year only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection, delete, exists, select

from accord.extraction.dates import valid_date
from accord.records import GUESSED_SOURCES, AffiliationConflict, Event, Participant
from accord.store import schema
from accord.store.db import insert_ignore
from accord.store.dedup import content_id
from accord.store.fusion import date_parts, key_name
from accord.store.identity import identify, identify_candidates, index_name, link
from accord.store.namematch import name_words

__all__ = ["Resolved", "forget_offices", "infer_year", "person_id", "record_offices", "resolve"]


@dataclass(frozen=True)
class Office:
    """An office the stored articles give a person, and one article that says so."""

    role: str | None
    affiliation: str | None
    document_id: str | None = None


@dataclass(frozen=True)
class Resolved:
    """A participant after looking it up, with the person it is and which fields the table supplied."""

    participant: Participant
    person_id: str | None = None
    inferred: tuple[str, ...] = ()


OFFICE_WINDOW_DAYS = 730  # an office other articles attest within two years of an event is likely still held


def person_id(name: str) -> str:
    return content_id("person", key_name(name))


def office_id(person: str, role: str | None, affiliation: str | None) -> str:
    return content_id("office", person, role or "", affiliation or "")


def full_name(name: str | None) -> bool:
    return bool(name) and len(key_name(name or "").split()) > 1


def dated(value: str | None) -> bool:
    """A date that names its year (not `--09-12`)."""
    return date_parts(value)[0] is not None


def record_offices(
    conn: Connection, document_id: str, events: Iterable[Event], published: str | None
) -> None:
    """Store the people, aliases and offices an article states (never what was inferred from the table),
    one participant at a time: the next one is identified against what this one stored."""
    for event in events:
        when = event.date.value if dated(event.date.value) else published
        for p in event.participants:
            if not p.name or not full_name(p.name):
                continue
            pid = identified_person(conn, p.name, p.affiliation)
            if pid is None:
                continue
            person = {"id": pid, "name": p.name, "surname": key_name(p.name).split()[-1]}
            insert_ignore(conn, schema.people, [person])  # before its name keys, which refer to it
            index_name(conn, pid, p.name)
            # in the order written (not a set's): the first text stored for an alias key is the one kept
            written = dict.fromkeys((p.name, p.mention.text if p.mention else p.name))
            words = set(key_name(p.name).split())
            aliases = [
                {"key": key_name(alias), "person_id": pid, "text": alias}
                for alias in written
                if set(key_name(alias).split()) & words  # not "she" or "the minister"
            ]
            insert_ignore(conn, schema.aliases, aliases)
            affiliation = None if p.affiliation_source in GUESSED_SOURCES else p.affiliation  # no office
            if p.role or affiliation:  # from a guess: "Sato", on a Brazilian site, is not Brazil's
                oid = office_id(pid, p.role, affiliation)
                office = {"id": oid, "person_id": pid, "role": p.role, "affiliation": affiliation}
                insert_ignore(conn, schema.offices, [office])
                sentence = evidence_for(event, p)
                evidence = {"office_id": oid, "document_id": document_id, "date": when, "text": sentence}
                insert_ignore(conn, schema.office_evidence, [evidence])


def identified_person(conn: Connection, name: str, affiliation: str | None) -> str | None:
    """The id of the stored person a full name is (a variant becomes its alias, the link recorded with its
    reason and score), else a new person's id from the name; None for an initial that several stored
    people fit ("K. Sato" with Kenji and Kaori Sato): a person of its own would be a third Sato."""
    found = identify(conn, name, affiliation)
    if found is None:
        if len(name_words(name)[0]) == 1 and identify_candidates(conn, name):
            return None
        pid = person_id(name)
        taken = conn.scalar(select(schema.people.c.id).where(schema.people.c.id == pid))
        return content_id("person", key_name(name), affiliation or "") if taken else pid  # a namesake
    if found.score < 1.0 and not conn.scalar(
        select(schema.aliases.c.key).where(
            schema.aliases.c.key == key_name(name), schema.aliases.c.person_id == found.person_id
        )
    ):
        link(conn, found.person_id, name, "ingest", found.reason, found.score)
        alias = {"key": key_name(name), "person_id": found.person_id, "text": name}
        insert_ignore(conn, schema.aliases, [alias])  # linked once: the next time it is a known alias
    return found.person_id


def forget_offices(conn: Connection, document_id: str, people: Iterable[str]) -> None:
    """Take out what an article said about offices, then the offices and `people` nothing else supports
    (no other article's evidence, no stored mention): the article is about to be extracted again."""
    o, oe, p = schema.offices, schema.office_evidence, schema.people
    offices = set(conn.scalars(select(oe.c.office_id).where(oe.c.document_id == document_id)))
    candidates = set(people) | set(conn.scalars(select(o.c.person_id).where(o.c.id.in_(offices))))
    conn.execute(delete(oe).where(oe.c.document_id == document_id))
    conn.execute(delete(o).where(o.c.id.in_(offices), ~exists().where(oe.c.office_id == o.c.id)))
    conn.execute(
        delete(p).where(
            p.c.id.in_(candidates),
            ~exists().where(o.c.person_id == p.c.id),
            ~exists().where(schema.participants.c.person_id == p.c.id),
        )
    )


def evidence_for(event: Event, participant: Participant) -> str:
    """The evidence sentence that names the participant, else the event's first one."""
    spans = [
        s for s in event.evidence if participant.mention and s.start <= participant.mention.start < s.end
    ]
    chosen = spans or event.evidence[:1]
    return chosen[0].text.strip() if chosen else ""


def find_person(conn: Connection, name: str) -> tuple[str, str, bool] | None:
    """(id, canonical name, found by surname only) for a name the table knows, or None."""
    key = key_name(name)
    found = conn.execute(
        select(schema.people.c.id, schema.people.c.name)
        .join(schema.aliases, schema.aliases.c.person_id == schema.people.c.id)
        .where(schema.aliases.c.key == key)
        .distinct()
    ).all()
    if len(found) == 1:
        return found[0].id, found[0].name, False
    if found or len(key.split()) != 1:
        return None
    by_surname = conn.execute(
        select(schema.people.c.id, schema.people.c.name).where(schema.people.c.surname == key)
    ).all()
    return (by_surname[0].id, by_surname[0].name, True) if len(by_surname) == 1 else None


def first_day(value: str | None) -> date | None:
    """The first day a dated value (`2024`, `2024-03`, `2024-03-05`) stands for; None without a year."""
    year, month, day = date_parts(value)
    return None if year is None else date(year, month or 1, day or 1)


def offices_near(conn: Connection, person: str, when: str | None) -> list[Office]:
    """The offices the stored articles give a person, with the article saying so, those attested within
    `OFFICE_WINDOW_DAYS` of `when` when it is dated (every office when it is not)."""
    o, oe = schema.offices, schema.office_evidence
    rows = conn.execute(
        select(o.c.role, o.c.affiliation, oe.c.date, oe.c.document_id)
        .join(oe, oe.c.office_id == o.c.id)
        .where(o.c.person_id == person)
    ).all()
    day = first_day(when)
    found = {
        Office(row.role, row.affiliation, row.document_id): None
        for row in rows
        if (
            day is None
            or ((seen := first_day(row.date)) is not None and abs((seen - day).days) <= OFFICE_WINDOW_DAYS)
        )
    }
    return list(found)


def resolve(
    conn: Connection,
    participant: Participant,
    when: str | None = None,
    document_id: str | None = None,
) -> Resolved:
    """Fill a participant's missing name, affiliation or role from what other articles say of the person's
    offices near `when` (the event's date, else the publication date), flagged as inferred; the store's
    affiliation also replaces a guessed one, and a stated one it contradicts keeps it as a conflict."""
    if not participant.name:
        return Resolved(participant)
    guessed = participant.affiliation_source in GUESSED_SOURCES
    stated = None if guessed else participant.affiliation
    if full_name(participant.name):  # `record_offices` stored every full name it could tell a person by
        identified = identify(conn, participant.name, stated)
        if identified is None:
            return Resolved(participant)
        name = conn.scalar(select(schema.people.c.name).where(schema.people.c.id == identified.person_id))
        found: tuple[str, str, bool] | None = (identified.person_id, name or participant.name, False)
    else:
        found = find_person(conn, participant.name)
    if found is None:
        return Resolved(participant)
    pid, canonical, by_surname = found
    inferred: list[str] = ["name"] if by_surname else []
    filled = replace(participant, name=canonical)
    held = offices_near(conn, pid, when)
    if by_surname and stated and stated not in {o.affiliation for o in held}:
        return Resolved(participant)  # a namesake from another country: leave the mention as it is
    fitting = [o for o in held if stated in (None, o.affiliation)]
    fitting = [o for o in fitting if participant.role in (None, o.role)] or fitting
    affiliations = {o.affiliation for o in fitting if o.affiliation}
    known = affiliations.pop() if len(affiliations) == 1 else None
    if known is not None and not stated:  # missing, or a guess the store outranks
        filled = replace(filled, affiliation=known, affiliation_source="store")
        if participant.affiliation is None:
            inferred.append("affiliation")
        elif known != participant.affiliation:  # the guess stays as a conflict
            guess = AffiliationConflict(participant.affiliation, participant.affiliation_source or "")
            filled = replace(filled, affiliation_conflicts=(*participant.affiliation_conflicts, guess))
            inferred.append("affiliation")
    elif stated:
        filled = replace(filled, affiliation_conflicts=store_conflicts(participant, held, document_id))
    roles = {o.role for o in fitting if o.role and o.affiliation == filled.affiliation}
    if not participant.role and filled.affiliation and len(roles) == 1:
        filled = replace(filled, role=roles.pop())
        inferred.append("role")
    return Resolved(filled, pid, tuple(inferred))


def store_conflicts(
    participant: Participant, held: Sequence[Office], document_id: str | None
) -> tuple[AffiliationConflict, ...]:
    """A stated affiliation's conflicts, with the one other affiliation other articles give the person
    near that date when none of them gives the stated one."""
    others = {o.affiliation for o in held if o.document_id != document_id and o.affiliation}
    if len(others) != 1 or participant.affiliation in others:
        return participant.affiliation_conflicts
    conflict = AffiliationConflict(others.pop(), "store")
    known = participant.affiliation_conflicts
    return known if conflict in known else (*known, conflict)


def office_years(conn: Connection, resolved: Resolved) -> set[int]:
    """Years in which the texts attest the participant's office (same role and affiliation)."""
    p = resolved.participant
    query = (
        select(schema.office_evidence.c.date)
        .join(schema.offices, schema.offices.c.id == schema.office_evidence.c.office_id)
        .where(schema.offices.c.person_id == resolved.person_id, schema.office_evidence.c.date.is_not(None))
    )
    if p.role:
        query = query.where(schema.offices.c.role == p.role)
    if p.affiliation:
        query = query.where(schema.offices.c.affiliation == p.affiliation)
    return {int(value[:4]) for value in conn.scalars(query) if dated(value)}


def infer_year(
    conn: Connection,
    people: Sequence[Resolved],
    day: tuple[int, int] | None = None,
    weekday: int | None = None,
) -> tuple[int, str] | None:
    """The one year in which every named participant's office is held, with the reason, or None. An office
    attested in 2021 and 2023 is taken as held in between, so two people's spans may meet in one year; when
    the report names the weekday of its day ("on Friday, June 6"), only years where the day is one count."""
    years: set[int] | None = None
    names = []
    for resolved in people:
        if resolved.person_id is None:
            continue
        attested = office_years(conn, resolved)
        if not attested:
            continue
        names.append(resolved.participant.name or "")
        held = set(range(min(attested), max(attested) + 1))
        years = held if years is None else years & held
    why = f"the offices of {', '.join(names)} are all held in"
    if years and day is not None and weekday is not None and len(years) > 1:
        years = {year for year in years if (d := valid_date(year, *day)) and d.weekday() == weekday}
        why = f"the weekday it names falls on that day, among the years {', '.join(names)} held office, in"
    if not years or len(years) != 1:
        return None
    year = years.pop()
    return year, f"year {year} inferred: {why} {year} only"
