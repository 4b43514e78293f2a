"""Re-extraction from the store: read again, with this extractor, the articles an older one read.

For users who no longer have the input files. The store keeps each article's cleaned text, publication
date, dropped lines and sources, which is all extraction reads: the text and the date exactly, and the page
around them (the masthead names the publisher's country) as near as the dropped lines allow. Each article
then goes through the pipeline, skipping the cleaner, and is stored by `ingest_results` like any other:
same text and date, another extractor, so it is re-extracted in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import Connection, or_, select

from accord.records import CleanedDocument, Document, PublicationDate
from accord.settings import Settings
from accord.store import schema
from accord.store.db import Store
from accord.store.ingest import IngestSummary, Stored, ingest_results

__all__ = ["reextract", "stale_documents"]


def stale_documents(store: Store, extractor: str) -> list[str]:
    """Ids of the documents another extractor (or one not recorded) read, oldest first."""
    d, x = schema.documents, schema.extractions
    with store.read() as conn:
        return list(
            conn.scalars(
                select(d.c.id)
                .outerjoin(x, x.c.document_id == d.c.id)
                .where(or_(x.c.extractor.is_(None), x.c.extractor != extractor))
                .order_by(d.c.ingested_at, d.c.id)
            )
        )


def page_text(body: str, dropped: Sequence[tuple[int, str]]) -> str:
    """The page as near as the store keeps it: dropped lines at their line numbers, the body's lines in the
    other places in order. Blank lines are not stored, so around them the order is approximate."""
    kept = iter(body.split("\n"))
    at = dict(dropped)
    lines = [at[n] if n in at else next(kept, "") for n in range(max(at, default=-1) + 1)]
    return "\n".join([*lines, *kept])


def stored_document(conn: Connection, doc_id: str) -> CleanedDocument:
    """A stored article as the pipeline takes it: cleaned, dated, named after its first source."""
    d, s, dl = schema.documents, schema.sources, schema.dropped_lines
    doc = conn.execute(select(d).where(d.c.id == doc_id)).one()
    first = conn.execute(
        select(s).where(s.c.document_id == doc_id).order_by(s.c.added_at, s.c.id).limit(1)
    ).one()
    dropped = conn.execute(select(dl.c.position, dl.c.text).where(dl.c.document_id == doc_id)).all()
    document = Document(
        first.input_id,
        first.path,
        page_text(doc.text, [(row.position, row.text) for row in dropped]),
        first.format,
        doc.published,
        doc.published_source,
        first.url,
        doc.title,
        first.outlet,
    )
    # No lines: the cleaner's decisions are stored already and re-extraction does not change them.
    return CleanedDocument(document, doc.text, (), PublicationDate(doc.published, doc.published_source))


def stored_documents(store: Store, ids: Sequence[str]) -> Iterator[CleanedDocument]:
    """The articles one at a time, each in its own short read, so memory stays flat and writers go on."""
    for doc_id in ids:
        with store.read() as conn:
            document = stored_document(conn, doc_id)
        yield document


def reextract(
    store: Store, settings: Settings, progress: Callable[[Stored], None] | None = None
) -> IngestSummary:
    """Extract again, from the stored text, every document another extractor read; store each like ingest."""
    from accord.pipeline import extract_documents, extractor_version  # spaCy: only when extracting

    extractor = extractor_version(settings.model)
    documents = stored_documents(store, stale_documents(store, extractor))
    return ingest_results(store, extract_documents(documents, settings), progress, extractor)
