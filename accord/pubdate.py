"""Find when a page was published: every place a publisher states it, each candidate weighed.

Candidates, strongest first (`SCORES`): the date the reader already has (a seed header, JSON Lines,
HTML metadata); a date line near the headline; a wire dateline opening the first paragraph ("ACCRA,
12 March 2024 (GNA) –", "Jeddah (Agency - 28th November, 2019)"), whose year, when it prints none,
comes from the URL or the copyright line; "today, Sunday (May 7, 2023)"; a date in the URL; a
"Published:"/"Posted:" label at the foot; a weekday-led banner above everything (often the site's
"today", so it only ever sharpens a month another place gives); last, the copyright line's year. The strongest wins; a day that falls in the winner's month sharpens it ("2009-10"
from the URL becomes the banner's "2009-10-04"). A date inside a sentence is about an event, and dates
in captions, headline lists and footers without a label are never used: a missing date is recoverable,
a wrong one silently shifts every relative date ("on Tuesday") in the article.
"""

from __future__ import annotations

import re
from datetime import date

from accord.extraction.dates import MONTHS
from accord.extraction.lexicon import AGENCY_IN_SLASHES
from accord.extraction.source import domain_country
from accord.records import CleanedDocument, DateCandidate, PublicationDate

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
# "Sat, 22 Mar 2025 | Muscat 27°C": a date beside the weather is the site's today
_WEATHER = re.compile(r"-?\d{1,2}\s?°\s?[CF]\b")
_WEEKDAY_FIRST = re.compile(r"^\W*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")
_URL_DATES = (
    # "20130515" whole first: in ".../2013/05/20130515_2.htm" the separated reading would take "20" for the day
    re.compile(r"(?<!\d)(?P<year>199\d|20[0-3]\d)(?P<mm>0[1-9]|1[0-2])(?P<dd>0[1-9]|[12]\d|3[01])"),
    re.compile(
        r"(?<!\d)(?P<year>199\d|20[0-3]\d)[-/_]?"
        r"(?P<mm>0[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[-/_]?"
        r"(?P<dd>0[1-9]|[12]\d|3[01])(?!\d)",
        re.IGNORECASE,
    ),
)
_URL_MONTH = re.compile(r"/(?P<year>199\d|20[0-3]\d)/(?P<mm>0[1-9]|1[0-2])/(?!\d)")

_DATELINE_PREFIX = re.compile(r"^[A-ZÀ-Ý][\w .'’-]{1,30},\s*(?P<date>[^\n]{6,30}?)\s+[-–—]{1,3}\s")
_MAX_DATE_LINE_WORDS = 7  # words left once the date, weekday, time and label are removed
_MAX_SMALL_WORDS = 2
_TOP_LINES = 10  # a date line further down than this is not the page's own
_BODY_WORDS = 12  # a line this long ending like a sentence is article body


# How much each place is trusted (see the module docstring); the strongest candidate wins.
SCORES = {
    "reader": 100, "dateline": 80, "wire": 75, "today": 70, "url": 60, "footer": 50, "banner": 30, "copyright": 20
}  # fmt: skip
_ONLY_SHARPENS = {"banner"}  # a site's "today" banner is no date alone, only the day of a known month
_WIRE_PREFIX = re.compile(  # the agency may follow in slashes: "RABAT, April 12. /TASS/."
    rf"^(?P<prefix>[A-ZÀ-Ý][^\n]{{2,100}}?)(?:\s[-–—]{{1,2}}\s|\)\s*[-–—:]|\):?\s|:\s|{AGENCY_IN_SLASHES})"
)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)
_TODAY = re.compile(r"\btoday\b,?\s*(?:\w+day\s*)?[,(]\s*(?P<date>[^()]{6,30})\)", re.IGNORECASE)
# "© 2021 GPlusMedia"; a range ("© 2019–2024") is the site's years, not the page's
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d\d)(?!\s*[-–]\s*(?:19|20)?\d\d)", re.I
)
_FOOT_LABEL = re.compile(r"\b(?:published|posted)\b\s*(?:on)?\s*:?", re.IGNORECASE)
_URL_YEAR = re.compile(r"/(?P<year>199\d|20[0-3]\d)/")
# Where "03/04/2024" is 4 March, or either (Canada); everywhere else it is 3 April.
MONTH_FIRST_COUNTRIES = frozenset({"USA", "PHL", "FSM", "PLW", "MHL", "CAN", "GUM", "ASM", "PRI", "VIR"})
_PRINTED_ADDRESS = re.compile(r"https?://[^\s/]+\.[^\s/]+/\S*")
_ADDRESS_REACH = 600  # characters: a scraper prints the address above the headline
_WIRE_PLACE = 40  # a dateline's opening parenthesis comes right after the place
_WIRE_LENGTH = 110
_FIRST_LINES = 4  # a wire dateline or "today (date)" opens the story: only its first lines are read


def find_publication_date(cleaned: CleanedDocument) -> PublicationDate:
    """Return the page's publication date, where it was read and every candidate weighed, or an empty date
    when no place a publisher uses states one."""
    candidates = _candidates(cleaned)
    standalone = [c for c in candidates if c.source not in _ONLY_SHARPENS and c.value[0] != "-"]
    if not standalone:
        return PublicationDate(None, None, tuple(candidates))
    best = max(standalone, key=lambda c: (c.score, len(c.value)))
    sharper = [
        c
        for c in candidates
        if len(c.value) > len(best.value) and c.value.startswith(best.value) and best.source != "copyright"
    ]
    chosen = max(sharper, key=lambda c: c.score) if sharper else best
    source = chosen.source
    if chosen is best and best.source == "reader":
        source = cleaned.document.published_source or "reader"
    return PublicationDate(chosen.value, source, tuple(candidates))


def _candidates(cleaned: CleanedDocument) -> list[DateCandidate]:
    document = cleaned.document
    address = page_address(cleaned)
    found: list[tuple[str | None, str]] = [(document.published, "reader")]
    url = _url_date(address)
    banner, dateline = _dateline_dates(cleaned)
    found += [(dateline, "dateline"), (banner, "banner"), (url, "url")]
    found += [
        (_wire_date(cleaned, url, address), "wire"),
        (_today_date(cleaned), "today"),
        (_foot_date(cleaned, address), "footer"),
        (_copyright_year(cleaned), "copyright"),
    ]
    return [DateCandidate(value, source, SCORES[source]) for value, source in found if value]


def page_address(cleaned: CleanedDocument) -> str:
    """The page's URL: the reader's, else one a scraper printed alone on a line at the top of the page."""
    if cleaned.document.url:
        return cleaned.document.url
    top = cleaned.document.text.lstrip()[:_ADDRESS_REACH].splitlines()
    return next((line.strip() for line in top if _PRINTED_ADDRESS.fullmatch(line.strip())), "")


def _body_lines(cleaned: CleanedDocument) -> list[str]:
    return [line.text.strip() for line in cleaned.lines if line.kept and line.text.strip()]


def _wire_date(cleaned: CleanedDocument, url: str | None, address: str) -> str | None:
    """ "UNITED NATIONS, (Agency - 11th Mar, 2023 ):", "TOKYO, March 12 (Kyodo) –": the date a wire
    dateline opening one of the first lines prints, its year taken from the URL or copyright if missing;
    with no year anywhere, the day alone ("--03-12"), which can never win but dates undated sentences."""
    for text in _body_lines(cleaned)[:_FIRST_LINES]:
        prefix = _wire_prefix(text)
        if prefix is None:
            continue
        full = _dates_in(prefix)
        if full and len(full[0][2]) == 10:
            return full[0][2]
        month_day = _MONTH_DAY.search(prefix) or _DAY_MONTH.search(prefix)
        if month_day is None:
            continue
        month, day = MONTHS[month_day["mon"][:3].lower()], int(month_day["day"])
        year = _year_outside(cleaned, url, address)
        if year:
            return _iso(int(year), month, day)
        return f"--{month:02d}-{day:02d}" if _iso(2000, month, day) else None
    return None


def _wire_prefix(text: str) -> str | None:
    """What a wire dateline holds before the story starts: a place in capitals, then up to a closing
    parenthesis ("Jeddah (Agency - 28th November, 2019)") or a dash or colon ("ACCRA, 12 March 2024 –")."""
    opening = text.find("(", 0, _WIRE_PLACE)
    closing = text.find(")", opening) if opening >= 0 else -1
    match = _WIRE_PREFIX.match(text)
    prefix = text[: closing + 1] if closing >= 0 else (match["prefix"] if match else "")
    if not prefix or not prefix[0].isupper() or len(prefix) > _WIRE_LENGTH:
        return None
    lowercase = [w for w in re.findall(r"\b[A-Za-z]+\b", prefix) if w[0].islower()]
    return prefix if len(lowercase) <= 1 else None  # more small words: a sentence, not a dateline


def _year_outside(cleaned: CleanedDocument, url: str | None, address: str) -> str | None:
    """The year of a yearless dateline: the URL's, else the copyright line's when no other year the page
    prints contradicts it."""
    if url:
        return url[:4]
    if match := _URL_YEAR.search(address):
        return match["year"]
    return _copyright_year(cleaned)


def _copyright_year(cleaned: CleanedDocument) -> str | None:
    """ "© 2021 GPlusMedia": the year a page went up, when it is the page's only copyright year and no
    full date the page prints lies in another (DEV-README counts it as what the text supports); the
    weakest candidate, and never sharpened to a day by a banner."""
    years = {m["year"] for line in cleaned.lines for m in _COPYRIGHT_YEAR.finditer(line.text)}
    if len(years) != 1:
        return None
    others = {value[:4] for _, _, value in _dates_in(cleaned.text)}  # only now: it scans the whole text
    return next(iter(years)) if others <= years else None


def _today_date(cleaned: CleanedDocument) -> str | None:
    """ "met … today, Sunday (May 7, 2023)": the story says which day its "today" is."""
    for text in _body_lines(cleaned)[:_FIRST_LINES]:
        match = _TODAY.search(text)
        if match:
            found = _dates_in(match["date"])
            if found and len(found[0][2]) == 10:
                return found[0][2]
    return None


def _foot_date(cleaned: CleanedDocument, address: str) -> str | None:
    """ "Published: 12 March 2024" below the article: the last labelled date line of the page, read day
    first ("12/03/2024") where the site's country writes dates so."""
    for line in reversed(cleaned.lines):
        text = line.text.strip()
        if not _FOOT_LABEL.search(text):
            continue
        if (value := dateline_value(text, _writes_day_first(address))) and len(value) == 10:
            return value
    return None


def dateline_value(text: str, day_first: bool = False) -> str | None:
    """The date of a line that is only a date (with weekday, time, label or byline), else None.

    A long line is a sentence, and a date in a sentence is about an event, so it is refused. `day_first`
    reads "12/03/2024" as 12 March, as the publisher's country writes it.
    """
    found = _dates_in(text, day_first)
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


def _dateline_dates(cleaned: CleanedDocument) -> tuple[str | None, str | None]:
    """A weekday-led banner above everything (often the site's "today"), and the first date line among
    the top lines, stopping where the article body is well under way."""
    body_lines = 0
    seen = 0
    banner = None
    for line in cleaned.lines:
        text = line.text.strip()
        if not text or _PRINTED_ADDRESS.fullmatch(text):  # an address's date is the URL candidate's
            continue
        seen += 1
        prefix = _DATELINE_PREFIX.match(text)  # "Brussels, 4 December 2024 - Minister … visited"
        value = dateline_value(text) or (dateline_value(prefix.group("date")) if prefix else None)
        if value and ((seen == 1 and _WEEKDAY_FIRST.match(text)) or _WEATHER.search(text)):
            banner = value
        elif value:
            return banner, value
        if len(text.split()) >= _BODY_WORDS and _SENTENCE_END.search(text):
            body_lines += 1
        if body_lines >= 2 or seen >= _TOP_LINES:
            break
    return banner, None


def _dates_in(text: str, day_first: bool = False) -> list[tuple[int, int, str]]:
    """Every full date (or month and year) written in `text`, as (start, end, ISO value)."""
    found: list[tuple[int, int, str]] = []
    masked = text
    for pattern in _TEXT_PATTERNS:
        for match in pattern.finditer(masked):
            value = _iso_from_match(match, day_first)
            if value:
                found.append((match.start(), match.end(), value))
                masked = masked[: match.start()] + "#" * (match.end() - match.start()) + masked[match.end() :]
    return sorted(found)


def _iso_from_match(match: re.Match[str], day_first: bool = False) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("mon"):
        month = MONTHS[groups["mon"][:3].lower()]
        return _iso(year, month, int(groups["day"]) if groups.get("day") else None)
    if groups.get("mm"):
        return _iso(year, int(groups["mm"]), int(groups["dd"]))
    first, second = int(groups["a"]), int(groups["b"])
    if first <= 12 and second <= 12 and first != second:
        # 03/04/2024 could be March or April: only a weekday on the same line tells ("Wed, 09/03/2008")
        weekday = _WEEKDAY.search(match.string)
        readings = [value for value in (_iso(year, second, first), _iso(year, first, second)) if value]
        fitting = [v for v in readings if weekday and _weekday_of(v) == weekday.group(0)[:3].lower()]
        if len(fitting) == 1:
            return fitting[0]
        return readings[0] if day_first and not weekday else None
    day, month = (first, second) if first > 12 or second <= 12 else (second, first)
    return _iso(year, month, day)


_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)


def _writes_day_first(address: str) -> bool:
    """Whether the page's web address is in a country that writes dates day first: all but the few that
    write month first or both, so an address with no country code tells nothing."""
    country = domain_country(address)
    return country is not None and country not in MONTH_FIRST_COUNTRIES


def _weekday_of(value: str) -> str:
    return date.fromisoformat(value).strftime("%a").lower()


def _url_date(url: str) -> str | None:
    """A date written into the URL path (/2024/04/15/, 20240517, /2018-11/06/, 2022/feb/14)."""
    match: re.Match[str] | None
    for pattern in _URL_DATES:
        for match in pattern.finditer(url):
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
