"""The cast of a page: every person it names, linked across mentions, with the country each serves.

`accord.extraction.actors` reads one name and the words around it; this module puts a page's names together: later
surname-only mentions and definite descriptions ("the Raksha Mantri") join the full name, and officials
the page never ties to a country get the one the page most plausibly means.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import (
    Cast,
    affiliation_in,
    describe_left,
    describe_right,
    left_window,
    title_country,
)
from accord.extraction.affiliations import strip_possessive
from accord.extraction.descriptions import link_descriptions
from accord.extraction.lexicon import (
    DELEGATION_NOUNS,
    INSTITUTION_WORDS,
    NAME_ANCHORS,
    PARTICLES,
    TITLES,
)
from accord.extraction.lists import respective_lists
from accord.extraction.names import canonical_name, family_name, fathers_names, is_family_first, name_matches
from accord.extraction.roles import normalise_role
from accord.extraction.serving import counterparts_of_their_own_side, infer_affiliations
from accord.extraction.spotting import is_name_token, is_person_name, name_span, person_candidates
from accord.extraction.syntax import speaks_for_others


def find_actors(doc: Doc, home: str | None = None, filed_in: str | None = None) -> Cast:
    """Every person the page names, with their mentions; surname-only mentions join the full name.
    `home` is the publisher's country, if known: whose officials a press release names without one."""
    cast = Cast()
    taken: set[int] = set()
    listed = respective_lists(doc)
    for first, last in person_candidates(doc):
        start, end = name_span(doc, first, last)
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        name = canonical_name(doc[start:end].text)
        if not is_person_name(name) or doc[end - 1].lower_ in INSTITUTION_WORDS:
            continue  # also as printed: "ASEAN Headquarters" is no "Headquarters Asean"
        role, affiliation, counterpart = describe_left(doc, start)
        if describes_the_name_before(doc, start, taken):
            role, affiliation, counterpart = None, None, False
        source = "counterpart" if counterpart else "sentence"
        given = next((listed[i] for i in range(start, end) if i in listed), None)
        if given is not None:  # "the ministers of Egypt and Iraq, A and B": B is Iraq's, whatever is nearer
            role, affiliation, source = given.role or role, given.affiliation, "sentence"
        right_role, right_affiliation = describe_right(doc, end)
        role = role or office_on_line_above(doc, start)
        if affiliation is None:
            source = "sentence"
            affiliation = delegation_country(doc, start) or right_affiliation
        if affiliation is None and (affiliation := title_country(doc, start)):
            source = "title"
        actor = cast.add(doc[start:end], name, role or right_role, affiliation, source)
        if counterpart:
            cast.counterparts[start] = actor
        taken.update(range(start, end))
    link_surnames(doc, cast, taken)
    infer_affiliations(doc, cast, home, filed_in)
    link_descriptions(doc, cast, home)
    # "The Minister then held talks with his counterpart X": once "the Minister" is known, X serves the
    # other side, whatever country the page's counts gave X
    misplaced = counterparts_of_their_own_side(doc, cast)
    for actor in misplaced:
        actor.affiliation = actor.affiliation_source = None
    if misplaced:
        infer_affiliations(doc, cast, home, filed_in)
    for actor in cast.actors:
        actor.spokesperson = any(speaks_for_others(m) for m in actor.mentions)
    return cast


def describes_the_name_before(doc: Doc, start: int, taken: set[int]) -> bool:
    """ "Mr. A, Minister of Foreign Affairs of Kyrgyzstan, Mr. B, Minister of … Senegal": the office before
    B, set off after A's name by a comma, is A's apposition, not B's title."""
    window = left_window(doc, start)
    return (
        window.start >= 2
        and doc[window.start - 1].text == ","
        and window.start - 2 in taken
        and doc[window.start].is_title
        and doc[window.start].lower_ in NAME_ANCHORS
    )


def delegation_country(doc: Doc, start: int) -> str | None:
    """ "a delegation from the State of Libya led by H.E. X": the head of a country's delegation."""
    i = left_window(doc, start).start - 1  # past "the Secretary of Foreign Affairs,"
    if i < 1 or doc[i].lower_ != "by":
        return None
    if doc[i - 1].lower_ in DELEGATION_NOUNS:  # "… and the South Sudanese delegation by X": "led" left out
        return affiliation_in(doc[max(doc[i].sent.start, i - 4) : i - 1])
    if doc[i - 1].lower_ not in ("led", "headed"):
        return None
    before = doc[max(doc[i].sent.start, i - 10) : i - 1]
    nouns = [t.i for t in before if t.lower_ in DELEGATION_NOUNS]
    if not nouns:
        return None  # "The Argentine delegation was headed by", "a delegation from Libya led by"
    return affiliation_in(doc[max(doc[i].sent.start, nouns[-1] - 2) : i - 1])


def office_on_line_above(doc: Doc, start: int) -> str | None:
    """A minister's page prints the office on its own line above the name ("Minister for Foreign Affairs"
    / "The Hon Rebecca Mallory MP")."""
    text = doc.text
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    opening: SpacySpan | list[Token] = (
        doc.char_span(line_start, doc[start].idx, alignment_mode="expand") or []
    )
    if any(t.lower_ not in TITLES | {"the"} and not t.is_space for t in opening):
        return None  # the name does not open its line
    above_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    above = text[above_start : max(line_start - 1, 0)].strip()
    return normalise_role(above) if 0 < len(above.split()) <= 8 else None


def link_surnames(doc: Doc, cast: Cast, taken: set[int]) -> None:
    """Tokens spelling a known actor's family name are mentions of that actor, whatever NER thought; so is
    a given name that stands alone where only one actor bears it ("Gedion, who is in Djibouti …": some
    naming traditions refer to people by their first name)."""
    full = [actor for actor in cast.actors if len(actor.name.split()) > 1]
    paternal = Counter(second_surname(actor.name) for actor in full)
    surnames = {  # "Monzón" for Carlos Enrique Monzón Paiz: Spanish and Portuguese use the first surname
        word: actor for actor in full if (word := second_surname(actor.name)) and paternal[word] == 1
    } | {family_name(actor.name): actor for actor in full}
    given = Counter(actor.name.split()[0] for actor in full)
    first_names = {actor.name.split()[0]: actor for actor in full if given[actor.name.split()[0]] == 1}
    for token in doc:
        if token.i in taken or not token.text[:1].isupper() or names_a_building(token):
            continue
        word = strip_possessive(token.text)
        actor = surnames.get(word)
        if (
            actor is None
            and word in first_names
            and not is_name_token(token.nbor(1) if token.i + 1 < len(doc) else token)
        ):
            actor = first_names[word]
        if actor is not None and not any(m.start <= token.i < m.end for m in actor.mentions):
            actor.mentions.append(doc[token.i : token.i + 1])
            cast.by_token[token.i] = actor
    merge_partial_actors(cast)


def names_a_building(token: Token) -> bool:
    """ "the Ho Chi Minh Mausoleum", "Mandela Bridge": a name a building or institution bears is not its
    namesake's mention."""
    doc = token.doc
    j = token.i + 1
    while j < min(len(doc), token.i + 3) and doc[j].is_title and doc[j].lower_ not in INSTITUTION_WORDS:
        j += 1
    return j < len(doc) and doc[j].is_title and doc[j].lower_ in INSTITUTION_WORDS


def second_surname(name: str) -> str | None:
    """The word before the last of a name of three or more words, if it is not a particle."""
    words = name.split()
    if (
        len(words) < 3
        or words[-2].lower() in PARTICLES
        or not words[-2][:1].isupper()
        or is_family_first(name)
    ):
        return None
    return words[-2]


def merge_partial_actors(cast: Cast) -> None:
    """A partial name seen apart from the full one ("Kihara", "Minister Ursula") is the same person."""
    for partial in sorted(cast.actors, key=lambda a: len(a.name.split())):
        full = next(
            (
                a
                for a in cast.actors
                if a is not partial
                and len(a.name.split()) > len(partial.name.split())
                and (
                    name_matches(partial.name, a.name)
                    or (
                        len(partial.name.split()) == 1
                        and set(partial.name.split()) < set(a.name.split()) - fathers_names(a.name.split())
                    )
                )
            ),
            None,
        )
        if full is None:
            continue
        full.learn(partial.role, partial.affiliation, partial.affiliation_source, partial.affiliation_at)
        for conflict in partial.affiliation_conflicts:
            full.conflict(conflict.affiliation, conflict.source)
        full.mentions.extend(partial.mentions)
        for mention in partial.mentions:
            for token in mention:
                cast.by_token[token.i] = full
        for key, actor in cast.counterparts.items():
            if actor is partial:
                cast.counterparts[key] = full
        cast.actors.remove(partial)
