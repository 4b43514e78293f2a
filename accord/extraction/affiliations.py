"""Which tokens of a parsed page name a country or organisation ("Việt Nam’s", "the U.S.", "NATO").

spaCy's entities miss or split many such names, so the marks come from the entities first and then
from runs of capitalised tokens looked up in the gazetteer, longest run first. They are computed once per
page and kept in `Doc.user_data`, since every stage after NER asks about them token by token.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from accord.extraction.lexicon import JOINERS, OFFICES, SHARED_NAMES
from accord.gazetteer import affiliation_code, demonym

CACHE_KEY = "accord_affiliations"
LONGEST_RUN = 6  # "Democratic Republic of the Congo", "Democratic People's Republic of Korea"


def strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def affiliation_marks(doc: Doc) -> dict[int, str]:
    """Token index -> affiliation code, for every token inside a country or organisation name."""
    marks: dict[int, str] = {}
    for entity in doc.ents:
        if entity.label_ in ("GPE", "NORP", "ORG", "LOC") or misread_country(entity):
            code = affiliation_code(strip_possessive(entity.text))
            if code:
                marks.update({t.i: code for t in entity if not t.is_punct})
        elif entity.label_ == "PERSON" and entity.start and doc[entity.start - 1].lower_ == "of":
            marks.update(country_opening(entity))
    i = 0
    while i < len(doc):
        if (
            i in marks
            or not doc[i].text[:1].isupper()
            or (doc[i].ent_type_ == "PERSON" and not is_demonym(doc[i]))
        ):
            i += 1
            continue
        for n in range(min(LONGEST_RUN, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if span[-1].lower_ in JOINERS or any(
                (t.ent_type_ == "PERSON" and not is_demonym(t)) or "\n" in t.text for t in span
            ):
                continue
            code = affiliation_code(strip_possessive(span.text))
            if code:
                marks.update({t.i: code for t in span if not t.is_punct})
                i += n
                break
        else:
            i += 1
    return with_namesakes(doc, with_acronyms(doc, marks))


def with_namesakes(doc: Doc, marks: dict[int, str]) -> dict[int, str]:
    """ "Congolese President X" on a page about the Republic of the Congo is the Republic's: a name two
    states share means the one of them the page also names by a name of its own."""
    runs: list[list[int]] = []
    for i in sorted(marks):
        if runs and runs[-1][-1] == i - 1 and marks[runs[-1][-1]] == marks[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    shared = {
        tuple(run): rivals
        for run in runs
        if (rivals := SHARED_NAMES.get(strip_possessive(doc[run[-1]].lower_)))
        and all(doc[i].lower_ == "the" for i in run[:-1])  # "the Congolese", not "the Republic of the Congo"
    }
    named = {marks[run[0]] for run in runs if tuple(run) not in shared}
    for run, rivals in shared.items():
        if len(meant := rivals & named) == 1:
            marks.update(dict.fromkeys(run, next(iter(meant))))
    return marks


def with_acronyms(doc: Doc, marks: dict[int, str]) -> dict[int, str]:
    """ "Central African Republic (CAR)": the page's own short name for a country or organisation the
    gazetteer lacks stands for it wherever the page uses it ("CAR Minister of Mines")."""
    short: dict[str, str] = {}
    for i in range(1, len(doc) - 2):
        acronym = doc[i + 1].text
        if doc[i].text != "(" or doc[i + 2].text != ")" or (i - 1) not in marks or acronym in short:
            continue
        start = i - 1
        while start > 0 and marks.get(start - 1) == marks[i - 1]:
            start -= 1
        initials = "".join(t.text[0] for t in doc[start:i] if t.text[:1].isupper())
        if acronym.isupper() and len(acronym) > 1 and acronym == initials:
            short[acronym] = marks[i - 1]
    if not short:
        return marks
    found = {t.i: short[strip_possessive(t.text)] for t in doc if strip_possessive(t.text) in short}
    return found | marks


def country_opening(entity: Span) -> dict[int, str]:
    """ "President of Azerbaijan Elchin Mammadli", taken whole for a person: the country it opens with."""
    for n in range(min(LONGEST_RUN, len(entity) - 1), 0, -1):
        code = affiliation_code(entity[:n].text)
        if code:
            return {t.i: code for t in entity[:n]}
    return {}


def misread_country(entity: Span) -> bool:
    """A country the model took for a person: "Saint Lucia", "Sierra Leone", "of Jordan", "Jordan's FM"."""
    if entity.label_ != "PERSON" or affiliation_code(entity.text) is None:
        return False
    doc = entity.doc
    before = doc[entity.start - 1].lower_ if entity.start else ""
    after = [t.lower_ for t in doc[entity.end : entity.end + 2]]
    possessed_office = len(after) == 2 and after[0] in ("'s", "’s") and after[1] in OFFICES  # "Jordan's FM"
    return len(entity) > 1 or before in ("of", "in", "to", "from") or possessed_office


def is_demonym(token: Token) -> bool:
    """ "Moldovan" that NER folded into a person's name is still a country word; "Jordan" may be a name."""
    code = affiliation_code(token.text)
    return code is not None and (demonym(code) or "").lower() == token.lower_


def affiliation_of_token(token: Token) -> str | None:
    """The country or organisation a token's name belongs to, if any."""
    marks = token.doc.user_data.get(CACHE_KEY)
    if marks is None:
        marks = token.doc.user_data[CACHE_KEY] = affiliation_marks(token.doc)
    return marks.get(token.i)
