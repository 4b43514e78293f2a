"""Descriptions without a name: "the Raksha Mantri called on …", "the US top diplomat", "the Secretary
General received …" are the one person the page names who holds that office, when there is exactly one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import (
    GENERIC_ROLES,
    SUBJECT_DEPS,
    Actor,
    Cast,
    affiliation_in,
    left_window,
    title_country,
)
from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.lexicon import (
    DESCRIPTION_HEADS,
    HEAD_OF,
    INDEFINITE_ARTICLES,
    INSTITUTION_WORDS,
    OTHER_HOLDER_WORDS,
    ROLE_WORDS,
    SEVERAL_HOLDERS,
    TITLE_TAILS,
)
from accord.extraction.roles import normalise_role
from accord.extraction.syntax import ancestors

__all__ = ["country_of_office", "is_object_of", "link_descriptions", "office_end", "someone_else"]


def link_descriptions(doc: Doc, cast: Cast, home: str | None = None) -> None:
    """ "The Raksha Mantri called on …", "the US top diplomat": a role phrase without a name is the one
    person on the page holding that office (of that country, if it says), when there is exactly one."""
    titles = {  # "Prime Minister of the Republic of Belarus X": the office of the name that follows
        t.i: actor for actor in cast.actors for m in actor.mentions for t in left_window(doc, m.start)
    }
    for token in doc:
        if token.lower_ not in DESCRIPTION_HEADS or token.i in cast.by_token:
            continue
        if token.i in titles:
            titles[token.i].mentions.append(doc[token.i : token.i + 1])
            cast.by_token[token.i] = titles[token.i]
            continue
        after = token.i + 1
        while after < token.sent.end and (doc[after].lower_ in ROLE_WORDS or doc[after].text in (",", "(")):
            after += 1
        if after in cast.by_token:
            continue  # "Foreign Minister Cho": the office of a named person
        window = left_window(doc, token.i)
        named = apposed_to(doc, window.start, cast)
        if named is not None:  # "Dr. X, Minister of Foreign Affairs of Iran": the title of the name before
            named.mentions.append(doc[token.i : token.i + 1])
            cast.by_token[token.i] = named
            continue
        end = token.i + 1
        while end < token.sent.end and doc[end].lower_ in TITLE_TAILS:
            end += 1  # "the Secretary General": the office goes on after its head word
        following = doc[end : end + 3].text.lower()  # "the Head of State", "the head of our state"
        head_of = next((len(tail.split()) for tail in HEAD_OF if following.startswith(tail)), 0)
        end += head_of
        phrase = doc[window.start : end]
        if someone_else(phrase) or owns_a_building(phrase):
            continue
        affiliation = affiliation_in(window) or (  # its "of" names no country: "the Head of State held …"
            None if head_of else country_of_office(token, cast) or title_country(doc, token.i + 1)
        )
        role = normalise_role(phrase.text, affiliation)
        if role is None:
            continue
        if role in GENERIC_ROLES:  # "the Iranian minister" is Iran's; a press release's "the Minister" is
            country = affiliation or home  # its own, or, its publisher unknown, the one minister it names
            holders = [  # a prime minister is never "the Minister"
                a
                for a in cast.actors
                if country in (None, a.affiliation)
                and (a.role or "").endswith("minister")
                and a.role != "prime minister"
            ]
        else:
            holders = [a for a in cast.actors if a.role == role and affiliation in (None, a.affiliation)]
            # "Deputy Prime Minister and Foreign Minister X … the deputy prime minister": one of two offices
            holders = holders or [
                a
                for a in cast.actors
                if affiliation in (None, a.affiliation) and role in titled_offices(doc, a)
            ]
        if not holders and affiliation:  # "the President of Russia": the one Russian named without an office
            holders = [a for a in cast.actors if a.role is None and a.affiliation == affiliation]
            for holder in holders[:1] if len(holders) == 1 else []:
                holder.role = role
        holders = narrowed(holders, token, home)
        if len(holders) == 1:
            holders[0].mentions.append(phrase)
            for t in phrase:
                cast.by_token[t.i] = holders[0]


def titled_offices(doc: Doc, actor: Actor) -> set[str | None]:
    """Each office a person's titles join with "and" ("Deputy Prime Minister and Foreign Minister X")."""
    return {
        normalise_role(part)
        for mention in actor.mentions
        for part in left_window(doc, mention.start).text.split(" and ")
    }


def owns_a_building(phrase: SpacySpan) -> bool:
    """ "At the Prime Minister's Office", "the President's Palace": an office that owns a building names it."""
    doc = phrase.doc
    end = phrase.end
    return end + 1 < len(doc) and doc[end].lower_ in ("'s", "’s") and doc[end + 1].lower_ in INSTITUTION_WORDS


def apposed_to(doc: Doc, start: int, cast: Cast) -> Actor | None:
    """The person named right before an office phrase that starts at `start`, set off by a comma."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    return cast.by_token.get(start - 2)


def office_end(head: Token, cast: Cast) -> int:
    """Where the words of an office that starts at `head` end: "Minister of Foreign Affairs of", up to
    the country or name after them ("…, X" where a name follows a comma)."""
    doc = head.doc
    end = head.sent.end
    following = head.i + 1
    while following < end and (
        doc[following].lower_ in ROLE_WORDS
        or (doc[following].text == "," and following + 1 < end and following + 1 in cast.by_token)
    ):
        following += 1
    return following


def country_of_office(head: Token, cast: Cast) -> str | None:
    """ "The President of Uganda", "the Minister of Foreign Affairs of Kazakhstan": the country the office
    words end on, after "of" — its name right there, not a place later in the sentence."""
    doc = head.doc
    end = office_end(head, cast)
    of = next((t for t in doc[head.i + 1 : end] if t.lower_ == "of"), None)
    if of is None:
        return None
    after = doc[of.i + 1 : min(len(doc), end + 4)]
    return next((code for t in after if (code := affiliation_of_token(t))), None)


def someone_else(description: SpacySpan) -> bool:
    """ "A previous Latvian president", "a former minister": not the office holder the page names."""
    before = description.doc[description.start - 1] if description.start else None
    words = {t.lower_ for t in description} | ({before.lower_} if before is not None else set())
    return bool(words & OTHER_HOLDER_WORDS) or bool(
        words & INDEFINITE_ARTICLES and not words & SEVERAL_HOLDERS
    )


def narrowed(holders: list[Actor], description: Token, home: str | None) -> list[Actor]:
    """Of several holders of an office, the one a description can mean: not the other party of its own
    verb ("the Prime Minister called on Samoa's Prime Minister, X" is the other one), else the publisher's."""
    if description.dep_ in SUBJECT_DEPS:
        verb = description.head
        holders = [a for a in holders if not any(is_object_of(m, verb) for m in a.mentions)]
    if len(holders) > 1 and home:
        holders = [a for a in holders if a.affiliation == home]
    return holders


def is_object_of(mention: SpacySpan, verb: Token) -> bool:
    """Whether a mention stands in a verb's object or prepositional object ("met the President of the
    Republic of Belarus X")."""
    for node in [mention.root, *ancestors(mention.root)]:
        if node.head.i == node.i or node.dep_ in SUBJECT_DEPS:
            return False
        if node.head.i == verb.i:
            return node.dep_ in ("dobj", "prep", "agent", "pobj", "dative", "prt", "appos")
    return False
