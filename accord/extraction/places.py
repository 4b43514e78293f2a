"""Places: where an event happened ("in Helsinki, Finland") and a visit's host, read from the parse."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extraction.affiliations import affiliation_of_token, strip_possessive
from accord.extraction.lexicon import (
    DESTINATION_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    SETTLEMENT_NOUNS,
    VENUE_WORDS,
    WELCOME_VERBS,
)
from accord.extraction.parties import in_side_clause, owned_by_other
from accord.extraction.placenames import place_of
from accord.extraction.syntax import ancestors, has_to, sentence_ents
from accord.gazetteer import city_country, country_code, venue_city, world_city_country
from accord.records import Location

PLACE_LABELS = ("GPE", "LOC", "FAC", "ORG")
VENUE_WORDS_MAX = 5  # "Great Hall of the People"


def place_of_entity(entity: SpacySpan) -> Location | None:
    """The place an entity names; any city of the world where the model or a preposition says place
    ("in Entebbe" comes back as an ORG), only the tables' cities otherwise. A country whose name the
    model split ("Trinidad" + "and Tobago") is the country."""
    doc = entity.doc
    for extra in (3, 2):
        if entity.end + extra <= entity.sent.end and doc[entity.end].lower_ in ("and", "&", "-"):
            country = country_code(doc[entity.start : entity.end + extra].text)
            if country:
                return Location(country=country)
    return place_of(entity.text, anywhere=entity.label_ in ("GPE", "LOC") or after_place_word(entity))


def after_place_word(span: SpacySpan) -> bool:
    doc = span.doc
    return span.label_ != "PERSON" and span.start > 0 and doc[span.start - 1].lower_ in PLACE_WORDS


def gpe_entities(sentence: SpacySpan) -> list[SpacySpan]:
    """Place names of a sentence: the model's place entities, plus known cities it labelled otherwise or
    not at all (the small model reads "in Montevideo" as a PRODUCT)."""
    places = []
    for entity in sentence_ents(sentence):
        if entity.label_ in PLACE_LABELS or (entity.label_ not in ("NORP", "DATE") and known_city(entity)):
            places.append(entity)
    doc = sentence.doc
    for token in sentence:
        if token.ent_iob_ == "O" and token.pos_ == "PROPN" and token.is_title:
            run = SpacySpan(doc, token.i, token.i + 1, label="GPE")
            if known_city(run) or (after_place_word(run) and world_city_country(token.text)):
                places.append(run)
        if token.lower_ in PLACE_PREPOSITIONS and (venue := venue_after(token)) is not None:
            places.append(venue)
    return sorted({(p.start, p.end): p for p in places}.values(), key=lambda span: span.start)


def venue_after(preposition: Token) -> SpacySpan | None:
    """A seat of government the model did not take for a place ("at No 10", "at the Kremlin"), right
    after a preposition: the longest run of words the gazetteer's venues know."""
    doc = preposition.doc
    start = preposition.i + 1 + (preposition.i + 1 < len(doc) and doc[preposition.i + 1].lower_ == "the")
    end = min(start + VENUE_WORDS_MAX, preposition.sent.end)
    for stop in range(end, start, -1):
        if venue_city(doc[start:stop].text):
            return SpacySpan(doc, start, stop, label="FAC")
    return None


def known_city(span: SpacySpan) -> bool:
    return city_country(strip_possessive(span.text.strip(" ,."))) is not None


def governed_by(entity: SpacySpan, trigger: Token) -> bool:
    """Whether a place hangs off the trigger or the verb that carries it ("held talks in Hanoi")."""
    anchors = {trigger.i}
    node = trigger
    for _ in range(3):
        if node.pos_ == "VERB" or node.head.i == node.i:
            break
        node = node.head
        anchors.add(node.i)
    node, steps = entity.root, 0
    while steps < 6:  # a list counts as one step: the parser hangs "in Delhi" on its last member
        if node.head.i == node.i:
            return False
        steps += node.dep_ != "conj"
        node = node.head
        if node.i in anchors:
            return True
        if node.pos_ == "VERB" and has_to(node):
            return False  # "agreed … to hold its next session in Baghdad": the place of what was agreed
    return False


def sentence_location(
    sentence: SpacySpan, trigger: Token | None = None, triggers: set[int] | None = None
) -> Location | None:
    """The place a sentence sets its event in: a city or country after "in"/"at", nearest the trigger, and
    not one that belongs to another event of the sentence ("a follow-up to the gathering in Buenos Aires")."""
    candidates = []
    welcome = trigger.i if trigger is not None and trigger.lower_ in WELCOME_VERBS else None
    prepositions = PLACE_WORDS if welcome is not None else PLACE_PREPOSITIONS  # "welcomed X to Samoa"
    for entity in gpe_entities(sentence):
        before = sentence.doc[entity.start - 1] if entity.start > sentence.start else None
        if before is not None and before.lower_ == "the" and entity.start - 2 >= sentence.start:
            before = sentence.doc[entity.start - 2]  # "to the Department of State"
        if before is not None and before.lower_ == "of" and before.head.lower_ in SETTLEMENT_NOUNS:
            before = before.head.head  # "in the southern Chinese city of Xiamen": where "city" is
        if before is None or before.lower_ not in prepositions:
            continue
        if welcome is not None and before.lower_ not in PLACE_PREPOSITIONS and before.head.i != welcome:
            continue  # "welcomed X and expressed appreciation to the U.S.": to whom, not where
        if trigger is not None and (not governed_by(entity, trigger) or in_side_clause(entity.root, trigger)):
            continue
        if trigger is not None and triggers:
            others = {i for i in triggers if sentence.doc[i].lower_ not in VENUE_WORDS}
            if owned_by_other(entity, trigger, others):
                continue  # the place of another event, unless that event is the venue ("the summit in …")
        location = place_of_entity(entity)
        if location is None:
            continue
        location = with_country_after(sentence, entity, location)
        distance = abs(entity.start - trigger.i) if trigger is not None else entity.start
        candidates.append((location.city is None, distance, location))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[:2])[2]


def with_country_after(sentence: SpacySpan, entity: SpacySpan, location: Location) -> Location:
    """ "in Helsinki, Finland" or "in Phnom Penh, Cambodia": the country after the comma wins."""
    doc = sentence.doc
    if location.city and entity.end + 1 < sentence.end and doc[entity.end].text == ",":
        following = next(
            (e for e in sentence_ents(sentence) if e.start == entity.end + 1 and e.label_ == "GPE"), None
        )
        country = country_code(following.text) if following is not None else None
        possessive = (
            following is not None and following.end < len(doc) and doc[following.end].lower_ in ("'s", "’s")
        )
        if country and not possessive:  # "In Amman, Qatar's minister met …": Qatar is no part of the place
            return Location(city=location.city, country=country)
    return location


def demonym_capital(trigger: Token) -> Location | None:
    """ "Arrived in the Lithuanian capital": the country a demonym gives the capital, city or port a trip
    went to."""
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "to")):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lower_ in SETTLEMENT_NOUNS):
            codes = {
                code
                for c in noun.children
                if c.dep_ in ("amod", "compound")
                if (code := affiliation_of_token(c))
            }
            if len(codes) == 1:
                return Location(country=codes.pop())
    return None


def host_of_visit(sentence: SpacySpan, trigger: Token) -> Location | None:
    """The place a visit went to: "visited Finland", "a visit to Maputo", "arrived in Tokyo", or
    "Nigeria is the third country he is visiting"."""
    entity: SpacySpan | None
    for entity in gpe_entities(sentence):
        if entity.start <= trigger.i:
            continue
        between = sentence.doc[trigger.i + 1 : entity.start]
        if len(between) > 6 or any(t.lower_ in ("since", "from", "with", "and") for t in between):
            continue
        if entity.start > 0 and sentence.doc[entity.start - 1].lower_ in ("of", "by"):
            continue  # "the visit of the Minister of India": the visitor's country, not the host
        if any(t.lower_ == "by" and t.i > trigger.i for t in ancestors(entity.root)):
            continue  # "a visit, the first by a Kazakh foreign minister": who came, not where
        location = place_of_entity(entity)
        if location is not None:
            return with_country_after(sentence, entity, location)
    capital = demonym_capital(trigger)
    if capital is not None:
        return capital
    head = trigger.head
    if trigger.dep_ in ("relcl", "acl") and head.lower_ in DESTINATION_NOUNS:
        for subject in (c for c in head.head.children if c.dep_ == "nsubj"):
            entity = next((e for e in gpe_entities(sentence) if e.start <= subject.i < e.end), None)
            if entity is not None:
                return place_of_entity(entity)
    return None
