"""Extraction on short pages written for these tests: one behaviour per test, each able to fail."""

from __future__ import annotations

import pytest

from accord.pipeline import extract_documents
from accord.records import Document, Event, Extraction

pytestmark = pytest.mark.slow


def events_of(text: str, published: str | None = "2024-03-14") -> tuple[Event, ...]:
    (result,) = extract_documents([Document("t", "test", text, published=published, published_source="test")])
    assert isinstance(result, Extraction)
    return result.events


def kinds(events: tuple[Event, ...]) -> set[tuple[str, frozenset[str]]]:
    return {(e.type, frozenset(p.affiliation for p in e.participants if p.affiliation)) for e in events}


def test_meeting_in_a_capital_gives_meet_and_the_guests_visit() -> None:
    events = events_of(
        "Chilean Foreign Minister Ana Rojas met her Peruvian counterpart Luis Quispe in Lima on Tuesday. "
        "The two ministers agreed to reopen a border crossing."
    )
    assert kinds(events) == {
        ("meet", frozenset({"CHL", "PER"})),
        ("agree", frozenset({"CHL", "PER"})),
        ("visit", frozenset({"CHL"})),
    }
    meet = next(e for e in events if e.type == "meet")
    assert meet.date.value == "2024-03-12" and meet.date.precision == "day"
    assert (meet.location.city, meet.location.country) == ("Lima", "PER")
    assert {p.name for p in meet.participants} == {"Ana Rojas", "Luis Quispe"}
    assert {p.role for p in meet.participants} == {"foreign minister"}
    visit = next(e for e in events if e.type == "visit")
    assert visit.location.country == "PER" and [p.name for p in visit.participants] == ["Ana Rojas"]


def test_phone_call_has_no_place_and_its_agreement_neither() -> None:
    events = events_of(
        "Kenyan President Samuel Otieno held a phone call with Ghanaian President Kofi Mensah on Monday. "
        "They agreed to expand direct flights between Nairobi and Accra."
    )
    assert kinds(events) == {("call", frozenset({"KEN", "GHA"})), ("agree", frozenset({"KEN", "GHA"}))}
    assert all(e.location.country is None and e.location.city is None for e in events)
    call = next(e for e in events if e.type == "call")
    assert call.plover.code == "CONSULT" and call.plover.mode == "phone"


@pytest.mark.parametrize(
    "sentence",
    [
        "Norwegian Prime Minister Erik Dahl will visit Japan next month.",
        "Norwegian Prime Minister Erik Dahl is expected to meet Japanese Prime Minister Taro Mori in Tokyo.",
        "Norwegian Prime Minister Erik Dahl did not meet Japanese Prime Minister Taro Mori in Tokyo.",
        "Norwegian Prime Minister Erik Dahl could meet Japanese Prime Minister Taro Mori if time allows.",
        "Norwegian Prime Minister Erik Dahl noted that a previous Norwegian prime minister visited Japan in 2019.",
    ],
)
def test_plans_negations_and_hypotheticals_are_not_events(sentence: str) -> None:
    assert events_of(sentence) == ()


def test_a_subject_with_no_is_a_negation() -> None:
    events = events_of(
        "Norwegian Prime Minister Erik Dahl talked to Japanese Prime Minister Taro Mori by video on Monday. "
        "No agreement was signed."
    )
    assert {e.type for e in events} == {"call"}


def test_a_country_the_model_splits_is_the_host_not_a_city_of_its_first_word() -> None:
    events = events_of("Suriname's President Glenn Pinas visited Trinidad and Tobago on Monday.")
    visit = next(e for e in events if e.type == "visit")
    assert visit.location.country == "TTO"


def test_unasserted_statements_are_kept_apart_with_their_mode() -> None:
    (result,) = extract_documents(
        [
            Document(
                "t",
                "test",
                "Norwegian Prime Minister Erik Dahl will visit Japan next month.",
                published="2024-03-14",
            )
        ]
    )
    assert isinstance(result, Extraction) and result.events == ()
    assert any(e.plover.mode == "future" and not e.asserted for e in result.unasserted)


def test_background_event_keeps_its_own_month() -> None:
    events = events_of(
        "Indonesian Foreign Minister Sari Wulan met Dutch Foreign Minister Pieter de Vries in The Hague "
        "on Wednesday. The two last met in Jakarta in May 2022."
    )
    dates = {e.date.value for e in events if e.type == "meet"}
    assert "2024-03-13" in dates


def test_without_a_publication_date_only_what_the_text_supports() -> None:
    events = events_of(
        "On September 12, Thai Defense Minister Somchai Boon met Vietnamese Defense Minister Tran Van Nam "
        "in Hanoi.",
        published=None,
    )
    meet = next(e for e in events if e.type == "meet")
    assert meet.date.value == "--09-12"


def test_family_name_in_capitals_and_titles_are_normalised() -> None:
    events = events_of(
        "On March 11, Ms. SATO Keiko, Minister for Foreign Affairs of Japan, held a meeting with "
        "H.E. Mr. Lars Berg, Minister of Foreign Affairs of the Kingdom of Sweden, in Tokyo."
    )
    meet = next(e for e in events if e.type == "meet")
    assert {(p.name, p.affiliation) for p in meet.participants} == {
        ("Keiko Sato", "JPN"),
        ("Lars Berg", "SWE"),
    }


def test_organisation_officials_get_the_organisation_as_affiliation() -> None:
    events = events_of(
        "Jens Holm, Secretary General of NATO, met Polish President Adam Nowak in Warsaw on Tuesday."
    )
    meet = next(e for e in events if e.type == "meet")
    assert {p.affiliation for p in meet.participants} == {"NATO", "POL"}


def test_evidence_offsets_point_into_the_cleaned_text() -> None:
    text = "Brazilian President Rita Costa received Angolan President Paulo Neto in Brasilia on Monday."
    (result,) = extract_documents([Document("t", "test", text, published="2024-03-14")])
    assert isinstance(result, Extraction) and result.events
    for event in result.events:
        for span in event.evidence:
            assert result.cleaned.text[span.start : span.end] == span.text
        for participant in event.participants:
            assert participant.mention is not None
            assert (
                result.cleaned.text[participant.mention.start : participant.mention.end]
                == participant.mention.text
            )


def test_received_with_the_guest_named_after_a_long_time_and_place_phrase() -> None:
    events = events_of(
        "Peru's Minister of Foreign Affairs, Ambassador Elena Ruiz, received this Thursday at the San Martin "
        "Palace the Minister of Foreign Affairs of the Plurinational State of Bolivia, Rosa Quispe."
    )
    assert ("meet", frozenset({"PER", "BOL"})) in kinds(events)


def test_talks_days_into_a_trip_take_the_trips_place_not_the_datelines() -> None:
    events = events_of(
        "KATHMANDU - Nepal's Prime Minister Hari Thapa arrived in Belém on Monday for the climate conference.\n"
        "On Wednesday, Thapa held talks with Norway's Minister of Climate, Ola Berg.",
        published="2025-11-14",
    )
    meet = next(e for e in events if e.type == "meet")
    assert (meet.location.city, meet.location.country) == ("Belém", "BRA")
    assert ("visit", frozenset({"NOR"})) not in kinds(events)


def test_each_ambassador_presenting_credentials_meets_the_head_of_state() -> None:
    events = events_of(
        "President Anna Berg of Finland received the credentials of two new ambassadors at the Presidential "
        "Palace in Helsinki on Tuesday. The first to present credentials was Ambassador Jorge Silva of Chile. "
        "Ambassador Lina Haddad of Jordan then presented her letters of credence. The President wished both "
        "a fruitful tour of duty in Finland's recently concluded term on the council."
    )
    assert kinds(events) == {("meet", frozenset({"FIN", "CHL"})), ("meet", frozenset({"FIN", "JOR"}))}


def test_a_past_meeting_in_a_month_just_ahead_of_publication_is_last_years() -> None:
    events = events_of(
        "Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Quispe in Lima on Tuesday. "
        "The two ministers had last met in Santiago in February.",
        published="2024-11-14",
    )
    dates = {e.date.value for e in events if e.type == "meet"}
    assert dates == {"2024-11-12", "2024-02"}


def test_a_day_and_a_month_the_model_split_still_date_the_visit() -> None:
    events = events_of(
        "Prime Minister Rui Costa of Portugal arrived in Praia on Sunday 11 May for an official visit.",
        published="2025-05-13",
    )
    visit = next(e for e in events if e.type == "visit")
    assert visit.date.value == "2025-05-11"


def test_a_ministers_own_release_says_i_for_the_minister() -> None:
    events = events_of(
        "Australian Government\nMinister for Foreign Affairs\nThe Hon Jane Reid MP\nMedia release\n"
        "Today in Manila I met with the Philippine Secretary of Foreign Affairs, Ana Cruz. "
        "I also called on President Luis Santos at Malacañang Palace."
    )
    meetings = {
        frozenset((p.name, p.affiliation) for p in e.participants) for e in events if e.type == "meet"
    }
    assert meetings == {
        frozenset({("Jane Reid", "AUS"), ("Ana Cruz", "PHL")}),
        frozenset({("Jane Reid", "AUS"), ("Luis Santos", "PHL")}),
    }


def test_a_readouts_unnamed_secretary_general_is_the_organisations() -> None:
    events = events_of(
        "Readout of the Secretary-General's meeting\n"
        "The Secretary-General met with Mr. Tomasi Ika, Prime Minister of Tuvalu, at United Nations "
        "Headquarters on Monday."
    )
    assert ("meet", frozenset({"UN", "TUV"})) in kinds(events)


def test_ministers_of_two_countries_arriving_together_make_one_visit_each() -> None:
    events = events_of(
        "Azerbaijani Foreign Minister Elnur Aliyev and Georgian Foreign Minister Nino Beridze arrived in "
        "Kars on Sunday evening for talks with Turkish Foreign Minister Mehmet Kaya."
    )
    visits = sorted(tuple(p.affiliation for p in e.participants) for e in events if e.type == "visit")
    assert visits == [("AZE",), ("GEO",)]


def test_a_ceremony_opened_by_video_link_is_no_call() -> None:
    events = events_of(
        "Indian Prime Minister Ravi Nair held talks with Mauritian Prime Minister Anil Ramdin in New Delhi on "
        "Tuesday. The two leaders jointly inaugurated, via video link, a health centre at Triolet."
    )
    assert "call" not in {e.type for e in events}
    assert ("meet", frozenset({"IND", "MUS"})) in kinds(events)


def test_welcoming_a_minister_to_a_ministry_is_a_visit_to_its_country() -> None:
    events = events_of(
        "Secretary of State Daniel Whitman welcomed Omani Foreign Minister Sayyid Badr Al Harthy to the "
        "Department of State today."
    )
    assert ("visit", frozenset({"OMN"})) in kinds(events)
    visit = next(e for e in events if e.type == "visit")
    assert (visit.location.city, visit.location.country) == ("Washington", "USA")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kenya and Uganda signed a trade agreement on Thursday.", ("agree", {"KEN", "UGA"})),
        ("Japan and NATO agreed to deepen cooperation on cyber defence.", ("agree", {"JPN", "NATO"})),
        ("The EU and Mercosur concluded an accord on trade in Montevideo.", ("agree", {"EU", "MERCOSUR"})),
        ("The foreign ministers of Brazil and Argentina spoke by phone on Monday.", ("call", {"BRA", "ARG"})),
    ],
)
def test_states_and_organisations_are_parties_without_a_named_person(
    sentence: str, expected: tuple[str, set[str]]
) -> None:
    """A page whose parties are only states passes the gate, and its event needs no named person."""
    events = events_of(sentence, published="2024-05-10")
    kind, sides = expected
    assert (kind, frozenset(sides)) in kinds(events)
    event = next(e for e in events if e.type == kind)
    assert all(p.name is None for p in event.participants)


def test_a_background_signing_with_its_own_year_keeps_only_its_own_parties() -> None:
    """ "Where a charter was signed" in 2019 does not borrow the premiers of this week's meeting."""
    events = events_of(
        "Norwegian Prime Minister Erik Dahl met Icelandic Prime Minister Sigrun Olafsdottir in Oslo on "
        "Monday. In 2019 a fisheries charter was signed in Lima.",
        published="2024-05-10",
    )
    assert [e.type for e in events if e.type == "agree"] == []


def test_an_occasion_named_after_since_is_not_the_sentences_own() -> None:
    """ "Their first meeting since the 2019 Lima summit": neither a 2019 meeting of the premiers, nor the
    summit dated to this week."""
    events = events_of(
        "Norwegian Prime Minister Erik Dahl met Icelandic Prime Minister Sigrun Olafsdottir in Oslo on "
        "Monday, their first meeting since the 2019 Lima summit, where a fisheries charter was signed.",
        published="2024-05-10",
    )
    assert {(e.type, e.date.value) for e in events} == {("meet", "2024-05-06"), ("visit", "2024-05-06")}


def test_a_meeting_at_an_organisations_headquarters_is_a_visit_to_its_country() -> None:
    events = events_of(
        "Peruvian Foreign Minister Luis Quispe met ASEAN Secretary-General Anan Wongsa at the ASEAN "
        "Secretariat in Jakarta on Tuesday.",
    )
    visits = [e for e in events if e.type == "visit"]
    assert [(v.location.country, [p.affiliation for p in v.participants]) for v in visits] == [
        ("IDN", ["PER"])
    ]


def test_separate_calls_are_two_events_with_the_offices_the_list_gives() -> None:
    events = events_of(
        "Japanese Foreign Minister Haruka Tomonaga held separate phone calls on Thursday with the foreign "
        "ministers of India and Australia."
    )
    assert kinds(events) == {("call", frozenset({"JPN", "IND"})), ("call", frozenset({"JPN", "AUS"}))}
    assert all(p.role == "foreign minister" for e in events for p in e.participants)


def test_names_listed_after_their_countries_take_them_in_order() -> None:
    events = events_of(
        "The prime ministers of Norway and Denmark, Ingrid Haugen Solberg-Lie and Mads Kjeldsen, held talks "
        "in Oslo on Monday."
    )
    meet = next(e for e in events if e.type == "meet")
    assert {(p.name, p.affiliation) for p in meet.participants} == {
        ("Ingrid Haugen Solberg-Lie", "NOR"),
        ("Mads Kjeldsen", "DNK"),
    }


def test_a_country_named_beside_an_official_outranks_the_agency_that_filed_the_story() -> None:
    events = events_of(
        "KABUL, Oct. 17 (ANI): Afghanistan's Deputy Prime Minister Karim Haidari met the UN envoy Ana Lund in "
        "Kabul on Sunday to discuss aid deliveries.",
        published="2024-10-17",
    )
    meet = next(e for e in events if e.type == "meet")
    assert {(p.name, p.affiliation) for p in meet.participants} >= {("Karim Haidari", "AFG")}


def test_a_national_agencys_story_names_its_own_officials_without_their_country() -> None:
    events = events_of(
        "Phnom Penh Daily\nHANOI, Oct. 6 (VNA) – Foreign Minister Dang Van Hoa held talks here today with "
        "visiting Cuban Foreign Minister Yanelis Ortega.",
        published="2025-10-06",
    )
    meet = next(e for e in events if e.type == "meet")
    assert {p.affiliation for p in meet.participants} == {"VNM", "CUB"}


def test_a_participants_mention_points_at_the_name_not_the_title() -> None:
    events = events_of(
        "Chilean Foreign Minister Ana Rojas met her Peruvian counterpart Luis Quispe in Lima on Tuesday. "
        "The Minister said the two ministers agreed to reopen a border crossing."
    )
    for event in events:
        for participant in event.participants:
            assert participant.mention is not None
            assert participant.mention.text.split()[-1] in participant.name.split(), participant
