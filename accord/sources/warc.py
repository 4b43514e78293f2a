"""WARC files, as web archiving tools and Common Crawl write them: every HTML response read as the page
it archived; requests, metadata, redirects, errors and other media are skipped."""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from accord.decoding import printable
from accord.errors import ReadError
from accord.readers import MAX_FILE_BYTES, reject
from accord.records import Document, Reject
from accord.sources.fetch import Page
from accord.sources.web import HTML_TYPES, page_document, url_id

log = logging.getLogger(__name__)

__all__ = ["read_warc"]


def archived_pages(stream: object) -> Iterator[tuple[str, Page | str]]:
    """(target URI, page) for each HTML response of status 200, or (URI, why it is refused) for one
    larger than Accord reads."""
    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        if record.http_headers.get_statuscode() != "200" or not content_type.startswith(HTML_TYPES):
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        data = record.content_stream().read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            yield uri, f"has more than the {MAX_FILE_BYTES:,} bytes Accord reads from one page"
            continue
        yield uri, Page(uri, data, content_type)


def starts_like_warc(path: Path) -> bool:
    """Whether the file (gzipped or not) opens with a WARC record header; warcio skips anything else
    without a word, so a misnamed file would otherwise read as an empty archive."""
    with path.open("rb") as raw:
        head = raw.read(2)
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw
        return stream.read(5) == b"WARC/"


def read_warc(path: Path) -> Iterator[Document | Reject]:
    """Every archived HTML page in a WARC file, each named `file#URI`; a broken record ends the file with
    one `Reject`, the pages before it kept."""
    name = printable(str(path))
    try:
        if not starts_like_warc(path):
            raise ValueError("it does not start with a WARC record")
        with path.open("rb") as stream:
            for uri, page in archived_pages(stream):
                source = f"{name}#{printable(uri)}"
                if isinstance(page, str):
                    yield reject(url_id(uri), source, f"{source} {page}")
                    continue
                try:
                    yield page_document(page, source)
                except ReadError as err:
                    yield reject(url_id(uri), source, str(err))
    except (OSError, ArchiveLoadFailed, ValueError) as err:
        yield reject(path.stem, name, f"{name} is not a readable WARC file: {err}")
