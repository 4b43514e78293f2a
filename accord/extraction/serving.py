"""Whom an official serves: the country or body a page most plausibly means for a person it never ties
to one, ranked from the evidence the page gives (an owner or delegation in the sentence, an office's
country, the publisher, a country merely named nearby, the host of a visit, the page's counts), never the
country of someone they face.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from accord.extraction.actors import (
    GENERIC_ROLES,
    NEAR_REACH,
    SUBJECT_DEPS,
    Actor,
    Cast,
    left_window,
    roles_in,
)
from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.descriptions import is_object_of
from accord.extraction.lexicon import (
    ACCOMPANYING,
    ACTING_VERBS,
    COUNTERPARTS,
    DESCRIPTION_HEADS,
    INSTITUTION_WORDS,
    MET_IN_HEADS,
    NAME_PLACE_WORDS,
    NEEDS_PERSON_OBJECT,
    OFFICE_WORDS,
    ORGANISATION_OFFICES,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    RECEIVING_VERBS,
    ROLE_WORDS,
    SAYING,
    TOPIC_HEADS,
    VISIT_HEADS,
    VISITING_VERBS,
    WELCOME_VERBS,
)
from accord.extraction.lists import listed_together
from accord.extraction.syntax import bystander, governing_verb, phrase_head, third_party
from accord.gazetteer import ORGANISATIONS, city_country


def telling_country(token: Token, cast: Cast, actor: Actor | None) -> str | None:
    """The country a token names if it may say whom a person serves: not a place ("in Peru"), not a
    city, and not part of someone else's description ("his Japanese counterpart, X")."""
    code = affiliation_of_token(token)
    if code is None or code in ORGANISATIONS or city_country(token.text):
        return None
    doc = token.doc
    if token.i > 0 and affiliation_of_token(doc[token.i - 1]) == code:
        return None  # read a name once, from its first token ("the Kingdom of Saudi Arabia")
    if is_topic(token):
        return None  # "met X to discuss Afghanistan": what was talked about, not whom X serves
    k = token.i - 1
    while k > 0 and doc[k].lower_ == "the":
        k -= 1
    before = doc[k] if k >= 0 and k < token.i else None
    office = before is not None and before.lower_ == "of" and k > 0 and doc[k - 1].lower_ in ROLE_WORDS
    if (
        before is not None
        and before.lower_ in NAME_PLACE_WORDS
        and not office
        and affiliation_of_token(before) != code
    ):
        return None  # "in Peru", "with Brazil": a place or a partner; "Minister of India" is an office
    j = token.i + 1
    while j < len(doc) and (
        affiliation_of_token(doc[j]) or doc[j].lower_ in ROLE_WORDS | {"'s", "’s", ",", "(", ")"}
    ):
        if doc[j].lower_ in COUNTERPARTS:
            return None
        j += 1
    other = cast.by_token.get(j)
    if actor is not None and other is not None and other is not actor:
        return None  # near a name, "his Japanese counterpart, X" describes X
    held = [t for t in doc[token.i + 1 : j] if t.lower_ in OFFICE_WORDS]
    if actor is not None and held and met_as_other_side(held[-1]):
        return None  # "when he met Taiwan's president": whom the person met, not their office
    if actor is not None and (j == token.i + 1 or other is not None or owns_a_thing(doc[token.i : j])):
        return None  # only "the Japanese diplomat", "Japan's leader": a country standing before an office
    return code


def met_as_other_side(office: Token) -> bool:
    """Whether an office word is whom someone met: the object of a meeting verb, or "talks with" it."""
    return (office.dep_ == "dobj" and office.head.lower_ in MET_IN_HEADS) or (
        office.dep_ == "pobj" and office.head.lower_ == "with"
    )


def owns_a_thing(words: SpacySpan) -> bool:
    """ "Pakistan's new tariffs": a country owning something that is no office, person or
    institution ("Burkina Faso's transitional president", "Ghana's presidency said" speak of its people)."""
    owner = next((t for t in words if t.dep_ == "poss"), None)
    if owner is None:
        return False
    owned = owner.head
    return (
        owned.lower_ not in OFFICE_WORDS
        and owned.lower_ not in INSTITUTION_WORDS
        and owned.ent_type_ != "PERSON"
        and owned.pos_ != "PROPN"
    )


def owners_countries(cast: Cast, actor: Actor) -> list[str]:
    """ "President Amouzou was accompanied by his Foreign Minister, X": X serves the country of the one
    "his" refers to, the subject of the clause (never "his counterpart", the other side)."""
    found = []
    for mention in actor.mentions:
        window = left_window(mention.doc, mention.start)
        words = {t.lower_ for t in window}
        if not words & POSSESSIVE_PRONOUNS or words & COUNTERPARTS:
            continue
        verb = governing_verb(mention.root)
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS] if verb is not None else []
        owners = [cast.by_token.get(c.i) for c in subjects]
        found += [o.affiliation for o in owners if o is not None and o is not actor and o.affiliation]
    return found


def companions_countries(cast: Cast, actor: Actor) -> list[str]:
    """ "President X, who arrived on Tuesday accompanied by Foreign Minister Y": Y came with X's delegation
    and serves X's country (the clause's subject, or the person a "who" clause is about)."""
    found = []
    for mention in actor.mentions:
        by = mention.root.head
        if mention.root.dep_ != "pobj" or by.lower_ != "by" or by.head.lower_ not in ACCOMPANYING:
            continue
        clause = by.head.head if by.head.dep_ in ("advcl", "conj", "xcomp") else by.head
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        if clause.dep_ == "relcl" and all(c.tag_ in ("WP", "WDT") for c in subjects):
            subjects = [clause.head]  # "Arief, who arrived …": the one the clause is about
        if by.head.dep_ == "acl":
            subjects = [by.head.head]  # "President Arief, accompanied by …"
        owners = [cast.by_token.get(c.i) for c in subjects]
        found += [o.affiliation for o in owners if o is not None and o is not actor and o.affiliation]
    return found


def spoken_for(cast: Cast, actor: Actor) -> list[str]:
    """ "Al-Subaie said Riyadh would continue to support …": a government the person speaks for, the one
    country their reported words make the subject ("Moscow was ready"), not a pair ("Sudan and Chad are")."""
    found = []
    for mention in actor.mentions:
        verb = mention.root.head
        if mention.root.dep_ not in SUBJECT_DEPS or verb.lower_ not in SAYING:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and not c.conjuncts]
            found += [
                code for c in subjects if (code := affiliation_of_token(c)) and code not in ORGANISATIONS
            ]
    return found


def receives(mention: SpacySpan) -> bool:
    """Whether a mention is the one who receives, hosts or welcomes a guest."""
    return mention.root.dep_ == "nsubj" and mention.root.head.lower_ in NEEDS_PERSON_OBJECT


def acts(mention: SpacySpan) -> bool:
    """Whether a mention is the one who meets, receives, hosts or calls: someone acting for a government."""
    return mention.root.dep_ == "nsubj" and mention.root.head.lower_ in ACTING_VERBS


def visited_countries(sentence: SpacySpan, actor: Actor) -> list[str]:
    """Countries a sentence says someone else came to ("the first visit to Barbados"): whoever received
    the visitor there most likely serves that country."""
    own = {t.i for m in actor.mentions for t in m}
    found = []
    for token in sentence:
        visit, code = country_visited(token)
        if visit is not None and code is not None and not visitors(visit) & own:
            found.append(code)  # not "Misri's visit to Dhaka": the visitor, not the host
    return found


def country_visited(place: Token) -> tuple[Token | None, str | None]:
    """The word that brings someone to a place, and the state the place is in (an organisation's name is
    where its seat is, not a state a visitor comes to)."""
    visit = visit_to(place)
    code = (affiliation_of_token(place) or city_country(place.text)) if visit is not None else None
    return (visit, code) if code is not None and code not in ORGANISATIONS else (None, None)


def page_trips(doc: Doc, cast: Cast) -> dict[str, set[str]]:
    """Who the page says came to which country ("Karis, who is paying a State Visit to the Republic of
    Moldova"), by name."""
    trips: dict[str, set[str]] = {}
    for token in doc:
        visit, code = country_visited(token)
        if visit is None or code is None:
            continue
        travelling = visitors(visit)
        for i in travelling:  # "the President of Peru, Jorge Paz, who is paying …": the name beside
            named = [doc[i], *(c for c in doc[i].children if c.dep_ == "appos")]
            for traveller in {a.name for t in named if (a := cast.by_token.get(t.i)) is not None}:
                trips.setdefault(traveller, set()).add(code)
        if not any(i in cast.by_token for i in travelling) and any(
            unnamed_official(doc[i], cast) for i in travelling
        ):
            trips.setdefault(UNNAMED, set()).add(code)  # "Taiwan's vice foreign minister arrived in …"
    return trips


UNNAMED = ""  # the traveller of a trip the page tells without a name


def unnamed_official(token: Token, cast: Cast) -> bool:
    """An office word that names no one in the cast: "the vice minister", "Taiwan's vice foreign minister"."""
    return token.lower_ in OFFICE_WORDS and token.pos_ == "NOUN" and token.i not in cast.by_token


def guests_hosts(sentence: SpacySpan, actor: Actor, cast: Cast, trips: dict[str, set[str]]) -> list[str]:
    """ "President Karis met Prime Minister Munteanu": whom a visitor the page tells of met, who is no
    traveller there themselves, serves the one country visited. A visitor who is the subject ("the vice
    minister met President X", named or not) is the guest before anyone else the sentence names."""

    def travellers(tokens: Iterable[Token]) -> set[str]:
        tokens = list(tokens)
        found = {other.name for t in tokens if (other := cast.by_token.get(t.i)) not in (None, actor)}
        if any(t.dep_ in SUBJECT_DEPS and unnamed_official(t, cast) for t in tokens):
            found.add(UNNAMED)
        for t in tokens:  # "She also met President X": the visitor the pronoun means
            meant = cast.latest_before(t) if t.dep_ in SUBJECT_DEPS and t.lower_ in PRONOUNS else None
            if meant is not None and meant is not actor:
                found.add(meant.name)
        return {name for name in found if name in trips}

    guests = travellers([t for t in sentence if t.dep_ in SUBJECT_DEPS]) or travellers(sentence)
    visited = {code for name in guests for code in trips[name]} - trips.get(actor.name, set())
    return sorted(visited) if len(visited) == 1 else []  # a tour of two countries tells neither host


def visit_to(place: Token) -> Token | None:
    """The word that brings someone to a place: "X visited Podgorica", "a visit to Barbados", "arrived in
    Accra", or a meeting verb that sets its talks in a city ("In Abuja, the Foreign Secretary co-chaired
    the dialogue with Minister Y": Y received her there)."""
    if place.dep_ == "dobj" and place.head.lower_ in VISITING_VERBS:
        return place.head
    prep = place.head
    if place.dep_ != "pobj":
        return None
    if prep.lower_ in ("to", "in") and prep.head.lower_ in VISIT_HEADS:
        return prep.head
    # "paying a State Visit to Chile", however the parser hung "to Chile" on "paying"
    paid = [c for c in prep.head.children if c.dep_ == "dobj" and c.lower_ in VISIT_HEADS]
    if prep.lower_ == "to" and paid:
        return paid[0]
    met_in = prep.lower_ == "in" and prep.head.lower_ in MET_IN_HEADS and prep.head.pos_ == "VERB"
    return prep.head if met_in and city_country(place.text) else None


def visitors(visit: Token) -> set[int]:
    """Who travels on a visit: the subject or possessor of the visit word and its clause, through "intends
    to visit" and "arrived and visited"; the name a "who arrived in" clause hangs on; and whom a host
    "welcomed on a State Visit to Z"."""
    clause = next((t for t in [visit, *visit.ancestors] if t.pos_ in ("VERB", "AUX")), visit)
    heads = [visit, clause]
    while heads[-1].dep_ in ("xcomp", "conj") and heads[-1].head.i != heads[-1].i:
        heads.append(heads[-1].head)
    welcomed = clause.lower_ in RECEIVING_VERBS | WELCOME_VERBS and visit.i != clause.i
    travelling = {
        t.i
        for head in heads
        for c in head.children
        if c.dep_ in (("dobj",) if welcomed and head is clause else ("poss", "nsubj", "nsubjpass", "agent"))
        for t in c.subtree
    }
    return travelling | {head.head.i for head in heads if head.dep_ == "relcl"}


def counterpart_countries(sentences: Iterable[SpacySpan]) -> set[str]:
    """ "X and his Botswana counterpart": whatever X serves, it is not Botswana."""
    found: set[str] = set()
    for sentence in sentences:
        for token in sentence:
            if token.lower_ not in COUNTERPARTS:
                continue
            found.update(filter(None, map(affiliation_of_token, left_window(token.doc, token.i))))
            if token.i + 1 < sentence.end and token.nbor(1).lower_ == "from":  # "counterparts from A and B"
                for after in token.doc[token.i + 2 : sentence.end]:
                    if after.pos_ == "VERB" or after.text == ";":
                        break
                    found.update(filter(None, [affiliation_of_token(after)]))
    return found


def facing_countries(sentences: Iterable[SpacySpan], actor: Actor, home: str | None) -> set[str]:
    """Countries of an unnamed other side: "the Slovenian minister was received by X" is not X's, nor is
    the publisher's minister's "I called on President X"."""
    found: set[str] = set()
    for sentence in sentences:
        for token in sentence:
            if token.dep_ not in SUBJECT_DEPS or not any(is_object_of(m, token.head) for m in actor.mentions):
                continue
            if token.lower_ in ROLE_WORDS:
                found |= {a for c in token.children if (a := affiliation_of_token(c)) is not None}
            elif token.text in ("I", "We") and home:
                found.add(home)
    return found


def is_topic(token: Token) -> bool:
    """A country talked about: the object of "discuss", "on" or "about", or the subject of what someone
    "expected" ("expected North Korea to be a key issue")."""
    named = phrase_head(token)
    head = named.head
    if named.dep_ in ("dobj", "pobj") and head.lower_ in TOPIC_HEADS:
        return True
    return named.dep_ in SUBJECT_DEPS and head.dep_ in ("ccomp", "xcomp") and head.head.lower_ in TOPIC_HEADS


def infer_affiliations(doc: Doc, cast: Cast, home: str | None = None, filed_in: str | None = None) -> None:
    """An official the page never ties to a country most likely serves one named before an office in the
    same sentences ("the top Japanese diplomat"), else the publisher's, else the one whose visitor they
    received, else the country the page talks about most, else the one its cities are in — never the
    country of someone named beside them ("Prime Minister Kishida met Modi")."""
    trips = page_trips(doc, cast)
    page = Counter(telling_country(t, cast, None) for t in doc if t.ent_type_ in ("GPE", "NORP"))
    page.pop(None, None)
    cities = Counter(city_country(e.text) for e in doc.ents if e.label_ == "GPE")  # the last resort
    cities.pop(None, None)
    for actor in cast.actors:
        official = (
            bool(actor.role)
            or any(actor is c for c in cast.counterparts.values())  # "his counterpart X"
            or any(acts(m) for m in actor.mentions)  # "Vladimir Putin had a telephone conversation with …"
        )
        if actor.affiliation or not (official or len(actor.name.split()) > 1):
            continue
        sentences = {m.sent.start: m.sent for m in actor.mentions}
        close = {i for m in actor.mentions for i in range(m.start - NEAR_REACH, m.end + NEAR_REACH)}
        # "Kenji Sato, the top Japanese diplomat": a country word on an office near the name describes them
        told = [
            (code, t.head.lower_ in DESCRIPTION_HEADS and t.dep_ in ("amod", "compound", "poss"))
            for sentence in sentences.values()
            for t in sentence
            if t.i in close and (code := telling_country(t, cast, actor))
        ]
        near = Counter(code for code, _ in told)
        beside = (
            {
                other.affiliation
                for other in cast.actors
                if other is not actor
                and any(
                    m.sent.start in sentences
                    and not listed_together(m, actor)
                    and not bystander(m)
                    and not tells_of(m, actor)
                    for m in other.mentions
                )
            }
            | counterpart_countries(sentences.values())
            | facing_countries(sentences.values(), actor, home)
            | unnamed_partners(actor, cast)
        )
        if any(third_party(m) for m in actor.mentions):  # the witness or mediator of a signing serves
            beside |= {telling_country(t, cast, actor) for s in sentences.values() for t in s}  # no side
        hosted = [  # an official met where a visitor came, as the sentence tells …
            (code, "host")
            for sentence in (sentences.values() if official else ())
            for code in visited_countries(sentence, actor)
        ]
        guests = [  # … or as the page tells of the visitor they met
            (code, "host")
            for sentence in (sentences.values() if official and not hosted else ())
            for code in guests_hosts(sentence, actor, cast, trips)
        ]
        frequent = [(code, "frequency") for code, _ in page.most_common() + cities.most_common()]
        evidence = (frequent if not holds_a_body_office(actor) else []) if official else []
        partners = [  # "met with Prime Minister Luxon and Trade Minister McClay": one delegation
            (other.affiliation, "delegation")
            for other in cast.actors
            if other.affiliation and any(listed_together(m, actor) for m in other.mentions)
        ]
        publisher = [(home, "publisher")] if home and official else []
        # "HAVANA /TASS/ – President X received …": who receives guests where an agency's story was filed
        # abroad is the host's official, not the agency's
        abroad = home is not None and filed_in is not None and filed_in != home
        hosting = [(filed_in, "host")] if abroad and any(receives(m) for m in actor.mentions) else []
        bodies = (
            [
                (code, "organisation")
                for code in organisations_near(sentences.values()) or organisations_near([doc[:]])
            ]
            if serves_a_body(doc, actor)
            else []
        )
        nearby = [(code, "nearby") for code, _ in near.most_common()]
        described = {code for code, office in told if office}
        offices = [(code, source) for code, source in nearby if code in described]
        companions = [(code, "sentence") for code in companions_countries(cast, actor)]
        owners = [(code, "sentence") for code in owners_countries(cast, actor) + spoken_for(cast, actor)]
        # an owner, body, delegation or office the sentence names outranks the publisher; a country merely
        # named near the person ("thanked Bolivia") does not: a national outlet names its own officials bare
        ranked = [
            (c, s)
            for c, s in companions
            + owners
            + bodies
            + partners
            + offices
            + hosting
            + hosted
            + publisher
            + guests
            + nearby
            + evidence
            # those met beside them serve the host too, and those who came with someone, that one's country
            if c and (c not in beside or (c, s) in guests + companions)
        ]
        if ranked:
            actor.affiliation, actor.affiliation_source = ranked[0]
            actor.affiliation_at = None
            for code, source in dict(reversed(ranked[1:])).items():
                if code != actor.affiliation and source not in (actor.affiliation_source, "frequency"):
                    actor.conflict(code, source)  # weaker evidence of another kind that disagreed
            titles = (roles_in(left_window(doc, m.start), actor.affiliation) for m in actor.mentions)
            actor.role = next(
                (r for r in titles if r not in GENERIC_ROLES), actor.role
            )  # "foreign secretary"


def tells_of(speaker: SpacySpan, actor: Actor) -> bool:
    """ "Recalling that President Xi held talks with X, Wang said …": who says what the actor did is no
    counterpart of theirs, and may well be their compatriot."""
    verb = governing_verb(speaker.root)
    if verb is None or verb.lower_ not in SAYING or speaker.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(verb in m.root.ancestors and governing_verb(m.root) is not verb for m in actor.mentions)


def unnamed_partners(actor: Actor, cast: Cast) -> set[str | None]:
    """ "Foreign Secretary Rai and a representative of China's foreign ministry signed": the country of an
    unnamed side listed with the person is the other side's, not theirs."""
    return {
        affiliation_of_token(t)
        for mention in actor.mentions
        for other in mention.root.conjuncts
        if other.pos_ == "NOUN" and other.i not in cast.by_token  # "a representative", not a misread name
        for t in other.subtree
    }


def holds_a_body_office(actor: Actor) -> bool:
    """A "Deputy Secretary-General" serves an organisation: the page's most-told country is never theirs."""
    role = (actor.role or "").replace("-", " ")
    return any(office in role for office in ORGANISATION_OFFICES)


def serves_a_body(doc: Doc, actor: Actor) -> bool:
    """An office that international organisations have and governments rarely do, by its function or
    its title ("the High Representative of the Union …")."""
    titles = " ".join([actor.role or "", *(left_window(doc, m.start).text.lower() for m in actor.mentions)])
    return any(office in titles for office in ORGANISATION_OFFICES)


def organisations_near(sentences: Iterable[SpacySpan]) -> list[str]:
    """Organisations named in an official's sentences ("visited NATO Headquarters and met Deputy Secretary
    General X"), in order of appearance."""
    found = (affiliation_of_token(t) for sentence in sentences for t in sentence)
    return list(dict.fromkeys(code for code in found if code in ORGANISATIONS))


def counterparts_of_their_own_side(doc: Doc, cast: Cast) -> list[Actor]:
    """Counterparts whose guessed country is that of someone else in their sentence."""
    found = []
    for start, actor in cast.counterparts.items():
        if actor.affiliation_source not in GUESSED_SOURCES:
            continue
        if any(
            cast.by_token.get(t.i) not in (None, actor)
            and cast.by_token[t.i].affiliation == actor.affiliation
            for t in doc[start].sent
        ):
            found.append(actor)
    return found


GUESSED_SOURCES = ("frequency", "publisher", "nearby")  # a country the page's counts or outlet gave
