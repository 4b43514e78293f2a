"""Unasserted statements: meetings, calls, visits and agreements an article says were planned, hypothetical,
denied or only reported (the extractor's PLOVER mode), stored apart from every event.

They live in their own table, one row per statement with its mode and the event as `accord extract` writes
it, so no query, count, export, timeline, graph or web page over the events can take them in by mistake,
and fusion never sees them. They are shown only where asked for: `events_in_modes` and `any_event`.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Connection, Row, select

from accord.errors import NotFound
from accord.output import event_dict
from accord.records import ASSERTED, AffiliationConflict, Event
from accord.records import UNASSERTED_MODES as MODES
from accord.store import schema, terms
from accord.store.db import Store
from accord.store.dedup import content_id
from accord.store.queries import chronological, event, events, filtered
from accord.store.records import EventParticipant, EventSource, FusedEvent, UnassertedEvent

__all__ = ["MODES", "any_event", "events_in_modes", "store_unasserted"]


def store_unasserted(conn: Connection, doc_id: str, statements: Sequence[Event]) -> None:
    """Store a document's unasserted statements, each with its mode, as its extraction gives them."""
    rows = [
        {
            "id": "un" + content_id("unasserted", doc_id, str(position))[:14],
            "document_id": doc_id,
            "position": position,
            "mode": statement.plover.mode,
            "type": statement.type,
            "date": statement.date.value,
            "event": json.dumps(event_dict(statement), ensure_ascii=False),
        }
        for position, statement in enumerate(statements)
    ]
    if rows:
        conn.execute(schema.unasserted_mentions.insert(), rows)


def events_in_modes(
    store: Store,
    modes: Collection[str],
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    include_rejected: bool = False,
) -> list[FusedEvent]:
    """Events of the chosen modes ("asserted" for the fused events, or any of `MODES`), filtered as
    `queries.events` filters (with the rejected ones when `include_rejected`), oldest first."""
    unknown = set(modes) - {ASSERTED, *MODES}
    if unknown:
        raise NotFound(f"no mode {', '.join(sorted(unknown))}; the modes are {ASSERTED}, {', '.join(MODES)}")
    found: list[FusedEvent] = (
        list(events(store, type, since, until, country, include_rejected)) if ASSERTED in modes else []
    )
    unasserted = sorted(set(modes) - {ASSERTED})
    if unasserted:
        u = schema.unasserted_mentions
        query = filtered(select(u), type, since, until, table=u).where(u.c.mode.in_(unasserted))
        with store.read() as conn:
            wanted = terms.party(conn, country) if country else None
            statements = [statement(conn, row) for row in conn.execute(query)]
        found += [s for s in statements if not wanted or wanted in s.sides]
    return sorted(found, key=chronological)


def any_event(store: Store, event_id: str) -> FusedEvent:
    """A fused event by id (or unambiguous prefix), else the unasserted statement with that id."""
    try:
        return event(store, event_id)
    except NotFound:
        u = schema.unasserted_mentions
        with store.read() as conn:
            rows = conn.execute(select(u).where(u.c.id.startswith(event_id, autoescape=True)).limit(2)).all()
            if len(rows) != 1:
                raise
            return statement(conn, rows[0])


def statement(conn: Connection, row: Row[Any]) -> UnassertedEvent:
    """One stored statement, with the article's sources (each with the statement's evidence)."""
    data = json.loads(row.event)
    people = tuple(
        EventParticipant(
            p["name"],
            p["role"],
            p["affiliation"],
            affiliation_source=p.get("affiliation_source"),  # statements stored before step 11 lack it
            affiliation_conflicts=tuple(AffiliationConflict(**c) for c in p.get("affiliation_conflicts", ())),
        )
        for p in data["participants"]
    )
    s = schema.sources
    sources = tuple(
        EventSource(
            source.input_id,
            source.path,
            source.url,
            source.outlet,
            source.published,
            source.document_id,
            source.similarity,
            data["date"],
            data["date_in_text"],
            tuple(span["text"] for span in data["evidence"]),
            f"not fused: {row.mode}",
        )
        for source in conn.execute(
            select(s).where(s.c.document_id == row.document_id).order_by(s.c.added_at, s.c.path)
        )
    )
    return UnassertedEvent(
        row.id,
        row.type,
        data["date"],
        data["date_precision"],
        False,
        data["location"]["city"],
        data["location"]["country"],
        tuple(sorted({p.affiliation for p in people if p.affiliation})),
        people,
        tuple(data["topics"]),
        "",
        (),
        (),
        sources,
        row.mode,
    )
