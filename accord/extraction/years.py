"""Years for the yearless days of a page with no publication date ("CAIRO, April 12 –", "on Tuesday (July 11)").

Such a day takes the year that puts it nearest a fully dated event of the same page. Failing that, it
takes the first year after the latest past date the page states ("since taking office in 2022", "on
October 27, 2012") in which it falls on the weekday its sentence names, or, when the page states that
date to the month or day, the first such day after it: a story reports what followed the history it
recalls. Every year found this way says why in `EventDate.inferred`; the processing date is never a clue.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from accord.extraction.dates import WEEKDAYS, has_year, resolve_date, valid_date
from accord.records import Event, EventDate

__all__ = [
    "first_after",
    "full_dates",
    "infer_year",
    "own_weekday",
    "weekday_named",
    "with_year",
    "with_years",
]

WEEKDAY_CYCLE_YEARS = 28  # every month-day falls on every weekday within this many years
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_named(text: str) -> int | None:
    """The weekday a sentence names ("on Sunday 25 February"), as Monday = 0."""
    match = re.search(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", text.lower())
    return WEEKDAYS[match.group(0)] if match else None


def full_dates(texts: list[str]) -> list[date]:
    """The days among `texts` (ISO dates or date phrases) that carry their own year."""
    found = []
    for text in texts:
        resolved = resolve_date(text, None)
        if (
            resolved is not None
            and resolved.value
            and resolved.precision == "day"
            and has_year(resolved.value)
        ):
            found.append(date.fromisoformat(resolved.value))
    return found


def month_day(when: EventDate) -> tuple[int, int] | None:
    if not (when.value and when.value.startswith("--")):
        return None
    return int(when.value[2:4]), int(when.value[5:7])


def with_year(when: EventDate, year: int, reason: str) -> EventDate:
    """A yearless day ("--06-28", and the end of its range) in `year`, the yearless form kept as what the
    text says and the reason as why the year is there."""
    return replace(
        when,
        value=f"{year:04d}{str(when.value)[1:]}",
        end=f"{year:04d}{when.end[1:]}" if when.end else None,
        in_text=when.in_text or when.value,
        inferred=reason,
    )


def infer_year(when: EventDate, anchors: list[date], weekday: int | None) -> EventDate:
    """A yearless day ("--06-28") takes the year that puts it nearest a fully dated event of the same page
    (a historical date in a background line is no anchor), and, when the sentence names a weekday, a year
    where that day is one. Without anchors it stays yearless."""
    parts = month_day(when)
    if parts is None or not anchors:
        return when
    years = sorted({anchor.year + shift for anchor in anchors for shift in (-1, 0, 1)})
    dated = [d for year in years if (d := valid_date(year, *parts))]
    if weekday is not None and any(d.weekday() == weekday for d in dated):
        dated = [d for d in dated if d.weekday() == weekday]
    if not dated:
        return when
    best = min(dated, key=lambda d: min(abs((d - anchor).days) for anchor in anchors))
    return with_year(when, best.year, f"year {best.year} from the nearest fully dated event on the page")


def first_after(when: EventDate, since: EventDate, weekday: int | None) -> EventDate:
    """A yearless day's first occurrence after `since`, the latest past date the page states, on the
    weekday its sentence names. With no weekday the year is taken only when `since` is stated to the
    month or day: after a bare year ("in 2022") that year and the next are equally likely."""
    parts = month_day(when)
    if parts is None or not since.value or not has_year(since.value):
        return when
    if weekday is None and since.precision == "year":
        return when
    start = date.fromisoformat((since.value + "-01-01")[:10])
    if since.precision == "day":
        start += timedelta(days=1)
    for year in range(start.year, start.year + WEEKDAY_CYCLE_YEARS):
        day = valid_date(year, *parts)
        if day is None or day < start or (weekday is not None and day.weekday() != weekday):
            continue
        on = f" that is a {DAY_NAMES[weekday]}" if weekday is not None else ""
        reason = f"year {year}: the first {day:%d %B}{on} after {since.value}, the latest past date the page states"
        return with_year(when, year, reason)
    return when


def own_weekday(event: Event) -> int | None:
    """The weekday the sentence names, when the sentence also gave the day: a day taken from the dateline
    or the lead ("CAIRO, April 12 – … met on Monday") need not be the weekday's."""
    own = event.date.source == "partial" and event.evidence
    return weekday_named(event.evidence[0].text) if own else None


def with_years(events: list[Event], since: EventDate | None) -> list[Event]:
    """Years for the yearless days of a page with no publication date: from its fully dated events, else
    from the latest past date it states (`since`), days whose sentence names a weekday first, so that
    they in turn anchor the others."""

    def anchors() -> list[date]:
        return full_dates([e.date.value for e in events if e.date.value])

    if since is not None and not anchors():
        events = [
            replace(e, date=first_after(e.date, since, named)) if (named := own_weekday(e)) is not None else e
            for e in events
        ]
    if found := anchors():
        return [replace(e, date=infer_year(e.date, found, own_weekday(e))) for e in events]
    if since is not None:
        return [replace(e, date=first_after(e.date, since, None)) for e in events]
    return events
