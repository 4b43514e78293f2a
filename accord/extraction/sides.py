"""The sides a sentence names for one trigger: every finder of `parties` together, less who is there for
another trigger or in a third party's role (a witness, a facilitator, the host of others' talks)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extraction.actors import Cast
from accord.extraction.lexicon import FACILITATING, MEETING_NOUNS
from accord.extraction.parties import (
    Party,
    affiliations,
    clause_root,
    collective_parties,
    counterparts_from,
    country_parties,
    named_parties,
    owned_parties,
    pronoun_parties,
    unique,
    unnamed_parties,
)
from accord.extraction.syntax import ancestors, third_party


def sentence_parties(
    sentence: SpacySpan, trigger: Token, cast: Cast, triggers: set[int], signing: bool = False
) -> list[Party]:
    """Every party the sentence itself names for this trigger, without duplicates; for a signing, not its
    witnesses, mediators or hosts ("overseen by King X")."""
    found = named_parties(sentence, trigger, cast, triggers) + pronoun_parties(trigger, cast)
    found += unnamed_parties(sentence, cast) + counterparts_from(sentence) + collective_parties(trigger, cast)
    found += owned_parties(sentence, cast)
    found += country_parties(trigger)
    found = [p for p in found if not another_triggers_official(p, found, trigger, triggers)]
    found = without_host_of_talks(found, trigger)
    # the witnesses of a signing are no party of it (its sides may come from the context), nor who
    # facilitated talks ("held talks, facilitated by Kazakh Foreign Minister X") a party of them
    if signing or any(c.lower_ in FACILITATING for c in (*clause_root(trigger).subtree, *ancestors(trigger))):
        # "convened by Kenya's Cabinet Secretary …, Dr. X": whichever of their words in the sentence says so
        witnesses = [
            p
            for p in found
            if any(
                third_party(m, talks=not signing)
                for m in [p.mention, *(p.actor.mentions if p.actor else [])]
                if m is not None and m.sent.start == sentence.start
            )
        ]
        named = {p.name for p in witnesses if p.name}
        found = [p for p in found if p not in witnesses and not (p.name and p.name in named)]
    return unique(found)


def without_host_of_talks(found: list[Party], trigger: Token) -> list[Party]:
    """Who "hosted talks between A and B" (or facilitated them) is named before them and is no side of them."""
    between = next(
        (
            prep
            for noun in (trigger, *(c for c in trigger.children if c.dep_ == "dobj"))
            if noun.lower_ in MEETING_NOUNS
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "between"
        ),
        None,
    )
    if between is None:
        return found
    inside = [
        p for p in found if p.mention is not None and between.i < p.mention.start <= between.right_edge.i
    ]
    if len(affiliations(inside)) < 2:
        return found
    return [p for p in found if p in inside or p.mention is None or p.mention.start > between.i]


def another_triggers_official(party: Party, found: list[Party], trigger: Token, triggers: set[int]) -> bool:
    """ "was received by the Egyptian president and held talks with the Egyptian foreign minister": of two
    unnamed officials of one country, each belongs to the trigger whose phrase holds it."""
    if party.name or party.mention is None:
        return False
    offices = {p.role for p in found if not p.name and p.affiliation == party.affiliation}
    if len(offices) < 2:
        return False
    owner = next((t.i for t in party.mention.root.ancestors if t.i in triggers), None)
    return owner is not None and owner != trigger.i
