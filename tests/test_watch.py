"""`accord watch`, `follow` and the alerts, through the command line against a local web site.

The extractor is replaced by the hand-built extractions of `store_articles` (the pages carry the tests' own
report texts), so these tests pin what the watcher reads, stores and reports, not what spaCy finds;
`test_watch_model.py` runs the real pipeline once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from local_web import Site, article_html, rss, serving
from store_articles import REPORT_A, REPORT_B, report_a, report_b
from typer.testing import CliRunner, Result

from accord import pipeline
from accord.cli import app
from accord.errors import SettingError
from accord.records import Document, Extraction, Reject
from accord.settings import Settings
from accord.watch import every_seconds
from accord.web import create_app

runner = CliRunner()


def by_hand(documents: Iterable[Document | Reject], settings: object = None) -> Iterator[Extraction | Reject]:
    """The extraction `store_articles` builds for a page carrying one of its reports; none for others."""
    for document in documents:
        if isinstance(document, Reject):
            yield document
            continue
        built = report_a(document.id) if REPORT_A[1] in document.text else report_b(document.id)
        if REPORT_B[1] not in document.text and REPORT_A[1] not in document.text:
            built = replace(built, events=())
        moved = replace(built.cleaned.document, source=document.source, url=document.url)
        yield replace(built, cleaned=replace(built.cleaned, document=moved))


@pytest.fixture
def extracted_by_hand(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the pipeline for the CLI; returns the sources it was given, in order."""
    given: list[str] = []

    def extract(
        documents: Iterable[Document | Reject], settings: object = None
    ) -> Iterator[Extraction | Reject]:
        def noted() -> Iterator[Document | Reject]:
            for document in documents:
                given.append(document.source)
                yield document

        return by_hand(noted())

    # the CLI imports the pipeline's functions when a command runs, so patching the module is enough
    monkeypatch.setattr(pipeline, "extract_documents", extract)
    monkeypatch.setattr(pipeline, "extractor_version", lambda model: "by hand")
    return given


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as running:
        yield running


def accord(*args: str, status: int = 0) -> Result:
    quick = ["--delay", "0"] if args[0] == "watch" else []  # the local site needs no politeness
    result = runner.invoke(app, [*args, *quick], env={"COLUMNS": "200"})
    assert result.exit_code == status, result.output
    return result


def alert_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("alert [")]


def test_watch_reads_each_article_once_across_restarts_and_alerts_once_per_event(
    site: Site, store_url: str, tmp_path: Path, extracted_by_hand: list[str]
) -> None:
    first = site.page("/2023/solberg-rojas.html", article_html("Oslo talks", REPORT_A[1:]))
    feed = site.page("/rss.xml", rss([("Oslo talks", first)]), content_type="application/rss+xml")
    hook, jsonl = site.base + "/hook", tmp_path / "alerts.jsonl"
    accord("follow", "NOR", "CHL", "--db", store_url)
    accord("follow", "Pablo Rojas", "--db", store_url)
    watch = ("watch", "--feed", feed, "--once", "--alerts", str(jsonl), "--webhook", hook, "--db", store_url)

    sent_at = datetime.now(UTC).isoformat(timespec="seconds")
    run = accord(*watch)
    # the meeting and the call of report A, each for the pair and for the person
    assert len(alert_lines(run.stdout)) == 4, run.stdout
    sent = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert sorted((a["type"], a["follow"]) for a in sent) == [
        ("call", "CHL NOR"),
        ("call", "Pablo Rojas"),
        ("meet", "CHL NOR"),
        ("meet", "Pablo Rojas"),
    ]
    assert len(site.posts) == 4 and {json.loads(p)["event_id"] for p in site.posts} == {
        a["event_id"] for a in sent
    }

    # a restart: the feed repeats the first article and adds another outlet's report of the same meeting
    second = site.page("/2023/rojas-in-oslo.html", article_html("Rojas in Oslo", REPORT_B[1:], "2023-05-18"))
    site.page(
        "/rss.xml",
        rss([("Rojas in Oslo", second), ("Oslo talks", first)]),
        content_type="application/rss+xml",
    )
    run = accord(*watch)
    assert alert_lines(run.stdout) == [] and len(jsonl.read_text().splitlines()) == 4 and len(site.posts) == 4
    assert site.hits["/2023/solberg-rojas.html"] == 1 and site.hits["/2023/rojas-in-oslo.html"] == 1
    assert extracted_by_hand == [first, second]

    listed = json.loads(accord("follows", "--json", "--db", store_url).stdout)
    assert {(f["target"], f["alerts"]) for f in listed} == {("CHL NOR", 2), ("Pablo Rojas", 2)}
    monitoring = monitor_page(store_url)
    (source,) = monitoring["sources"]
    assert (source["location"], source["documents"], source["last_error"]) == (feed, 2, None)
    assert source["last_read_at"] >= source["last_ok_at"] >= sent_at
    meetings = [a["alert"] for a in monitoring["alerts"] if a["alert"]["type"] == "meet"]
    assert [m["sources"] for m in meetings] == [2, 2]  # the later report updated the alerts


def monitor_page(db: str) -> dict[str, Any]:
    """The monitoring page's JSON twin, after checking that the page itself lists the same sources."""
    with TestClient(create_app(Settings(db=db))) as client:
        page = client.get("/monitor")
        data = client.get("/api/monitor").json()
    assert page.status_code == 200 and 'href="/api/monitor"' in page.text
    assert all(source["location"] in page.text for source in data["sources"])
    return data


def test_a_webhook_that_fails_gets_its_alerts_at_a_later_poll(
    site: Site, store_url: str, extracted_by_hand: list[str]
) -> None:
    page = site.page("/a.html", article_html("A", REPORT_A[1:]))
    feed = site.page("/rss.xml", rss([("A", page)]), content_type="application/rss+xml")
    hook = site.page("/hook", "", status=500)
    accord("follow", "NOR", "CHL", "--db", store_url)
    watch = ("watch", "--feed", feed, "--once", "--webhook", hook, "--db", store_url)
    run = accord(*watch)
    assert len(alert_lines(run.stdout)) == 2 and "did not take the alert" in run.stderr
    assert len(site.posts) == 1  # it stops at the first refusal and keeps the rest for later
    site.routes["/hook"].status = 204
    accord(*watch)
    accord(*watch)
    events = [json.loads(post)["event_id"] for post in site.posts[1:]]
    assert len(events) == 2 and len(set(events)) == 2 and json.loads(site.posts[0])["event_id"] in events


def test_an_unchanged_feed_is_not_read_again(
    site: Site, store_url: str, extracted_by_hand: list[str]
) -> None:
    page = site.page("/a.html", article_html("A", REPORT_A[1:]))
    feed = site.page(
        "/rss.xml", rss([("A", page)]), content_type="application/rss+xml", headers={"ETag": '"1"'}
    )
    for _ in range(3):
        accord("watch", "--feed", feed, "--once", "--db", store_url)
    assert site.hits["/rss.xml"] == 3 and site.hits["/a.html"] == 1 and extracted_by_hand == [page]


def test_a_watched_page_is_read_again_only_when_its_bytes_change(
    site: Site, store_url: str, extracted_by_hand: list[str]
) -> None:
    page = site.page("/live.html", article_html("Live", REPORT_A[1:]))  # no ETag: the hash decides
    accord("watch", page, "--once", "--db", store_url)
    accord("watch", page, "--once", "--db", store_url)
    site.page("/live.html", article_html("Live", REPORT_B[1:]))
    accord("watch", page, "--once", "--db", store_url)
    assert site.hits["/live.html"] == 3 and extracted_by_hand == [page, page]


def test_a_sitemap_is_watched_page_by_page(site: Site, store_url: str, extracted_by_hand: list[str]) -> None:
    urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'
    first = site.page("/a.html", article_html("A", REPORT_A[1:]))
    sitemap = site.page(
        "/sitemap.xml", urlset.format(f"<url><loc>{first}</loc></url>"), content_type="application/xml"
    )
    accord("watch", "--sitemap", sitemap, "--once", "--db", store_url)
    second = site.page("/b.html", article_html("B", REPORT_B[1:]))
    locations = f"<url><loc>{first}</loc></url><url><loc>{second}</loc></url>"
    site.page("/sitemap.xml", urlset.format(locations), content_type="application/xml")
    accord("watch", "--sitemap", sitemap, "--once", "--db", store_url)
    assert extracted_by_hand == [first, second] and site.hits["/a.html"] == 1


def test_a_failing_source_is_reported_backed_off_and_never_stops_the_others(
    site: Site, store_url: str, extracted_by_hand: list[str]
) -> None:
    page = site.page("/a.html", article_html("A", REPORT_A[1:]))
    good = site.page("/rss.xml", rss([("A", page)]), content_type="application/rss+xml")
    gone = site.base + "/gone.xml"
    watch = ("watch", "--feed", gone, "--feed", good, "--once", "--every", "1h", "--db", store_url)
    run = accord(*watch)
    assert f"{gone} answered HTTP 404" in run.stderr and "failure 1; next try after" in run.stderr
    assert extracted_by_hand == [page]
    run = accord(*watch)  # tried again at the next poll, then left alone for an hour
    assert "failure 2; next try after" in run.stderr and site.hits["/gone.xml"] == 2
    run = accord(*watch)
    assert "failed 2 time(s), next try after" in run.stderr and site.hits["/gone.xml"] == 2
    with TestClient(create_app(Settings(db=store_url))) as client:
        sources = {s["location"]: s for s in client.get("/api/monitor").json()["sources"]}
    assert (sources[gone]["failures"], sources[good]["failures"]) == (2, 0)
    assert f"{gone} answered HTTP 404" in sources[gone]["last_error"] and sources[good]["last_error"] is None


def test_a_feed_entry_that_fails_for_now_is_read_at_the_next_poll(
    site: Site, store_url: str, extracted_by_hand: list[str]
) -> None:
    page = site.page("/a.html", "busy", status=503)
    feed = site.page("/rss.xml", rss([("A", page)]), content_type="application/rss+xml")
    run = accord("watch", "--feed", feed, "--once", "--db", store_url, status=0)
    assert "answered HTTP 503" in run.stderr
    site.page("/a.html", article_html("A", REPORT_A[1:]))
    accord("watch", "--feed", feed, "--once", "--db", store_url)
    assert extracted_by_hand == [page, page] and site.hits["/a.html"] == 2


def test_a_watched_folder_gives_only_its_new_files(
    tmp_path: Path, store_url: str, extracted_by_hand: list[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.html").write_text(article_html("A", REPORT_A[1:]), encoding="utf-8")
    accord("watch", str(inbox), "--once", "--db", store_url)
    (inbox / "b.html").write_text(article_html("B", REPORT_B[1:]), encoding="utf-8")
    accord("watch", str(inbox), "--once", "--db", store_url)
    assert [Path(source).name for source in extracted_by_hand] == ["a.html", "b.html"]


def test_follow_checks_its_parties_and_says_what_it_follows(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    wrong = accord("follow", "JPN", "JAPAN", "--db", db, status=2)
    assert "'JAPAN' is not a country code" in wrong.stderr and "did you mean JPN" in wrong.stderr
    assert "following FIN JPN (pair)" in accord("follow", "jpn", "FIN", "--db", db).stdout
    assert "already following FIN JPN" in accord("follow", "FIN", "JPN", "--db", db).stdout
    unknown = accord("follow", "Yoko  Kamikawa", "--db", db)
    assert "no stored person is called 'Yoko Kamikawa' yet" in unknown.stderr
    listed = json.loads(accord("follows", "--json", "--db", db).stdout)
    assert [(f["target"], f["kind"]) for f in listed] == [("FIN JPN", "pair"), ("Yoko Kamikawa", "person")]
    accord("unfollow", "JPN", "FIN", "--db", db)
    assert "is not followed" in accord("unfollow", "JPN", "FIN", "--db", db, status=2).stderr


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("90s", 90), ("1h30m", 5400), ("1d", 86400)])
def test_every_reads_periods(text: str, seconds: float) -> None:
    assert every_seconds(text) == seconds


@pytest.mark.parametrize("text", ["15", "0m", "soon", "5x", "m15"])
def test_every_refuses_what_is_no_period(text: str) -> None:
    with pytest.raises(SettingError, match="is not a period"):
        every_seconds(text)


def test_ingest_reads_pages_feeds_and_sitemaps(
    site: Site, tmp_path: Path, extracted_by_hand: list[str]
) -> None:
    page = site.page("/a.html", article_html("A", REPORT_A[1:]))
    other = site.page("/b.html", article_html("B", REPORT_B[1:]))
    feed = site.page("/rss.xml", rss([("A", page), ("B", other)]), content_type="application/rss+xml")
    urlset = (
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{other}</loc></url></urlset>'
    )
    sitemap = site.page("/sitemap.xml", urlset, content_type="application/xml")
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    run = accord(
        "ingest",
        page,
        "--feed",
        feed,
        "--sitemap",
        sitemap,
        "--feed",
        site.base + "/none.xml",
        "--db",
        db,
        status=1,
    )
    # the pages given, then every feed's articles, then every sitemap's
    assert extracted_by_hand == [page, page, other, site.base + "/none.xml", other]
    assert f"{site.base}/none.xml answered HTTP 404" in run.stderr
    assert json.loads(accord("timeline", "NOR", "CHL", "--json", "--db", db).stdout)
