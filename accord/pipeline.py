"""The pipeline, top to bottom: read → clean → publication date → relevance → spaCy → events.

Documents stream through spaCy's `nlp.pipe` in batches so memory stays flat; a document that fails at any
stage becomes a `Reject` in its place and the run goes on. Pages the relevance gate turns away (sports,
weather, markets) skip the model and come out as extractions with no events. `StageTimes` tells where the
time went; `workers` above 1 spreads batches over processes, results still in input order.
"""

from __future__ import annotations

import logging
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from time import perf_counter
from typing import Protocol, TypeVar

from spacy.tokens import Doc
from spacy.util import get_package_version, load_meta

from accord.clean import clean
from accord.extraction.events import find_events
from accord.language import language_of, reads
from accord.nlp import load_model, locate
from accord.pubdate import find_publication_date
from accord.readers import read_paths
from accord.records import CleanedDocument, Document, Extraction, Reject
from accord.relevance import is_relevant
from accord.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["EXTRACTOR_VERSION", "StageTimes", "extract", "extract_documents", "extractor_version", "prepare"]

# Bump this whenever the extraction rules change what they find: the store then reads again every document
# an older extractor read (at its next ingest, or with `accord reextract`).
EXTRACTOR_VERSION = 15

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Result = Extraction | Reject
# What extraction takes: a document to clean, one cleaned already (a stored article read again), or a
# reject to pass on in its place.
Item = Document | CleanedDocument | Reject


def model_version(name: str) -> str:
    """The installed version of a spaCy pipeline, read from its package without loading it."""
    location = Path(locate(name))
    if location.is_dir():
        return str(load_meta(location / "meta.json").get("version", "unknown"))
    return get_package_version(name) or "unknown"


def extractor_version(model: str) -> str:
    """What extracting with `model` means, as the store records it per document: Accord's release, the
    rules' version and the spaCy pipeline's; a document read by any other is read again."""
    from accord import __version__  # here: the package sets it only after importing this module

    return f"accord {__version__}, rules {EXTRACTOR_VERSION}, {model} {model_version(model)}"


@dataclass
class StageTimes:
    """Seconds spent in each stage ("read", "clean", "gate", "nlp", "events") and documents counted
    ("documents", "off-topic"). A stage timed inside another (reading while spaCy pulls its next text)
    is taken out of the outer one, so the stages add up to the run. Two clock reads per stage per
    document: cheap enough to be always on."""

    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    counts: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    _open: list[str] = field(default_factory=list, repr=False)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = perf_counter()
        self._open.append(name)
        try:
            yield
        finally:
            self._open.pop()
            elapsed = perf_counter() - start
            self.seconds[name] += elapsed
            if self._open:
                self.seconds[self._open[-1]] -= elapsed

    def add(self, other: StageTimes) -> None:
        """Fold in the times a worker process measured."""
        for name, seconds in other.seconds.items():
            self.seconds[name] += seconds
        for name, count in other.counts.items():
            self.counts[name] += count


def timed(items: Iterable[T], times: StageTimes, stage: str) -> Iterator[T]:
    """Yield from `items` (never None), counting the time spent producing each one as `stage`."""
    iterator = iter(items)
    while True:
        with times.stage(stage):
            item = next(iterator, None)
        if item is None:
            return
        yield item


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
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
    reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return Reject(document.id, document.source, f"{document.source}: {stage} failed: {reason}")


def too_long(document: Document, limit: int) -> Reject | None:
    """Refuse a document longer than `limit` before the cleaner and spaCy spend minutes (or all memory)."""
    if len(document.text) <= limit:
        return None
    return Reject(
        document.id,
        document.source,
        f"{document.source} has {len(document.text):,} characters, more than the {limit:,} Accord reads "
        "in one document (ACCORD_MAX_CHARS); split it into articles or raise the limit",
    )


def document_of(item: Document | CleanedDocument) -> Document:
    return item.document if isinstance(item, CleanedDocument) else item


def before_model(item: Item, times: StageTimes, max_chars: int) -> Result | CleanedDocument:
    """A cleaned document for spaCy; or already final: a `Reject`, or an off-topic page with no events."""
    if isinstance(item, Reject):
        return item
    times.counts["documents"] += 1
    refused = too_long(document_of(item), max_chars)
    if refused:
        return refused
    if isinstance(item, CleanedDocument):
        cleaned = item
    else:
        try:
            with times.stage("clean"):
                cleaned = prepare(item)
        except Exception as err:  # one broken page must not stop the run
            return failure(item, "cleaning", err)
    with times.stage("gate"):
        cleaned = replace(cleaned, language=language_of(cleaned.text))
        relevant = reads(cleaned.language) and is_relevant(cleaned.text)
    if relevant:
        return cleaned
    if not reads(cleaned.language):
        times.counts["not English"] += 1
        note = (
            f"the page is in language '{cleaned.language}'; Accord reads English only, so no events were read"
        )
        return Extraction(cleaned, note=note)
    times.counts["off-topic"] += 1
    return Extraction(cleaned)


def after_model(cleaned: CleanedDocument, doc: Doc, times: StageTimes) -> Result:
    try:
        with times.stage("events"):
            return find_events(cleaned, doc)
    except Exception as err:  # one broken page must not stop the run
        return failure(cleaned.document, "event extraction", err)


def extract_documents(
    documents: Iterable[Item],
    settings: Settings | None = None,
    times: StageTimes | None = None,
    workers: int | None = None,
) -> Iterator[Result]:
    """Events for every document, in input order; failures come back as `Reject` records. A document given
    cleaned already (a stored article) keeps its text and publication date and skips the cleaner.

    `workers` (default `settings.workers`) above 1 runs batches in that many processes; `times`, when
    given, collects the seconds spent per stage.
    """
    settings = settings or Settings.from_env()
    times = times if times is not None else StageTimes()
    workers = settings.workers if workers is None else workers
    if workers > 1:
        yield from extract_in_processes(documents, settings, times, workers)
        return
    nlp = load_model(settings.model)
    max_chars = min(settings.max_chars, nlp.max_length)  # spaCy raises on longer texts, for the whole batch
    waiting: deque[Result | CleanedDocument] = deque()  # every document, in input order, until it is done

    def model_texts() -> Iterator[str]:
        for item in timed(documents, times, "read"):
            waiting.append(before_model(item, times, max_chars))
            if isinstance(waiting[-1], CleanedDocument):
                yield waiting[-1].text

    for doc in timed(nlp.pipe(model_texts(), batch_size=settings.batch_size), times, "nlp"):
        item = waiting.popleft()
        while not isinstance(item, CleanedDocument):  # rejects and off-topic pages before this one
            yield item
            item = waiting.popleft()
        yield after_model(item, doc, times)
    for result in waiting:  # only finished results are left
        assert not isinstance(result, CleanedDocument)
        yield result


def extract(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Result]:
    """Read every file, directory or `-` in `paths` and extract its events."""
    return extract_documents(read_paths(paths), settings)


# Workers: reading stays here (paths and standard input are this process's), everything else runs in
# the pool. At most two batches per worker are in flight, so memory stays flat however long the input.


def extract_batch(batch: list[Item], settings: Settings) -> tuple[list[Result], StageTimes]:
    """One batch in a worker process (which loads the model once, at its first batch)."""
    times = StageTimes()
    return list(extract_documents(batch, settings, times, workers=1)), times


def extract_in_processes(
    documents: Iterable[Item], settings: Settings, times: StageTimes, workers: int
) -> Iterator[Result]:
    """`extract_documents` over a pool of processes: same results, same order, one model per process."""
    in_flight: deque[tuple[list[Item], Future[tuple[list[Result], StageTimes]]]] = deque()
    with ProcessPoolExecutor(workers, initializer=load_model, initargs=(settings.model,)) as pool:
        for batch in batched(timed(documents, times, "read"), settings.batch_size):
            in_flight.append((batch, pool.submit(extract_batch, batch, settings)))
            if len(in_flight) >= 2 * workers:
                yield from collect(*in_flight.popleft(), times)
        while in_flight:
            yield from collect(*in_flight.popleft(), times)


class Pending(Protocol[T_co]):
    """A batch's results to come: a process pool's future, or a Dask cluster's (`accord.distributed`)."""

    def result(self) -> T_co: ...


def collect(
    batch: list[Item], future: Pending[tuple[list[Result], StageTimes]], times: StageTimes
) -> list[Result]:
    """A batch's results; if its worker died, every document of the batch becomes a `Reject`."""
    with times.stage("waiting for workers"):
        try:
            results, worker_times = future.result()
        except Exception as err:
            return [
                item if isinstance(item, Reject) else failure(document_of(item), "a worker process", err)
                for item in batch
            ]
    times.add(worker_times)
    return results
