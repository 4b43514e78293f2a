"""Ingest: store each extracted article in one transaction, link copies, fuse its events.

A document's id is the hash of its normalised cleaned text. The same text again (the same file, or the
same article under different page chrome) adds only a source if it came from a new place; a near-duplicate
(a wire story reprinted by another outlet) is linked to the stored article as one more source. A new
article is stored with its dropped lines, its people and offices, its event mentions, each fused into
an existing event or starting a new one, and its unasserted statements, apart from every event. Readers never see half an article: all of it is one transaction.

Each document records which extractor read it (`accord.pipeline.extractor_version`). When its text comes
again, with the same publication date, and another extractor read it before, it is re-extracted: its old
event mentions, unasserted statements, people's offices and evidence are replaced by the new ones in the
same transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from sqlalchemy import Connection, delete, select
from sqlalchemy.exc import DataError, IntegrityError

from accord.decoding import printable
from accord.errors import StoreError
from accord.records import CleanedDocument, Document, Extraction, Reject
from accord.settings import Settings
from accord.store import schema
from accord.store.actors import forget_offices, record_offices
from accord.store.corrected import reapply
from accord.store.db import Store
from accord.store.dedup import content_id, index_document, near_duplicate, signature, signature_bytes
from accord.store.mentions import events_of, refold, remove_mentions, store_mention
from accord.store.unasserted import store_unasserted

log = logging.getLogger(__name__)

Outcome = Literal["new", "copy", "unchanged", "re-extracted", "failed"]
COUNTERS: dict[str, str] = {
    "new": "documents_new",
    "copy": "documents_copies",
    "unchanged": "documents_unchanged",
    "re-extracted": "documents_reextracted",
    "failed": "documents_failed",
}
# The longest name, role or place the store takes. A longer one is not a name but a scraper's slip or an
# attack, and PostgreSQL refuses index rows over about 2,700 bytes.
MAX_NAME_CHARS = 300
# SQLSTATE classes of errors in what one document asked the database to store: data exceptions (a value
# too long or malformed), integrity constraints, and limits such as the size of an index row.
REFUSALS = ("22", "23", "54")

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
    """Counts for the end of a run: documents new/copies/unchanged/re-extracted/failed, events new/fused."""

    documents_new: int = 0
    documents_copies: int = 0
    documents_unchanged: int = 0
    documents_reextracted: int = 0
    documents_failed: int = 0
    events_new: int = 0
    events_fused: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents counted so far, whatever happened to them."""
        return sum(getattr(self, counter) for counter in COUNTERS.values())

    def add(self, stored: Stored) -> None:
        counter = COUNTERS[stored.outcome]
        setattr(self, counter, getattr(self, counter) + 1)
        if stored.outcome == "failed":
            self.failures.append(stored.error or stored.source)
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
    from accord.pipeline import extract, extractor_version  # spaCy: only when something is extracted

    return ingest_results(store, extract(paths, settings), progress, extractor_version(settings.model))


def ingest_results(
    store: Store,
    results: Iterable[Extraction | Reject],
    progress: Callable[[Stored], None] | None = None,
    extractor: str | None = None,
) -> IngestSummary:
    """Store extraction results in order, one transaction per document; rejects are counted as failed.

    `extractor` names what produced the results (default: this Accord with the configured model).

    A document whose data the database refuses is rolled back alone and counted as failed; an error of the
    database itself (gone, full, locked too long) stops the run, every document before it stored whole.
    """
    if extractor is None:
        from accord.pipeline import extractor_version

        extractor = extractor_version(Settings.from_env().model)
    summary = IngestSummary()
    for result in results:
        if isinstance(result, Reject):
            stored = Stored(result.source, "failed", error=result.error)
        elif reason := overlong(result):
            document = result.cleaned.document
            stored = Stored(document.source, "failed", error=f"{named(document)}: not stored: {reason}")
        else:
            try:
                stored = store_extraction(store, result, extractor)
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
    sqlstate = str(getattr(getattr(cause, "orig", None), "sqlstate", None) or "")
    if isinstance(cause, IntegrityError | DataError) or sqlstate.startswith(REFUSALS):
        return str(getattr(cause, "orig", None) or cause).strip().splitlines()[0]
    return None


def overlong(result: Extraction) -> str | None:
    """Why an extraction names someone, an office or a place too long to be one, or None."""
    for event in result.events:
        fields = [("place", event.location.city)]
        fields += [
            (what, value) for p in event.participants for what, value in (("name", p.name), ("role", p.role))
        ]
        for what, value in fields:
            if value and len(value) > MAX_NAME_CHARS:
                return (
                    f"a {what} of {len(value):,} characters ({printable(value[:40])}...) is longer than the "
                    f"{MAX_NAME_CHARS} the store takes"
                )
    return None


def named(document: Document) -> str:
    """The path and, when the path does not show it, the input id: what the user can find the input by."""
    return document.source if document.id in document.source else f"{document.source} (id {document.id})"


def store_extraction(store: Store, result: Extraction, extractor: str) -> Stored:
    cleaned = result.cleaned
    source = cleaned.document.source
    doc_id = content_id(cleaned.text)
    minhash = signature(cleaned.text)
    d, x = schema.documents, schema.extractions
    with store.write() as conn:
        known = conn.execute(
            select(d.c.text, d.c.published, x.c.extractor)
            .outerjoin(x, x.c.document_id == d.c.id)
            .where(d.c.id == doc_id)
        ).first()
        if known:
            added = add_source(conn, doc_id, cleaned, 1.0)
            # Read again only what another extractor read from this very text and date: a copy that differs
            # in either would change what the stored offsets and dates mean (`accord reextract` reads it).
            same = (known.text, known.published) == (cleaned.text, cleaned.published.value)
            if known.extractor == extractor or not same:
                return Stored(source, "copy" if added else "unchanged", doc_id)
            before = events_of(conn, doc_id)
            forget_extraction(conn, doc_id)
            new = store_events(conn, doc_id, result, extractor)
            refold(conn, events_of(conn, doc_id))  # an older article's reports fused last: put them in order
            reapply(conn, [*before, *events_of(conn, doc_id)])  # analysts' corrections outlive re-extraction
            return Stored(
                source, "re-extracted", doc_id, events_new=new, events_fused=len(result.events) - new
            )
        near = near_duplicate(conn, minhash)  # in the transaction: it sees what other writers committed
        if near:
            copy_of, similarity = near
            log.info("%s is a near-duplicate (%.2f) of document %s", source, similarity, copy_of)
            added = add_source(conn, copy_of, cleaned, similarity)
            return Stored(source, "copy" if added else "unchanged", copy_of)
        conn.execute(
            d.insert().values(
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
        index_document(conn, doc_id, minhash)
        add_source(conn, doc_id, cleaned, 1.0)
        new = store_events(conn, doc_id, result, extractor)
        reapply(conn, events_of(conn, doc_id))
    return Stored(source, "new", doc_id, events_new=new, events_fused=len(result.events) - new)


def store_events(conn: Connection, doc_id: str, result: Extraction, extractor: str) -> int:
    """Store what the extractor read in a stored document: people and offices, event mentions fused into
    events, unasserted statements kept apart, and which extractor it was; return how many events the
    mentions started."""
    published = result.cleaned.published.value
    record_offices(conn, doc_id, result.events, published)
    new = sum(store_mention(conn, doc_id, i, e, published) for i, e in enumerate(result.events))
    store_unasserted(conn, doc_id, result.unasserted)
    conn.execute(
        schema.extractions.insert().values(document_id=doc_id, extractor=extractor, extracted_at=now())
    )
    return new


def forget_extraction(conn: Connection, doc_id: str) -> None:
    """Take out everything an extractor read in a document (its text, dropped lines and sources stay)."""
    people = remove_mentions(conn, doc_id)
    forget_offices(conn, doc_id, people)
    for table in (schema.unasserted_mentions, schema.extractions):
        conn.execute(delete(table).where(table.c.document_id == doc_id))


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
