"""Date expressions resolve against the publication date, keep what the text supports, and never lie ahead."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.extraction.dates import is_future_expression, resolve_date
from accord.records import EventDate

# 2021-06-09 is a Wednesday.
WEDNESDAY = "2021-06-09"


def _value(expression: str, published: str | None) -> tuple[str | None, str | None] | None:
    found = resolve_date(expression, published)
    return None if found is None else (found.value, found.precision)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("Monday", WEDNESDAY, ("2021-06-07", "day")),
        ("on Wednesday", WEDNESDAY, ("2021-06-09", "day")),
        ("late on Thursday", WEDNESDAY, ("2021-06-03", "day")),
        ("Tuesday evening", WEDNESDAY, ("2021-06-08", "day")),
        ("last Tuesday", WEDNESDAY, ("2021-06-08", "day")),
        ("last Wednesday", WEDNESDAY, ("2021-06-02", "day")),
        ("Sunday's", "2021-06-01", ("2021-05-30", "day")),
        ("today", WEDNESDAY, ("2021-06-09", "day")),
        ("tonight", WEDNESDAY, ("2021-06-09", "day")),
        ("this morning", WEDNESDAY, ("2021-06-09", "day")),
        ("yesterday", "2021-03-01", ("2021-02-28", "day")),
        ("last night", "2020-03-01", ("2020-02-29", "day")),
        ("last evening", WEDNESDAY, ("2021-06-08", "day")),
        ("three days ago", WEDNESDAY, ("2021-06-06", "day")),
    ],
)
def test_day_level_relatives_count_back_from_publication(
    expression: str, published: str, expected: tuple[str, str]
) -> None:
    assert _value(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("earlier this week", WEDNESDAY, ("2021-06", "month")),
        ("this week", "2021-06-02", ("2021", "year")),  # Monday 31 May to Wednesday 2 June
        ("this week", "2021-06-07", ("2021-06-07", "day")),  # published on the Monday
        ("last week", "2021-06-16", ("2021-06", "month")),
        ("last week", WEDNESDAY, ("2021", "year")),  # 31 May to 6 June
        ("over the weekend", WEDNESDAY, ("2021-06", "month")),
        ("last month", "2021-01-15", ("2020-12", "month")),
        ("late last month", WEDNESDAY, ("2021-05", "month")),
        ("two months ago", WEDNESDAY, ("2021-04", "month")),
        ("earlier this year", WEDNESDAY, ("2021", "year")),
        ("last year", WEDNESDAY, ("2020", "year")),
        ("late last year", WEDNESDAY, ("2020", "year")),
    ],
)
def test_spans_get_the_finest_precision_that_holds_them(
    expression: str, published: str, expected: tuple[str, str]
) -> None:
    assert _value(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("Aug. 3, 2017", None, EventDate("2017-08-03", "day", "absolute", "2017-08-03")),
        ("on 5 October 2016", None, EventDate("2016-10-05", "day", "absolute", "2016-10-05")),
        ("Friday, March 4, 2022", None, EventDate("2022-03-04", "day", "absolute", "2022-03-04")),
        ("the 2nd of April 2019", None, EventDate("2019-04-02", "day", "absolute", "2019-04-02")),
        ("2015-11-30", None, EventDate("2015-11-30", "day", "absolute", "2015-11-30")),
        (
            "from June 3-5, 2018",
            None,
            EventDate("2018-06-03", "day", "absolute", "2018-06-03", end="2018-06-05"),
        ),
        ("in August 2016", None, EventDate("2016-08", "month", "absolute", "2016-08")),
        ("early March 2020", WEDNESDAY, EventDate("2020-03", "month", "absolute", "2020-03")),
        ("in 2014", WEDNESDAY, EventDate("2014", "year", "absolute", "2014")),
        ("in late 2019", None, EventDate("2019", "year", "absolute", "2019")),
        ("mid-2018", None, EventDate("2018", "year", "absolute", "2018")),
        ("the summer of 2017", None, EventDate("2017", "year", "absolute", "2017")),
        ("12th of Oct 2016", None, EventDate("2016-10-12", "day", "absolute", "2016-10-12")),
        ("10/03/2016", None, EventDate("2016-10-03", "day", "dateparser", "2016-10-03")),
    ],
)
def test_absolute_dates_need_no_publication_date(
    expression: str, published: str | None, expected: EventDate
) -> None:
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        ("June 2", WEDNESDAY, "2021-06-02"),
        ("2 June", WEDNESDAY, "2021-06-02"),
        ("on June 9th", WEDNESDAY, "2021-06-09"),
        ("Dec. 28", "2021-01-04", "2020-12-28"),
        ("October 3", WEDNESDAY, "2020-10-03"),  # four months ahead: last year's
        ("Wednesday 2nd June", WEDNESDAY, "2021-06-02"),
        ("June 2, Wednesday", WEDNESDAY, "2021-06-02"),
        ("the 1st of June", WEDNESDAY, "2021-06-01"),
        ("May 20", "2021-05", "2021-05-20"),
    ],
)
def test_dates_without_year_take_the_nearest_year(expression: str, published: str, value: str) -> None:
    found = resolve_date(expression, published)
    assert found is not None
    assert (found.value, found.precision, found.source) == (value, "day", "partial")
    assert found.in_text == "--" + value[5:]


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("in March", WEDNESDAY, ("2021-03", "month")),
        ("December", WEDNESDAY, ("2020-12", "month")),  # six months ahead is too far for a plan
        ("last June", WEDNESDAY, ("2020-06", "month")),
        ("last May", WEDNESDAY, ("2021-05", "month")),
        ("in June", WEDNESDAY, ("2021-06", "month")),
        ("in December last year", WEDNESDAY, ("2020-12", "month")),
        ("in April of this year", WEDNESDAY, ("2021-04", "month")),
        ("December of last year", WEDNESDAY, ("2020-12", "month")),
        ("on the evening of June 1", WEDNESDAY, ("2021-06-01", "day")),
        ("on June 1 morning", WEDNESDAY, ("2021-06-01", "day")),
        ("June 2nd evening", WEDNESDAY, ("2021-06-02", "day")),
        ("March this year", WEDNESDAY, ("2021-03", "month")),
        ("on the 4th", WEDNESDAY, ("2021-06-04", "day")),
        ("the 30th", "2021-06-03", None),  # this month's 30th is still ahead: a plan
        ("the 31st", "2021-04-02", ("2021-03-31", "day")),
        ("the 31st", "2021-05-02", None),  # April has none; May's is ahead
    ],
)
def test_months_and_days_of_month_read_from_publication(
    expression: str, published: str, expected: tuple[str, str] | None
) -> None:
    assert _value(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("Thursday", "2021-06", EventDate("2021-06", "month", "weekday")),
        ("yesterday", "2021-06", EventDate("2021-06", "month", "relative-to-published")),
        ("last month", "2021", None),
        ("last year", "2021", EventDate("2020", "year", "relative-to-published")),
    ],
)
def test_coarse_publication_dates_coarsen_the_result(
    expression: str, published: str, expected: EventDate | None
) -> None:
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("October 3", EventDate("--10-03", "day", "partial", "--10-03")),
        ("Thursday", None),
        ("yesterday", None),
        ("last month", None),
        ("in March", None),
        ("June 2017", EventDate("2017-06", "month", "absolute", "2017-06")),
    ],
)
def test_without_publication_date_only_the_text_counts(expression: str, expected: EventDate | None) -> None:
    assert resolve_date(expression, None) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "three weeks",
        "four months later",
        "the following day",
        "a 52-year-old",
        "10:15 a.m.",
        "its 25th anniversary",
        "decades",
        "the 1980s",
        "the past few years",
        "",
        "   ",
        "Fiscal 2030",
        "Tuesday 31st June",
    ],
)
def test_non_dates_resolve_to_nothing(expression: str) -> None:
    assert resolve_date(expression, WEDNESDAY) is None


@pytest.mark.parametrize(
    "expression",
    ["tomorrow", "next week", "next Tuesday", "later this month", "in the coming weeks",
     "in three days' time", "early next year", "by the end of the year"],
)  # fmt: skip
def test_future_expressions_are_flagged_and_not_resolved(expression: str) -> None:
    assert is_future_expression(expression)
    assert resolve_date(expression, WEDNESDAY) is None


@pytest.mark.parametrize(
    "expression",
    ["last week", "in 2019", "Tuesday", "the next day", "today", "in a year", "within two years"],
)
def test_past_expressions_are_not_future(expression: str) -> None:
    assert not is_future_expression(expression)


@pytest.mark.parametrize(
    ("expression", "published", "future"),
    [
        ("in July", WEDNESDAY, True),
        ("June 12", WEDNESDAY, True),
        ("September 30", WEDNESDAY, True),
        ("in November", "2021-08", True),
        ("on the 20th", WEDNESDAY, True),
        ("September 2021", WEDNESDAY, True),
        ("2023", WEDNESDAY, True),
        ("June 8", WEDNESDAY, False),
        ("in July", None, False),
    ],
)
def test_dates_after_publication_are_plans(expression: str, published: str | None, future: bool) -> None:
    assert is_future_expression(expression, published) is future
    if future:
        assert resolve_date(expression, published) is None


@pytest.mark.parametrize("published", ["2021-13-01", "June 2021", "21-06-09", "0999-01-01", "2021-02-30"])
def test_malformed_publication_date_is_refused(published: str) -> None:
    with pytest.raises(ValueError, match="not ISO"):
        resolve_date("Tuesday", published)


_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}

_published = st.one_of(
    st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)).flatmap(
        lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]])
    ),
    st.none(),
)
_WORDS = [
    "on", "in", "last", "late", "early", "this", "next", "the", "of", "mid", "ago", "days", "weeks", "months",
    "years", "2", "12", "31", "1st", "22nd", "3rd", "29th", "1999", "2021", "2030", "May", "June", "Sept.",
    "Feb", "Tuesday", "sunday", "today", "yesterday", "week", "weekend", "month", "year", "-", ",", "/", ".",
]  # fmt: skip
_phrases = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(_WORDS), max_size=5).map(" ".join))


def _valid(value: str, precision: str, published: str | None) -> bool:
    if value.startswith("--"):
        return published is None and precision == "day" and date.fromisoformat("2000" + value[1:]) > date.min
    if not re.fullmatch(_FORMS[precision], value):
        return False
    date.fromisoformat((value + "-01-01")[:10])
    return True


def _not_after(value: str, published: str | None) -> bool:
    if published is None or value.startswith("--"):
        return True
    width = min(len(value), len(published))
    return value[:width] <= published[:width]


@given(_phrases, _published)
def test_results_are_valid_iso_and_never_after_publication(expression: str, published: str | None) -> None:
    found = resolve_date(expression, published)
    if found is not None:
        assert found.value is not None
        assert found.precision is not None
        assert _valid(found.value, found.precision, published)
        assert _not_after(found.value, published)
        if found.in_text is not None:
            assert re.fullmatch(r"--\d{2}-\d{2}|\d{4}(?:-\d{2}){0,2}", found.in_text)


@given(_phrases)
def test_future_expressions_never_resolve(expression: str) -> None:
    if is_future_expression(expression):
        assert resolve_date(expression, WEDNESDAY) is None


def test_a_yearless_day_takes_the_year_of_the_nearest_dated_event() -> None:
    from datetime import date

    from accord.extraction.years import infer_year
    from accord.records import EventDate

    inferred = infer_year(EventDate("--12-30", "day", "text", "--12-30"), [date(2024, 1, 2)], None)
    assert (inferred.value, inferred.in_text) == ("2023-12-30", "--12-30")
    assert inferred.inferred and "2023" in inferred.inferred
    assert infer_year(EventDate("--12-30", "day", "text"), [], None).value == "--12-30"


def test_a_named_weekday_picks_the_year_where_the_day_is_one() -> None:
    from datetime import date

    from accord.extraction.years import infer_year, weekday_named
    from accord.records import EventDate

    sunday = weekday_named("The king received the delegation on Sunday 25 February.")
    assert sunday == 6
    # 25 February was a Sunday in 2018, not in 2017 or 2019
    assert infer_year(EventDate("--02-25", "day", "text"), [date(2018, 6, 1)], sunday).value == "2018-02-25"
    assert infer_year(EventDate("--02-25", "day", "text"), [date(2017, 3, 1)], sunday).value == "2018-02-25"


def test_an_undated_page_dates_its_sentences_by_a_yearless_dateline() -> None:
    from accord.extraction.dates import dateline_day
    from accord.records import DateCandidate, PublicationDate

    wire = DateCandidate("--04-12", "wire", 75)
    assert dateline_day(PublicationDate(None, None, (wire,))) == EventDate(
        "--04-12", "day", "dateline", "--04-12"
    )
    assert dateline_day(PublicationDate("2021-04-12", "wire", (wire,))) is None


@pytest.mark.parametrize(
    ("expression", "published", "value", "end"),
    [
        ("from 3 to 5 June", "2024-06-20", "2024-06-03", "2024-06-05"),
        ("June 3-5, 2024", None, "2024-06-03", "2024-06-05"),
        ("3 to 5 June", None, "--06-03", "--06-05"),
        ("on 3 June", "2024-06-20", "2024-06-03", None),
        ("from 30 November to 2 December", None, "--11-30", "--12-02"),
        ("Nov. 30 - Dec. 2, 2024", None, "2024-11-30", "2024-12-02"),
        ("30 December to 2 January 2025", None, "2024-12-30", "2025-01-02"),
    ],
)
def test_a_range_is_dated_to_its_first_day_and_keeps_its_last(
    expression: str, published: str | None, value: str, end: str | None
) -> None:
    resolved = resolve_date(expression, published)
    assert resolved is not None and (resolved.value, resolved.end) == (value, end)


def test_an_occasion_that_ended_keeps_its_last_day_as_the_end() -> None:
    from accord.extraction.dates import first_day

    ended = first_day(EventDate("2024-06-05", "day", "relative"), 3)
    assert (ended.value, ended.end) == ("2024-06-03", "2024-06-05")


def test_a_range_that_ended_already_starts_on_its_first_day() -> None:
    from accord.extraction.dates import first_day

    ranged = EventDate("2024-02-28", "day", "partial", end="2024-03-01")
    assert first_day(ranged, 3) == ranged


def test_a_trip_reported_over_several_days_runs_from_its_first_to_its_last() -> None:
    from accord.extraction.dates import trip_date

    arrived, met = EventDate("2024-06-03", "day", "weekday"), EventDate("2024-06-05", "day", "weekday")
    assert trip_date([met, arrived]) == replace(arrived, end="2024-06-05")
    assert trip_date([arrived, EventDate("2024-06", "month", "text")]) == arrived


def test_an_inferred_year_is_given_to_the_end_of_a_range_too() -> None:
    from accord.extraction.years import infer_year

    ranged = EventDate("--06-03", "day", "partial", "--06-03", end="--06-05")
    inferred = infer_year(ranged, [date(2024, 6, 10)], None)
    assert (inferred.value, inferred.end) == ("2024-06-03", "2024-06-05")


@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        ("a day earlier", -1),
        ("two days earlier", -2),
        ("the previous day", -1),
        ("the day before", -1),
        ("the following day", 1),
        ("3 days later", 3),
        ("yesterday", None),
        ("last week", None),
    ],
)
def test_days_told_relative_to_another_occasion(phrase: str, days: int | None) -> None:
    from accord.extraction.dates import day_shift

    assert day_shift(phrase) == days


def test_a_yearless_day_moves_within_a_leap_year() -> None:
    from accord.extraction.dates import shifted

    assert shifted(EventDate("--03-01", "day", "text", "--03-01"), -1).value == "--02-29"
    assert shifted(EventDate("2023-03-01", "day", "text"), -1).value == "2023-02-28"


@pytest.mark.parametrize(
    ("past", "expected"),
    [(False, None), (True, "2025-02-02")],  # a plan two months ahead, or a day told in the past tense
)
def test_a_yearless_day_soon_after_publication_is_a_plan_unless_told_in_the_past(
    past: bool, expected: str | None
) -> None:
    found = resolve_date("February 2", "2025-11-20", past)
    assert (found.value if found else None) == expected


def test_a_weekday_takes_the_day_written_in_brackets_after_it() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from accord.extraction.mentions import date_text

    words = ["They", "met", "on", "Thursday", "(", "Feb", "15", ")", "."]
    spaces = [True, True, True, True, False, True, False, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, ents=["O", "O", "O", "B-DATE", "O", "O", "O", "O", "O"])
    assert date_text(doc.ents[0]) == "Thursday (Feb 15)"
