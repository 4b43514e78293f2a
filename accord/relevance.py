"""Relevance: a cheap test, before the language model, of whether a page can report an interaction.

Parsing is most of Accord's cost, and a general news feed is mostly match reports, weather, markets and
culture. A cleaned page goes to spaCy only when it holds all three of:

1. a trigger word, from the lexicon `accord.extraction.triggers` reads (so the gate cannot drift from it): without
   one the extractor finds nothing, so this test never loses an event;
2. a country, capital, city or organisation the gazetteer knows (a one-word name written with a capital
   letter, as the gazetteer requires; every word of a longer name), or an office title only one
   government holds ("Taoiseach"): without one no party has an affiliation and no event is kept;
3. a word of government or diplomacy (minister, president, ambassador, summit, treaty, talks …). This
   is the one heuristic test: it turns away "France hosts Brazil" and "the yen met resistance". A page
   that names only states and people, with no office, institution or diplomatic word at all, is
   skipped; a page whose parties are only states ("Kenya and Uganda signed a trade agreement") passes
   by the words of agreement and cooperation; every page of the gold sets passes (`benchmarks/README.md`).

Everything is a compiled regular expression or a set lookup over the text, built once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from accord import gazetteer
from accord.extraction.lexicon import (
    AGREE_WORDS,
    CALL_CUES,
    CALL_VERBS,
    DIPLOMATIC_ABBREVIATIONS,
    DIPLOMATIC_WORDS,
    MEET_WORDS,
    TITLE_COUNTRIES,
    VISIT_WORDS,
)

__all__ = ["is_relevant", "names_a_place"]

_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[^\W_]+")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _bounded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Match `pattern` as whole words: a letter may stand on neither side (digits and marks may)."""
    return re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", flags)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Triggers, exact-case abbreviations and acronyms, diplomatic words, diplomatic abbreviations."""
    triggers = MEET_WORDS | CALL_CUES | VISIT_WORDS | AGREE_WORDS | CALL_VERBS
    trigger = _bounded(rf"{_alternation(triggers)}|while\s+in", re.IGNORECASE)
    acronyms = {a.rstrip(".") for a in gazetteer._tables().abbreviations}  # "U.S" also finds "U.S."
    acronyms |= {a.rstrip(".") for a in gazetteer._ORG_ACRONYMS} | set(gazetteer.ORGANISATIONS)
    acronym = _bounded(_alternation(acronyms))
    return trigger, acronym, _bounded(DIPLOMATIC_WORDS, re.IGNORECASE), _bounded(DIPLOMATIC_ABBREVIATIONS)


@dataclass(frozen=True)
class _Places:
    """The gazetteer's names as words: one-word names (which it matches only when written with a capital
    letter), and longer names by their longest word, with the words that must stand beside it."""

    single: frozenset[str]
    longer: dict[str, tuple[frozenset[str], ...]]


@cache
def _places() -> _Places:
    tables = gazetteer._tables()
    single: set[str] = set()
    longer: dict[str, set[frozenset[str]]] = {}
    names = [*tables.names, *tables.capitals, *tables.cities, *tables.organisations]
    for name in names:
        words = _WORD.findall(gazetteer.fold(name))
        if len(words) == 1:
            single.add(words[0])
        elif words:
            anchor = max(words, key=len)
            longer.setdefault(anchor, set()).add(frozenset(words) - {anchor})
    for title in TITLE_COUNTRIES:  # read case-insensitively: a one-word title counts as a longer name
        words = _WORD.findall(title)
        anchor = max(words, key=len)
        longer.setdefault(anchor, set()).add(frozenset(words) - {anchor})
    return _Places(frozenset(single), {anchor: tuple(rests) for anchor, rests in longer.items()})


def _words(text: str) -> tuple[set[str], set[str]]:
    """The text's words folded as the gazetteer folds them ("Việt" -> "viet"), and those written with a
    capital letter."""
    every: set[str] = set()
    capitalised: set[str] = set()
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)  # so that a decomposed accent does not split a word
    for token in set(_TOKEN.findall(text)):
        parts = [token.lower()] if token.isascii() else _WORD.findall(gazetteer.fold(token))
        every.update(parts)
        if not token.islower():
            capitalised.update(parts)
    return every, capitalised


def names_a_place(text: str) -> bool:
    """Whether the text may name a country, capital, city or organisation the gazetteer knows."""
    _, acronym, _, _ = _patterns()
    if acronym.search(text):
        return True
    places = _places()
    every, capitalised = _words(text)
    if not places.single.isdisjoint(capitalised):
        return True
    return any(
        rest <= every for anchor in every.intersection(places.longer) for rest in places.longer[anchor]
    )


def is_relevant(text: str) -> bool:
    """Whether a cleaned page may report a meeting, call, visit or agreement between states' officials."""
    trigger, _, diplomatic, abbreviation = _patterns()
    return (
        trigger.search(text) is not None
        and (diplomatic.search(text) is not None or abbreviation.search(text) is not None)
        and names_a_place(text)
    )
