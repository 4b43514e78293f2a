"""Lists: who is listed with whom. Respective lists give countries in one list and names in the next,
matched in order; people listed as the objects of one interaction are one delegation.

"The foreign ministers of Egypt, Jordan and Iraq, A, B and C, met", "his Belgian and Luxembourg
counterparts, X and Y": the first name belongs to the first country, the second to the second. Read from
the parse (a plural office noun, its countries as modifiers or after "of", then as many names as
countries); nothing is guessed when the counts differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import Actor
from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.lexicon import PORTFOLIOS, ROLE_WORDS, SIDE_NOUNS
from accord.extraction.roles import normalise_role

LIST_JOINERS = {",", "and", "respectively"}
NAME_GAP = 3  # tokens allowed between the office noun (or its countries) and the first name
TITLE_WORDS = ROLE_WORDS | PORTFOLIOS | {"of", "for"}  # a name's own title inside the list


@dataclass(frozen=True)
class Listed:
    """What a respective list says about the name starting at a token: its country and office."""

    affiliation: str
    role: str | None


def countries_of(noun: Token) -> tuple[list[str], int]:
    """The countries a plural office noun lists, in order, and where the list ends: demonyms before it
    ("Belgian and Luxembourg counterparts") or places after "of"/"from" ("ministers of Egypt and Iraq")."""
    before = sorted(
        {
            t.i: t for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") for t in (c, *c.conjuncts)
        }.values(),
        key=lambda t: t.i,
    )
    codes = [code for t in before if (code := affiliation_of_token(t))]
    if len(codes) >= 2:
        return codes, noun.i + 1
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            places = [t for o in prep.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
            named = sorted((t for t in places if affiliation_of_token(t)), key=lambda t: t.i)
            return [affiliation_of_token(t) or "" for t in named], (named[-1].i if named else prep.i) + 1
    return [], noun.i + 1


def names_after(doc: Doc, start: int) -> list[int]:
    """Where each name of a list starting near `start` begins: runs of capitalised words joined by commas
    and "and", until a word that is no name (a country, an office) or the sentence's verb."""
    sentence_end = doc[start].sent.end if start < len(doc) else len(doc)
    i = start
    while i < min(sentence_end, start + NAME_GAP) and not doc[i].is_title:
        i += 1
    starts: list[int] = []
    while i < sentence_end:
        token = doc[i]
        if token.text in LIST_JOINERS:
            i += 1
            continue
        if token.lower_ in ROLE_WORDS and token.is_title:  # "…, Minister for Defence Karin Ekström and …"
            while i < sentence_end and doc[i].lower_ in TITLE_WORDS:
                i += 1
            token = doc[min(i, sentence_end - 1)]
        if not (token.pos_ == "PROPN" and token.text[:1].isupper()):
            break
        if affiliation_of_token(token) or token.lower_ in ROLE_WORDS:
            break
        starts.append(i)
        while i < sentence_end and in_name(doc, i):
            i += 1
    return starts


def in_name(doc: Doc, i: int) -> bool:
    """A word of a name, or the hyphen inside one ("Solberg-Lie", "al-Momani")."""
    token = doc[i]
    if token.text in LIST_JOINERS:
        return False
    if token.pos_ == "PROPN":
        return True
    return token.text in ("-", "'", "’") and i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"


def respective_lists(doc: Doc) -> dict[int, Listed]:
    """Every name that a respective list gives a country (and, for an office noun, an office), by the
    position of its first token."""
    found: dict[int, Listed] = {}
    for noun in doc:
        if noun.tag_ != "NNS" or noun.lower_ not in SIDE_NOUNS:
            continue
        codes, end = countries_of(noun)
        if len(codes) < 2:
            continue
        starts = names_after(doc, end)
        if len(starts) != len(codes):
            continue
        office = [t.text for t in doc[noun.i - 1 : noun.i + 1] if affiliation_of_token(t) is None]
        role = normalise_role(" ".join(office))
        for start, code in zip(starts, codes, strict=True):
            found[start] = Listed(code, role)
    return found


def listed_together(mention: SpacySpan, actor: Actor) -> bool:
    """Whether a mention is listed with one of the actor's as the objects of an interaction ("met with
    Prime Minister Luxon and Trade Minister McClay"): one delegation, likely one country. Listed subjects
    ("Kishida and Stoltenberg confirmed") are the two sides."""
    doc = mention.doc
    for own in actor.mentions:
        if own.sent.start != mention.sent.start or own.start == mention.start:
            continue
        first, second = sorted((own, mention), key=lambda m: m.start)
        between = doc[first.end : second.start]
        linked = any(t.lower_ in ("and", ",") for t in between) and all(
            t.lower_ in ROLE_WORDS or t.lower_ in ("and", ",", "for", "of") or affiliation_of_token(t)
            for t in between
        )
        head = list_head(first.root)
        # "with A, B and C": C is listed with A too, unless a country between them starts another side
        linked |= head == list_head(second.root) and not any(affiliation_of_token(t) for t in between)
        if linked and head.dep_ in ("pobj", "dobj") and head.head.dep_ != "agent":
            return True  # not "signed by X and Y": a passive's agents are the two sides
    return False


def list_head(token: Token) -> Token:
    """The first item of the list a token is in ("with A, B and C": A for C), or the token itself."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token
