"""The events page explored the way datasette explores a table, through FastAPI's test client: facets that
count the filtered events and filter further, sortable columns, downloads of exactly the filtered view,
search words marked in snippets, events named rather than shown by id, and a 404 a person can act on."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_pages import sqlite_store, web_articles

from accord import colours
from accord.settings import Settings
from accord.web import create_app

TYPE_ORDER = ["meet", "call", "visit", "agree"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = sqlite_store(tmp_path_factory.mktemp("explore"), web_articles())
    with TestClient(create_app(Settings(db=db)), raise_server_exceptions=False) as client:
        yield client


def listed(client: TestClient, query: str) -> list[dict[str, object]]:
    return client.get(f"/api/events?size=500&{query}").json()["events"]


def test_facets_count_the_filtered_events_and_their_links_filter_further(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    facets = {f["name"]: {v["value"]: v["events"] for v in f["values"]} for f in everything["facets"]}
    assert set(facets) == {"type", "country", "year", "outlet"}
    assert sum(facets["type"].values()) == everything["paging"]["total"] == sum(facets["year"].values())
    assert facets["country"]["NOR"] == len(listed(client, "country=NOR"))
    page = client.get("/events").text
    link = re.search(r'data-facet="type".*?href="([^"]+)"', page, re.S)
    assert link, "the type facet has no link"
    narrowed = client.get(link.group(1).replace("/events", "/api/events", 1)).json()
    chosen = narrowed["type"]
    assert narrowed["paging"]["total"] == facets["type"][chosen] and {
        e["type"] for e in narrowed["events"]
    } == {chosen}
    within = {v["value"]: v["events"] for f in narrowed["facets"] if f["name"] == "year" for v in f["values"]}
    assert sum(within.values()) == facets["type"][chosen]
    year = client.get("/api/events?since=2024&until=2024").json()
    assert year["paging"]["total"] == facets["year"]["2024"]


def test_columns_sort_both_ways_and_the_headers_say_so(client: TestClient) -> None:
    by_type = [e["type"] for e in listed(client, "sort=type")]
    assert by_type == sorted(by_type, key=TYPE_ORDER.index) and len(set(by_type)) > 1
    assert [e["type"] for e in listed(client, "sort=-type")] == sorted(
        by_type, key=TYPE_ORDER.index, reverse=True
    )
    places = [e["country"] or "" for e in listed(client, "sort=place")]
    assert places == sorted(places)
    oldest = [e["date"] for e in listed(client, "order=oldest")]
    assert oldest == sorted(oldest)
    page = client.get("/events?sort=type").text
    assert re.search(r'<th aria-sort="ascending"><a class="sort" href="/events\?sort=-type">Type', page)
    assert client.get("/api/events?sort=colour").status_code == 422


@pytest.mark.parametrize("query", ["type=meet&country=NOR", "sort=-type", "order=oldest&since=2024"])
def test_downloads_hold_exactly_the_filtered_view(client: TestClient, query: str) -> None:
    shown = [e["id"] for e in listed(client, query)]
    page = client.get(f"/events?{query}").text
    csv_link = re.search(r'href="(/events\.csv[^"]*)"', page)
    assert csv_link, "the page offers no CSV download"
    response = client.get(csv_link.group(1).replace("&amp;", "&"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in rows] == shown
    downloaded = client.get(f"/events.json?{query}&page=3")  # the page number never cuts a download
    assert [e["id"] for e in json.loads(downloaded.text)] == shown


def test_search_marks_its_words_and_names_events_by_what_they_are(client: TestClient) -> None:
    page = client.get("/search?q=SALMON  farming").text
    assert re.search(r"<mark>salmon farming</mark>", page, re.I)
    events = re.findall(r'<a href="/event/[^"]+">([^<]+)</a>', page)
    assert events and all(re.match(r"(meet|call|visit|agree) [A-Z]", name) for name in events)
    marked = client.get("/search?q=%3Cscript%3E").text
    assert "<mark>&lt;script&gt;</mark>" in marked and "<script>document" not in marked


def test_a_missing_page_helps_the_reader_on(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "Nothing here" in response.text and "/no/such/page" in response.text
    assert 'href="/events"' in response.text and 'href="/"' in response.text
    assert client.get("/api/no/such").json() == {"status": 404, "message": "Not Found"}


def test_type_colours_are_one_mapping_served_to_the_pages(client: TestClient) -> None:
    served = client.get("/types.css")
    assert served.status_code == 200 and served.headers["content-type"].startswith("text/css")
    for kind, colour in colours.TYPE_COLOURS.items():
        assert f"--{kind}: {colour};" in served.text
    assert 'href="/types.css"' in client.get("/events").text
