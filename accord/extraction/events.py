"""Events: from triggers and parties to one `Event` per real-world interaction in an article.

Each trigger in a sentence becomes a mention; mentions that lean on context ("the two agreed", a visit
with no host named) borrow parties, date and place from the nearest meeting or call; implied visits
are added for meetings held in one participant's own country; then mentions of the same interaction
are merged, so a meeting reported in five sentences is one event with five pieces of evidence.
"""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extraction.context import (
    announced,
    complete_credentials,
    complete_parties,
    complete_visit,
    counterpart_roles,
    drop_unaffiliated,
    fill_locations,
    has_sides,
    implied_visits,
    join_occasions,
    keep,
    name_unnamed,
    per_visiting_country,
    retype_calls,
    share_roles,
    split_retold_as_several,
    visits_to_where_the_page_stands,
    without_someone_else,
)
from accord.extraction.dates import dateline_day, wire_day
from accord.extraction.mentions import borrowed_separately, read_sentences, split_separate
from accord.extraction.merging import build_event, merge
from accord.extraction.people import find_actors
from accord.extraction.placenames import dateline_location, line_datelines
from accord.extraction.source import source_country
from accord.extraction.timing import (
    date_stops,
    dateline_date,
    fill_dates,
    latest_stated_date,
    lead_date,
    pass_on_dates,
)
from accord.extraction.years import with_years
from accord.records import CleanedDocument, Extraction


def find_events(cleaned: CleanedDocument, doc: Doc) -> Extraction:
    """All asserted events of an article, merged per interaction, plus the unasserted ones kept apart."""
    published = cleaned.published.value
    filed_in = dateline_location(cleaned.text)
    home = source_country(cleaned)
    cast = find_actors(doc, home, filed_in.country if filed_in else None)
    # "today" and "on Tuesday" mean days before the filing day
    filed = dateline_date(doc, published) or wire_day(cleaned.published)
    asserted, unasserted = read_sentences(doc, cast, filed.value if filed and filed.value else published)
    asserted = [m for m in asserted if not announced(m, unasserted)]
    visits_to_where_the_page_stands(asserted, home, filed_in)
    asserted = pass_on_dates(join_occasions(asserted))  # "Attending were A, B and C": the meeting just told
    # "These meetings …": an occasion retold as several was one with each side its subject met
    asserted = split_retold_as_several(asserted, doc)
    drop_unaffiliated(asserted)
    complete_credentials(asserted)
    # the meetings and calls others borrow from; a page that only says "India and Egypt signed" has that
    signings = [m for m in asserted if m.signing_sides]
    interactions = [m for m in asserted if m.interaction] or signings
    for mention in asserted:
        if mention.type == "visit":
            complete_visit(mention, interactions)
        else:
            complete_parties(mention, interactions, tuple(signings))
    asserted = [m for m in asserted if keep(m, interactions)]
    # "Sheikh Nasser received each minister separately": one meeting with each side it borrowed
    asserted = [part for m in asserted for part in (split_separate(m) if borrowed_separately(m) else [m])]
    name_unnamed(asserted, cast)
    asserted = [m for m in map(without_someone_else, asserted) if has_sides(m)]
    asserted = date_stops(asserted, doc, filed.value if filed and filed.value else published)
    undated = lead_date(doc, published) or filed or dateline_day(cleaned.published)  # what a story means
    fill_dates(asserted, cleaned.published, undated)
    retype_calls(asserted)
    fill_locations(asserted, filed_in, line_datelines(cleaned.text))
    counterpart_roles(asserted)
    share_roles(asserted)
    asserted += implied_visits([m for m in asserted if m.interaction])
    asserted = [visit for mention in asserted for visit in per_visiting_country(mention)]
    events = [build_event(group) for group in merge(asserted)]
    if published is None:  # a page without a date: its yearless days lean on the dates it does state
        events = with_years(events, latest_stated_date(doc))
    future = [build_event(group) for group in merge([m for m in unasserted if m.parties])]
    return Extraction(cleaned, tuple(events), tuple(future))
