"""Context: completing mentions from the rest of the page.

"The two ministers agreed" borrows its parties from the meeting it follows; a visit with no host named takes
the country of the meeting it belongs to; a meeting in one participant's own country implies the other
side's visit. When each mention happened is `timing`'s.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import Actor, Cast, left_window
from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.descriptions import someone_else
from accord.extraction.lexicon import (
    ATTEND_CUES,
    CREDENTIAL_WORDS,
    EARLIER_OCCASION,
    GENERIC_TALK,
    HEADS,
    HOME_NOUNS,
    JOINING_VERBS,
    ONE_OCCASION,
    ONE_SIDED,
    RECEIVING_VERBS,
    RESIDENT_ROLES,
    RETELLING_DETERMINERS,
    SEVERAL_OCCASIONS,
)
from accord.extraction.mentions import Mention, met_one_by_one, split_separate
from accord.extraction.merging import VISIT_DAYS, is_sentence
from accord.extraction.parties import (
    Party,
    affiliations,
    office_counted,
    one_subject,
    states_as_subject,
    subject_tokens,
    unique,
)
from accord.extraction.syntax import ancestors, possessors, third_party
from accord.extraction.timing import borrowed_day, compatible_dates, months_apart, same_trip
from accord.gazetteer import seat_of
from accord.records import EventDate, Location

JOIN_REACH = 3  # sentences after a meeting within which a side may be said to have joined it


def nearest_interaction(mention: Mention, interactions: list[Mention]) -> Mention | None:
    """The meeting or call a mention most likely belongs to: same sentence, then earlier, then later."""
    wanted = affiliations(mention.parties)
    # "the previous gathering", "their last meeting": an earlier occasion of the sides just told
    back = mention.plural or any(
        c.dep_ in ("amod", "advmod") and c.lower_ in EARLIER_OCCASION for c in mention.trigger.token.children
    )
    # "Safadi … met the new Syrian leadership" on another day, or "a charter signed in 2019", is another
    # occasion: a mention with a date of its own borrows only from an interaction of that date, unless it
    # refers back to the people of one ("the two had last met in February")
    if not back:
        interactions = [
            m for m in interactions if compatible_dates(m.date, mention.date) or same_trip(m, mention)
        ]
    if not interactions:
        return None
    if mention.sides:
        interactions = [m for m in interactions if len(affiliations(m.parties)) == mention.sides]
    named = wanted or named_states(mention.sentence)
    fitting = [m for m in interactions if named <= affiliations(m.parties)] or (
        interactions if not named or back else []
    )
    if back and not wanted:  # "the two ministers" point back to people already named
        fitting = [m for m in fitting if m.order <= mention.order]
    office = office_counted(mention.trigger.token)  # "the two foreign ministers": not the president's talks
    if office is not None:
        fitting = [m for m in fitting if all(p.role == office for p in m.parties if p.name)] or fitting
    if not fitting:
        return None
    # an undated "the two sides" on a page about one occasion means its sides, not a pair the page recalls
    # from months before ("recalling that the presidents held talks in September 2024 …")
    recalled = back and mention.date is None
    first = min(interactions, key=lambda m: (m.date is None, m.order)) if recalled else None
    lead = first.date if first is not None else None  # the first day the page tells
    # "Party chiefs hold phone talks", then a meeting and a call of theirs: the call
    return min(
        fitting,
        key=lambda m: (
            months_apart(m.date, lead) > 1,
            m.type != mention.type and mention.type == "call",
            m.order > mention.order,
            abs(m.order - mention.order),
        ),
    )


def named_states(sentence: SpacySpan) -> frozenset[str]:
    """The states a sentence names as more than a place ("Sudan, South Sudan sign deal at AU headquarters",
    not "talks in Kabul"): the occasion it tells must be theirs, even where the parse found no side."""
    codes = {
        affiliation_of_token(t)
        for t in sentence
        if t.ent_type_ == "GPE" and t.ent_iob_ == "B" and not (t.dep_ == "pobj" or t.head.dep_ == "pobj")
    }
    return frozenset(code for code in codes if code)


def retellings(doc: Doc, nouns: dict[str, str], tag: str) -> set[tuple[int, str]]:
    """The sentences (by order) that retell an occasion as several ("These meetings also offered …", "In
    the calls, …") or as one ("The meeting covered …"), by the nouns and tag asked for, with its kind."""
    return {
        (order, nouns[token.lower_])
        for order, sentence in enumerate(doc.sents)
        for token in sentence
        if token.tag_ == tag
        and token.lower_ in nouns
        and any(c.dep_ in ("det", "predet") and c.lower_ in RETELLING_DETERMINERS for c in token.children)
    }


def split_retold_as_several(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """ "The Secretary General met A of X, B of Y and C of Z. … These meetings also …": an occasion the
    page goes on to call several was one with each of the sides its subject met. So was one where a
    person met people of several countries listed together, unless the page goes on to call it one ("The
    meeting covered …")."""
    several = retellings(doc, SEVERAL_OCCASIONS, "NNS")
    one = retellings(doc, ONE_OCCASION, "NN")

    def told_after(mention: Mention, retold_at: set[tuple[int, str]]) -> bool:
        return any((mention.order + step, mention.type) in retold_at for step in range(1, JOIN_REACH + 1))

    def retold(mention: Mention) -> bool:
        return told_after(mention, several) or (met_one_by_one(mention) and not told_after(mention, one))

    def sides(mention: Mention) -> tuple[object, ...]:
        return mention.order, mention.type, frozenset(affiliations(mention.parties))

    told = [retold(m) for m in mentions]
    parts = [split_separate(m) if t else [m] for m, t in zip(mentions, told, strict=True)]
    split = {sides(m) for m, found in zip(mentions, parts, strict=True) if len(found) > 1}
    # "met A, B and C … at the meeting": the sentence's other trigger of that occasion, whose subject names
    # no side to split by, is told by the meetings just split
    return [
        p
        for m, t, found in zip(mentions, told, parts, strict=True)
        for p in found
        if len(found) > 1 or not t or sides(m) not in split
    ]


def join_occasions(mentions: list[Mention]) -> list[Mention]:
    """ "The meeting was chaired by X. Attending were A, B and C"; "D was represented by its deputy
    minister": who joins the meeting just reported is one of its parties, not a meeting of their own."""
    kept: list[Mention] = []
    for mention in mentions:
        earlier = [
            i
            for i, m in enumerate(kept)
            if m.type in ("meet", "call") and 0 < mention.order - m.order <= JOIN_REACH
        ]
        if not (earlier and mention.parties and joins_an_occasion(mention.trigger.token)):
            kept.append(mention)
            continue
        at = kept[max(earlier, key=lambda i: (kept[i].order, bool(kept[i].parties)))]
        # every trigger of that occasion ("held a video call"): the roll call joins them all, or the ones
        # it missed stay a smaller occasion of their own
        for i in earlier:
            joined = kept[i]
            if (joined.order, joined.type, bool(joined.parties)) == (at.order, at.type, bool(at.parties)):
                kept[i] = replace(
                    joined,
                    parties=unique(joined.parties + mention.parties),
                    evidence=[*joined.evidence, mention.sentence],
                )
    return kept


def joins_an_occasion(trigger: Token) -> bool:
    """ "was represented by", "also attended the talks", "participated in the meeting"."""
    if trigger.lower_ in JOINING_VERBS:
        return True
    verb = next((t for t in ancestors(trigger) if t.pos_ == "VERB"), None)
    return (
        verb is not None and verb.lower_ in JOINING_VERBS and any(c.lower_ == "the" for c in trigger.children)
    )


def complete_parties(
    mention: Mention, interactions: list[Mention], signings: tuple[Mention, ...] = ()
) -> None:
    """An agreement or meeting with fewer than two sides takes them from the interaction it belongs to;
    "the two leaders held talks" after only an agreement the leaders reached, from that agreement."""
    if mention.type == "visit" or mention in interactions:
        return
    if len(affiliations(mention.parties)) >= 2 and all(p.name for p in mention.parties):
        return
    if one_sided(mention):
        return
    context = nearest_interaction(mention, interactions)
    told_before = [m for m in interactions if m.order <= mention.order]
    if context is None and mention.plural and not mention.parties and not told_before:
        context = nearest_interaction(mention, [m for m in signings if m.order < mention.order])
    if context is not None:
        sides = affiliations(mention.parties)
        # "Kenya and Tanzania signed": the meeting names their leaders, and adds no host as a third side
        lent = [p for p in context.parties if len(sides) < 2 or p.affiliation in sides]
        lent = [p for p in lent if not witnessed(p, mention)]
        if len(sides) == 1:  # "Malaysia's Prime Minister received the two ministers": not its other minister
            offices = {(p.affiliation, p.role) for p in mention.parties if not p.name and p.role}
            lent = [p for p in lent if not any(c == p.affiliation and r != p.role for c, r in offices)]
        if states_as_subject(mention.trigger.token) and not any(p.name for p in mention.parties):
            lent = [Party(None, None, code) for code in dict.fromkeys(p.affiliation for p in lent) if code]
        mention.parties = unique(mention.parties + lent)
        mention.context = context
        if mention.type == "agree" and context.type == "call":
            mention.location = None
        if compatible_dates(mention.date, context.date):  # "the two last met in April 2022": not there
            mention.location = mention.location or context.location
        mention.date = mention.date or context.date


def witnessed(party: Party, mention: Mention) -> bool:
    """ "The declaration was signed by the two leaders and witnessed by X": X, a side of the talks before,
    is no side of the signing the two leaders are borrowed for."""
    sentence = mention.sentence
    return party.actor is not None and any(
        sentence.start <= m.start < sentence.end and third_party(m) for m in party.actor.mentions
    )


def complete_credentials(mentions: list[Mention]) -> None:
    """ "The first to present credentials was the Ambassador of Thailand": each ambassador of a credentials
    ceremony meets the head of state the page says received them."""
    ceremony = [m for m in mentions if m.trigger.token.lower_ in CREDENTIAL_WORDS]
    hosts = unique([p for m in ceremony for p in m.parties if p.name and (p.role or "") in HEADS])
    for mention in ceremony:
        sides = affiliations(mention.parties)
        host = next((p for p in hosts if p.affiliation and p.affiliation not in sides), None)
        if len(sides) == 1 and host is not None:
            mention.parties = unique([host, *mention.parties])


def visits_to_where_the_page_stands(
    mentions: list[Mention], home: str | None, filed_in: Location | None
) -> None:
    """A visit told from where the page stands: "arrived here" came to the dateline's place; a government
    release's guest "on an official visit to our country" came to the publisher's country."""
    for mention in mentions:
        token = mention.trigger.token
        if mention.type != "visit" or mention.host is not None:
            continue
        ours = any(
            t.lower_ in HOME_NOUNS and any(c.dep_ == "poss" and c.lower_ == "our" for c in t.children)
            for t in token.subtree
        )
        here = any(c.dep_ == "advmod" and c.lower_ == "here" for c in token.children)
        if ours and home is not None:
            mention.host = host_location(home)
        elif here and filed_in is not None and filed_in.country is not None:
            mention.host = filed_in


def host_location(code: str) -> Location:
    """Where a visit to a country or organisation goes: an organisation's headquarters, in its country."""
    seat = seat_of(code)
    return Location(*seat) if seat else Location(country=code)


def complete_visit(mention: Mention, interactions: list[Mention]) -> None:
    """Visitors are the travellers, not the hosts; a host left unnamed comes from the meeting context."""
    context = nearest_interaction(replace(mention, parties=[]), interactions)
    explicit_only = mention.trigger.token.lower_ in ("tour", "trip", "toured", "touring")
    owners = possessors(mention.trigger.token)
    travelling = {  # named there, not only described ("during the minister's visit")
        p.affiliation
        for p in mention.parties
        if p.name and p.mention and p.mention.start in owners and p.mention.root.pos_ == "PROPN"
    }
    states = {p.affiliation for p in mention.parties if p.name is None and p.role is None and p.affiliation}
    states -= travelling
    if mention.host is None and travelling and len(states) == 1:
        # "Chile and Peru signed deals during President Rojas's visit": the other state hosts his visit
        mention.host = host_location(next(iter(states)))
    if mention.host is None and context is not None and not explicit_only:
        travellers = affiliations(mention.parties)
        hosts = affiliations(context.parties) - travellers
        if context.location and context.location.country and context.location.country not in travellers:
            mention.host = context.location
        elif len(hosts) == 1:
            mention.host = host_location(next(iter(hosts)))
    host = mention.host.country if mention.host else None
    subject = subject_tokens(mention.trigger.token)
    visitors = [p for p in mention.parties if p.affiliation and p.affiliation != host]
    in_subject = [p for p in visitors if p.mention is not None and p.mention.start in subject]
    mention.parties = in_subject or visitors
    if not mention.parties and context is not None:
        mention.parties = [p for p in context.parties if p.affiliation and p.affiliation != host]
    if context is not None and mention.date is None and context.date is not None:
        mention.date = borrowed_day(mention, context.date)
    mention.location = mention.host


def multilateral_trip(mention: Mention, interactions: list[Mention]) -> bool:
    """A trip "to attend" a summit in a third country is not a visit to that country."""
    text = mention.sentence.text.lower()
    host = mention.host.country if mention.host else None
    met_host = any(host in affiliations(m.parties) for m in interactions)
    return any(cue in text for cue in ATTEND_CUES) and not met_host


def implied_visits(interactions: list[Mention]) -> list[Mention]:
    """Meeting someone in their own country, or at their organisation's headquarters ("met the ASEAN
    Secretary-General in Jakarta"), means travelling there: one visit per visiting delegation."""
    visits = []
    for meeting in interactions:
        if meeting.type != "meet" or meeting.location is None or meeting.location.country is None:
            continue
        if meeting.place_borrowed:
            continue  # "Earlier this week, Wang met …", placed only by the nearest meeting: no known trip
        host = meeting.location.country
        sides = affiliations(meeting.parties)
        seated = {org for org in sides if (seat := seat_of(org)) and seat[1] == host}
        if host not in sides and not seated:
            continue  # a third-country venue is no visit to anyone present
        # at an organisation's headquarters, the states' delegations are its visitors
        visiting = sorted(code for code in sides - {host} - seated if not seated or seat_of(code) is None)
        for code in visiting:
            visitors = [p for p in meeting.parties if p.affiliation == code and p.role not in RESIDENT_ROLES]
            if not visitors:
                continue  # an ambassador received at the ministry lives there: no visit
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


def retype_calls(mentions: list[Mention]) -> None:
    """ "Their 35-minute conversation" in a story about a phone call is the call, not a meeting; so is a
    headline's "presidents meet" over a story that tells only their call."""
    calls = [m for m in mentions if m.type == "call"]

    def over_a_call(mention: Mention) -> bool:
        return any(
            affiliations(c.parties) == affiliations(mention.parties)
            and compatible_dates(c.date, mention.date)
            for c in calls
        )

    for mention in mentions:
        if mention.type == "meet" and mention.trigger.token.lower_ in GENERIC_TALK and over_a_call(mention):
            mention.type = "call"
    told = {affiliations(m.parties) for m in mentions if m.type == "meet" and is_sentence(m.sentence)}
    for mention in mentions:
        headline = not is_sentence(mention.sentence)
        if (
            mention.type == "meet"
            and headline
            and affiliations(mention.parties) not in told
            and over_a_call(mention)
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


def name_unnamed(mentions: list[Mention], cast: Cast) -> None:
    """ "India and Egypt signed", "the presidents of Angola and Burundi held a video conference": when the
    page names exactly one official of a country, the unnamed side is that official, unless the mention
    carries a date of its own that none of that official's other mentions fits ("in 2023 the two
    countries signed …" keeps its unnamed sides)."""
    officials: dict[str, list[Actor]] = {}
    untitled: dict[str, list[Actor]] = {}  # people of a country the page gives no office
    for actor in cast.actors:
        if actor.affiliation:
            (officials if actor.role else untitled).setdefault(actor.affiliation, []).append(actor)
    dates: dict[str, list[EventDate | None]] = {}
    for mention in mentions:
        for party in mention.parties:
            if party.name:
                dates.setdefault(party.name, []).append(mention.date)
    for mention in mentions:
        named = []
        for party in mention.parties:
            found = officials.get(party.affiliation or "", [])
            if party.counterpart and party.role:  # "his Chinese counterpart": who holds the same office
                found = [a for a in found if a.role == party.role] or untitled.get(
                    party.affiliation or "", []
                )
            fits = len(found) == 1 and (
                mention.date is None
                or any(  # the same day, or a day of the official's trip
                    compatible_dates(mention.date, d) or during_trip(mention.date, d)
                    for d in dates.get(found[0].name, [None])
                )
            )
            fits = fits and not (party.mention is not None and describes_someone_else(party.mention))
            # "the defence ministers of Lithuania and Poland" are not the presidents the page names
            fits = fits and not (
                party.role and found[0].role and (party.role in HEADS) != (found[0].role in HEADS)
            )
            named.append(Party.of(found[0], party.mention) if not party.name and fits else party)
        mention.parties = unique(named)


def describes_someone_else(mention: SpacySpan) -> bool:
    """ "a Surinamese Head of State": an unnamed official who is not the one the page names."""
    doc = mention.doc
    return someone_else(doc[left_window(doc, mention.start).start : mention.end])


def fill_locations(
    mentions: list[Mention], dateline: Location | None, datelines: list[tuple[int, Location]]
) -> None:
    """Meetings and agreements without a place of their own take the nearest one's, or a visit's host, or
    the dateline of their own paragraph (a digest's item), else the page's."""
    located = [m for m in mentions if m.location is not None and m.type in ("meet", "agree", "visit")]
    visits = [m for m in mentions if m.type == "visit" and m.host is not None]
    for mention in mentions:
        travelled = [
            v
            for v in visits
            if during_trip(mention.date, v.date)
            and {p.key for p in v.parties} & {p.key for p in mention.parties}
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
                # no day ties it to the occasion it took its place from
                mention.place_borrowed = mention.date is None
            elif not dated_apart(mention):
                start = mention.sentence.start_char
                mention.location = next((at for line, at in reversed(datelines) if line <= start), dateline)
        if mention.location is None and mention.type == "meet":
            mention.location = receivers_home(mention)


def receivers_home(mention: Mention) -> Location | None:
    """ "President X received the delegation" where no place is named: at the receiver's home, or at the
    seat of the organisation the receiver heads."""
    trigger = mention.trigger.token
    if trigger.lower_ not in RECEIVING_VERBS:
        return None
    subject = subject_tokens(trigger)
    if any(c.dep_ == "agent" for c in trigger.children):  # "was received by the emir": the receiver
        subject = {t.i for c in trigger.children if c.dep_ == "agent" for t in c.subtree}
    hosts = {p.affiliation for p in mention.parties if p.mention is not None and p.mention.root.i in subject}
    home = hosts.pop() if len(hosts) == 1 else None
    return host_location(home) if home else None


def dated_apart(mention: Mention) -> bool:
    """ "The two last met in April 2022": an occasion the sentence dates to a month or year of its own, which
    the story's dateline does not place."""
    own = mention.date
    return own is not None and own.source == "absolute" and own.precision in ("month", "year")


def during_trip(day: EventDate | None, arrival: EventDate | None) -> bool:
    """Whether talks fall within a trip that began on `arrival` (the same day, or within a week after)."""
    if day == arrival:
        return True
    if day is None or arrival is None or not (day.value and arrival.value):
        return False
    try:
        return 0 <= (date.fromisoformat(day.value) - date.fromisoformat(arrival.value)).days <= VISIT_DAYS
    except ValueError:  # partial dates
        return False


def drop_unaffiliated(mentions: list[Mention]) -> None:
    """A party with no known country or organisation cannot be placed in a dyad: leave it out."""
    for mention in mentions:
        mention.parties = [p for p in mention.parties if p.affiliation]


def counterpart_roles(mentions: list[Mention]) -> None:
    """ "his Finnish counterpart Elina Valtonen" holds the same office as the person it is set against."""
    for mention in mentions:
        roles = [p.role for p in mention.parties if p.role and not p.counterpart]
        if roles:
            mention.parties = [
                replace(p, role=roles[0]) if p.counterpart and not p.role else p for p in mention.parties
            ]


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
    if mention.type == "agree" and one_sided(mention):
        return False
    return len(affiliations(mention.parties)) >= 2


def one_sided(mention: Mention) -> bool:
    """ "The Nigerian leader pledged to support …", "the Kazakh minister reaffirmed his country's commitment
    and assured X of support": one side's promise or confirmation is no agreement, whoever else is named."""
    token = mention.trigger.token
    alone = one_subject(token) or (len(mention.parties) == 1 and not mention.plural)
    return token.lower_ in ONE_SIDED and alone


def per_visiting_country(mention: Mention) -> list[Mention]:
    """ "Mammadli and Beridze-Tsiklauri arrived in Kars": one visit for each visiting country. An
    organisation's officials at its own seat ("received at the AU Headquarters the minister, who is on a
    visit to Ethiopia") are hosts there, not visitors, and visit nobody."""
    if mention.type != "visit" or mention.host is None:
        return [mention]
    sides = affiliations(mention.parties)
    at_home = {mention.host.country} | {
        code for code in sides if (seat := seat_of(code)) and seat[1] == mention.host.country
    }
    visitors = sides - at_home
    if not visitors:
        return []  # a trip at home, or an organisation's chair at its own headquarters: no visit abroad
    if at_home & sides:
        mention = replace(mention, parties=[p for p in mention.parties if p.affiliation in visitors])
    if len(visitors) < 2:
        return [mention]
    return [
        replace(mention, parties=[p for p in mention.parties if p.affiliation == code])
        for code in sorted(visitors)
    ]


def without_someone_else(mention: Mention) -> Mention:
    """ "A previous Norwegian prime minister visited Japan": an unnamed official described as somebody
    other than the office holder cannot be placed in the record, so that side is dropped."""
    return replace(
        mention,
        parties=[
            p for p in mention.parties if p.name or p.mention is None or not describes_someone_else(p.mention)
        ],
    )


def has_sides(mention: Mention) -> bool:
    """A visit needs its visitors; every other event two parties of their own."""
    if mention.type == "visit":
        return bool(mention.parties)
    return len(affiliations(mention.parties)) >= 2
