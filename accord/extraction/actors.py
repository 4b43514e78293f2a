"""Actors: the people a page names, with canonical names, roles and affiliations, and every mention of them.

spaCy's small English model finds most names but clips or mislabels many ("Espen Barth" for
"Espen Barth EIDE", "Stoltenberg" as a place), so names are repaired by the shape of the tokens around
them, anchored by role phrases, and later surname-only mentions are linked to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from gender_guesser.detector import Detector
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.lexicon import (
    BRIEF_OFFICES,
    COUNTERPARTS,
    FEMININE,
    MASCULINE,
    NAME_ANCHORS,
    OFFICE_LINKS,
    PLACE_PREPOSITIONS,
    PORTFOLIO_CHAIN,
    POSSESSIVE_PRONOUNS,
    ROLE_WORDS,
    TITLE_COUNTRIES,
    TITLES,
)
from accord.extraction.names import name_matches
from accord.extraction.roles import normalise_role
from accord.records import AffiliationConflict, stronger_source

PLACE_ENTITIES = {"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "MONEY", "CARDINAL", "ORDINAL", "EVENT", "LAW"}
LEFT_WINDOW = 16
RIGHT_WINDOW = 14
GENERIC_ROLES = {"minister", None}
PRONOUN_REACH = 3
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PORTFOLIO_REACH = 16  # words an office's portfolio may run to before the comma that closes it
NEAR_REACH = 16  # tokens around a name within which "the Japanese diplomat" may describe its bearer


@dataclass
class Actor:
    """One person across the page; `name` may be only a surname when the page never gives more."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    mentions: list[SpacySpan] = field(default_factory=list)
    # where the affiliation was read (`records.AFFILIATION_SOURCES`) and the mention whose words gave it
    affiliation_source: str | None = None
    affiliation_at: SpacySpan | None = None
    affiliation_conflicts: list[AffiliationConflict] = field(default_factory=list)
    spokesperson: bool = False  # "X, spokesperson for the Ministry": tells of talks, takes no part in them

    def learn(
        self,
        role: str | None,
        affiliation: str | None,
        source: str | None = None,
        at: SpacySpan | None = None,
    ) -> None:
        """The first role the page states wins, and the affiliation of the strongest evidence (the first
        of equals); later mentions fill gaps or make a generic role ("minister") specific. An affiliation
        that loses is kept as a conflict; one read beside another mention of this person counts as "page"
        evidence there, since it is not in the sentence of the event that keeps the winner."""
        if self.role in GENERIC_ROLES:
            self.role = role or self.role
        if affiliation is None or affiliation == self.affiliation:
            return
        if self.affiliation is None or stronger_source(source, self.affiliation_source):
            if self.affiliation is not None:
                self.conflict(self.affiliation, self.affiliation_source)
            self.affiliation, self.affiliation_source, self.affiliation_at = affiliation, source, at
        else:
            self.conflict(affiliation, "page" if source in ("sentence", None) else source)

    def conflict(self, affiliation: str, source: str | None) -> None:
        """Keep weaker evidence for another affiliation, once per affiliation."""
        if all(c.affiliation != affiliation for c in self.affiliation_conflicts):
            self.affiliation_conflicts.append(AffiliationConflict(affiliation, source or "page"))


@dataclass
class Cast:
    """The actors of one page and, for every token that names one, which actor it is."""

    actors: list[Actor] = field(default_factory=list)
    by_token: dict[int, Actor] = field(default_factory=dict)
    counterparts: dict[int, Actor] = field(default_factory=dict)  # "his Finnish counterpart X": X's token

    def add(
        self,
        span: SpacySpan,
        name: str,
        role: str | None,
        affiliation: str | None,
        source: str | None = None,
    ) -> Actor:
        actor = self.find(name, affiliation)
        if actor is None:
            actor = Actor(name)
            self.actors.append(actor)
        elif len(name.split()) > len(actor.name.split()):
            actor.name = name
        actor.learn(role, affiliation, source, span)
        actor.mentions.append(span)
        for token in span:
            self.by_token[token.i] = actor
        return actor

    def find(self, name: str, affiliation: str | None = None) -> Actor | None:
        """The actor a (possibly partial) name refers to: the full name first, then the latest match."""
        for actor in self.actors:
            if actor.name.lower() == name.lower():
                return actor
        for actor in reversed(self.actors):
            if (name_matches(name, actor.name) or name_matches(actor.name, name)) and (
                affiliation is None or actor.affiliation in (None, affiliation)
            ):
                return actor
        return None

    def in_span(self, start: int, end: int) -> list[tuple[Actor, SpacySpan]]:
        """Actors mentioned between two token positions, in order, each once per mention."""
        seen: list[tuple[Actor, SpacySpan]] = []
        for actor in self.actors:
            for mention in actor.mentions:
                if start <= mention.start < end:
                    seen.append((actor, mention))
        return sorted(seen, key=lambda pair: pair[1].start)

    def latest_before(self, pronoun: Token, other_than: tuple[Actor, ...] = ()) -> Actor | None:
        """Whom "he" or "she" means: the last official named as a subject in the sentences just before the
        pronoun, else the last official named at all; for "met him", not the one who met; never someone
        the page shows to be of the other gender ("Ms Thorsen" is no "he")."""
        position, shown = pronoun.i, gender_word(pronoun)
        mentions = [
            (mention, actor)
            for actor in self.actors
            if (actor.role or actor.affiliation)
            and not any(actor is other for other in other_than)
            and gender(actor) in (None, shown)
            for mention in actor.mentions
            if mention.start < position
        ]
        if not mentions:
            return None
        recent = {s.start for s in list(pronoun.doc[: position + 1].sents)[-PRONOUN_REACH:]}  # type: ignore[attr-defined]  # Span.sents is missing from spaCy's span.pyi
        subjects = [
            (mention, actor)
            for mention, actor in mentions
            if mention.sent.start in recent and SUBJECT_DEPS & {mention.root.dep_, mention.root.head.dep_}
        ]
        # a subject itself outranks a name set beside one ("adviser Touhid Hossain"), then the latest wins
        return max(subjects or mentions, key=lambda pair: (pair[0].root.dep_ in SUBJECT_DEPS, pair[0].start))[
            1
        ]


def gender_word(token: Token) -> str | None:
    """ "f" or "m" for a word that shows a gender ("she", "Ms", "his"), else None."""
    word = token.lower_
    return "f" if word in FEMININE else "m" if word in MASCULINE else None


def gender(actor: Actor) -> str | None:
    """What the page shows of a person's gender: an honorific before a mention ("Ms Thorsen", "H.E. Mr.
    X"), else what their given name usually means, else a possessive in the clause they are the subject
    of ("X met her counterpart"), which may belong to someone else ("X asked her to inform the world of
    the facts within her responsibility"); None when it shows nothing or both."""
    honorifics = {
        gender_word(t) for m in actor.mentions for t in m.doc[max(m.sent.start, m.start - 2) : m.start]
    } - {None}
    possessives = {
        gender_word(t)
        for m in actor.mentions
        if m.root.dep_ in SUBJECT_DEPS
        for t in m.root.head.subtree
        if t.tag_ == "PRP$" and t.i > m.end and t.head.i != t.i
    } - {None}
    shown = honorifics or ({given_name_gender(actor.name)} - {None}) or possessives
    return shown.pop() if len(shown) == 1 else None


@cache
def name_genders() -> Detector:
    return Detector(case_sensitive=False)


def given_name_gender(name: str) -> str | None:
    """What a given name usually means ("Roza Otunbayeva" is a "she"), from gender-guesser's dictionary of
    given names by country; None for a name it calls ambiguous or does not know."""
    given = name.split()
    if len(given) < 2:
        return None
    guess = name_genders().get_gender(given[0])
    return {"male": "m", "female": "f"}.get(guess)


def describe_left(doc: Doc, start: int) -> tuple[str | None, str | None, bool]:
    """Role, affiliation and "counterpart" from the words just before a name."""
    window = left_window(doc, start)
    affiliation = affiliation_in(window)
    counterpart = any(t.lower_ in COUNTERPARTS for t in window)
    return roles_in(window, affiliation), affiliation, counterpart


def window_start(doc: Doc, start: int) -> int:
    """Where the words describing a name may begin: its sentence, or the one before when the parser cut
    a sentence after an office word ("his Algerian counterpart | Farid Benmoussa held talks")."""
    first = doc[start].sent.start
    if (
        first == start
        and start > 0
        and doc[start - 1].lower_ in ROLE_WORDS
        and "\n" not in doc[start - 1].whitespace_
    ):
        return doc[start - 1].sent.start
    return first


def left_window(doc: Doc, start: int) -> SpacySpan:
    """The titles, offices and countries standing right before a name, including portfolio words inside
    a title ("Minister of Industry and Trade Ashatu Kijaji")."""
    first = window_start(doc, start)
    i = start - 1
    in_title = portfolio_before(doc, start)
    reach = start - LEFT_WINDOW
    while i >= max(first, reach):
        token = doc[i]
        if token.lower_ == "and" and i > first and affiliation_of_token(doc[i - 1]):
            break  # "X of Uruguay and Santiago Cafiero of Argentina": what comes before "and" is X's
        if token.lower_ == "and" and i > first and doc[i - 1].is_lower and starts_a_holder(doc[i + 1]):
            break  # "the French president and President Barroso", "Kinshasa's top diplomat and her …"
        if token.text == "," and i > first and doc[i - 1].lower_ in COUNTERPARTS and opens_clause(doc, start):
            break  # "greeting his Thai counterpart, Minh hailed …": the name opens its own clause
        opening = title_opening(doc, i) if token.text == "," and i > first else None
        if opening is not None and all(t.lower_ in TITLES for t in doc[i + 1 : start]):
            reach -= i - opening  # "…, Mr. X": the whole office with its portfolio, however it lists it
            in_title, i = True, opening
            continue
        portfolio = (
            in_title
            and token.tag_ in ("NNP", "NNPS")
            and (token.ent_type_ != "PERSON" or doc[i + 1].lower_ in ROLE_WORDS)  # NER's "Diaspora Affairs"
        )
        if (
            token.lower_ in ROLE_WORDS
            or portfolio
            or token.lower_ in ("'s", "’s", ".")
            or (token.text in ("'", "’") and i > first and doc[i - 1].lower_.endswith("s"))  # "Barbados' X"
            or (token.text in ("-", "–") and not token.whitespace_)  # a hyphen, not a dateline's dash
            or (token.text == "/" and i > first and doc[i - 1].lower_ in ROLE_WORDS)  # "Representative/Vice-"
            or affiliation_of_token(token)
            or (token.text == "," and i > first and i + 1 < start and affiliation_of_token(doc[i + 1]))
            or (
                token.text
                == ","  # "the President of Guyana, Irfaan Ali"; "Secretary-General of ASEAN, Dr. Kao"
                and i > first
                and all(t.lower_ in TITLES for t in doc[i + 1 : start])
                and (
                    doc[i - 1].lower_ in ROLE_WORDS
                    or doc[i - 1].text == ")"
                    or office_of_country(doc, i - 1)
                    or ends_title(doc, i)
                )
            )
            or (  # "her Montenegrin counterpart, Minister of Foreign Affairs X"
                token.text == "," and i > first and doc[i - 1].lower_ in COUNTERPARTS
            )
            or bracketed_acronym(doc, i)  # "the Gulf Cooperation Council (GCC), X"
        ):
            if token.text == ")" and bracketed_acronym(doc, i):  # "(OIC)" adds no word to a title
                reach -= i - next(j for j in range(i - 1, -1, -1) if doc[j].text == "(") + 1
            in_title = (
                in_title
                or token.lower_ in NAME_ANCHORS
                or token.lower_ in ("of", "for")
                or (token.text == "," and ends_title(doc, i))
            )
            i -= 1
        else:
            break
    return doc[i + 1 : start]


def starts_a_holder(token: Token) -> bool:
    """Whether a word after "and" opens another office holder's phrase: a title ("President X") or a
    possessive ("her Rwandan counterpart"), not the second office of one person ("and foreign minister")."""
    return token.is_title or token.lower_ in POSSESSIVE_PRONOUNS


def opens_clause(doc: Doc, start: int) -> bool:
    """Whether the name at `start` is the subject of a verb of its own, not an apposition."""
    end = start
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        end += 1
    root = min(doc[start : end + 1], key=lambda t: len(list(t.ancestors)))
    return root.dep_ in SUBJECT_DEPS and root.head.pos_ in ("VERB", "AUX")


def ends_title(doc: Doc, comma: int) -> bool:
    """Whether the words before a comma close an office title with its portfolio: "the High Commissioner
    for Human Rights, X", "Minister of Fisheries and Marine Resources, X"."""
    return title_opening(doc, comma) is not None


def title_opening(doc: Doc, comma: int) -> int | None:
    """Where the office title that a comma closes opens: its office word ("Minister" of "Minister of
    Foreign Affairs, International Cooperation and Guineans Abroad, Mr. X"), if the words before it are one."""
    start = doc[comma].sent.start
    for j in range(comma - 1, max(start, comma - PORTFOLIO_REACH) - 1, -1):
        token = doc[j]
        if token.lower_ in NAME_ANCHORS:
            return j if j < comma - 1 and doc[j + 1].lower_ in OFFICE_LINKS else None
        if not (token.is_title or token.is_upper or token.lower_ in ("for", "of", "and", "the", "&", ",")):
            return None  # a portfolio may list several ("Foreign Affairs, International Trade and Worship")
    return None


def describe_right(doc: Doc, end: int) -> tuple[str | None, str | None]:
    """Role and affiliation from an apposition after a name ("X, secretary general of NATO,")."""
    sentence = doc[end - 1].sent
    if end >= sentence.end:
        return None, None
    if doc[end].lower_ == "of" and end + 1 < sentence.end:
        stop = end + 1
        while stop < min(sentence.end, end + 6) and (
            affiliation_of_token(doc[stop]) or doc[stop].lower_ == "the"
        ):
            stop += 1
        return None, affiliation_in(doc[end:stop])
    if doc[end].text not in (",", "(") or (end + 1 < sentence.end and doc[end + 1].lower_ in ("and", "or")):
        return None, None  # ", and Suriname's Minister …": the next person, not an apposition
    stop = end + 1
    while (
        stop < min(sentence.end, end + RIGHT_WINDOW)
        and doc[stop].text not in (",", ")", ";")
        and (
            doc[stop].lower_ in ROLE_WORDS
            or doc[stop].lower_ in ("'s", "’s", "-")
            or affiliation_of_token(doc[stop])
            or doc[stop].text[:1].isupper()
        )
    ):
        stop += 1
    window = doc[end + 1 : portfolio_goes_on(doc, stop, sentence.end)]
    if any(t.ent_type_ == "PERSON" and t.lower_ not in PORTFOLIO_CHAIN for t in window):
        return None, None  # "Mabuza, India's Minister Raghav Menon and …": the next name's office, not hers
    affiliation = affiliation_in(window)
    role = roles_in(window, affiliation)
    return (role, affiliation) if role else (None, None)


def portfolio_goes_on(doc: Doc, comma: int, stop: int) -> int:
    """Where an apposition's office ends when a comma only lists its portfolios: "Minister of Foreign
    Affairs, International Cooperation and Gambians Abroad of the Republic of The Gambia,"."""
    if comma >= stop or doc[comma].text != ",":
        return comma
    end = comma + 1
    while end < stop and doc[end].text not in (",", ")", ";", ".") and doc[end].ent_type_ != "PERSON":
        if not (doc[end].is_title or doc[end].lower_ in ROLE_WORDS or affiliation_of_token(doc[end])):
            return comma
        end += 1
    tail = doc[comma + 1 : end]
    country_at_end = len(tail) > 2 and any(t.lower_ == "of" for t in tail) and affiliation_in(tail[-3:])
    return end if country_at_end and doc[comma + 1].lower_ not in ("and", "or") else comma


def roles_in(window: SpacySpan, affiliation: str | None) -> str | None:
    return normalise_role(window.text, affiliation) if len(window) else None


def office_of_country(doc: Doc, i: int) -> bool:
    """Whether token i ends "<office> of <country>" ("the President of Guyana"), not a place ("from Tonga")."""
    j = i
    while (
        j > 0
        and affiliation_of_token(doc[j])
        and affiliation_of_token(doc[j - 1]) == affiliation_of_token(doc[i])
    ):
        j -= 1
    while j > 0 and doc[j - 1].lower_ == "the":
        j -= 1
    return (
        bool(affiliation_of_token(doc[i]))
        and j > 1
        and doc[j - 1].lower_ == "of"
        and doc[j - 2].lower_ in ROLE_WORDS
    )


def bracketed_acronym(doc: Doc, i: int) -> bool:
    """Whether token i is a bracket around an organisation's or country's short name, or a rank's mark:
    "(GCC)", "General (Ret.)"."""
    if doc[i].text not in "()":
        return False
    step = -1 if doc[i].text == ")" else 1
    j = i + step
    inside: list[Token] = []
    while 0 <= j < len(doc) and doc[j].text not in "()" and len(inside) < 3:
        inside.append(doc[j])
        j += step
    closed = 0 <= j < len(doc) and doc[j].text in "()"
    words = [t for t in inside if not t.is_punct]
    return closed and len(words) == 1 and (bool(affiliation_of_token(words[0])) or words[0].lower_ in TITLES)


def affiliation_in(window: SpacySpan) -> str | None:
    """The country or organisation named nearest the end of a window (the name follows it), passing over
    an envoy's brief ("the US Special Envoy for Sudan")."""
    for token in reversed(window):
        code = affiliation_of_token(token)
        if code and not envoys_brief(token) and not a_place_named(token):
            return code
    return None


def a_place_named(token: Token) -> bool:
    """ "Received in Cairo His Excellency X": a place the sentence names where something happened, not
    the country of the name that follows."""
    named = token
    while named.dep_ == "compound" and named.head.i != named.i:
        named = named.head
    return named.dep_ == "pobj" and named.head.lower_ in PLACE_PREPOSITIONS


def envoys_brief(token: Token) -> bool:
    """Whether a country word closes "<envoy> for <country>": what the office deals with."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":  # "for South Sudan": from the name's first word
        start -= 1
    return start > 1 and doc[start - 1].lower_ == "for" and doc[start - 2].lower_ in BRIEF_OFFICES


def title_country(doc: Doc, start: int) -> str | None:
    """The country of an office title only one government uses ("Raksha Mantri Shri Rajnath Singh")."""
    window = left_window(doc, start).text.lower()
    return next((code for title, code in TITLE_COUNTRIES.items() if re.search(title, window)), None)


def portfolio_before(doc: Doc, i: int) -> bool:
    """Whether the words before token i close "<office> of/for <portfolio>" ("Minister of Foreign and
    European Affairs"), however the portfolio is worded."""
    j = i - 1
    while j > max(doc[i].sent.start, i - LEFT_WINDOW) and (
        doc[j].lower_ in PORTFOLIO_CHAIN or doc[j].tag_ == "NNP"
    ):
        if doc[j].lower_ in NAME_ANCHORS and doc[j + 1].lower_ in ("of", "for"):
            return True
        j -= 1
    return False
