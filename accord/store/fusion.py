"""Fusion: deciding when event mentions from different articles are one real-world event.

Two mentions are the same event when they have the same type, the same set of party affiliations, names
that agree wherever both sides name someone of the same party, dates that agree at every component both
state (year, month, day), and places that do not contradict each other. A meeting and a same-day phone
call between the same pair differ in type and stay apart. The fused event takes the most precise date and
place any mention states (stated dates before inferred ones), and keeps disagreements it cannot settle
(one report calls someone "foreign minister", another "prime minister") as visible conflicts.

Everything here is pure: `ingest` loads mentions from the database and calls these functions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accord.records import Event

__all__ = ["Facts", "Fused", "Person", "date_parts", "facts_of", "fold", "match", "merge_key", "party_key"]

DateParts = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class Person:
    name: str | None
    role: str | None
    affiliation: str | None


@dataclass(frozen=True)
class Facts:
    """What fusion compares about one event mention (`source` names it in reasons and conflicts)."""

    type: str
    date: str | None
    date_inferred: bool
    city: str | None
    country: str | None
    people: tuple[Person, ...]
    source: str = ""

    @property
    def parties(self) -> frozenset[str]:
        return frozenset(p.affiliation for p in self.people if p.affiliation)


@dataclass(frozen=True)
class Fused:
    """The fused event as its mentions establish it, with what later mentions improved and disputed."""

    type: str
    date: str | None
    date_precision: str | None
    date_inferred: bool
    city: str | None
    country: str | None
    parties: frozenset[str]
    names: dict[str, frozenset[str]]
    sources: frozenset[str]
    improvements: tuple[str, ...] = ()
    conflicts: tuple[dict[str, object], ...] = field(default_factory=tuple)


def key_name(name: str) -> str:
    """Names compare without case or accents: "Antti Häkkänen" is "antti hakkanen"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def facts_of(event: Event, source: str = "", date_inferred: bool = False) -> Facts:
    people = tuple(Person(p.name, p.role, p.affiliation) for p in event.participants)
    return Facts(
        event.type,
        event.date.value,
        date_inferred,
        event.location.city,
        event.location.country,
        people,
        source,
    )


def party_key(parties: Iterable[str]) -> str:
    return "+".join(sorted(parties))


def merge_key(facts: Facts | Fused) -> str:
    """The shown key of a fused event: type, parties and date, e.g. `meet|FIN+JPN|2024-01-09`."""
    return f"{facts.type}|{party_key(facts.parties)}|{facts.date or '?'}"


def date_parts(value: str | None) -> DateParts:
    """`2024-01-09` → (2024, 1, 9); `2024-01` → (2024, 1, None); `--09-12` → (None, 9, 12)."""
    if not value:
        return (None, None, None)
    if value.startswith("--"):
        month, day = value[2:].split("-")
        return (None, int(month), int(day))
    pieces = [int(p) for p in value.split("-")]
    return (pieces[0], pieces[1] if len(pieces) > 1 else None, pieces[2] if len(pieces) > 2 else None)


def date_value(parts: DateParts) -> tuple[str | None, str | None]:
    """The ISO value and precision for date parts, the inverse of `date_parts`."""
    year, month, day = parts
    if year is None:
        return (f"--{month:02d}-{day:02d}", "day") if month and day else (None, None)
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def names_by_party(people: Iterable[Person]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for person in people:
        if person.affiliation and person.name:
            found.setdefault(person.affiliation, set()).add(key_name(person.name))
    return {party: frozenset(names) for party, names in found.items()}


def place_text(city: str | None, country: str | None) -> str:
    return ", ".join(x for x in (city, country) if x) or "no place"


def match(event: Fused, mention: Facts) -> str | None:
    """Why `mention` reports `event`, or None when it may be another event."""
    if mention.source in event.sources or mention.type != event.type:
        return None
    if not event.parties or mention.parties != event.parties:
        return None
    mention_names = names_by_party(mention.people)
    agreed: list[str] = []
    for party, names in mention_names.items():
        known = event.names.get(party)
        if known and not names & known:
            return None
        agreed.extend(sorted(names & known) if known else ())
    mine, theirs = date_parts(mention.date), date_parts(event.date)
    compared = [i for i in range(3) if mine[i] is not None and theirs[i] is not None]
    if not compared or any(mine[i] != theirs[i] for i in compared):
        return None
    if compared == [0] and (mine[2] is not None or theirs[2] is not None):
        return None  # a year alone is too weak to tie a report to one dated meeting
    for mine_place, theirs_place in ((mention.city, event.city), (mention.country, event.country)):
        if mine_place and theirs_place and key_name(mine_place) != key_name(theirs_place):
            return None
    precision = ("year", "month", "day")[max(compared)]
    agreement = f"; names agree ({', '.join(agreed)})" if agreed else ""
    return (
        f"same type ({event.type}); same parties ({', '.join(sorted(event.parties))}){agreement}; "
        f"date {mention.date} agrees with {event.date} at {precision} precision; place "
        f"{place_text(mention.city, mention.country)} compatible with {place_text(event.city, event.country)}"
    )


def fold(mentions: Sequence[Facts]) -> Fused:
    """The fused event of mentions (oldest first): stated dates before inferred ones, first place stated."""
    first = mentions[0]
    parts: list[int | None] = [None, None, None]
    inferred = False
    city, country = first.city, first.country
    improvements: list[str] = []
    for mention in sorted(mentions, key=lambda m: m.date_inferred):
        before = date_value((parts[0], parts[1], parts[2]))[0]
        for i, part in enumerate(date_parts(mention.date)):
            if parts[i] is None and part is not None:
                parts[i] = part
                inferred = inferred or mention.date_inferred
        after = date_value((parts[0], parts[1], parts[2]))[0]
        if before and after != before:
            how = "inferred" if mention.date_inferred else "stated"
            improvements.append(f"date {before} → {after} ({how} by {mention.source})")
    for mention in mentions[1:]:
        if (mention.city and not city) or (mention.country and not country):
            new_city, new_country = city or mention.city, country or mention.country
            improvements.append(
                f"place {place_text(city, country)} → {place_text(new_city, new_country)} (by {mention.source})"
            )
            city, country = new_city, new_country
    value, precision = date_value((parts[0], parts[1], parts[2]))
    names: dict[str, set[str]] = {}
    for mention in mentions:
        for party, found in names_by_party(mention.people).items():
            names.setdefault(party, set()).update(found)
    return Fused(
        first.type,
        value,
        precision,
        inferred,
        city,
        country,
        first.parties,
        {party: frozenset(found) for party, found in names.items()},
        frozenset(m.source for m in mentions),
        tuple(improvements),
        role_conflicts(mentions),
    )


def role_conflicts(mentions: Sequence[Facts]) -> tuple[dict[str, object], ...]:
    """People whose role differs between reports of the same event: shown, never silently resolved."""
    roles: dict[str, dict[str, list[str]]] = {}
    shown: dict[str, str] = {}
    for mention in mentions:
        for person in mention.people:
            if person.name and person.role:
                key = key_name(person.name)
                shown.setdefault(key, person.name)
                roles.setdefault(key, {}).setdefault(person.role, []).append(mention.source)
    return tuple(
        {"field": f"role of {shown[key]}", "values": {role: srcs for role, srcs in sorted(found.items())}}
        for key, found in sorted(roles.items())
        if len(found) > 1
    )
