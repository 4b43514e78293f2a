"""Rules that tell one occasion from another inside a sentence, each on a frozen parse."""

from __future__ import annotations

import pytest
from hand_parses import asserted_mentions, events_of, parsed

from accord.extraction.mentions import Mention, background_reference, governed_by_other_time


def token(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.lower_ == word)


def test_an_occasion_after_since_is_another_occasion() -> None:
    doc = parsed("The leaders met in Oslo on Monday, their first meeting since the 2019 Lima summit.")
    assert background_reference(token(doc, "summit"))
    assert not background_reference(token(doc, "met"))


def test_a_date_inside_a_since_phrase_is_not_the_triggers() -> None:
    doc = parsed("The leaders met in Oslo on Monday, their first meeting since the 2019 Lima summit.")
    year = token(doc, "2019")
    assert governed_by_other_time(doc[year.i : year.i + 1], token(doc, "meeting"))
    monday = token(doc, "monday")
    assert not governed_by_other_time(doc[monday.i : monday.i + 1], token(doc, "met"))


@pytest.mark.parametrize(("when", "recalled"), [("", True), (" in March 2024", False)])
def test_an_act_a_when_clause_recalls_without_a_day_is_no_event(when: str, recalled: bool) -> None:
    from accord.extraction.mentions import not_one_dated_occasion

    doc = parsed(
        "Foreign Minister Tomas Duarte thanked the Secretary-General for his advocacy for Chile in the aftermath of "
        f"the floods when the UN chief visited Chile{when}."
    )
    assert not_one_dated_occasion(token(doc, "visited"), None) == recalled


def test_an_undated_earlier_meeting_and_a_count_of_calls_are_no_single_dated_event() -> None:
    from accord.extraction.mentions import not_one_dated_occasion
    from accord.records import EventDate

    last = parsed("The two ministers last met at a summit in Addis Ababa.")
    assert not_one_dated_occasion(token(last, "met"), None)
    assert not not_one_dated_occasion(token(last, "met"), EventDate("2024-02", "month", "text"))
    recent = parsed("Their most recent meeting before Monday was held in Accra.")
    assert not_one_dated_occasion(token(recent, "meeting"), None)
    assert not_one_dated_occasion(
        token(parsed("The two presidents have spoken by phone several times since then."), "phone"), None
    )
    assert not not_one_dated_occasion(
        token(parsed("The two presidents spoke by phone on Monday."), "phone"), None
    )


def test_a_visit_that_ended_today_began_as_many_days_before_as_it_lasted() -> None:
    from accord.extraction.dates import first_day
    from accord.extraction.mentions import ended_occasion_days
    from accord.records import EventDate

    ended = parsed("The Secretary General today concluded a two-day visit to Kyrgyzstan.")
    assert ended_occasion_days(token(ended, "visit")) == 2
    assert first_day(EventDate("2026-04-10", "day", "relative"), 2).value == "2026-04-09"
    began = parsed("The Secretary General began a two-day visit to Kyrgyzstan today.")
    assert ended_occasion_days(token(began, "visit")) == 1


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        pytest.param(
            "President Francois Hollande was in Brussels on 15 May to meet President Barroso.",
            "meet",
            None,
            id="the purpose of a dated past trip is what was done there",
        ),
        pytest.param(
            "NATO Secretary General Lars Holm visited Riga on Monday to meet Prime Minister Anna Berzina.",
            "meet",
            None,
            id="the purpose of a dated past visit is what was done there",
        ),
        pytest.param(
            "President Francois Hollande is in Brussels to meet President Barroso.",
            "meet",
            "future",
            id="the purpose of a trip under way is still to come",
        ),
        pytest.param(
            "Ghana and Nigeria agreed to set up a committee following talks in Accra on Wednesday.",
            "talks",
            None,
            id="talks an agreement followed happened",
        ),
        pytest.param(
            "Ghana and Nigeria will sign the deal after talks in Accra next week.",
            "talks",
            "future",
            id="talks a planned signing follows are still to come",
        ),
    ],
)
def test_an_occasion_done_or_still_to_come(sentence: str, word: str, expected: str | None) -> None:
    from accord.extraction.triggers import modality

    assert modality(token(parsed(sentence), word)) == expected


def test_a_visit_to_an_organisation_is_hosted_where_it_sits() -> None:
    from accord.extraction.context import host_location
    from accord.records import Location

    assert host_location("NATO") == Location("Brussels", "BEL")
    assert host_location("AU") == Location("Addis Ababa", "ETH")
    assert host_location("KEN") == Location(country="KEN")


def test_a_meeting_with_no_day_takes_no_calls_day_and_the_publication_month() -> None:
    from accord.extraction.timing import fill_dates
    from accord.records import DateCandidate, PublicationDate

    doc = parsed("The two ministers spoke by phone on 2 May. The two ministers met in Cairo.")

    def meeting_date(published: PublicationDate) -> str | None:
        mentions = asserted_mentions(doc, published.value)
        fill_dates(mentions, published, None)
        assert {m.date.value for m in mentions if m.type == "call" and m.date} == {"2024-05-02"}
        return next(m.date.value for m in mentions if m.type == "meet" and m.date)

    assert meeting_date(PublicationDate("2024-05-20", "jsonl")) == "2024-05"
    release = PublicationDate("2024-05-20", "dateline", (DateCandidate("2024-05-20", "dateline", 80),))
    assert meeting_date(release) == "2024-05-20"  # a release dated atop the story reports that day


def test_an_undated_mention_takes_the_day_of_its_own_sides_not_of_the_nearest_occasion() -> None:
    from accord.extraction.timing import fill_dates
    from accord.records import PublicationDate

    doc = parsed(
        "Ghana and Nigeria held talks in Accra on 3 May. Kenya and Uganda held talks in Kampala on 5 May. "
        "Ghana and Nigeria signed a trade deal."
    )
    mentions = asserted_mentions(doc, "2024-05-20")
    assert [m.date.value if m.date else None for m in mentions] == ["2024-05-03", "2024-05-05", None]
    fill_dates(mentions, PublicationDate("2024-05-20", "jsonl"), None)
    assert mentions[2].date is not None and mentions[2].date.value == "2024-05-03"


def test_a_summit_on_whose_sidelines_people_met_is_the_setting_not_their_meeting() -> None:
    from accord.extraction.mentions import setting_of_another

    doc = parsed(
        "The prime minister met his Thai counterpart on the sidelines of the ASEAN Summit in Brunei."
    )
    assert setting_of_another(token(doc, "summit"))
    assert not setting_of_another(token(doc, "met"))


def test_a_story_is_filed_on_its_datelines_day() -> None:
    from accord.extraction.timing import dateline_date

    doc = parsed("JAKARTA, 9 July 2024 – The minister received the envoy today.")
    filed = dateline_date(doc, "2024-07-10")  # the page went up the next day
    assert filed is not None and filed.value == "2024-07-09"


def test_a_dateline_day_the_model_did_not_read_as_a_date_is_still_the_filing_day() -> None:
    from dataclasses import replace

    from accord.extraction.events import find_events
    from accord.pipeline import prepare
    from accord.records import DateCandidate, Document, PublicationDate

    sentence = (
        "JAKARTA, Aug 20 — Malaysian Foreign Minister Amir Hakim paid a courtesy call on the Secretary-General of "
        "ASEAN, Dr. Tomas Duarte, at the ASEAN Secretariat here today."
    )
    doc = parsed(sentence)
    assert not [
        e for e in doc.ents if e.label_ == "DATE" and e.text != "today"
    ]  # "20" is a number to the model
    read = PublicationDate("2025-08-21", "header", (DateCandidate("2025-08-20", "wire", 75),))
    cleaned = replace(prepare(Document(id="t", source="test", text=sentence)), published=read)
    assert {e.date.value for e in find_events(cleaned, doc).events if e.date} == {"2025-08-20"}


def test_only_a_full_dated_wire_dateline_gives_the_filing_day() -> None:
    from accord.extraction.dates import wire_day
    from accord.records import DateCandidate, PublicationDate

    def filed(value: str) -> str | None:
        day = wire_day(PublicationDate("2025-08-21", "header", (DateCandidate(value, "wire", 75),)))
        return day.value if day else None

    assert (filed("2025-08-20"), filed("2025-08"), filed("--08-20")) == ("2025-08-20", None, None)


def test_the_sentence_after_a_dateline_is_not_cut_before_its_full_stop() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from accord.nlp import line_breaks

    words = "Hanoi ( VNA ) – Prime Minister Hieu and his counterpart Farid Benmoussa held talks . They agreed .".split()
    doc = line_breaks(Doc(English().vocab, words=words))
    sentence = doc[5 : words.index(".") + 1]
    assert all(token.is_sent_start is False for token in sentence[1:])
    assert doc[words.index("They")].is_sent_start is not False  # the next sentence is the parser's to cut


def test_no_sentence_opens_on_a_conjunction_written_in_lower_case() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from accord.nlp import line_breaks

    words = "Border deal \n Chile and Peru signed an agreement . And then ?".split(" ")
    doc = line_breaks(Doc(English().vocab, words=words))
    assert doc[words.index("and")].is_sent_start is False  # "Chile | and Peru signed" is the parser's slip
    assert doc[words.index("And")].is_sent_start is not False


def test_a_place_the_parser_hangs_on_the_last_member_of_a_list_is_still_the_verbs() -> None:
    from accord.extraction.places import sentence_location

    doc = parsed(
        "Mehta welcomed the Foreign Ministers of Chile, Peru, Bolivia, Ecuador, and Paraguay "
        "in New Delhi for the dialogue."
    )
    found = sentence_location(doc[:], token(doc, "welcomed"))
    assert found is not None and (found.city, found.country) == ("New Delhi", "IND")


def test_a_date_on_a_coordinated_verb_is_that_verbs_not_its_conjuncts() -> None:
    doc = parsed(
        "The minister arrived in Kigali on Monday evening and held talks with his counterpart on Tuesday."
    )
    mentions = asserted_mentions(doc, "2022-11-23")  # a Wednesday
    assert {(m.type, m.date.value if m.date else None) for m in mentions} == {
        ("visit", "2022-11-21"),
        ("meet", "2022-11-22"),
    }


def test_a_date_phrase_loses_the_noun_the_model_took_in_before_it() -> None:
    from accord.extraction.mentions import date_text

    doc = parsed(
        "Italian Foreign Minister Marco Bellini spoke about the crisis on the telephone Tuesday with Rice."
    )
    assert [date_text(e) for e in doc.ents if e.label_ == "DATE"] == ["Tuesday"]


def test_the_day_a_report_was_made_is_no_lead_date() -> None:
    from accord.extraction.timing import dates_a_report

    doc = parsed("Ortega said on Monday that the head of congress met a US delegation.")
    assert [dates_a_report(e) for e in doc.ents if e.label_ == "DATE"] == [True]


def test_a_datelines_day_is_the_filing_day_not_the_sentences_event() -> None:
    from accord.extraction.placenames import in_dateline

    doc = parsed("ACCRA, 16 May 2024 (GNA) - Ghana and Nigeria agreed on a border committee on Wednesday.")
    assert [(e.text, in_dateline(e)) for e in doc.ents if e.label_ == "DATE"] == [
        ("16 May 2024", True),
        ("Wednesday", False),
    ]
    mentions = asserted_mentions(doc, "2024-05-16")
    assert [m.date.value for m in mentions if m.date] == ["2024-05-15"]


def test_an_earlier_occasion_that_names_no_sides_is_no_event_but_dates_what_was_signed_there() -> None:
    doc = parsed(
        "It was the first meeting of the two leaders since the Mekong summit in Bangkok in December 2023, where the "
        "two prime ministers signed a charter."
    )
    mentions = asserted_mentions(doc, "2025-03-18")
    assert "summit" not in {m.trigger.token.lower_ for m in mentions}
    signing = next(m for m in mentions if m.type == "agree")
    assert signing.date is not None and signing.date.value == "2023-12"


def test_today_in_a_story_means_its_datelines_day_when_the_page_went_up_later() -> None:
    found = events_of(
        "JAKARTA, 9 July 2024 – Indonesian Foreign Minister Retno Marsudi met Turkish Foreign Minister Hakan Fidan today.",
        "2024-07-10",
    )
    assert {e.date.value for e in found} == {"2024-07-09"}


def test_a_yearless_dateline_dates_the_sentences_of_a_page_with_no_date() -> None:
    found = events_of(
        "RABAT, April 12. /TASS/. The Russian foreign minister held talks with the Moroccan foreign minister."
    )
    assert found and {e.date.value for e in found} == {"--04-12"}


def test_a_dateline_of_its_own_gives_the_lead_date_and_a_report_day_does_not() -> None:
    from accord.extraction.timing import lead_date

    wire = parsed(
        "MOSCOW, 12 May. /TASS/. Russia and Mali agreed to expand cooperation, Russian Foreign Minister Sergey Lavrov said."
    )
    found = lead_date(wire, "2025-05-13")
    assert found is not None and found.value == "2025-05-12"
    assert (
        lead_date(
            parsed("Ortega said on Monday that the head of congress met a US delegation."), "2022-06-28"
        )
        is None
    )


def test_a_sentence_gets_no_date_from_the_dateline_it_opens_with() -> None:
    doc = parsed("ACCRA, 16 May 2024 (GNA) - Ghana and Nigeria agreed to set up a border committee.")
    mentions = asserted_mentions(doc, "2024-05-16")
    assert mentions and all(m.date is None for m in mentions)  # the lead date fills it later, as "lead"


def test_a_summit_that_is_only_the_setting_yields_no_mention_of_its_own() -> None:
    doc = parsed(
        "The prime minister met his Thai counterpart on the sidelines of the ASEAN Summit in Brunei."
    )
    mentions = asserted_mentions(doc)
    assert [m.trigger.token.lower_ for m in mentions] == ["met"]


def test_a_country_with_a_possessive_after_the_city_is_no_part_of_the_place() -> None:
    from accord.extraction.places import sentence_location

    doc = parsed("In Amman, Qatar's minister of state met Jordanian Foreign Minister Ayman Safadi on Monday.")
    found = sentence_location(doc[:], token(doc, "met"))
    assert found is not None and (found.city, found.country) == ("Amman", "JOR")


def test_an_arrival_the_day_before_belongs_to_the_talks_of_that_trip() -> None:
    from accord.extraction.context import nearest_interaction

    doc = parsed(
        "Egyptian Foreign Minister Sameh Adel held talks in Cairo on Tuesday with a Palestinian delegation. The "
        "delegation arrived in Cairo on Monday evening."
    )
    mentions = asserted_mentions(doc, "2026-02-11")
    talks = next(m for m in mentions if m.type == "meet")
    arrival = next(m for m in mentions if m.type == "visit")
    assert nearest_interaction(arrival, [talks]) is talks


def test_the_visit_during_which_others_met_is_no_trip_of_theirs() -> None:
    doc = parsed(
        "During the visit, Tonga's foreign minister Mele Taufa also met Fiji's deputy prime minister Sanjay Prasad."
    )
    mentions = asserted_mentions(doc, "2024-02-07")
    assert [m.type for m in mentions] == ["meet"]


def test_one_countrys_travellers_to_one_host_that_week_are_one_visit() -> None:
    from accord.extraction.merging import merge

    doc = parsed(
        "Somali President Hassan Warsame arrived in Cairo on Sunday. Somali Foreign Minister Fadumo Hirsi arrived in "
        "Cairo on Sunday too."
    )
    visits = [m for m in asserted_mentions(doc, "2025-02-24") if m.type == "visit"]
    assert len(visits) == 2 and len(merge(visits)) == 1


def test_the_day_a_measure_takes_effect_dates_neither_the_story_nor_the_agreement() -> None:
    from accord.extraction.timing import lead_date

    starting = parsed(
        "Starting 1 April, Chilean citizens need no visa to enter Peru, the ministry announced."
    )
    stated = parsed("On 1 April, Chile waived visas for Peruvian visitors.")
    assert lead_date(starting, None) is None
    assert lead_date(stated, None) is not None  # the same day, stated as a day something happened
    agreed = parsed("Chile and Peru signed a visa waiver agreement, effective March 3.")
    mentions = asserted_mentions(agreed, "2024-05-16")
    assert [(m.type, m.date) for m in mentions] == [("agree", None)]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The meeting was attended by the foreign ministers of Chile and Peru. Bolivia was represented by its "
            "deputy foreign minister.",
            {"BOL", "CHL", "PER"},
        ),
        (
            "The foreign ministers of Chile and Peru met in Lima. Bolivia's foreign minister also attended the talks.",
            {"BOL", "CHL", "PER"},
        ),
        (
            "The meeting was chaired by Chile's foreign minister Ana Soto. Attending were Peru's Jorge Paz "
            "Villalobos and Bolivia's Luis Rocha Mendoza.",
            {"BOL", "CHL", "PER"},
        ),
        (  # talks of its own, elsewhere: no side joining the meeting in Lima
            "The foreign ministers of Chile and Peru met in Lima. Bolivia's foreign minister held talks in Quito "
            "on Monday.",
            {"CHL", "PER"},
        ),
    ],
)
def test_a_side_that_joins_the_meeting_just_reported_becomes_its_party(text: str, sides: set[str]) -> None:
    from accord.extraction.context import join_occasions
    from accord.extraction.parties import affiliations

    doc = parsed(text)
    mentions = asserted_mentions(doc, "2024-05-16")
    assert affiliations(join_occasions(mentions)[0].parties) == sides


def dated_mentions(text: str) -> list[Mention]:
    """The mentions of a frozen parse, with the days `timing.fill_dates` gives them (published 2024-05-16)."""
    from accord.extraction.timing import fill_dates
    from accord.records import PublicationDate

    doc = parsed(text)
    mentions = asserted_mentions(doc, "2024-05-16")
    fill_dates(mentions, PublicationDate("2024-05-16", "test"), None)
    return mentions


def test_also_held_talks_is_on_the_day_of_the_talks_just_reported_not_of_the_arrival() -> None:
    mentions = dated_mentions(
        "Chilean Foreign Minister Ana Soto met her Peruvian counterpart Jorge Paz on Tuesday. Soto, who arrived in "
        "Lima on Monday, also held talks with Bolivian Foreign Minister Luis Rocha Mendoza."
    )
    bolivian = next(m for m in mentions if m.type == "meet" and "BOL" in {p.affiliation for p in m.parties})
    assert bolivian.date is not None and bolivian.date.value == "2024-05-14"  # Tuesday, not Monday


def test_a_day_the_model_left_out_of_a_date_belongs_to_it() -> None:
    from accord.extraction.mentions import date_text

    doc = parsed(
        "NATO Secretary General Henrik Vestergaard travelled to Bucharest on Thursday (4 December 2025), where he "
        "held talks with President Andrei Vasilescu."
    )
    assert [date_text(e) for e in doc.ents if e.label_ == "DATE"] == ["Thursday", "4 December 2025"]


def test_a_day_and_month_the_model_labelled_an_event_still_dates_the_meeting() -> None:
    doc = parsed(
        "Chile's Defence Minister Ana Soto and Peru's Minister for Defence Jorge Paz met here on 9 November for the "
        "third session of the Chile-Peru Joint Commission on Defence this year."
    )
    assert [e.label_ for e in doc.ents if e.text == "9 November"] == ["EVENT"]
    mentions = asserted_mentions(doc)
    assert [m.date.value for m in mentions if m.type == "meet" and m.date] == ["--11-09"]


def test_a_day_earlier_is_the_day_before_the_occasion_just_told() -> None:
    from accord.extraction.context import complete_visit
    from accord.extraction.timing import fill_dates
    from accord.records import PublicationDate

    doc = parsed(
        "Chilean Foreign Minister Ana Soto met her Peruvian counterpart Jorge Paz in Lima on 9 November. Soto, who "
        "arrived in Lima a day earlier, said the talks went well."
    )
    mentions = asserted_mentions(doc)
    interactions = [m for m in mentions if m.interaction]
    for visit in (m for m in mentions if m.type == "visit"):
        complete_visit(visit, interactions)
    fill_dates(mentions, PublicationDate(None, None), None)
    dated = [(m.type, m.date.value) for m in mentions if m.date and m.type in ("meet", "visit")]
    assert dated[0] == ("meet", "--11-09") and ("visit", "--11-08") in dated


def test_a_dated_mention_without_sides_hands_its_day_to_the_meeting_told_next() -> None:
    from accord.extraction.timing import pass_on_dates

    doc = parsed(
        "Foreign ministers from five Andean states met in Lima on Monday. The meeting was chaired by Chile's foreign "
        "minister Ana Soto."
    )
    mentions = asserted_mentions(doc, "2024-05-16")
    chaired = [m for m in pass_on_dates(mentions) if m.parties]
    assert chaired and {(m.type, m.date.value if m.date else None) for m in chaired} == {
        ("meet", "2024-05-13")
    }


@pytest.mark.parametrize(
    ("text", "one_sentence"),
    [
        ("The third round of talks between the two states\nwas held in Accra on Monday .", True),
        ("The ministers met in Accra .\nthe talks went well .", False),  # a stop ends the first line
        (
            "The ministers met in Accra\n\nthe next day they flew home .",
            False,
        ),  # a blank line ends a paragraph
        ("Ministers meet in Accra\nThe talks went well .", False),  # a new line in capitals is a new sentence
    ],
)
def test_a_line_that_goes_on_in_lower_case_is_one_sentence_wrapped(text: str, one_sentence: bool) -> None:
    from spacy.lang.en import English

    from accord.nlp import line_breaks

    nlp = English()
    doc = line_breaks(nlp(text))
    starts = [t.i for t in doc[1:] if t.is_sent_start]
    assert (starts == []) is one_sentence


def test_the_cleaner_keeps_both_lines_of_a_wrapped_sentence_among_headline_like_lines() -> None:
    from accord.clean import clean
    from accord.records import Document

    page = "\n".join(
        [
            "Sunday, 4 October 2009",
            "",
            "Ministerial meeting in Accra",
            "",
            "Last updated: 11 hours ago",
            "",
            "The third round of talks between the two states",
            "was held in Accra on Monday.",
            "",
            "The ministers discussed trade, fisheries and the security of the border in detail.",
        ]
    )
    cleaned = clean(Document("t", "test", page))
    assert "The third round of talks between the two states" in cleaned.text


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        (  # a group's summit: no occasion of the two
            "Chile's Ana Soto and Peru's Jorge Paz met in Lima. It was the first meeting of the two leaders since "
            "the Andean leaders' summit in Quito in March 2023.",
            [],
        ),
        (  # "they": the two's own earlier meeting
            "Chile's Ana Soto and Peru's Jorge Paz met in Lima. It was the first meeting of the two leaders since "
            "they met in Quito in March 2023.",
            ["2023-03"],
        ),
    ],
)
def test_an_earlier_occasion_is_the_pairs_only_when_it_says_so(text: str, earlier: list[str]) -> None:
    doc = parsed(text)
    mentions = asserted_mentions(doc, "2024-05-16")
    assert [m.date.value for m in mentions if m.date and m.date.value.startswith("2023")] == earlier


def test_a_headline_in_the_present_takes_the_day_of_the_event_it_repeats() -> None:
    mentions = dated_mentions(
        "Soto and Paz sign visa deal in Lima. Peru's foreign minister Jorge Paz arrived in Lima on Sunday. Chile's "
        "foreign minister Ana Soto and Paz signed a visa agreement in Lima on Monday."
    )
    headline = next(m for m in mentions if m.order == 0 and m.type == "agree")
    assert headline.date is not None and headline.date.value == "2024-05-13"  # Monday's signing, not Sunday


def test_a_refused_call_is_no_call() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed("President Rojas refuses receiving a phone call from Prime Minister Paz.")
    assert {t.modality for t in find_triggers(doc[:])} == {"negation"}


def test_meetings_being_suspended_are_no_meetings() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed("The bloc stopped short of suspending meetings with Peru on a fisheries pact.")
    assert {t.modality for t in find_triggers(doc[:])} == {"negation"}


def test_talk_that_names_no_medium_after_a_call_of_the_same_sides_is_that_call() -> None:
    found = events_of(
        "Chilean Foreign Minister Tomas Duarte spoke by telephone on Tuesday with Peruvian Foreign Minister Ana "
        "Lopes. Duarte also conferred with Lopes about the fisheries dispute.",
        "2025-11-20",
    )
    assert [e.type for e in found] == ["call"]


def test_a_past_act_others_announced_happened() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed(
        "LIMA: Chilean Foreign Minister Tomas Duarte arrived in Lima on Wednesday to attend the summit, officials "
        "announced."
    )
    arrival = next(t for t in find_triggers(doc[:]) if t.token.text == "arrived")
    assert arrival.modality is None


def test_a_call_with_no_people_of_its_own_is_their_call_not_their_meeting() -> None:
    found = events_of(
        "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on 28 June. The "
        "Chilean minister holds phone talks. Duarte held phone talks with Lopes of Peru on February 2.",
        None,
    )
    assert [e.date.value if e.date else None for e in found if e.type == "call"] == ["--02-02"]


def test_the_two_sides_of_the_page_are_not_a_pair_it_recalls_from_months_before() -> None:
    found = events_of(
        "Chilean Foreign Minister Tomas Duarte held talks with Peruvian Foreign Minister Ana Lopes in Lima on Friday. "
        "Recalling that Peruvian President Jorge Paz and Chilean President Carlos Rojas held talks in Lima in "
        "September 2024, Duarte said Chile is ready to work with Peru. After the talks, the two sides signed a visa "
        "agreement.",
        "2025-11-15",
    )
    signings = [sorted(p.name or "" for p in e.participants) for e in found if e.type == "agree"]
    assert signings == [["Ana Lopes", "Tomas Duarte"]]


def test_a_seat_of_government_the_model_took_for_no_place_places_the_meeting() -> None:
    found = events_of(
        "NATO Secretary General Tomas Duarte met with British Prime Minister Ana Lopes at No 10 on Thursday.",
        "2025-11-15",
    )
    assert {(e.type, e.location.city if e.location else None) for e in found} == {
        ("meet", "London"),
        ("visit", "London"),  # the Secretary General came to the Prime Minister's seat
    }


def test_an_undated_signing_of_the_sides_is_the_signing_the_page_dates() -> None:
    found = events_of(
        "Chile and Peru signed a fisheries deal on Sunday at a ceremony in Lima. Chilean Foreign Minister Tomas "
        "Duarte and Peruvian Foreign Minister Ana Lopes signed the agreement after arriving in Lima on Saturday.",
        "2025-11-17",
    )
    assert [e.date.value if e.date else None for e in found if e.type == "agree"] == ["2025-11-16"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chilean Foreign Minister Tomas Duarte today received in separate audiences Peruvian Foreign Minister Ana "
        "Lopes and Bolivian Foreign Minister Carlos Rojas.",
        # the dateline's city took the subject's place: the host is the side named before "received"
        "Addis Ababa, Ethiopia, 11 November 2025: The Chairperson of the African Union Commission, H.E. Tomas "
        "Duarte, today received in separate audiences H.E. Ana Lopes, Minister of Foreign Affairs of Peru, and H.E. "
        "Carlos Rojas, Minister of Foreign Affairs of Bolivia.",
    ],
)
def test_guests_received_in_separate_audiences_met_the_host_one_by_one(sentence: str) -> None:
    meetings = [sorted(p.name or "" for p in e.participants) for e in events_of(sentence, "2025-11-11")]
    assert sorted(m for m in meetings if len(m) > 1) == [
        ["Ana Lopes", "Tomas Duarte"],
        ["Carlos Rojas", "Tomas Duarte"],
    ]


def test_a_suggested_meeting_is_a_plan() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed(
        "The message from the Chilean leader, suggesting an emergency summit in Lima, went unanswered."
    )
    assert [(t.token.text, t.modality) for t in find_triggers(doc[:])] == [("summit", "future")]


SINCE_BOTH_SIGNED = (
    "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Monday. Paz was on his "
    "first visit to Chile since both countries signed a visa pact last year."
)


def test_a_trigger_in_a_since_clause_is_another_occasion() -> None:
    doc = parsed(SINCE_BOTH_SIGNED)
    assert background_reference(token(doc, "signed"))
    assert not background_reference(token(doc, "met"))


def test_both_countries_are_the_states_not_the_people_who_met_for_them() -> None:
    found = events_of(SINCE_BOTH_SIGNED, "2024-05-14")
    (pact,) = [e for e in found if e.type == "agree"]
    assert {(p.name, p.affiliation) for p in pact.participants} == {(None, "CHL"), (None, "PER")}
    assert pact.date.value == "2023"


QADRI = (
    "OIC Secretary General Hamid Qadri met Foreign Minister Lamin Ceesay of Gambia, Foreign Minister Hafiz "
    "Rahman of Malaysia and Foreign Minister Elchin Mammadli of Azerbaijan in Jeddah on Monday. {} covered Gaza."
)


def test_an_occasion_the_page_retells_as_several_was_one_with_each_side() -> None:
    meetings = [e for e in events_of(QADRI.format("These meetings"), "2025-03-04") if e.type == "meet"]
    assert sorted(sorted({p.affiliation or "" for p in e.participants}) for e in meetings) == [
        ["AZE", "OIC"],
        ["GMB", "OIC"],
        ["MYS", "OIC"],
    ]
    # told again as one occasion, it was one with them all
    (joint,) = [e for e in events_of(QADRI.format("The meeting"), "2025-03-04") if e.type == "meet"]
    assert {p.affiliation for p in joint.participants} == {"OIC", "GMB", "MYS", "AZE"}
    # others in general tell nothing: people of several countries one person "met" were met one by one
    general = [e for e in events_of(QADRI.format("Regular meetings"), "2025-03-04") if e.type == "meet"]
    assert len(general) == 3


def test_calls_the_page_retells_as_several_were_one_with_each_side() -> None:
    calls = events_of(
        "Foreign Minister Ingrid Solheim of Norway spoke by telephone on Sunday with Foreign Minister Karim Fawzi of "
        "Egypt and Foreign Minister Omar Zoubi of Jordan. In the calls, they discussed Gaza.",
        "2025-11-03",
    )
    assert sorted(
        sorted({p.affiliation or "" for p in e.participants}) for e in calls if e.type == "call"
    ) == [
        ["EGY", "NOR"],
        ["JOR", "NOR"],
    ]


def test_separate_meetings_with_two_people_of_one_country_are_two() -> None:
    found = events_of(
        "NATO Deputy Secretary General Radmila Kovarik held separate meetings on Wednesday with South Korean "
        "Foreign Minister Cho Min-seok and South Korean Defense Minister Kim Dong-hyuk.",
        "2025-11-20",
    )
    meetings = [sorted(p.name or "" for p in e.participants) for e in found if e.type == "meet"]
    assert sorted(meetings) == [["Cho Min-seok", "Radmila Kovarik"], ["Kim Dong-hyuk", "Radmila Kovarik"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(  # a head of government and a minister of one country: a meeting with each
            "Chilean Foreign Minister Tomas Duarte also met with Peruvian Prime Minister Jorge Paz and Minister for "
            "Trade Carlos Rojas in Lima on Monday.",
            [["Carlos Rojas", "Tomas Duarte"], ["Jorge Paz", "Tomas Duarte"]],
            id="two-officials-of-one-country",
        ),
        pytest.param(  # a deputy listed beside their own principal comes with them
            "African Union Commission Chairperson Alieu Ceesay met with UN Secretary-General Tomas Duarte and Deputy "
            "Secretary-General Ana Lopes in Addis Ababa on Monday.",
            [["Alieu Ceesay", "Ana Lopes", "Tomas Duarte"]],
            id="principal-and-deputy",
        ),
    ],
)
def test_people_of_one_side_met_together_only_with_their_deputy(
    sentence: str, expected: list[list[str]]
) -> None:
    found = events_of(sentence, "2025-11-17")
    assert sorted(sorted(p.name or "" for p in e.participants) for e in found if e.type == "meet") == expected


KAZAN = (
    "KAZAN: UN Secretary General Antonio Guterres met Russian President Vladimir Putin in Kazan on Wednesday. "
    "The two last met in April 2022, weeks after the war began."
)


def test_a_date_the_model_ran_on_past_still_dates_the_sentence() -> None:
    mentions = asserted_mentions(parsed(KAZAN), "2024-10-23")
    assert [m.date.value if m.date else None for m in mentions] == ["2024-10-23", "2022-04"]


def test_an_earlier_occasion_is_not_placed_where_the_story_was_filed() -> None:
    found = events_of(KAZAN, "2024-10-23")
    earlier = [e for e in found if e.date.value == "2022-04"]
    assert [e.type for e in earlier] == ["meet"]  # no visit to Kazan in 2022 either
    assert earlier[0].location.city is None


def test_a_recalled_occasion_the_sentence_dates_is_an_earlier_event_and_undated_only_a_topic() -> None:
    dated = asserted_mentions(
        parsed(
            "Chile's foreign minister Ana Soto recalled her meeting with Peru's foreign minister Jorge Paz in Lima in "
            "April 2023 and thanked Peru for its support."
        ),
        "2024-05-14",
    )
    assert [(m.type, m.date.value if m.date else None) for m in dated] == [("meet", "2023-04")]
    # the date belongs to the thanks, in a verb of its own: the meeting stays a topic
    undated = asserted_mentions(
        parsed(
            "Chile's foreign minister Ana Soto recalled her meeting with Peru's foreign minister Jorge Paz and thanked "
            "Peru for its support in April 2023."
        ),
        "2024-05-14",
    )
    assert undated == []


def test_the_previous_gathering_is_an_earlier_occasion_of_the_sides_just_told() -> None:
    found = events_of(
        "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Friday. Friday's meeting "
        "was a follow-up to the previous gathering in Santiago on Feb. 16.",
        "2023-03-18",
    )
    earlier = [e for e in found if e.type == "meet" and e.date.value == "2023-02-16"]
    assert [{p.affiliation for p in e.participants} for e in earlier] == [{"CHL", "PER"}]


def test_a_reception_the_page_places_nowhere_is_at_the_receivers_home() -> None:
    received = events_of(
        "Kenyan President Daniel Rotich received Ugandan Foreign Minister Samuel Okello at the palace on Monday.",
        "2024-05-14",
    )
    assert {(e.type, e.location.country) for e in received} == {("meet", "KEN"), ("visit", "KEN")}
    met = events_of(
        "Kenyan President Daniel Rotich met Ugandan Foreign Minister Samuel Okello at the palace on Monday.",
        "2024-05-14",
    )
    assert {(e.type, e.location.country) for e in met} == {("meet", None)}


def test_an_unnamed_minister_is_not_the_head_of_state_the_page_names() -> None:
    found = events_of(
        "Polish President Andrzej Duda arrived in Vilnius on Wednesday. The defence ministers of Lithuania and Poland "
        "signed a communique on Wednesday.",
        "2020-01-30",
    )
    (signing,) = [e for e in found if e.type == "agree"]
    assert {(p.name, p.affiliation) for p in signing.participants} == {(None, "LTU"), (None, "POL")}


@pytest.mark.parametrize(
    ("opening", "sides"),
    [
        ("Joining the ministers were", {"CHL", "PER", "BOL", "ECU"}),
        ("Also taking part were", {"CHL", "PER", "BOL", "ECU"}),
        ("Also participating were", {"CHL", "PER", "BOL", "ECU"}),
        ("Also present at the dinner were", {"CHL", "PER"}),  # another occasion's guests
    ],
)
def test_a_roll_call_joins_the_meeting_just_told(opening: str, sides: set[str]) -> None:
    found = events_of(
        f"Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Monday. {opening} "
        "Bolivia's foreign minister Luis Arce and Ecuador's foreign minister Rosa Vera.",
        "2025-03-04",
    )
    meetings = [{p.affiliation for p in e.participants} for e in found if e.type == "meet"]
    assert sides in meetings


def test_the_undated_first_step_of_a_sequence_is_background() -> None:
    from accord.extraction.mentions import not_one_dated_occasion

    doc = parsed(
        "Chile's president Ana Soto first spoke with Peru's president Jorge Paz by phone, and then held talks with "
        "Bolivia's president Luis Arce on Monday."
    )
    assert not_one_dated_occasion(token(doc, "spoke"), None)
    assert not not_one_dated_occasion(token(doc, "talks"), None)


def test_a_roll_call_joins_the_call_just_told() -> None:
    found = events_of(
        "Norway's foreign minister Ingrid Solheim held a video call with Palestinian Prime Minister Ziad Mustafa on "
        "Monday. Also taking part were Egypt's foreign minister Karim Fawzi and Jordan's foreign minister Omar Zoubi.",
        "2025-11-04",
    )
    calls = [{p.affiliation for p in e.participants} for e in found if e.type == "call"]
    assert calls == [{"NOR", "PSE", "EGY", "JOR"}]


def test_an_undated_story_below_its_lead_happened_on_its_datelines_day() -> None:
    text = (
        "World news.\nChile and Peru ministers hold talks in Doha.\nThe talks are the first since the war.\nBoth "
        "sides want peace.\nDOHA, Nov 14 -- The foreign ministers of Chile and Peru held direct talks. They met "
        "for four hours."
    )
    assert {e.date.value for e in events_of(text, "2025-11-15") if e.date} == {
        "2025-11-14"
    }  # not the page's day


def test_a_third_side_that_received_each_minister_separately_met_each_on_its_own() -> None:
    text = (
        "Chilean Foreign Minister Ana Lopes and Peruvian Foreign Minister Tomas Duarte held talks in Doha on Friday. "
        "Before the talks, Qatari Prime Minister Karim Nasser received each minister separately."
    )
    meetings = {
        frozenset(p.affiliation for p in e.participants)
        for e in events_of(text, "2025-11-15")
        if e.type == "meet"
    }
    assert meetings == {frozenset({"CHL", "PER"}), frozenset({"QAT", "CHL"}), frozenset({"QAT", "PER"})}


def test_talks_of_several_days_an_agreement_ended_began_days_before_it() -> None:
    from accord.extraction.mentions import ended_occasion_days

    doc = parsed("Chile and Peru agreed on Tuesday to reopen the border, after two days of talks in Lima.")
    assert ended_occasion_days(token(doc, "talks")) == 2


def test_one_side_reaffirming_its_commitment_is_no_agreement_but_two_sides_are() -> None:
    one = events_of(
        "Chilean Foreign Minister Tomas Duarte reaffirmed Chile's commitment to the treaty and assured NATO Secretary "
        "General Lars Holm of full support."
    )
    two = events_of(
        "Chilean Foreign Minister Tomas Duarte and NATO Secretary General Lars Holm reaffirmed their commitment to the "
        "treaty."
    )
    assert ([e.type for e in one], [e.type for e in two]) == ([], ["agree"])

    from accord.extraction.parties import one_subject

    for plural in (
        "The presidents reaffirmed their commitment to the treaty.",
        "Both reaffirmed their commitment to the treaty.",
    ):
        assert not one_subject(token(parsed(plural), "reaffirmed"))


def test_a_trips_days_of_an_unstated_year_are_one_visit() -> None:
    from accord.extraction.merging import merge

    doc = parsed(
        "Somali President Hassan Warsame arrived in Cairo on 18 May. Warsame visited the Egyptian parliament in Cairo on "
        "20 May."
    )
    visits = [m for m in asserted_mentions(doc, None) if m.type == "visit"]
    assert [v.date.value for v in visits if v.date] == ["--05-18", "--05-20"]
    assert len(merge(visits)) == 1


def test_a_visitor_received_by_one_official_and_in_talks_with_another_met_each() -> None:
    events = events_of(
        "On Monday, the Chilean foreign minister was received by the Qatari emir and held talks with the Qatari "
        "foreign minister.",
        "2025-03-04",
    )
    meetings = [e for e in events if e.type == "meet"]
    assert sorted(p.role or "" for e in meetings for p in e.participants if p.affiliation == "QAT") == [
        "emir",
        "foreign minister",
    ]
    # whoever was received came to the receiver: the emir's country is the host
    assert [
        (p.affiliation, e.location and e.location.country)
        for e in events
        if e.type == "visit"
        for p in e.participants
    ] == [("CHL", "QAT")]


def test_the_unnamed_counterpart_days_into_a_named_ministers_trip_is_that_minister() -> None:
    events = events_of(
        "Chilean Foreign Minister Tomas Duarte arrived in Lima on Monday. On Wednesday, Peruvian Foreign Minister Ana "
        "Lopes held talks with her Chilean counterpart.",
        "2025-03-07",
    )
    (meeting,) = [e for e in events if e.type == "meet"]
    assert {p.name for p in meeting.participants} == {"Ana Lopes", "Tomas Duarte"}


def test_an_occasion_ahead_of_which_others_met_is_still_to_come() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed(
        "The ministers met in Lima on Monday ahead of the extraordinary meeting of the Andean Council."
    )
    assert [(t.token.text, t.modality) for t in find_triggers(doc[:])] == [
        ("met", None),
        ("meeting", "future"),
    ]


def test_people_of_several_countries_one_person_met_are_met_one_by_one() -> None:
    def meetings(text: str) -> list[set[str]]:
        return [
            {p.affiliation or "" for p in e.participants}
            for e in events_of(text, "2025-03-04")
            if e.type == "meet"
        ]

    assert meetings(
        "Chilean Foreign Minister Tomas Duarte also met Peruvian Foreign Minister Ana Lopes and Bolivian Foreign "
        "Minister Carlos Rojas on the sidelines."
    ) == [{"CHL", "PER"}, {"CHL", "BOL"}]
    # unless the sentence says they met at once, or a host received them
    assert meetings(
        "Chilean Foreign Minister Tomas Duarte also met Peruvian Foreign Minister Ana Lopes and Bolivian Foreign "
        "Minister Carlos Rojas together on the sidelines."
    ) == [{"CHL", "PER", "BOL"}]
    assert meetings(
        "Chilean President Tomas Duarte received Peruvian Foreign Minister Ana Lopes and Bolivian Foreign Minister "
        "Carlos Rojas at the palace."
    ) == [{"CHL", "PER", "BOL"}]
    (call,) = events_of(
        "Chilean Foreign Minister Tomas Duarte met virtually with Peruvian Foreign Minister Ana Lopes and Bolivian "
        "Foreign Minister Carlos Rojas on Monday.",
        "2025-03-04",
    )
    assert call.type == "call" and len(call.participants) == 3  # one video conference of them all


def test_a_when_clause_on_a_date_tells_an_earlier_occasion_of_that_date() -> None:
    events = events_of(
        "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on Monday. It was their "
        "first meeting since July 2024, when they met at the Andean summit in Quito and agreed to revive the "
        "commission.",
        "2025-03-04",
    )
    earlier = sorted(
        (e.type, {p.affiliation for p in e.participants})
        for e in events
        if e.date and e.date.value == "2024-07"
    )
    assert earlier == [("agree", {"CHL", "PER"}), ("meet", {"CHL", "PER"})]


def test_a_city_named_after_city_of_is_where_the_meeting_was() -> None:
    (meeting,) = [
        e
        for e in events_of(
            "Chilean Foreign Minister Tomas Duarte met his Peruvian counterpart in the southern Peruvian city of Cusco "
            "on Saturday.",
            "2025-03-04",
        )
        if e.type == "meet"
    ]
    assert meeting.location is not None and (meeting.location.city, meeting.location.country) == (
        "Cusco",
        "PER",
    )


def test_an_unnamed_counterpart_holds_the_office_of_the_one_who_met_them() -> None:
    events = events_of(
        "Chilean Foreign Minister Tomas Duarte met his Peruvian counterpart in Lima on Saturday. Duarte said he "
        "expected trade to be a key issue in talks with Peru's Jorge Paz. Peruvian President Ana Lopes will visit Chile.",
        "2025-03-04",
    )
    (meeting,) = [e for e in events if e.type == "meet"]
    assert {p.name for p in meeting.participants} == {"Tomas Duarte", "Jorge Paz"}  # not the president


def test_an_undated_meeting_placed_only_by_its_neighbour_implies_no_trip() -> None:
    events = events_of(
        "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima. Earlier this week, "
        "Lopes also met Bolivian Foreign Minister Carlos Rojas."
    )
    assert [p.affiliation for e in events if e.type == "visit" for p in e.participants] == ["CHL"]


def test_a_sentence_naming_its_states_borrows_no_sides_from_an_occasion_of_others() -> None:
    found = events_of(
        "Chile, Peru sign fishing deal at UN headquarters.\nOn Monday, Chilean Foreign Minister Ana Lopes met "
        "Bolivian Foreign Minister Tomas Duarte in La Paz.",
        "2025-03-05",
    )
    assert {e.type for e in found} == {"meet", "visit"}


def test_an_organisations_official_at_its_own_seat_hosts_a_visit_and_makes_none() -> None:
    found = events_of(
        "The Chairperson of the African Union Commission, Amara Diallo, today received at the AU Headquarters in "
        "Addis Ababa the Foreign Minister of Peru, Ana Lopes, who is on a visit to Ethiopia.",
        "2025-11-20",
    )
    visits = [e for e in found if e.type == "visit"]
    assert [sorted(p.affiliation or "" for p in e.participants) for e in visits] == [["PER"]]


@pytest.mark.parametrize(
    ("sentence", "word", "modality"),
    [
        # what governs an infinitive passive decides, however deep the occasion hangs below it
        (
            "Bhutan is expected to be admitted as the group's ninth member at the summit in Lima in October.",
            "summit",
            "future",
        ),
        # an occasion "after" an act came before it, whatever that act looks ahead to
        (
            "Chilean Foreign Minister Tomas Duarte and Peruvian Foreign Minister Ana Lopes agreed on Wednesday to resume "
            "their fisheries dialogue after a day of talks in Lima.",
            "talks",
            None,
        ),
        (
            "Minister Ana Lopes expressed her wish to visit Chile at an early date, and Minister Duarte welcomed it.",
            "visit",
            "future",
        ),
        ("A summit of the two heads of state has been mooted.", "summit", "future"),
        # what one looks forward to lies ahead
        ("I look forward to welcoming Minister Ana Lopes of Peru to Santiago.", "welcoming", "future"),
        # what a denial governs did not happen
        (
            "A spokesman denied reports in local media that Foreign Minister Ana Lopes had met her Peruvian "
            "counterpart in Lima last week.",
            "met",
            "negation",
        ),
        # the words of one name ("the SADC Council of Ministers Summit") are one step up to the plan
        (
            "The two ministers are expected to meet on the sidelines of the SADC Council of Ministers Summit in "
            "Windhoek in March.",
            "Summit",
            "future",
        ),
    ],
)
def test_modality_of_an_occasion_read_from_what_governs_it(
    sentence: str, word: str, modality: str | None
) -> None:
    from accord.extraction.triggers import find_triggers

    found = {t.token.text: t.modality for t in find_triggers(parsed(sentence)[:])}
    assert word in found and found[word] == modality


def test_welcoming_a_wish_is_no_reception() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed(
        "Minister Ana Lopes expressed her wish to visit Chile at an early date, and Minister Duarte welcomed it."
    )
    assert "welcomed" not in {t.token.text for t in find_triggers(doc[:])}


def test_a_courtesy_call_received_is_a_meeting_in_person() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed(
        "The Prime Minister of Chile received a courtesy call from Peruvian Foreign Minister Ana Lopes at the palace."
    )
    assert {t.type for t in find_triggers(doc[:])} == {"meet"}


def test_an_agreement_which_both_countries_signed_long_ago_is_theirs_as_states() -> None:
    found = events_of(
        "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on Monday. The new "
        "accord updates the first memorandum on fisheries, which both countries signed in Lima in October 2019.",
        "2025-11-20",
    )
    earlier = [e for e in found if e.type == "agree"]
    assert [
        (e.date.value if e.date else None, sorted((p.name, p.affiliation) for p in e.participants))
        for e in earlier
    ] == [("2019-10", [(None, "CHL"), (None, "PER")])]


def test_a_day_goes_on_to_a_retelling_of_the_occasion_not_to_an_act_of_its_own() -> None:
    from accord.extraction.timing import pass_on_dates

    doc = parsed(
        "On Monday, the two sides signed a memorandum in Lima. Colombia and Ecuador agreed to reopen the bridge. On "
        "Tuesday, the two ministers held talks in Lima. Their discussions covered fisheries and trade."
    )
    dated = {
        m.trigger.token.text: m.date is not None for m in pass_on_dates(asserted_mentions(doc, "2025-11-20"))
    }
    assert dated["discussions"] and not dated["agreed"]


def test_the_two_foreign_ministers_are_the_pair_of_the_ministers_talks_not_the_presidents() -> None:
    found = events_of(
        "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on Monday. Duarte also "
        "called on President Jorge Paz on Tuesday. The two foreign ministers last met in Quito in July.",
        "2025-11-20",
    )
    earlier = [e for e in found if e.type == "meet" and e.date is not None and e.date.value == "2025-07"]
    assert [sorted(p.name or "" for p in e.participants) for e in earlier] == [["Ana Lopes", "Tomas Duarte"]]


def test_one_witness_of_a_signing_meets_no_one_by_it() -> None:
    from accord.extraction.triggers import find_triggers

    doc = parsed("The trade pact was signed by the two ministers and witnessed by President Jorge Paz.")
    assert "witnessed" not in {t.token.text for t in find_triggers(doc[:])}


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # leaders who then witnessed a signing did so at their talks of that day
        (
            "Chilean President Jorge Paz welcomed Peruvian President Ana Lopes in Santiago on Tuesday. Lopes had "
            "arrived in Santiago on Monday. Paz and Lopes then witnessed the signing of a trade pact.",
            "2025-11-20",
            "2025-11-18",
        ),
        # a meeting at one stop of a tour takes that stop's day
        (
            "Chilean Foreign Minister Ana Lopes visited Lima on Monday and Quito on Tuesday. In Quito, Lopes met "
            "Ecuadorian Foreign Minister Jorge Paz.",
            "2025-11-20",
            "2025-11-18",
        ),
        # a meeting held later is not on the day of the arrival its clause tells
        (
            "Chilean Foreign Minister Ana Soto yesterday held talks with the Secretary General of the Andean "
            "Community, Luis Rocha, at its headquarters in Lima. Soto, who arrived in the Peruvian capital on Monday "
            "for a two-day visit, later met Peruvian Foreign Minister Jorge Paz.",
            "2024-05-16",
            "2024-05-15",
        ),
    ],
)
def test_the_day_of_a_meeting_the_page_dates_through_another_occasion(
    text: str, published: str, day: str
) -> None:
    found = events_of(text, published)
    assert [e.date.value if e.date else None for e in found if e.type == "meet"] == [day]


def test_where_a_traveller_flew_in_from_is_no_stop_of_a_tour() -> None:
    from accord.extraction.timing import date_stops

    doc = parsed(
        "Peruvian Foreign Minister Ana Lopes arrived in Quito on Tuesday, while the Chilean minister flew in from Lima "
        "on Wednesday. In Quito, Lopes met Ecuadorian Foreign Minister Jorge Paz."
    )
    meetings = [
        m for m in date_stops(asserted_mentions(doc, "2025-11-20"), doc, "2025-11-20") if m.type == "meet"
    ]
    assert meetings and all(m.date is None for m in meetings)


def test_the_two_leaders_after_only_their_agreement_met_as_its_sides() -> None:
    found = events_of(
        "Chilean Prime Minister Ana Soto and Peruvian President Jorge Paz agreed on Friday to reopen the border. Paz "
        "arrived in Santiago on Friday. The two leaders held talks for two hours at the palace. Separately, Foreign "
        "Minister Luis Rojas met his Peruvian counterpart Carla Diaz on Friday.",
        "2024-05-12",
    )
    meetings = [e for e in found if e.type == "meet"]
    assert sorted(sorted(p.name or "" for p in e.participants) for e in meetings) == [
        ["Ana Soto", "Jorge Paz"],
        ["Carla Diaz", "Luis Rojas"],
    ]
