"""Typed records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses, so each stage can be tested alone and the
pipeline in `accord.pipeline` reads top to bottom. Dates are ISO strings with a separate precision
and source, never prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Precision = Literal["day", "month", "year"]
EventType = Literal["meet", "call", "visit", "agree"]
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)  # declared once, in the order every view shows them
ASSERTED = "asserted"  # the mode of what an article says happened
UNASSERTED_MODES = ("future", "hypothetical", "negation", "reported")  # what an article says did not happen


@dataclass(frozen=True)
class Document:
    """One input document as read, before cleaning."""

    id: str
    source: str
    text: str
    format: Literal["seed", "text", "html", "jsonl"] = "text"
    published: str | None = None
    published_source: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Reject:
    """A document that could not be read or processed, with one clear sentence saying why."""

    id: str
    source: str
    error: str


@dataclass(frozen=True)
class Line:
    """One line of the page text and the cleaner's decision about it (offsets into `Document.text`)."""

    start: int
    end: int
    text: str
    kept: bool
    reason: str | None = None


@dataclass(frozen=True)
class DateCandidate:
    """One place a page states when it was published, with the weight `accord.pubdate` gives that place."""

    value: str
    source: str
    score: int


@dataclass(frozen=True)
class PublicationDate:
    """When a page was published, and where that was read ("header", "jsonl", "html-meta", "dateline",
    "wire", "today", "url", "footer", "banner", "copyright"); `candidates` keeps every date considered, the
    losers too, for `accord clean --show`."""

    value: str | None = None
    source: str | None = None
    candidates: tuple[DateCandidate, ...] = field(default=(), compare=False)

    @property
    def heads_the_story(self) -> bool:
        """Whether the story prints this date at its top (a date line or wire dateline), as a release dated
        the day of the business it reports does; a date from metadata or the URL may come days later."""
        return any(c.source in ("dateline", "wire") and c.value == self.value for c in self.candidates)

    @property
    def day_without_year(self) -> str | None:
        """ "--04-12" from a yearless dateline ("RABAT, April 12. /TASS/.") on a page whose year nothing
        states: not a publication date, but the day an undated sentence of the story most likely means."""
        if self.value is not None:
            return None
        return next((c.value for c in self.candidates if c.value.startswith("--")), None)


@dataclass(frozen=True)
class CleanedDocument:
    """The article body (kept lines joined by newlines) with every line's decision kept for audit."""

    document: Document
    text: str
    lines: tuple[Line, ...]
    published: PublicationDate = field(default_factory=PublicationDate)
    language: str | None = None  # ISO 639-1, when sure (`accord.language`); read once, by the gate

    @property
    def dropped(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if not line.kept)


@dataclass(frozen=True)
class Span:
    """A piece of the cleaned text: `text == cleaned.text[start:end]`."""

    start: int
    end: int
    text: str


# Where a participant's affiliation was read, strongest evidence first (issue 12):
#   sentence      the words about the name in a sentence stating the event ("Chilean", "of Chile", "Chile's")
#   state         the party is the state or organisation itself ("Kenya and Uganda signed")
#   title         an office only one government or organisation has ("the Taoiseach", "Raksha Mantri")
#   page          those words about the same person elsewhere on the page (another mention, an apposition)
#   counterpart   "his Finnish counterpart X", "counterparts from A and B"
#   organisation  an organisation's office (a Secretary General) and the one organisation named near it
#   delegation    listed with a colleague of known country as the objects of one meeting
#   host          received a visitor to the country the sentence names ("the first visit to Barbados")
#   nearby        a country word in the person's sentences, tied to no one else
#   store         the one affiliation other stored articles give that person near that date (at ingest)
#   publisher     the country of the government or agency that published the page (or the credited source)
#   frequency     the country the page names most, or whose cities it names: the last resort
#   analyst       an analyst's correction
AFFILIATION_SOURCES = (
    "sentence",
    "state",
    "title",
    "page",
    "counterpart",
    "organisation",
    "delegation",
    "host",
    "nearby",
    "store",
    "publisher",
    "frequency",
    "analyst",
)


# Guesses rather than statements: the store learns no office from them, and what it knows outranks them.
GUESSED_SOURCES = frozenset({"store", "publisher", "frequency"})


def stronger_source(a: str | None, b: str | None) -> bool:
    """Whether affiliation evidence `a` outranks `b` (a missing source ranks last)."""
    rank = {source: i for i, source in enumerate(AFFILIATION_SOURCES)}
    return rank.get(a or "", len(rank)) < rank.get(b or "", len(rank))


@dataclass(frozen=True)
class AffiliationConflict:
    """Weaker evidence that gave a participant another affiliation, kept beside the one that won."""

    affiliation: str
    source: str


@dataclass(frozen=True)
class Participant:
    name: str | None
    role: str | None
    affiliation: str | None
    mention: Span | None = None
    affiliation_source: str | None = None  # one of AFFILIATION_SOURCES when there is an affiliation
    affiliation_conflicts: tuple[AffiliationConflict, ...] = ()


@dataclass(frozen=True)
class EventDate:
    """A resolved date: `value` is YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD when the year is unknown."""

    value: str | None = None
    precision: Precision | None = None
    source: str | None = None
    in_text: str | None = None
    inferred: str | None = None  # why the year came from outside the sentence, when it did
    end: str | None = None  # the last day of an occasion of several days ("3 to 5 June"), in `value`'s form


@dataclass(frozen=True)
class Location:
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Plover:
    """PLOVER event code and mode ("CONSULT"/"visit", "AGREE"/None, or "future", "negation" …)."""

    code: str
    mode: str | None = None


# The PLOVER event code and mode of each type: consultations in three modes, agreements.
PLOVER: dict[EventType, Plover] = {
    "meet": Plover("CONSULT", "meet"),
    "call": Plover("CONSULT", "phone"),
    "visit": Plover("CONSULT", "visit"),
    "agree": Plover("AGREE"),
}


@dataclass(frozen=True)
class Event:
    type: EventType
    plover: Plover
    date: EventDate
    location: Location
    participants: tuple[Participant, ...]
    evidence: tuple[Span, ...]
    topics: tuple[str, ...] = ()
    asserted: bool = True


@dataclass(frozen=True)
class Extraction:
    """The result for one document: its cleaned text and the events found in it."""

    cleaned: CleanedDocument
    events: tuple[Event, ...] = ()
    unasserted: tuple[Event, ...] = ()
    note: str | None = None  # why no events were read, when that is not "none reported"
