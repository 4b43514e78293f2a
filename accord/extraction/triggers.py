"""Event triggers: the words that say a meeting, call, visit or agreement happened, and whether it did.

A small hand-made lexicon read against spaCy's parse: no library codes diplomatic interactions with the
precision needed here, and the modality rules (negation, future, hypothetical) need the dependency tree.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extraction.dates import is_future_expression
from accord.extraction.lexicon import (
    AGREE_WORDS,
    BRIEFING_VERBS,
    CALL_CUES,
    CALLED_OFF,
    CONDITIONAL,
    CREDENTIAL_WORDS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    MEET_WORDS,
    NEEDS_PERSON_OBJECT,
    NEGATIONS,
    PERSON_NOUNS,
    PLANNING_WORDS,
    REMOTE_ACTS,
    SCHEDULE_WORDS,
    VISIT_WORDS,
)

RECEPTION_REACH = 14  # "received this Thursday at the Torre Tagle Palace the Minister of …"


@dataclass(frozen=True)
class Trigger:
    type: str
    token: Token
    modality: str | None  # None when asserted; else "future", "hypothetical" or "negation"


def has_call_cue(sentence: SpacySpan) -> bool:
    return any(t.lower_ in CALL_CUES for t in sentence) or "spoke over" in sentence.text.lower()


def modality(token: Token) -> str | None:
    """Whether the event a trigger names happened: None, or why not ("future", "negation", "hypothetical")."""
    node, steps = token, 0
    while steps < 4:
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
        if node.tag_ == "VB" and node.dep_ not in ("acl", "relcl") and has_to(node):
            return "future"  # "to meet", "to attend the meetings": an intention, not an act
        if node.i != token.i and node.lower_ in CALLED_OFF:
            return "negation"  # "the meeting … was postponed"
        if node.tag_ in ("VBD", "VBN") and node.i != token.i and node.lower_ not in PLANNING_WORDS:
            break  # governed by a past act ("held talks", "during the visit he paid"): asserted
        if node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
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


def has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def is_briefing_topic(token: Token) -> bool:
    """ "briefed them on his visit to Ukraine": an occasion talked about, with no date of its own here."""
    if token.pos_ != "NOUN":
        return False
    head = token.head
    if head.lower_ in ("on", "about", "including") and head.head.i != head.i:
        head = head.head
    return head.lower_ in BRIEFING_VERBS


def is_personal(token: Token) -> bool:
    """Whether an object names people: "received Blinken", "welcomed his counterpart", "hosted them"."""
    return (
        token.ent_type_ in ("PERSON", "NORP") or token.tag_ in ("NNP", "PRP") or token.lower_ in PERSON_NOUNS
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


def trigger_type(token: Token, sentence: SpacySpan, call_cue: bool) -> str | None:
    lower = token.lower_
    if lower in CREDENTIAL_WORDS:
        return "meet"  # an ambassador presenting credentials meets the head of state
    if lower in AGREE_WORDS:
        if lower == "consensus" and not any(t.lower_ in ("reached", "reach", "arrived") for t in sentence):
            return None
        if lower in ("confirmed", "confirm") and token.head.lower_ in ("reports", "sources"):
            return None
        if token.dep_ == "amod":
            return None  # "its recently concluded term", "the signed text": a description, not an act
        return "agree"
    if (
        lower == "while"
        and token.i + 2 < sentence.end
        and token.nbor(1).lower_ == "in"
        and (token.nbor(2).ent_type_ == "GPE")
    ):
        return "visit"  # "met virtually while in Brussels"
    if lower in VISIT_WORDS:
        if lower in ("tour", "trip") and token.pos_ != "NOUN":
            return None
        if lower == "tour" and token.i + 2 < len(token.doc) and token.doc[token.i + 2].lower_ == "duty":
            return None  # an ambassador's "tour of duty" is a posting
        return "visit"
    if lower in CALL_CUES or (lower in ("call", "called", "calls", "spoke", "speaking") and call_cue):
        if lower in ("video", "virtual", "online") and not any(
            t.lower_ in ("call", "conference", "meeting", "talks", "summit", "format", "link")
            for t in sentence
        ):
            return None
        if lower in CALL_CUES and any(t.lower_ in REMOTE_ACTS for t in token.ancestors):
            return None  # "inaugurated, via video link, the health centre": a ceremony, not a call
        return "call"
    if lower in MEET_WORDS:
        if lower in NEEDS_PERSON_OBJECT and any(
            c.dep_ == "dobj" and c.lower_ in ("call", "calls") for c in token.children
        ):
            return "call"  # "receives a call from his Iraqi counterpart"
        if lower in NEEDS_PERSON_OBJECT and not receives_someone(token):
            return None
        if lower == "meeting" and token.pos_ == "VERB":
            return "call" if call_cue else "meet"
        return "call" if call_cue else "meet"
    if lower == "called" and any(c.lower_ == "on" for c in token.children):
        return "meet"  # "called on the Prime Minister": a courtesy call is a meeting
    if lower in ("call", "calls") and any(c.lower_ == "courtesy" for c in token.children):
        return "meet"  # "paid a courtesy call on"
    if lower in ("spoke", "speaks", "spoken") and speaks_with_someone(token):
        return "meet" if in_person(sentence) else "call"  # a readout's "spoke today with": by phone
    return None


def speaks_with_someone(token: Token) -> bool:
    return any(
        c.lower_ == "with" and any(o.dep_ == "pobj" and is_personal(o) for o in c.children)
        for c in token.children
    )


def in_person(sentence: SpacySpan) -> bool:
    """Words that put talks in a room: a venue, sidelines, a visit."""
    return any(t.lower_ in ("sidelines", "margins", "during", "visit", "venue") for t in sentence) or any(
        e.label_ in ("GPE", "FAC") and e.start > 0 and sentence.doc[e.start - 1].lower_ in ("in", "at")
        for e in sentence.ents
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
