"""What makes a web worker quick under load: whole event records kept between pages (`Store.records`,
`queries.kept_events`), kept while the store is unchanged and never once a correction or a write commits,
on SQLite and PostgreSQL; what a worker computes before it takes requests (`web_queries.warm`); and JSON
views over SQLite run on the event loop, not handed to a thread."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import update
from synthetic_store import fill

from accord.settings import Settings
from accord.store import Store, event, open_store, schema
from accord.store.corrections import Changes, correct, reject
from accord.store.explore_queries import (
    EventFilter,
    by_side,
    facets,
    facets_in,
    filtered_page,
    listed_ids,
    outlets,
    selected,
    sorted_ids,
)
from accord.store.memo import Records
from accord.store.queries import kept_events
from accord.store.web_queries import counts, document, warm
from accord.web import views
from accord.web.app import create_app


def test_records_are_kept_while_the_version_stays_and_only_the_missing_are_computed() -> None:
    version = {"now": 1}
    asked: list[list[str]] = []
    records: Records[str, str] = Records(lambda: version["now"], budget=3)

    def compute(keys: list[str]) -> dict[str, str]:
        asked.append(keys)
        return {key: f"{key}{version['now']}" for key in keys if key != "gone"}

    assert records.get(["a", "b", "gone"], compute) == {"a": "a1", "b": "b1"}
    assert records.get(["b", "c"], compute) == {"b": "b1", "c": "c1"}
    assert asked == [["a", "b", "gone"], ["c"]]
    assert records.get(["d"], compute) == {"d": "d1"} and set(records.kept) == {"a", "b", "c"}  # full
    version["now"] = 2
    assert records.get(["a"], compute) == {"a": "a2"} and set(records.kept) == {"a"}


def test_no_record_is_kept_when_the_version_cannot_be_told() -> None:
    records: Records[str, int] = Records(lambda: None, budget=10)
    assert records.get(["a"], lambda keys: dict.fromkeys(keys, 1)) == {"a": 1} and not records.kept


def test_kept_records_follow_a_correction_and_a_rejection(store: Store) -> None:
    ids = fill(store, 20)
    first, second = kept_events(store, ids[:2])
    assert set(store.records.kept) == set(ids[:2]) and event(store, first.id) == first
    name = next(p.name for p in first.participants if p.name)
    correct(store, first.id, Changes(participant=name, affiliation="SWE"), "misread")
    reject(store, second.id, "wrong")
    corrected, rejected = kept_events(store, ids[:2])
    assert corrected.corrected and "SWE" in corrected.parties and rejected.rejected


def test_kept_records_follow_a_write_to_the_events_table(store: Store) -> None:
    ids = fill(store, 5)
    assert kept_events(store, ids[:1])[0].city != "Reykjavik"
    with store.write() as conn:
        conn.execute(update(schema.events).where(schema.events.c.id == ids[0]).values(city="Reykjavik"))
    assert kept_events(store, ids[:1])[0].city == "Reykjavik"


def test_listings_and_facets_made_here_are_the_databases(store: Store) -> None:
    ids = fill(store, 60)
    odd = [None, "", "--09-12", "2024", "2024-03"]
    with store.write() as conn:
        for event_id, value in zip(ids, odd, strict=False):
            conn.execute(update(schema.events).where(schema.events.c.id == event_id).values(date=value))
    reject(store, ids[-1], "wrong")
    for chosen in (
        EventFilter(),
        EventFilter(type="visit"),
        EventFilter(country="JPN"),
        EventFilter(country="fin", type="visit"),  # a party's events, read off `by_side`
        EventFilter(since="2021", until="2023-06"),
        EventFilter(type="call", outlet="example.org"),
    ):
        with store.read() as conn:
            expected = facets_in(conn, chosen)
            ordered = tuple(sorted_ids(conn, chosen.ids(conn), None, True, 0, None))
        assert selected(store, chosen) is not None and facets(store, chosen) == expected, chosen
        assert listed_ids(store, chosen, None, True) == ordered, chosen


def test_warming_keeps_the_newest_records_and_the_whole_store_answers(store: Store) -> None:
    ids = fill(store, 30)
    store.records.budget = 20
    warm(store)
    newest = filtered_page(store, EventFilter(), None, True, 0, 20)[1]
    assert set(store.records.kept) == {e.id for e in newest} and "counts" in store.answers.answers
    reject(store, ids[0], "wrong")
    assert counts(store).events == 29 and kept_events(store, [ids[0]])[0].rejected  # never the kept record


def test_a_web_worker_warms_its_store_before_it_answers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    store = open_store(url)
    ids = fill(store, 12)
    store.close()
    with TestClient(create_app(Settings(db=url))) as client:
        assert set(client.app.state.store.records.kept) == set(ids)  # type: ignore[attr-defined]


def test_json_views_over_sqlite_run_on_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    store = open_store(url)
    fill(store, 5)
    store.close()
    seen: list[bool] = []
    real = document

    def spied(store: Store, document_id: str) -> object:
        try:
            seen.append(asyncio.get_running_loop() is not None)
        except RuntimeError:  # a worker thread has no running loop
            seen.append(False)
        return real(store, document_id)

    monkeypatch.setattr(views, "document", spied)
    with TestClient(create_app(Settings(db=url))) as client:
        assert client.get(f"/api/documents/d{0:019d}").status_code == 200
    assert seen == [True]


def test_no_json_view_waits_for_a_thread_to_read_its_parameters(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    open_store(url).close()
    routes = [r for r in create_app(Settings(db=url)).routes if isinstance(r, APIRoute)]
    for route in routes:
        pending = list(route.dependant.dependencies)
        while pending:
            dependency = pending.pop()
            assert dependency.call is None or inspect.iscoroutinefunction(dependency.call), route.path
            pending += dependency.dependencies


def test_the_side_index_and_the_outlets_count_against_the_listings_budget(store: Store) -> None:
    ids = fill(store, 30)
    store.listings.budget = 1_000
    index = by_side(store)
    assert index is not None and outlets(store)
    rows = sum(map(len, index.values()))
    assert rows >= 30 and store.listings.held >= rows + len(outlets(store))  # weighed, not one unit each
    reject(store, ids[0], "wrong")  # a new version
    store.listings.budget = 100  # a quarter of it is less than the events: no index
    assert by_side(store) is None
