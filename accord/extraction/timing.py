"""Timing: when each mention happened, where its own sentence does not say.

A story's lead sentences and its dateline give the day of what it reports; a mention without a day takes
the nearest related mention's, moved by what its own clause says lies between them ("a day earlier"), else
the lead day, else the publication month. Background dates ("in 2019") never spread to other sentences.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from accord.extraction.dates import day_shift, has_year, is_future_expression, resolve_date, shifted
from accord.extraction.lexicon import (
    ALSO,
    DEADLINE_WORDS,
    EVENT_WORDS,
    PAIR_PRONOUNS,
    REPORTING_VERBS,
    RETELLING_DETERMINERS,
    WITNESSING,
    YEAR_NUMBER,
)
from accord.extraction.mentions import Mention, date_of_trigger, takes_effect
from accord.extraction.merging import VISIT_DAYS, days_apart
from accord.extraction.parties import affiliations, clause_root
from accord.extraction.placenames import datelines, in_dateline
from accord.extraction.syntax import governing_verb, sentence_ents
from accord.extraction.triggers import modality
from accord.gazetteer import city_country
from accord.pubdate import dateline_value
from accord.records import EventDate, Precision, PublicationDate

LEAD_SENTENCES = 4
HISTORY_GAP_YEARS = 10  # a past date this much older than the latest year a page writes is history


def pass_on_dates(mentions: list[Mention]) -> list[Mention]:
    """ "Ministers from five member states met on Monday. The meeting was chaired by X": a dated mention
    that names no sides hands its day to the undated ones of the same kind in the next sentence."""
    handed = {
        (mention.order + 1, mention.type): replace(mention.date, source="context")
        for mention in mentions
        if mention.date is not None and not mention.parties
    }
    return [
        replace(m, date=handed[(m.order, m.type)])
        if m.date is None and (m.order, m.type) in handed and names_the_occasion_again(m)
        else m
        for m in mentions
    ]


def names_the_occasion_again(mention: Mention) -> bool:
    """ "The meeting was chaired by X", "Their discussions covered …" tell again of the occasion just told;
    "Colombia and Ecuador agreed" is an act of its own."""
    return any(
        t.pos_ == "NOUN"
        and t.lower_ in EVENT_WORDS
        and any(
            (c.dep_ == "det" and c.lower_ in RETELLING_DETERMINERS)
            or (c.dep_ == "poss" and c.lower_ in PAIR_PRONOUNS)
            for c in t.children
        )
        for t in mention.sentence
    )


def dateline_date(doc: Doc, published: str | None) -> EventDate | None:
    """The full day a story's dateline gives ("JAKARTA, 9 July 2024 –"): the day it was filed, which its
    "today" means even when the page went up a day later."""
    for start, end in datelines(doc)[:1]:
        span = doc.char_span(start, end, alignment_mode="expand")
        # "New York, 23 September 2025" alone on its line: the model reads "23" as a number of its own
        stated = dateline_value(doc.text[start:end])
        texts = [stated] if stated else [e.text for e in span.ents if e.label_ == "DATE"] if span else []
        for text in texts:
            resolved = resolve_date(text, published)
            if resolved and resolved.precision == "day" and has_year(resolved.value):
                return resolved
    return None


def lead_date(doc: Doc, published: str | None) -> EventDate | None:
    """The day a story's opening sentences give: what an undated sentence later in it usually means."""
    for sentence in list(doc.sents)[:LEAD_SENTENCES]:
        opens_with_dateline = any(sentence.start_char <= a < sentence.end_char for a, _ in datelines(doc))
        if sentence.root.pos_ not in ("VERB", "AUX") and not opens_with_dateline:
            continue  # a caption credit or heading, not a sentence about what happened
        for entity in sentence_ents(sentence):
            if (
                entity.label_ != "DATE"
                or is_future_expression(entity.text, published)
                or takes_effect(entity)
            ):
                continue
            if dates_a_report(entity) and not in_dateline(entity):
                continue
            resolved = resolve_date(entity.text, published)
            if resolved is not None and resolved.precision == "day":
                return replace(resolved, source="lead")
    return None


def latest_stated_date(doc: Doc) -> EventDate | None:
    """The latest past date the page states with its year ("since taking office in 2022", "on October 27,
    2012"): on a page with no publication date, what it reports came after it. Plans, deadlines ("by
    2030") and terms ahead are no such date, and a date far older than the latest year the page writes
    ("independence in 1965" beside "a target for 2030") is history, not the recent past."""
    stated = []
    for entity in doc.ents:
        if (
            entity.label_ != "DATE"
            or entity.root.head.lower_ in DEADLINE_WORDS
            or modality(entity.root) is not None
        ):
            continue
        resolved = resolve_date(entity.text, None)
        if resolved is not None and has_year(resolved.value):
            stated.append(resolved)
    latest = max(stated, key=lambda when: str(when.value), default=None)
    written = max((int(year) for year in YEAR_NUMBER.findall(doc.text)), default=0)
    if latest is None or int(str(latest.value)[:4]) < written - HISTORY_GAP_YEARS:
        return None
    return latest


def dates_a_report(entity: SpacySpan) -> bool:
    """ "The president said on Monday that …": the day of the saying, not of what was said (a dateline's day,
    which the parser may hang on "said", is the story's)."""
    verb = governing_verb(entity.root)
    return verb is not None and verb.lower_ in REPORTING_VERBS


def related(dated: Mention, mention: Mention) -> bool:
    """Whether a dated mention concerns the same occasion: for a visit, something in the host country."""
    if mention.type == "visit" and mention.host is not None and mention.host.country:
        host = mention.host.country
        return host in affiliations(dated.parties) or (
            dated.location is not None and dated.location.country == host
        )
    return bool(affiliations(dated.parties) & affiliations(mention.parties))


def date_stops(mentions: list[Mention], doc: Doc, published: str | None) -> list[Mention]:
    """ "Kettunen visited Tallinn on Monday and Riga on Tuesday. In Riga, Kettunen met …": an undated
    mention set in one stop of a tour the page dates stop by stop takes that stop's day."""
    days: dict[str, EventDate] = {}
    for mention in mentions:
        if mention.type != "visit":
            continue
        stops: dict[str, tuple[str, EventDate]] = {}
        for place in mention.sentence:
            after = doc[place.i + 1 : place.i + 3]
            country = city_country(place.text)
            if (
                country is None
                or (place.i > 0 and doc[place.i - 1].lower_ == "from")  # "flew in from Beijing on Wednesday"
                or len(after) < 2
                or after[0].lower_ != "on"
                or after[1].ent_type_ != "DATE"
            ):
                continue
            day = resolve_date(after[1].text, published)
            if day is not None and day.precision == "day":
                stops[place.text] = (country, day)
        if len({country for country, _ in stops.values()}) >= 2:  # a tour of countries, each stop its day
            days.update({city: day for city, (_, day) in stops.items()})
    return [
        replace(m, date=replace(days[m.location.city], source="context"))
        if m.date is None and m.location is not None and m.location.city in days
        else m
        for m in mentions
    ]


def fill_dates(mentions: list[Mention], published: PublicationDate, lead: EventDate | None) -> None:
    """A mention without a date of its own takes the nearest day-dated mention's, else the story's lead
    date, else the publication month; background dates ("in 2019") never spread to other sentences."""
    dated = [m for m in mentions if m.date is not None and m.date.precision == "day"]
    for mention in mentions:
        if mention.date is None and mention.context is not None and mention.context.date is not None:
            mention.date = replace(borrowed_day(mention, mention.context.date), source="context")
        if mention.date is not None:
            continue
        # a call is another occasion than a meeting or visit: neither lends the other its day
        lenders = [
            m for m in dated if mention.type == "agree" or (m.type == "call") == (mention.type == "call")
        ]
        if adds_to_earlier(mention):  # "X also held talks with Y": on the day of the talks just reported
            lenders = [m for m in lenders if m.type == mention.type and m.order < mention.order] or lenders
        if lenders:
            near = min(
                lenders,
                key=lambda m: (
                    # "signed the agreement after arriving on Saturday": the signing the page dates, as
                    # the sides sign once per occasion (DEV-README rule 5); leaders who "then witnessed the
                    # signing" did so at the talks of theirs the page dates
                    not (
                        (mention.type == "agree" or mention.trigger.token.lower_ in WITNESSING)
                        and same_occasion(m, mention)
                    ),
                    not related(m, mention),
                    not (retold(mention) and same_occasion(m, mention)),  # a headline or caption repeats
                    abs(m.order - mention.order),
                    m.order > mention.order,
                ),
            )
            assert near.date is not None  # `dated` holds only day-dated mentions
            mention.date = replace(borrowed_day(mention, near.date), source="context")
        elif lead is not None:
            mention.date = lead
        elif published.value:  # no day stated: the publication month (DEV-README rule 6), not its day,
            value = published.value  # unless the story opens with its date, as a dated release does
            width = len(value) if published.heads_the_story else min(len(value), 7)
            precision: Precision = "day" if width == 10 else "month" if width == 7 else "year"
            mention.date = EventDate(value[:width], precision, "published")


def retold(mention: Mention) -> bool:
    """A headline's or caption's telling ("X and Y sign deal in Warsaw", "Photo: X and Y sign the
    memorandum"): the present tense or no verb at all, for an event the story tells in the past."""
    trigger = mention.trigger.token
    return trigger.tag_ in ("VBP", "VBZ") or mention.sentence.root.pos_ not in ("VERB", "AUX")


def same_occasion(dated: Mention, mention: Mention) -> bool:
    """Whether two mentions tell one interaction: the same kind between the same sides."""
    sides = affiliations(mention.parties)
    return dated.type == mention.type and len(sides) >= 2 and affiliations(dated.parties) == sides


def borrowed_day(mention: Mention, day: EventDate) -> EventDate:
    """Another occasion's day, moved by what the mention's own clause says lies between them."""
    shift = told_shift(mention)
    return shifted(day, shift) if shift is not None and day.precision == "day" else day


def told_shift(mention: Mention) -> int | None:
    """The days a phrase of the mention's own clause puts between it and the occasion just told ("Soto,
    who arrived in Arica a day earlier"), or None."""
    for entity in sentence_ents(mention.sentence):
        days = day_shift(entity.text) if entity.label_ == "DATE" else None
        if days is not None and date_of_trigger(entity, mention.trigger.token):
            return days
    return None


def adds_to_earlier(mention: Mention) -> bool:
    """ "Carrow, who arrived on Monday, also held talks with the host": another meeting of the same round,
    not one on the day of the arrival."""
    verb = clause_root(mention.trigger.token)
    return any(c.lower_ in ALSO and c.dep_ == "advmod" for c in verb.children)


def same_trip(meeting: Mention, visit: Mention) -> bool:
    """Whether a meeting may be the business of a visit dated a few days before or after it ("arrived on
    Monday … held talks on Tuesday")."""
    if visit.type != "visit" or meeting.date is None or visit.date is None:
        return False
    return days_apart(meeting.date.value or "", visit.date.value or "") <= VISIT_DAYS


def months_apart(a: EventDate | None, b: EventDate | None) -> int:
    """How many months lie between two dates that name their year and month; 0 when either does not."""
    months = [
        int(value[:4]) * 12 + int(value[5:7])
        for value in (a.value if a else None, b.value if b else None)
        if value and has_year(value) and len(value) >= len("2025-01")
    ]
    return abs(months[0] - months[1]) if len(months) == 2 else 0


def compatible_dates(a: EventDate | None, b: EventDate | None) -> bool:
    """Whether two dates may name the same day: equal, or one a coarser form of the other."""
    if a is None or b is None or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)
