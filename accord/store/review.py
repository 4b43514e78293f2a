"""The analysts' corrections as the queries read them: which events are rejected, what each event's
corrections say, and who a merged or split person is now.

Corrections live in their own table (`schema.corrections`), apart from what extraction writes; one is in
force until an `undo` row names it. The event fields they change (type, date, place, parties) are written
onto the events table by `accord.store.corrected`, so every count and chart sees them; what is read here
is applied as events are loaded: the marks, the notes and the participants as corrected.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, FromClause, Row, Select, exists, select

from accord.store import schema
from accord.store.fusion import key_name
from accord.store.records import EventParticipant

__all__ = [
    "EVENT_FIELDS",
    "Correction",
    "PersonRule",
    "Review",
    "as_correction",
    "change",
    "corrected_people",
    "in_force",
    "person_rules",
    "rejected_ids",
    "renamed",
    "reviews",
    "standing",
]

EVENT_FIELDS = ("type", "date", "city", "country")  # the fields of an event `accord correct` changes


@dataclass(frozen=True)
class Correction:
    """One row of the audit trail: what was changed (`kind`, `field`), from what to what, why, who, when.

    `status` is "in force", "undone", "undo" (a row that withdrew another) or "orphaned" (its event is gone
    and no re-extracted event fits its `target`, the event as extraction gave it)."""

    id: str
    kind: str
    event_id: str | None
    target: dict[str, Any]
    field: str | None
    old: Any
    new: Any
    undoes: str | None
    reason: str
    by: str
    at: str
    status: str = "in force"


@dataclass(frozen=True)
class Review:
    """The corrections in force on one event, oldest first, as `FusedEvent` shows them."""

    corrections: tuple[Correction, ...] = ()

    def has(self, *kinds: str) -> bool:
        return any(x.kind in kinds for x in self.corrections)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(note(x) for x in self.corrections)

    @property
    def people(self) -> tuple[Correction, ...]:
        return tuple(x for x in self.corrections if x.field == "participant")


@dataclass(frozen=True)
class PersonRule:
    """A merge (`alias` None: every mention of `source` is `person`) or a split (the mentions of `source`
    written as `alias` are another person, `person`)."""

    source: str
    alias: str | None
    person: str
    name: str


# Made once: an alias builds a proxy of every column the first time its columns are read, which cost about
# a millisecond per query when each condition made its own.
UNDO = schema.corrections.alias("undo")


def in_force(table: FromClause = schema.corrections) -> ColumnElement[bool]:
    """A condition on the corrections table: the row is a correction no undo has withdrawn."""
    return (table.c.kind != "undo") & ~exists().where(UNDO.c.undoes == table.c.id)


def rejected_ids() -> Select[Any]:
    c = schema.corrections
    return select(c.c.event_id).where(c.c.kind == "reject", c.c.event_id.is_not(None), in_force())


def standing() -> ColumnElement[bool]:
    """A condition on the events table: no analyst has rejected the event."""
    return schema.events.c.id.not_in(rejected_ids())


def decoded(value: str | None) -> Any:
    return json.loads(value) if value else None


def as_correction(row: Row[Any], status: str = "in force") -> Correction:
    return Correction(
        row.id,
        row.kind,
        row.event_id,
        decoded(row.target) or {},
        row.field,
        decoded(row.old_value),
        decoded(row.new_value),
        row.undoes,
        row.reason,
        row.made_by,
        row.made_at,
        status,
    )


def shown(value: Any) -> str:
    return "-" if value in (None, "") else str(value)


def change(correction: Correction) -> str:
    """What a correction changes, in words: "date 2024-01-09 → 2024-01-10", "rejected"."""
    old, new = correction.old, correction.new
    if correction.kind in ("reject", "confirm"):
        return f"{correction.kind}ed"
    if correction.kind == "undo":
        return f"undoes {correction.undoes}"
    if correction.kind in ("merge", "split"):
        return f"{correction.kind} person {old['name']} → {new['name']}"
    if correction.field == "participant":
        fields = (
            "removed"
            if new is None
            else ", ".join(f"{k} {shown(old.get(k))} → {shown(v)}" for k, v in new.items())
        )
        return f"participant {shown(old.get('name'))}: {fields}"
    return f"{correction.field} {shown(old)} → {shown(new)}"


def note(correction: Correction) -> str:
    """One line for the event's record: "date 2024-01-09 → 2024-01-10: <reason> (alice, 2024-02-01)"."""
    reason = f": {correction.reason}" if correction.reason else ""
    return f"{change(correction)}{reason} ({correction.by}, {correction.at[:10]})"


def reviews(conn: Connection, event_ids: Sequence[str]) -> dict[str, Review]:
    """The corrections in force on each of `event_ids` (only those that have some), oldest first."""
    c = schema.corrections
    found: dict[str, list[Correction]] = {}
    for start in range(0, len(event_ids), 500):
        rows = conn.execute(
            select(c)
            .where(c.c.event_id.in_(event_ids[start : start + 500]), in_force())
            .order_by(c.c.made_at, c.c.id)
        )
        for row in rows:
            found.setdefault(row.event_id, []).append(as_correction(row))
    return {event_id: Review(tuple(mine)) for event_id, mine in found.items()}


def corrected_people(
    people: Iterable[EventParticipant], fixes: Iterable[Correction]
) -> list[EventParticipant]:
    """The participants with each participant correction applied in order: changed, or removed."""
    result = list(people)
    for fix in fixes:
        wanted = key_name((fix.old or {}).get("name") or "")
        at = next((i for i, p in enumerate(result) if p.name and key_name(p.name) == wanted), None)
        if at is None:
            continue  # the participant is not in this event any more: the correction lists it as such
        if fix.new is None:
            del result[at]
        else:
            changed = {k: v for k, v in fix.new.items() if k in ("name", "role", "affiliation")}
            result[at] = replace(result[at], **changed, inferred=())
            if "affiliation" in changed:
                result[at] = replace(result[at], affiliation_source="analyst", affiliation_conflicts=())
    return result


def person_rules(conn: Connection) -> list[PersonRule]:
    """The merges and splits of people in force, oldest first."""
    c = schema.corrections
    rows = conn.execute(
        select(c).where(c.c.kind.in_(("merge", "split")), in_force()).order_by(c.c.made_at, c.c.id)
    )
    rules = []
    for row in rows:
        fix = as_correction(row)
        alias = fix.new.get("alias") if fix.kind == "split" else None
        rules.append(PersonRule(fix.old["id"], alias, fix.new["id"], fix.new["name"]))
    return rules


def renamed(
    rules: Sequence[PersonRule], person: str | None, written: str | None
) -> tuple[str | None, str | None]:
    """The person a participant is after merges and splits, and the name to show (None: unchanged)."""
    name = None
    for rule in rules:
        if person != rule.source:
            continue
        if rule.alias is None or key_name(written or "") == key_name(rule.alias):
            person, name = rule.person, rule.name
    return person, name
