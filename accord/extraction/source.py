"""Where a page comes from: the country of its publisher, read from its masthead, outlet or web address.

A ministry's press release or a national news agency names its own officials without their country
("Sayyid Talal, Minister of Foreign Affairs, received …"); the page's masthead ("Oman News Agency",
"Government of Samoa") or its address (`mofa.go.jp`) says which country that is.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from accord.extraction.lexicon import (
    COUNTRY_DOMAINS_NOT_ISO,
    EDITION_WORDS,
    GENERIC_DOMAINS,
    INTERNATIONAL_WIRES,
    NATIONAL_AGENCIES,
    ORGANISATION_DOMAINS,
    PUBLISHER_WORDS,
    REGION_PREFIXES,
)
from accord.gazetteer import ORGANISATIONS, country_code
from accord.records import CleanedDocument

MASTHEAD_LINES = 3  # the publisher's name sits above the headline
MASTHEAD_WORDS = 12
LONGEST_NAME = 5  # words in the longest country name looked for ("Republic of North Macedonia")
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
NAVIGATION = re.compile(
    r"\s[|»•]\s.*\s[|»•]\s"
)  # "Home | World | Sport": a menu lists places, not a publisher


def country_in(text: str) -> str | None:
    """The one country a short line names, longest names first ("the Republic of North Macedonia"); none
    when it names several ("Regional news from Ljubljana to Athens" is a beat, not a home)."""
    words = WORD.findall(text)
    found: set[str] = set()
    start = 0
    while start < len(words):
        for size in range(min(LONGEST_NAME, len(words) - start), 0, -1):
            name = " ".join(words[start : start + size])
            code = country_code(name)
            following = words[start + size].lower() if start + size < len(words) else ""
            if name.lower() == "english" or following in EDITION_WORDS:
                continue  # "English Service", "French edition": a language, not the publisher's country
            # "Saudi Press Agency", "Australian Government"; not the "American" of "Latin American"
            regional = start > 0 and words[start - 1].lower() in REGION_PREFIXES
            if code and code not in ORGANISATIONS and not regional:
                found.add(code)  # a country's name, not an adjective ("Latin American News Agency")
                start += size - 1
                break
        start += 1
    return found.pop() if len(found) == 1 else None


def domain_country(url: str | None) -> str | None:
    """The country of a web address's country-code domain (`mofa.go.jp` → JPN), or the organisation whose
    own site it is (`ec.europa.eu` → EU)."""
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    for domain, code in ORGANISATION_DOMAINS.items():
        if host == domain or host.endswith(f".{domain}"):
            return code
    suffix = host.rsplit(".", 1)[-1]
    if len(suffix) != 2 or suffix in GENERIC_DOMAINS:
        return None
    import pycountry  # only here: most pages never get this far

    country = pycountry.countries.get(alpha_2=COUNTRY_DOMAINS_NOT_ISO.get(suffix, suffix.upper()))
    return getattr(country, "alpha_3", None)


CREDIT_LINES = 6  # a wire credit stands in the dateline or the lines around it
WIRE_CREDIT = re.compile(
    r"\((?P<paren>[^()]{2,40})\)|(?:^|\s)[-–—]\s*(?P<dash>[A-Z][\w .-]{1,30})$|^(?:source|via)\s*:\s*(?P<label>.{2,80})$",
    re.IGNORECASE | re.MULTILINE,
)


LABEL_CREDIT = re.compile(r"^(?:source|via)\s*:", re.IGNORECASE)
# "Port Moresby, Feb 20 (APW) …": an agency's initials right after a dateline credit the story to it
DATELINE_CREDIT = re.compile(
    r"^[A-Z][\w .'’-]{1,40},\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9})?,?\s*(?:\d{4})?\s*"
    r"\((?P<agency>[A-Z]{2,6})\)",
    re.MULTILINE,
)


def wire_credit(cleaned: CleanedDocument) -> tuple[bool, str | None]:
    """Whether the story credits where it comes from, and the country it speaks for: a national agency's
    ("(VNA)" → VNM), a ministry's ("Source: Ministry of Foreign Affairs of Japan"), none for an
    international wire ("— AP")."""
    lines = cleaned.text.splitlines()
    head = "\n".join(lines[:CREDIT_LINES])
    # a "Source: Ministry for Foreign Affairs of Finland" label may also close the story, after its last line,
    # or below it, where the cleaner drops it from the text as page furniture
    below = [line.text for line in cleaned.lines if not line.kept]
    labels = [line for line in [*lines[CREDIT_LINES:], *below] if LABEL_CREDIT.match(line.strip())]
    for match in WIRE_CREDIT.finditer("\n".join([head, *labels])):
        credit = next(group for group in match.groups() if group)
        for word in re.split(r"[\s/,;]+", credit.strip()):
            if word in NATIONAL_AGENCIES:
                return True, NATIONAL_AGENCIES[word]
            if word in INTERNATIONAL_WIRES:
                return True, None
        if match["label"] and (code := country_code(credit) or country_in(credit)):
            return True, code
    # an agency the lexicon does not know, unless it is the publisher's own ("Ghana News Agency" … "(GNA)")
    agency = next((m["agency"] for m in DATELINE_CREDIT.finditer(head)), None)
    return (True, None) if agency and agency not in publisher_initials(cleaned) else (False, None)


def publisher_initials(cleaned: CleanedDocument) -> set[str]:
    """The initials of the outlet's name and of the masthead lines: what its own credit would read."""
    lines = [cleaned.document.outlet or "", *cleaned.document.text.splitlines()[:MASTHEAD_LINES]]
    return {"".join(w[0] for w in WORD.findall(line) if w[0].isupper()) for line in lines}


def source_country(cleaned: CleanedDocument) -> str | None:
    """The country whose officials a page names without saying so: the credited agency's or ministry's
    when the story is carried from one (a repost on another country's site is theirs, and an
    international wire's is nobody's), else the publisher's, from the masthead lines above the article,
    the outlet, or the address."""
    credited, country = wire_credit(cleaned)
    if credited:
        return country
    document = cleaned.document
    lines = [line.strip() for line in document.text.splitlines() if line.strip()][:MASTHEAD_LINES]
    for line in (document.outlet or "", *lines):
        words = {w.lower() for w in WORD.findall(line)}
        if words & PUBLISHER_WORDS and not NAVIGATION.search(f" {line} ") and len(words) <= MASTHEAD_WORDS:
            code = country_in(line)
            if code:
                return code
    return domain_country(document.url)
