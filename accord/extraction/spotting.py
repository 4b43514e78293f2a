"""Where a page names people: token ranges that may be names, grown over particles and second syllables,
trimmed of titles, and told apart from portfolios, places and institutions.

Hand-written over spaCy's entities and tags because the small model misses or mislabels many names in
diplomatic copy ("Luz Marina" as NORP, "Ratu Josaia Vakaloloma" as GPE, "Seán" as a common noun).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import TypeGuard

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import PLACE_ENTITIES, ends_title, left_window, name_genders, portfolio_before
from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.lexicon import (
    COUNTRY_LINKS,
    GIVEN_NAMES_LIKE_TITLES,
    INSTITUTION_WORDS,
    INTERACTION_VERBS,
    NAME_ANCHORS,
    NEWS_AGENCY_NAMES,
    NOT_NAME_WORDS,
    OFFICE_LINKS,
    OFFICE_WORDS,
    PARTICLES,
    PATRONYMIC,
    PLACE_PREPOSITIONS,
    POSSESSIVE_MARKS,
    ROLE_WORDS,
    RULER_MARKERS,
    TITLES,
    TRIMMED_FROM_NAMES,
)
from accord.extraction.names import title_is_given_name
from accord.extraction.placenames import in_dateline
from accord.extraction.roles import normalise_role
from accord.extraction.syntax import word_before
from accord.gazetteer import affiliation_code, city_country, country_code, world_city_country

__all__ = ["is_name_token", "is_person_name", "name_span", "person_candidates"]

TITLE_PAIRS_KEY = "accord_title_pairs"  # two capitalised words side by side, counted per page


def is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or token.is_punct or token.lower_ in NOT_NAME_WORDS:
        return False
    return (
        token.tag_ in ("NNP", "NNPS")  # "Budrys", "Lopes": surnames in -s the tagger takes for plurals
        or token.ent_type_ == "PERSON"
        or (text.isupper() and len(text) > 2)
        or any(mark in text[1:-1] for mark in "'’")  # "M’tumuke", "O'Brien": tagged as common nouns
    )


def given_name_after_title(doc: Doc, i: int) -> bool:
    """A capitalised word the tagger took for a common noun, between an office and a name: the given name
    in "Minister for Foreign Affairs Seán Ó Briain"."""
    token = doc[i]
    return (
        i > token.sent.start
        and token.is_alpha
        and token.is_title
        and token.tag_ in ("NN", "NNS", "JJ")
        and token.lower_ not in NOT_NAME_WORDS
        and doc[i - 1].lower_ in OFFICE_WORDS
    )


def continues_name(doc: Doc, i: int, stop: int) -> bool:
    """Whether token i extends a name: a name token, or particles ("von der") followed by one."""
    j = i
    while j < stop and doc[j].lower_ in PARTICLES:
        j += 1
    if j < stop and doc[j].text in ("-", "–", "’", "'") and doc[j].whitespace_ == "" and j > i - 1:
        j += 1
        if glued_syllable(doc, j):
            return True
    if glued_syllable(doc, i):
        return True
    if j < stop and j > 0 and doc[j - 1].lower_ in PATRONYMIC and doc[j].is_title and doc[j].is_alpha:
        return True  # "bint Sultan", "bin Emir": a father's name, whatever else the word means
    if j < stop and j == i and i > 0 and recurs_after(doc, i):
        return True
    return j < stop and is_name_token(doc[j]) and not affiliation_of_token(doc[j])


def recurs_after(doc: Doc, i: int) -> bool:
    """ "Ricardo Fontes Lima … Fontes Lima held talks": a capitalised word the page prints after the same
    name word twice goes on the name, though it also names a city."""
    pairs: Counter[tuple[str, str]] | None = doc.user_data.get(TITLE_PAIRS_KEY)
    if pairs is None:  # counted once per page: this is asked of every word that may go on a name
        pairs = doc.user_data[TITLE_PAIRS_KEY] = Counter(
            (a.text, b.text)
            for a, b in pairwise(doc)
            if a.is_alpha and a.is_title and b.is_alpha and b.is_title and a.whitespace_
        )
    return pairs[(doc[i - 1].text, doc[i].text)] >= 2


def glued_syllable(doc: Doc, i: int) -> bool:
    """ "hoon" in "Seung-hoon", "in" in "Jae-in": a given name's second syllable after a hyphen."""
    return (
        2 <= i < len(doc)
        and doc[i].is_lower
        and doc[i].is_alpha
        and doc[i - 1].text in ("-", "–")
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_title
    )


def name_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a name over neighbouring name tokens and particles; trim titles, roles and countries."""
    sentence = doc[start].sent
    while end < sentence.end and continues_name(doc, end, sentence.end):
        end += 1
    while (
        start > sentence.start
        and not affiliation_of_token(doc[start - 1])
        and (is_name_token(doc[start - 1]) or given_name_after_title(doc, start - 1))
    ):
        start -= 1
    while start < end and (
        (doc[start].lower_ in TRIMMED_FROM_NAMES and not given_name_like_a_title(doc, start, end))
        or affiliation_of_token(doc[start])
        or not doc[start].text[:1].isalpha()
        or portfolio_before_name(doc, start, end)
        or country_before_name(doc, start, end)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].lower_ in ("'s", "’s")
        or (doc[end - 1].lower_ in TRIMMED_FROM_NAMES and not surname_like_a_title(doc, start, end - 1))
        or (doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ"))  # "X in" of NER
    ):
        end -= 1  # "Li Qiang Holds" in a headline: the verb is not part of the name
    return start, end


def country_before_name(doc: Doc, i: int, end: int) -> bool:
    """ "Ambassador to Venezuela James Story": a country after an office's "to", "of" or "for" ends the office,
    even where the model took it into the name ("Jordan Bardella" after a verb keeps his given name)."""
    return (
        i >= 1
        and end - i >= 3
        and doc[i - 1].lower_ in COUNTRY_LINKS
        and country_code(doc[i].text) is not None
    )


def portfolio_before_name(doc: Doc, i: int, end: int) -> bool:
    """ "Commissioner for Enlargement Tomas Rudzitis": the one word after an office's "for" or "of" is its
    portfolio when a full name follows it."""
    return i >= 2 and end - i >= 3 and doc[i - 1].lower_ in OFFICE_LINKS and doc[i - 2].lower_ in NAME_ANCHORS


def given_name_like_a_title(doc: Doc, i: int, end: int) -> bool:
    """A title word that is the given name ("Sultan bin Rashid", "Amir Hotak Zadran"), unless "the" or an
    honorific before it makes it the ruler's title ("HH the Amir")."""
    before = doc[i - 1].lower_ if i > doc[i].sent.start else ""
    words = [t.lower_ for t in doc[i:end]]
    return before not in RULER_MARKERS and title_is_given_name(words, lambda w: w in TRIMMED_FROM_NAMES)


def surname_like_a_title(doc: Doc, start: int, last: int) -> bool:
    """ "Marsha King": a title word after a given name is the family name."""
    return (
        doc[last].lower_ in GIVEN_NAMES_LIKE_TITLES
        and last > start
        and doc[last - 1].lower_ not in TRIMMED_FROM_NAMES
        and is_name_token(doc[last - 1])
    )


def person_candidates(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that may name people: PERSON entities; proper nouns right after a title or an office
    ("PM Modi", "Kazakh Minister of Foreign Affairs Murat Nurtleu"); a name an office phrase hangs on;
    and runs of proper nouns that meet, receive or call someone, whatever NER labelled them."""
    ranges = [
        (ent.start, ent.end)
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and not in_portfolio(doc, ent.start, ent.end)
        and not in_dateline(ent)
        and not a_venue(ent)
    ]
    surnames = {doc[end - 1].text for _, end in ranges}
    i = 0
    while i < len(doc):
        if not name_word(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < doc[i].sent.end and (
            name_word(doc[end]) or (doc[end].text == "-" and end + 1 < len(doc))
        ):
            end += 1
        run = doc[i:end]
        if end < len(doc) and doc[end].lower_ in OFFICE_WORDS and doc[end].is_title:
            i = end  # "Cabinet Secretary", "Diaspora Affairs": part of a title, not a name
            continue
        if in_portfolio(doc, i, end):
            i = end  # "Commissioner for Enlargement, X", "for Political Affairs, Peace and Security, X"
            continue
        if names_a_body(doc, i, end) or starts_a_place_name(doc, end) or in_dateline(run) or a_venue(run):
            i = end  # "President of the Forum of …", the "South" of "South American"
            continue
        if (
            any(t.text in surnames for t in run)
            or after_office(doc, i)
            or any(
                c.lower_ in NAME_ANCHORS and c.dep_ in ("compound", "nmod", "appos")
                for t in run
                for c in t.children
            )
            or takes_part(run)
            or owned_by_a_country(run)
            or listed_with_a_person(run)
            or listed_with_country_like_a_person(run)
        ):
            ranges.append((i, end))
        i = end
    return sorted(set(ranges), key=lambda r: (r[0], r[0] - r[1]))


def a_venue(run: SpacySpan) -> bool:
    """ "Received them at Seri Perdana", "met at the Catshuis": a name right after "at", with at most an
    honorific or "the" between, is where people met, not whom."""
    before = word_before(run.doc, run.start, TITLES | {"the"})  # "at the Catshuis"
    return before >= 0 and run.doc[before].lower_ == "at" and run.root.dep_ == "pobj"


def in_portfolio(doc: Doc, i: int, end: int) -> bool:
    """Whether capitalised words i..end name part of an office's portfolio, not a person: "Commissioner
    for Enlargement, X", "Peace and Security (PAPS)", "International Trade and Worship of Argentina"."""
    after = doc[end].lower_ if end < len(doc) else ""
    if (
        i >= 2
        and doc[i - 1].lower_ in OFFICE_LINKS
        and doc[i - 2].lower_ in NAME_ANCHORS
        and after in ",&and"
    ):
        return True
    link = i - 1
    while link > 0 and (doc[link].is_title or doc[link].lower_ in ("and", "&")):
        link -= 1
    listing = any(t.lower_ in ("and", "&") for t in doc[link + 1 : i])
    if listing and link >= 1 and doc[link].lower_ in OFFICE_LINKS and doc[link - 1].lower_ in NAME_ANCHORS:
        # "Secretary for Foreign and Diaspora Affairs, Dr. X", "envoy for South and Central Asia, X": a name follows
        return after == "," and end + 1 < len(doc) and doc[end + 1].is_title
    listed = after in ("and", "&") and listed_portfolio(doc, end)
    last_of_list = doc[i - 1].lower_ == "and" and after == "of"
    # "Minister of Foreign Affairs, Emigration and Egyptian Expatriates": one word going on the list
    goes_on = end - i == 1 and after in ("and", "&") and doc[i - 1].text == "," and ends_title(doc, i - 1)
    return goes_on or ((listed or last_of_list) and portfolio_before(doc, i))


def names_a_body(doc: Doc, i: int, end: int) -> bool:
    """ "President of the Forum of South American Nations": words between "of the" and another "of"
    name what the office is of, not who holds it."""
    return i >= 2 and doc[i - 2 : i].text.lower() == "of the" and end < len(doc) and doc[end].lower_ == "of"


def starts_a_place_name(doc: Doc, end: int) -> bool:
    """Whether the words before `end` open a place or people's name that goes on ("Latin" of "Latin
    American"), so they are no one's name."""
    return (
        end < len(doc)
        and doc[end].ent_iob_ == "I"
        and doc[end].ent_type_ in ("NORP", "GPE", "LOC", "ORG")
        and doc[end - 1].ent_type_ == doc[end].ent_type_
    )


def listed_portfolio(doc: Doc, conjunction: int) -> bool:
    """Whether "and" joins two portfolio words closed by punctuation: "Peace and Security (PAPS)"."""
    j = conjunction + 1
    return j + 1 < len(doc) and doc[j].is_title and doc[j + 1].text in (",", "(", ")", ";")


def after_office(doc: Doc, i: int) -> bool:
    """Whether an office ends right before token i, however long its name ("Chairman of the National
    Assembly Tran Quoc Hung", "High Commissioner for Human Rights, Ingrid Solheim")."""
    return any(t.lower_ in NAME_ANCHORS for t in left_window(doc, i)) or portfolio_before(doc, i)


def name_word(token: Token) -> bool:
    return (
        is_name_token(token)
        and not affiliation_of_token(token)
        and (
            token.ent_type_ not in PLACE_ENTITIES
            or token.ent_type_ == "NORP"
            or after_place_name(token)
            or unplaceable(token)
        )
    )  # a NORP without a country ("Luz Marina") or a "GPE" that is no place is a misread name


def unplaceable(token: Token) -> bool:
    """Whether a token's GPE or LOC entity names no known place ("Ratu Josaia Vakaloloma")."""
    if token.ent_type_ not in ("GPE", "LOC"):
        return False
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    text = doc[start:end].text
    known = affiliation_code(text) or city_country(text) or world_city_country(text)
    if len(doc[start:end]) > 1:
        return not known
    # one word NER called a place: a name when an office or another such word stands right before it
    # ("his Sri Lankan counterpart Aruni Wijewardane", each word tagged GPE)
    before = doc[start - 1] if start else None
    named_before = before is not None and (before.lower_ in NAME_ANCHORS or unplaceable_word(before))
    return not known and named_before


def unplaceable_word(token: Token) -> bool:
    """A one-word GPE or LOC entity that names no known place."""
    if token.ent_type_ not in ("GPE", "LOC") or token.ent_iob_ != "B":
        return False
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I":
        return False
    text = token.text
    return not (affiliation_code(text) or city_country(text) or world_city_country(text))


def after_place_name(token: Token) -> bool:
    """A word NER put at the end of a place entity after the place itself: the name in "President of the
    Republic of Belarus Alyaksandr Karpovich", tagged as part of the country."""
    previous = token.doc[token.i - 1] if token.i else None
    return (
        token.ent_iob_ == "I"
        and previous is not None
        and previous.ent_iob_ in ("B", "I")
        and (bool(affiliation_of_token(previous)) or after_place_name(previous))
        and city_country(token.text) is None
    )


def listed_with_a_person(run: SpacySpan) -> bool:
    """ "Tigran Hakobyan and Elnur Guliyev": two or more capitalised words listed beside a person are one
    too, whatever the model labelled them; not in a list with places ("Saint Vincent and the Grenadines")."""
    listed = [c for t in run for c in t.conjuncts]
    return (
        len(run) > 1
        and any(c.ent_type_ == "PERSON" for c in listed)
        and not any(c.ent_type_ in PLACE_ENTITIES for c in listed)
    )


def of_a_country(doc: Doc, end: int) -> bool:
    """Whether the words after position `end` are "of" and a country ("Erlend Bakke | of Norway")."""
    return end + 1 < len(doc) and doc[end].lower_ == "of" and affiliation_of_token(doc[end + 1]) is not None


def listed_with_country_like_a_person(run: SpacySpan) -> bool:
    """ "Attending were Erlend Bakke of Norway, Mette Sørensen of Denmark and Karin Sjöström of Sweden": two
    or more capitalised words with their country, in a sentence where a person is written the same way,
    name someone, whatever the model labelled them."""
    doc = run.doc
    return (
        len(run) > 1
        and of_a_country(doc, run.end)
        and any(
            ent.label_ == "PERSON" and ent.start != run.start and of_a_country(doc, ent.end)
            for ent in run.sent.ents
        )
    )


def owned_by_a_country(run: SpacySpan) -> bool:
    """ "Trinidad and Tobago's Ravindra Persad-Maharaj": two or more capitalised words right after a
    country's possessive name someone of that country, whatever the model labelled them."""
    doc = run.doc
    i = run.start
    return (
        len(run) > 1
        and i >= 2
        and doc[i - 1].lower_ in POSSESSIVE_MARKS
        and affiliation_of_token(doc[i - 2]) is not None
    )


def takes_part(run: SpacySpan) -> bool:
    """Whether a run of two or more capitalised words meets, receives or calls someone."""
    head = run.root
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if head.dep_ == "pobj" and head.head.lower_ in ("with", "by"):
        verb = head.head.head
    return len(run) > 1 and verb is not None and verb.lower_ in INTERACTION_VERBS


def is_person_name(name: str | None) -> TypeGuard[str]:
    """Not a country, not a bare office ("Foreign Minister"); a name may hold a title word ("Noora bint
    Sultan Al Sulaiti")."""
    if not name or affiliation_code(name) or world_city_country(name):
        return False  # a country or a city ("Chiang Rai") the model took for a person
    first = name.split()[0]
    if country_code(first) and name_genders().get_gender(first) == "unknown":
        return False  # "the EEA and Norway Grants"; but "Israel Katz", "Jordan Bardella" are people
    if any(not any(c.isalpha() for c in word) for word in name.split()):
        return False  # "Jakarta ● Thu": a dateline's pieces
    if name.lower() in NEWS_AGENCY_NAMES:
        return False  # "ASTANA. KAZINFORM –": the agency that filed the story
    if any(word in PLACE_PREPOSITIONS for word in name.split()):
        return False  # "the King at Huis ten Bosch": a person and the place they were at
    words = name.lower().split()
    named = sum(w not in ROLE_WORDS or (i > 0 and w in GIVEN_NAMES_LIKE_TITLES) for i, w in enumerate(words))
    if normalise_role(name) and named < 2:  # a bare office, but "Marsha King" is a name
        return False
    return name.split()[-1].lower() not in INSTITUTION_WORDS
