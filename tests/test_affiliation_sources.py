"""Where each participant's affiliation was read (`affiliation_source`) and the weaker evidence that
disagreed (`affiliation_conflicts`), each rule on a frozen parse (tests/hand_parses.py)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hand_parses import parsed

import accord.extraction.events as events_module
from accord.extraction.actors import Actor
from accord.extraction.events import find_events
from accord.extraction.people import find_actors
from accord.output import participant_dict
from accord.records import (
    AffiliationConflict,
    CleanedDocument,
    Document,
    Event,
    Participant,
    PublicationDate,
    stronger_source,
)

VALTONEN = (
    "Finnish Foreign Minister Elina Valtonen arrived in Tokyo on Monday. Valtonen held talks with Japanese "
    "Foreign Minister Yoko Kamikawa on Tuesday."
)
SATO = "Defence Minister Kenji Sato met his counterpart Ana Ruiz in Lisbon on Tuesday."
SINGH = "Raksha Mantri Rajnath Singh met his Australian counterpart Richard Marles in Canberra on Monday."


def extracted(sentence: str, home: str | None, monkeypatch: pytest.MonkeyPatch) -> list[Event]:
    """The events of a one-sentence page on its frozen parse, its publisher's country `home`."""
    monkeypatch.setattr(events_module, "source_country", lambda cleaned: home)
    cleaned = CleanedDocument(
        Document("t", "t.txt", sentence), sentence, (), PublicationDate("2024-03-14", "header")
    )
    return list(find_events(cleaned, parsed(sentence)).events)


def sources(events: list[Event], type: str) -> dict[str | None, tuple[str | None, str | None]]:
    event = next(e for e in events if e.type == type)
    return {p.name or p.affiliation: (p.affiliation, p.affiliation_source) for p in event.participants}


def test_a_country_in_the_event_sentence_is_the_sentences_and_elsewhere_the_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = extracted(VALTONEN, None, monkeypatch)
    assert sources(found, "visit")["Elina Valtonen"] == ("FIN", "sentence")
    assert sources(found, "meet") == {
        "Elina Valtonen": ("FIN", "page"),  # "Finnish" stands in the sentence before the meeting's
        "Yoko Kamikawa": ("JPN", "sentence"),
    }


def test_an_office_only_one_government_has_and_a_counterparts_demonym() -> None:
    cast = find_actors(parsed(SINGH), None)
    found = {a.name: (a.affiliation, a.affiliation_source) for a in cast.actors}
    assert found == {"Rajnath Singh": ("IND", "title"), "Richard Marles": ("AUS", "counterpart")}


def test_states_acting_are_the_state_and_an_unnamed_official_takes_the_sentences_country(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    signing = extracted(
        "Vietnam and Laos initialled a border protocol in Vientiane on Tuesday.", None, monkeypatch
    )
    assert sources(signing, "agree") == {"VNM": ("VNM", "state"), "LAO": ("LAO", "state")}
    meeting = extracted(
        "The Indian foreign secretary also met with his Sri Lankan counterpart Aruni Wijewardane earlier today.",
        None,
        monkeypatch,
    )
    assert sources(meeting, "meet") == {
        "IND": ("IND", "sentence"),
        "Aruni Wijewardane": ("LKA", "counterpart"),
    }


def test_the_publisher_speaks_only_for_an_official_nothing_else_ties_to_a_country() -> None:
    published = {
        a.name: (a.affiliation, a.affiliation_source) for a in find_actors(parsed(SATO), "BRA").actors
    }
    assert published["Kenji Sato"] == ("BRA", "publisher")
    anywhere = {a.name: (a.affiliation, a.affiliation_source) for a in find_actors(parsed(SATO), None).actors}
    assert anywhere["Kenji Sato"] == ("PRT", "frequency")  # the last resort, named as such
    singh = {a.name: a.affiliation_source for a in find_actors(parsed(SINGH), "BRA").actors}
    assert singh == {"Rajnath Singh": "title", "Richard Marles": "counterpart"}  # stated: no publisher


def test_weaker_evidence_of_another_kind_is_kept_as_a_conflict() -> None:
    """A country word in the sentence outranks the publisher's, which stays as a conflict; the page's
    cities are no evidence about the person and no conflict."""
    sato = find_actors(parsed("Kenji Sato, the top Japanese diplomat, held talks on Monday."), "BRA").actors[
        0
    ]
    assert (sato.affiliation, sato.affiliation_source) == ("JPN", "nearby")
    assert sato.affiliation_conflicts == [AffiliationConflict("BRA", "publisher")]
    doc = parsed(
        "Foreign Minister Dang Van Hoa held talks with his Finnish counterpart Pekka Virtanen in Hanoi on Monday."
    )
    hoa = next(a for a in find_actors(doc, "FRA").actors if a.name == "Dang Van Hoa")
    assert (hoa.affiliation, hoa.affiliation_source, hoa.affiliation_conflicts) == ("FRA", "publisher", [])


def test_the_stronger_evidence_wins_and_the_weaker_stays_as_a_conflict() -> None:
    actor = Actor("Kenji Sato")
    actor.learn("defence minister", "BRA", "title")
    actor.learn(None, "JPN", "sentence")  # stronger: wins, the title's country is kept
    actor.learn(None, "KOR", "counterpart")  # weaker: kept
    actor.learn(None, "CHN", "sentence")  # as strong as the first: the first wins, the other was the page's
    assert (actor.affiliation, actor.affiliation_source) == ("JPN", "sentence")
    assert actor.affiliation_conflicts == [
        AffiliationConflict("BRA", "title"),
        AffiliationConflict("KOR", "counterpart"),
        AffiliationConflict("CHN", "page"),
    ]


def test_sources_are_ranked_as_the_issue_orders_them() -> None:
    order = ["sentence", "page", "counterpart", "store", "publisher", "frequency", None]
    assert all(stronger_source(a, b) for a, b in pairwise(order))
    assert not stronger_source("publisher", "store")


def test_the_output_says_where_an_affiliation_was_read() -> None:
    participant = Participant(
        "Kenji Sato", None, "JPN", None, "store", (AffiliationConflict("BRA", "publisher"),)
    )
    assert participant_dict(participant) == {
        "name": "Kenji Sato",
        "role": None,
        "affiliation": "JPN",
        "affiliation_source": "store",
        "affiliation_conflicts": [{"affiliation": "BRA", "source": "publisher"}],
        "mention": None,
    }
    assert participant_dict(Participant(None, None, None))["affiliation_source"] is None  # name-less, unknown


def test_an_organisations_official_never_takes_the_pages_most_told_country() -> None:
    # Addis Ababa would make her Ethiopian by the last resort; a Deputy Secretary-General serves a body
    actors = find_actors(
        parsed("Deputy Secretary-General Amina Diallo met the minister in Addis Ababa on Monday.")
    )
    assert {a.name: a.affiliation for a in actors.actors}["Amina Diallo"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The US Special Envoy for Sudan, Tom Perriello, met Egyptian Foreign Minister Badr Abdelatty in Cairo on Monday.",
        "Tom Perriello, the US Special Envoy for South Sudan, met Egyptian Foreign Minister Badr Abdelatty in Cairo on Monday.",
    ],
)
def test_an_envoys_brief_is_not_the_country_the_envoy_serves(sentence: str) -> None:
    actors = {a.name: (a.affiliation, a.role) for a in find_actors(parsed(sentence)).actors}
    assert actors["Tom Perriello"] == ("USA", "special envoy")
