"""Ingest: store each extracted article in one transaction, link copies, fuse its events.

A document's id is the hash of its normalised cleaned text. The same text again (the same file, or the
same article under different page chrome) adds only a source if it came from a new place; a near-duplicate
(a wire story reprinted by another outlet) is linked to the stored article as one more source. A new
article is stored with its dropped lines, its people and offices, and its event mentions, each fused into
an existing event or starting a new one. Readers never see half an article: all of it is one transaction.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import DataError, IntegrityError

from accord.errors import StoreError
from accord.pipeline import extract
from accord.records import CleanedDocument, Document, Event, EventDate, Extraction, Reject, Span
from accord.settings import Settings
from accord.store import schema
from accord.store.actors import Resolved, dated, infer_year, record_offices, resolve
from accord.store.db import Store
from accord.store.dedup import NearDuplicates, content_id, signature, signature_bytes
from accord.store.fusion import Facts, Fused, Person, date_parts, facts_of, fold, match, merge_key, party_key

log = logging.getLogger(__name__)

Outcome = Literal["new", "copy", "unchanged", "failed"]

__all__ = ["IngestSummary", "Outcome", "Stored", "ingest", "ingest_results"]


@dataclass(frozen=True)
class Stored:
    """What happened to one input document."""

    source: str
    outcome: Outcome
    document_id: str | None = None
    events_new: int = 0
    events_fused: int = 0
    error: str | None = None


@dataclass
class IngestSummary:
    """Counts for the end of a run: documents new/copies/unchanged/failed, events new/fused."""

    documents_new: int = 0
    documents_copies: int = 0
    documents_unchanged: int = 0
    documents_failed: int = 0
    events_new: int = 0
    events_fused: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents counted so far, whatever happened to them."""
        return self.documents_new + self.documents_copies + self.documents_unchanged + self.documents_failed

    def add(self, stored: Stored) -> None:
        name = {"new": "documents_new", "copy": "documents_copies", "unchanged": "documents_unchanged"}
        if stored.outcome == "failed":
            self.documents_failed += 1
            self.failures.append(stored.error or stored.source)
        else:
            setattr(self, name[stored.outcome], getattr(self, name[stored.outcome]) + 1)
        self.events_new += stored.events_new
        self.events_fused += stored.events_fused


def now() -> str:
    return datetime.now(UTC).isoformat()


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    progress: Callable[[Stored], None] | None = None,
) -> IngestSummary:
    """Read, extract and store every document under `paths`."""
    return ingest_results(store, extract(paths, settings), progress)


def ingest_results(
    store: Store, results: Iterable[Extraction | Reject], progress: Callable[[Stored], None] | None = None
) -> IngestSummary:
    """Store extraction results in order, one transaction per document; rejects are counted as failed.

    A document whose data the database refuses is rolled back alone and counted as failed; an error of the
    database itself (gone, full, locked too long) stops the run, every document before it stored whole.
    """
    with store.read() as conn:
        index = NearDuplicates(conn.execute(select(schema.documents.c.id, schema.documents.c.minhash)).all())
    summary = IngestSummary()
    for result in results:
        if isinstance(result, Reject):
            stored = Stored(result.source, "failed", error=result.error)
        else:
            try:
                stored = store_extraction(store, index, result)
            except StoreError as error:
                reason = refused(error)
                if reason is None:
                    raise
                document = result.cleaned.document
                stored = Stored(document.source, "failed", error=f"{named(document)}: not stored: {reason}")
        summary.add(stored)
        if progress:
            progress(stored)
    return summary


def refused(error: StoreError) -> str | None:
    """Why the database refused one document's data, or None when the database itself failed.

    The store raises `StoreError` from the driver's error: a constraint or a value the database will not
    take belongs to the document; anything else (connection, disk, lock timeout) belongs to the database.
    """
    cause = error.__cause__
    if cause is None:
        return str(error)
    if isinstance(cause, IntegrityError | DataError):
        return str(cause.orig or cause).strip().splitlines()[0]
    return None


def named(document: Document) -> str:
    """The path and, when the path does not show it, the input id: what the user can find the input by."""
    return document.source if document.id in document.source else f"{document.source} (id {document.id})"


def store_extraction(store: Store, index: NearDuplicates, result: Extraction) -> Stored:
    cleaned = result.cleaned
    source = cleaned.document.source
    doc_id = content_id(cleaned.text)
    minhash = signature(cleaned.text)
    with store.write() as conn:
        if conn.scalar(select(schema.documents.c.id).where(schema.documents.c.id == doc_id)):
            return Stored(source, "copy" if add_source(conn, doc_id, cleaned, 1.0) else "unchanged", doc_id)
        near = index.find(minhash)
        if near:
            copy_of, similarity = near
            log.info("%s is a near-duplicate (%.2f) of document %s", source, similarity, copy_of)
            added = add_source(conn, copy_of, cleaned, similarity)
            return Stored(source, "copy" if added else "unchanged", copy_of)
        conn.execute(
            schema.documents.insert().values(
                id=doc_id,
                text=cleaned.text,
                title=cleaned.document.title,
                published=cleaned.published.value,
                published_source=cleaned.published.source,
                minhash=signature_bytes(minhash),
                ingested_at=now(),
            )
        )
        dropped = [
            {"document_id": doc_id, "position": i, "line_start": line.start, "line_end": line.end}
            | {"text": line.text, "reason": line.reason}
            for i, line in enumerate(cleaned.lines)
            if not line.kept and line.text.strip()
        ]
        if dropped:
            conn.execute(schema.dropped_lines.insert(), dropped)
        add_source(conn, doc_id, cleaned, 1.0)
        record_offices(conn, doc_id, result.events, cleaned.published.value)
        new = sum(
            store_mention(conn, doc_id, i, e, cleaned.published.value) for i, e in enumerate(result.events)
        )
    index.add(doc_id, minhash)  # only once the transaction has committed
    return Stored(source, "new", doc_id, events_new=new, events_fused=len(result.events) - new)


def add_source(conn: Connection, doc_id: str, cleaned: CleanedDocument, similarity: float) -> bool:
    """Record where this copy of the article came from; False when that place is already recorded."""
    document = cleaned.document
    source_id = content_id("source", doc_id, document.source)
    if conn.scalar(select(schema.sources.c.id).where(schema.sources.c.id == source_id)):
        return False
    conn.execute(
        schema.sources.insert().values(
            id=source_id,
            document_id=doc_id,
            input_id=document.id,
            path=document.source,
            url=document.url,
            outlet=document.outlet or (urlparse(document.url).hostname if document.url else None),
            title=document.title,
            published=cleaned.published.value,
            format=document.format,
            similarity=round(similarity, 3),
            added_at=now(),
        )
    )
    return True


def with_inferred_year(
    conn: Connection, event: Event, people: Sequence[Resolved]
) -> tuple[Event, str | None]:
    """Give a year-less date (`--09-12`) the one year the participants' offices allow, flagged as inferred."""
    value = event.date.value
    if not value or dated(value) or date_parts(value)[1] is None:
        return event, None
    found = infer_year(conn, people)
    if found is None:
        return event, None
    year, reason = found
    date = EventDate(f"{year:04d}{value[1:]}", event.date.precision, "actors", event.date.in_text)
    log.info("%s", reason)
    return replace(event, date=date), reason


def store_mention(conn: Connection, doc_id: str, position: int, event: Event, published: str | None) -> bool:
    """Store one event mention and fuse it; True when it started a new event."""
    people = [resolve(conn, p) for p in event.participants]
    event = replace(event, participants=tuple(r.participant for r in people))
    event, date_note = with_inferred_year(conn, event, people) if not published else (event, None)
    mention_id = content_id("mention", doc_id, str(position))
    facts = facts_of(event, doc_id, date_note is not None)
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
            date_inferred=date_note is not None,
            date_note=date_note,
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


def span_columns(span: Span | None) -> dict[str, object]:
    if span is None:
        return {"span_start": None, "span_end": None, "span_text": None}
    return {"span_start": span.start, "span_end": span.end, "span_text": span.text}


def stored_facts(conn: Connection, event_id: str) -> list[Facts]:
    """The mentions of a stored event, oldest first, as fusion compares them."""
    m, p, d = schema.event_mentions, schema.participants, schema.documents
    mentions = conn.execute(
        select(m.c.id, m.c.document_id, m.c.type, m.c.date, m.c.date_inferred, m.c.city, m.c.country)
        .join(d, d.c.id == m.c.document_id)
        .where(m.c.event_id == event_id)
        .order_by(d.c.ingested_at, m.c.position)
    ).all()
    people: dict[str, list[Person]] = {}
    for row in conn.execute(
        select(p.c.mention_id, p.c.name, p.c.role, p.c.affiliation)
        .where(p.c.mention_id.in_([x.id for x in mentions]))
        .order_by(p.c.mention_id, p.c.position)
    ):
        people.setdefault(row.mention_id, []).append(Person(row.name, row.role, row.affiliation))
    return [
        Facts(
            x.type,
            x.date,
            bool(x.date_inferred),
            x.city,
            x.country,
            tuple(people.get(x.id, ())),
            x.document_id,
        )
        for x in mentions
    ]


def fuse(conn: Connection, mention: Facts, mention_id: str) -> tuple[str, str, bool]:
    """The event this mention reports (an existing one if any matches), why, and whether it is new."""
    e = schema.events
    key = party_key(mention.parties)
    for event_id in conn.scalars(
        select(e.c.id).where(e.c.type == mention.type, e.c.party_key == key).order_by(e.c.id)
    ):
        known = stored_facts(conn, event_id)
        reason = match(fold(known), mention)
        if reason:
            save_event(conn, event_id, fold([*known, mention]), new=False)
            return event_id, reason, False
    fused = fold([mention])
    event_id = "ev" + content_id("event", merge_key(fused), mention_id)[:14]
    save_event(conn, event_id, fused, new=True)
    return event_id, "first report", True


def save_event(conn: Connection, event_id: str, fused: Fused, new: bool) -> None:
    values = {
        "merge_key": merge_key(fused),
        "date": fused.date,
        "date_precision": fused.date_precision,
        "date_inferred": fused.date_inferred,
        "city": fused.city,
        "country": fused.country,
        "improvements": json.dumps(list(fused.improvements), ensure_ascii=False),
        "conflicts": json.dumps(list(fused.conflicts), ensure_ascii=False),
    }
    if not new:
        conn.execute(update(schema.events).where(schema.events.c.id == event_id).values(**values))
        return
    conn.execute(
        schema.events.insert().values(
            id=event_id, type=fused.type, party_key=party_key(fused.parties), **values
        )
    )
    parties = [{"event_id": event_id, "affiliation": party} for party in sorted(fused.parties)]
    if parties:
        conn.execute(schema.event_parties.insert(), parties)
