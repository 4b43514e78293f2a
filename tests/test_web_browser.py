"""A real browser over the web app: Debian's chromium, driven by Playwright, on a store ingested from the
seed pages plus an article written for this test whose text holds a script tag and an `onerror=` handler.

Each page is checked for its visible content and for console errors, and its screenshot is looked at:
a chart that drew nothing, or a page that is one flat colour, fails.
"""

from __future__ import annotations

import csv
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from starlette.types import ASGIApp

from accord import colours as palette
from accord.settings import Settings
from accord.store import ingest, open_store
from accord.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = """ date 2024-03-05
Norway and Chile agree on ocean research <script>document.title='pwned';window.pwned=1</script>

Norwegian Foreign Minister Ingrid Solberg met her Chilean counterpart Pablo Rojas in Oslo on Tuesday \
<img src=x onerror="window.pwned=2">, the ministry said.
"""
TYPE_COLOURS = [tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in palette.TYPE_COLOURS.values()]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"no browser at {CHROMIUM}; install it with `apt-get install chromium`"
    ),
]

if CHROMIUM.exists():
    from PIL import Image
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def server(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free loopback port in a background thread, for as long as this module's tests run."""
    root = tmp_path_factory.mktemp("browser")
    (root / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{root / 'accord.db'}"
    store = open_store(url)
    ingest([shared / "corpus" / "seeds", root / "hostile.txt"], store, Settings.from_env(db=url))
    store.close()
    with serving(create_app(Settings(db=url))) as address:
        yield address


@contextmanager
def serving(app: ASGIApp) -> Iterator[str]:
    """An app on a free loopback port in a background thread; its address while the block runs."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the web app did not start within 30 s"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh tab, and the console errors and uncaught exceptions it reports."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab, errors
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def colours(png: Path) -> set[tuple[int, ...]]:
    with Image.open(png) as image:
        return {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 20) or []}


def drawn(png: Path, minimum: int = 8) -> set[tuple[int, ...]]:
    """The colours of a screenshot, which must hold more than a blank or flat image would."""
    found = colours(png)
    assert png.stat().st_size > 1000 and len(found) >= minimum, (
        f"{png.name} looks blank ({len(found)} colours)"
    )
    return found


def test_overview_shows_counts_latest_events_and_busiest_pairs(
    server: str, page: tuple[Page, list[str]], shots: Path
) -> None:
    tab, errors = page
    tab.goto(server + "/")
    assert tab.title() == "Overview · Accord"
    assert tab.get_by_role("heading", name="Latest events").is_visible()
    assert tab.get_by_role("heading", name="Busiest pairs").is_visible()
    assert tab.locator("table.dyads tbody tr").count() >= 1, "the seed pages gave no pair of parties"
    assert tab.locator("table.events tbody tr").count() >= 5
    tab.screenshot(path=shots / "overview.png", full_page=True)
    drawn(shots / "overview.png")
    assert errors == []


def test_dyad_page_draws_its_timeline_and_lists_events(
    server: str, page: tuple[Page, list[str]], shots: Path
) -> None:
    tab, errors = page
    tab.goto(server + "/")
    busiest = tab.locator("table.dyads tbody a").first
    pair = busiest.inner_text()  # e.g. "FIN – JPN"
    busiest.click()
    assert tab.url.endswith("/dyad/" + pair.replace(" – ", "/"))
    assert tab.get_by_role("heading", name=pair).is_visible()
    assert tab.locator("svg.chart rect").count() >= 3
    assert tab.locator("table.events tbody tr").count() >= 3
    tab.screenshot(path=shots / "dyad.png", full_page=True)
    tab.locator("svg.chart").screenshot(path=shots / "dyad-chart.png")
    drawn(shots / "dyad.png")
    chart = drawn(shots / "dyad-chart.png", minimum=4)
    bars = [
        t for t in TYPE_COLOURS if any(all(abs(a - b) < 12 for a, b in zip(c, t, strict=True)) for c in chart)
    ]
    assert bars, "the chart shows no bar in any event type's colour"
    assert errors == []


def test_event_page_shows_facts_and_highlighted_evidence(
    server: str, page: tuple[Page, list[str]], shots: Path
) -> None:
    tab, errors = page
    tab.goto(server + "/")
    tab.locator("table.dyads tbody a").first.click()
    tab.locator("table.events tbody tr").first.get_by_role("link").first.click()
    assert "/event/ev" in tab.url
    facts = tab.locator("dl.facts").inner_text()
    for label in ("Date", "Place", "PLOVER", "Topics", "Participants"):
        assert label in facts
    assert tab.locator(".source mark").first.is_visible()
    assert tab.get_by_role("link", name="stored article").first.is_visible()
    tab.screenshot(path=shots / "event.png", full_page=True)
    drawn(shots / "event.png")
    assert errors == []


def test_an_article_holding_markup_shows_it_as_text_and_runs_nothing(
    server: str, page: tuple[Page, list[str]], shots: Path
) -> None:
    tab, errors = page
    tab.goto(server + "/search?q=ocean+research")
    tab.locator("article.hit h3 a").first.click()
    assert "/document/" in tab.url
    text = tab.locator(".document").inner_text()
    assert "<script>document.title='pwned';window.pwned=1</script>" in text
    assert '<img src=x onerror="window.pwned=2">' in text
    tab.locator(".document ~ * a[href^='/event/'], section a[href^='/event/']").first.click()
    assert "/event/" in tab.url
    evidence = tab.locator(".passage mark").first.inner_text()
    assert "<script>document.title=" in evidence or '<img src=x onerror="window.pwned=2">' in evidence
    tab.screenshot(path=shots / "hostile.png", full_page=True)
    drawn(shots / "hostile.png")
    assert tab.locator("main script, main img").count() == 0
    assert "pwned" not in tab.title()
    assert tab.evaluate("window.pwned") is None
    assert errors == []


def event_ids(tab: Page) -> list[str]:
    """The ids of the events the table lists, in its order."""
    links = tab.locator("table.events tbody tr td:first-child a")
    return [
        str(href).rsplit("/", 1)[-1]
        for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ]


def test_facets_filter_the_events_and_count_them(
    server: str, page: tuple[Page, list[str]], shots: Path
) -> None:
    tab, errors = page
    tab.goto(server + "/events")
    facets = tab.locator("aside.facets section.facet")
    assert [f.get_attribute("data-facet") for f in facets.all()] == ["type", "country", "year", "outlet"]
    first = tab.locator("section[data-facet='type'] li").first
    kind, count = first.locator(".badge").inner_text(), int(first.locator(".count").inner_text())
    first.get_by_role("link").click()
    assert f"type={kind}" in tab.url
    assert tab.locator("p.muted", has_text="events.").first.inner_text().startswith(f"{count} events.")
    badges = tab.locator("table.events tbody .badge").all_inner_texts()
    assert badges and set(badges) == {kind}
    assert tab.locator("section[data-facet='type'] li.selected").count() == 1
    country = tab.locator("section[data-facet='country'] li").first
    narrowed = int(country.locator(".count").inner_text())
    country.get_by_role("link").click()
    assert f"type={kind}" in tab.url and "country=" in tab.url
    assert tab.locator("p.muted", has_text="events.").first.inner_text().startswith(f"{narrowed} events.")
    tab.screenshot(path=shots / "facets.png", full_page=True)
    drawn(shots / "facets.png")
    assert errors == []


def test_column_headers_sort_the_events_both_ways(server: str, page: tuple[Page, list[str]]) -> None:
    tab, errors = page
    tab.goto(server + "/events?size=500")
    tab.locator("th a.sort", has_text="Type").click()
    tab.wait_for_url("**sort=type**")
    assert "size=500" in tab.url
    order = list(palette.TYPE_COLOURS)
    ascending = tab.locator("table.events tbody .badge").all_inner_texts()
    assert len(set(ascending)) > 1 and ascending == sorted(ascending, key=order.index)
    assert tab.locator("th[aria-sort='ascending']").inner_text().startswith("Type")
    tab.locator("th a.sort", has_text="Type").click()
    tab.wait_for_url("**sort=-type**")  # the next page has loaded, not only its address changed
    descending = sorted(ascending, key=order.index)[::-1]
    expect(tab.locator("table.events tbody .badge")).to_have_text(descending)
    tab.locator("th a.sort", has_text="Date").click()
    tab.wait_for_url("**order=newest**")
    dates = tab.locator("table.events tbody time").all_inner_texts()
    years = [d for d in dates if not d.startswith("--")]
    assert years == sorted(years, reverse=True)
    assert errors == []


def test_the_csv_download_holds_exactly_the_filtered_events(
    server: str, page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    tab, errors = page
    tab.goto(server + "/events?type=meet&size=5")
    total = int(tab.locator("p.muted", has_text="events.").first.inner_text().split()[0])
    shown = event_ids(tab)
    with tab.expect_download() as waiting:
        tab.locator("a.download", has_text="CSV").click()
    saved = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(saved)
    with saved.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert total > len(shown) == 5, "the filter should leave more than one page"
    assert len(rows) == total and {r["type"] for r in rows} == {"meet"}
    assert [r["event_id"] for r in rows[:5]] == shown
    assert errors == []
