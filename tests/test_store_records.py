"""Whole event records kept between pages (`Store.records`, `queries.kept_events`) and what a web worker
computes before it takes requests (`web_queries.warm`): kept while the store is unchanged, never once a
correction or a write commits, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import update
from synthetic_store import fill

from accord.settings import Settings
from accord.store import Store, event, open_store, schema
from accord.store.corrections import Changes, correct, reject
from accord.store.explore_queries import EventFilter, filtered_page
from accord.store.memo import Records
from accord.store.queries import kept_events
from accord.store.web_queries import counts, warm
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
    assert set(store.records.kept) == set(ids[:2]) and event(store, first.id) is first  # kept, not loaded
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


def test_warming_keeps_the_newest_records_and_the_whole_store_answers(store: Store) -> None:
    ids = fill(store, 30)
    store.records.budget = 20
    warm(store)
    newest = filtered_page(store, EventFilter(), None, True, 0, 20)[1]
    assert set(store.records.kept) == {e.id for e in newest} and "counts" in store.answers.answers
    reject(store, ids[0], "wrong")
    assert counts(store).events == 29 and ids[0] not in store.records.kept


def test_a_web_worker_warms_its_store_before_it_answers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    store = open_store(url)
    ids = fill(store, 12)
    store.close()
    with TestClient(create_app(Settings(db=url))) as client:
        assert set(client.app.state.store.records.kept) == set(ids)  # type: ignore[attr-defined]
