"""Places read from a parsed sentence, whatever label the model gave the place name."""

from __future__ import annotations

import pytest
from hand_parses import parsed as hand_parsed
from spacy.tokens import Doc, Span

from accord.extraction.placenames import dateline_location, place_of
from accord.extraction.places import host_of_visit, sentence_location
from accord.gazetteer import world_city_country
from accord.nlp import load_model
from accord.records import Location
from accord.settings import Settings

SENTENCE = "Ana Rojas and Luis Quispe met on Friday in Montevideo to discuss fisheries."


@pytest.fixture(scope="module")
def parsed() -> Doc:
    return load_model(Settings.from_env().model)(SENTENCE)


@pytest.mark.parametrize("label", ["GPE", "PRODUCT", "PERSON", None])
def test_a_known_city_after_in_is_the_place_whatever_its_entity_label(parsed: Doc, label: str | None) -> None:
    doc = parsed.copy()
    city = next(t for t in doc if t.text == "Montevideo")
    doc.ents = [e for e in doc.ents if not (e.start <= city.i < e.end)] + (
        [Span(doc, city.i, city.i + 1, label=label)] if label else []
    )
    trigger = next(t for t in doc if t.text == "met")
    location = sentence_location(next(doc.sents), trigger)
    assert location is not None and (location.city, location.country) == ("Montevideo", "URY")


def test_an_unknown_capitalised_word_is_not_a_place() -> None:
    doc = load_model(Settings.from_env().model)(SENTENCE.replace("Montevideo", "Quorvale"))
    trigger = next(t for t in doc if t.text == "met")
    assert sentence_location(next(doc.sents), trigger) is None


@pytest.mark.parametrize(("city", "country"), [("Entebbe", "UGA"), ("Belém", "BRA"), ("Bishkek", "KGZ")])
def test_a_city_the_tables_lack_is_found_among_the_worlds_cities(city: str, country: str) -> None:
    doc = load_model(Settings.from_env().model)(f"Ana Rojas and Luis Quispe met on Friday in {city}.")
    trigger = next(t for t in doc if t.text == "met")
    location = sentence_location(next(doc.sents), trigger)
    assert location is not None and (location.city, location.country) == (city, country)


def test_world_cities_need_a_place_label_or_a_place_word() -> None:
    assert world_city_country("Florence") == "ITA"
    assert place_of("Florence") is None  # a person's name as often as a city, unless the model says place
    assert place_of("Florence", anywhere=True) == Location(city="Florence", country="ITA")


@pytest.mark.parametrize(
    ("venue", "city", "country"),
    [
        ("NATO Headquarters", "Brussels", "BEL"),
        ("the Kremlin", "Moscow", "RUS"),
        ("the Berlaymont building", "Brussels", "BEL"),
    ],
)
def test_a_seat_of_government_or_organisation_is_in_its_city(venue: str, city: str, country: str) -> None:
    assert place_of(venue) == Location(city=city, country=country)


def test_each_item_of_a_digest_has_its_own_dateline() -> None:
    from accord.extraction.placenames import line_datelines

    text = (
        "JAKARTA — The ministers met on Monday.\n"
        "The talks covered trade.\n"
        "ARICA — Three ministers met on Friday, not in ARICA — the text says so."
    )
    found = [(start, location.city) for start, location in line_datelines(text)]
    assert found == [(0, "Jakarta"), (text.index("ARICA"), "Arica")]


def test_a_dateline_may_end_on_a_dated_agency_credit_without_a_dash() -> None:
    from accord.extraction.placenames import dateline_location
    from accord.records import Location

    assert dateline_location(
        "Jeddah (Gulf Wire / Desk - 28th November, 2019) The Secretary General met …"
    ) == (Location("Jeddah", "SAU"))
    assert dateline_location("Modi (BJP) met the envoy in 2019 on Monday.") is None


def test_datelines_in_the_common_wire_forms_are_found_where_they_end() -> None:
    from accord.extraction.placenames import dateline_spans

    assert dateline_spans("MOSCOW, 12 May. /TASS/. Russia and Mali agreed.") == [(0, 24)]
    assert dateline_spans("Hanoi (VNA) – The ministers met.") == [(0, 14)]
    assert dateline_spans("Photo: The ministers met.") == []  # not a place


def test_a_dateline_may_end_on_a_double_hyphen() -> None:
    assert dateline_location("LIMA -- The ministers met.") == Location(city="Lima", country="PER")


def test_the_country_of_whoever_came_is_not_where_the_visit_went() -> None:
    first = hand_parsed(
        "Seitkali arrived in Seoul on Monday for a three-day visit, the first by a Kazakh foreign minister since 2019."
    )
    visit = next(t for t in first if t.lower_ == "visit")
    assert host_of_visit(first[:], visit) is None
    to_kenya = hand_parsed("The visit by the Ugandan president to Kenya ended on Friday.")
    found = host_of_visit(to_kenya[:], next(t for t in to_kenya if t.lower_ == "visit"))
    assert found is not None and found.country == "KEN"


def test_a_welcome_is_to_the_place_the_guest_came_not_to_whom_thanks_went() -> None:
    came = hand_parsed(
        "Foreign Minister Dwayne Lowe welcomed his Jamaican counterpart, Marsha King, to Bridgetown."
    )
    welcomed = next(t for t in came if t.lower_ == "welcomed")
    assert sentence_location(came[:], welcomed) == Location("Bridgetown", "BRB")
    thanked = hand_parsed(
        "Secretary-General Lars Holm welcomed Minister Tomas Duarte and expressed appreciation to Chile for its "
        "support."
    )
    welcomed = next(t for t in thanked if t.lower_ == "welcomed")
    assert sentence_location(thanked[:], welcomed) is None


def test_the_place_of_what_was_agreed_is_not_where_it_was_agreed() -> None:
    doc = hand_parsed(
        "The two ministers agreed to hold the next session of the committee in Lima in February."
    )
    agreed = next(t for t in doc if t.lower_ == "agreed")
    assert sentence_location(doc[:], agreed) is None


def test_a_dated_place_alone_on_its_line_is_a_dateline_and_a_dated_weekday_is_not() -> None:
    from accord.extraction.placenames import dateline_spans

    heading = "New York, 23 September 2025\nThe Secretary-General met the Prime Minister of Tonga."
    assert dateline_spans(heading) == [(0, 27)]
    assert dateline_location(heading) == Location(city="New York", country="USA")
    assert dateline_spans("Monday, 23 September 2025\nThe ministers met in Lima.") == []


def test_a_dateline_heading_gives_its_whole_day_though_the_model_splits_it() -> None:
    from spacy.vocab import Vocab

    from accord.extraction.timing import dateline_date

    words = ["New", "York", ",", "23", "September", "2025", "\n", "The", "ministers", "met", "today", "."]
    spaces = [True, False, True, True, True, False, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)  # no entities: "23" is a number of its own to the model
    found = dateline_date(doc, "2025-09-24")
    assert found is not None and (found.value, found.precision) == ("2025-09-23", "day")


def test_a_dateline_opening_on_a_suburb_names_the_place_after_its_comma() -> None:
    from accord.extraction.placenames import dateline_spans

    line = "Turkeyen, Greater Georgetown, Guyana – The Secretary-General welcomed the minister."
    assert dateline_spans(line) == [(0, 39)]
