"""The typed answers of the store's queries, shared by the CLI, its JSON output and the web app."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from accord.records import AffiliationConflict, EventType

__all__ = [
    "ActorProfile",
    "EventParticipant",
    "EventSource",
    "FusedEvent",
    "Office",
    "OfficeEvidence",
    "Partner",
    "SearchHit",
    "UnassertedEvent",
    "as_dict",
]


@dataclass(frozen=True)
class EventSource:
    """One input the event was read from: the file or JSONL id given, and what that article said."""

    input_id: str
    path: str
    url: str | None
    outlet: str | None
    published: str | None
    document_id: str
    similarity: float
    date: str | None
    date_in_text: str | None
    evidence: tuple[str, ...]
    merge_reason: str
    date_note: str | None = None  # where a year came from when the article gave none, or why there is none
    date_end: str | None = None  # the last day, when the article reports an occasion of several days


@dataclass(frozen=True)
class EventParticipant:
    """A person (or a state or organisation no person stands for) in an event; `mentioned_as` holds the words
    the articles name them with ("Kamikawa"), where `name` is the name the store settled on."""

    name: str | None
    role: str | None
    affiliation: str | None
    inferred: tuple[str, ...] = ()
    mentioned_as: tuple[str, ...] = ()
    affiliation_source: str | None = None  # where the affiliation was read (`records.AFFILIATION_SOURCES`)
    affiliation_conflicts: tuple[AffiliationConflict, ...] = ()  # weaker evidence that gave another


def independent_reports(sources: tuple[EventSource, ...]) -> int:
    """How many independent reports sources make: a stored article counts once however many outlets
    reprinted it, and so do articles that state the event in the same words (one wire story, two edits)."""
    stories: dict[str, set[str]] = {}
    for s in sources:
        stories.setdefault(s.document_id, set()).add(" ".join(" ".join(s.evidence).casefold().split()))
    wordings: list[set[str]] = []
    for words in stories.values():
        joined = [w for w in wordings if w & words]
        for w in joined:
            wordings.remove(w)
        wordings.append(set().union(words, *joined))
    return len(wordings)


@dataclass(frozen=True)
class FusedEvent:
    id: str
    type: EventType
    date: str | None
    date_precision: str | None
    date_inferred: bool
    city: str | None
    country: str | None
    parties: tuple[str, ...]
    participants: tuple[EventParticipant, ...]
    topics: tuple[str, ...]
    merge_key: str
    improvements: tuple[str, ...]
    conflicts: tuple[dict[str, Any], ...]
    sources: tuple[EventSource, ...]
    # What analysts said about the event (`accord reject`, `correct`, `confirm`): each correction as a line
    # with its reason. Keyword-only, so the records built by position stay as they are.
    rejected: bool = field(default=False, kw_only=True)
    confirmed: bool = field(default=False, kw_only=True)
    corrected: bool = field(default=False, kw_only=True)
    corrections: tuple[str, ...] = field(default=(), kw_only=True)
    # Counted from `sources` whatever is passed (fields, not properties, so the web API's JSON has them too):
    n_outlets: int = field(default=0, kw_only=True)  # distinct outlets (each source's, else its path)
    n_reports: int = field(default=0, kw_only=True)  # independent reports: a story and its reprints once

    def __post_init__(self) -> None:
        object.__setattr__(self, "n_outlets", len({s.outlet or s.url or s.path for s in self.sources}))
        object.__setattr__(self, "n_reports", independent_reports(self.sources))

    @property
    def sides(self) -> frozenset[str]:
        """The countries and organisations involved: the parties, and the country visited."""
        return frozenset(self.parties) | ({self.country} if self.type == "visit" and self.country else set())


@dataclass(frozen=True)
class UnassertedEvent(FusedEvent):
    """What one article says was planned, hypothetical, denied or only reported (`mode`), never fused or
    counted. Shaped like a fused event, with no merge key, so every view and JSON reader takes it."""

    mode: str


@dataclass(frozen=True)
class OfficeEvidence:
    document_id: str
    date: str | None
    text: str
    inputs: tuple[str, ...]


@dataclass(frozen=True)
class Office:
    role: str | None
    affiliation: str | None
    first_seen: str | None
    last_seen: str | None
    evidence: tuple[OfficeEvidence, ...]


@dataclass(frozen=True)
class ActorProfile:
    id: str
    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]
    events: tuple[FusedEvent, ...]
    links: tuple[str, ...] = ()  # why each alias joined (or left) this person: identity and curation


@dataclass(frozen=True)
class Partner:
    affiliation: str
    events: int
    by_type: dict[str, int]


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    title: str | None
    published: str | None
    snippet: str
    inputs: tuple[str, ...]
    event_ids: tuple[str, ...]


def as_dict(record: Any) -> Any:
    """A record (or list of them) as plain JSON-ready data; fused events also get their `sources` count."""
    if isinstance(record, list | tuple):
        return [as_dict(r) for r in record]
    data = asdict(record)
    if isinstance(record, FusedEvent):
        data["n_sources"] = len(record.sources)
    return data
