"""Role phrases and their function labels, with sentences written for these tests."""

import pytest

from accord.extraction.roles import normalise_role


@pytest.mark.parametrize(
    ("phrase", "affiliation", "label"),
    [
        ("Minister for Foreign Affairs of Japan", None, "foreign minister"),
        ("the UN Secretary-General's Special Envoy for Yemen", None, "special envoy"),
        ("Special Representative for Afghanistan", None, "special representative"),
        ("the Chinese envoy", None, "envoy"),
        ("Bundeskanzler", None, "prime minister"),
        ("Qatar's minister", None, "minister"),  # a head of government, as "Chancellor" is
        ("Tánaiste", None, "deputy prime minister"),
        ("Foreign Minister", None, "foreign minister"),
        ("the foreign ministers", None, "foreign minister"),
        ("U.S. Secretary of State", "USA", "foreign minister"),
        ("External Affairs Minister", "IND", "foreign minister"),
        ("EAM", "IND", "foreign minister"),
        ("Secretary of Foreign Affairs", "PHL", "foreign minister"),
        ("Minister for Foreign Relations", None, "foreign minister"),
        ("Minister of Foreign Affairs and International Cooperation", None, "foreign minister"),
        ("top diplomat", None, "foreign minister"),
        ("foreign affairs adviser", "BGD", "foreign minister"),
        ("Foreign Adviser", "BGD", "foreign minister"),
        ("Chief of Defence Forces", "THA", "chief of defence staff"),
        ("Foreign Secretary", "GBR", "foreign minister"),
        ("Foreign Secretary", "IND", "foreign secretary"),
        ("Defence Secretary", "IND", "defense secretary"),
        ("Defence Secretary", "GBR", "defense minister"),
        ("Minister of Defence", None, "defense minister"),
        ("Minister of National Defense", "POL", "defense minister"),
        ("Secretary of Defense", "USA", "defense minister"),
        ("Raksha Mantri", "IND", "defense minister"),
        ("Secretary of State for Defence", "GBR", "defense minister"),
        ("PM", None, "prime minister"),
        ("Singapore DPM", None, "deputy prime minister"),
        ("Guyana FM", None, "foreign minister"),
        ("Chinese premier", None, "prime minister"),
        ("Chancellor", "DEU", "prime minister"),
        ("Chancellor of the Exchequer", "GBR", "finance minister"),
        ("Prime Minister and Minister for Foreign Affairs", None, "prime minister"),
        ("Deputy Prime Minister and Foreign Minister", None, "foreign minister"),
        ("State Councilor and Foreign Minister", None, "foreign minister"),
        ("President of the Republic", None, "president"),
        ("Vice-President of the Republic", None, "vice president"),
        ("Deputy Prime Minister", None, "deputy prime minister"),
        ("Vice Foreign Minister", None, "deputy foreign minister"),
        ("Minister of State for External Affairs", "IND", "deputy foreign minister"),
        ("Vice-Minister for Defence", None, "deputy defense minister"),
        ("secretary general of the North Atlantic Treaty Organization", "NATO", "secretary general"),
        ("Secretary-General", "UN", "secretary general"),
        ("General Secretary of the Communist Party", None, "general secretary"),
        ("Minister for Trade and Export Growth", None, "trade minister"),
        ("Minister of Industry and Trade", None, "trade minister"),
        ("Finance Minister", None, "finance minister"),
        ("Home Secretary", "GBR", "interior minister"),
        ("Minister of Public Security", None, "interior minister"),
        ("King", None, "king"),
        ("Emir", None, "emir"),
        ("Crown Prince", None, "crown prince"),
        ("National Security Adviser", None, "national security adviser"),
        ("Ambassador", None, "ambassador"),
        ("Chief of Defence Staff", None, "chief of defence staff"),
        ("Chief of Staff", None, "chief of staff"),
        ("Speaker of the National Assembly", None, "speaker"),
        ("Minister of Agriculture and Rural Development", None, "agriculture minister"),
        ("Health Minister", None, "health minister"),
        ("Minister", None, "minister"),
        ("Finnish Minister", None, "minister"),
    ],
)
def test_normalise_role(phrase: str, affiliation: str | None, label: str) -> None:
    assert normalise_role(phrase, affiliation) == label


@pytest.mark.parametrize("phrase", ["", "hello", "counterpart", "spokesperson", "ministerial"])
def test_not_roles(phrase: str) -> None:
    assert normalise_role(phrase) is None
