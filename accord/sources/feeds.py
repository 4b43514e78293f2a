"""RSS/Atom feeds and XML sitemaps: the article links they list, each followed as a web page.

feedparser reads every flavour of RSS and Atom; a sitemap is read with lxml, entities and network access
off, and a sitemap index is followed down to `MAX_DEPTH` levels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from accord.errors import ReadError
from accord.readers import read_paths, reject
from accord.records import Document, Reject
from accord.sources.fetch import Fetcher, Page
from accord.sources.web import read_urls, url_id

__all__ = ["feed_links", "read_feed", "read_sitemap", "read_sources", "sitemap_links"]

MAX_DEPTH = 3
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def unique(links: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(links))


def feed_links(page: Page) -> list[str]:
    """The links of a feed's entries, in the feed's order, each once; `ReadError` if it is no feed."""
    headers = {"content-location": page.url, "content-type": page.content_type or "application/xml"}
    parsed = feedparser.parse(page.content, response_headers=headers)
    if not parsed.entries and not parsed.version:  # a feed with no entries yet is still a feed
        raise ReadError(f"{page.url} is not an RSS or Atom feed")
    return unique(urljoin(page.url, entry.link) for entry in parsed.entries if entry.get("link"))


def sitemap_links(page: Page) -> tuple[list[str], list[str]]:
    """A sitemap's page links and, for a sitemap index, the sitemaps it lists."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = etree.fromstring(page.content, parser)
    except etree.XMLSyntaxError as err:
        raise ReadError(f"{page.url} is not an XML sitemap: {err}") from None
    tag = etree.QName(root).localname
    if tag not in ("urlset", "sitemapindex"):
        raise ReadError(f"{page.url} is not a sitemap (its root element is <{tag}>)")
    locations = unique(
        urljoin(page.url, (loc.text or "").strip())
        for loc in root.iter(f"{SITEMAP_NS}loc", "loc")
        if (loc.text or "").strip()
    )
    return ([], locations) if tag == "sitemapindex" else (locations, [])


def read_feed(url: str, fetcher: Fetcher) -> Iterator[Document | Reject]:
    """Every article a feed links to; a feed that cannot be read is one `Reject`."""
    try:
        page = fetcher.get(url)
        assert page is not None  # asked without conditions
        links = feed_links(page)
    except ReadError as err:
        yield reject(url_id(url), url, str(err))
        return
    yield from read_urls(links, fetcher)


def sitemap_pages(url: str, fetcher: Fetcher, depth: int = 0) -> list[str]:
    """The page links of a sitemap, and of the sitemaps a sitemap index lists (`ReadError` if unreadable)."""
    page = fetcher.get(url)
    assert page is not None  # asked without conditions
    pages, nested = sitemap_links(page)
    if nested and depth >= MAX_DEPTH:
        raise ReadError(f"{url} nests sitemap indexes more than {MAX_DEPTH} levels deep")
    for child in nested:
        pages.extend(sitemap_pages(child, fetcher, depth + 1))
    return unique(iter(pages))


def read_sitemap(url: str, fetcher: Fetcher) -> Iterator[Document | Reject]:
    """Every page a sitemap (or sitemap index) lists; a sitemap that cannot be read is one `Reject`."""
    try:
        links = sitemap_pages(url, fetcher)
    except ReadError as err:
        yield reject(url_id(url), url, str(err))
        return
    yield from read_urls(links, fetcher)


def read_sources(
    paths: Iterable[str | Path], feeds: Iterable[str] = (), sitemaps: Iterable[str] = ()
) -> Iterator[Document | Reject]:
    """Every document named by paths and URLs (as `read_paths`), then every page the feeds and sitemaps
    list, all fetched by one polite client."""
    yield from read_paths(paths)
    with Fetcher() as fetcher:
        for feed in feeds:
            yield from read_feed(feed, fetcher)
        for sitemap in sitemaps:
            yield from read_sitemap(sitemap, fetcher)
