"""The web app against hostile input: markup in article text, names, places and URLs; markup and SQL in
every query parameter and path; path traversal on the static route; oversize requests. Everything is
rejected (4xx, never 5xx) or rendered inert (escaped in HTML, served as JSON), and the store is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from records_builder import article
from web_pages import sqlite_store

from accord.records import Event, EventDate, Extraction, Location, Participant, Plover, Span
from accord.settings import Settings
from accord.web import create_app

SCRIPT = "<script>alert('xss')</script>"
IMAGE = '<img src=x onerror="alert(1)">'
NAME = f"Anna {SCRIPT}Berg"
# Markup that would run: a live tag, or a `javascript:` URL in a link or source (as text it is inert).
RAW = re.compile(
    r"<script>alert|<img src=x|<svg onload|(?:href|src|action)=[\"']?\s*javascript:", re.IGNORECASE
)
SQL = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    '" OR 1=1 --',
    "NOR' UNION SELECT id, text FROM documents --",
    "%' --",
    "') OR ('a'='a",
    "\\'; DELETE FROM sources; --",
]
MARKUP = [SCRIPT, IMAGE, '"><svg onload=alert(1)>', "javascript:alert(1)"]


def hostile_article() -> Extraction:
    """An article whose every stored string carries markup: text, title, names, roles, city, URL, outlet."""
    body = [
        f"Foreign Minister {NAME} met her counterpart {IMAGE} in Oslo {SCRIPT} on Monday.",
        f"They discussed {SCRIPT} fisheries and {IMAGE} trade.",
    ]
    text = "\n".join(body)
    start = text.index(NAME)
    participants = (
        Participant(NAME, f"foreign minister {SCRIPT}", "NOR", Span(start, start + len(NAME), NAME)),
        Participant("Kenji Sato", "foreign minister", "JPN", None),
    )
    event = Event(
        "meet", Plover("CONSULT", "meet"), EventDate("2024-03-04", "day", "weekday"),
        Location(f"Oslo {SCRIPT}", "NOR"), participants, (Span(0, len(body[0]), body[0]),), (f"trade {SCRIPT}",),
    )  # fmt: skip
    return article(
        "hostile", body, "2024-03-04", [event], chrome=("Menu",), reason="menu", source=f"/in/{SCRIPT}.txt",
        url="javascript:alert(1)", title=f"Talks {SCRIPT}", outlet=f"Outlet {IMAGE}",
    )  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = sqlite_store(tmp_path_factory.mktemp("security"), [hostile_article()])
    with TestClient(create_app(Settings(db=url)), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def stored(client: TestClient) -> dict[str, str]:
    event = client.get("/api/events").json()["events"][0]
    return {"event": event["id"], "document": event["sources"][0]["document_id"]}


def pages(stored: dict[str, str]) -> list[str]:
    return [
        "/",
        "/events",
        "/graph",
        "/search?q=fisheries",
        "/dyad/NOR/JPN",
        f"/event/{stored['event']}",
        f"/document/{stored['document']}",
        "/actor/Kenji%20Sato",
    ]


def test_markup_stored_in_articles_is_escaped_on_every_page(
    client: TestClient, stored: dict[str, str]
) -> None:
    shown = 0
    for url in pages(stored):
        page = client.get(url)
        assert page.status_code == 200, (url, page.text[:300])
        assert not RAW.search(page.text), (url, RAW.search(page.text))
        shown += "&lt;script&gt;" in page.text
    assert shown >= 4  # the hostile strings are shown, as text


@pytest.mark.parametrize("payload", MARKUP)
def test_markup_in_query_parameters_and_paths_comes_back_inert(client: TestClient, payload: str) -> None:
    for url, params in [
        ("/search", {"q": payload}),
        ("/events", {"country": payload}),
        ("/events", {"since": payload}),
        ("/graph", {"type": payload}),
        (f"/actor/{payload}", {}),
        (f"/event/{payload}", {}),
        (f"/dyad/{payload}/NOR", {}),
    ]:
        page = client.get(url, params=params)
        assert page.status_code < 500, (url, page.status_code)
        assert not RAW.search(page.text), (url, page.text[:300])
        api = client.get(
            "/api" + url.replace("/actor/", "/actors/").replace("/dyad/", "/dyads/"), params=params
        )
        assert api.status_code < 500 and api.headers["content-type"] == "application/json", url
        assert api.headers["x-content-type-options"] == "nosniff"


def filters(payload: str) -> list[tuple[str, dict[str, str]]]:
    """Every filter and path parameter of the API, each given `payload`."""
    return [
        ("/api/events", {name: payload})
        for name in ("type", "since", "until", "country", "order", "page", "size")
    ] + [
        ("/api/graph", {name: payload}) for name in ("type", "since", "until")
    ] + [
        ("/api/search", {"q": payload}),
        ("/api/search", {"q": "fisheries", "page": payload}),
        (f"/api/actors/{payload}", {}),
        (f"/api/events/{payload}", {}),
        (f"/api/documents/{payload}", {}),
        (f"/api/dyads/{payload}/JPN", {}),
        (f"/api/dyads/NOR/{payload}", {}),
        ("/api/dyads/NOR/JPN", {"since": payload, "page": payload}),
    ]  # fmt: skip


def test_sql_in_every_filter_is_refused_or_matches_nothing(client: TestClient) -> None:
    before = client.get("/api/overview").json()["counts"]
    for payload in SQL:
        for url, params in filters(payload):
            response = client.get(url, params=params)
            assert response.status_code in (200, 400, 404, 422), (url, params, response.text[:300])
            if response.status_code == 200 and "q" in params and params["q"] == payload:
                assert response.json()["hits"] == [], payload  # a phrase searched for, as text
    assert client.get("/api/overview").json()["counts"] == before


def test_like_wildcards_are_searched_for_literally(client: TestClient) -> None:
    for wildcard in ("%", "_", "%%", "f_sheries"):
        assert client.get("/api/search", params={"q": wildcard}).json()["hits"] == [], wildcard
    assert client.get("/api/search", params={"q": "fisheries"}).json()["hits"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/%2e%2e/%2e%2e/store/db.py",
        "/static/..%2fapp.py",
        "/static/..%5capp.py",
        "/static/%252e%252e/app.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/....//....//etc/passwd",
        "/static/style.css%00.py",
        "/../../etc/passwd",
    ],
)
def test_static_route_serves_nothing_outside_its_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404), path
    assert "root:" not in response.text and "import " not in response.text
    assert client.get("/static/style.css").status_code == 200


def test_oversize_requests_are_refused(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/events", params={"size": "1000000000"}).status_code == 422
    assert client.get("/api/events", params={"page": "9" * 40}).status_code == 422
    assert client.get(f"/api/actors/{'a' * 5000}").status_code == 422
    assert client.get("/api/events", params={"country": "N" * 60_000}).status_code == 422
    many = "&".join(f"type=meet&x{i}=1" for i in range(3000))  # httpx itself refuses URLs over 64 KiB
    assert client.get(f"/api/events?{many}").status_code == 200
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        response = client.request(method, "/api/events", content=b"x" * 2_000_000)
        assert response.status_code == 405, method
