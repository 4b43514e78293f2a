"""Event triggers: the words that say a meeting, call, visit or agreement happened, and whether it did.

A small hand-made lexicon read against spaCy's parse: no library codes diplomatic interactions with the
precision needed here, and the modality rules (negation, future, hypothetical) need the dependency tree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extraction.dates import is_future_expression
from accord.extraction.lexicon import (
    ACCOUNT_PARTICLES,
    AGREE_WORDS,
    BRIEFING_VERBS,
    CALL_CUES,
    CALL_NOUNS,
    CALLED_OFF,
    CONDITIONAL,
    CREDENTIAL_WORDS,
    DENIALS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    MEET_WORDS,
    NEEDS_PERSON_OBJECT,
    NEGATIONS,
    ONE_SIDED_ASKS,
    PERSON_NOUNS,
    PLANNING_WORDS,
    PLURAL_REFERENCES,
    PUBLIC_AUDIENCES,
    REMOTE_ACTS,
    REPORTED_THINGS,
    ROLL_CALL_WORDS,
    SCHEDULE_WORDS,
    SIDE_COUNTS,
    THING_PRONOUNS,
    TRIP_VERBS,
    VISIT_WORDS,
    WELCOME_VERBS,
    WITNESSING,
)
from accord.extraction.syntax import ancestors, has_to, sentence_ents
from accord.records import EventType

RECEPTION_REACH = 14  # "received this Thursday at the Torre Tagle Palace the Minister of …"
ROLL_CALL_REACH = 5  # "Joining the Secretary were …": the "were" comes within a few words
PHRASE_POS = frozenset({"NOUN", "PROPN", "ADP", "DET", "NUM", "ADJ"})  # the words of a noun phrase
MODALITY_REACH = 6  # "expected to be admitted as a member at the summit": six steps from the summit up


@dataclass(frozen=True)
class Trigger:
    type: EventType
    token: Token
    modality: str | None  # None when asserted; else "future", "hypothetical" or "negation"


def has_call_cue(sentence: SpacySpan) -> bool:
    return any(t.lower_ in CALL_CUES for t in sentence) or "spoke over" in sentence.text.lower()


def follows_it(noun: Token) -> bool:
    """ "agreed to resume the dialogue after a day of talks": the noun names an occasion before the act its
    "after" hangs on, however deep in the phrase ("a day of talks")."""
    node = noun
    while node.pos_ in PHRASE_POS and node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in ("after", "following"):
            return True
        node = node.head
    return False


def one_name(token: Token, head: Token) -> bool:
    """Whether two tokens lie in one named entity."""
    low, high = sorted((token.i, head.i))
    doc = token.doc
    return bool(token.ent_type_) and all(t.ent_iob_ == "I" for t in doc[low + 1 : high + 1])


def modality(token: Token) -> str | None:
    """Whether the event a trigger names happened: None, or why not ("future", "negation", "hypothetical")."""
    if token.pos_ == "NOUN" and follows_it(token):
        # "agreed to set up a committee following talks on Wednesday": the talks came first and happened,
        # unless the whole sentence looks ahead ("will sign after talks on Monday")
        ahead = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for t in ancestors(token) for c in t.children)
        return "future" if ahead else None
    # "ahead of the extraordinary meeting of the Executive Committee", "before the summit"
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and occasion_ahead(token.head):
        return "future"
    node, steps = token, 0
    while steps < MODALITY_REACH:
        for child in node.children:
            lower = child.lower_
            if child.dep_ == "neg" or (lower in NEGATIONS and child.i < node.i):
                return "negation"
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in child.children
            ):
                return "negation"  # "No document was signed", "no talks were held"
            if child.dep_ in ("aux", "auxpass") and lower in FUTURE_AUX:
                return "future"
            if child.dep_ in ("aux", "auxpass") and lower in HYPOTHETICAL_AUX:
                return "hypothetical"
            if child.dep_ == "mark" and lower in CONDITIONAL:
                return "hypothetical"
            if lower in PLANNING_WORDS and child.dep_ in ("amod", "advmod", "npadvmod", "nsubj", "acl"):
                return "future"
        if (
            node.lower_ in PLANNING_WORDS or (node.lower_ in SCHEDULE_WORDS and node.tag_ in ("VBZ", "VBP"))
        ) and (node.i != token.i):
            return "future"
        if (
            node.tag_ == "VB"
            and node.dep_ not in ("acl", "relcl")
            and has_to(node)
            and not purpose_of_a_trip(node)
        ):
            return "future"  # "to meet", "to attend the meetings": an intention, not an act
        if node.i != token.i and node.lower_ in CALLED_OFF | DENIALS:
            return "negation"  # "the meeting … was postponed", "denied reports that they had met"
        if (
            node.tag_ in ("VBD", "VBN")
            and node.i != token.i
            and node.lower_ not in PLANNING_WORDS
            and not has_to(node)  # "is expected to be admitted at the summit": what governs it decides
        ):
            break  # governed by a past act ("held talks", "during the visit he paid"): asserted
        if node.i == token.i and token.tag_ == "VBD" and token.lower_ not in PLANNING_WORDS:
            break  # a past act told by others ("X arrived in Kazan on Wednesday, officials announced")
        if node.head.i == node.i:
            break
        # "the EAC Heads of State Summit": the words of one name are one step
        node, steps = node.head, steps + (not one_name(node, node.head))
    window = token.doc[max(token.sent.start, token.i - 3) : token.i]
    if any(
        t.lower_ in ("ahead", "before", "upcoming", "planned", "proposed", "next", "prior") for t in window
    ):
        return "future"
    if token.pos_ == "NOUN" and any(
        c.ent_type_ == "DATE" and is_future_expression(" ".join(t.text for t in c.subtree))
        for c in token.children
    ):
        return "future"  # "a presidential summit next month"
    if is_briefing_topic(token):
        return "reported"
    return None


def occasion_ahead(preposition: Token) -> bool:
    """ "before", "ahead of", "prior to": what the preposition governs is still to come."""
    if preposition.lower_ == "before":
        return True
    return preposition.lower_ in ("of", "to") and preposition.head.lower_ in ("ahead", "prior")


def purpose_of_a_trip(verb: Token) -> bool:
    """ "Was in Brussels on 15 May to meet X", "flew to Oslo on Monday to sign": the purpose of a trip the
    sentence dates in the past is what was done there."""
    trip = verb.head
    dated = any(
        t.ent_type_ == "DATE" for c in trip.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree
    )
    return verb.dep_ in ("advcl", "xcomp") and trip.tag_ == "VBD" and trip.lower_ in TRIP_VERBS and dated


def is_briefing_topic(token: Token) -> bool:
    """ "briefed them on his visit to Ukraine": an occasion talked about, with no date of its own here
    ("recalled his meeting with X in Santiago in April 2023" is an earlier occasion the page dates)."""
    if token.pos_ != "NOUN":
        return False
    head = token.head
    if head.lower_ in ("on", "about", "including") and head.head.i != head.i:
        head = head.head
    return head.lower_ in BRIEFING_VERBS and not dated_after(token, head)


def dated_after(occasion: Token, verb: Token) -> bool:
    """Whether a date follows the occasion in the verb's own clause (not in a verb coordinated with it)."""
    return any(
        t.ent_type_ == "DATE"
        and t.i > occasion.i
        and not any(a.dep_ == "conj" and a.pos_ == "VERB" for a in ancestors(t) if a.i != verb.i)
        for t in verb.subtree
    )


def is_personal(token: Token) -> bool:
    """Whether an object names people: "received Blinken", "welcomed his counterpart", "hosted them"."""
    return (
        token.ent_type_ in ("PERSON", "NORP")
        or token.tag_ == "NNP"
        or (token.tag_ == "PRP" and token.lower_ not in THING_PRONOUNS)
        or token.lower_ in PERSON_NOUNS
    )


def receives_someone(token: Token) -> bool:
    """ "received Blinken", "welcomed Sierra Leone's foreign minister" (however the parser attached it)."""
    if any(c.dep_ == "dobj" and is_personal(c) for c in token.children):
        return True
    following = token.doc[token.i + 1 : min(token.sent.end, token.i + RECEPTION_REACH)]
    return any(
        t.ent_type_ == "PERSON" or (t.lower_ in PERSON_NOUNS and t.pos_ in ("NOUN", "PROPN"))
        for t in following
    )


# The trigger rules, in order: the first rule whose words hold the token and whose condition is met
# decides, and a rule of type None says the word is no trigger there. Each rule has an id and an example
# (tests/test_trigger_rules.py checks every one on a frozen parse of its example).


@dataclass(frozen=True)
class TriggerRule:
    id: str
    example: str
    words: frozenset[str]
    type: EventType | None
    when: Callable[[Token, SpacySpan, bool], bool] | None = None


def _no_reaching(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return not any(t.lower_ in ("reached", "reach", "arrived") for t in sentence)


def _reported(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return token.head.lower_ in ("reports", "sources")


def _ends_an_occasion(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in MEET_WORDS | VISIT_WORDS for c in token.children)


def _confirms_news(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in REPORTED_THINGS for c in token.children)


def _accepts_a_request(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ in ONE_SIDED_ASKS for o in c.children)
        for c in token.children
    )


def _signs_in(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    """ "Sign in to comment", "Subscribe | Sign in": an account, not a pact."""
    if any(c.dep_ == "prt" and c.lower_ in ACCOUNT_PARTICLES for c in token.children):
        return True
    doc = token.doc
    after = token.i + 1
    if after >= sentence.end or doc[after].lower_ not in ACCOUNT_PARTICLES:
        return False
    return (
        after + 1 >= sentence.end
        or doc[after + 1].is_space
        or doc[after + 1].text in ("|", ",", ".", "to", "or", "/")
    )


def _describes(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return token.dep_ == "amod"


def _while_in_a_place(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return token.i + 2 < sentence.end and token.nbor(1).lower_ == "in" and token.nbor(2).ent_type_ == "GPE"


def _not_a_noun(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return token.pos_ != "NOUN"


def _describes_a_thing(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    """ "A visiting warship": a thing that came, not someone's visit ("the visiting minister" is one)."""
    return token.dep_ == "amod" and not is_personal(token.head)


def _tours_a_thing(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    """ "Toured a visiting warship", "toured the plant": a thing seen, not a country visited."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.ent_type_ not in ("GPE", "LOC") for o in objects)


def _of_duty(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return token.i + 2 < len(token.doc) and token.doc[token.i + 2].lower_ == "duty"


def _no_call_noun(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return not any(t.lower_ in CALL_NOUNS for t in sentence)


def _remote_ceremony(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(t.lower_ in REMOTE_ACTS for t in token.ancestors)


def _with_call_cue(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return call_cue


def _receives_a_call(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(  # "received a courtesy call from X at the palace" is a visit in person
        c.dep_ == "dobj" and c.lower_ in ("call", "calls") and not _courtesy(c, sentence, call_cue)
        for c in token.children
    )


def _nobody_received(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return not receives_someone(token)


def _witnessed_together(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    """ "Hun Sen and the visiting Wang Yi witnessed the signing", "the two presidents witnessed …": leaders
    of two sides at one signing met there; one witness alone ("witnessed by X") meets no one by it."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return any(
        s.conjuncts or any(c.lower_ in SIDE_COUNTS for c in s.children) or s.lower_ in PLURAL_REFERENCES
        for s in subjects
    )


def _meets_the_public(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    met = [c for c in token.children if c.dep_ == "dobj"]
    met += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return bool(met) and all(m.lower_ in PUBLIC_AUDIENCES for m in met)


def _called_on(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(c.lower_ == "on" for c in token.children)


def _by_someone(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(c.dep_ == "agent" for c in token.children)


def _opens_a_roll_call(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    """ "Attending were A, B and C", "Also present were …", "Joining the Secretary were …", "Also taking part
    were …": who took part in the occasion just told."""
    following = list(sentence.doc[token.i + 1 : min(sentence.end, token.i + ROLL_CALL_REACH)])
    if token.lower_ == "taking":  # "Also taking part were …"
        following = following[1:] if following and following[0].lower_ == "part" else []
    if token.lower_ != "joining":  # only "Joining the Secretary were …" names whom they joined first
        following = following[:1]
    return token.i - sentence.start <= 1 and any(t.lower_ in ("were", "was") for t in following)


def _courtesy(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return any(c.lower_ == "courtesy" for c in token.children)


def _with_someone_in_person(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return speaks_with_someone(token) and in_person(sentence)


def _with_someone(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    return speaks_with_someone(token)


def _of_welcome(token: Token, sentence: SpacySpan, call_cue: bool) -> bool:
    """ "At the welcome ceremony", "an official welcoming ceremony": the host receiving a guest of state."""
    return any(c.dep_ in ("compound", "amod") and c.lower_ in WELCOME_VERBS for c in token.children)


CALL_VERB_FORMS = frozenset({"call", "called", "calls", "spoke", "speaking"})
SPEAKING = frozenset({"spoke", "speaks", "spoken"})
TRIGGER_RULES: tuple[TriggerRule, ...] = (
    TriggerRule("credentials", "The ambassador presented her credentials to the President.", CREDENTIAL_WORDS, "meet"),
    TriggerRule("consensus-unreached", "Experts seek consensus on the climate goals.", frozenset({"consensus"}), None, _no_reaching),
    TriggerRule("confirmed-by-reports", "The talks were held in Rome, according to reports confirmed by officials.", frozenset({"confirmed", "confirm"}), None, _reported),
    TriggerRule("concluded-an-occasion", "The two ministers concluded the talks with a working lunch.", frozenset({"concluded", "conclude", "concludes"}), None, _ends_an_occasion),
    TriggerRule("confirmed-a-report", "The oil ministry confirmed the report that exports had fallen.", frozenset({"confirmed", "confirm", "confirms"}), None, _confirms_news),
    TriggerRule("sign-in", "Readers must sign in to comment on this article.", frozenset({"sign", "signed", "signs"}), None, _signs_in),
    TriggerRule("agreed-to-a-request", "Brunei agreed to the request from Sarawak to extend opening hours.", frozenset({"agreed", "agree", "agrees"}), None, _accepts_a_request),
    TriggerRule("agree-as-description", "The minister read out the signed text to reporters.", AGREE_WORDS, None, _describes),
    TriggerRule("agree", "Chile and Peru signed a border agreement on Monday.", AGREE_WORDS, "agree"),
    TriggerRule("while-in", "The ministers spoke while in Brussels last week.", frozenset({"while"}), "visit", _while_in_a_place),
    TriggerRule("tour-as-verb", "The band will tour Europe next year.", frozenset({"tour", "trip"}), None, _not_a_noun),
    TriggerRule("tour-of-duty", "The ambassador ended her tour of duty in Lima.", frozenset({"tour"}), None, _of_duty),
    TriggerRule("visiting-thing", "Crowds toured the visiting warship in the port.", frozenset({"visiting"}), None, _describes_a_thing),
    TriggerRule("toured-a-thing", "The president toured a visiting warship in the port.", frozenset({"toured", "touring", "tours"}), None, _tours_a_thing),
    TriggerRule("visit", "The Chilean president visited Lima on Monday.", VISIT_WORDS, "visit"),
    TriggerRule("video-without-call", "The minister watched a video of the floods.", frozenset({"video", "virtual", "online"}), None, _no_call_noun),
    TriggerRule("remote-ceremony", "The president inaugurated the hospital via video link.", CALL_CUES, None, _remote_ceremony),
    TriggerRule("call", "The two presidents held a telephone conversation on Monday.", CALL_CUES, "call"),
    TriggerRule("spoke-by-phone", "The prime minister called his Danish counterpart by phone.", CALL_VERB_FORMS, "call", _with_call_cue),
    TriggerRule("received-a-call", "The king received a call from the Jordanian prime minister.", NEEDS_PERSON_OBJECT, "call", _receives_a_call),
    TriggerRule("reception-without-guest", "The city hosted the football final on Sunday.", NEEDS_PERSON_OBJECT, None, _nobody_received),
    TriggerRule("meeting-online", "The ministers held a virtual meeting on Monday.", MEET_WORDS, "call", _with_call_cue),
    TriggerRule("witnessed-together", "Chilean President Jorge Paz and Peruvian President Ana Lopes witnessed the signing of a trade pact.", WITNESSING, "meet", _witnessed_together),
    TriggerRule("meeting-the-public", "The minister met members of the Chilean diaspora in Lima.", MEET_WORDS, None, _meets_the_public),
    TriggerRule("meet", "The Chilean president met his Peruvian counterpart in Lima.", MEET_WORDS, "meet"),
    TriggerRule("welcome-ceremony", "The two presidents reviewed the guard of honour at the welcome ceremony in Lima.", frozenset({"ceremony"}), "meet", _of_welcome),
    TriggerRule("represented-by", "Peru was represented by its deputy foreign minister.", frozenset({"represented"}), "meet", _by_someone),
    TriggerRule("attending-were", "Attending were the foreign ministers of Chile and Peru.", ROLL_CALL_WORDS, "meet", _opens_a_roll_call),
    TriggerRule("called-on", "The envoy called on the Prime Minister in Delhi.", frozenset({"called"}), "meet", _called_on),
    TriggerRule("courtesy-call", "The ambassador paid a courtesy call on the Speaker.", frozenset({"call", "calls"}), "meet", _courtesy),
    TriggerRule("spoke-in-person", "The foreign minister spoke with his counterpart on the sidelines of the summit.", SPEAKING, "meet", _with_someone_in_person),
    TriggerRule("spoke-with", "The Secretary spoke today with the Foreign Minister of Japan.", SPEAKING, "call", _with_someone),
)  # fmt: skip


def deciding_rule(token: Token, sentence: SpacySpan, call_cue: bool) -> TriggerRule | None:
    """The first rule that speaks about this token here, or None when none does."""
    lower = token.lower_
    for rule in TRIGGER_RULES:
        if lower in rule.words and (rule.when is None or rule.when(token, sentence, call_cue)):
            return rule
    return None


def trigger_type(token: Token, sentence: SpacySpan, call_cue: bool) -> EventType | None:
    rule = deciding_rule(token, sentence, call_cue)
    return rule.type if rule else None


def speaks_with_someone(token: Token) -> bool:
    return any(
        c.lower_ == "with" and any(o.dep_ == "pobj" and is_personal(o) for o in c.children)
        for c in token.children
    )


def in_person(sentence: SpacySpan) -> bool:
    """Words that put talks in a room: a venue, sidelines, a visit."""
    return any(t.lower_ in ("sidelines", "margins", "during", "visit", "venue") for t in sentence) or any(
        e.label_ in ("GPE", "FAC") and e.start > 0 and sentence.doc[e.start - 1].lower_ in ("in", "at")
        for e in sentence_ents(sentence)
    )


def find_triggers(sentence: SpacySpan) -> list[Trigger]:
    """Every trigger in a sentence, each with its modality."""
    call_cue = has_call_cue(sentence)
    found = []
    for token in sentence:
        kind = trigger_type(token, sentence, call_cue)
        if kind:
            found.append(Trigger(kind, token, modality(token)))
    return found
