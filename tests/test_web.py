"""The web app through FastAPI's test client: every page and its JSON twin, one error shape, escaping,
security headers, pagination and filters, and no way to write."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web_pages import sqlite_store, web_articles

from accord.cli import app as cli
from accord.settings import Settings
from accord.web import create_app
from accord.web.views import VIEWS, store_of


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return sqlite_store(tmp_path_factory.mktemp("web"), web_articles())


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=db)), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def ids(client: TestClient) -> dict[str, str]:
    """Ids of the stored Oslo meeting (its evidence holds markup) and of its document."""
    meet = client.get("/api/dyads/NOR/CHL").json()["events"][0]
    return {"event": meet["id"], "document": meet["sources"][0]["document_id"]}


def pages(ids: dict[str, str]) -> dict[str, str]:
    """One URL for every view, keyed by the view's name."""
    return {
        "overview": "/",
        "events": "/events?type=meet&country=NOR",
        "graph": "/graph?since=2023&until=2024-12",
        "search": "/search?q=salmon",
        "dyad": "/dyad/NOR/CHL",
        "actor": "/actor/Ingrid%20Solberg",
        "event": f"/event/{ids['event']}",
        "document": f"/document/{ids['document']}",
    }


def test_every_page_has_a_json_twin_that_it_links_to(client: TestClient, ids: dict[str, str]) -> None:
    urls = pages(ids)
    assert set(urls) == {view.name for view in VIEWS}
    for name, url in urls.items():
        page = client.get(url)
        assert page.status_code == 200, (url, page.text)
        assert page.headers["content-type"].startswith("text/html")
        twin = re.search(r'href="([^"]+)">This page as JSON', page.text)
        assert twin, name
        data = client.get(twin.group(1).replace("&amp;", "&"))
        assert data.status_code == 200 and data.headers["content-type"] == "application/json", name


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events/evnothere", 404),
        ("/api/actors/Nobody%20Atall", 404),
        ("/api/nothing", 404),
        ("/api/events?type=summit", 422),
        ("/api/events?page=0", 422),
        ("/api/dyads/NOR/CHL?size=5000", 422),
        ("/api/graph?since=2024-13-01", 400),
        ("/api/graph?since=last%20fortnight", 400),
        ("/api/events?country=JAP", 404),
        ("/api/dyads/JPN/FNI", 404),
    ],
)
def test_every_error_has_one_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"status", "message"} and body["status"] == status
    assert isinstance(body["message"], str) and body["message"]


@pytest.mark.parametrize(
    ("url", "suggested"),
    [
        ("/api/dyads/NOR/CHI", "CHL"),
        ("/api/events?country=NRO", "NOR"),
        ("/api/graph?until=2024-02-30", "YYYY-MM-DD"),
        ("/dyad/NOR/CHI", "CHL"),
    ],
)
def test_unknown_parties_and_dates_are_errors_that_suggest(
    client: TestClient, url: str, suggested: str
) -> None:
    response = client.get(url)
    assert response.status_code in (400, 404)
    assert suggested in response.text


def test_names_are_accepted_where_codes_are(client: TestClient) -> None:
    by_name = client.get("/api/dyads/Norway/Chile").json()
    by_code = client.get("/api/dyads/NOR/CHL").json()
    assert by_name["events"] and by_name == by_code
    assert client.get("/api/events?since=yesterday").status_code == 200


def test_a_server_error_has_the_same_shape_and_says_little(db: str) -> None:
    app = create_app(Settings(db=db))

    def broken() -> None:
        raise RuntimeError("secret internals")

    app.dependency_overrides[store_of] = broken
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/overview")
        page = client.get("/")
    assert response.status_code == 500
    assert response.json() == {"status": 500, "message": "internal error; the server log has the details"}
    assert page.status_code == 500 and "secret internals" not in page.text


def test_errors_on_pages_are_pages(client: TestClient) -> None:
    response = client.get("/event/evnothere")
    assert response.status_code == 404 and "no stored event has it" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_article_text_is_escaped_everywhere(client: TestClient, ids: dict[str, str]) -> None:
    for url in (*pages(ids).values(), "/search?q=script"):
        html = client.get(url).text
        assert "<script" not in html and "<img" not in html, url
    shown = client.get(f"/event/{ids['event']}").text
    assert "&lt;img src=x onerror=&#34;window.pwned=2&#34;&gt;" in shown
    assert "javascript:" not in client.get(f"/document/{ids['document']}").text


def test_security_headers_forbid_scripts(client: TestClient) -> None:
    for url in ("/", "/api/overview", "/api/nothing", "/static/style.css"):
        headers = client.get(url).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "script-src" not in policy
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_there_is_no_way_to_write(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {method for path in schema["paths"].values() for method in path} == {"get"}
    assert {f"/api/{name}" for name in ("overview", "events", "graph", "search")} <= set(schema["paths"])
    response = client.post("/api/events", json={})
    assert response.status_code == 405 and set(response.json()) == {"status", "message"}


def test_lists_are_paginated_and_filtered(client: TestClient) -> None:
    first = client.get("/api/events?size=2").json()
    assert first["paging"] == {"page": 1, "size": 2, "total": 5, "has_next": True}
    last = client.get("/api/events?size=2&page=3").json()
    assert last["paging"]["has_next"] is False and len(last["events"]) == 1
    seen = {
        e["id"] for page in (1, 2, 3) for e in client.get(f"/api/events?size=2&page={page}").json()["events"]
    }
    assert len(seen) == 5
    calls = client.get("/api/events?type=call&country=jpn&order=oldest").json()
    assert [(e["type"], e["parties"]) for e in calls["events"]] == [("call", ["JPN", "NOR"])]
    assert 'href="/events?size=2&amp;page=2"' in client.get("/events?size=2").text
    assert client.get("/events?type=&country=&since=&until=").status_code == 200  # an unused filter field


def test_dyad_page_charts_events_per_month_and_type(client: TestClient) -> None:
    data = client.get("/api/dyads/chl/nor").json()
    assert (data["first"], data["second"], data["by_type"]) == (
        "CHL",
        "NOR",
        {"meet": 1, "call": 1, "agree": 1},
    )
    assert data["histogram"][0] == {"period": "2023-05", "by_type": {"meet": 1, "agree": 1}}
    assert data["histogram"][-1] == {"period": "2024-02", "by_type": {"call": 1}}
    assert len(data["histogram"]) == 10  # every month between, so the time axis is even
    html = client.get("/dyad/CHL/NOR").text
    assert (
        all(f'class="t-{t}"/>' in html for t in ("meet", "agree", "call"))
        and "<title>2023-05: 1 meet, 1 agree</title>" in html
    )


def test_graph_edges_open_their_dyad(client: TestClient) -> None:
    data = client.get("/api/graph").json()
    assert {(e["first"], e["second"], e["events"]) for e in data["edges"]} == {
        ("CHL", "NOR", 3),
        ("FIN", "JPN", 1),
        ("JPN", "NOR", 1),
    }
    assert '<a href="/dyad/CHL/NOR" class="edge">' in client.get("/graph").text
    assert client.get("/api/graph?type=agree").json()["nodes"] == [
        {"id": "CHL", "events": 1},
        {"id": "NOR", "events": 1},
    ]


def test_event_page_shows_every_fact_and_the_evidence_in_context(
    client: TestClient, ids: dict[str, str]
) -> None:
    data = client.get(f"/api/events/{ids['event']}").json()
    assert data["plover"] == ["CONSULT (meet)"] and data["event"]["topics"] == ["fisheries"]
    html = client.get(f"/event/{ids['event']}").text
    for shown in ("CONSULT (meet)", "precision: day", "Oslo, NOR", "fisheries", "/actor/Pablo%20Rojas"):
        assert shown in html
    assert "<mark>Norwegian Foreign Minister Ingrid Solberg met" in html
    assert f'href="/document/{ids["document"]}"' in html


def test_actor_page_lists_offices_and_counterparts(client: TestClient) -> None:
    data = client.get("/api/actors/Ingrid%20Solberg").json()
    assert [(o["role"], o["affiliation"]) for o in data["profile"]["offices"]] == [
        ("foreign minister", "NOR")
    ]
    assert [(c["affiliation"], c["events"]) for c in data["counterparts"]] == [("CHL", 3), ("JPN", 1)]
    assert "offices over time" in client.get("/actor/Ingrid%20Solberg").text


def test_document_page_folds_dropped_lines(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get(f"/document/{ids['document']}").text
    assert html.count('<details class="dropped">') == 2 and "Home | World | Sport" in html


def test_templates_and_styles_ship_inside_the_package() -> None:
    web = Path(__import__("accord.web").web.__file__).parent
    assert (web / "static" / "style.css").is_file() and (web / "templates" / "base.html").is_file()
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text()
    assert '"accord.web" = ["templates/*.html", "static/*"]' in pyproject


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 2 and "no database" in result.output
