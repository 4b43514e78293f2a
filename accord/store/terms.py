"""The terms a query is asked in, checked before any query runs: parties, dates and event types.

A party may be given as an ISO alpha-3 code (JPN), an organisation's acronym (NATO), or a name the
gazetteer knows ("Japan", "African Union"); anything else is an error that names the closest parties
(rapidfuzz), never an empty answer. A date is an ISO year, month or day, or a few words relative to today
("yesterday", "7d", "last week"); an impossible date ("2024-13-01") is an error, never read as another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from rapidfuzz import fuzz, utils
from rapidfuzz.distance import OSA
from sqlalchemy import Connection, func, select, union

from accord.errors import BadQuery, NotFound
from accord.records import EVENT_TYPES
from accord.store import schema
from accord.store.db import Store

__all__ = ["check_type", "codes", "date_bound", "date_range", "nearest", "no_events_note", "parties", "party"]

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD, or today, yesterday, 7d, 2w, last week, last month, last year"
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DAYS_AGO = re.compile(r"(\d{1,5}) ?(d|days?|w|weeks?)(?: ago)?")
RELATIVE_DAYS = {"today": 0, "yesterday": 1, "last week": 7, "last month": 30, "last year": 365}
CODE_LIKE = re.compile(r"[A-Za-z0-9]{2,8}")
SUGGESTIONS = 3


@cache
def known_codes() -> frozenset[str]:
    """Every code the gazetteer can give a party: ISO alpha-3 countries and organisations' acronyms (read
    without the gazetteer's name tables, which take a tenth of a second to build)."""
    import pycountry

    from accord.gazetteer import ORGANISATIONS

    return frozenset([*(c.alpha_3 for c in pycountry.countries), *ORGANISATIONS])


@cache
def known_parties() -> dict[str, str]:
    """The codes of `known_codes` with their names, for suggestions."""
    import pycountry

    from accord.gazetteer import ORGANISATIONS, country_name

    names = {c.alpha_3: country_name(c.alpha_3) or c.name for c in pycountry.countries}
    return names | {code: full[0] for code, full in ORGANISATIONS.items()}


def stored_parties(conn: Connection) -> set[str]:
    """The parties the store holds events for: every event's parties and the countries visited."""
    ep, e = schema.event_parties, schema.events
    query = union(
        select(ep.c.affiliation).distinct(),
        select(e.c.country).where(e.c.type == "visit", e.c.country.is_not(None)).distinct(),
    )
    return set(conn.scalars(query))


def party(conn: Connection, text: str) -> str:
    """The code of the party `text` names (code, acronym or name, any case), or `NotFound` with the
    nearest parties; codes the store holds outside the gazetteer's list count as known too."""
    from accord.gazetteer import affiliation_code

    wanted = text.strip()
    code = wanted.upper()
    if code in known_codes():
        return code
    if found := affiliation_code(wanted) or affiliation_code(wanted.title()):
        return found
    stored = stored_parties(conn)
    if code in stored:
        return code
    choices = known_parties() | dict.fromkeys(stored - known_parties().keys(), "")
    close = [named(code, choices[code]) for code in nearest(wanted, choices)]
    hint = f"did you mean {one_of(close)}?" if close else "no party is close."
    raise NotFound(
        f"unknown party {text!r}: {hint} Give an ISO alpha-3 code (JPN), a country's name (Japan) or an "
        "organisation's acronym (NATO)."
    )


def codes(store: Store, *texts: str) -> tuple[str, ...]:
    """`party` for each text, in one read of the store."""
    with store.read() as conn:
        return tuple(party(conn, text) for text in texts)


def parties(conn: Connection, first: str, second: str) -> tuple[str, str]:
    """The codes of two different parties, or `NotFound` that says what a pair needs."""
    a, b = party(conn, first), party(conn, second)
    if a == b:
        raise NotFound(
            f"a timeline needs two different parties, got {first} and {second}; e.g. `timeline JPN FIN`"
        )
    return a, b


def one_of(choices: list[str]) -> str:
    """The choices as a phrase: A; A or B; A, B or C."""
    return " or ".join(part for part in (", ".join(choices[:-1]), choices[-1]) if part)


def named(code: str, name: str) -> str:
    return f"{code} ({name})" if name else code


def nearest(text: str, choices: dict[str, str], limit: int = SUGGESTIONS) -> list[str]:
    """The codes closest to `text`: a code-like text is compared with each code and with the start of its
    name ("FNI" -> FIN, "JAP" -> JPN); a longer one with the names ("Finlnd" -> FIN)."""
    if CODE_LIKE.fullmatch(text):
        typed = text.upper()

        def score(code: str, name: str) -> tuple[float, float]:
            by_code = OSA.normalized_similarity(typed, code)
            by_name = OSA.normalized_similarity(typed, utils.default_process(name)[: len(typed)].upper())
            return max(by_code, by_name), by_code + by_name

        least = 0.6
    else:

        def score(code: str, name: str) -> tuple[float, float]:
            return fuzz.WRatio(text, name, processor=utils.default_process) / 100, 0.0

        least = 0.8
    scored = sorted(((score(code, name), code) for code, name in choices.items()), key=ranking)
    return [code for (best, _), code in scored[:limit] if best >= least]


def ranking(scored: tuple[tuple[float, float], str]) -> tuple[float, float, str]:
    """Best score first, then the better tie-break, then the code's alphabetical order."""
    (best, tie), code = scored
    return -best, -tie, code


def no_events_note(store: Store, asked: Iterable[str]) -> str:
    """Why an answer about valid parties is empty: which of them the store holds no event for, with the
    stored parties nearest each by spelling, else the busiest (or the parties are stored, never together)."""
    ep = schema.event_parties
    with store.read() as conn:
        stored = stored_parties(conn)
        busiest = conn.scalars(
            select(ep.c.affiliation)
            .group_by(ep.c.affiliation)
            .order_by(func.count().desc())
            .limit(SUGGESTIONS)
        ).all()
    wanted = list(asked)
    shown = "–".join(wanted)
    absent = [code for code in wanted if code not in stored]
    if not absent and len(wanted) > 1:
        return f"no events for {shown}: the store holds events of each, none together"
    if not absent:
        return (
            f"no events for {shown} match: the store holds events of {shown}, none of them in this selection"
        )
    names = {code: known_parties().get(code, "") for code in stored}
    hints = []
    for code in absent:
        if close := nearest(known_parties().get(code, code), names) or nearest(code, names):
            hints.append(f"{code} has no stored events (stored parties near it: {', '.join(close)})")
        else:
            hints.append(f"{code} has no stored events (the busiest stored: {', '.join(busiest) or 'none'})")
    return f"no events for {shown}: {'; '.join(hints)}"


def date_bound(text: str | None, today: date | None = None) -> str | None:
    """An ISO date or prefix (YYYY, YYYY-MM, YYYY-MM-DD) as given, or the day a relative word means;
    `BadQuery` for anything else, impossible dates included."""
    if text is None:
        return None
    given = " ".join(text.strip().lower().split())
    if match := ISO_DATE.fullmatch(given):
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            date(year, month, day)
        except ValueError as error:
            raise BadQuery(f"{text!r} is not a date ({error}); use {DATE_FORMS}") from None
        return given
    today = today or date.today()
    if given in RELATIVE_DAYS:
        return (today - timedelta(days=RELATIVE_DAYS[given])).isoformat()
    if match := DAYS_AGO.fullmatch(given):
        days = int(match[1]) * (7 if match[2].startswith("w") else 1)
        return (today - timedelta(days=days)).isoformat()
    raise BadQuery(f"{text!r} is not a date; use {DATE_FORMS}")


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Both ends checked by `date_bound`, and `BadQuery` when the range is empty by construction."""
    start, end = date_bound(since), date_bound(until)
    if start and end and start[: len(end)] > end:
        raise BadQuery(f"the range starts ({since}) after it ends ({until}): no event can be in it")
    return start, end


def check_type(kind: str | None) -> str | None:
    """One of `EVENT_TYPES`, or `BadQuery` naming them."""
    if kind is not None and kind not in EVENT_TYPES:
        raise BadQuery(f"no event type {kind!r}; the types are {', '.join(EVENT_TYPES)}")
    return kind
