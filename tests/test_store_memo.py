"""Answers kept between questions (`accord.store.memo`): given again while the store is unchanged, never once
anything is ingested or corrected, computed once by threads that ask together; and the store's version,
which moves with every commit, however close together."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update
from store_articles import report_a, report_b, report_c
from synthetic_store import fill

from accord.store import (
    Store,
    events,
    explore_queries,
    ingest_results,
    open_store,
    schema,
    timeline,
    web_queries,
)
from accord.store.corrections import Changes, correct, reject, restore
from accord.store.explore_queries import EventFilter, by_date, facets, filtered_page, sorted_ids
from accord.store.memo import Memo
from accord.store.web_queries import counts, dyads, pair_page

FILTER_OF = {"type": "type", "country": "country", "year": "since", "outlet": "outlet"}


def facet(store: Store, name: str) -> dict[str, int]:
    found = {f.name: f for f in facets(store, EventFilter())}[name]
    return {value.value: value.events for value in found.values}


def test_an_answer_is_kept_while_the_version_stays_and_computed_again_when_it_moves() -> None:
    version = {"now": 1}
    calls: list[int] = []
    memo = Memo(lambda: version["now"])

    def answer() -> int:
        calls.append(version["now"])
        return version["now"] * 10

    assert [memo.get("k", answer) for _ in range(3)] == [10, 10, 10]
    version["now"] = 2
    assert memo.get("k", answer) == 20 and calls == [1, 2]
    assert memo.get("other", lambda: 5) == 5


def test_nothing_is_kept_when_the_version_cannot_be_told() -> None:
    calls: list[int] = []
    memo = Memo(lambda: None)
    for n in range(3):
        assert memo.get("k", lambda n=n: calls.append(n) or n) == n  # type: ignore[func-returns-value]
    assert calls == [0, 1, 2]


def test_threads_that_ask_together_wait_for_one_answer() -> None:
    memo = Memo(lambda: 1)
    calls: list[int] = []
    got: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.05)
        return 7

    threads = [threading.Thread(target=lambda: got.append(memo.get("k", slow))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == [7] * 8 and calls == [1]


def test_a_failed_answer_is_not_kept() -> None:
    memo = Memo(lambda: 1)

    def broken() -> int:
        raise ValueError("no")

    for _ in range(2):
        with pytest.raises(ValueError):
            memo.get("k", broken)
    assert memo.get("k", lambda: 3) == 3


def test_the_memo_holds_its_budget_at_most() -> None:
    memo = Memo(lambda: 1, budget=2)
    for key in "abc":
        memo.get(key, lambda key=key: key)  # type: ignore[misc]
    assert list(memo.answers) == ["b", "c"]
    lists = Memo(lambda: 1, budget=10)
    for key, size in (("a", 4), ("b", 4), ("c", 11), ("d", 4)):
        assert len(lists.get(key, lambda size=size: [0] * size, weight=len)) == size  # type: ignore[misc]
    assert list(lists.answers) == ["b", "d"] and lists.held == 8  # "c" is heavier than the whole budget


def test_counts_and_facets_follow_an_ingest(store_url: str) -> None:
    store = open_store(store_url)
    ingest_results(store, [report_a()])
    before = counts(store)
    assert facet(store, "outlet") == {"Nordic Wire": 2}
    assert counts(store) == before and facet(store, "outlet") == {"Nordic Wire": 2}  # from the memo
    ingest_results(store, [report_b("other"), report_c()])  # two more reports of the meeting
    assert counts(store).sources == before.sources + 2
    assert facet(store, "outlet") == {"Nordic Wire": 2, "Andes Daily": 1, "Oslo Post": 1}
    store.close()


def test_pairs_follow_a_correction(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'accord.db'}")
    ingest_results(store, [report_a()])
    assert [(d.first, d.second, d.events) for d in dyads(store)] == [("CHL", "NOR", 2)]
    call = next(e for e in events(store) if e.type == "call")
    correct(store, call.id, Changes(participant="Pablo Rojas", affiliation="SWE"), "misread")
    assert [(d.first, d.second, d.events) for d in dyads(store)] == [("CHL", "NOR", 1), ("NOR", "SWE", 1)]
    store.close()


def test_facets_follow_a_rejection_and_a_correction(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'accord.db'}")
    ingest_results(store, [report_a(), report_c()])
    first, *_ = events(store)
    before = facet(store, "type")
    assert facet(store, "type") == before
    reject(store, first.id, "wrong")
    assert sum(facet(store, "type").values()) == sum(before.values()) - 1
    assert counts(store).events == sum(before.values()) - 1
    second = events(store)[0]
    name = next(p.name for p in second.participants if p.name)
    correct(store, second.id, Changes(participant=name, affiliation="SWE"), "misread")
    assert "SWE" in facet(store, "country")
    store.close()


def test_every_commit_moves_a_sqlite_store_version_however_close_together(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'accord.db'}")
    ingest_results(store, [report_a()])
    first, *_ = events(store)
    seen = {store.version()}
    for n in range(10):  # small writes in a row: a file's time may not move between them
        (reject if n % 2 == 0 else restore)(store, first.id, f"checked {n}")
        seen.add(store.version())
    assert None not in seen and len(seen) == 11
    store.close()


def test_each_facet_value_counts_the_events_its_filter_keeps(store: Store) -> None:
    fill(store, 60)
    reject(store, events(store)[0].id, "wrong")
    for chosen in (EventFilter(), EventFilter(type="visit"), EventFilter(country="JPN", since="2022")):
        for found in facets(store, chosen):
            assert found.values, found.name
            if found.name == "country" and chosen.country:
                continue  # the filter takes one party: counted with both, the facet is not one filter
            for value in found.values:
                narrowed = replace(chosen, **{FILTER_OF[found.name]: value.value})
                if found.name == "year":
                    narrowed = replace(narrowed, until=value.value)
                total, _ = filtered_page(store, narrowed, None, True, 0, 1)
                assert value.events == total, (chosen, found.name, value)


@pytest.mark.parametrize("sorted_here", [5_000, 3])  # sorted in Python, or (past 3 events) by the database
def test_pages_of_a_kept_listing_are_the_database_pages_and_follow_a_rejection(
    store: Store, sorted_here: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(explore_queries, "SORTED_HERE", sorted_here)
    fill(store, 60)
    chosen = EventFilter(type="meet")
    with store.read() as conn:
        query = chosen.ids(conn)
        expected = [sorted_ids(conn, query, None, True, offset, 7) for offset in range(0, 70, 7)]
    pages = [filtered_page(store, chosen, None, True, offset, 7) for offset in range(0, 70, 7)]
    assert [[e.id for e in found] for _, found in pages] == expected
    total = pages[0][0]
    assert total == sum(len(page) for page in expected) and list(store.listings.answers)
    reject(store, expected[0][0], "wrong")
    after, found = filtered_page(store, chosen, None, True, 0, 7)
    assert after == total - 1 and [e.id for e in found] == expected[0][1:] + expected[1][:1]


def test_a_listing_longer_than_the_memo_holds_is_paged_by_the_database(store: Store) -> None:
    fill(store, 30)
    store.listings.budget = 10
    total, found = filtered_page(store, EventFilter(), None, False, 20, 5)
    assert total == 30 and len(found) == 5 and all(v is None for _, v, _ in store.listings.answers.values())


def test_a_listing_sorted_in_python_is_in_the_database_order(store: Store) -> None:
    ids = fill(store, 40)
    odd = [None, "", "--09-12", "--01-02", "2024", "2024-03", "2021-03", "2024-03-01", "2024-03-01"]
    with store.write() as conn:
        for event_id, value in zip(ids, odd, strict=False):
            conn.execute(update(schema.events).where(schema.events.c.id == event_id).values(date=value))
    e = schema.events
    for chosen in (EventFilter(), EventFilter(type="meet"), EventFilter(country="JPN")):
        for newest_first in (True, False):
            with store.read() as conn:
                query = chosen.ids(conn)
                expected = tuple(sorted_ids(conn, query, None, newest_first, 0, None))
                rows = conn.execute(query.with_only_columns(e.c.id, e.c.date, e.c.type))
                assert by_date(rows, newest_first) == expected, (chosen, newest_first)


@pytest.mark.parametrize("sorted_here", [5_000, 3])
def test_pages_of_a_pair_follow_a_rejection(
    store: Store, sorted_here: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_queries, "SORTED_HERE", sorted_here)
    fill(store, 200)
    counted, first = pair_page(store, "JPN", "FIN", 0, 5)
    timeline_ids = [e.id for e in timeline(store, "JPN", "FIN")]
    assert [e.id for e in first] == timeline_ids[:5] and counted.total() == len(timeline_ids)
    assert [e.id for e in pair_page(store, "FIN", "JPN", 5, 5)[1]] == timeline_ids[5:10]
    reject(store, timeline_ids[0], "wrong")
    counted, first = pair_page(store, "JPN", "FIN", 0, 5)
    assert counted.total() == len(timeline_ids) - 1 and [e.id for e in first] == timeline_ids[1:6]
