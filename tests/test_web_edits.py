"""Review forms in the web app (`accord serve --allow-edits`): in a real browser, a correction made on the
event page changes the graph; without --allow-edits there is no form and a POST is refused; a form posted
from another site is refused. Then the same refusals over plain HTTP, without a browser.

The store holds hand-built extractions (`store_articles`): a meeting and a call between Norway and Chile.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import test_web_browser
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route
from store_articles import report_a, report_b, report_c
from test_web_browser import CHROMIUM, serving

from accord.settings import Settings
from accord.store import FusedEvent, events, ingest_results, open_store
from accord.web import create_app
from accord.web.edits import Editing

if TYPE_CHECKING:
    from playwright.sync_api import Page

# The browser test module's fixtures: one chromium for the module, a fresh tab and its errors per test.
browser, page = test_web_browser.browser, test_web_browser.page

TOKEN = "test-edit-token"


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    store = open_store(url)
    ingest_results(store, [report_a(), report_b()], extractor="test")
    store.close()
    return url


def meeting(db: str) -> str:
    store = open_store(db)
    try:
        return next(e.id for e in events(store) if e.type == "meet")
    finally:
        store.close()


def pairs(graph: dict[str, Any]) -> dict[tuple[str, str], dict[str, int]]:
    """The edges of the JSON twin of the graph page."""
    return {(edge["first"], edge["second"]): edge["by_type"] for edge in graph["edges"]}


@pytest.fixture
def edit_server(db: str) -> Iterator[str]:
    with serving(create_app(Settings(db=db), editing=Editing(TOKEN))) as address:
        yield address


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no browser at {CHROMIUM}")
def test_correcting_an_affiliation_on_the_event_page_changes_the_graph(
    db: str,
    edit_server: str,
    page: tuple[Page, list[str]],
) -> None:
    tab, errors = page
    request = tab.context.request
    assert pairs(request.get(f"{edit_server}/api/graph").json()) == {("CHL", "NOR"): {"meet": 1, "call": 1}}
    meet = meeting(db)
    tab.goto(f"{edit_server}/event/{meet}")
    assert tab.locator("form.correct").count() == 0  # not signed in: no form
    tab.goto(f"{edit_server}/edit?token={TOKEN}")
    tab.goto(f"{edit_server}/event/{meet}")
    form = tab.locator("form.correct")
    form.locator("select[name=participant]").select_option("Pablo Rojas")
    form.locator("input[name=affiliation]").fill("PER")
    form.locator("input[name=reason]").fill("Rojas speaks for Peru here")
    form.locator("button").click()
    tab.wait_for_url(f"{edit_server}/event/{meet}")
    assert "Rojas speaks for Peru here" in tab.locator(".correction").inner_text()
    assert tab.locator(".tag.corrected").count() == 1
    assert pairs(request.get(f"{edit_server}/api/graph").json()) == {
        ("CHL", "NOR"): {"call": 1},
        ("NOR", "PER"): {"meet": 1},
    }
    assert not errors


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no browser at {CHROMIUM}")
def test_without_allow_edits_no_form_appears_and_a_post_is_refused(
    db: str,
    page: tuple[Page, list[str]],
) -> None:
    tab, _ = page
    meet = meeting(db)
    with serving(create_app(Settings(db=db))) as address:
        tab.goto(f"{address}/event/{meet}")
        assert tab.locator("h1").count() == 1 and tab.locator("form[method=post]").count() == 0
        posted = tab.context.request.post(
            f"{address}/event/{meet}", form={"action": "reject", "reason": "x"}, headers={"Origin": address}
        )
        assert posted.status == 405
    assert not next(e for e in events_of(db) if e.id == meet).rejected


def events_of(db: str) -> list[FusedEvent]:
    store = open_store(db)
    try:
        return events(store, include_rejected=True)
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no browser at {CHROMIUM}")
def test_a_form_posted_from_another_site_is_refused(
    db: str,
    edit_server: str,
    page: tuple[Page, list[str]],
) -> None:
    tab, _ = page
    meet = meeting(db)
    tab.goto(f"{edit_server}/edit?token={TOKEN}")  # the editor is signed in, in this browser
    tab.goto(f"{edit_server}/event/{meet}")
    stolen = tab.locator("form.correct input[name=csrf]").get_attribute("value")  # even with the form token
    attack = f"""<form method="post" action="{edit_server}/event/{meet}">
<input name="csrf" value="{stolen}"><input name="action" value="reject"><input name="reason" value="x">
</form><script>document.forms[0].submit()</script>"""
    other = Starlette(routes=[Route("/", lambda request: HTMLResponse(attack))])
    with serving(other) as elsewhere:
        with tab.expect_navigation(url=f"{edit_server}/event/{meet}") as landed:
            tab.goto(elsewhere)
        assert landed.value is not None and landed.value.status == 403
    assert not next(e for e in events_of(db) if e.id == meet).rejected


def test_edits_need_the_token_the_cookie_the_form_token_and_this_origin(db: str) -> None:
    meet = meeting(db)
    base = "http://testserver"
    with TestClient(create_app(Settings(db=db), editing=Editing(TOKEN)), base_url=base) as client:
        assert client.get("/edit?token=wrong", follow_redirects=False).status_code == 403
        form = {"action": "reject", "reason": "misread", "csrf": Editing(TOKEN).form_token}
        origin = {"Origin": base}
        assert client.post(f"/event/{meet}", data=form, headers=origin).status_code == 403  # no cookie
        assert client.get(f"/edit?token={TOKEN}", follow_redirects=False).status_code == 303
        assert 'name="csrf"' in client.get(f"/event/{meet}").text
        assert client.post(f"/event/{meet}", data=form, headers={"Origin": "http://evil"}).status_code == 403
        stale = form | {"csrf": "guess"}
        assert client.post(f"/event/{meet}", data=stale, headers=origin).status_code == 403
        posted = client.post(f"/event/{meet}", data=form, headers=origin, follow_redirects=False)
        assert posted.status_code == 303
        assert client.get(f"/api/events/{meet}").json()["event"]["rejected"]
        assert [e["id"] for e in client.get("/api/events").json()["events"]] != [meet]
        confirmed = form | {"action": "confirm", "reason": ""}
        assert client.post(f"/event/{meet}", data=confirmed, headers=origin).status_code == 200  # redirected
        assert client.get(f"/api/events/{meet}").json()["event"]["confirmed"]
    with TestClient(create_app(Settings(db=db)), base_url=base) as client:
        assert 'name="csrf"' not in client.get(f"/event/{meet}").text
        assert client.post(f"/event/{meet}", data=form, headers=origin).status_code == 405


def test_the_actor_page_merges_two_spellings_and_corrects_an_affiliation(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    store = open_store(url)
    ingest_results(store, [report_a(), report_b(), report_c()], extractor="test")
    store.close()
    base = "http://testserver"
    with TestClient(create_app(Settings(db=url), editing=Editing(TOKEN)), base_url=base) as client:
        client.get(f"/edit?token={TOKEN}")
        assert 'name="same_as"' in client.get("/actor/Ingrid Solberg").text
        form = {"csrf": Editing(TOKEN).form_token, "same_as": "Inga Solberg", "reason": "one minister"}
        merged = client.post(
            "/actor/Ingrid Solberg", data=form, headers={"Origin": base}, follow_redirects=False
        )
        assert merged.status_code == 303
        edges = pairs(client.get("/api/graph").json())
        assert edges == {("CHL", "NOR"): {"meet": 1, "call": 1}}  # the two meetings are one
        call = next(e["id"] for e in client.get("/api/events").json()["events"] if e["type"] == "call")
        fix = {
            "csrf": form["csrf"],
            "action": "correct",
            "event_id": call,
            "affiliation": "PER",
            "reason": "Peru",
        }
        assert client.post("/actor/Pablo Rojas", data=fix, headers={"Origin": base}).status_code == 200
        assert pairs(client.get("/api/graph").json()) == {
            ("CHL", "NOR"): {"meet": 1},
            ("NOR", "PER"): {"call": 1},
        }
