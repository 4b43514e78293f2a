"""Follows and alerts: the pairs of parties and the people an analyst follows, and the alert each new
event about them gave, kept so that an event is reported once however many sources later tell of it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import pycountry
from sqlalchemy import Connection, delete, func, select, update

from accord.errors import NotFound
from accord.gazetteer import ORGANISATIONS, affiliation_code, country_name
from accord.store import schema
from accord.store.actors import find_person
from accord.store.db import Store
from accord.store.dedup import content_id
from accord.store.fusion import key_name
from accord.store.people_queries import suggest
from accord.store.queries import load_events
from accord.store.records import FusedEvent

__all__ = [
    "Alert",
    "Follow",
    "SentAlert",
    "alert_on",
    "follow",
    "followed",
    "mark_delivered",
    "recent_alerts",
    "undelivered",
    "unfollow",
    "unknown_person",
]

FollowKind = Literal["pair", "person"]


@dataclass(frozen=True)
class Follow:
    """A followed pair ("FIN JPN", codes in order) or person (the name as the store knows it)."""

    id: str
    kind: FollowKind
    target: str
    added_at: str
    alerts: int = 0
    last_alert: str | None = None


@dataclass(frozen=True)
class Alert:
    """A followed event: `status` is "new" the first time, "updated" when a later source added to it."""

    event_id: str
    follow: str
    status: Literal["new", "updated"]
    type: str
    date: str | None
    parties: tuple[str, ...]
    participants: tuple[str, ...]
    city: str | None
    country: str | None
    sources: int
    urls: tuple[str, ...]
    summary: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def party_code(text: str) -> str:
    """An ISO alpha-3 country code or an organisation acronym, upper-cased; `NotFound` with a suggestion
    for anything else."""
    code = text.strip().upper()
    if pycountry.countries.get(alpha_3=code) or code in ORGANISATIONS:
        return code
    guess = affiliation_code(text.strip().title() if text.isupper() else text.strip())
    hint = f"did you mean {guess} ({country_name(guess) or guess})?" if guess else "use an ISO alpha-3 code"
    raise NotFound(f"{text!r} is not a country code (ISO alpha-3, e.g. JPN) or an organisation; {hint}")


def target_of(targets: Sequence[str]) -> tuple[FollowKind, str]:
    """What `accord follow` was given: two parties are a pair, one name a person."""
    if len(targets) == 2:
        first, second = sorted(party_code(t) for t in targets)
        if first == second:
            raise NotFound(f"a pair needs two different parties, got {targets[0]} and {targets[1]}")
        return "pair", f"{first} {second}"
    if len(targets) == 1 and targets[0].strip():
        return "person", " ".join(targets[0].split())
    raise NotFound("follow two parties (accord follow JPN FIN) or one person (accord follow 'Yoko Kamikawa')")


def followable(conn: Connection, targets: Sequence[str]) -> tuple[FollowKind, str, str]:
    """Kind, name and id of what `targets` name: a person by the name the store knows them by, if any."""
    kind, target = target_of(targets)
    if kind == "person" and (known := find_person(conn, target)):
        target = known[1]
    return kind, target, content_id("follow", kind, key_name(target))


def follow(store: Store, targets: Sequence[str]) -> tuple[Follow, bool]:
    """Follow a pair or a person (by the name the store knows them by, when it does); also whether it is
    new (following twice changes nothing)."""
    f = schema.follows
    with store.write() as conn:
        kind, target, follow_id = followable(conn, targets)
        row = conn.execute(select(f).where(f.c.id == follow_id)).first()
        if row:
            return Follow(row.id, row.kind, row.target, row.added_at), False
        added = now()
        conn.execute(f.insert().values(id=follow_id, kind=kind, target=target, added_at=added))
    return Follow(follow_id, kind, target, added), True


def unknown_person(store: Store, item: Follow) -> str | None:
    """For a followed person the store does not know yet, a sentence saying so with similar names."""
    if item.kind != "person":
        return None
    with store.read() as conn:
        if find_person(conn, item.target):
            return None
        return f"no stored person is called {item.target!r} yet; alerts start when one is; {suggest(conn, item.target)}"


def unfollow(store: Store, targets: Sequence[str]) -> Follow:
    """Stop following a pair or person (its past alerts go with it); `NotFound` if it was not followed."""
    with store.write() as conn:
        _, target, follow_id = followable(conn, targets)
        row = conn.execute(select(schema.follows).where(schema.follows.c.id == follow_id)).first()
        if row is None:
            listed = ", ".join(conn.scalars(select(schema.follows.c.target))) or "nothing yet"
            raise NotFound(f"{target} is not followed; followed: {listed}")
        conn.execute(delete(schema.alerts).where(schema.alerts.c.follow_id == follow_id))
        conn.execute(delete(schema.follows).where(schema.follows.c.id == follow_id))
    return Follow(row.id, row.kind, row.target, row.added_at)


def followed(store: Store) -> list[Follow]:
    """Everything followed, with how many alerts each gave and when the last one was."""
    f, a = schema.follows, schema.alerts
    with store.read() as conn:
        rows = conn.execute(
            select(f, func.count(a.c.event_id).label("alerts"), func.max(a.c.first_at).label("last_alert"))
            .outerjoin(a, a.c.follow_id == f.c.id)
            .group_by(f.c.id, f.c.kind, f.c.target, f.c.added_at)
            .order_by(f.c.added_at, f.c.target)
        ).all()
    return [Follow(r.id, r.kind, r.target, r.added_at, r.alerts, r.last_alert) for r in rows]


def person_events(conn: Connection, name: str, event_ids: Sequence[str]) -> set[str]:
    """Those of `event_ids` in which the person called `name` (by any alias the store knows) took part."""
    found = find_person(conn, name)
    if found is None:
        return set()
    m, p = schema.event_mentions, schema.participants
    return set(
        conn.scalars(
            select(m.c.event_id)
            .join(p, p.c.mention_id == m.c.id)
            .where(p.c.person_id == found[0], m.c.event_id.in_(event_ids))
        )
    )


def matches(
    conn: Connection, follows: Iterable[Follow], events: Sequence[FusedEvent]
) -> list[tuple[Follow, FusedEvent]]:
    """Each (follow, event) pair where the event involves the followed pair or person."""
    found: list[tuple[Follow, FusedEvent]] = []
    for item in follows:
        if item.kind == "pair":
            sides = set(item.target.split())
            found.extend((item, e) for e in events if sides <= e.sides)
        else:
            theirs = person_events(conn, item.target, [e.id for e in events])
            found.extend((item, e) for e in events if e.id in theirs)
    return found


def alert_of(item: Follow, event: FusedEvent, status: Literal["new", "updated"]) -> Alert:
    names = tuple(dict.fromkeys(p.name for p in event.participants if p.name))
    place = f" in {event.city}" if event.city else ""
    who = f": {', '.join(names)}" if names else ""
    summary = f"{event.type} {' – '.join(event.parties)} {event.date or 'undated'}{place}{who}"
    urls = tuple(dict.fromkeys(s.url or s.path for s in event.sources))
    return Alert(
        event.id,
        item.target,
        status,
        event.type,
        event.date,
        event.parties,
        names,
        event.city,
        event.country,
        len(event.sources),
        urls,
        summary,
    )


def alert_on(store: Store, document_ids: Iterable[str]) -> list[Alert]:
    """Alerts for the followed events these documents reported: "new" for an event not alerted before,
    "updated" (recorded, for the web page) when a later source adds to one already alerted."""
    ids = sorted(set(document_ids))
    if not ids:
        return []
    m, a = schema.event_mentions, schema.alerts
    alerts = []
    with store.write() as conn:
        follows = [Follow(r.id, r.kind, r.target, r.added_at) for r in conn.execute(select(schema.follows))]
        if not follows:
            return []
        event_ids = sorted(set(conn.scalars(select(m.c.event_id).where(m.c.document_id.in_(ids)))))
        for item, event in matches(conn, follows, load_events(conn, event_ids)):
            key = (a.c.event_id == event.id) & (a.c.follow_id == item.id)
            known = conn.execute(select(a.c.sources).where(key)).first()
            if known is None:
                alert = alert_of(item, event, "new")
                stamp = now()
                conn.execute(
                    a.insert().values(
                        event_id=event.id,
                        follow_id=item.id,
                        alert=json.dumps(asdict(alert)),
                        sources=alert.sources,
                        first_at=stamp,
                        updated_at=stamp,
                        delivered=False,
                    )
                )
                alerts.append(alert)
            elif known.sources != len(event.sources):
                alert = alert_of(item, event, "updated")
                conn.execute(
                    update(a)
                    .where(key)
                    .values(alert=json.dumps(asdict(alert)), sources=alert.sources, updated_at=now())
                )
                alerts.append(alert)
    return alerts


def undelivered(store: Store) -> list[Alert]:
    """The alerts whose webhook has not been received yet, oldest first, each as news to the receiver."""
    a = schema.alerts
    with store.read() as conn:
        rows = conn.scalars(select(a.c.alert).where(~a.c.delivered).order_by(a.c.first_at)).all()
    return [alert_from(json.loads(row)) for row in rows]


def alert_from(data: dict[str, Any]) -> Alert:
    """An alert back from its stored JSON, as news (what a receiver that missed it should get)."""
    tuples = {k: tuple(v) for k, v in data.items() if isinstance(v, list)}
    return Alert(**{**data, **tuples, "status": "new"})


def mark_delivered(store: Store, event_id: str, follow_target: str) -> None:
    """Record that the webhook received the alert of `event_id` for the follow named `follow_target`."""
    a, f = schema.alerts, schema.follows
    with store.write() as conn:
        conn.execute(
            update(a)
            .where(
                a.c.event_id == event_id, a.c.follow_id.in_(select(f.c.id).where(f.c.target == follow_target))
            )
            .values(delivered=True)
        )


@dataclass(frozen=True)
class SentAlert:
    """An alert as stored: what was last reported, when it was first sent and last updated."""

    alert: Alert
    first_at: str
    updated_at: str


def recent_alerts(store: Store, limit: int = 20) -> list[SentAlert]:
    """The latest alerts, newest first."""
    a = schema.alerts
    with store.read() as conn:
        rows = conn.execute(
            select(a.c.alert, a.c.first_at, a.c.updated_at).order_by(a.c.first_at.desc()).limit(limit)
        )
        return [SentAlert(alert_from(json.loads(r.alert)), r.first_at, r.updated_at) for r in rows]
