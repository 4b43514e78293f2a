"""The pipeline, top to bottom: read → clean → publication date → spaCy → events.

Documents stream through in batches so memory stays flat; a document that fails at any stage becomes a
`Reject` in its place and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

from accord.clean import clean
from accord.events import find_events
from accord.nlp import load_model
from accord.pubdate import find_publication_date
from accord.readers import read_paths
from accord.records import CleanedDocument, Document, Extraction, Reject
from accord.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["extract", "extract_documents", "prepare"]


def batched(items: Iterable[Document | Reject], size: int) -> Iterator[list[Document | Reject]]:
    """`itertools.batched` arrived in Python 3.12; Accord supports 3.11."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def prepare(document: Document) -> CleanedDocument:
    """Clean a document and find when it was published: everything before the language model."""
    cleaned = clean(document)
    return replace(cleaned, published=find_publication_date(cleaned))


def failure(document: Document, stage: str, err: Exception) -> Reject:
    log.debug("%s failed at %s", document.source, stage, exc_info=err)
    return Reject(document.id, document.source, f"{document.source}: {stage} failed: {err}")


def extract_documents(
    documents: Iterable[Document | Reject], settings: Settings | None = None
) -> Iterator[Extraction | Reject]:
    """Events for every document, in input order; failures come back as `Reject` records."""
    settings = settings or Settings.from_env()
    nlp = load_model(settings.model)
    for batch in batched(documents, settings.batch_size):
        results: list[Extraction | Reject | CleanedDocument] = []
        for item in batch:
            if isinstance(item, Reject):
                results.append(item)
                continue
            try:
                results.append(prepare(item))
            except Exception as err:  # one broken page must not stop the run
                results.append(failure(item, "cleaning", err))
        ready = [r for r in results if isinstance(r, CleanedDocument)]
        parsed = iter(nlp.pipe(c.text for c in ready))
        for result in results:
            if not isinstance(result, CleanedDocument):
                yield result
                continue
            try:
                yield find_events(result, next(parsed))
            except Exception as err:  # one broken page must not stop the run
                yield failure(result.document, "event extraction", err)


def extract(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Extraction | Reject]:
    """Read every file, directory or `-` in `paths` and extract its events."""
    return extract_documents(read_paths(paths), settings)
