"""Analysts correct the record: reject, restore, correct, confirm, merge and split people, and undo.

Every correction is one row of `schema.corrections`, with the old and new value, the reason, who made it
(`by`, else the login name) and when; nothing is ever deleted, an undo is one more row. The CLI and the web
app both call these functions; each runs in one write transaction that records the correction and applies
it (`accord.store.corrected`). The trail goes from one store to another as JSON Lines
(`export_corrections`, `import_corrections`), each correction finding its event by id or by description.
"""

from __future__ import annotations

import getpass
import json
import re
import uuid
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from accord.errors import AccordError, NotFound
from accord.gazetteer import ORGANISATIONS, affiliation_code, country_name
from accord.store import schema
from accord.store.actors import find_person, person_id
from accord.store.corrected import attach, description, orphaned, rebuild, refuse, unfuse
from accord.store.db import Store, insert_ignore
from accord.store.queries import event
from accord.store.records import FusedEvent
from accord.store.review import Correction, as_correction, in_force

__all__ = [
    "Changes",
    "ImportSummary",
    "confirm",
    "correct",
    "corrections",
    "export_corrections",
    "import_corrections",
    "merge_people",
    "orphans",
    "reject",
    "restore",
    "split_person",
    "undo",
]

KINDS = ("reject", "confirm", "correct", "merge", "split", "undo")
TYPES = ("meet", "call", "visit", "agree")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Changes:
    """What `accord correct` changes: event fields, one participant's fields, or one participant removed."""

    date: str | None = None
    type: str | None = None
    city: str | None = None
    country: str | None = None
    participant: str | None = None
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    remove_participant: str | None = None


@dataclass(frozen=True)
class ImportSummary:
    added: int
    known: int
    orphaned: tuple[Correction, ...]


def who(by: str | None) -> str:
    """The analyst: `--by`, else the login name."""
    if by:
        return by
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def now() -> str:
    return datetime.now(UTC).isoformat()


def row_of(correction: Correction) -> dict[str, Any]:
    return {
        "id": correction.id,
        "kind": correction.kind,
        "event_id": correction.event_id,
        "target": json.dumps(correction.target, ensure_ascii=False),
        "field": correction.field,
        "old_value": json.dumps(correction.old, ensure_ascii=False),
        "new_value": json.dumps(correction.new, ensure_ascii=False),
        "undoes": correction.undoes,
        "reason": correction.reason,
        "made_by": correction.by,
        "made_at": correction.at,
    }


def record(conn: Connection, kind: str, by: str | None, reason: str, **what: Any) -> Correction:
    """Store one correction (what: event_id, target, field, old, new, undoes) and return it."""
    correction = Correction(
        "co" + uuid.uuid4().hex[:14],
        kind,
        what.get("event_id"),
        what.get("target") or {},
        what.get("field"),
        what.get("old"),
        what.get("new"),
        what.get("undoes"),
        reason,
        who(by),
        now(),
    )
    conn.execute(schema.corrections.insert().values(**row_of(correction)))
    return correction


def mark(store: Store, kind: str, event_id: str, reason: str, by: str | None) -> Correction:
    """Reject or confirm an event (by id or unambiguous prefix), once."""
    found = event(store, event_id)
    with store.write() as conn:
        c = schema.corrections
        already = conn.scalar(select(c.c.id).where(c.c.event_id == found.id, c.c.kind == kind, in_force()))
        if already:
            raise AccordError(f"event {found.id} is {kind}ed already (correction {already})")
        return record(conn, kind, by, reason, event_id=found.id, target=description(conn, found.id))


def reject(store: Store, event_id: str, reason: str, by: str | None = None) -> Correction:
    """Take an event out of every query, chart and export; `restore` brings it back."""
    return mark(store, "reject", event_id, reason, by)


def confirm(store: Store, event_id: str, reason: str = "", by: str | None = None) -> Correction:
    """Say that a person checked the event against its sources: exports then say it was reviewed."""
    return mark(store, "confirm", event_id, reason, by)


def restore(store: Store, event_id: str, reason: str = "", by: str | None = None) -> Correction:
    """Undo the rejection of an event."""
    found = event(store, event_id)
    c = schema.corrections
    with store.read() as conn:
        rejection = conn.scalar(
            select(c.c.id).where(c.c.event_id == found.id, c.c.kind == "reject", in_force())
        )
    if rejection is None:
        raise NotFound(f"event {found.id} is not rejected; `accord corrections` lists what was")
    return undo(store, rejection, reason or "restored", by)


def known_country(code: str) -> str:
    """An ISO alpha-3 code or organisation acronym Accord knows, upper-cased, or an error suggesting one."""
    wanted = code.strip().upper()
    if wanted in ORGANISATIONS or country_name(wanted):
        return wanted
    meant = affiliation_code(code)
    hint = f"; did you mean {meant} ({country_name(meant)})?" if meant else ""
    raise NotFound(f"unknown country or organisation code {code!r}: use ISO alpha-3 (e.g. FIN){hint}")


def checked_date(value: str) -> str:
    """An ISO date or prefix that exists (2024, 2024-02, 2024-02-29), or an error saying the form."""
    try:
        if ISO_DATE.match(value):
            date.fromisoformat((value + "-01-01"[len(value) - 4 :]) if len(value) < 10 else value)
            return value
    except ValueError:
        pass
    raise NotFound(f"{value!r} is not a date; give an ISO date: 2024-01-09, 2024-01 or 2024")


def participant_of(found: FusedEvent, name: str) -> dict[str, Any]:
    """A participant of the event by name (any case), or an error listing them."""
    for p in found.participants:
        if p.name and p.name.casefold() == name.casefold():
            return {"name": p.name, "role": p.role, "affiliation": p.affiliation}
    named = ", ".join(p.name for p in found.participants if p.name) or "none named"
    raise NotFound(f"event {found.id} has no participant {name!r}; its participants: {named}")


def field_changes(found: FusedEvent, changes: Changes) -> list[dict[str, Any]]:
    """The corrections `changes` make to the event, each with its field and old and new value."""
    made: list[dict[str, Any]] = []
    if changes.type is not None:
        if changes.type not in TYPES:
            raise NotFound(f"unknown event type {changes.type!r}; the types are {', '.join(TYPES)}")
        made.append({"field": "type", "old": found.type, "new": changes.type})
    if changes.date is not None:
        made.append({"field": "date", "old": found.date, "new": checked_date(changes.date)})
    if changes.city is not None:
        made.append({"field": "city", "old": found.city, "new": changes.city.strip() or None})
    if changes.country is not None:
        made.append({"field": "country", "old": found.country, "new": known_country(changes.country)})
    given = {"name": changes.name, "role": changes.role, "affiliation": changes.affiliation}
    person = {k: v for k, v in given.items() if v is not None}
    if changes.affiliation is not None:
        person["affiliation"] = known_country(changes.affiliation)
    if changes.participant is not None:
        if not person:
            raise NotFound("--participant needs --name, --role or --affiliation: what to change about them")
        made.append(
            {"field": "participant", "old": participant_of(found, changes.participant), "new": person}
        )
    elif person:
        raise NotFound("--name, --role and --affiliation correct a participant: name them with --participant")
    if changes.remove_participant is not None:
        old = participant_of(found, changes.remove_participant)
        made.append({"field": "participant", "old": old, "new": None})
    return made


def correct(
    store: Store, event_id: str, changes: Changes, reason: str, by: str | None = None
) -> list[Correction]:
    """Correct an event's type, date, place or participants; one correction per field, all applied at once."""
    found = event(store, event_id)
    made = field_changes(found, changes)
    if not made:
        raise NotFound(
            "nothing to correct: give --date, --type, --city, --country, --participant or --remove-participant"
        )
    with store.write() as conn:
        target = description(conn, found.id)
        done = [record(conn, "correct", by, reason, event_id=found.id, target=target, **x) for x in made]
        rebuild(conn, found.id)
    return done


def correction_row(conn: Connection, correction_id: str) -> Correction:
    c = schema.corrections
    rows = conn.execute(select(c).where(c.c.id.startswith(correction_id, autoescape=True)).limit(2)).all()
    if len(rows) != 1:
        shown = "it matches several" if rows else "no correction has it"
        raise NotFound(f"correction id {correction_id!r}: {shown}; list them with `accord corrections`")
    return as_correction(rows[0])


def undo(store: Store, correction_id: str, reason: str, by: str | None = None) -> Correction:
    """Withdraw a correction (any kind but an undo): the record is as if it had not been made."""
    c = schema.corrections
    with store.write() as conn:
        undone = correction_row(conn, correction_id)
        if undone.kind == "undo":
            raise AccordError(f"{undone.id} is an undo; make the correction again instead")
        if conn.scalar(select(c.c.id).where(c.c.undoes == undone.id)):
            raise AccordError(f"correction {undone.id} is undone already")
        made = record(conn, "undo", by, reason, event_id=undone.event_id, undoes=undone.id)
        apply_undo(conn, undone)
    return made


def apply_undo(conn: Connection, undone: Correction) -> None:
    if undone.kind == "merge":
        unfuse(conn, undone.old["id"])
    elif undone.event_id:
        rebuild(conn, undone.event_id)


def person_by(conn: Connection, name_or_id: str) -> tuple[str, str]:
    """A stored person's (id, name), found by id or by a name the texts use, or an error."""
    p = schema.people
    row = conn.execute(select(p.c.id, p.c.name).where(p.c.id == name_or_id)).first()
    if row:
        return row.id, row.name
    found = find_person(conn, name_or_id)
    if found is None:
        raise NotFound(f"no stored person is called {name_or_id!r}; `accord actor NAME` shows who is stored")
    return found[0], found[1]


def merge_people(store: Store, keep: str, merged: str, reason: str, by: str | None = None) -> Correction:
    """Make one person of two (`merged` becomes `keep`) and fuse the events that now match."""
    with store.write() as conn:
        kept, gone = person_by(conn, keep), person_by(conn, merged)
        if kept[0] == gone[0]:
            raise AccordError(f"{keep!r} and {merged!r} are one person already ({kept[1]})")
        made = record(
            conn,
            "merge",
            by,
            reason,
            field="person",
            old={"id": gone[0], "name": gone[1]},
            new={"id": kept[0], "name": kept[1]},
        )
        refuse(conn)
    return made


def split_person(store: Store, person: str, alias: str, reason: str, by: str | None = None) -> Correction:
    """Say the mentions of `person` written as `alias` are another person, shown under that name."""
    a, p = schema.aliases, schema.participants
    with store.write() as conn:
        pid, name = person_by(conn, person)
        written = select(p.c.span_text).where(p.c.person_id == pid, p.c.span_text.is_not(None))
        aliases = sorted(
            {*conn.scalars(select(a.c.text).where(a.c.person_id == pid)), *conn.scalars(written)}
        )
        if alias.casefold() not in {x.casefold() for x in aliases}:
            raise NotFound(f"{name} is never written {alias!r}; the texts write {', '.join(aliases)}")
        new = {"id": person_id(alias), "name": alias, "alias": alias}
        return record(conn, "split", by, reason, field="person", old={"id": pid, "name": name}, new=new)


def corrections(store: Store) -> list[Correction]:
    """The whole audit trail, oldest first, each with its status: in force, undone, undo or orphaned."""
    c = schema.corrections
    with store.read() as conn:
        rows = conn.execute(select(c).order_by(c.c.made_at, c.c.id)).all()
        lost = {x.id for x in orphaned(conn)}
    undone = {row.undoes for row in rows if row.undoes}
    return [
        as_correction(
            row,
            "undo"
            if row.kind == "undo"
            else "undone"
            if row.id in undone
            else "orphaned"
            if row.id in lost
            else "in force",
        )
        for row in rows
    ]


def orphans(store: Store) -> list[Correction]:
    """The corrections in force whose event is gone and no stored event fits (after a re-extraction)."""
    with store.read() as conn:
        return orphaned(conn)


def export_corrections(store: Store, path: Path) -> int:
    """Write the audit trail as JSON Lines, one correction a line; return how many."""
    trail = corrections(store)
    with path.open("w", encoding="utf-8") as sink:
        for correction in trail:
            data = asdict(correction)
            del data["status"]  # the importing store works out its own
            sink.write(json.dumps(data, ensure_ascii=False) + "\n")
    return len(trail)


def parsed(line: str, number: int, path: Path) -> Correction:
    """One exported correction, or an error naming the file and line."""
    names = [f.name for f in fields(Correction) if f.name != "status"]
    try:
        data = json.loads(line)
        correction = Correction(**{name: data[name] for name in names})
    except (ValueError, KeyError, TypeError) as error:
        raise AccordError(
            f"{path}:{number}: not a correction as `accord corrections export` writes it ({error})"
        ) from None
    if correction.kind not in KINDS:
        raise AccordError(
            f"{path}:{number}: unknown kind {correction.kind!r}; the kinds are {', '.join(KINDS)}"
        )
    return correction


def import_corrections(store: Store, path: Path) -> ImportSummary:
    """Add another store's corrections (those not here already) and apply them, all in one transaction."""
    with path.open(encoding="utf-8") as source:
        trail = [parsed(line, n, path) for n, line in enumerate(source, 1) if line.strip()]
    c = schema.corrections
    with store.write() as conn:
        known = set(conn.scalars(select(c.c.id).where(c.c.id.in_([x.id for x in trail]))))
        new = [x for x in trail if x.id not in known]
        insert_ignore(conn, c, [row_of(x) for x in new])
        refuse(conn)
        refuse(conn, attach(conn))
        for undone in [x for x in trail if x.id in {y.undoes for y in new}]:
            apply_undo(conn, undone)
        touched = conn.scalars(select(c.c.event_id).where(c.c.id.in_([x.id for x in new]))).all()
        for event_id in sorted({x for x in touched if x}):
            rebuild(conn, event_id)
        lost = tuple(x for x in orphaned(conn) if x.id in {y.id for y in new})
    return ImportSummary(len(new), len(known), lost)
