"""Who takes part in the event a trigger names: people, unnamed officials ("Qatar's foreign minister"),
countries standing for their governments, and references back to an earlier interaction ("the two")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extraction.actors import GENERIC_ROLES, SUBJECT_DEPS, Actor, Cast, describe_left, left_window
from accord.extraction.affiliations import affiliation_of_token
from accord.extraction.descriptions import country_of_office, office_end
from accord.extraction.lexicon import (
    COUNTERPARTS,
    DEPUTY_WORDS,
    EACH_OF,
    GROUP_NOUNS,
    MEETING_NOUNS,
    MONARCHS,
    OBJECT_PRONOUNS,
    PACT_NOUNS,
    PLURAL_REFERENCES,
    PRONOUNS,
    REGION_NOUNS,
    ROLE_HEADS,
    SAYING,
    SIDE_CLAUSE_WORDS,
    SIDE_COUNTS,
    SIDE_NOUNS,
    VISIT_WORDS,
)
from accord.extraction.placenames import in_dateline
from accord.extraction.roles import normalise_role
from accord.extraction.serving import organisations_near
from accord.extraction.syntax import (
    ancestors,
    bystander,
    governing_verb,
    owned_by_absent,
    phrase_head,
    possessors,
)
from accord.gazetteer import region_members

# Clauses of their own: a party inside one belongs to that clause's trigger, not the sentence's.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "xcomp", "acl", "pcomp"}
RECALL_SENTENCES = 3  # how far back "the vice minister" looks for the official it names again


@dataclass(frozen=True)
class Party:
    """One side of an interaction: a known actor, or an official or government known only by country."""

    name: str | None
    role: str | None
    affiliation: str | None
    mention: SpacySpan | None = None
    actor: Actor | None = None
    counterpart: bool = False
    listed: bool = False  # one of "his counterparts from A, B and C": each is a meeting of its own

    @staticmethod
    def of(actor: Actor, mention: SpacySpan | None, counterpart: bool = False) -> Party:
        return Party(actor.name, actor.role, actor.affiliation, mention, actor, counterpart)

    @property
    def key(self) -> tuple[str | None, str | None]:
        return (self.name.lower() if self.name else None, None if self.name else self.affiliation)


def clause_root(trigger: Token) -> Token:
    """The verb a trigger belongs to: "held" for "held talks", the trigger itself for "met"."""
    node = trigger
    for _ in range(4):
        if (
            node.pos_ == "VERB"
            or node.head.i == node.i
            or node.dep_
            not in ("dobj", "pobj", "prep", "compound", "nsubj", "attr", "conj", "amod", "mark", "advmod")
        ):
            break
        node = node.head
    return node


def subject_tokens(trigger: Token) -> set[int]:
    """Token positions of the trigger clause's subject (with conjuncts), where the actor side usually is."""
    root = clause_root(trigger)
    positions: set[int] = set()
    sharing = root  # "She met A and held talks with B": "held" shares the subject of "met"
    while (
        sharing.dep_ == "conj"
        and sharing.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in SUBJECT_DEPS for c in sharing.children)
    ):
        sharing = sharing.head
    for child in sharing.children:
        if child.dep_ in SUBJECT_DEPS:
            positions.update(t.i for t in child.subtree)
    if root.dep_ == "acl" and any(c.tag_ == "WDT" for c in root.head.children):
        # "the memorandum, which both countries signed", parsed as a clause hung on "countries"
        positions.update(t.i for t in root.head.subtree if t.i < root.i and t.tag_ != "WDT")
    if trigger.pos_ == "NOUN":
        positions |= possessors(trigger)
    return positions


def in_side_clause(token: Token, trigger: Token) -> bool:
    """Whether a date or place hangs in a "since …"/"before …" clause below the trigger, and so
    belongs to another occasion ("the first meeting since he took office last month in Tokyo")."""
    above_trigger = {t.i for t in ancestors(trigger)}  # a clause the trigger itself stands in is its own
    for node in [token, *ancestors(token)]:
        if node.i == trigger.i or node.i in above_trigger:
            return False
        if node.lower_ in SIDE_CLAUSE_WORDS or any(
            c.dep_ == "mark" and c.lower_ in SIDE_CLAUSE_WORDS for c in node.children
        ):
            return True
    return False


def owned_by_other(mention: SpacySpan, trigger: Token, triggers: set[int]) -> bool:
    """Whether a mention sits under another trigger of the sentence that does not govern this one
    ("after the talks with X, Y said … as A and B agreed": A and B belong to "agreed")."""
    governing = {t.i for t in ancestors(trigger)}
    root = phrase_head(mention.root)
    if root.dep_ == "pobj" and root.head.lower_ == "for":  # "plans for X to visit Delhi": X is the visit's
        infinitives = {c.i for c in root.head.head.children if c.dep_ == "acl"}
        if infinitives & (triggers - {trigger.i}):
            return True
    for node in [mention.root, *ancestors(mention.root)]:
        if node.i == trigger.i or node.i in governing:
            return False
        if node.i in triggers and not describes_guest(node):
            return True
    return False


def describes_guest(node: Token) -> bool:
    """ "Talks with visiting Cuban Foreign Minister X": a participle after a preposition describes the
    guest of the talks; it does not take X from them."""
    return node.tag_ == "VBG" and node.dep_ == "pcomp" and node.head.lower_ == "with"


def in_own_clause(mention: SpacySpan, trigger: Token) -> bool:
    root = clause_root(trigger)
    return root.i == mention.root.i or root in ancestors(mention.root)


def named_parties(sentence: SpacySpan, trigger: Token, cast: Cast, triggers: set[int]) -> list[Party]:
    named = cast.in_span(sentence.start, sentence.end)
    # "the Special Envoy of President X": X sent someone, whichever of his mentions the sentence holds; a
    # spokesperson tells of the talks, whichever of theirs
    absent = [actor for actor, mention in named if owned_by_absent(mention) is not None or actor.spokesperson]
    found = [
        (actor, mention)
        for actor, mention in named
        if not any(actor is other for other in absent)
        and not bystander(mention, trigger)
        and not owned_by_other(mention, trigger, triggers)
        and not in_side_clause(mention.root, trigger)  # "… since the diplomat took office under PM X"
    ]
    root = clause_root(trigger)
    if root.dep_ in CLAUSE_DEPS and any(c.dep_ in SUBJECT_DEPS for c in root.children):
        # a subordinate clause with a subject of its own keeps to its own people
        own = [(a, m) for a, m in found if in_own_clause(m, trigger)]
        found = own if own or indefinite_subject(root) or state_subject(root) else found
    return [Party.of(actor, mention, mention.start in cast.counterparts) for actor, mention in found]


def state_subject(verb: Token) -> bool:
    """ "(the summit) where the EU pledged …": a clause whose subject is a state or organisation speaks for
    that party alone, not for the people named around it."""
    return any(c.dep_ in SUBJECT_DEPS and affiliation_of_token(c) is not None for c in verb.children)


def indefinite_subject(verb: Token) -> bool:
    """ "(he noted that) a Surinamese head of state last visited …": someone other than the people named."""
    return any(
        c.dep_ in SUBJECT_DEPS
        and any(d.lower_ in ("a", "an", "former", "previous", "another") for d in c.children)
        for c in verb.children
    )


def unnamed_parties(sentence: SpacySpan, cast: Cast) -> list[Party]:
    """Officials named only by role and country: "Qatar's foreign minister", "his French counterpart"."""
    doc = sentence.doc
    parties = []
    for token in sentence:
        if token.lower_ not in ROLE_HEADS or token.i in cast.by_token:
            continue
        following = office_end(token, cast)
        if following < sentence.end and following in cast.by_token:
            continue  # the role describes a named person
        if token.lower_ == "prime" and doc[token.i + 1].lower_ != "minister":
            continue
        role, affiliation, counterpart = describe_left(doc, token.i + 1)
        affiliation = affiliation or country_of_office(token, cast) or ruler_of_the_place(token)
        if affiliation is None and doc[token.i : token.i + 3].text.lower() in (
            "secretary-general",
            "secretary general",
        ):
            affiliation = next(
                iter(organisations_near([doc[:]])), None
            )  # a readout's "The Secretary-General"
        title = left_window(doc, token.i + 1)
        before = [t.lower_ for t in doc[max(0, title.start - 2) : title.start]]
        guest = the_visitor(token, role, cast) if role and before == ["the", "visiting"] else None
        if guest is not None:  # "called on the visiting Prime Minister": the visitor of that office
            parties.append(Party.of(guest, doc[token.i : token.i + 1]))
            continue
        if affiliation is None and role and any(t.lower_ == "the" for t in title):
            affiliation = told_before(token, role, cast)  # "the vice minister": the one just told of
        if affiliation is None:
            continue
        if token.lower_ in COUNTERPARTS:  # "met his Chinese counterpart": the office of the one who met
            role, counterpart = role or office_of_subject(token, cast), True
        office = role or normalise_role(token.text)
        parties.append(Party(None, office, affiliation, doc[token.i : token.i + 1], counterpart=counterpart))
    return parties


def told_before(office: Token, role: str, cast: Cast) -> str | None:
    """ "Taiwan's vice foreign minister arrived … The vice minister met X": an office named again with "the"
    and no country is the unnamed official of that office the sentences just before told of, when they
    told of one country's."""
    doc = office.doc
    start = office.sent.start
    for _ in range(RECALL_SENTENCES):
        start = doc[start - 1].sent.start if start else 0
    found = set()
    for token in doc[start : office.sent.start]:
        if token.lower_ not in ROLE_HEADS or token.i in cast.by_token:
            continue
        earlier_role, country, _ = describe_left(doc, token.i + 1)
        if country and earlier_role and rank_words(role) <= rank_words(earlier_role):
            found.add(country)
    return found.pop() if len(found) == 1 else None


def the_visitor(office: Token, role: str, cast: Cast) -> Actor | None:
    """ "The visiting Prime Minister": the one person of that office the page told of arriving or visiting
    before, when it told of one."""
    found = [
        actor
        for actor in cast.actors
        if actor.role == role
        and any(
            m.start < office.i and m.root.dep_ in SUBJECT_DEPS and m.root.head.lower_ in VISIT_WORDS
            for m in actor.mentions
        )
    ]
    return found[0] if len(found) == 1 else None


def rank_words(role: str) -> set[str]:
    return {"deputy" if word in DEPUTY_WORDS else word for word in role.split()}


def ruler_of_the_place(token: Token) -> str | None:
    """ "(In Muscat,) he was received by His Majesty the Sultan": a monarch the page names by title alone
    reigns where the sentence, its dateline or the sentence before puts the visitor before naming them
    ("arrived in Kuwait City"), not where it sends someone later ("invited him to Brasília")."""
    doc = token.doc
    by_title = token.lower_ in MONARCHS or doc[token.i + 1 : token.i + 4].text.lower() == "of the republic"
    if not by_title or not any(c.lower_ == "the" for c in token.children):
        return None
    start = doc[token.sent.start - 1].sent.start if token.sent.start else 0
    places = [
        code
        for t in doc[start : token.i]
        if t.ent_type_ == "GPE"
        and ((t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "at")) or in_dateline(doc[t.i : t.i + 1]))
        and (code := affiliation_of_token(t))
    ]
    return places[-1] if places else None


def office_of_subject(token: Token, cast: Cast) -> str | None:
    """The office of the named subject of the verb a word hangs on ("X met his counterpart": X's)."""
    verb = governing_verb(token)
    subjects = [cast.by_token.get(c.i) for c in verb.children if c.dep_ in SUBJECT_DEPS] if verb else []
    return next((actor.role for actor in subjects if actor is not None), None)


def owned_parties(sentence: SpacySpan, cast: Cast) -> list[Party]:
    """ "received X's special envoy": an unnamed party of X's country stands where X is named."""
    return [
        Party(None, None, actor.affiliation, mention)
        for actor, mention in cast.in_span(sentence.start, sentence.end)
        if actor.affiliation and owned_by_absent(mention) is not None
    ]


def counterparts_from(sentence: SpacySpan) -> list[Party]:
    """ "his counterparts from the US, South Korea and Australia": one unnamed party per country."""
    doc = sentence.doc
    for token in sentence:
        if (
            token.lower_ == "counterparts"
            and token.i + 1 < sentence.end
            and doc[token.i + 1].lower_ == "from"
        ):
            parties, seen = [], set()
            for t in doc[token.i + 2 : sentence.end]:
                if t.text == ";" or t.pos_ == "VERB":
                    break
                code = affiliation_of_token(t)
                if code and code not in seen:
                    seen.add(code)
                    parties.append(Party(None, None, code, doc[t.i : t.i + 1], counterpart=True, listed=True))
            return parties
    return []


def country_parties(trigger: Token) -> list[Party]:
    """Governments as subjects: "India and Egypt signed", "The foreign ministers of Japan and Finland agreed",
    or as the sides of a signing: "signed between the Government of India and the Government of Mozambique"."""
    doc = trigger.doc
    heads = [c for c in clause_root(trigger).children if c.dep_ in SUBJECT_DEPS]
    # "signed between A and B", "the agreement between A and B" that the trigger signs or names
    holders = [trigger] if trigger.pos_ == "VERB" else []
    holders += [t for t in (*trigger.subtree, trigger.head, *trigger.head.subtree) if t.lower_ in PACT_NOUNS]
    tokens: list[Token] = [
        t
        for holder in dict.fromkeys(holders)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for side in prep.children
        if side.dep_ == "pobj"
        for member in (side, *side.conjuncts)
        for t in (member, *(o for p in member.children if p.lower_ == "of" for o in p.children))
    ]
    if trigger.pos_ == "NOUN" and trigger.lower_ in MEETING_NOUNS:  # "a trilateral meeting of A, B and C"
        tokens += [
            member
            for prep in trigger.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for side in prep.children
            if side.dep_ == "pobj" and side.ent_type_ == "GPE"
            for member in (side, *side.conjuncts)
        ]
    roles: dict[int, str | None] = {}  # "the foreign ministers of A and B": each side's office
    for head in heads:
        group = [head, *head.conjuncts]
        if head.lower_ in GROUP_NOUNS:
            role = (
                normalise_role(doc[head.left_edge.i : head.i + 1].text)
                if head.lower_ != "ministers" or any(t.dep_ in ("amod", "compound") for t in head.lefts)
                else None
            )
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    members = [o for p in prep.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)]
                    roles.update((t.i, role) for t in members)
                    group += members
        tokens += group
    parties, seen = [], set()
    for token in (t for t in tokens if not country_of_a_place(t)):
        code = affiliation_of_token(token) if token.ent_type_ in ("GPE", "ORG", "NORP") else None
        for member in (code,) if code else states_of_region(token):
            if member not in seen:
                seen.add(member)
                parties.append(Party(None, roles.get(token.i), member, doc[token.i : token.i + 1]))
    return parties


def country_of_a_place(token: Token) -> bool:
    """ "In Argyle, Saint Vincent and the Grenadines, A and B held talks": a country set off by commas after
    the place an "in" names is where the place lies, however the parser hung it (here as a subject)."""
    doc = token.doc
    code = affiliation_of_token(token)
    if code is None:
        return False
    start, end = token.i, token.i
    while start > 0 and affiliation_of_token(doc[start - 1]) == code:
        start -= 1
    while end + 1 < len(doc) and affiliation_of_token(doc[end + 1]) == code:
        end += 1
    if start < 2 or end + 1 >= len(doc) or doc[start - 1].text != "," or doc[end + 1].text != ",":
        return False
    place = doc[start - 2]
    return (
        place.ent_type_ in ("GPE", "LOC", "FAC")
        and place.dep_ == "pobj"
        and place.head.lower_ in ("in", "at")
    )


def states_as_subject(trigger: Token) -> bool:
    """ "Both countries signed a pact", "the two nations agreed": the sides referred back to are the states
    themselves, not the people who met for them."""
    doc = trigger.doc
    root = clause_root(trigger)
    hung_on = root.head.i if root.dep_ == "acl" else None  # "which both countries signed", misparsed
    return any(
        doc[i].lower_ in REGION_NOUNS and (doc[i].dep_ in SUBJECT_DEPS or i == hung_on)
        for i in subject_tokens(trigger)
    )


def states_of_region(token: Token) -> tuple[str, ...]:
    """ "The foreign ministers of the Central Asian countries": each state of the region the words name."""
    if token.lower_ not in REGION_NOUNS:
        return ()
    words = [t for t in token.lefts if t.dep_ in ("amod", "compound")]
    if not words:
        return ()
    return region_members(token.doc[words[0].left_edge.i : token.i].text)


def sides_of(trigger: Token) -> list[Token]:
    """The phrases that name the sides of a trigger: the subjects of its clause, its object ("received a
    delegation of …"), what follows its "with" ("talks with the Chadian side") and the agent of a passive
    ("the meeting was attended by foreign ministers from Laos and Japan")."""
    root = clause_root(trigger)
    heads = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
    heads += [c for c in (*root.children, *trigger.children) if c.dep_ == "dobj" and c.i != trigger.i]
    heads += [
        o
        for prep in (*trigger.children, *root.children, *trigger.head.children)
        if (prep.dep_ == "prep" and prep.lower_ == "with") or prep.dep_ == "agent"  # "attended by …"
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    return list({t.i: t for t in heads}.values())


def collective_parties(trigger: Token, cast: Cast) -> list[Party]:
    """Sides named by a country on a group noun: "the Sudanese side and the Chadian side", "Indian and
    Bangladeshi officials", "the Georgian and Armenian prime ministers", "the foreign ministers of India
    and Australia" (each an unnamed official of that country, with the office the noun names), in the
    subject, object or with-phrase of the trigger. A named person's own demonym is no side."""
    doc = trigger.doc
    parties = []
    for head in sides_of(trigger):
        phrase = list(head.subtree)
        nouns = [t for t in phrase if t.lower_ in SIDE_NOUNS and t.pos_ == "NOUN"]
        if not nouns or any(t.i in cast.by_token for t in phrase):
            continue
        for token in phrase:
            noun = group_noun_of(token, nouns)
            code = affiliation_of_token(token) if noun is not None else None
            if noun is None or code is None or token.lower_ in SIDE_NOUNS:
                continue
            words = doc[token.i + 1 : noun.i + 1] if noun.i > token.i else doc[noun.i - 1 : noun.i + 1]
            office = [
                t.text for t in words if t.lower_ not in ("and", ",", "the") and not affiliation_of_token(t)
            ]
            parties.append(Party(None, normalise_role(" ".join(office)), code, doc[token.i : token.i + 1]))
    return parties


def group_noun_of(token: Token, nouns: list[Token]) -> Token | None:
    """The group noun a country word describes: the next one after a modifier ("Chadian side"), or the
    one a place hangs on through "of"/"from" ("ministers of India and Australia")."""
    if token.dep_ in ("amod", "compound", "nmod", "nsubj", "conj"):
        after = next((n for n in nouns if n.i > token.i), None)
        if after is not None:
            return after
    place = token
    while place.dep_ == "conj" and place.head.i != place.i:
        place = place.head
    if place.dep_ == "pobj" and place.head.lower_ in ("of", "from") and place.head.head in nouns:
        return place.head.head
    return None


def pronoun_parties(trigger: Token, cast: Cast) -> list[Party]:
    """ "She visited Ukraine", "during his visit": the person last named before the pronoun; "X received
    her": the one named last before it other than X."""
    doc = trigger.doc
    parties = []
    for i in sorted(subject_tokens(trigger)):
        if doc[i].lower_ in PRONOUNS:
            actor = cast.latest_before(doc[i])
        elif doc[i].text in ("I", "We") or doc[i].lower_ == "my":
            actor = speaker(doc[i], cast)
        else:
            continue
        if actor is not None:
            parties.append(Party.of(actor, doc[i : i + 1]))
    for pronoun in (t for t in trigger.children if t.dep_ == "dobj" and t.lower_ in OBJECT_PRONOUNS):
        hosts = tuple(a for i in subject_tokens(trigger) if (a := cast.by_token.get(i)) is not None)
        if hosts and (guest := cast.latest_before(pronoun, other_than=hosts)) is not None:
            parties.append(Party.of(guest, doc[pronoun.i : pronoun.i + 1]))  # "X met him": not X
    return parties


def speaker(pronoun: Token, cast: Cast) -> Actor | None:
    """Who says "I met …": the official a reporting verb of the sentence or the next one attributes the
    words to ("…," Mallory said), else, on a minister's own release, the first official the page names."""
    sentence = pronoun.sent
    doc = pronoun.doc
    following = doc[sentence.end].sent if sentence.end < len(doc) else sentence
    for actor, mention in cast.in_span(sentence.start, following.end):
        if mention.root.dep_ == "nsubj" and mention.root.head.lower_ in SAYING:
            return actor
    officials = [a for a in cast.actors if a.role and a.mentions]
    return min(officials, key=lambda a: min(m.start for m in a.mentions), default=None)


def refers_back(trigger: Token) -> bool:
    """Whether the trigger's subject is a plural reference to parties named earlier ("the two ministers")."""
    doc = trigger.doc
    subject = subject_tokens(trigger)
    if {doc[i].lower_ for i in subject} & PLURAL_REFERENCES:
        return True
    if any(  # "received each minister separately", "met both delegations": the sides told before
        c.dep_ == "dobj" and c.lower_ in SIDE_NOUNS and any(d.lower_ in EACH_OF for d in c.children)
        for c in trigger.children
    ):
        return True
    return not subject and trigger.pos_ == "VERB" and trigger.dep_ in ("ROOT", "conj", "advcl", "relcl")


def one_subject(trigger: Token) -> bool:
    """Whether the trigger's clause has one singular subject ("the minister reaffirmed"), not two sides
    ("A and B reaffirmed", "the two ministers reaffirmed")."""
    subjects = [c for c in clause_root(trigger).children if c.dep_ in SUBJECT_DEPS]
    return (
        len(subjects) == 1
        and not subjects[0].conjuncts
        and subjects[0].tag_ not in ("NNS", "NNPS")
        and subjects[0].lower_ not in PLURAL_REFERENCES
    )


def sides_counted(trigger: Token) -> int | None:
    """ "The two ministers", "both sides", "the four ministers": how many sides the interaction referred
    back to has, when the subject counts them."""
    doc = trigger.doc
    counts = [  # a count on the subject noun itself, not "who was on a three-day visit" inside it
        SIDE_COUNTS[doc[i].lower_]
        for i in subject_tokens(trigger)
        if doc[i].lower_ in SIDE_COUNTS and doc[i].head.dep_ in SUBJECT_DEPS
    ]
    return counts[0] if counts else None


def office_counted(trigger: Token) -> str | None:
    """ "The two foreign ministers last met …": the office each side referred back to holds, when the
    counted subject names one more specific than "minister"."""
    doc = trigger.doc
    for i in subject_tokens(trigger):
        noun = doc[i]
        if noun.tag_ == "NNS" and any(c.lower_ in SIDE_COUNTS for c in noun.children):
            words = [c.text for c in noun.children if c.dep_ in ("amod", "compound")] + [noun.text]
            role = normalise_role(" ".join(words))
            return role if role not in GENERIC_ROLES else None
    return None


def unique(parties: list[Party]) -> list[Party]:
    """One party per person; a country-only party only if no named party has that affiliation."""
    named: dict[str, Party] = {}
    for party in parties:
        if party.name and party.name.lower() not in named:
            named[party.name.lower()] = party
    covered = {p.affiliation for p in named.values()}
    out = list(named.values())
    # of the unnamed, an official with an office ("the Japanese Prime Minister") before the bare state
    for party in sorted(parties, key=lambda p: p.role is None):
        if party.name is None and party.affiliation and party.affiliation not in covered:
            covered.add(party.affiliation)
            out.append(party)
    return out


def affiliations(parties: list[Party]) -> frozenset[str]:
    return frozenset(p.affiliation for p in parties if p.affiliation)
