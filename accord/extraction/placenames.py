"""Place names read from plain text, before or beside the parse: a name as a `Location`, and the datelines
that open a page's lines ("ACCRA, 16 May 2024 (GNA) –"), which the sentence splitter, the people spotter,
the dates and the places all need.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from accord.extraction.affiliations import strip_possessive
from accord.extraction.lexicon import AGENCY_IN_SLASHES
from accord.gazetteer import city_country, country_code, venue_city, world_city_country
from accord.records import Location

# "HELSINKI —", "TOKYO (Jiji Press) —", "MANILA:", "New Delhi [India], May 3 (ANI):", "Abuja —"
DATELINE = re.compile(
    r"^\W{0,3}(?P<city>[A-Z][A-Za-zÀ-ÿ.'’ -]{1,30}?)\s*(?:\[[^\]]{1,30}\])?\s*(?P<more>,[^—–:\n]{0,40})?\s*"
    r"(?:\([^)\n]{1,40}\)\s*(?:--|[—–:-])\s|(?:--|[—–:-])\s|\([^)\n]*\d{4}\s*\)\s"  # "Jeddah (Agency - 28th November, 2019) …"
    rf"|{AGENCY_IN_SLASHES}"
    r"|(?P<heading>(?<=(?:1[89]|20)\d\d)(?=[ \t]*$)))",  # "New York, 23 September 2025" alone on its line
    re.MULTILINE,
)
DATED_DATELINE = re.compile(r",[^—–:\n]*\b(?:1[89]|20)\d\d\b")  # "…, 17 July 2025 –": a year after the place


def place_of(text: str, anywhere: bool = False) -> Location | None:
    """A city or country name as a `Location`; None for names that are neither. `anywhere` also looks the
    name up among the world's cities, for a name the model labelled as a place."""
    clean = strip_possessive(text.strip(" ,.").removeprefix("the ").removeprefix("The "))
    venue = venue_city(clean.removesuffix(" building"))
    if venue:
        return Location(city=venue[0], country=venue[1])
    country = city_country(clean)
    if country:
        return Location(city=clean, country=country)
    country = country_code(clean)
    if country:
        return Location(country=country)
    country = world_city_country(clean) if anywhere else None
    return Location(city=clean, country=country) if country else None


def dateline_places(text: str) -> Iterator[tuple[re.Match[str], Location]]:
    """Each line's dateline that names a known place ("ARICA — …", "Hanoi (VNA) – …"), with the place."""
    for match in DATELINE.finditer(text):
        location = dateline_place(match)
        if location is not None:
            yield match, location


def dateline_place(match: re.Match[str]) -> Location | None:
    """The place a dateline names: its first name, or one after a comma when the first is a suburb the
    gazetteer does not know ("Turkeyen, Greater Georgetown, Guyana –")."""
    names = [match["city"], *(match["more"] or "").split(",")[1:]]
    for name in (name.strip() for name in names):
        location = place_of(name.title() if name.isupper() else name, anywhere=True) if name else None
        if location is not None:
            return location
    return None


def line_datelines(text: str) -> list[tuple[int, Location]]:
    """Every line that opens with a city's dateline, as (where it starts, the place): in a digest each
    item's events happened at its own dateline, not at the page's first."""
    return [(match.start(), location) for match, location in dateline_places(text) if location.city]


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where each line's dateline starts and ends ("|Hanoi (VNA) – |Prime Minister …"), also one whose place
    the gazetteer does not know but a date follows ("Addis Abeba, 17 July 2025 –"): it names a place still.
    A dated line alone ("New York, 23 September 2025") counts only for a known place: "Monday, 23 September
    2025" over an article is the page's date, not where it was filed."""
    return [
        match.span()
        for match in DATELINE.finditer(text)
        if (DATED_DATELINE.search(match[0]) and match["heading"] is None) or dateline_place(match) is not None
    ]


def datelines(doc: Doc) -> list[tuple[int, int]]:
    """`dateline_spans` of a parsed page, found once (by the pipeline's line-break step) and kept on it."""
    spans: list[tuple[int, int]] | None = doc.user_data.get("accord_datelines")
    if spans is None:
        spans = doc.user_data["accord_datelines"] = dateline_spans(doc.text)
    return spans


def in_dateline(span: SpacySpan) -> bool:
    """Whether a span lies in a line's dateline ("ACCRA, 16 May 2024 (GNA) –"): its date is the day the
    story was filed, not the day of what the sentence after it reports."""
    return any(start <= span.start_char < end for start, end in datelines(span.doc))


def dateline_location(text: str) -> Location | None:
    """The city a page's dateline names, from its first lines only."""
    head = "\n".join(text.splitlines()[:6])
    return next((location for _, location in dateline_places(head) if location.city), None)
