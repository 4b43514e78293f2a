"""The relevance gate: diplomatic pages pass, match reports, weather, markets and culture do not, and no
page with gold events is ever turned away."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.pipeline import extract_documents, prepare
from accord.readers import read_paths
from accord.records import Document, Extraction, Reject
from accord.relevance import is_relevant, names_a_place

DATA = Path(__file__).parent / "data"

DIPLOMATIC = [
    "Chile and Peru initialled a protocol on their maritime boundary in Lima on Friday.",  # states only
    "Ghana and Togo agreed to open a free-trade zone at the Aflao border crossing.",
    "Foreign Minister Ana Rojas met her Peruvian counterpart in Lima on Tuesday.",
    "NAIROBI, May 2 - Kenya's president held talks with a visiting delegation from Ghana.",
    "The Indian and Japanese prime ministers spoke by telephone on Friday about grain exports.",
    "PM Ortega arrived in Hanoi for a three-day official visit to Viet Nam.",
    "Norway and Iceland signed a memorandum of understanding on fisheries.",
    "The Taoiseach welcomed the visiting Canadian trade minister at Government Buildings.",
    "Leaders of the African Union gathered for a summit; the Egyptian envoy met the chairperson.",
    "Türkiye's ambassador called on the Speaker of the Parliament of Georgia.",
]
OFF_TOPIC = [
    "The home side hosts the league leaders on Saturday after a narrow win in the cup.",
    "Heavy rain is expected across the coast tonight, with temperatures falling to four degrees.",
    "Shares in mining companies rose as copper prices climbed for a third straight session.",
    "The gallery's new exhibition of ceramics opens this weekend and runs until March.",
    # a country and a trigger word, but no office or diplomatic word: a match report
    "France met Brazil in the final, and the coach confirmed the squad would visit Paris on Monday.",
    # an office and a trigger word, but no place or organisation anyone could be affiliated with
    "The club president met the players after training and agreed a new contract.",
]


@pytest.mark.parametrize("text", DIPLOMATIC)
def test_diplomatic_pages_pass(text: str) -> None:
    assert is_relevant(text)


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_off_topic_pages_are_turned_away(text: str) -> None:
    assert not is_relevant(text)


def test_places_are_found_through_accents_abbreviations_and_possessives() -> None:
    assert names_a_place("talks in Việt Nam")
    assert names_a_place("the U.S. delegation")
    assert names_a_place("a NATO meeting")
    assert names_a_place("Sierra Leone’s minister")
    assert names_a_place("talks in Nice") and not names_a_place("a nice day")  # one word: capitalised
    assert names_a_place("the Arab League") and not names_a_place("the league leaders")  # every word
    assert not names_a_place("the home side and the visitors")


def test_trigger_words_count_only_as_whole_words() -> None:
    # "metal", "signal" and "talkshow" hold trigger letters, not trigger words
    assert not is_relevant("The minister of Chile praised the metal signal on a talkshow.")
    assert is_relevant("The minister of Chile signed it.")


ROLES = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "Ambassador", "King"]
ACTS = ["met", "held talks with", "spoke by phone with", "visited", "signed an accord with", "hosted"]
COUNTRIES = ["Chile", "Japan", "Kenya", "Norway", "Ghana", "India", "Brazil", "Poland", "Viet Nam", "Egypt"]
NAMES = ["Ana Rojas", "Tomas Berg", "Keiko Mori", "Samuel Otieno", "Lena Dahl"]


@given(
    st.sampled_from(ROLES),
    st.sampled_from(NAMES),
    st.sampled_from(ACTS),
    st.sampled_from(COUNTRIES),
    st.sampled_from(COUNTRIES),
)
def test_any_official_acting_with_another_country_passes(
    role: str, name: str, act: str, own: str, other: str
) -> None:
    assert is_relevant(f"{own}'s {role} {name} {act} the government of {other} on Monday.")


SPORTS = ["beat", "drew with", "lost to", "edged past"]
SCORES = ["2-1", "3-0", "1-1", "27-24"]


@given(
    st.sampled_from(COUNTRIES), st.sampled_from(SPORTS), st.sampled_from(COUNTRIES), st.sampled_from(SCORES)
)
def test_national_teams_playing_each_other_do_not_pass(home: str, result: str, away: str, score: str) -> None:
    text = (
        f"{home} {result} {away} {score} in front of a full stadium, and the coach hosts a clinic next week."
    )
    assert not is_relevant(text)


def gold_documents(gold: Path) -> set[str]:
    return {row["id"] for line in gold.read_text("utf-8").splitlines() if (row := json.loads(line))["events"]}


def test_no_document_with_gold_events_is_turned_away(shared: Path) -> None:
    sets = [
        (DATA / "articles", DATA / "articles.gold.jsonl"),
        (DATA / "blind", DATA / "blind.gold.jsonl"),
        (shared / "corpus" / "seeds", shared / "eval" / "seeds.gold.jsonl"),
        (shared / "corpus" / "dev.jsonl", shared / "eval" / "dev.gold.jsonl"),
    ]
    checked = 0
    for source, gold in sets:
        with_events = gold_documents(gold)
        for document in read_paths([source]):
            assert isinstance(document, Document)
            if document.id in with_events:
                assert is_relevant(prepare(document).text), document.id
                checked += 1
    assert checked >= 70


@pytest.mark.slow
def test_off_topic_pages_skip_the_model_but_keep_their_place() -> None:
    documents = [
        Document(
            "a", "a", "Shares in Oslo rose as the krone met resistance near its high.", published="2024-05-02"
        ),
        Reject("b", "b", "b: unreadable"),
        Document(
            "c", "c", "Chile's Foreign Minister Ana Rojas met Peru's Foreign Minister Luis Quispe in Lima."
        ),
    ]
    results = list(extract_documents(documents))
    assert [r.id if isinstance(r, Reject) else r.cleaned.document.id for r in results] == ["a", "b", "c"]
    off_topic, _, diplomatic = results
    assert isinstance(off_topic, Extraction) and off_topic.events == () and off_topic.unasserted == ()
    assert isinstance(diplomatic, Extraction) and diplomatic.events
