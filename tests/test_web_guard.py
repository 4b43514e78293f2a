"""What the web app checks before any page runs, and what it keeps between requests: requests for a foreign
host (DNS rebinding) are refused, HEAD is GET without a body, oversize headers get the API's error shape
with the security headers, impossible dates are refused, and a cached answer never outlives an ingest.
Through the test client, and through `accord serve` with several workers."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send
from store_articles import report_a, report_b
from web_pages import sqlite_store, web_articles
from web_server import serving

from accord.settings import Settings
from accord.store import explore_queries, ingest_results, open_store, terms, web_queries
from accord.store.corrections import reject
from accord.web import app as web_app
from accord.web import create_app
from accord.web.cache import ResponseCache

PAGES = ["/", "/events", "/api/overview", "/api/events?type=meet", "/static/style.css"]


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    return sqlite_store(tmp_path_factory.mktemp("guard"), web_articles())


@pytest.fixture(scope="module")
def client(store_file: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=store_file))) as client:
        yield client


def assert_refused(response: httpx.Response, status: int, phrase: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["status"] == status and phrase in response.json()["message"]
    assert (
        response.headers["x-frame-options"] == "DENY"
        and "default-src 'none'" in response.headers["content-security-policy"]
    )


@pytest.mark.parametrize("host", ["evil.com", "evil.com:8000", "127.0.0.1.evil.com", "localhost.", ""])
def test_a_request_for_a_foreign_host_is_refused(client: TestClient, host: str) -> None:
    for page in PAGES:
        assert_refused(client.get(page, headers={"host": host}), 400, "does not answer for the host")


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"])
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/overview", headers={"host": host}).status_code == 200


def test_the_hosts_an_app_is_made_for_are_the_ones_it_answers(store_file: str) -> None:
    with TestClient(create_app(Settings(db=store_file), ["news.example"])) as client:
        assert client.get("/api/overview", headers={"host": "news.example:443"}).status_code == 200
        assert client.get("/api/overview").status_code == 400  # "testserver" is not news.example


def test_head_is_get_without_a_body(client: TestClient) -> None:
    for page in PAGES:
        head, get = client.head(page), client.get(page)
        assert head.status_code == get.status_code == 200, page
        assert head.content == b"" and int(head.headers["content-length"]) == len(get.content) > 0
        assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/api/events/nosuchevent").status_code == 404


def test_oversize_headers_get_the_error_shape_and_the_security_headers(client: TestClient) -> None:
    assert_refused(client.get("/api/overview", headers={"x-big": "a" * 100_000}), 431, "headers exceed")
    assert client.get("/api/overview", headers={"x-fine": "a" * 4_000}).status_code == 200


@pytest.mark.parametrize("date", ["2024-13-45", "2024-00", "2024-12-32", "24-01-01", "2024-1-1"])
def test_impossible_dates_in_filters_are_refused(client: TestClient, date: str) -> None:
    for url in ("/api/events", "/api/graph", "/events"):
        for name in ("since", "until"):
            response = client.get(url, params={name: date})
            # one message that names the bad date (`accord.store.terms`), as the CLI gives it
            assert response.status_code == 400 and date in response.text, (url, name, response.text)
    assert client.get("/api/events", params={"since": "2024-12-31", "until": "2025"}).status_code == 200


def test_a_cached_answer_never_outlives_an_ingest(store_url: str) -> None:
    store = open_store(store_url)
    ingest_results(store, [report_a()])
    with TestClient(create_app(Settings(db=store_url))) as client:
        first = [client.get("/api/overview").json()["counts"] for _ in range(3)]
        page = client.get("/events").text
        assert first[0] == first[1] == first[2]
        ingest_results(store, [report_b("other")])  # a second report of the same meeting, another document
        after = client.get("/api/overview").json()["counts"]
        assert after["documents"] == first[0]["documents"] + 1
        assert client.get("/events").text != page
    store.close()


def test_a_cached_answer_never_outlives_a_correction(store_url: str) -> None:
    store = open_store(store_url)
    ingest_results(store, [report_a()])
    with TestClient(create_app(Settings(db=store_url))) as client:
        listed = client.get("/api/events").json()
        assert client.get("/api/events").json() == listed and listed["paging"]["total"] == 2
        call = next(e for e in listed["events"] if e["type"] == "call")
        reject(store, call["id"], "a misreading")
        after = client.get("/api/events").json()
        assert after["paging"]["total"] == 1 and [e["type"] for e in after["events"]] == ["meet"]
        assert {v["value"]: v["events"] for v in after["facets"][0]["values"]} == {"meet": 1}
        assert client.get("/api/overview").json()["counts"]["events"] == 1
    store.close()


def test_a_cached_answer_lasts_a_day_at_most(store_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`since=7d` means another week tomorrow: answers are kept for the day they were made on."""
    today = {"now": date(2023, 5, 20)}

    class Clock(date):
        @classmethod
        def today(cls) -> date:
            return today["now"]

    for module in (web_app, terms, explore_queries, web_queries):
        monkeypatch.setattr(module, "date", Clock)
    with TestClient(create_app(Settings(db=store_file))) as client:
        week = client.get("/api/events", params={"since": "7d"}).json()
        assert week["since"] == "7d" and week["paging"]["total"] > 0
        today["now"] = date(2030, 1, 1)
        later = client.get("/api/events", params={"since": "7d"}).json()
        assert later["paging"]["total"] == 0 and later["facets"][0]["values"] == []


@pytest.fixture(scope="module")
def served(store_file: str) -> Iterator[str]:
    """`accord serve` with two workers, also answering for news.example."""
    with serving(store_file, "--workers", "2", "--allow-host", "news.example") as base:
        yield base


def test_accord_serve_answers_only_for_its_hosts(served: str) -> None:
    assert httpx.get(f"{served}/api/overview", headers={"host": "news.example"}).status_code == 200
    assert_refused(httpx.get(f"{served}/api/overview", headers={"host": "evil.com"}), 400, "evil.com")
    head = httpx.head(f"{served}/events")
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0


def test_accord_serve_refuses_a_megabyte_header_in_the_error_shape(served: str) -> None:
    assert_refused(httpx.get(f"{served}/api/overview", headers={"x-big": "a" * 1_000_000}), 431, "exceed")
    assert httpx.get(f"{served}/api/overview").status_code == 200


def test_serve_documents_its_new_options() -> None:
    from typer.testing import CliRunner

    from accord.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "--workers" in result.output and "--allow-host" in result.output


def test_a_store_in_a_file_has_a_version_that_moves_with_writes(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'accord.db'}")
    before = store.version()
    assert before is not None and store.version() == before
    ingest_results(store, [report_a()])
    assert store.version() != before
    store.close()


def test_concurrent_requests_for_one_page_compute_it_once_per_store_version() -> None:
    computed: list[str] = []
    version = {"now": 1}

    async def page(scope: Scope, receive: Receive, send: Send) -> None:
        computed.append(scope["path"])
        await asyncio.sleep(0.05)
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]}
        )
        await send({"type": "http.response.body", "body": f"v{version['now']}".encode()})

    async def store_version(scope: Scope) -> object:
        return version["now"]

    async def run() -> list[str]:
        transport = httpx.ASGITransport(app=ResponseCache(page, store_version))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as http:
            first = await asyncio.gather(*(http.get("/overview") for _ in range(10)))
            version["now"] = 2
            second = await asyncio.gather(*(http.get("/overview") for _ in range(10)))
            return [r.text for r in first + second]

    texts = asyncio.run(run())
    assert texts == ["v1"] * 10 + ["v2"] * 10
    assert computed == ["/overview", "/overview"]
