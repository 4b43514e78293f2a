"""Find when a page was published, trusting only dates that sit where publishers put them.

The order is: the date the reader already has, then a date line near the headline, then a date in
the URL. A date inside a sentence ("signed on Tuesday, September 20, 2022") is about an event, not
about publication, and dates further down the page belong to captions, related-article lists and
footers, so neither is ever used. When nothing trustworthy is found the answer is empty: a missing
date is recoverable, a wrong one silently shifts every relative date ("on Tuesday") in the article.
"""

from __future__ import annotations

import re
from datetime import date

from accord.extraction.dates import MONTHS
from accord.records import CleanedDocument, PublicationDate

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Most specific first: each match is masked before the next pattern runs, so "14 March 2023" is
# never read a second time as the month-only "March 2023".
_TEXT_PATTERNS = (
    re.compile(rf"(?<!\d){_YEAR}[-/.](?P<mm>\d{{1,2}})[-/.](?P<dd>\d{{1,2}})(?!\d)"),
    re.compile(rf"(?<!\d)(?P<a>\d{{1,2}})[-/.](?P<b>\d{{1,2}})[-/.]{_YEAR}(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)
# Words a date line may carry besides the date: weekday, clock time, time zone, a label.
_DATE_LINE_FILLER = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"|\b(?:last|published|posted|updated|created|issued|modified|date[d]?|on|by|at)\b",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|created|issued)\b\W*$", re.IGNORECASE)
_WEEKDAY_FIRST = re.compile(r"^\W*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")
_URL_DATE = re.compile(
    r"(?<!\d)(?P<year>199\d|20[0-3]\d)[-/_]?"
    r"(?P<mm>0[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[-/_]?"
    r"(?P<dd>0[1-9]|[12]\d|3[01])",
    re.IGNORECASE,
)
_URL_MONTH = re.compile(r"/(?P<year>199\d|20[0-3]\d)/(?P<mm>0[1-9]|1[0-2])/(?!\d)")

_DATELINE_PREFIX = re.compile(r"^[A-ZÀ-Ý][\w .'’-]{1,30},\s*(?P<date>[^\n]{6,30}?)\s+[-–—]{1,3}\s")
_MAX_DATE_LINE_WORDS = 7  # words left once the date, weekday, time and label are removed
_MAX_SMALL_WORDS = 2
_TOP_LINES = 10  # a date line further down than this is not the page's own
_BODY_WORDS = 12  # a line this long ending like a sentence is article body


def find_publication_date(cleaned: CleanedDocument) -> PublicationDate:
    """Return the page's publication date and where it was read, or an empty date when unsure."""
    document = cleaned.document
    dateline = _dateline_date(cleaned)
    url = _url_date(document.url or "")
    if document.published:
        source = document.published_source or "reader"
        if len(document.published) < len("YYYY-MM-DD"):
            # A month-only date from the reader is sharpened by a day the page itself states.
            for value, found_source in ((dateline, "dateline"), (url, "url")):
                if value and len(value) == 10 and value.startswith(document.published):
                    return PublicationDate(value, found_source)
        return PublicationDate(document.published, source)
    if dateline:
        return PublicationDate(dateline, "dateline")
    if url:
        return PublicationDate(url, "url")
    return PublicationDate(None, None)


def dateline_value(text: str) -> str | None:
    """The date of a line that is only a date (with weekday, time, label or byline), else None.

    A long line is a sentence, and a date in a sentence is about an event, so it is refused.
    """
    found = _dates_in(text)
    if not found:
        return None
    leftover = text
    for start, end, _ in sorted(found, reverse=True):
        leftover = leftover[:start] + " " + leftover[end:]
    leftover = _DATE_LINE_FILLER.sub(" ", leftover)
    words = [word for word in re.split(r"[\s|,;:()\[\]–—-]+", leftover) if re.search(r"[A-Za-z]", word)]
    # What remains of a date line is a byline or an outlet, in capitals; small words mean a sentence.
    if len(words) > _MAX_DATE_LINE_WORDS or sum(word[0].islower() for word in words) > _MAX_SMALL_WORDS:
        return None
    for start, _, value in found:
        if _PUBLISHED_LABEL.search(text[:start]):
            return value
    return found[0][2]


def _dateline_date(cleaned: CleanedDocument) -> str | None:
    """The first date line among the top lines, stopping where the article body is well under way."""
    body_lines = 0
    seen = 0
    for line in cleaned.lines:
        text = line.text.strip()
        if not text:
            continue
        seen += 1
        prefix = _DATELINE_PREFIX.match(text)  # "Brussels, 4 December 2024 - Minister … visited"
        value = dateline_value(text) or (dateline_value(prefix.group("date")) if prefix else None)
        # A weekday-led date above everything else is the site's "today" banner, not the article's.
        if value and not (seen == 1 and _WEEKDAY_FIRST.match(text)):
            return value
        if len(text.split()) >= _BODY_WORDS and _SENTENCE_END.search(text):
            body_lines += 1
        if body_lines >= 2 or seen >= _TOP_LINES:
            return None
    return None


def _dates_in(text: str) -> list[tuple[int, int, str]]:
    """Every full date (or month and year) written in `text`, as (start, end, ISO value)."""
    found: list[tuple[int, int, str]] = []
    masked = text
    for pattern in _TEXT_PATTERNS:
        for match in pattern.finditer(masked):
            value = _iso_from_match(match)
            if value:
                found.append((match.start(), match.end(), value))
                masked = masked[: match.start()] + "#" * (match.end() - match.start()) + masked[match.end() :]
    return sorted(found)


def _iso_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("mon"):
        month = MONTHS[groups["mon"][:3].lower()]
        return _iso(year, month, int(groups["day"]) if groups.get("day") else None)
    if groups.get("mm"):
        return _iso(year, int(groups["mm"]), int(groups["dd"]))
    first, second = int(groups["a"]), int(groups["b"])
    if first <= 12 and second <= 12 and first != second:
        return None  # 03/04/2024 could be March or April: refuse rather than guess
    day, month = (first, second) if first > 12 or second <= 12 else (second, first)
    return _iso(year, month, day)


def _url_date(url: str) -> str | None:
    """A date written into the URL path (/2024/04/15/, 20240517, /2018-11/06/, 2022/feb/14)."""
    for match in _URL_DATE.finditer(url):
        month_text = match["mm"].lower()
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
        value = _iso(int(match["year"]), month, int(match["dd"]))
        if value:
            return value
    match = _URL_MONTH.search(url)
    return _iso(int(match["year"]), int(match["mm"]), None) if match else None


def _iso(year: int, month: int, day: int | None) -> str | None:
    """ISO text for a real calendar date ("YYYY-MM" when the day is unknown), else None."""
    try:
        if day is None:
            return date(year, month, 1).isoformat()[:7]
        return date(year, month, day).isoformat()
    except ValueError:
        return None
