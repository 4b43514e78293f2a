"""Web pages as documents: a fetched page goes through the same HTML reader as an `.html` file, keeping the
title, date and site name the page states, and the URL it came from."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from accord.decoding import decode, printable
from accord.errors import ReadError
from accord.readers import read_html, reject, sanitised
from accord.records import Document, Reject
from accord.sources.fetch import Fetcher, Page

log = logging.getLogger(__name__)

__all__ = ["Fetcher", "page_document", "read_page", "read_urls", "url_id"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def url_id(url: str) -> str:
    """A readable input id for a URL: the last part of its path without extension, else its host name."""
    parts = urlsplit(url)
    stem = PurePosixPath(parts.path).stem if parts.path.strip("/") else ""
    return UNSAFE.sub("-", stem or parts.hostname or "page").strip("-") or "page"


def page_document(page: Page, source: str | None = None) -> Document:
    """The article in a fetched page; `ReadError` when the page is not HTML or has no article text."""
    name = printable(source or page.url)
    kind = page.content_type.split(";")[0].strip().lower()
    if kind and kind not in HTML_TYPES:
        raise ReadError(f"{name} is {kind}, not an HTML page")
    return sanitised(read_html(decode(page.content, name), url_id(page.url), name, page.url))


def read_page(url: str, fetcher: Fetcher) -> Document | Reject:
    """The article at `url`, or a `Reject` saying in one line why it could not be had."""
    try:
        page = fetcher.get(url)
        assert page is not None  # no ETag or date was sent, so the server cannot answer "not modified"
        return page_document(page, url)
    except ReadError as err:
        return reject(url_id(url), printable(url), str(err))
    except Exception as err:  # a parser's surprise costs this page, not the run
        log.debug("reading %s failed", url, exc_info=err)
        return reject(url_id(url), printable(url), f"{url} could not be read: {type(err).__name__}: {err}")


def read_urls(urls: Iterable[str], fetcher: Fetcher | None = None) -> Iterator[Document | Reject]:
    """Every page in `urls`, fetched one after another with one polite client."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for url in urls:
            yield read_page(url, fetcher)
    finally:
        if own:
            fetcher.close()
