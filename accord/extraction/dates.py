"""Resolve date expressions from news text against the page's publication date.

News dates are mostly relative ("on Thursday", "last month") or lack a year ("Nov. 14"), so they mean
something only against the publication date. Each result keeps what the expression alone supports in
`EventDate.in_text` ("--11-14", or None for "Thursday"), so the year taken from the page stays visible.

Conventions, chosen for news usage:

* A weekday is the most recent such day on or before publication ("Thursday" published on a Thursday is
  that day); "last Thursday" is strictly before it, so published on a Friday it means yesterday.
* A date or month without a year is the latest one on or before publication, unless the next one is at
  most three calendar months ahead: news uses those for plans ("a summit in April" written in March),
  so they are not events and `is_future_expression(..., published)` flags them.
* A span ("this week", "last weekend") gets the finest precision that holds all of it: month when
  the whole span lies in one month, year when it lies in one year, otherwise nothing.
* With a publication month but no day, day-level relatives ("Thursday", "yesterday") fall back to the
  publication month, the best the page supports.
* Nothing after the publication date is ever returned.

Common forms go through compiled regexes; dateparser only reads absolute dates in unusual layouts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from accord.records import EventDate, PublicationDate

__all__ = ["MONTHS", "WEEKDAYS", "is_future_expression", "resolve_date", "valid_date"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _alternation(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_M = rf"(?P<m>{_alternation(MONTHS)})"
_WD = rf"(?:{_alternation(WEEKDAYS)})"
_D = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
# "July 28-30": an event is dated to its first day, and the last is kept as its end
_RANGE = r"(?: ?(?:-|to|and) ?(?P<e>\d{1,2})(?:st|nd|rd|th)?)?"
_Y = r"(?P<y>[12]\d{3})"
_N = rf"(?P<n>{_alternation(_NUMBERS)}|\d{{1,3}})"
_PART = r"(?:early|late|mid|the (?:end|beginning|start|middle|first half|second half) of)"
_PART_OF_YEAR = rf"(?:{_PART}|(?:the )?(?:spring|summer|autumn|fall|winter))"

_LEADING = re.compile(r"^(?:(?:late|early|earlier) )?(?:on|in|during|at|from|between) ")
_PART_OF_DAY = re.compile(r"^(?:the )?(?:morning|afternoon|evening|night) of ")  # "the evening of May 18"
_DAY_THEN_PART = re.compile(
    r"(?<=\d)(?P<th>st|nd|rd|th)? (?:morning|afternoon|evening|night)$"
)  # "June 28 morning"
_ISO = re.compile(r"^(?P<y>[12]\d{3})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?$")
_DAY_MONTH = re.compile(rf"^(?:{_WD} )?(?:the )?{_D}{_RANGE} (?:of )?{_M}(?: {_Y})?(?: {_WD})?$")
_MONTH_DAY = re.compile(rf"^(?:{_WD} )?{_M} (?:the )?{_D}{_RANGE}(?: {_Y})?(?: {_WD})?$")
# "30 November to 2 December", "Nov. 30 - Dec. 2, 2024": a range over a month's end
_M2 = _M.replace("?P<m>", "?P<m2>")
_E = r"(?P<e>\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH_ACROSS = re.compile(rf"^{_D} {_M} ?(?:-|to|and) ?{_E} {_M2}(?: {_Y})?$")
_MONTH_DAY_ACROSS = re.compile(rf"^{_M} {_D} ?(?:-|to|and) ?{_M2} {_E}(?: {_Y})?$")
_MONTH_YEAR = re.compile(rf"^(?:{_PART}[- ](?:of )?)?{_M}(?: of)? {_Y}$")
_MONTH = re.compile(
    rf"^(?:(?:(?P<last>last|this past)|{_PART}|this)[- ])?{_M}(?: (?:of )?(?P<which>last|this) year)?$"
)
_YEAR = re.compile(rf"^(?:{_PART_OF_YEAR}[- ](?:of )?)?{_Y}$")
_DAY_OF_MONTH = re.compile(r"^(?:the )?(?P<d>\d{1,2})(?:st|nd|rd|th)(?: of (?:the|this) month)?$")
_WEEKDAY = re.compile(
    rf"^(?:(?P<last>last|this past|past) |this )?(?:(?:early|late|earlier) )?(?P<wd>{_WD})"
    r"(?: (?:morning|afternoon|evening|night))?$"
)
# (pattern, unit, steps back from publication; None when the pattern carries the number itself)
_RELATIVE: tuple[tuple[re.Pattern[str], str, int | None], ...] = tuple(
    (re.compile(pattern), unit, steps)
    for pattern, unit, steps in (
        (r"^(?:(?:earlier|early|late) )?(?:today|tonight|this (?:morning|afternoon|evening))$", "day", 0),
        (r"^(?:(?:early|late) )?(?:yesterday(?: \w+)?|last (?:night|evening))$", "day", 1),
        (r"^(?:the )?day before yesterday$", "day", 2),
        (rf"^{_N} days? ago$", "day", None),
        (r"^(?:earlier )?this week$|^earlier in the week$", "week", 0),
        (r"^(?:(?:early|late) )?last week$", "week", 1),
        (rf"^{_N} weeks? ago$", "week", None),
        (r"^(?:over )?(?:the|last) weekend$", "weekend", 0),
        (r"^(?:(?:earlier|early) )?this month$", "month", 0),
        (r"^(?:(?:early|late|mid)[- ])?last month$", "month", 1),
        (rf"^{_N} months? ago$", "month", None),
        (r"^(?:(?:earlier|early) )?this year$", "year", 0),
        (r"^(?:(?:early|late|mid)[- ])?last year$", "year", 1),
        (rf"^{_N} years? ago$", "year", None),
    )
)
# "In a year" is left out: "the first meeting in a year" looks back; "in a year's time" looks ahead.
_FUTURE = re.compile(
    r"\b(?:tomorrow|next(?! day)|coming|upcoming|forthcoming|from now|(?:by|before) the end of"
    r"|later (?:today|tonight|this|in the (?:week|month|year))"
    rf"|in (?:{_alternation(_NUMBERS)}|\d+|a few|several) (?:days?|weeks?|months?|years?) time)\b"
)
# Only strings naming a month or written as numeric dates reach dateparser, which otherwise reads
# durations, ages and clock times as dates.
_FALLBACK_HINT = re.compile(rf"\b{_M}\b|\b\d{{1,4}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b")
# A yearless date this many calendar months ahead or fewer reads as a plan ("a summit in April" written
# in March); further ahead it is last year's.
_PLAN_HORIZON_MONTHS = 3
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}  # the finer date of two says more
_PUBLISHED = re.compile(r"^(?P<y>[12]\d{3})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


@dataclass(frozen=True)
class _Published:
    """The publication date as far as it is known: a year, perhaps a month, perhaps a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def exact(self) -> date | None:
        """The publication day, when it is known."""
        return date(self.year, self.month, self.day) if self.month and self.day else None

    @property
    def reference(self) -> date:
        """A stand-in day for dateparser's relative base when only the month or year is known."""
        return date(self.year, self.month or 7, self.day or 15)

    def as_event_date(self, source: str) -> EventDate:
        """The publication date at its own precision: the fallback for relatives finer than it."""
        if self.month is None:
            return EventDate(f"{self.year:04d}", "year", source)
        return EventDate(f"{self.year:04d}-{self.month:02d}", "month", source)


def _parse_published(published: str | None) -> _Published | None:
    if published is None:
        return None
    if match := _PUBLISHED.match(published):
        year = int(match["y"])
        month, day = (int(part) if part else None for part in match.group("m", "d"))
        if valid_date(year, month or 1, day or 1):
            return _Published(year, month, day)
    raise ValueError(
        f"publication date {published!r} is not ISO YYYY-MM-DD, YYYY-MM or YYYY (years 1000-2999); "
        "pass None when it is unknown"
    )


def _normalise(expression: str) -> str:
    """Lower-case and drop abbreviation dots, possessives and commas, so one regex fits each form."""
    text = expression.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=[a-z])\.|['\u2019]s\b", "", text)
    return " ".join(re.sub(r"[,;()\"'\u2019]", " ", text).split()).strip(" .")


def valid_date(year: int, month: int, day: int) -> date | None:
    """The day, or None where it does not exist (29 February of a common year)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(value: date, source: str, in_text: str | None) -> EventDate:
    return EventDate(value.isoformat(), "day", source, in_text)


def _month(year: int, month: int, source: str, in_text: str | None = None) -> EventDate:
    return EventDate(f"{year:04d}-{month:02d}", "month", source, in_text)


def _year(year: int, source: str, in_text: str | None = None) -> EventDate:
    return EventDate(f"{year:04d}", "year", source, in_text)


def _span(start: date, end: date, source: str) -> EventDate | None:
    """The finest precision holding both ends of a span."""
    if start == end:
        return _day(start, source, None)
    if (start.year, start.month) == (end.year, end.month):
        return _month(start.year, start.month, source)
    return _year(start.year, source) if start.year == end.year else None


def _later(parts: tuple[int, ...], pub: _Published) -> bool:
    """Whether (year, month, day) parts lie after publication, compared at the coarser precision."""
    known = tuple(p for p in (pub.year, pub.month, pub.day) if p is not None)
    width = min(len(parts), len(known))
    return parts[:width] > known[:width]


def _choose(
    candidates: list[tuple[int, ...]], pub: _Published, horizon: int = _PLAN_HORIZON_MONTHS
) -> tuple[int, ...] | None:
    """The latest candidate not after publication, unless the next one is near enough to be a plan."""
    ahead = [c for c in candidates if _later(c, pub)]
    months_ahead = (min(ahead)[0] - pub.year) * 12 + min(ahead)[1] - (pub.month or 12) if ahead else None
    if months_ahead is not None and months_ahead <= horizon:
        return min(ahead)
    return max((c for c in candidates if not _later(c, pub)), default=None)


def _month_day(
    month: int,
    day: int,
    year: int | None,
    pub: _Published | None,
    last: int | None = None,
    horizon: int = _PLAN_HORIZON_MONTHS,
) -> EventDate | None:
    """A calendar date; without a year it takes its year from the publication date. `last` is the final
    day of a range in the same month ("3 to 5 June"), kept as the date's end."""
    found = _first_of_range(month, day, year, pub, horizon)
    if found is None or found.value is None or last is None or last <= day:
        return found
    end = found.value[:-2] + f"{last:02d}"
    return replace(found, end=end) if valid_date(2000, month, last) else found


def _across_months(
    first: tuple[int, int], last: tuple[int, int], year: int | None, pub: _Published | None
) -> EventDate | None:
    """ "30 November to 2 December": dated to its first day, the last kept as the end; a stated year is
    the last day's, so "30 December to 2 January 2025" began in 2024."""
    start_year = year - 1 if year is not None and first > last else year
    found = _first_of_range(*first, start_year, pub)
    if found is None or found.value is None or valid_date(2000, *last) is None:
        return found
    if found.value.startswith("--"):
        return replace(found, end=f"--{last[0]:02d}-{last[1]:02d}")
    end_year = int(found.value[:4]) + (1 if first > last else 0)
    end = valid_date(end_year, *last)
    return replace(found, end=end.isoformat()) if end else found


def _first_of_range(
    month: int, day: int, year: int | None, pub: _Published | None, horizon: int = _PLAN_HORIZON_MONTHS
) -> EventDate | None:
    if year is not None:
        found = valid_date(year, month, day)
        return _day(found, "absolute", found.isoformat()) if found else None
    if valid_date(2000, month, day) is None:  # 2000 is a leap year, so 29 February passes
        return None
    partial = f"--{month:02d}-{day:02d}"
    if pub is None:
        return EventDate(partial, "day", "partial", partial)
    years = range(pub.year - 1, pub.year + 2) if pub.month else (pub.year,)
    chosen = _choose([(y, month, day) for y in years if valid_date(y, month, day)], pub, horizon)
    return _day(date(*chosen), "partial", partial) if chosen else None


def _month_only(month: int, strictly_before: bool, pub: _Published | None) -> EventDate | None:
    """Take the year for "May" from publication; "last May" is strictly before the publication month."""
    if pub is None:
        return None
    if pub.month is None:
        return _month(pub.year, month, "partial")
    if strictly_before:
        return _month(pub.year if month < pub.month else pub.year - 1, month, "partial")
    chosen = _choose([(y, month) for y in (pub.year - 1, pub.year, pub.year + 1)], pub)
    return _month(chosen[0], month, "partial") if chosen else None


def _day_of_month(day: int, pub: _Published | None) -> EventDate | None:
    """Read "on the 12th" as the latest 12th, or as a plan when the publication month's is still ahead."""
    if pub is None or pub.month is None or pub.day is None:
        return None
    here = pub.year * 12 + pub.month - 1
    months = (divmod(index, 12) for index in (here - 1, here, here + 1))
    chosen = _choose([(y, m + 1, day) for y, m in months if valid_date(y, m + 1, day)], pub, horizon=0)
    return _day(date(*chosen), "partial", None) if chosen else None


def _weekday(weekday: int, strictly_before: bool, pub: _Published | None) -> EventDate | None:
    if pub is None:
        return None
    if pub.exact is None:
        return pub.as_event_date("weekday")
    back = (pub.exact.weekday() - weekday) % 7 or (7 if strictly_before else 0)
    return _day(pub.exact - timedelta(days=back), "weekday", None)


def _relative(unit: str, steps: int, pub: _Published | None) -> EventDate | None:
    """Units counted back from the publication date ("yesterday", "last week", "two months ago")."""
    source = "relative-to-published"
    if pub is None:
        return None
    if unit == "year":
        return _year(pub.year - steps, source)
    if unit == "month":
        if pub.month is None:
            return None
        index = pub.year * 12 + pub.month - 1 - steps
        return _month(index // 12, index % 12 + 1, source)
    if pub.exact is None:
        return pub.as_event_date(source)
    if unit == "day":
        return _day(pub.exact - timedelta(days=steps), source, None)
    if unit == "week":
        monday = pub.exact - timedelta(days=pub.exact.weekday() + 7 * steps)
        return _span(monday, min(monday + timedelta(days=6), pub.exact), source)
    saturday = pub.exact - timedelta(days=(pub.exact.weekday() - 5) % 7)
    return _span(saturday, min(saturday + timedelta(days=1), pub.exact), source)


@lru_cache(maxsize=32)
def _parser(base: date | None) -> DateDataParser:
    """One dateparser instance per publication date: building its settings is the slow part."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _fallback(text: str, pub: _Published | None) -> EventDate | None:
    """Absolute dates in layouts the regexes skip ("12th of Sept, 2023", "09/12/2023")."""
    if not _FALLBACK_HINT.search(text):
        return None
    try:
        data = _parser(pub.reference if pub else None).get_date_data(text)
    except (ValueError, OverflowError):  # dateparser rejects some digit runs this way
        return None
    found, period = data.date_obj, data.period
    if found is None or period not in ("day", "month", "year"):
        return None
    if re.search(r"\b[12]\d{3}\b", text) is None:
        return _month_day(found.month, found.day, None, pub) if period == "day" else None
    value = found.date().isoformat()[: {"day": 10, "month": 7, "year": 4}[period]]
    return EventDate(value, period, "dateparser", value)


def _candidate(text: str, pub: _Published | None, horizon: int = _PLAN_HORIZON_MONTHS) -> EventDate | None:
    """The reading of a normalised expression, before checking it against the publication date; a
    yearless day up to `horizon` months ahead reads as a plan."""
    text = _DAY_THEN_PART.sub(r"\g<th>", _PART_OF_DAY.sub("", _LEADING.sub("", text)))
    year: int | None
    if match := _ISO.match(text):
        year, month = int(match["y"]), int(match["m"])
        if match["d"]:
            return _month_day(month, int(match["d"]), year, pub, horizon=horizon)
        return _month(year, month, "absolute", text) if 1 <= month <= 12 else None
    if match := _DAY_MONTH.match(text) or _MONTH_DAY.match(text):
        year = int(match["y"]) if match["y"] else None
        last = int(match["e"]) if match["e"] else None
        return _month_day(MONTHS[match["m"]], int(match["d"]), year, pub, last, horizon)
    if match := _DAY_MONTH_ACROSS.match(text) or _MONTH_DAY_ACROSS.match(text):
        year = int(match["y"]) if match["y"] else None
        first = (MONTHS[match["m"]], int(match["d"]))
        return _across_months(first, (MONTHS[match["m2"]], int(match["e"])), year, pub)
    if match := _MONTH_YEAR.match(text):
        value = f"{match['y']}-{MONTHS[match['m']]:02d}"
        return EventDate(value, "month", "absolute", value)
    if match := _YEAR.match(text):
        return _year(int(match["y"]), "absolute", match["y"])
    if match := _MONTH.match(text):
        if match["which"] and pub is not None:  # "in December last year", "in March this year"
            year = pub.year - 1 if match["which"] == "last" else pub.year
            return _month(year, MONTHS[match["m"]], "partial")
        return _month_only(MONTHS[match["m"]], match["last"] is not None, pub)
    if match := _WEEKDAY.match(text):
        return _weekday(WEEKDAYS[match["wd"]], match["last"] is not None, pub)
    if match := _DAY_OF_MONTH.match(text):
        return _day_of_month(int(match["d"]), pub)
    for pattern, unit, steps in _RELATIVE:
        if match := pattern.match(text):
            return _relative(unit, _count(match["n"]) if steps is None else steps, pub)
    return _fallback(text, pub)


def _count(word: str) -> int:
    return _NUMBERS.get(word) or int(word)


def _after(result: EventDate, pub: _Published) -> bool:
    if result.value is None or result.value.startswith("--"):
        return False
    return _later(tuple(int(p) for p in result.value.split("-")), pub)


def is_future_expression(expression: str, published: str | None = None) -> bool:
    """Whether an expression points after publication, so its event is planned rather than reported.

    Words like "tomorrow" or "next week" are enough; with a publication date, dates such as
    "in April" written in March count too.
    """
    pub = _parse_published(published)
    text = _normalise(expression)
    if _FUTURE.search(text):
        return True
    if pub is None:
        return False
    found = _candidate(text, pub)
    return found is not None and _after(found, pub)


def resolve_date(expression: str, published: str | None, past: bool = False) -> EventDate | None:
    """Resolve a date expression against the publication date; None unless it is a usable past date.
    `past` says the sentence tells the day in the past tense ("held talks on February 2" in a November
    story), so a yearless day is never a plan.

    `published` is ISO "YYYY-MM-DD", "YYYY-MM", "YYYY" or None; anything else raises ValueError.
    """
    pub = _parse_published(published)
    text = _normalise(expression)
    if not text or _FUTURE.search(text):
        return None
    found = _candidate(text, pub, horizon=-1 if past else _PLAN_HORIZON_MONTHS)
    if found is None or (pub is not None and _after(found, pub)):
        return None
    return found


def dateline_day(published: PublicationDate) -> EventDate | None:
    """The yearless day of a wire dateline on a page with no publication date ("RABAT, April 12. /TASS/."):
    the day the story was filed, for sentences that give none."""
    day = published.day_without_year
    return EventDate(day, "day", "dateline", day) if day else None


def wire_day(published: PublicationDate) -> EventDate | None:
    """The full day of the story's wire dateline as the publication date's reader found it ("JAKARTA,
    Aug 20 —"), where the model did not read the dateline's date as a date."""
    found = (c.value for c in published.candidates if c.source == "wire")  # "2025-08-20", not "--08-20"
    day = next((value for value in found if len(value) == len("2025-08-20")), None)
    return EventDate(day, "day", "dateline", "--" + day[5:]) if day else None


def first_day(when: EventDate, last_day_of: int) -> EventDate:
    """The first day of an occasion of `last_day_of` days that ended on `when` ("concluded a two-day visit
    today"): DEV-README dates a multi-day visit to its first reported day. A range ("from 28 February to
    1 March") already starts on it."""
    if when.precision != "day" or not when.value or when.value.startswith("--") or last_day_of < 2:
        return when
    if when.end is not None:
        return when
    start = date.fromisoformat(when.value) - timedelta(days=last_day_of - 1)
    return replace(when, value=start.isoformat(), in_text=None, end=when.value)


def has_year(value: str | None) -> bool:
    """Whether a date value names its year ("2024-06-03", not "--06-03" nor None)."""
    return bool(value) and not str(value).startswith("--")


def trip_date(stated: list[EventDate]) -> EventDate:
    """A trip reported over several days ("arrived on Monday", "on Wednesday, met"): dated to its first
    reported day (DEV-README), ending on its last."""
    first = min(stated, key=lambda d: (-PRECISION_RANK.get(d.precision or "", 0), d.value or ""))
    days = [d.end or d.value for d in stated if d.precision == "day" and d.value and has_year(d.value)]
    last = max(days, default=None)
    if first.precision != "day" or not first.value or first.end or not last or last <= first.value:
        return first
    return replace(first, end=last)


def days_long(noun: str) -> int | None:
    """How many days "two-day", "3-day" or "three day" says, else None."""
    return _NUMBERS.get(noun.lower(), int(noun) if noun.isdigit() and int(noun) < 32 else None)


_SHIFT = re.compile(
    rf"^(?:(?P<n>{_alternation(_NUMBERS)}|\d{{1,2}}) days? (?P<way>earlier|before|later|after)"
    r"|the (?P<adj>previous|next|following) day|the day (?P<rel>before|after))$"
)


def day_shift(expression: str) -> int | None:
    """How many days from the occasion just told a phrase places its own: "a day earlier" -1, "two days
    later" 2, "the previous day" -1, "the following day" 1; None for any other phrase."""
    match = _SHIFT.match(_normalise(expression))
    if match is None:
        return None
    if match["n"]:
        return _count(match["n"]) * (-1 if match["way"] in ("earlier", "before") else 1)
    return -1 if (match["adj"] or match["rel"]) in ("previous", "before") else 1


def shifted(when: EventDate, days: int) -> EventDate:
    """A day-precise date moved by `days`; a yearless one ("--11-09") moves within a leap year, so that
    29 February stays possible."""
    value = when.value or ""
    yearless = value.startswith("--")
    day = date.fromisoformat(f"2000{value[1:]}" if yearless else value) + timedelta(days=days)
    moved = f"-{day.isoformat()[4:]}" if yearless else day.isoformat()
    return replace(when, value=moved, in_text=moved if when.in_text else None, end=None)
