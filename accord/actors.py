"""Actors: the people a page names, with canonical names, roles and affiliations, and every mention of them.

spaCy's small English model finds most names but clips or mislabels many ("Espen Barth" for
"Espen Barth EIDE", "Stoltenberg" as a place), so names are repaired by the shape of the tokens around
them, anchored by role phrases, and later surname-only mentions are linked to the full name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.gazetteer import affiliation_code, country_code
from accord.names import canonical_name, family_name, name_matches
from accord.roles import normalise_role

TITLES = {
    "mr",
    "mr.",
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "h.e.",
    "h.",
    "e.",
    "he",
    "dr",
    "dr.",
    "shri",
    "sir",
    "madam",
    "excellency",
    "his",
    "her",
    "prof",
    "prof.",
    "gen",
    "gen.",
    "general",
    "lt.",
    "col.",
    "adm.",
    "admiral",
    "sheikh",
    "prince",
    "princess",
    "king",
    "queen",
    "emir",
    "sultan",
    "smt",
    "smt.",
    "mme",
    "m.",
    "dame",
}
# Words that may stand between a name and the role or country describing it ("Japanese Foreign Minister").
ROLE_WORDS = {
    "minister",
    "ministers",
    "foreign",
    "affairs",
    "defence",
    "defense",
    "secretary",
    "state",
    "prime",
    "president",
    "vice",
    "deputy",
    "general",
    "premier",
    "pm",
    "eam",
    "raksha",
    "mantri",
    "chancellor",
    "top",
    "diplomat",
    "counterpart",
    "counterparts",
    "leader",
    "chief",
    "head",
    "national",
    "security",
    "adviser",
    "advisor",
    "external",
    "international",
    "cooperation",
    "relations",
    "trade",
    "finance",
    "ambassador",
    "envoy",
    "senior",
    "speaker",
    "chairman",
    "chairperson",
    "governor",
    "of",
    "for",
    "the",
    "and",
    "councilor",
    "councillor",
    "vice-minister",
    "vice-president",
    "commerce",
    "economy",
    "industry",
    "interior",
    "home",
    "justice",
    "economic",
    "first",
    "lady",
    "crown",
    "foreign-minister",
    "party",
    "communist",
    "central",
    "committee",
    "mayor",
    "director",
    "commissioner",
    "high",
    "representative",
    "policy",
    "prime-minister",
    "new",
    "then",
    "former",
    "incumbent",
    "acting",
    "chief-of-staff",
    "staff",
    "army",
    "navy",
    "forces",
    "armed",
    "military",
    "spokesperson",
    "spokesman",
    "official",
    "officials",
} | TITLES
PARTICLES = {
    "da",
    "de",
    "do",
    "dos",
    "das",
    "del",
    "der",
    "van",
    "von",
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "le",
}
LEFT_WINDOW = 12
RIGHT_WINDOW = 14


@dataclass
class Actor:
    """One person across the page; `name` may be only a surname when the page never gives more."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    mentions: list[SpacySpan] = field(default_factory=list)

    def learn(self, role: str | None, affiliation: str | None) -> None:
        """The first role and affiliation the page states win; later mentions fill gaps only."""
        self.role = self.role or role
        self.affiliation = self.affiliation or affiliation


@dataclass
class Cast:
    """The actors of one page and, for every token that names one, which actor it is."""

    actors: list[Actor] = field(default_factory=list)
    by_token: dict[int, Actor] = field(default_factory=dict)
    counterparts: dict[int, Actor] = field(default_factory=dict)  # "his Finnish counterpart X": X's token

    def add(self, span: SpacySpan, name: str, role: str | None, affiliation: str | None) -> Actor:
        actor = self.find(name, affiliation)
        if actor is None:
            actor = Actor(name)
            self.actors.append(actor)
        elif len(name.split()) > len(actor.name.split()):
            actor.name = name
        actor.learn(role, affiliation)
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

    def latest_before(self, position: int, *, with_role: bool = True) -> Actor | None:
        """The actor mentioned last before a token, for resolving "he" or "she"."""
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            if with_role and not (actor.role or actor.affiliation):
                continue
            for mention in actor.mentions:
                if mention.start < position and (best is None or mention.start > best[0]):
                    best = (mention.start, actor)
        return best[1] if best else None


def is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or token.lower_ in ROLE_WORDS or token.is_punct:
        return False
    return token.tag_ == "NNP" or token.ent_type_ == "PERSON" or (text.isupper() and len(text) > 2)


def affiliation_of_token(token: Token) -> str | None:
    """The country or organisation a token names or belongs to, using the entity around it."""
    if token.ent_type_ in ("GPE", "NORP", "ORG", "LOC"):
        entity = token.doc[(token.ent_iob_ == "B" and token.i) or _entity_start(token) : _entity_end(token)]
        code = affiliation_code(_strip_possessive(entity.text))
        if code:
            return code
    return affiliation_code(_strip_possessive(token.text)) if token.text[:1].isupper() else None


def _entity_start(token: Token) -> int:
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _entity_end(token: Token) -> int:
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].ent_iob_ == "I":
        i += 1
    return i


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def name_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a name over neighbouring name tokens and particles; trim titles, roles and countries."""
    sentence = doc[start].sent
    while end < sentence.end and (
        (is_name_token(doc[end])
        and not affiliation_of_token(doc[end]))
        or (doc[end].lower_ in PARTICLES
        and end + 1 < sentence.end
        and is_name_token(doc[end + 1]))
        or (doc[end].text in ("-", "’", "'")
        and end + 1 < sentence.end
        and is_name_token(doc[end + 1])
        and doc[end].whitespace_ == "")
    ):
        end += 1
    while (
        start > sentence.start and is_name_token(doc[start - 1]) and not affiliation_of_token(doc[start - 1])
    ):
        start -= 1
    while start < end and (
        doc[start].lower_ in ROLE_WORDS
        or affiliation_of_token(doc[start])
        or not doc[start].text[:1].isalpha()
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return start, end


def describe_left(doc: Doc, start: int) -> tuple[str | None, str | None, bool]:
    """Role, affiliation and "counterpart" from the words just before a name."""
    sentence = doc[start].sent
    i = start - 1
    while i >= max(sentence.start, start - LEFT_WINDOW):
        token = doc[i]
        if (
            token.lower_ in ROLE_WORDS
            or token.lower_ in ("'s", "’s", "-", "–", ".")
            or affiliation_of_token(token)
        ) or (token.text == "," and i > sentence.start and affiliation_of_token(doc[i + 1]) and i + 1 < start):
            i -= 1
        else:
            break
    window = doc[i + 1 : start]
    return (
        roles_in(window),
        affiliation_in(window),
        any(t.lower_ in ("counterpart", "counterparts") for t in window),
    )


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
    if doc[end].text not in (",", "("):
        return None, None
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
    window = doc[end + 1 : stop]
    role = roles_in(window)
    return (role, affiliation_in(window)) if role else (None, None)


def roles_in(window: SpacySpan) -> str | None:
    return normalise_role(window.text) if len(window) else None


def affiliation_in(window: SpacySpan) -> str | None:
    for token in window:
        code = affiliation_of_token(token)
        if code:
            return code
    return None


def person_candidates(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that name people: PERSON entities, and proper nouns right after a role or title."""
    ranges = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "PERSON"]
    surnames = {doc[end - 1].text for _, end in ranges}
    for token in doc:  # "Finland Antti Häkkänen": NER missed it here but knows the surname elsewhere
        if token.text in surnames and token.i > 0 and is_name_token(doc[token.i - 1]):
            ranges.append((token.i - 1, token.i + 1))
    for token in doc:
        if (
            token.i + 1 < len(doc)
            and token.lower_ in ROLE_WORDS - {"of", "for", "the", "and", "his", "her"}
            and (is_name_token(doc[token.i + 1]) and not affiliation_of_token(doc[token.i + 1]))
        ):
            ranges.append((token.i + 1, token.i + 2))
    return sorted(set(ranges))


def find_actors(doc: Doc) -> Cast:
    """Every person the page names, with their mentions; surname-only mentions join the full name."""
    cast = Cast()
    taken: set[int] = set()
    for first, last in person_candidates(doc):
        start, end = name_span(doc, first, last)
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        name = canonical_name(doc[start:end].text)
        if not name or affiliation_code(name) or normalise_role(name):
            continue
        role, affiliation, counterpart = describe_left(doc, start)
        right_role, right_affiliation = describe_right(doc, end)
        actor = cast.add(doc[start:end], name, role or right_role, affiliation or right_affiliation)
        if counterpart:
            cast.counterparts[start] = actor
        taken.update(range(start, end))
    link_surnames(doc, cast, taken)
    return cast


def link_surnames(doc: Doc, cast: Cast, taken: set[int]) -> None:
    """Tokens spelling a known actor's family name are mentions of that actor, whatever NER thought."""
    surnames = {family_name(actor.name): actor for actor in cast.actors if len(actor.name.split()) > 1}
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        actor = surnames.get(_strip_possessive(token.text))
        if actor is not None:
            actor.mentions.append(doc[token.i : token.i + 1])
            cast.by_token[token.i] = actor
    merge_partial_actors(cast)


def merge_partial_actors(cast: Cast) -> None:
    """A surname-only actor seen before the full name ("Kihara" then "Minoru Kihara") is the same person."""
    for partial in [a for a in cast.actors if len(a.name.split()) == 1]:
        full = next((a for a in cast.actors if a is not partial and name_matches(partial.name, a.name)), None)
        if full is None:
            continue
        full.learn(partial.role, partial.affiliation)
        full.mentions.extend(partial.mentions)
        for mention in partial.mentions:
            for token in mention:
                cast.by_token[token.i] = full
        for key, actor in cast.counterparts.items():
            if actor is partial:
                cast.counterparts[key] = full
        cast.actors.remove(partial)


def country_of_text(text: str) -> str | None:
    """Country code of a place name, for callers that already know it is a place."""
    return country_code(_strip_possessive(text))
