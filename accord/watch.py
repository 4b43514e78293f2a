"""`accord watch`: poll feeds, sitemaps, pages, folders and WARC files on a schedule and ingest only what
is new, then alert on the followed pairs and people the new articles report.

What is new is decided, cheapest first, by the source's ETag/Last-Modified (a feed that has not changed
is not read), by the page or file already read (a feed entry's URL, a file's size and modification time),
by the hash of a page's bytes, and finally by the store, which knows every article's text. All of it is
kept in the store, so a restart reads nothing twice. A source that fails is reported and tried again
at the next poll, then after waits that double with each further failure; the other sources go on.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from accord.alerting import AlertOutputs
from accord.errors import ReadError, SettingError
from accord.readers import read_file, walk
from accord.records import Document, Extraction, Reject
from accord.sources.feeds import feed_links, sitemap_pages
from accord.sources.fetch import Fetcher, FetchError, is_url
from accord.sources.web import page_document, url_id
from accord.store import Store, Stored, ingest_results
from accord.store.follows import alert_on
from accord.store.watching import ItemState, SourceState, remember_item, save_source, seen_item, source_state

log = logging.getLogger(__name__)

__all__ = ["PollSummary", "WatchSource", "Watcher", "every_seconds", "watch_sources"]

SourceKind = Literal["page", "feed", "sitemap", "folder", "file"]
EVERY = re.compile(r"(\d+)\s*([smhd])")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_BACKOFF = timedelta(days=1)
Extract = Callable[[Iterable[Document | Reject]], Iterable[Extraction | Reject]]


def every_seconds(text: str) -> float:
    """Seconds in a period written like `15m`, `90s`, `1h30m` or `1d`."""
    compact = text.replace(" ", "").lower()
    parts = EVERY.findall(compact)
    if (
        not parts
        or "".join(n + u for n, u in parts) != compact
        or not (seconds := sum(int(n) * UNIT_SECONDS[u] for n, u in parts))
    ):
        raise SettingError(f"--every {text!r} is not a period; write e.g. 15m, 90s, 1h30m or 1d")
    return float(seconds)


@dataclass(frozen=True)
class WatchSource:
    kind: SourceKind
    location: str


def watch_sources(paths: Sequence[str], feeds: Sequence[str], sitemaps: Sequence[str]) -> list[WatchSource]:
    """The sources named on the command line: URLs are pages, directories folders, other paths files."""
    named = [WatchSource("feed", url) for url in feeds] + [WatchSource("sitemap", url) for url in sitemaps]
    for path in paths:
        if is_url(path):
            named.append(WatchSource("page", path))
        else:
            named.append(WatchSource("folder" if Path(path).is_dir() else "file", str(Path(path).resolve())))
    return named


@dataclass(frozen=True)
class Found:
    """A document (or why it could not be read) to ingest, and the page or file to remember once stored;
    no item for a transient failure, which is read again at the next poll."""

    result: Document | Reject
    source: SourceState
    item: ItemState | None


@dataclass
class Collected:
    """What one read of a source gave: documents, and the source's validators to keep once stored."""

    found: list[Found] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PollSummary:
    sources_read: int = 0
    sources_failed: int = 0
    sources_waiting: int = 0
    stored: list[Stored] = field(default_factory=list)
    alerts: int = 0


def now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class Watcher:
    """Polls sources into a store; `notice` hears one line per failed or waiting source and per page that
    could not be read, `progress` each stored document."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        extract: Extract,
        extractor: str,
        every: float,
        outputs: AlertOutputs,
        notice: Callable[[str], None],
        progress: Callable[[Stored], None] | None = None,
    ) -> None:
        self.store, self.fetcher, self.extract, self.extractor = store, fetcher, extract, extractor
        self.every, self.outputs, self.notice, self.progress = every, outputs, notice, progress

    def run(
        self, sources: Sequence[WatchSource], once: bool, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        """Poll every `every` seconds (the time a poll takes included) until stopped, or once."""
        while True:
            started = time.monotonic()
            self.poll(sources)
            if once:
                return
            sleep(max(0.0, self.every - (time.monotonic() - started)))

    def poll(self, sources: Sequence[WatchSource]) -> PollSummary:
        """Read each source, ingest what is new, remember what was read, report alerts."""
        summary = PollSummary()
        found: list[Found] = []
        read: list[tuple[SourceState, Collected]] = []
        for source in sources:
            state = source_state(self.store, source.kind, source.location)
            if state.retry_at and state.retry_at > stamp(now()):
                summary.sources_waiting += 1
                self.notice(
                    f"{source.location}: failed {state.failures} time(s), next try after {state.retry_at}"
                )
                continue
            try:
                collected = self.collect(source, state)
            except (ReadError, OSError) as err:
                summary.sources_failed += 1
                self.failed(state, str(err) if isinstance(err, ReadError) else f"{source.location}: {err}")
                continue
            summary.sources_read += 1
            found.extend(collected.found)
            read.append((state, collected))
        summary.stored = self.ingest(found)
        for state, collected in read:  # only now: a crash before this reads the source again
            self.succeeded(state, collected)
        alerts = alert_on(
            self.store, (s.document_id for s in summary.stored if s.document_id and s.outcome != "unchanged")
        )
        summary.alerts = len([a for a in alerts if a.status == "new"])
        self.outputs.send(self.store, alerts)
        return summary

    def ingest(self, found: list[Found]) -> list[Stored]:
        if not found:
            return []  # nothing new: the model is not even loaded
        pending = {f.result.source: f for f in found}
        stored: list[Stored] = []

        def seen(result: Stored) -> None:
            stored.append(result)
            origin = pending.get(result.source)
            if origin is not None and origin.item is not None:
                item = replace(origin.item, document_id=result.document_id)
                remember_item(self.store, origin.source, item, stamp(now()))
            if result.error:
                self.notice(result.error)
            if self.progress:
                self.progress(result)

        ingest_results(self.store, self.extract(f.result for f in found), seen, self.extractor)
        return stored

    def failed(self, state: SourceState, error: str) -> None:
        """Record and report a failed read. The first failure is tried again at the next poll; after that
        the source sits out 1, 3, 7, … polls' time (up to a day), so a dead feed costs ever less."""
        failures = state.failures + 1
        wait = min(timedelta(seconds=self.every * (2 ** min(failures - 1, 20) - 1)), MAX_BACKOFF)
        moment = now()
        retry = stamp(moment + wait)
        save_source(
            self.store,
            replace(state, last_read_at=stamp(moment), last_error=error, failures=failures, retry_at=retry),
        )
        self.notice(f"{error} (failure {failures}; next try after {retry})")

    def succeeded(self, state: SourceState, collected: Collected) -> None:
        moment = stamp(now())
        save_source(
            self.store,
            replace(
                state,
                etag=collected.etag,
                last_modified=collected.last_modified,
                last_read_at=moment,
                last_ok_at=moment,
                last_error=None,
                failures=0,
                retry_at=None,
                documents=state.documents + sum(isinstance(f.result, Document) for f in collected.found),
            ),
        )

    def collect(self, source: WatchSource, state: SourceState) -> Collected:
        """The new documents of one source; `ReadError` (or `OSError`) when the source itself fails."""
        if source.kind == "page":
            return Collected(list(self.pages([source.location], state, conditional=True)))
        if source.kind in ("folder", "file"):
            return Collected(list(self.files(Path(source.location), state)))
        if source.kind == "sitemap":
            return Collected(list(self.pages(sitemap_pages(source.location, self.fetcher), state)))
        page = self.fetcher.get(source.location, state.etag, state.last_modified)
        if page is None:  # the feed has not changed since the last read
            return Collected([], state.etag, state.last_modified)
        return Collected(list(self.pages(feed_links(page), state)), page.etag, page.last_modified)

    def pages(self, urls: Iterable[str], state: SourceState, conditional: bool = False) -> Iterator[Found]:
        """The pages not read before (a watched page itself: read again when it changed)."""
        for url in urls:
            known = seen_item(self.store, url)
            if known is not None and not conditional:
                continue
            try:
                page = self.fetcher.get(url, *((known.etag, known.last_modified) if known else (None, None)))
            except FetchError as err:  # the page is gone for good (remembered) or for now (tried again)
                yield Found(
                    Reject(url_id(url), url, str(err)), state, ItemState(url) if err.permanent else None
                )
                continue
            if page is None:
                continue
            digest = hashlib.sha1(page.content).hexdigest()
            if known is not None and known.content_hash == digest:
                continue
            item = ItemState(url, page.etag, page.last_modified, digest)
            try:
                yield Found(page_document(page, url), state, item)
            except ReadError as err:
                yield Found(Reject(url_id(url), url, str(err)), state, item)

    def files(self, root: Path, state: SourceState) -> Iterator[Found]:
        """The files below `root` (or `root` itself) that are new or changed since they were last read."""
        if not root.exists():
            raise ReadError(f"{root} does not exist")
        for path, problem in walk(root) if root.is_dir() else [(root, None)]:
            if problem:
                continue  # a broken link or a pipe: nothing to watch
            info = path.stat()
            version = f"{info.st_size}-{info.st_mtime_ns}"
            known = seen_item(self.store, str(path))
            if known is not None and known.etag == version:
                continue
            results = list(read_file(path))
            for number, result in enumerate(results, 1):
                # the file is remembered with its last document, so a crash before that reads it again
                last = number == len(results)
                yield Found(result, state, ItemState(str(path), version) if last else None)
