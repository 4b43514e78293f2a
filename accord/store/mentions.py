"""Event mentions in the store: each one stored with its people and evidence and fused into an event, or
taken out again when its article is re-extracted.

Fusion compares a new mention with the stored mentions of the events of the same type that share a party
and lie within `WINDOW_DAYS` of its day (`events.day`, indexed), so the work per mention does not grow with
the store; `accord.store.fusion` decides, and the best-scoring compatible event takes the mention. Taking
mentions out refolds the events that keep others and removes those
left with none, so the store reads as if the article had never been extracted the old way.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, delete, select, update

from accord.extraction.years import own_weekday, with_year
from accord.records import AffiliationConflict, Event, EventDate, Span
from accord.store import schema
from accord.store.actors import Resolved, dated, infer_year, resolve
from accord.store.dedup import content_id
from accord.store.fusion import (
    MULTILATERAL,
    Facts,
    Fused,
    Person,
    Verdict,
    anchor_day,
    compare,
    date_parts,
    facts_of,
    fold,
    merge_key,
    party_key,
)

log = logging.getLogger(__name__)

__all__ = [
    "candidates",
    "events_of",
    "fuse",
    "mentions_where",
    "new_event_id",
    "ordered_mentions",
    "refold",
    "remove_mentions",
    "save_event",
    "store_mention",
    "stored_facts",
]

WINDOW_DAYS = 10  # how far apart the days of two reports of one event may lie for fusion to compare them


def with_inferred_year(
    conn: Connection, event: Event, people: Sequence[Resolved]
) -> tuple[Event, str | None]:
    """Give a year-less date (`--09-12`) the one year the participants' offices allow, flagged as inferred."""
    value = event.date.value
    if not value or dated(value):
        return event, None
    _, month, day = date_parts(value)
    if month is None:
        return event, None
    found = infer_year(conn, people, (month, day) if month and day else None, own_weekday(event))
    if found is None:
        return event, None
    year, reason = found
    date = replace(with_year(event.date, year, reason), source="actors")
    log.info("%s", reason)
    return replace(event, date=date), reason


def why_yearless(when: EventDate, published: str | None) -> str | None:
    """Why a stored report has no year, for `accord event`: an analyst must tell 'unknown' from 'missed'."""
    if when.value and not when.value.startswith("--"):
        return None
    page = "the page states no publication date" if not published else f"the page is dated {published}"
    if not when.value:
        return f"undated: {page} and the report names no day"
    return (
        f"no year: the report gives {when.value[2:]} only (month-day), {page}, and neither a full date on "
        "the page nor the offices the store knows for its participants fix one"
    )


def store_mention(conn: Connection, doc_id: str, position: int, event: Event, published: str | None) -> bool:
    """Store one event mention and fuse it; True when it started a new event."""
    when = event.date.value if dated(event.date.value) else published
    people = [resolve(conn, p, when, doc_id) for p in event.participants]
    event = replace(event, participants=tuple(r.participant for r in people))
    event, store_note = with_inferred_year(conn, event, people) if not published else (event, None)
    year_from_outside = store_note or event.date.inferred
    date_note = year_from_outside or why_yearless(event.date, published)
    mention_id = content_id("mention", doc_id, str(position))
    facts = facts_of(event, doc_id, year_from_outside is not None, published)
    facts = replace(
        facts,
        people=tuple(replace(p, person_id=r.person_id) for p, r in zip(facts.people, people, strict=True)),
    )
    event_id, reason, is_new = fuse(conn, facts, mention_id)
    conn.execute(
        schema.event_mentions.insert().values(
            id=mention_id,
            document_id=doc_id,
            event_id=event_id,
            position=position,
            type=event.type,
            plover_code=event.plover.code,
            plover_mode=event.plover.mode,
            date=event.date.value,
            date_precision=event.date.precision,
            date_source=event.date.source,
            date_in_text=event.date.in_text,
            date_inferred=year_from_outside is not None,
            date_note=date_note,
            date_end=event.date.end,
            city=event.location.city,
            country=event.location.country,
            topics=json.dumps(list(event.topics)),
            merge_reason=reason,
        )
    )
    rows = [
        {"mention_id": mention_id, "position": i, "name": r.participant.name, "role": r.participant.role}
        | {
            "affiliation": r.participant.affiliation,
            "person_id": r.person_id,
            "inferred": ",".join(r.inferred),
            "affiliation_source": r.participant.affiliation_source,
            "affiliation_conflicts": conflicts_json(r.participant.affiliation_conflicts),
        }
        | span_columns(r.participant.mention)
        for i, r in enumerate(people)
    ]
    if rows:
        conn.execute(schema.participants.insert(), rows)
    spans = [
        {"mention_id": mention_id, "position": i, "span_start": s.start, "span_end": s.end, "text": s.text}
        for i, s in enumerate(event.evidence)
    ]
    if spans:
        conn.execute(schema.evidence.insert(), spans)
    return is_new


def conflicts_json(conflicts: Sequence[AffiliationConflict]) -> str:
    return json.dumps([asdict(c) for c in conflicts])


def span_columns(span: Span | None) -> dict[str, object]:
    if span is None:
        return {"span_start": None, "span_end": None, "span_text": None}
    return {"span_start": span.start, "span_end": span.end, "span_text": span.text}


def stored_facts(conn: Connection, event_id: str) -> list[Facts]:
    """The mentions of a stored event, oldest first, as fusion compares them."""
    return mention_facts(conn, [event_id]).get(event_id, [])


def mention_facts(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[Facts]]:
    """The mentions of stored events, each event's oldest first, as fusion compares them."""
    found: dict[str, list[Facts]] = {}
    for _, event_id, facts in ordered_mentions(conn, event_ids):
        found.setdefault(event_id, []).append(facts)
    return found


def ordered_mentions(conn: Connection, event_ids: Sequence[str] | None) -> list[tuple[str, str, Facts]]:
    """(mention id, event id, facts) of the mentions of `event_ids` (of every event when None), in ingest
    order: the order fusion saw them in."""
    m = schema.event_mentions
    return mentions_where(conn, None if event_ids is None else m.c.event_id.in_(event_ids))


def mentions_where(conn: Connection, condition: ColumnElement[bool] | None) -> list[tuple[str, str, Facts]]:
    """(mention id, event id, facts) of the mentions that meet `condition` on the event mentions table
    (every mention when None), in ingest order."""
    m, p, d = schema.event_mentions, schema.participants, schema.documents
    query = (
        select(
            m.c.id,
            m.c.event_id,
            m.c.document_id,
            m.c.type,
            m.c.date,
            m.c.date_inferred,
            m.c.city,
            m.c.country,
            d.c.published,
        )
        .join(d, d.c.id == m.c.document_id)
        .order_by(d.c.ingested_at, m.c.document_id, m.c.position)
    )
    mentions = conn.execute(query if condition is None else query.where(condition)).all()
    people: dict[str, list[Person]] = {}
    named = select(p.c.mention_id, p.c.name, p.c.role, p.c.affiliation, p.c.person_id).order_by(
        p.c.mention_id, p.c.position
    )
    if condition is not None:
        named = named.where(p.c.mention_id.in_([x.id for x in mentions]))
    for row in conn.execute(named):
        people.setdefault(row.mention_id, []).append(
            Person(row.name, row.role, row.affiliation, row.person_id)
        )
    return [
        (
            x.id,
            x.event_id,
            Facts(
                x.type,
                x.date,
                bool(x.date_inferred),
                x.city,
                x.country,
                tuple(people.get(x.id, ())),
                x.document_id,
                x.published,
            ),
        )
        for x in mentions
    ]


def candidates(mention: Facts) -> Select[Any]:
    """The stored events `mention` may report: same type, sharing a party, their days within `WINDOW_DAYS`
    of its own (or, with no day on either side, the same parties). Indexes bound the work: the events of
    one type and parties, or of one party, in a few weeks."""
    e, ep = schema.events, schema.event_parties
    query = select(e.c.id).where(e.c.type == mention.type)
    day = anchor_day(mention.date, mention.published)
    if day is None:
        return query.where(e.c.party_key == party_key(mention.parties), e.c.day.is_(None)).order_by(e.c.id)
    middle = date.fromisoformat(day)
    window = e.c.day.between(
        (middle - timedelta(days=WINDOW_DAYS)).isoformat(), (middle + timedelta(days=WINDOW_DAYS)).isoformat()
    )
    key = party_key(mention.parties)
    others: ColumnElement[bool]
    if len(mention.parties) < MULTILATERAL:  # its own parties, or a multilateral event holding them all
        sharing = select(ep.c.event_id).where(ep.c.affiliation == min(mention.parties))
        others = e.c.party_key.like("%+%+%") & e.c.id.in_(sharing)
    else:  # a multilateral report: any event with one of its parties may be a subset or a superset of it
        others = e.c.id.in_(select(ep.c.event_id).where(ep.c.affiliation.in_(sorted(mention.parties))))
    return query.where(window, (e.c.party_key == key) | others).order_by(e.c.id)


def fuse(conn: Connection, mention: Facts, mention_id: str) -> tuple[str, str, bool]:
    """The event this mention reports (the best-scoring compatible one, if any), why, and whether it is new."""
    found = [row for row in conn.scalars(candidates(mention))] if mention.parties else []
    known = mention_facts(conn, found) if found else {}
    best: tuple[Verdict, str] | None = None
    for event_id in found:
        verdict = compare(fold(known[event_id]), mention) if known.get(event_id) else None
        if verdict and (best is None or verdict.score > best[0].score):
            best = (verdict, event_id)
    if best:
        verdict, event_id = best
        save_event(conn, event_id, fold([*known[event_id], mention]), new=False)
        return event_id, f"{verdict.reason} (score {verdict.score:.2f})", False
    fused = fold([mention])
    event_id = new_event_id(conn, merge_key(fused), mention_id)
    save_event(conn, event_id, fused, new=True)
    return event_id, "first report", True


def new_event_id(conn: Connection, key: str, mention_id: str) -> str:
    """The id of the event a mention starts, from its merge key and mention id.

    A re-extracted article reuses its mention ids, and an event its old mention started may live on with
    other articles' mentions: that id is taken, so the next one of a fixed sequence is used.
    """
    e = schema.events
    event_id, attempt = "ev" + content_id("event", key, mention_id)[:14], 0
    while conn.scalar(select(e.c.id).where(e.c.id == event_id)):
        attempt += 1
        event_id = "ev" + content_id("event", key, mention_id, str(attempt))[:14]
    return event_id


def save_event(conn: Connection, event_id: str, fused: Fused, new: bool) -> None:
    values = {
        "merge_key": merge_key(fused),
        "party_key": party_key(fused.parties),
        "date": fused.date,
        "date_precision": fused.date_precision,
        "date_inferred": fused.date_inferred,
        "city": fused.city,
        "country": fused.country,
        "day": fused.day,
        "improvements": json.dumps(list(fused.improvements), ensure_ascii=False),
        "conflicts": json.dumps(list(fused.conflicts), ensure_ascii=False),
    }
    ep = schema.event_parties
    if new:
        conn.execute(schema.events.insert().values(id=event_id, type=fused.type, **values))
    else:
        conn.execute(update(schema.events).where(schema.events.c.id == event_id).values(**values))
        stored = set(conn.scalars(select(ep.c.affiliation).where(ep.c.event_id == event_id)))
        if stored == fused.parties:
            return
        conn.execute(delete(ep).where(ep.c.event_id == event_id))
    parties = [{"event_id": event_id, "affiliation": party} for party in sorted(fused.parties)]
    if parties:
        conn.execute(ep.insert(), parties)


def remove_mentions(conn: Connection, doc_id: str) -> set[str]:
    """Take out a document's event mentions (their people and evidence go with them) and fold their events
    again; return the people the removed mentions named, for the actors table to tidy up after them."""
    m, p = schema.event_mentions, schema.participants
    mine = select(m.c.id).where(m.c.document_id == doc_id)
    people = set(
        conn.scalars(select(p.c.person_id).where(p.c.mention_id.in_(mine), p.c.person_id.is_not(None)))
    )
    touched = events_of(conn, doc_id)
    conn.execute(delete(m).where(m.c.document_id == doc_id))
    refold(conn, touched)
    return people


def events_of(conn: Connection, doc_id: str) -> list[str]:
    """The events a document's mentions belong to."""
    m = schema.event_mentions
    return sorted(set(conn.scalars(select(m.c.event_id).where(m.c.document_id == doc_id))))


def refold(conn: Connection, event_ids: Sequence[str]) -> None:
    """Fold events again from the mentions they have now, in ingest order (what they would be had the
    articles come in that order with these findings); remove the events left with no mention."""
    for event_id in event_ids:
        left = stored_facts(conn, event_id)
        if left:
            save_event(conn, event_id, fold(left), new=False)
        else:
            conn.execute(delete(schema.events).where(schema.events.c.id == event_id))
