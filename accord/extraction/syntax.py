"""Small walks over spaCy's dependency tree, shared by the stages that read who did what."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.lexicon import (
    BYSTANDER_HEADS,
    FACILITATING,
    JOINED_BY,
    MEETING_NOUNS,
    OFFICE_WORDS,
    OWNED_BY_ABSENT,
    SENT_THINGS,
    SIGNING_NOUNS,
    SPOKESPEOPLE,
    THIRD_PARTY_WORDS,
    TITLES,
)

MAX_DEPTH = 10  # bounded walks: a parse with preset sentence starts is not always a tree


def ancestors(token: Token) -> list[Token]:
    found, node = [], token
    for _ in range(MAX_DEPTH):
        if node.head.i == node.i:
            break
        node = node.head
        found.append(node)
    return found


def possessors(token: Token) -> set[int]:
    """Positions of the words that own `token`: "the minister's visit", "their meeting"."""
    return {t.i for child in token.children if child.dep_ == "poss" for t in child.subtree}


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above `token`: the clause a date, a place or a person is part of."""
    return next((t for t in ancestors(token) if t.pos_ in ("VERB", "AUX")), None)


def bystander(mention: SpacySpan, trigger: Token | None = None) -> bool:
    """Someone named beside the parties: "along with X", "attended by X", or "the late X". Where the
    trigger itself stands under "joined" ("A and B were joined by C for talks", "A joined a call with
    B"), who joined is a party of it."""
    if any(t.lower_ == "late" and t.dep_ == "amod" for t in mention.root.subtree):
        return True  # "the late Egyptian President …" takes part in nothing
    if owned_by_absent(mention) is not None:
        return True  # "received X's special envoy": the envoy came, not X
    own = {t.i for t in ancestors(trigger)} if trigger is not None else set()
    above = ancestors(mention.root)[:4]
    # "signed a letter of intent with X": whom the letter was signed with, not whose letter was handed over
    partner = next((k for k, t in enumerate(above) if t.lower_ == "with"), len(above))
    chain = [
        t
        for k, t in enumerate(above)
        if not (t.lower_ in JOINED_BY and t.i in own)
        and not attends(t, trigger)
        and not (t.lower_ in SENT_THINGS and k > partner)
    ]
    return any(t.lower_ in BYSTANDER_HEADS for t in chain) or (
        mention.start >= 2 and mention.doc[mention.start - 2 : mention.start].text.lower() == "as well as"
    )


def speaks_for_others(mention: SpacySpan) -> bool:
    """A spokesperson, named with that office before or after the name ("Foreign Ministry spokesperson X",
    "X, spokesman for the Presidency")."""
    described = [c for c in mention.root.children if c.dep_ in ("appos", "compound")]
    return any(t.lower_ in SPOKESPEOPLE for t in [*described, *mention])


def attends(word: Token, trigger: Token | None) -> bool:
    """ "The meeting, attended by A and B, …": who attended the meeting the trigger names took part in it."""
    return (
        trigger is not None
        and word.lower_ == "attended"
        and word.head.i == trigger.i
        and trigger.lower_ in MEETING_NOUNS
    )


def has_to(verb: Token) -> bool:
    """Whether a verb is an infinitive with "to" ("to meet", "to hold the next session")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def phrase_head(token: Token) -> Token:
    """The word a name or title word is part of: "Minister" and "X" of "Minister X's envoy" give X."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token


def owned_by_absent(mention: SpacySpan) -> Token | None:
    """What a possessor owns that acts in their stead: the envoy of "X's special envoy" or "the envoy of
    President X", the administration of "members of X's administration"."""
    named = phrase_head(mention.root)
    marked = any(c.dep_ == "case" for c in named.children)  # not "A and Bangladesh's adviser"
    if named.dep_ == "poss" and marked and named.head.lower_ in OWNED_BY_ABSENT:
        return named.head
    doc = mention.doc  # "the Special Envoy of President X", however it parses
    before = word_before(doc, mention.start, TITLES | OFFICE_WORDS)
    owned = doc[before - 1] if before > 0 and doc[before].lower_ == "of" else None
    return owned if owned is not None and owned.lower_ in OWNED_BY_ABSENT else None


def word_before(doc: Doc, start: int, passing: frozenset[str] | set[str]) -> int:
    """Where the word before position `start` is, passing over the words given (titles, offices); -1 at
    the page's start."""
    before = start - 1
    while before >= 0 and doc[before].lower_ in passing:
        before -= 1
    return before


def third_party(mention: SpacySpan, talks: bool = False) -> bool:
    """A mediator, witness or host of someone else's signing: the subject of "witnessed", "mediated",
    "participated in", or the agent of "overseen by", "facilitated by", or "in the presence of" X.
    Two leaders who "witnessed the signing" together are its sides, not its witnesses."""
    root = mention.root
    while root.dep_ == "compound" and root.head.i != root.i:  # "Prime" of "the Prime Minister of X"
        root = root.head
    if root.dep_ == "appos":  # "witnessed by the Chairperson of the Commission, X"
        root = root.head
    while root.dep_ == "conj" and root.head.i != root.i:  # "witnessed by A and B": B as A
        root = root.head
    if root.conjuncts and root.dep_ in ("nsubj", "nsubjpass"):
        return False
    head = root.head
    if talks:  # "talks …, facilitated by X": X is the agent of facilitating them
        return head.lower_ == "by" and head.head.lower_ in FACILITATING
    if root.dep_ in ("nsubj", "nsubjpass") and head.lower_ in THIRD_PARTY_WORDS:
        return about_a_signing(head)
    if head.lower_ in ("by", "of") and head.head.lower_ in THIRD_PARTY_WORDS:
        return about_a_signing(head.head)
    return False


def about_a_signing(verb: Token) -> bool:
    """Whether a witness's or mediator's verb is about a signing ("witnessed the signing of …", "a
    ceremony … overseen by"), not about talks they took part in."""
    signed = verb.head if verb.dep_ == "conj" else verb  # "was signed by A and B and witnessed by C"
    return any(t.lower_ in SIGNING_NOUNS for t in (verb.head, *signed.children, *verb.subtree))


ENTS_KEY = "accord_sentence_ents"


def sentence_ents(sentence: SpacySpan) -> list[SpacySpan]:
    """The entities of a sentence, read once per document: spaCy's `Span.ents` walks every entity of the
    document on each call, which a page of hundreds of sentences would pay for hundreds of times."""
    doc = sentence.doc
    by_sentence: dict[int, list[SpacySpan]] | None = doc.user_data.get(ENTS_KEY)
    if by_sentence is None:
        by_sentence = {}
        for entity in doc.ents:
            by_sentence.setdefault(entity.sent.start, []).append(entity)
        doc.user_data[ENTS_KEY] = by_sentence
    return [
        e for e in by_sentence.get(sentence.start, []) if sentence.start <= e.start and e.end <= sentence.end
    ]
