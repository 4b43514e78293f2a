"""Fusion: deciding when event mentions from different articles are one real-world event.

Two mentions are the same event when they are compatible, not equal: the same type; the same parties, or,
for a multilateral event (three parties or more), one report's parties a subset of the other's; people
who agree wherever both sides name someone of the same party (the same stored person, or names that
`namematch` says can be one person's: "K. Sato" / "Kenji Sato"); dates that agree at every component both
state, or an undated report published within `UNDATED_DAYS` days after the dated event; and places that do
not contradict at country level (Sydney and Canberra are both Australia: kept as a conflict to show). A
meeting and a same-day phone call between the same pair differ in type and stay apart; the same pair
meeting twice in a week differ in their days. Each merge has a reason and a score (0–1, how sure), and a
new report goes to the best-scoring compatible event. The fused event takes the most precise date and place
any mention states (stated dates before inferred ones), and keeps disagreements it cannot settle (two
cities, two roles for one person) as visible conflicts.

Everything here is pure: `ingest` loads mentions from the database and calls these functions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from accord.records import Event
from accord.store.namematch import name_agreement

__all__ = [
    "MULTILATERAL",
    "Facts",
    "Fused",
    "Person",
    "Verdict",
    "anchor_day",
    "compare",
    "date_parts",
    "facts_of",
    "fold",
    "match",
    "merge_key",
    "party_key",
]

DateParts = tuple[int | None, int | None, int | None]
UNDATED_DAYS = 3  # an undated report published this many days after a dated meeting can be its report
MULTILATERAL = 3  # parties from which a report naming only some of them may still be the same event


@dataclass(frozen=True)
class Person:
    name: str | None
    role: str | None
    affiliation: str | None
    person_id: str | None = None


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
    published: str | None = None

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
    people: tuple[Person, ...]
    sources: frozenset[str]
    improvements: tuple[str, ...] = ()
    conflicts: tuple[dict[str, object], ...] = field(default_factory=tuple)
    published: str | None = None

    @property
    def day(self) -> str | None:
        """The day fusion looks for this event's other reports around (see `anchor_day`)."""
        return anchor_day(self.date, self.published)


@dataclass(frozen=True)
class Verdict:
    """Why a mention reports an event, and how sure that is (0–1)."""

    reason: str
    score: float


def key_name(name: str) -> str:
    """Names compare without case or accents: "Antti Häkkänen" is "antti hakkanen"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def facts_of(
    event: Event, source: str = "", date_inferred: bool = False, published: str | None = None
) -> Facts:
    people = tuple(Person(p.name, p.role, p.affiliation) for p in event.participants)
    return Facts(
        event.type,
        event.date.value,
        date_inferred,
        event.location.city,
        event.location.country,
        people,
        source,
        published,
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


def full_day(value: str | None) -> date | None:
    """The calendar day of a date with year, month and day, else None."""
    year, month, day = date_parts(value)
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def anchor_day(value: str | None, published: str | None) -> str | None:
    """The day a report's event is looked up around: its date when it gives the day, else the day it was
    published (a report "on Tuesday" or with no date at all is about the days just before it)."""
    return value if full_day(value) else (published if full_day(published) else None)


def place_text(city: str | None, country: str | None) -> str:
    return ", ".join(x for x in (city, country) if x) or "no place"


def same_person(first: Person, second: Person) -> float | None:
    """How surely two named participants are one person: the same stored person, or agreeing names."""
    if first.person_id and second.person_id:
        if first.person_id == second.person_id:
            return 1.0
        return None  # the actors table keeps them apart (two people, or split by a curator)
    return name_agreement(first.name or "", second.name or "")


def people_agree(event: Fused, mention: Facts) -> tuple[list[str], float] | None:
    """The names that agree and the weakest agreement, party by party, or None when a party that both sides
    name has no person in common ("Kari Dahl" is not "Ingrid Solberg"), or, where one side names nobody of
    the party, when both give its people roles and no role is the same (an unnamed "defence minister" is
    not Ingrid Solberg, "foreign minister")."""
    agreed: list[str] = []
    weakest = 1.0
    for party in sorted(mention.parties & event.parties):
        mine = [p for p in mention.people if p.affiliation == party and p.name]
        theirs = [p for p in event.people if p.affiliation == party and p.name]
        if not mine or not theirs:
            my_roles = {p.role for p in mention.people if p.affiliation == party and p.role}
            their_roles = {p.role for p in event.people if p.affiliation == party and p.role}
            if my_roles and their_roles and not my_roles & their_roles:
                return None
            continue
        pairs = [(same_person(a, b), a, b) for a in mine for b in theirs]
        scored = [(score, a, b) for score, a, b in pairs if score]
        if not scored:
            return None
        best, a, b = max(scored, key=lambda found: found[0] or 0.0)
        weakest = min(weakest, best)
        agreed.append(key_name(a.name or "") if best == 1.0 else f"{a.name} ~ {b.name} ({best:.2f})")
    return agreed, weakest


def parties_agree(event: Fused, mention: Facts) -> str | None:
    """How the parties agree: the same, or one a subset of the other's for a multilateral event."""
    mine, theirs = mention.parties, event.parties
    if not mine or not theirs:
        return None
    if mine == theirs:
        return f"same parties ({', '.join(sorted(theirs))})"
    larger, smaller = (mine, theirs) if len(mine) > len(theirs) else (theirs, mine)
    if len(larger) >= MULTILATERAL and len(smaller) >= 2 and smaller < larger:
        return f"parties {', '.join(sorted(smaller))} within the multilateral {', '.join(sorted(larger))}"
    return None


def dates_agree(event: Fused, mention: Facts) -> tuple[str, float] | None:
    """How the dates agree: at the precision both give, or an undated report soon after a dated one."""
    mine, theirs = date_parts(mention.date), date_parts(event.date)
    compared = [i for i in range(3) if mine[i] is not None and theirs[i] is not None]
    if compared:
        if any(mine[i] != theirs[i] for i in compared):
            return None
        if compared == [0] and (mine[2] is not None or theirs[2] is not None):
            return None  # a year alone is too weak to tie a report to one dated meeting
        precision = ("year", "month", "day")[max(compared)]
        return f"date {mention.date} agrees with {event.date} at {precision} precision", (0.8, 0.9, 1.0)[
            max(compared)
        ]
    if mention.date and event.date:
        return None
    return published_near(event, mention)


def published_near(event: Fused, mention: Facts) -> tuple[str, float] | None:
    """An undated report published 0 to `UNDATED_DAYS` days after the other side's day (or its publication)."""
    if mention.date is None:
        dated, undated, published = event.date or event.published, "report", mention.published
    else:
        dated, undated, published = mention.date, "event", event.published
    start, seen = full_day(dated), full_day(published)
    if start is None or seen is None:
        return None
    gap = (seen - start).days
    if mention.date is None and event.date is None:
        gap = abs(gap)  # two undated reports: published within a few days of each other, in either order
    if not 0 <= gap <= UNDATED_DAYS:
        return None
    return f"undated {undated} published {published}, {gap} day(s) after {dated}", 0.85 - 0.05 * gap


def places_agree(event: Fused, mention: Facts) -> str | None:
    """Places agree unless they name two countries (or, where a country is missing, two cities)."""
    if mention.country and event.country and mention.country != event.country:
        return None
    if mention.city and event.city and key_name(mention.city) != key_name(event.city):
        if not (mention.country and event.country):
            return None
        return f"cities {mention.city} and {event.city} both in {event.country} (kept as a conflict)"
    return f"place {place_text(mention.city, mention.country)} compatible with {place_text(event.city, event.country)}"


def compare(event: Fused, mention: Facts) -> Verdict | None:
    """Why `mention` reports `event` and how surely, or None when it may be another event."""
    if mention.source in event.sources or mention.type != event.type:
        return None
    parties = parties_agree(event, mention)
    people = people_agree(event, mention) if parties else None
    dates = dates_agree(event, mention) if people else None
    place = places_agree(event, mention) if dates else None
    if not (parties and people and dates and place):
        return None
    agreed, name_score = people
    names = f"; names agree ({', '.join(agreed)})" if agreed else ""
    score = round(name_score * dates[1] * (1.0 if parties.startswith("same") else 0.9), 3)
    return Verdict(f"same type ({event.type}); {parties}{names}; {dates[0]}; {place}", score)


def match(event: Fused, mention: Facts) -> str | None:
    """Why `mention` reports `event`, or None when it may be another event."""
    verdict = compare(event, mention)
    return verdict.reason if verdict else None


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
    parties = frozenset().union(*(m.parties for m in mentions))
    if parties != first.parties:
        improvements.append(f"parties {party_key(first.parties)} → {party_key(parties)}")
    published = min((m.published for m in mentions if m.published), default=None)
    return Fused(
        first.type,
        value,
        precision,
        inferred,
        city,
        country,
        parties,
        tuple(p for m in mentions for p in m.people),
        frozenset(m.source for m in mentions),
        tuple(improvements),
        (*value_conflicts(mentions), *role_conflicts(mentions)),
        published,
    )


def value_conflicts(mentions: Sequence[Facts]) -> tuple[dict[str, object], ...]:
    """Two cities, or two days, that reports of one event give: shown, never silently resolved."""
    found: list[dict[str, object]] = []
    value_of: Callable[[Facts], str | None]
    for label, value_of in (
        ("city", lambda m: m.city),
        ("date", lambda m: m.date if full_day(m.date) else None),
    ):
        values: dict[str, list[str]] = {}
        for mention in mentions:
            if value := value_of(mention):
                values.setdefault(value, []).append(mention.source)
        if len(values) > 1:
            found.append({"field": label, "values": dict(sorted(values.items()))})
    return tuple(found)


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
