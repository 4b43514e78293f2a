"""Events: from triggers and parties to one `Event` per real-world interaction in an article.

Each trigger in a sentence becomes a mention; mentions that lean on context ("the two agreed", a visit
with no host named) borrow parties, date and place from the nearest meeting or call; implied visits
are added for meetings held in one participant's own country; then mentions of the same interaction
are merged, so a meeting reported in five sentences is one event with five pieces of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.actors import Cast
from accord.dates import is_future_expression, resolve_date
from accord.parties import (
    Party,
    affiliations,
    ancestors,
    clause_root,
    in_side_clause,
    owned_by_other,
    refers_back,
    sentence_parties,
    subject_tokens,
    unique,
)
from accord.people import find_actors, listed_together
from accord.places import dateline_location, host_of_visit, sentence_location
from accord.records import CleanedDocument, Event, EventDate, Extraction, Location, Participant, Plover, Span
from accord.topics import find_topics
from accord.triggers import Trigger, find_triggers, has_to

PLOVER = {
    "meet": Plover("CONSULT", "meet"),
    "call": Plover("CONSULT", "phone"),
    "visit": Plover("CONSULT", "visit"),
    "agree": Plover("AGREE"),
}
NOT_EVENT_DATE = {"since", "until", "till", "by", "before", "ahead", "after", "through"}
ATTEND_CUES = ("to attend", "to participate", "attending", "for the summit", "to take part")
REPORTING_VERBS = set("said says say told announced reported stated added noted confirmed".split())
VISIT_DAYS = 7  # one trip, reported over several days ("July 28-30"), is one visit
GENERIC_TALK = {"talks", "conversation", "meeting", "discussions", "talked", "consultations"}
LEAD_SENTENCES = 4
SIGNING_WORDS = ("signed", "signing", "sign ", "inked")


@dataclass
class Mention:
    """One trigger's reading of one sentence, completed from context before merging."""

    type: str
    trigger: Trigger
    sentence: SpacySpan
    order: int
    parties: list[Party]
    date: EventDate | None
    location: Location | None
    host: Location | None = None
    plural: bool = False
    evidence: list[SpacySpan] = field(default_factory=list)
    context: Mention | None = None  # the interaction this mention borrowed its parties from

    @property
    def interaction(self) -> bool:
        return self.type in ("meet", "call") and len(affiliations(self.parties)) >= 2


def date_of_trigger(entity: SpacySpan, trigger: Token) -> bool:
    """Whether a date phrase hangs on the trigger's own clause: its nearest verb is the trigger, the verb
    carrying it, one of their governors, or a clause on the trigger itself ("the talks, which took place
    on Monday") — not a clause about someone ("who was inaugurated in April") or a report ("said Friday")."""
    verb = next((t for t in ancestors(entity.root) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return True
    if verb.lower_ in REPORTING_VERBS and verb.i != trigger.i:
        return False
    anchors = {trigger.i, clause_root(trigger).i, *(t.i for t in ancestors(trigger))}
    return verb.i in anchors or verb.head.i == trigger.i


def sentence_date(
    sentence: SpacySpan, trigger: Trigger, published: str | None, triggers: set[int]
) -> EventDate | None:
    """The date the sentence gives its event: the nearest date phrase that is not "since …" or a plan."""
    doc = sentence.doc
    best: tuple[int, EventDate] | None = None
    for entity in sentence.ents:
        if entity.label_ not in ("DATE", "TIME"):
            continue
        before = doc[entity.start - 1].lower_ if entity.start > sentence.start else ""
        if before in NOT_EVENT_DATE or is_future_expression(entity.text, published):
            continue
        if in_side_clause(entity.root, trigger.token):
            continue  # "since the diplomat took office last month": that date is not the event's
        if any(t.tag_ == "VB" and t.i != trigger.token.i and has_to(t) for t in ancestors(entity.root)[:3]):
            continue  # "agreed to strengthen the partnership in 2019": the date of the plan, not the talks
        if not date_of_trigger(entity, trigger.token):
            continue  # "his guest, who was inaugurated in April", "the ministry said Friday"
        if owned_by_other(entity, trigger.token, triggers):
            continue  # "the meeting … since Misri's visit last December": that date is the visit's
        phrase = f"{before} {entity.text}" if before in ("on", "in", "late", "early", "last") else entity.text
        resolved = resolve_date(phrase, published)
        if resolved is None or resolved.value is None:
            continue
        distance = abs(entity.start - trigger.token.i)
        if best is None or distance < best[0]:
            best = (distance, resolved)
    return best[1] if best else None


def split_listed(mention: Mention) -> list[Mention]:
    """ "met his counterparts from A, B and C", or "met X and Y" of one country: separate meetings."""
    listed = [p for p in mention.parties if p.listed]
    if len(listed) < 2:
        by_country: dict[str, list[Party]] = {}
        for party in mention.parties:
            if party.name and party.affiliation and party.mention is not None:
                by_country.setdefault(party.affiliation, []).append(party)
        listed = next(
            (
                group
                for group in by_country.values()
                if len(group) > 1 and conjoined(group) and mention.type == "meet"
            ),
            [],
        )
    if len(listed) < 2:
        return [mention]
    rest = [p for p in mention.parties if p not in listed]
    return [replace(mention, parties=[*rest, party]) for party in listed]


def conjoined(parties: list[Party]) -> bool:
    """Whether people are listed together as the objects of talks ("met with X and Y")."""
    first, *rest = parties
    return first.actor is not None and all(
        p.mention is not None and listed_together(p.mention, first.actor) for p in rest
    )


def read_sentences(doc: Doc, cast: Cast, published: str | None) -> tuple[list[Mention], list[Mention]]:
    """Asserted and unasserted mentions, in reading order."""
    asserted, unasserted = [], []
    for order, sentence in enumerate(doc.sents):
        triggers = find_triggers(sentence)
        positions = {t.token.i for t in triggers}
        for trigger in triggers:
            token = trigger.token
            mention = Mention(
                trigger.type,
                trigger,
                sentence,
                order,
                sentence_parties(sentence, token, cast, positions),
                sentence_date(sentence, trigger, published, positions),
                sentence_location(sentence, token, positions),
                plural=refers_back(token),
                evidence=[sentence],
            )
            if trigger.type == "visit":
                mention.host = host_of_visit(sentence, token)
            (unasserted if trigger.modality else asserted).extend(split_listed(mention))
    return asserted, unasserted


def nearest_interaction(mention: Mention, interactions: list[Mention]) -> Mention | None:
    """The meeting or call a mention most likely belongs to: same sentence, then earlier, then later."""
    if not interactions:
        return None
    wanted = affiliations(mention.parties)
    fitting = [m for m in interactions if wanted <= affiliations(m.parties)] or (
        interactions if not wanted or mention.plural else []
    )
    if not fitting:
        return None
    return min(fitting, key=lambda m: (m.order > mention.order, abs(m.order - mention.order)))


def complete_parties(mention: Mention, interactions: list[Mention]) -> None:
    """An agreement or meeting with fewer than two sides takes them from the interaction it belongs to."""
    if mention.type == "visit" or mention in interactions:
        return
    if len(affiliations(mention.parties)) >= 2 and all(p.name for p in mention.parties):
        return
    context = nearest_interaction(mention, interactions)
    if context is not None:
        mention.parties = unique(mention.parties + context.parties)
        mention.context = context
        if mention.type == "agree" and context.type == "call":
            mention.location = None
        mention.date = mention.date or context.date
        mention.location = mention.location or context.location


def complete_visit(mention: Mention, interactions: list[Mention]) -> None:
    """Visitors are the travellers, not the hosts; a host left unnamed comes from the meeting context."""
    context = nearest_interaction(replace(mention, parties=[]), interactions)
    explicit_only = mention.trigger.token.lower_ in ("tour", "trip", "toured", "touring")
    if mention.host is None and context is not None and not explicit_only:
        travellers = affiliations(mention.parties)
        hosts = affiliations(context.parties) - travellers
        if context.location and context.location.country and context.location.country not in travellers:
            mention.host = context.location
        elif len(hosts) == 1:
            mention.host = Location(country=next(iter(hosts)))
    host = mention.host.country if mention.host else None
    subject = subject_tokens(mention.trigger.token)
    visitors = [p for p in mention.parties if p.affiliation and p.affiliation != host]
    in_subject = [p for p in visitors if p.mention is not None and p.mention.start in subject]
    mention.parties = in_subject or visitors
    if not mention.parties and context is not None:
        mention.parties = [p for p in context.parties if p.affiliation and p.affiliation != host]
    if context is not None:
        mention.date = mention.date or context.date
    mention.location = mention.host


def multilateral_trip(mention: Mention, interactions: list[Mention]) -> bool:
    """A trip "to attend" a summit in a third country is not a visit to that country."""
    text = mention.sentence.text.lower()
    host = mention.host.country if mention.host else None
    met_host = any(host in affiliations(m.parties) for m in interactions)
    return any(cue in text for cue in ATTEND_CUES) and not met_host


def implied_visits(interactions: list[Mention]) -> list[Mention]:
    """Meeting someone in their own country means travelling there: one visit per visiting delegation."""
    visits = []
    for meeting in interactions:
        if meeting.type != "meet" or meeting.location is None or meeting.location.country is None:
            continue
        host = meeting.location.country
        if host not in affiliations(meeting.parties):
            continue  # a third-country venue is no visit to anyone present
        for code in sorted(affiliations(meeting.parties) - {host}):
            visitors = [p for p in meeting.parties if p.affiliation == code]
            visits.append(
                replace(
                    meeting,
                    type="visit",
                    parties=visitors,
                    host=meeting.location,
                    evidence=list(meeting.evidence),
                )
            )
    return visits


def lead_date(doc: Doc, published: str | None) -> EventDate | None:
    """The day a story's opening sentences give: what an undated sentence later in it usually means."""
    for sentence in list(doc.sents)[:LEAD_SENTENCES]:
        if sentence.root.pos_ not in ("VERB", "AUX"):
            continue  # a date line or caption credit, not a sentence about what happened
        for entity in sentence.ents:
            if entity.label_ != "DATE" or is_future_expression(entity.text, published):
                continue
            resolved = resolve_date(entity.text, published)
            if resolved is not None and resolved.precision == "day":
                return replace(resolved, source="lead")
    return None


def related(dated: Mention, mention: Mention) -> bool:
    """Whether a dated mention concerns the same occasion: for a visit, something in the host country."""
    if mention.type == "visit" and mention.host is not None and mention.host.country:
        host = mention.host.country
        return host in affiliations(dated.parties) or (
            dated.location is not None and dated.location.country == host
        )
    return bool(affiliations(dated.parties) & affiliations(mention.parties))


def fill_dates(mentions: list[Mention], published: str | None, lead: EventDate | None) -> None:
    """A mention without a date of its own takes the nearest day-dated mention's, else the story's lead
    date, else the publication day; background dates ("in 2019") never spread to other sentences."""
    dated = [m for m in mentions if m.date is not None and m.date.precision == "day"]
    for mention in mentions:
        if mention.date is None and mention.context is not None and mention.context.date is not None:
            mention.date = replace(mention.context.date, source="context")
        if mention.date is not None:
            continue
        if dated:
            near = min(
                dated,
                key=lambda m: (
                    not related(m, mention),
                    abs(m.order - mention.order),
                    m.order > mention.order,
                ),
            )
            mention.date = replace(near.date, source="context")
        elif lead is not None:
            mention.date = lead
        elif published:
            precision = "day" if len(published) == 10 else "month" if len(published) == 7 else "year"
            mention.date = EventDate(published, precision, "published")


def compatible_dates(a: EventDate | None, b: EventDate | None) -> bool:
    """Whether two dates may name the same day: equal, or one a coarser form of the other."""
    if a is None or b is None or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def retype_calls(mentions: list[Mention]) -> None:
    """ "Their 35-minute conversation" in a story about a phone call is the call, not a meeting."""
    calls = [m for m in mentions if m.type == "call"]
    for mention in mentions:
        if mention.type != "meet" or mention.trigger.token.lower_ not in GENERIC_TALK:
            continue
        if any(
            affiliations(c.parties) == affiliations(mention.parties)
            and compatible_dates(c.date, mention.date)
            for c in calls
        ):
            mention.type = "call"


def share_roles(mentions: list[Mention]) -> None:
    """A person's most specific role anywhere on the page is their role everywhere on it."""
    roles: dict[str, str] = {}
    for party in (p for m in mentions for p in m.parties):
        if party.name and party.role and roles.get(party.name) in (None, "minister"):
            roles[party.name] = party.role
    for mention in mentions:
        mention.parties = [
            replace(p, role=roles.get(p.name, p.role)) if p.name else p for p in mention.parties
        ]


def name_unnamed(mentions: list[Mention]) -> None:
    """ "India and Egypt signed": when the page names exactly one official of a country as a party
    elsewhere, the unnamed side is that official."""
    officials: dict[str, set[str]] = {}
    people: dict[str, Party] = {}
    for party in (p for m in mentions for p in m.parties if p.name and p.affiliation):
        officials.setdefault(party.affiliation, set()).add(party.name)
        people[party.name] = party
    for mention in mentions:
        named = []
        for party in mention.parties:
            names = officials.get(party.affiliation or "", set())
            named.append(
                replace(people[next(iter(names))], mention=party.mention)
                if not party.name and len(names) == 1
                else party
            )
        mention.parties = unique(named)


def fill_locations(mentions: list[Mention], dateline: Location | None) -> None:
    """Meetings and agreements without a place of their own take the nearest one's, or a visit's host."""
    located = [m for m in mentions if m.location is not None and m.type in ("meet", "agree", "visit")]
    visits = [m for m in mentions if m.type == "visit" and m.host is not None]
    for mention in mentions:
        travelled = [
            v
            for v in visits
            if v.date == mention.date and {p.key for p in v.parties} & {p.key for p in mention.parties}
        ]
        if mention.location is None and mention.type in ("meet", "agree") and travelled:
            mention.location = travelled[0].host
            continue
        if mention.type == "call":
            mention.location = None
        elif mention.location is None and mention.type in ("meet", "agree"):
            near = [m for m in located if m.date == mention.date] if mention.date else located
            if near:
                mention.location = min(near, key=lambda m: abs(m.order - mention.order)).location
            else:
                mention.location = dateline


def drop_unaffiliated(mentions: list[Mention]) -> None:
    """A party with no known country or organisation cannot be placed in a dyad: leave it out."""
    for mention in mentions:
        mention.parties = [p for p in mention.parties if p.affiliation]


def days_apart(a: str, b: str) -> int:
    """Days between two full dates; a large number when either is partial."""
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
    names_a = {p.name for p in a.parties if p.name}
    names_b = {p.name for p in b.parties if p.name}
    return names_a <= names_b or names_b <= names_a or a.type == "agree"


def merge(mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in mentions:
        for group in groups:
            if all(same_interaction(mention, other) for other in group):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return groups


def best_date(group: list[Mention]) -> EventDate | None:
    ranks = {"day": 3, "month": 2, "year": 1}
    dates = [m.date for m in group if m.date]
    stated = [d for d in dates if d.source not in ("context", "lead", "published")]
    if group[0].type == "visit" and stated:  # a trip is dated to its first reported day
        return min(stated, key=lambda d: (-ranks.get(d.precision or "", 0), d.value or ""))
    return max(
        dates,
        key=lambda d: (d.source not in ("context", "lead", "published"), ranks.get(d.precision or "", 0)),
        default=None,
    )


def to_span(span: SpacySpan) -> Span:
    return Span(span.start_char, span.end_char, span.text)


def build_event(group: list[Mention]) -> Event:
    first = group[0]
    parties = unique([p for m in group for p in m.parties])
    evidence = [s for m in group for s in m.evidence]
    if first.type == "agree":  # the most concrete sentence first: a signing beats "agreed"
        evidence.sort(key=lambda s: not any(w in s.text.lower() for w in SIGNING_WORDS))
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
            Participant(p.name, p.role, p.affiliation, to_span(p.mention) if p.mention else None)
            for p in parties
        ),
        evidence=tuple(spans),
        topics=find_topics(" ".join(s.text for s in spans)),
        asserted=modality is None,
    )


def counterpart_roles(mentions: list[Mention]) -> None:
    """ "his Finnish counterpart Elina Valtonen" holds the same office as the person it is set against."""
    for mention in mentions:
        roles = [p.role for p in mention.parties if p.role and not p.counterpart]
        if roles:
            mention.parties = [
                replace(p, role=roles[0]) if p.counterpart and not p.role else p for p in mention.parties
            ]


def find_events(cleaned: CleanedDocument, doc: Doc) -> Extraction:
    """All asserted events of an article, merged per interaction, plus the unasserted ones kept apart."""
    published = cleaned.published.value
    cast = find_actors(doc)
    asserted, unasserted = read_sentences(doc, cast, published)
    asserted = [m for m in asserted if not announced(m, unasserted)]
    drop_unaffiliated(asserted)
    interactions = [m for m in asserted if m.interaction]
    for mention in asserted:
        if mention.type == "visit":
            complete_visit(mention, interactions)
        else:
            complete_parties(mention, interactions)
    asserted = [m for m in asserted if keep(m, interactions)]
    name_unnamed(asserted)
    fill_dates(asserted, published, lead_date(doc, published))
    retype_calls(asserted)
    fill_locations(asserted, dateline_location(cleaned.text))
    counterpart_roles(asserted)
    share_roles(asserted)
    asserted += implied_visits([m for m in asserted if m.interaction])
    events = [build_event(group) for group in merge(asserted)]
    future = [build_event(group) for group in merge([m for m in unasserted if m.parties])]
    return Extraction(cleaned, tuple(events), tuple(future))


def announced(mention: Mention, unasserted: list[Mention]) -> bool:
    """ "The Prime Minister is visiting Sri Lanka" on a page that says he leaves tomorrow: an undated
    present-progressive act that the same page also states as a plan is the plan."""
    token = mention.trigger.token
    progressive = token.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am") for c in token.children)
    return (
        progressive
        and mention.date is None
        and any(u.type == mention.type and u.trigger.modality == "future" for u in unasserted)
    )


def keep(mention: Mention, interactions: list[Mention]) -> bool:
    if mention.type == "visit":
        return (
            bool(mention.parties)
            and mention.host is not None
            and mention.host.country is not None
            and (not multilateral_trip(mention, interactions))
        )
    return len(affiliations(mention.parties)) >= 2
