"""Mentions: what each trigger in each sentence says on its own — type, parties, date and place.

A mention is the raw reading of one sentence; `accord.extraction.context` completes it from the rest of the page and
`accord.extraction.merging` folds the mentions of one interaction into one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import Cast
from accord.extraction.dates import MONTHS, days_long, first_day, is_future_expression, resolve_date
from accord.extraction.lexicon import (
    AUDIENCES,
    CALENDAR_WORDS,
    EARLIER_OCCASION,
    ENDING_VERBS,
    EVENT_WORDS,
    HABITUAL,
    MEET_FORMS,
    MEETING_NOUNS,
    NOT_EVENT_DATE,
    OTHER_OCCASION,
    PAIR_PRONOUNS,
    REPORTING_VERBS,
    SEPARATELY,
    SEQUENCE_START,
    SETTING_NOUNS,
    SIDE_COUNTS,
    TAKES_EFFECT,
    TOGETHER,
)
from accord.extraction.lists import list_head, listed_together
from accord.extraction.parties import (
    Party,
    affiliations,
    clause_root,
    in_side_clause,
    indefinite_subject,
    owned_by_other,
    refers_back,
    sides_counted,
    subject_tokens,
)
from accord.extraction.placenames import in_dateline
from accord.extraction.places import host_of_visit, sentence_location
from accord.extraction.sides import sentence_parties
from accord.extraction.syntax import ancestors, governing_verb, has_to, phrase_head, possessors, sentence_ents
from accord.extraction.triggers import Trigger, find_triggers
from accord.records import EventDate, EventType, Location


@dataclass
class Mention:
    """One trigger's reading of one sentence, completed from context before merging."""

    type: EventType
    trigger: Trigger
    sentence: SpacySpan
    order: int
    parties: list[Party]
    date: EventDate | None
    location: Location | None
    host: Location | None = None
    plural: bool = False
    sides: int | None = None  # "the two", "both sides", "the four": the interaction referred to has so many
    evidence: list[SpacySpan] = field(default_factory=list)
    context: Mention | None = None  # the interaction this mention borrowed its parties from
    place_borrowed: bool = False  # placed, undated, by the nearest mention that names a place

    @property
    def signing_sides(self) -> bool:
        return self.type == "agree" and len(affiliations(self.parties)) >= 2

    @property
    def interaction(self) -> bool:
        return self.type in ("meet", "call") and len(affiliations(self.parties)) >= 2


def date_of_trigger(entity: SpacySpan, trigger: Token) -> bool:
    """Whether a date phrase hangs on the trigger's own clause: its nearest verb is the trigger, the verb
    carrying it, one of their governors, or a clause on the trigger itself ("the talks, which took place
    on Monday") — not a clause about someone ("who was inaugurated in April") or a report ("said Friday")."""
    if takes_effect(entity):
        return False
    verb = governing_verb(entity.root)
    if verb is None:
        return True
    if verb.lower_ in REPORTING_VERBS and verb.i != trigger.i:
        return False
    anchors = {trigger.i, clause_root(trigger).i, *(t.i for t in governors(trigger))}
    return verb.i in anchors or verb.head.i == trigger.i


def takes_effect(entity: SpacySpan) -> bool:
    """ "Starting Dec. 1, visas are waived": the day a measure begins, which dates no meeting or story."""
    return entity.root.head.lower_ in TAKES_EFFECT


def governors(token: Token) -> list[Token]:
    """The tokens above `token` up to a coordinated verb: in "arrived on Monday and held talks on Tuesday"
    Monday is the arrival's, not the talks'."""
    found, node = [], token
    for above in ancestors(token):  # bounded: a parse with preset sentence starts is not always a tree
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
            break
        found.append(above)
        node = above
    return found


def governed_by_other_time(entity: SpacySpan, trigger: Token) -> bool:
    """Whether a date sits inside a "since …" phrase that hangs between it and the trigger: it dates the
    occasion that phrase names, not the trigger's."""
    above_trigger = {t.i for t in ancestors(trigger)}
    for token in ancestors(entity.root):
        if token.i == trigger.i:
            return False
        if token.lower_ in OTHER_OCCASION and token.dep_ in ("prep", "mark", "advmod"):
            # "… since the summit in Bangkok in December 2023, where they signed a charter": the charter
            # was signed inside that other occasion, so its date is the signing's
            return token.i not in above_trigger
    return False


MONTH_ONLY = re.compile(rf"^(?:{'|'.join(MONTHS)})$", re.IGNORECASE)
DAY_OF_MONTH = re.compile(  # "9 November", "November 9, 2022": a date whatever label the model gave it
    rf"^(?:\d{{1,2}} (?:{'|'.join(MONTHS)})|(?:{'|'.join(MONTHS)}) \d{{1,2}})(?:,? \d{{4}})?$", re.IGNORECASE
)


def reports_the_past(trigger: Token) -> bool:
    """A trigger in the simple past or past perfect ("met", "had met", "held talks"), not a plan."""
    verb = clause_root(trigger)
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children))


DAY_IN_BRACKETS = 5  # "(Feb 15)", "(15 February)": a bracketed day right after a weekday


def date_text(entity: SpacySpan) -> str:
    """A date entity with the month or day the model left out of it: "Sunday 11" + "May" (read as a verb),
    "4" + "December 2025", and without a noun it took in before the date ("the telephone Tuesday"; "this morning" stays whole)."""
    doc = entity.doc
    start = entity.start + (doc[entity.start].pos_ == "DET")
    while start < entity.end - 1 and stray_noun(doc[start]):
        start += 1
    if start == entity.start + 1 or not any(t.lower_ in CALENDAR_WORDS for t in doc[start : entity.end]):
        start = entity.start  # no stray noun before the date: the entity as the model read it
    if entity.end < len(doc) and MONTH_ONLY.match(doc[entity.end].text) and entity[-1].like_num:
        return doc[start : entity.end + 1].text
    day = doc[start - 1] if start > 0 else None
    if day is not None and day.is_digit and len(day.text) <= 2 and MONTH_ONLY.match(doc[start].text):
        return doc[start - 1 : entity.end].text  # "(4 December 2025)": the model left the day out
    end = entity.end
    for comma in (t.i for t in doc[start : entity.end] if t.text == ","):
        if not any(t.like_num for t in doc[comma + 1 : entity.end]):
            end = comma  # "April 2022, weeks (after …)": the model ran on past the date
            break
    if end == entity.end and end + 3 < len(doc) and doc[end].text == "(":
        inside = doc[end + 1 : min(len(doc), end + DAY_IN_BRACKETS)]
        close = next((t.i for t in inside if t.text == ")"), None)
        bracketed = doc[end + 1 : close] if close is not None else doc[end:end]
        if any(MONTH_ONLY.match(t.text) for t in bracketed) and not any(t.ent_type_ for t in bracketed):
            return doc[start : bracketed.end + 1].text  # "Thursday (Feb 15)", the day the model did not read
    return doc[start:end].text


def stray_noun(token: Token) -> bool:
    """A noun that is no part of a date: not "morning", "week", nor the model's noun "3rd"."""
    return (
        token.pos_ == "NOUN"
        and token.lower_ not in CALENDAR_WORDS
        and not any(c.isdigit() for c in token.text)
    )


def sentence_date(
    sentence: SpacySpan, trigger: Trigger, published: str | None, triggers: set[int]
) -> EventDate | None:
    """The date the sentence gives its event: the nearest date phrase that is not "since …" or a plan."""
    doc = sentence.doc
    best: tuple[int, EventDate] | None = None
    # "had last met in February", "held talks on February 2": a past act's yearless day or month is the
    # last one before publication, however near the next one is
    past = reports_the_past(trigger.token)
    for entity in sentence_ents(sentence):
        if entity.label_ not in ("DATE", "TIME") and not DAY_OF_MONTH.match(entity.text):
            continue  # "met here on 9 November", which the model may call an EVENT
        before = doc[entity.start - 1].lower_ if entity.start > sentence.start else ""
        told_ahead = is_future_expression(entity.text, published)
        ahead = told_ahead and not past
        past_month = told_ahead and past and MONTH_ONLY.match(entity.text) is not None
        if told_when(entity, trigger.token):
            before = ""  # "since July 2024, when they met": the date the clause tells happened then
        elif not dates_the_trigger(entity, trigger.token, triggers, before, ahead):
            continue
        text = date_text(entity)
        phrase = f"{before} {text}" if before in ("on", "in", "late", "early", "last") else text
        resolved = resolve_date(f"last {text}" if past_month else phrase, published, past)
        if resolved is None or resolved.value is None:
            continue
        distance = abs(entity.start - trigger.token.i)
        if best is None or distance < best[0]:
            best = (distance, resolved)
    return first_day(best[1], ended_occasion_days(trigger.token)) if best else None


def dates_the_trigger(
    entity: SpacySpan, trigger: Token, triggers: set[int], before: str, ahead: bool
) -> bool:
    """Whether a date phrase of the sentence is the trigger's own date."""
    if before in NOT_EVENT_DATE or ahead:
        return False
    if in_dateline(entity):
        return False  # the filing day: the story's lead date, not what this sentence says happened when
    if governed_by_other_time(entity, trigger):
        return False  # "their first meeting since the 2019 Lima summit": 2019 is the summit's
    if in_side_clause(entity.root, trigger):
        return False  # "since the diplomat took office last month": that date is not the event's
    if any(t.tag_ == "VB" and t.i != trigger.i and has_to(t) for t in ancestors(entity.root)[:3]):
        return False  # "agreed to strengthen the partnership in 2019": the date of the plan, not the talks
    if not date_of_trigger(entity, trigger):
        return False  # "his guest, who was inaugurated in April", "the ministry said Friday"
    # "the meeting … since Misri's visit last December": that date is the visit's
    return not owned_by_other(entity, trigger, triggers)


def told_when(entity: SpacySpan, trigger: Token) -> bool:
    """Whether the trigger's clause is a "when" clause on the date itself: "since July 2024, when they met
    at the summit and agreed …"."""
    node = trigger
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    return (
        node.dep_ in ("relcl", "advcl")
        and entity.start <= node.head.i < entity.end
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in node.children)
    )


def ended_occasion_days(trigger: Token) -> int:
    """How many days long an occasion the sentence says just ended was ("concluded a two-day visit",
    "wrapped up a three-day state visit", "agreed on Tuesday after two days of talks"): its date is its
    last day. 1 otherwise."""
    # "after two days of talks"
    span = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
    if span is not None and span.lower_ == "days" and span.head.lower_ == "after":
        number = next((c for c in span.children if c.dep_ == "nummod"), None)
        return (days_long(number.text) or 1) if number is not None else 1
    verb = clause_root(trigger)
    if verb.lower_ not in ENDING_VERBS or trigger.dep_ != "dobj":
        return 1
    for token in trigger.subtree:
        if token.lower_ == "day" and token.i < trigger.i:
            number = next((c for c in token.children if c.dep_ == "nummod"), None)
            return (days_long(number.text) or 1) if number is not None else 1
    return 1


def not_one_dated_occasion(trigger: Token, date: EventDate | None) -> bool:
    """An earlier occasion the sentence gives no date ("the ministers last met in Addis Ababa"), or
    interactions counted rather than told ("have spoken by phone several times"): DEV-README's rule 1
    leaves undated background out, and a count is no single event."""
    verb = clause_root(trigger)
    words = {c.lower_ for t in (trigger, verb) for c in t.children}
    counted = words & HABITUAL or any(
        c.dep_ in ("npadvmod", "advmod") and any(g.lower_ == "times" for g in c.subtree)
        for t in (trigger, verb)
        for c in t.children
    )
    # "Lee first spoke with Trump, and then …": the earlier step of a sequence the sentence does not date
    sequence = any(
        c.dep_ == "advmod" and c.lower_ in SEQUENCE_START for t in (trigger, verb) for c in t.children
    )
    return bool(counted) or (date is None and (bool(words & EARLIER_OCCASION) or sequence or recalled(verb)))


def recalled(verb: Token) -> bool:
    """ "Thanked him for his advocacy after the floods, when the UN chief visited Pakistan": an act a
    "when" clause recalls, with no day of its own, to explain another act, which is no interaction."""
    when = any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in verb.children)
    dated = any(t.ent_type_ == "DATE" for t in [*verb.subtree, verb.head])  # "in July 2024, when they met"
    return when and not dated and verb.dep_ in ("advcl", "relcl") and verb.head.lower_ not in EVENT_WORDS


def background_reference(trigger: Token) -> bool:
    """ "Their first meeting since the 2019 Lima summit", "his first visit since both countries signed a
    pact": a trigger inside a "since …" phrase or clause names another occasion, not the sentence's own."""
    if any(c.dep_ == "mark" and c.lower_ in OTHER_OCCASION for c in trigger.children):
        return True
    for token in ancestors(trigger):
        if token.lower_ in OTHER_OCCASION and token.dep_ in ("prep", "mark"):
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def setting_of_another(trigger: Token) -> bool:
    """ "Met … on the sidelines of the ASEAN Summit": the summit is where the sentence's own meeting took
    place, not an interaction among everyone the sentence names."""
    of = trigger.head
    return of.lower_ == "of" and of.head.lower_ in SETTING_NOUNS


def names_the_pair(trigger: Token) -> bool:
    """Whether an earlier occasion is told as the sides' own: "since the two last met", "since their
    meeting in Lima" (counted or pronoun), not "since the leaders' summit in Bangkok" (a group)."""
    doc = trigger.doc
    words = {doc[i].lower_ for i in subject_tokens(trigger) | possessors(trigger)}
    return bool(words & (set(SIDE_COUNTS) | PAIR_PRONOUNS))


def refers_to_a_stated_visit(trigger: Trigger) -> bool:
    """ "During the visit, X also met Y": the visit, with nobody of its own, is the setting of the sentence's
    meeting and a reference back to a visit the page states elsewhere, not a trip of the people it names."""
    token = trigger.token
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
    bare = all(c.dep_ in ("det", "amod") for c in token.children)  # not "the trip to Cuba by …"
    setting = token.dep_ == "pobj" and token.head.lower_ == "during"
    return trigger.type == "visit" and definite and bare and setting


def own_parties(parties: list[Party], trigger: Token) -> list[Party]:
    """The parties named inside the trigger's own phrase ("since the summit between X and Y")."""
    inside = {t.i for t in trigger.subtree}
    return [p for p in parties if p.mention is not None and p.mention.start in inside]


def held_separately(trigger: Token) -> bool:
    """ "Held separate meetings with …", "met separately with …", "bilateral meetings with A, B and C":
    one interaction with each of the others, not one with all of them."""
    noun = trigger.head if trigger.dep_ in ("compound", "amod") else trigger  # "separate phone calls"
    words = {c.lower_ for t in (trigger, noun, clause_root(trigger)) for c in t.children}
    # "received in separate audiences A and B"
    words |= {
        w.lower_
        for p in clause_root(trigger).children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj" and o.lower_ in MEETING_NOUNS | AUDIENCES
        for w in o.children
    }
    return bool(words & SEPARATELY) or (noun.tag_ == "NNS" and "bilateral" in words)


def borrowed_separately(mention: Mention) -> bool:
    """ "Received each minister separately": sides taken from the occasion told before, met one by one."""
    return mention.context is not None and held_separately(mention.trigger.token)


def subject_parties(mention: Mention) -> list[Party]:
    """The parties the trigger's subject names: the side that meets the others."""
    subject = subject_tokens(mention.trigger.token)
    return [p for p in mention.parties if p.mention is not None and p.mention.start in subject]


def split_separate(mention: Mention) -> list[Mention]:
    """The subject's side meets each other country's side on its own; where the parser found no subject
    (a dateline swallowed it), the side named before the trigger."""
    trigger = mention.trigger.token
    own = subject_parties(mention) or [
        p for p in mention.parties if p.mention is not None and p.mention.end <= trigger.i
    ]
    others: dict[str, list[Party]] = {}
    for party in mention.parties:
        if party not in own and party.affiliation and party.affiliation not in affiliations(own):
            others.setdefault(party.affiliation, []).append(party)
    if len(others) == 1:  # "separate meetings with Foreign Minister Cho and Defence Minister Kim": each
        (group,) = others.values()
        others = {p.name: [p] for p in group if p.name} if len({p.name for p in group}) > 1 else others
    if not own or len(others) < 2:
        return [mention]
    return [replace(mention, parties=[*own, *group]) for group in others.values()]


def split_listed(mention: Mention) -> list[Mention]:
    """ "met his counterparts from A, B and C", or "met X and Y" of one country: separate meetings."""
    if held_separately(mention.trigger.token):
        return split_separate(mention)
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
                if len(group) > 1
                and conjoined(group)
                and mention.type == "meet"
                and not with_their_deputy(group)
            ),
            [],
        )
    if len(listed) < 2:
        return [mention]
    rest = [p for p in mention.parties if p not in listed]
    return [replace(mention, parties=[*rest, party]) for party in listed]


def with_their_deputy(parties: list[Party]) -> bool:
    """ "met the Secretary-General and the Deputy Secretary-General": a deputy listed beside their own
    principal comes with them to one meeting."""
    roles = {p.role for p in parties if p.role}
    return any(f"deputy {role}" in roles for role in roles)


def met_one_by_one(mention: Mention) -> bool:
    """ "She also met Kenyan Foreign Minister A and Ghanaian Foreign Minister B": one person who meets people
    of several countries listed as the verb's objects meets each on their own, unless the sentence says
    they met at once ("both", "together", "a trilateral"); a host who "received A and B" received them at once."""
    trigger = mention.trigger.token
    if (
        mention.type != "meet"  # "met virtually with A, B and C": one video conference of them all
        or trigger.lower_ not in MEET_FORMS
        or any(t.lower_ in TOGETHER for t in mention.sentence)
    ):
        return False
    own = {p.affiliation for p in subject_parties(mention)}
    objects = {
        p.affiliation
        for p in mention.parties
        if p.name and p.mention is not None and object_of(list_head(phrase_head(p.mention.root)), trigger)
    }
    return len(own) == 1 and len(objects - own) >= 2


def object_of(token: Token, verb: Token) -> bool:
    """ "met X", "met with X": the verb's object, directly or after "with"."""
    if token.dep_ == "dobj":
        return token.head.i == verb.i
    return token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.i == verb.i


def conjoined(parties: list[Party]) -> bool:
    """Whether people are listed together as the objects of talks ("met with X and Y")."""
    first, *rest = parties
    return first.actor is not None and all(
        p.mention is not None and listed_together(p.mention, first.actor) for p in rest
    )


def beyond_dateline(parties: list[Party]) -> list[Party]:
    """ "Addis Ababa, October 21 (FBC) – X met Y": the city where the story was filed, which the model may
    take for the subject, is no state at the table."""
    return [p for p in parties if p.name or p.mention is None or not in_dateline(p.mention)]


def read_sentences(doc: Doc, cast: Cast, published: str | None) -> tuple[list[Mention], list[Mention]]:
    """Asserted and unasserted mentions, in reading order."""
    asserted: list[Mention] = []
    unasserted: list[Mention] = []
    for order, sentence in enumerate(doc.sents):
        triggers = find_triggers(sentence)
        positions = {t.token.i for t in triggers}
        for trigger in triggers:
            if refers_to_a_stated_visit(trigger):
                continue  # "During the visit, X also met Y": the visit is told elsewhere, with its travellers
            token = trigger.token
            mention = Mention(
                trigger.type,
                trigger,
                sentence,
                order,
                beyond_dateline(
                    sentence_parties(sentence, token, cast, positions, signing=trigger.type == "agree")
                ),
                sentence_date(sentence, trigger, published, positions),
                sentence_location(sentence, token, positions),
                plural=refers_back(token),
                sides=sides_counted(token),
                evidence=[sentence],
            )
            if background_reference(token) or setting_of_another(token):
                mention.parties = own_parties(mention.parties, token)
                if not mention.parties and not (mention.plural and names_the_pair(token)):
                    continue  # "since the leaders' summit in Bangkok": an occasion whose sides it does not name
            if not_one_dated_occasion(token, mention.date):
                continue  # "the two had last met at a summit", "have spoken several times": no event to date
            if not mention.parties and indefinite_subject(clause_root(token)):
                continue  # "a Surinamese head of state last visited …": someone the page does not name
            if trigger.type == "visit":
                mention.host = host_of_visit(sentence, token)
            (unasserted if trigger.modality else asserted).extend(split_listed(mention))
    return asserted, unasserted
