"""Merging: the mentions of one real-world interaction become one `Event` with all their evidence."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import GENERIC_ROLES
from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.dates import PRECISION_RANK, trip_date
from accord.extraction.lexicon import SIGNING_WORDS
from accord.extraction.mentions import Mention
from accord.extraction.parties import Party, affiliations, unique
from accord.extraction.topics import find_topics
from accord.records import PLOVER, AffiliationConflict, Event, EventDate, Location, Participant, Plover, Span

BORROWED_SOURCES = ("context", "lead", "published")  # dates a mention took from elsewhere, not stated
VISIT_DAYS = 7  # one trip, reported over several days ("July 28-30"), is one visit


def days_apart(a: str, b: str) -> int:
    """Days between two full dates, or two days of one unstated year ("--05-18", "--05-20"); a large
    number otherwise."""
    if a.startswith("--") and b.startswith("--"):
        a, b = f"2000{a[1:]}", f"2000{b[1:]}"  # a leap year, so "--02-29" is a day
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 1 << 30


def same_interaction(a: Mention, b: Mention) -> bool:
    if a.type != b.type or affiliations(a.parties) != affiliations(b.parties):
        return False
    if a.type == "visit" and (a.host and a.host.country) != (b.host and b.host.country):
        return False
    da, db = a.date.value if a.date else None, b.date.value if b.date else None
    if (
        da
        and db
        and not (
            da.startswith(db) or db.startswith(da) or (a.type == "visit" and days_apart(da, db) <= VISIT_DAYS)
        )
    ):
        return False
    if a.type in ("meet", "call") and other_officials(a.parties, b.parties):
        return False
    names_a = {p.name for p in a.parties if p.name}
    names_b = {p.name for p in b.parties if p.name}
    # one delegation per country and host (DEV-README rule 4): a president's visit and the foreign minister
    # who came with him that week are one visit, whatever names each sentence gives
    return names_a <= names_b or names_b <= names_a or a.type in ("agree", "visit")


def other_officials(a: list[Party], b: list[Party]) -> bool:
    """ "Received by the Egyptian president, he then held talks with the Egyptian foreign minister": two
    meetings with two officials of one country, told apart by their offices where one goes unnamed."""
    for country in affiliations(a) & affiliations(b):
        sides = [[p for p in parties if p.affiliation == country] for parties in (a, b)]
        offices = [{p.role for p in side if p.role not in GENERIC_ROLES} for side in sides]
        unnamed = any(not p.name for side in sides for p in side)
        if unnamed and all(offices) and offices[0].isdisjoint(offices[1]):
            return True
    return False


def merge(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of one interaction, in groups: a mention joins the first group all of whose members it
    agrees with. Only members that differ in what `same_interaction` reads (date, names) are compared, and
    only within groups of the same type, parties and host, so a page repeating one sentence hundreds of
    times stays linear."""
    groups: list[list[Mention]] = []
    kinds: dict[tuple[object, ...], list[tuple[list[Mention], dict[tuple[object, ...], Mention]]]] = {}
    for mention in mentions:
        for group, distinct in kinds.setdefault(kind_of(mention), []):
            if all(same_interaction(mention, other) for other in distinct.values()):
                group.append(mention)
                distinct.setdefault(reading_of(mention), mention)
                break
        else:
            groups.append([mention])
            kinds[kind_of(mention)].append((groups[-1], {reading_of(mention): mention}))
    return groups


def kind_of(mention: Mention) -> tuple[object, ...]:
    """What two mentions of one interaction always share: type, parties and, for a visit, the host."""
    host = mention.host.country if mention.type == "visit" and mention.host else None
    return (mention.type, frozenset(affiliations(mention.parties)), host)


def reading_of(mention: Mention) -> tuple[object, ...]:
    """The rest of what `same_interaction` compares: the date and the people named."""
    return (
        mention.date.value if mention.date else None,
        frozenset(p.name for p in mention.parties if p.name),
    )


def best_date(group: list[Mention]) -> EventDate | None:
    dates = [m.date for m in group if m.date]
    stated = [d for d in dates if d.source not in BORROWED_SOURCES]
    if group[0].type == "visit" and stated:
        return trip_date(stated)
    return max(
        dates,
        key=lambda d: (
            d.source not in BORROWED_SOURCES,
            PRECISION_RANK.get(d.precision or "", 0),
        ),
        default=None,
    )


def to_span(span: SpacySpan) -> Span:
    """A record span without the line breaks and spaces a sentence may carry at its ends."""
    text = span.text
    start = span.start_char + (len(text) - len(text.lstrip()))
    return Span(start, start + len(text.strip()), text.strip())


def discussion(group: list[Mention], evidence: list[SpacySpan]) -> str:
    """What the talks covered: the event's own sentences, and for meetings and calls also every sentence
    that names one of its people (readouts list the topics after the opening line)."""
    sentences = {s.start: s for s in evidence}
    if group[0].type in ("meet", "call"):
        actors = {id(p.actor): p.actor for m in group for p in m.parties if p.actor is not None}
        for actor in actors.values():
            sentences.update((mention.sent.start, mention.sent) for mention in actor.mentions)
    return " ".join(sentences[k].text for k in sorted(sentences))


def is_sentence(span: SpacySpan) -> bool:
    """A full sentence states an event better than a headline does."""
    return span.text.rstrip().endswith((".", "!", "?", "”", '"', "’"))


def signing(span: SpacySpan) -> bool:
    """Of an agreement's sentences the most concrete is a signing."""
    return any(w in span.text.lower() for w in SIGNING_WORDS)


def naming_span(party: Party) -> SpacySpan | None:
    """Where the text names a participant: the party's own mention when it holds a word of the name, else
    the nearest mention of the same person that does ("Minister" found the party; "Ana Rojas" names her)."""
    mention = party.mention
    if party.actor is None or mention is None or not party.name:
        return mention
    words = {w.lower() for w in party.name.split()}
    if words & {t.lower_ for t in mention}:
        return mention
    named = [m for m in party.actor.mentions if words & {t.lower_ for t in m}]
    if not named:
        return mention
    return min(
        named,
        key=lambda m: (
            m.start < mention.sent.start or m.start >= mention.sent.end,
            abs(m.start - mention.start),
        ),
    )


def affiliation_evidence(
    party: Party, evidence: list[SpacySpan]
) -> tuple[str | None, tuple[AffiliationConflict, ...]]:
    """Where a party's affiliation was read and the weaker evidence that disagreed. Words about the person
    count as the sentence's only in a sentence stating the event; elsewhere they are the page's. A party
    no person stands for is the state itself, or an official the sentence names by country ("Qatar's
    foreign minister"), else one the page ties to a country."""
    if party.affiliation is None:
        return None, ()
    sentences = {s.sent.start for s in evidence}
    actor = party.actor
    if actor is not None and actor.affiliation == party.affiliation:
        source = actor.affiliation_source
        at = actor.affiliation_at
        if source == "sentence" and at is not None and at.sent.start not in sentences:
            source = "page"
        return source, tuple(actor.affiliation_conflicts)
    if party.counterpart:
        return "counterpart", ()
    if party.role is None:
        return "state", ()
    named_here = any(affiliation_of_token(t) == party.affiliation for s in evidence for t in s.sent)
    return ("sentence" if named_here else "page"), ()


def build_event(group: list[Mention]) -> Event:
    first = group[0]
    parties = unique([p for m in group for p in m.parties])
    evidence = [s for m in group for s in m.evidence]
    evidence.sort(key=lambda s: (not is_sentence(s), first.type == "agree" and not signing(s)))
    location = next((m.location for m in group if m.location and m.location.city), None) or next(
        (m.location for m in group if m.location), Location()
    )
    spans = list(dict.fromkeys(to_span(s) for s in evidence))
    modality = first.trigger.modality
    plover = PLOVER[first.type] if modality is None else Plover(PLOVER[first.type].code, modality)
    return Event(
        type=first.type,
        plover=plover,
        date=best_date(group) or EventDate(),
        location=location,
        participants=tuple(
            Participant(
                p.name,
                p.role,
                p.affiliation,
                to_span(span) if (span := naming_span(p)) else None,
                *affiliation_evidence(p, evidence),
            )
            for p in parties
        ),
        evidence=tuple(spans),
        topics=find_topics(discussion(group, evidence)),
        asserted=modality is None,
    )
