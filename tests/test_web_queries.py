"""The web app's own questions to the store, on SQLite and PostgreSQL, over articles written for the tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select, update
from synthetic_store import fill
from web_pages import HOSTILE, web_articles

from accord.errors import NotFound
from accord.store import Store, events, ingest_results, schema, timeline
from accord.store.web_queries import (
    TextLine,
    counts,
    document,
    dyads,
    event_context,
    event_page,
    pair_page,
    restore,
)


@pytest.fixture
def filled(store: Store) -> Store:
    ingest_results(store, web_articles())
    return store


@pytest.fixture
def every_date_shape(store: Store) -> Store:
    """Synthetic events dated in turn by day, month, year, without a year and not at all."""
    fill(store, 60)
    e = schema.events
    with store.write() as conn:
        for i, (event_id, date) in enumerate(conn.execute(select(e.c.id, e.c.date).order_by(e.c.id)).all()):
            shape = [date, date[:7], date[:4], f"--{date[5:]}", None][i % 5]
            conn.execute(update(e).where(e.c.id == event_id).values(date=shape))
    return store


@pytest.mark.parametrize("newest_first", [True, False])
def test_pages_follow_the_chronological_order_whatever_the_date(
    every_date_shape: Store, newest_first: bool
) -> None:
    oldest_first = events(every_date_shape)  # ordered in Python, by `chronological`
    placed = [e for e in oldest_first if e.date and not e.date.startswith("--")]
    expected = (
        [*placed[::-1], *(e for e in oldest_first if e not in placed)] if newest_first else oldest_first
    )
    for size in (1, 7, 25, 60):
        pages = [
            event_page(every_date_shape, at, size, newest_first=newest_first) for at in range(0, 61, size)
        ]
        assert {total for total, _ in pages} == {60}
        assert [e.id for _, page in pages for e in page] == [e.id for e in expected], size


def test_a_pair_is_counted_whole_and_listed_a_page_at_a_time(every_date_shape: Store) -> None:
    busiest = dyads(every_date_shape)[0]
    whole = timeline(every_date_shape, busiest.first, busiest.second)
    counted, _ = pair_page(every_date_shape, busiest.first, busiest.second, 0, 2)
    assert counted.total() == len(whole) == busiest.events > 2
    assert sum(n for (prefix, _), n in counted.items() if not prefix) == sum(not e.date for e in whole)
    pages = [
        pair_page(every_date_shape, busiest.second, busiest.first, at, 2)[1]
        for at in range(0, len(whole) + 2, 2)
    ]
    assert [e.id for page in pages for e in page] == [e.id for e in whole]
    with pytest.raises(NotFound):
        pair_page(every_date_shape, "nor", "NOR", 0, 2)


def test_counts_and_busiest_pairs(filled: Store) -> None:
    c = counts(filled)
    assert (c.documents, c.sources, c.events) == (3, 3, 5)
    assert c.by_type == {"agree": 1, "call": 2, "meet": 2}
    pairs = dyads(filled)
    assert [(d.first, d.second, d.events) for d in pairs][:1] == [("CHL", "NOR", 3)]
    assert {(d.first, d.second) for d in dyads(filled, type="call", since="2024-01", until="2024-01")} == {
        ("JPN", "NOR")
    }
    assert [d.second for d in dyads(filled, party="jpn")] == ["JPN", "NOR"]


def test_event_pages_are_filtered_ordered_and_counted(filled: Store) -> None:
    total, first = event_page(filled, 0, 2)
    assert total == 5
    assert [e.date for e in first] == ["2024-02-01", "2024-01-09"]
    total, oldest = event_page(filled, 0, 10, country="chl", newest_first=False)
    assert total == 3 and [e.type for e in oldest] == ["meet", "agree", "call"]
    assert event_page(filled, 2, 10, type="call")[1] == []


def test_evidence_comes_in_its_paragraph_with_the_plover_code(filled: Store) -> None:
    _, (meet, *_) = event_page(filled, 0, 1, type="meet", country="CHL")
    context = event_context(filled, meet.id)
    assert context.plover == ("CONSULT (meet)",)
    (passage,) = context.passages
    assert passage.evidence.startswith("Norwegian Foreign Minister") and HOSTILE[1] in passage.evidence
    assert passage.before == passage.after == ""


def test_a_document_keeps_its_dropped_lines_in_place(filled: Store) -> None:
    _, (call, *_) = event_page(filled, 0, 1, type="call", country="CHL")
    stored = document(filled, call.sources[0].document_id)
    assert [line.dropped for line in stored.lines] == ["menu", None, "menu"]
    assert [kept for kept, _ in stored.sections] == [False, True, False]
    assert stored.sources[0].url == "https://example.org/call" and stored.event_ids == (call.id,)
    with pytest.raises(NotFound, match="no stored document"):
        document(filled, "nothere")


def test_kept_lines_go_back_between_dropped_lines_by_offset_and_position() -> None:
    page = ["Menu", "", "Title", "", "Body one.", "Ad", "", "Body two.", "Footer"]
    offsets = [sum(len(line) + 1 for line in page[:i]) for i in range(len(page))]
    rows = [
        SimpleNamespace(position=i, line_start=at, line_end=at + len(page[i]), text=page[i], reason="chrome")
        for i, at in ((i, offsets[i]) for i in (0, 5, 8))
    ]
    restored = restore("Title\nBody one.\nBody two.", rows)  # type: ignore[arg-type]
    assert restored == (
        TextLine("Menu", "chrome"),
        TextLine("Title"),
        TextLine("Body one."),
        TextLine("Ad", "chrome"),
        TextLine("Body two."),
        TextLine("Footer", "chrome"),
    )
