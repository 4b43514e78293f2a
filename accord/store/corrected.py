"""Applying the analysts' corrections on top of what extraction produced, inside the writer's transaction.

An event is rebuilt from its mentions (as fusion folds them) and then from the corrections in force on it,
so undoing one is rebuilding without it, and re-extraction, which refolds events from new mentions, is
followed by `reapply` on the events it touched. A correction whose event is gone (re-extracted under a new
id) is attached again to the event that fits its `target`: the same type and parties, and one of the same
evidence sentences (the same date preferred); when none fits it stays orphaned, listed by
`accord corrections` and counted by `accord doctor`. A merge of two people re-fuses the events of the
person merged, comparing names as if both were the person kept; undoing it fuses their mentions afresh.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, delete, select, update

from accord.store import schema
from accord.store.fusion import Facts, date_parts, date_value, fold, key_name, match, merge_key, party_key
from accord.store.mentions import mentions_where, new_event_id, save_event, stored_facts
from accord.store.queries import participants_of
from accord.store.review import EVENT_FIELDS, Correction, as_correction, corrected_people, in_force

log = logging.getLogger(__name__)

__all__ = ["description", "orphaned", "reapply", "rebuild", "refuse", "unfuse"]


def mention_ids(conn: Connection, event_id: str) -> list[str]:
    m = schema.event_mentions
    return list(conn.scalars(select(m.c.id).where(m.c.event_id == event_id)))


def evidence_of(conn: Connection, event_id: str) -> list[str]:
    m, ev = schema.event_mentions, schema.evidence
    return sorted(
        set(
            conn.scalars(select(ev.c.text).join(m, m.c.id == ev.c.mention_id).where(m.c.event_id == event_id))
        )
    )


def description(conn: Connection, event_id: str) -> dict[str, Any]:
    """The event as extraction gave it (no correction applied), to find it again after re-extraction."""
    fused = fold(stored_facts(conn, event_id))
    return {
        "event_id": event_id,
        "type": fused.type,
        "date": fused.date,
        "parties": sorted(fused.parties),
        "evidence": evidence_of(conn, event_id),
    }


def in_force_on(conn: Connection, event_id: str) -> list[Correction]:
    c = schema.corrections
    rows = conn.execute(select(c).where(c.c.event_id == event_id, in_force()).order_by(c.c.made_at, c.c.id))
    return [as_correction(row) for row in rows]


def rebuild(conn: Connection, event_id: str) -> None:
    """Fold the event again from its mentions, then apply the corrections in force on it in order."""
    facts = stored_facts(conn, event_id)
    if not facts:
        return
    fused = fold(facts)
    fixes = [x for x in in_force_on(conn, event_id) if x.kind == "correct"]
    values: dict[str, Any] = {"type": fused.type, "date": fused.date, "city": fused.city}
    values["country"] = fused.country
    for fix in fixes:
        if fix.field in EVENT_FIELDS:
            values[fix.field] = fix.new
    date_fixed = values["date"] != fused.date
    parties = set(fused.parties)
    people_fixes = [x for x in fixes if x.field == "participant"]
    if people_fixes:
        people = participants_of(conn, mention_ids(conn, event_id)).get(event_id, [])
        parties = {p.affiliation for p in corrected_people(people, people_fixes) if p.affiliation}
    shown = replace(fused, type=values["type"], date=values["date"], parties=frozenset(parties))
    e, ep = schema.events, schema.event_parties
    conn.execute(
        update(e)
        .where(e.c.id == event_id)
        .values(
            **values,
            party_key=party_key(parties),
            merge_key=merge_key(shown),
            date_precision=date_value(date_parts(values["date"]))[1] if date_fixed else fused.date_precision,
            date_inferred=False if date_fixed else fused.date_inferred,
            improvements=json.dumps(list(fused.improvements), ensure_ascii=False),
            conflicts=json.dumps(list(fused.conflicts), ensure_ascii=False),
        )
    )
    conn.execute(delete(ep).where(ep.c.event_id == event_id))
    if parties:
        conn.execute(ep.insert(), [{"event_id": event_id, "affiliation": p} for p in sorted(parties)])


def orphaned(conn: Connection) -> list[Correction]:
    """The corrections in force whose event is gone."""
    c, e = schema.corrections, schema.events
    rows = conn.execute(
        select(c)
        .where(c.c.event_id.is_not(None), c.c.event_id.not_in(select(e.c.id)), in_force())
        .order_by(c.c.made_at, c.c.id)
    )
    return [as_correction(row, "orphaned") for row in rows]


def fitting(conn: Connection, target: dict[str, Any]) -> str | None:
    """The stored event that fits a correction's `target` best: the same type and parties, and the most of
    the same evidence sentences, then the same date; None when none fits or two fit as well."""
    m, ev = schema.event_mentions, schema.evidence
    sentences = set(target.get("evidence") or [])
    query = select(m.c.event_id).join(ev, ev.c.mention_id == m.c.id).where(ev.c.text.in_(sorted(sentences)))
    scored: list[tuple[tuple[int, bool], str]] = []
    for event_id in sorted(set(conn.scalars(query))) if sentences else []:
        fused = fold(stored_facts(conn, event_id))
        if fused.type == target.get("type") and sorted(fused.parties) == target.get("parties"):
            shared = len(sentences & set(evidence_of(conn, event_id)))
            scored.append(((shared, fused.date == target.get("date")), event_id))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def attach(conn: Connection) -> set[str]:
    """Attach the orphaned corrections to the events that fit them; return those events."""
    attached = set()
    for correction in orphaned(conn):
        found = fitting(conn, correction.target)
        if found:
            log.info("correction %s moves from event %s to %s", correction.id, correction.event_id, found)
            c = schema.corrections
            conn.execute(update(c).where(c.c.id == correction.id).values(event_id=found))
            attached.add(found)
    return attached


def merges(conn: Connection) -> list[Correction]:
    c = schema.corrections
    rows = conn.execute(select(c).where(c.c.kind == "merge", in_force()).order_by(c.c.made_at, c.c.id))
    return [as_correction(row) for row in rows]


def events_naming(conn: Connection, people: Iterable[str]) -> list[str]:
    m, p = schema.event_mentions, schema.participants
    return sorted(
        set(
            conn.scalars(
                select(m.c.event_id).join(p, p.c.mention_id == m.c.id).where(p.c.person_id.in_(list(people)))
            )
        )
    )


def as_one(facts: Facts, names: dict[str, str]) -> Facts:
    """The facts with every name of a merged person written as the person kept, compared by that name
    (their stored person ids still differ until identity links them)."""
    people = tuple(
        replace(p, name=names[key_name(p.name)], person_id=None)
        if p.name and key_name(p.name) in names
        else p
        for p in facts.people
    )
    return replace(facts, people=people)


def merged_names(conn: Connection) -> dict[str, str]:
    """Every name (and alias) of a merged person, without case or accents, and the name of the one kept."""
    names = {}
    a = schema.aliases
    for merge in merges(conn):
        for key in conn.scalars(select(a.c.key).where(a.c.person_id == merge.old["id"])):
            names[key] = merge.new["name"]
        names[key_name(merge.old["name"])] = merge.new["name"]
    return names


def reshaped(conn: Connection) -> set[str]:
    """The events whose type or parties an analyst changed: new reports of them no longer look alike."""
    c = schema.corrections
    fields = ("type", "participant")
    return set(
        conn.scalars(select(c.c.event_id).where(c.c.kind == "correct", c.c.field.in_(fields), in_force()))
    )


def corrected_ids(conn: Connection, event_ids: Iterable[str]) -> set[str]:
    c = schema.corrections
    return set(conn.scalars(select(c.c.event_id).where(c.c.event_id.in_(sorted(event_ids)), in_force())))


def refuse(conn: Connection, only: Iterable[str] | None = None) -> set[str]:
    """Fuse events that report one event as extraction gave them, with merged people's names read as the
    person kept: the events of merged people (or `only` those given), and new reports of an event whose
    type or parties an analyst changed. Return the events that took in another."""
    names = merged_names(conn)
    shaped = reshaped(conn)
    if not names and not shaped:
        return set()
    pool = set(only) if only is not None else set(events_naming(conn, [m.old["id"] for m in merges(conn)]))
    e = schema.events
    merged = set(names) | {key_name(name) for name in names.values()}
    grown = set()
    for event_id in sorted(pool):
        extracted = stored_facts(conn, event_id)
        if not extracted:
            continue  # fused into another already
        mine = [as_one(f, names) for f in extracted]
        candidates = set(shaped)
        # Fusion compared this event with its look-alikes already; only a merged person's names change that.
        if any(p.name and key_name(p.name) in merged for f in extracted for p in f.people):
            first = fold(mine)
            alike = select(e.c.id).where(e.c.type == first.type, e.c.party_key == party_key(first.parties))
            candidates |= set(conn.scalars(alike))
        for other in sorted(candidates - {event_id}):
            theirs = [as_one(f, names) for f in stored_facts(conn, other)]
            if not theirs or takes_in(theirs, mine) is None:
                continue
            # The event analysts corrected keeps its id and corrections; otherwise the one found first.
            keep, gone = (
                (event_id, other)
                if corrected_ids(conn, [event_id, other]) == {event_id}
                else (other, event_id)
            )
            join(conn, keep, gone, names)
            grown.add(keep)
            break
    return grown


def join(conn: Connection, keep: str, gone: str, names: dict[str, str]) -> None:
    """Move the reports of `gone` into `keep`, with its corrections; `gone` is no more."""
    m, c = schema.event_mentions, schema.corrections
    kept = [as_one(f, names) for f in stored_facts(conn, keep)]
    moving = [as_one(f, names) for f in stored_facts(conn, gone)]
    reasons = takes_in(kept, moving) or []
    for mention_id, reason in zip(mention_ids(conn, gone), reasons, strict=False):
        conn.execute(update(m).where(m.c.id == mention_id).values(event_id=keep, merge_reason=reason))
    conn.execute(update(c).where(c.c.event_id == gone).values(event_id=keep))
    conn.execute(delete(schema.events).where(schema.events.c.id == gone))
    rebuild(conn, keep)


def takes_in(theirs: Sequence[Facts], mine: Sequence[Facts]) -> list[str] | None:
    """Why each of `mine` reports the event `theirs` fold into, or None when one does not."""
    reasons = []
    known = list(theirs)
    for mention in mine:
        reason = match(fold(known), mention)
        if reason is None:
            return None
        reasons.append(f"{reason}; fused again after an analyst's correction")
        known.append(mention)
    return reasons


def unfuse(conn: Connection, person: str) -> None:
    """A merge of `person` into another was undone: in each event that also has reports not naming them,
    the reports naming them become an event of their own again."""
    m, p = schema.event_mentions, schema.participants
    naming = select(p.c.mention_id).where(p.c.person_id == person)
    for event_id in events_naming(conn, [person]):
        found = [
            (mid, facts)
            for mid, _, facts in mentions_where(conn, (m.c.event_id == event_id) & m.c.id.in_(naming))
        ]
        if len(found) == len(mention_ids(conn, event_id)):
            continue  # every report names them: the event was theirs before the merge
        fused = fold([facts for _, facts in found])
        new_id = new_event_id(conn, merge_key(fused), found[0][0])
        save_event(conn, new_id, fused, new=True)
        moved = [mention_id for mention_id, _ in found]
        conn.execute(update(m).where(m.c.id.in_(moved)).values(event_id=new_id, merge_reason="merge undone"))
        rebuild(conn, event_id)
        rebuild(conn, new_id)


def reapply(conn: Connection, touched: Iterable[str]) -> None:
    """After a document was stored or read again: attach the corrections its events orphaned, re-fuse the
    events of merged people, and rebuild every touched event that has corrections in force."""
    c = schema.corrections
    if conn.scalar(select(c.c.id).limit(1)) is None:
        return  # no correction at all: nothing to do, one cheap query per document
    events = set(touched)
    events |= refuse(conn, events)  # merged people's reports first: a re-extracted event is whole again
    events |= attach(conn)
    events |= refuse(conn, events)
    for event_id in sorted(corrected_ids(conn, events)):
        rebuild(conn, event_id)
