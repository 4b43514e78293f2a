"""How the store reads the parties and dates of a query (`accord.store.terms`), without a database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.errors import BadQuery
from accord.store.terms import date_bound, date_range, known_parties, nearest

TODAY = date(2025, 3, 1)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_every_real_day_and_its_month_and_year_are_kept_as_given(day: date) -> None:
    iso = day.isoformat()
    assert [date_bound(iso[:n]) for n in (4, 7, 10)] == [iso[:4], iso[:7], iso]


@pytest.mark.parametrize("impossible", ["2024-13-01", "2024-00", "2023-02-29", "2024-04-31", "0000"])
def test_impossible_dates_are_refused_not_moved(impossible: str) -> None:
    with pytest.raises(BadQuery, match="is not a date"):
        date_bound(impossible)


@pytest.mark.parametrize(
    ("words", "days"),
    [("today", 0), ("Yesterday", 1), ("7d", 7), ("2w", 14), ("3 days ago", 3), ("last  week", 7)],
)
def test_relative_words_count_days_back_from_today(words: str, days: int) -> None:
    assert date_bound(words, TODAY) == (TODAY - timedelta(days=days)).isoformat()


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    assert date_range("2024-06", "2024") == ("2024-06", "2024")
    with pytest.raises(BadQuery, match="starts"):
        date_range("2024-06-02", "2024-06-01")


@pytest.mark.parametrize(
    ("typed", "meant"), [("FNI", "FIN"), ("JAP", "JPN"), ("Finlnd", "FIN"), ("ASEN", "ASEAN")]
)
def test_the_nearest_party_comes_first(typed: str, meant: str) -> None:
    assert nearest(typed, known_parties())[0] == meant
