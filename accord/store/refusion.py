"""Fusing stored reports again, after the rules or people's identities changed (`accord refuse`).

The reports of the chosen events (every event when none are chosen) are taken in ingest order and fused as
ingest would have fused them, each compared with the groups already formed of its type that share a party
and lie within `WINDOW_DAYS` of its day; an event keeps its id when its first report still starts it, and
events left with no report are removed. Merges keep their reasons and scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, delete, func, select, update

from accord.store import schema
from accord.store.db import Store
from accord.store.fusion import Facts, Verdict, anchor_day, compare, fold, merge_key
from accord.store.mentions import WINDOW_DAYS, new_event_id, ordered_mentions, save_event

__all__ = ["Refused", "refuse", "refuse_store"]


@dataclass
class Group:
    """The reports one event will have: mention ids, their facts and why each joined."""

    mentions: list[str] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Refused:
    """What re-fusion did: events before and after, and reports that changed event."""

    events_before: int
    events_after: int
    reports_moved: int


def near(first: Facts, second: Facts) -> bool:
    """Days within the window (or no day on either side): worth comparing."""
    a, b = anchor_day(first.date, first.published), anchor_day(second.date, second.published)
    if a is None or b is None:
        return a is None and b is None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= WINDOW_DAYS


def regroup(reports: Sequence[tuple[str, str, Facts]]) -> list[Group]:
    """Fuse reports (ingest order) into groups, the best-scoring compatible group taking each report."""
    groups: list[Group] = []
    by_party: dict[tuple[str, str], list[int]] = {}
    for mention_id, _, facts in reports:
        seen: set[int] = set()
        best: tuple[Verdict, int] | None = None
        for party in sorted(facts.parties):
            for index in by_party.get((facts.type, party), []):
                group = groups[index]
                if index in seen or not near(group.facts[0], facts):
                    continue
                seen.add(index)
                verdict = compare(fold(group.facts), facts)
                if verdict and (best is None or verdict.score > best[0].score):
                    best = (verdict, index)
        if best is None:
            groups.append(Group())
            index, reason = len(groups) - 1, "first report"
            for party in facts.parties:
                by_party.setdefault((facts.type, party), []).append(index)
        else:
            index, reason = best[1], f"{best[0].reason} (score {best[0].score:.2f})"
            for party in facts.parties - fold(groups[index].facts).parties:
                by_party.setdefault((facts.type, party), []).append(index)
        groups[index].mentions.append(mention_id)
        groups[index].facts.append(facts)
        groups[index].reasons.append(reason)
    return groups


def refuse(conn: Connection, event_ids: Sequence[str] | None = None) -> list[str]:
    """Fuse the reports of `event_ids` (every stored event when None) again; return the events they form."""
    reports = ordered_mentions(conn, event_ids)
    before = sorted({old for _, old, _ in reports})
    old_of = {mention_id: old for mention_id, old, _ in reports}
    groups = regroup(reports)
    taken: set[str] = set()
    m, e = schema.event_mentions, schema.events
    formed: list[str] = []
    for group in groups:
        first = group.mentions[0]
        event_id = old_of[first]
        fused = fold(group.facts)
        if event_id in taken:
            event_id = new_event_id(conn, merge_key(fold(group.facts[:1])), first)
            save_event(conn, event_id, fused, new=True)
        taken.add(event_id)
        formed.append(event_id)
        for mention_id, reason in zip(group.mentions, group.reasons, strict=True):
            conn.execute(update(m).where(m.c.id == mention_id).values(event_id=event_id, merge_reason=reason))
        save_event(conn, event_id, fused, new=False)
    conn.execute(delete(e).where(e.c.id.in_(sorted(set(before) - taken))))
    return sorted(formed)


def refuse_store(store: Store) -> Refused:
    """Fuse every stored report again, in one transaction (`accord refuse`)."""
    with store.write() as conn:
        before = conn.scalar(select(func.count()).select_from(schema.events)) or 0
        moved_from = dict(
            conn.execute(select(schema.event_mentions.c.id, schema.event_mentions.c.event_id)).all()
        )
        after = refuse(conn, None)
        moved_to = dict(
            conn.execute(select(schema.event_mentions.c.id, schema.event_mentions.c.event_id)).all()
        )
    moved = sum(1 for mention, event in moved_to.items() if moved_from.get(mention) != event)
    return Refused(before, len(after), moved)
