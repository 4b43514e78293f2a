"""Web sources against a local server: pages, feeds, sitemaps and WARC files become the same documents as
files, and every way a site can fail (404, slow, too big, robots.txt, redirect loop) is one clear reject."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_web import Site, article_html, rss, serving
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accord.readers import read_paths
from accord.records import Document, Reject
from accord.sources.feeds import read_feed, read_sitemap
from accord.sources.fetch import Fetcher, FetchPolicy
from accord.sources.web import read_page, read_urls

MEETING = [
    "Finnish Foreign Minister Elina Valtonen met Japanese Foreign Minister Yoko Kamikawa in Tokyo on Tuesday.",
    "The two ministers discussed economic security and cooperation in the Arctic.",
]


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as running:
        yield running


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchPolicy(delay=0, timeout=2, max_bytes=64_000)) as polite:
        yield polite


def test_a_page_is_read_like_an_html_file_keeping_its_metadata(site: Site, fetcher: Fetcher) -> None:
    url = site.page("/world/valtonen-in-tokyo.html", article_html("Valtonen in Tokyo", MEETING))
    document = read_page(url, fetcher)
    assert isinstance(document, Document)
    assert (document.id, document.source, document.url, document.format) == (
        "valtonen-in-tokyo",
        url,
        url,
        "html",
    )
    assert (document.title, document.published, document.outlet) == (
        "Valtonen in Tokyo",
        "2024-03-05",
        "Test Wire",
    )
    assert MEETING[0] in document.text and "Sign in to comment" not in document.text
    assert all(agent.startswith("Accord/") for agent in site.user_agents)


def test_a_url_given_as_a_path_is_fetched(site: Site) -> None:
    url = site.page("/a.html", article_html("A", MEETING))
    (document,) = read_paths([url])
    assert isinstance(document, Document) and document.url == url


@pytest.mark.parametrize(
    ("route", "options", "expected"),
    [
        ("/missing.html", None, "answered HTTP 404"),
        ("/slow.html", {"delay": 3.0}, "did not answer within 0.5 seconds"),
        ("/huge.html", {"body": "x" * 70_000}, "more than the 64,000"),
        ("/image.png", {"content_type": "image/png"}, "is image/png, not an HTML page"),
        ("/loop", {"status": 302, "headers": {"Location": "/loop2"}}, "redirects in a loop"),
    ],
)
def test_a_page_that_cannot_be_had_is_one_reject_naming_it(
    site: Site, route: str, options: dict | None, expected: str
) -> None:
    if options is not None:
        site.page(route, options.pop("body", article_html("Page", MEETING)), **options)
    site.page("/loop2", "", status=302, headers={"Location": "/loop"})
    with Fetcher(FetchPolicy(delay=0, timeout=0.5, max_bytes=64_000)) as fetcher:
        results = list(
            read_urls([site.base + route, site.page("/fine.html", article_html("Fine", MEETING))], fetcher)
        )
    assert isinstance(results[0], Reject) and expected in results[0].error
    assert site.base + route in results[0].error and "\n" not in results[0].error
    assert isinstance(results[1], Document)  # the next page still comes through


def test_robots_txt_is_obeyed_and_the_forbidden_page_never_requested(site: Site, fetcher: Fetcher) -> None:
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    secret = site.page("/private/memo.html", article_html("Memo", MEETING))
    public = site.page("/public.html", article_html("Public", MEETING))
    results = list(read_urls([secret, public], fetcher))
    assert isinstance(results[0], Reject) and "robots.txt" in results[0].error
    assert isinstance(results[1], Document)
    assert site.hits["/private/memo.html"] == 0 and site.hits["/robots.txt"] == 1


def test_requests_to_one_host_wait_the_polite_delay() -> None:
    slept: list[float] = []
    now = [100.0]
    with (
        serving() as site,
        Fetcher(FetchPolicy(delay=2.0), sleep=slept.append, clock=lambda: now[0]) as fetcher,
    ):
        url = site.page("/a.html", article_html("A", MEETING))
        fetcher.get(url)
        now[0] += 0.5
        fetcher.get(url)
    assert slept and slept[-1] == pytest.approx(1.5)


def test_an_unchanged_page_is_not_read_again(site: Site, fetcher: Fetcher) -> None:
    url = site.page("/a.html", article_html("A", MEETING), headers={"ETag": '"v1"'})
    first = fetcher.get(url)
    assert first is not None and first.etag == '"v1"'
    assert fetcher.get(url, etag=first.etag) is None
    assert fetcher.get(url, etag='"v0"') is not None


def test_a_feed_is_read_entry_by_entry_each_link_once(site: Site, fetcher: Fetcher) -> None:
    first = site.page("/2024/first.html", article_html("First", MEETING))
    second = site.page("/2024/second.html", article_html("Second", [*MEETING, "They met again."]))
    feed = site.page(
        "/feed.xml",
        rss([("First", first), ("Second", "/2024/second.html"), ("Again", first)]),
        content_type="application/rss+xml",
    )
    documents = list(read_feed(feed, fetcher))
    assert [d.url for d in documents if isinstance(d, Document)] == [first, second]
    assert site.hits["/2024/first.html"] == 1


def test_a_feed_with_no_entries_yet_gives_nothing(site: Site, fetcher: Fetcher) -> None:
    feed = site.page("/feed.xml", rss([]), content_type="application/rss+xml")
    assert list(read_feed(feed, fetcher)) == []


def test_a_broken_feed_is_one_reject(site: Site, fetcher: Fetcher) -> None:
    feed = site.page("/feed.xml", "<html><body>not a feed</body></html>")
    (result,) = read_feed(feed, fetcher)
    assert isinstance(result, Reject) and "is not an RSS or Atom feed" in result.error


def test_a_sitemap_index_is_followed_to_its_pages(site: Site, fetcher: Fetcher) -> None:
    page = site.page("/news/one.html", article_html("One", MEETING))
    urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{}</loc></url></urlset>'
    site.page("/sitemap-news.xml", urlset.format(page), content_type="application/xml")
    index = site.page(
        "/sitemap.xml",
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-news.xml</loc>'
        "</sitemap></sitemapindex>",
        content_type="application/xml",
    )
    (document,) = read_sitemap(index, fetcher)
    assert isinstance(document, Document) and document.url == page


def write_warc(path: Path, records: list[tuple[str, str, int, bytes]]) -> None:
    """A WARC file of (URI, content type, status, body) responses, with one request record between."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        for uri, content_type, status, body in records:
            headers = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )
            writer.write_record(
                writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_file_gives_its_html_responses_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(
        path,
        [
            (
                "https://news.example/a.html",
                "text/html; charset=utf-8",
                200,
                article_html("A", MEETING).encode(),
            ),
            ("https://news.example/logo.png", "image/png", 200, b"\x89PNG\r\n"),
            ("https://news.example/gone.html", "text/html", 404, b"<html>gone</html>"),
            ("https://news.example/b.html", "text/html", 200, article_html("B", MEETING[:1]).encode()),
        ],
    )
    documents = list(read_paths([path]))
    assert [(d.id, d.url) for d in documents if isinstance(d, Document)] == [
        ("a", "https://news.example/a.html"),
        ("b", "https://news.example/b.html"),
    ]
    assert all(isinstance(d, Document) and d.source.startswith(f"{path}#https://") for d in documents)


def test_a_file_that_is_no_warc_is_one_reject(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive\n" * 5)
    (result,) = read_paths([path])
    assert isinstance(result, Reject) and "not a readable WARC file" in result.error
