"""Country, organisation and city lookups, with examples written for these tests."""

import pytest

from accord.gazetteer import (
    ORGANISATIONS,
    affiliation_code,
    city_country,
    country_code,
    country_name,
    demonym,
    fold,
    organisation_code,
    venue_city,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Japan", "JPN"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("South Korea", "KOR"),
        ("the Republic of Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Iran", "IRN"),
        ("Laos", "LAO"),
        ("Czechia", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Cape Verde", "CPV"),
        ("Cabo Verde", "CPV"),
        ("Cabo Verdean", "CPV"),
        ("Guineans", "GIN"),
        ("Filipinos", "PHL"),
        ("Kosovo", "XKX"),
        ("Kittitian", "KNA"),
        ("East Timor", "TLS"),
        ("Timor-Leste", "TLS"),
        ("Kingdom of Norway", "NOR"),
        ("the Philippines", "PHL"),
        ("Philippines'", "PHL"),
        ("People's Republic of China", "CHN"),
        ("Republic of China", "TWN"),
        ("Republic of Equatorial Guinea", "GNQ"),
        ("Democratic Republic of the Congo", "COD"),
        ("UAE", "ARE"),
        ("JAPAN", "JPN"),
    ],
)
def test_country_names(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Finnish", "FIN"),
        ("Japanese", "JPN"),
        ("Norwegian", "NOR"),
        ("Chinese", "CHN"),
        ("Emirati", "ARE"),
        ("Filipino", "PHL"),
        ("Vietnamese", "VNM"),
        ("Saudi", "SAU"),
        ("Qatari", "QAT"),
        ("Uzbek", "UZB"),
        ("Bangladeshi", "BGD"),
        ("Angolan", "AGO"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Sierra Leonean", "SLE"),
        ("Argentine", "ARG"),
        ("Uruguayan", "URY"),
        ("Equatoguinean", "GNQ"),
        ("Kiwi", "NZL"),
        ("Taliban", "AFG"),  # the de facto government: "the Taliban's acting foreign minister"
        # A demonym shared with a territory goes to the more populous country.
        ("French", "FRA"),
        ("American", "USA"),
        ("Indian", "IND"),
    ],
)
def test_demonyms(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Japan's", "JPN"),
        ("Finland’s", "FIN"),
        ("Tokyo", "JPN"),
        ("Beijing", "CHN"),
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Seoul", "KOR"),
        ("New Delhi", "IND"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Helsinki", "FIN"),
        ("Seoul's", "KOR"),
        ("the Kremlin", "RUS"),  # a seat that stands for one government only
        ("Wisma Putra", "MYS"),
        ("Foreign, Commonwealth & Development Office", "GBR"),
    ],
)
def test_possessives_and_capitals_as_metonyms(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    "text", ["us", "turkey", "china", "japan", "Island", "Santiago", "Kingston", "", "Wang"]
)
def test_ordinary_words_and_personal_names_are_not_countries(text: str) -> None:
    assert country_code(text) is None


def test_country_names_that_are_also_given_names_are_left_to_the_caller() -> None:
    assert (country_code("Chad"), country_code("Jordan"), country_code("Georgia")) == ("TCD", "JOR", "GEO")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("NATO", "NATO"),
        ("NATO's", "NATO"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("the European Union", "EU"),
        ("European Commission", "EU"),
        ("United Nations", "UN"),
        ("UN Security Council", "UN"),
        ("U.N.", "UN"),
        ("ASEAN", "ASEAN"),
        ("G-7", "G7"),
        ("Group of 20", "G20"),
        ("African Union", "AU"),
        ("World Bank", "WB"),
        ("Quad", "QUAD"),
        ("Asia-Pacific Economic Cooperation", "APEC"),
    ],
)
def test_organisations(text: str, code: str) -> None:
    assert organisation_code(text) == code


@pytest.mark.parametrize("text", ["who", "quad", "the Alliance", "Japan"])
def test_not_organisations(text: str) -> None:
    assert organisation_code(text) is None


def test_organisation_table_is_exposed_with_full_names() -> None:
    assert "North Atlantic Treaty Organization" in ORGANISATIONS["NATO"]


def test_affiliation_prefers_countries_then_organisations() -> None:
    assert affiliation_code("Finnish") == "FIN"
    assert affiliation_code("African Union") == "AU"
    assert affiliation_code("Atlantis") is None


@pytest.mark.parametrize(
    ("city", "code"),
    [
        ("New York", "USA"),
        ("Geneva", "CHE"),
        ("Hiroshima", "JPN"),
        ("Osaka", "JPN"),
        ("Shanghai", "CHN"),
        ("Munich", "DEU"),
        ("Davos", "CHE"),
        ("Glasgow", "GBR"),
        ("St. Petersburg", "RUS"),
        ("Jeddah", "SAU"),
        ("Istanbul", "TUR"),
        ("Ho Chi Minh City", "VNM"),
        ("Lima", "PER"),
        ("Vientiane", "LAO"),
        ("Danang", "VNM"),
        ("Yaoundé", "CMR"),
        ("Brasilia", "BRA"),
        ("Kingston", "JAM"),
    ],
)
def test_city_country(city: str, code: str) -> None:
    assert city_country(city) == code


def test_unknown_or_lowercase_cities() -> None:
    assert city_country("Springfield Gardens") is None
    assert city_country("nice") is None


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("RUS", "Russia"),
        ("KOR", "South Korea"),
        ("VNM", "Vietnam"),
        ("IRN", "Iran"),
        ("FIN", "Finland"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("XXX", None),
    ],
)
def test_country_name(code: str, name: str | None) -> None:
    assert country_name(code) == name


def test_demonym() -> None:
    assert (demonym("FIN"), demonym("ARG"), demonym("SAU"), demonym("NATO")) == (
        "Finnish",
        "Argentine",
        "Saudi",
        None,
    )


def test_fold_removes_accents_case_and_special_letters() -> None:
    assert fold("  Błaszczak  Türkiye’s ") == "blaszczak turkiye's"


@pytest.mark.parametrize(
    ("venue", "place"),
    [
        ("the Kremlin", ("Moscow", "RUS")),
        ("the Palace of the Revolution", ("Havana", "CUB")),
        ("Casa de Nariño", ("Bogotá", "COL")),
        ("No 10", ("London", "GBR")),
    ],
)
def test_a_seat_of_government_is_in_its_capital(venue: str, place: tuple[str, str]) -> None:
    assert venue_city(venue) == place
