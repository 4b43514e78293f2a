"""`accord watch --once` end to end with the spaCy model: a feed on a local site and a WARC file, read
once across restarts, with one alert per new followed event and the webhook receiving each."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_web import Site, article_html, rss, serving
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accord.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()

TOKYO = [
    "Finnish Foreign Minister Elina Valtonen met Japanese Foreign Minister Yoko Kamikawa in Tokyo on Tuesday.",
    "The two ministers discussed economic security, Arctic research and support for Ukraine.",
]
TOKYO_AGAIN = [
    "Japanese Foreign Minister Yoko Kamikawa held talks with Finnish Foreign Minister Elina Valtonen in Tokyo on March 5.",
    "Officials said the meeting focused on hydrogen, shipping routes and cyber defence.",
]
OSLO = [
    "Norwegian Foreign Minister Espen Barth Eide met German Foreign Minister Annalena Baerbock in Oslo on Monday.",
    "They discussed energy supplies and security in the North Sea.",
]


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as running:
        yield running


def write_warc(path: Path, uri: str, html: str) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )


def accord(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_watch_once_reads_each_article_once_and_alerts_once_per_followed_event(
    site: Site, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'accord.db'}"
    tokyo = site.page("/2024/03/05/valtonen-kamikawa.html", article_html("Valtonen in Tokyo", TOKYO))
    oslo = site.page("/2024/03/04/eide-baerbock.html", article_html("Eide and Baerbock", OSLO, "2024-03-04"))
    feed = site.page("/rss.xml", rss([("Tokyo", tokyo), ("Oslo", oslo)]), content_type="application/rss+xml")
    archive = tmp_path / "crawl.warc.gz"
    write_warc(
        archive, "https://other.example/kamikawa.html", article_html("Talks", TOKYO_AGAIN, "2024-03-06")
    )
    accord("follow", "JPN", "FIN", "--db", db)
    accord("follow", "Yoko Kamikawa", "--db", db)
    alerts = tmp_path / "alerts.jsonl"
    watch = ["watch", "--feed", feed, "--once", "--delay", "0", "--alerts", str(alerts), "--db", db]
    watch += ["--webhook", site.base + "/hook"]

    first = accord(*watch)
    sent = [json.loads(line) for line in alerts.read_text().splitlines()]
    kinds = {(a["type"], a["follow"]) for a in sent}
    assert {("meet", "FIN JPN"), ("meet", "Yoko Kamikawa")} <= kinds  # the visit to Tokyo may come too
    assert len({(a["event_id"], a["follow"]) for a in sent}) == len(sent) == first.count("alert [")
    assert len(site.posts) == len(sent)
    assert all({"FIN", "JPN"} <= {*a["parties"], a["country"]} for a in sent)  # nothing about Oslo

    again = accord(*watch, str(archive))  # a restart, with a web archive holding another report
    assert "alert [" not in again and len(alerts.read_text().splitlines()) == len(sent) == len(site.posts)
    assert (
        site.hits["/2024/03/05/valtonen-kamikawa.html"] == 1
        and site.hits["/2024/03/04/eide-baerbock.html"] == 1
    )
    meetings = [
        e for e in json.loads(accord("timeline", "JPN", "FIN", "--json", "--db", db)) if e["type"] == "meet"
    ]
    assert [len(m["sources"]) for m in meetings] == [2]  # the archived report was fused into the alerted one
