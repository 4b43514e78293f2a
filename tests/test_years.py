"""Years for the yearless days of a page with no publication date, each rule on its own."""

from __future__ import annotations

from datetime import date

from hand_parses import events_of, parsed

from accord.extraction.timing import latest_stated_date
from accord.extraction.years import first_after, with_years
from accord.records import Event, EventDate, Location, Plover, Span

TUESDAY = 1


def stated(sentence: str) -> str | None:
    found = latest_stated_date(parsed(sentence))
    return found.value if found else None


def event(when: EventDate, sentence: str) -> Event:
    return Event("meet", Plover("CONSULT", "meet"), when, Location(), (), (Span(0, len(sentence), sentence),))


def test_a_past_year_the_page_states_bounds_what_it_reports() -> None:
    assert stated("The Sri Lankan president took office in 2022.") == "2022"


def test_the_latest_of_the_stated_dates_is_the_bound() -> None:
    assert (
        stated("The two countries signed the treaty on 27 October 2012. The president took office in 2022.")
        == "2022"
    )


def test_a_deadline_is_no_date_in_the_past() -> None:
    assert stated("Minh stressed the goal of an ASEAN Community by 2015.") is None


def test_a_planned_occasion_is_no_date_in_the_past() -> None:
    assert stated("The next summit will be held in Hanoi in 2027.") is None


def test_a_named_weekday_takes_the_first_year_after_the_bound_where_the_day_is_one() -> None:
    # 11 July 2022 was a Monday; 2023 is the first year after 2022 where it is a Tuesday
    found = first_after(EventDate("--07-11", "day", "partial", "--07-11"), EventDate("2022", "year"), TUESDAY)
    assert (found.value, found.in_text) == ("2023-07-11", "--07-11")
    assert found.inferred and "2022" in found.inferred and "Tuesday" in found.inferred


def test_without_a_weekday_a_bare_year_fixes_nothing() -> None:
    yearless = EventDate("--07-11", "day", "partial", "--07-11")
    assert first_after(yearless, EventDate("2022", "year"), None) == yearless


def test_without_a_weekday_a_stated_day_gives_the_first_such_day_after_it() -> None:
    found = first_after(EventDate("--04-24", "day", "partial"), EventDate("2012-10-27", "day"), None)
    assert found.value == "2013-04-24"


def test_a_day_fixed_by_its_weekday_anchors_the_pages_other_yearless_days() -> None:
    own = event(EventDate("--07-11", "day", "partial", "--07-11"), "They met on Tuesday (July 11).")
    borrowed = event(EventDate("--07-10", "day", "context", "--07-10"), "He arrived a day earlier.")
    dated = with_years([own, borrowed], EventDate("2022", "year"))
    assert [e.date.value for e in dated] == ["2023-07-11", "2023-07-10"]


def test_a_weekday_counts_only_where_the_sentence_gave_the_day() -> None:
    # "CAIRO, July 11 – … met on Tuesday": the dateline's day need not be a Tuesday
    from_dateline = event(EventDate("--07-11", "day", "dateline", "--07-11"), "They met on Tuesday.")
    assert with_years([from_dateline], EventDate("2022", "year"))[0].date.value == "--07-11"


def test_a_page_with_no_date_dates_its_weekday_day_after_the_year_it_recalls() -> None:
    found = events_of(
        "The Indian foreign secretary called on the Sri Lankan president in Colombo on Tuesday (July 11). The "
        "president took office in 2022."
    )
    assert found and {e.date.value for e in found} == {"2023-07-11"}
    assert all(e.date.inferred for e in found)


def test_a_page_with_a_date_infers_nothing() -> None:
    found = events_of(
        "The Indian foreign secretary called on the Sri Lankan president in Colombo on Tuesday (July 11). The "
        "president took office in 2022.",
        "2024-07-12",
    )
    assert found and all(e.date.inferred is None for e in found)
    assert date.fromisoformat(str(found[0].date.value)).year == 2024


def test_a_page_without_weekdays_dates_its_days_after_the_latest_stated_day() -> None:
    told = event(EventDate("--04-24", "day", "partial", "--04-24"), "They met on April 24.")
    assert with_years([told], EventDate("2012-10-27", "day"))[0].date.value == "2013-04-24"


def test_a_date_long_before_the_latest_year_the_page_writes_is_history() -> None:
    assert stated("The two countries opened embassies after independence in 1965.") == "1965"
    assert (
        stated(
            "The two countries opened embassies after independence in 1965. They set a target of 2030 for the ferry."
        )
        is None
    )
