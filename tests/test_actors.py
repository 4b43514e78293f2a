"""The cast of a page: who is named, and the country or organisation each serves, read from the words
around the name. Sentences written for these tests; people invented."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from accord.extraction.people import find_actors
from accord.nlp import load_model
from accord.settings import Settings


def affiliations(text: str) -> dict[str, str | None]:
    doc = load_model(Settings.from_env().model)(text)
    return {actor.name: actor.affiliation for actor in find_actors(doc).actors}


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        (
            "The minister was received by the United Nations High Commissioner for Human Rights, "
            "Ingrid Solheim, in Geneva.",
            "Ingrid Solheim",
            "UN",
        ),
        (
            "She then met the Secretary General of the Association of Southeast Asian Nations, Dr. Anh Tran.",
            "Anh Tran",
            "ASEAN",
        ),
        ("Talks were held with the Minister for Foreign Affairs of Chile, Ana Rojas.", "Ana Rojas", "CHL"),
        ("Ghana's Foreign Minister, Efua Mensah, flew to Addis Ababa.", "Efua Mensah", "GHA"),
        ("Prime Minister Marcus Joseph of Saint Lucia arrived in Apia on Monday.", "Marcus Joseph", "LCA"),
        (
            "The Prime Minister also met Prime Minister of the Republic of Belarus Alyaksandr Karpovich.",
            "Alyaksandr Karpovich",
            "BLR",
        ),
        (
            "Norway's Minister Halvard Skjelbred received his Colombian counterpart, Luz Marina Ospina "
            "Caicedo, for talks in Oslo.",
            "Luz Marina Ospina Caicedo",
            "COL",
        ),
        (
            "Kenya's Foreign Minister Amos Wekesa visited NATO Headquarters on Friday and met Deputy "
            "Secretary General Petra Lindgren.",
            "Petra Lindgren",
            "NATO",
        ),
        (
            "Slovenia will help, Slovenian Minister of Foreign and European Affairs Mateja Zorko said on Monday.",
            "Mateja Zorko",
            "SVN",
        ),
        (
            "Mateja Zorko was received by her Montenegrin counterpart, Minister of Foreign Affairs Ana Perović.",
            "Ana Perović",
            "MNE",
        ),
        (
            "Minister Ana Lind met the European Commissioner for Enlargement, Jan Dvořák, in Brussels.",
            "Jan Dvořák",
            "EU",
        ),
        (
            "Gen Somchai Phrom, Chief of Defence Forces of the Royal Thai Armed Forces, hosted the visitor.",
            "Somchai Phrom",
            "THA",
        ),
        (
            "Fiji's Minister for Foreign Affairs, Ratu Josaia Vakaloloma, held talks with Tonga's minister.",
            "Josaia Vakaloloma",
            "FJI",
        ),
        (
            "When I hosted my Ghanaian colleague Kwame Osei in Berlin, we spoke about trade.",
            "Kwame Osei",
            "GHA",
        ),
        (
            "Jordan's FM Nasser Salem Al-Majali and Oman's Hilal Al Hinai spoke by phone.",
            "Nasser Salem Al-Majali",
            "JOR",
        ),
        (
            "Vietnam, Algeria lift ties to new height during Prime Minister Benmoussa's official visit\n"
            "Hanoi (VNA) – Prime Minister Vo Quang Hieu and his Algerian counterpart Farid Benmoussa held "
            "talks in Hanoi on May 19.",  # the parser ends a sentence after "counterpart"
            "Farid Benmoussa",
            "DZA",
        ),
        (
            "The Commissioner received a delegation from the State of Libya led by H.E. Omar Haddad, "
            "who is on a working visit to Addis Ababa.",
            "Omar Haddad",
            "LBY",
        ),
        (
            "Chile's envoy was received by the Minister of Foreign Affairs, International Trade and Worship of "
            "Argentina, Gerardo Paz.",
            "Gerardo Paz",
            "ARG",
        ),
        (
            "The Argentine delegation was headed by the Secretary of Foreign Affairs, María Lanari.",
            "María Lanari",
            "ARG",
        ),
        (
            "Ireland's Minister for Foreign Affairs Seán Ó Briain met the Slovak envoy.",
            "Seán Ó Briain",
            "IRL",
        ),
    ],
)
def test_an_office_title_before_a_comma_and_the_name_tells_the_affiliation(
    text: str, name: str, affiliation: str
) -> None:
    assert affiliations(text).get(name) == affiliation


def test_a_comma_after_a_plain_noun_phrase_does_not_lend_its_country() -> None:
    found = affiliations("After the talks on trade with Japan, Maria Lindqvist spoke to reporters.")
    assert found.get("Maria Lindqvist") is None


def test_a_description_as_subject_is_not_the_named_object_of_its_own_verb() -> None:
    doc = load_model(Settings.from_env().model)(
        "Prime Minister Marcus Joseph of Saint Lucia arrived in Apia on Monday. "
        "Later that day the Prime Minister called on Samoa's Prime Minister, Leota Ioane, at his office."
    )
    mentions = {actor.name: [m.text for m in actor.mentions] for actor in find_actors(doc).actors}
    assert "the Prime Minister" in mentions["Marcus Joseph"]
    assert "the Prime Minister" not in mentions["Leota Ioane"]


def test_an_office_before_a_name_is_that_persons_not_the_subjects() -> None:
    doc = load_model(Settings.from_env().model)(
        "Prime Minister Shahid Khan of Pakistan arrived in Tianjin. The Prime Minister also met Prime "
        "Minister of the Republic of Belarus Alyaksandr Karpovich."
    )
    mentions = {actor.name: [m.text for m in actor.mentions] for actor in find_actors(doc).actors}
    assert "The Prime Minister" in mentions["Shahid Khan"]
    assert "The Prime Minister" not in mentions["Alyaksandr Karpovich"]


def test_arabic_names_keep_their_fathers_name_and_honorifics_make_an_office() -> None:
    doc = load_model(Settings.from_env().model)(
        "His Highness the Amir Sheikh Hamad bin Khalid Al Nuaimi received a call from Qatar's Minister of "
        "State Dr. Maryam bint Sultan Al Kuwari."
    )
    roles = {actor.name: actor.role for actor in find_actors(doc).actors}
    assert roles.get("Hamad bin Khalid Al Nuaimi") == "emir"
    assert "Maryam bint Sultan Al Kuwari" in roles


def test_the_unnamed_other_side_does_not_lend_its_country() -> None:
    found = affiliations(
        "Montenegro hosted the talks. Today the Slovenian minister was received by Prime Minister Marko Vuk, "
        "who thanked Ljubljana for its support."
    )
    assert found["Marko Vuk"] != "SVN"


def test_a_spanish_first_surname_alone_is_the_full_name() -> None:
    doc = load_model(Settings.from_env().model)(
        "Guatemala's Foreign Minister Carlos Enrique Monzón Paiz arrived on Monday. Later, Monzón signed the "
        "agreement."
    )
    mentions = {actor.name: [m.text for m in actor.mentions] for actor in find_actors(doc).actors}
    assert "Monzón" in mentions["Carlos Enrique Monzón Paiz"]


def test_a_portfolio_between_an_office_and_a_comma_is_not_a_person() -> None:
    found = affiliations(
        "Minister Ana Lind met the European Commissioner for Enlargement, Jan Dvořák, in Brussels."
    )
    assert "Enlargement" not in found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Thapa also met Norway's Minister of Climate and Environment, Sigurd Brekke.", "Climate"),
        ("The Prime Minister's Secretariat said Thapa met Norway's climate minister.", "Secretariat"),
        ("Foreign Minister Meets Finnish, Irish Counterparts in Munich", "Meets Finnish"),
        (
            "He met the Minister of Foreign Affairs, International Trade and Worship of Argentina, Ana Paz.",
            "Worship",
        ),
        ("Jakarta ● Thu, 16 April 2026 ● Foreign Minister Budi met the envoy.", "Jakarta ● Thu"),
        (
            "The Commissioner for Political Affairs, Peace and Security (PAPS) of the African Union Commission, "
            "Ambassador Amadou Sarr, received the delegation.",
            "Peace",
        ),
        (
            "The two commanders signed rules for patrols between Chiang Rai and Bokeo, Lt Gen Vong said.",
            "Chiang Rai",
        ),
    ],
)
def test_a_portfolio_or_an_office_is_not_a_person(text: str, word: str) -> None:
    assert word not in affiliations(text)


def test_an_organisations_office_serves_the_body_the_page_is_about() -> None:
    found = affiliations(
        "The European Union and Tajikistan held their Cooperation Council in Brussels. The meeting was chaired "
        "by the High Representative of the Union for Foreign Affairs and Security Policy, Liisa Korhonen."
    )
    assert found["Liisa Korhonen"] == "EU"


def test_a_korean_given_name_keeps_its_second_syllable() -> None:
    found = affiliations(
        "Mongolia's minister received Vice Minister of the Republic of Korea Kim Seung-hoon."
    )
    assert found.get("Kim Seung-hoon") == "KOR"


def test_the_two_agents_of_a_signing_are_two_sides() -> None:
    found = affiliations(
        "Dutch Foreign Minister Pieter van Dijk arrived in Jakarta on Tuesday. The document was signed on "
        "Wednesday by Van Dijk and Foreign Minister Hendarmin at the Pancasila Building."
    )
    assert found.get("Hendarmin") != "NLD"


def hand_built(words: str, heads: list[int], deps: str, ents: list[str]) -> Doc:
    """A parse as the model may misread it, built by hand (spaCy's own tests build `Doc`s this way)."""
    tokens = words.split()
    kinds = {",": ("PUNCT", ","), ".": ("PUNCT", "."), "and": ("CCONJ", "CC"), "the": ("DET", "DT")}
    pos, tags = zip(
        *(kinds.get(w, ("VERB", "VBD") if w == "waited" else ("PROPN", "NNP")) for w in tokens), strict=True
    )
    return Doc(
        English().vocab,
        words=tokens,
        heads=heads,
        deps=deps.split(),
        pos=list(pos),
        tags=list(tags),
        ents=ents,
    )


def test_words_listed_beside_a_person_name_a_person_whatever_the_model_labelled_them() -> None:
    from accord.extraction.spotting import person_candidates

    doc = hand_built(
        "Tigran Hakobyan and Elnur Guliyev waited .",
        [1, 5, 1, 4, 1, 5, 5],
        "compound nsubj cc compound conj ROOT punct",
        ["B-NORP", "I-NORP", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    assert (0, 2) in person_candidates(doc)
    place = hand_built(
        "Saint Vincent and the Grenadines , Irfaan Ali waited .",
        [1, 8, 1, 4, 1, 1, 7, 1, 8, 8],
        "compound nsubj cc det conj punct compound conj ROOT punct",
        ["B-GPE", "I-GPE", "O", "O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    assert (0, 2) not in person_candidates(place)


def test_a_country_the_model_took_into_a_persons_name_after_of_is_the_country() -> None:
    from accord.extraction.affiliations import affiliation_of_token

    doc = hand_built(
        "Paz waited for President of Azerbaijan Tomas Duarte .",
        [1, 1, 1, 2, 3, 7, 7, 4, 1],
        "nsubj ROOT prep pobj prep compound compound pobj punct",
        ["B-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"],
    )
    assert [affiliation_of_token(t) for t in doc[5:8]] == ["AZE", None, None]


def test_a_name_the_model_called_a_person_right_after_at_is_a_venue() -> None:
    from accord.extraction.spotting import person_candidates

    doc = hand_built(
        "Tigran Hakobyan waited at Villa Somalia .",
        [1, 2, 2, 2, 5, 3, 2],
        "compound nsubj ROOT prep compound pobj punct",
        ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )
    assert person_candidates(doc) == [(0, 2)]


def test_the_place_of_a_dated_dateline_is_no_person_though_the_gazetteer_lacks_its_spelling() -> None:
    from accord.extraction.spotting import person_candidates

    words = "Nkanda Abeba , 17 July 2025 – Minister Tomas Duarte met ."
    heads = [1, 10, 1, 4, 1, 4, 10, 9, 9, 10, 10, 10]
    deps = "compound nsubj punct nummod appos nummod punct compound compound dobj ROOT punct"
    for label in ("PERSON", "GPE"):  # a name to the model, or a place no table knows that "meets"
        ents = [
            f"B-{label}",
            f"I-{label}",
            "O",
            "B-DATE",
            "I-DATE",
            "I-DATE",
            "O",
            "O",
            "B-PERSON",
            "I-PERSON",
        ]
        doc = hand_built(words, heads, deps, [*ents, "O", "O"])
        assert [doc[a:b].text for a, b in person_candidates(doc)] == ["Tomas Duarte"], label


def test_a_dateline_city_the_model_lists_with_a_name_is_no_other_side() -> None:
    # the model's misreading of "Muscat, … Minister Talal Busaidi …": the name as a conjunct of the city
    doc = hand_built(
        "Muscat , Minister Talal Busaidi waited .",
        [5, 0, 4, 4, 0, 5, 5],
        "nsubj punct compound compound conj ROOT punct",
        ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    (busaidi,) = find_actors(doc, "OMN").actors
    assert busaidi.affiliation == "OMN"


def test_a_surname_in_s_the_tagger_took_for_a_plural_is_still_a_name() -> None:
    from hand_parses import parsed

    doc = parsed(
        "Estonia's Margus Tsahkna and Lithuania's Kęstutis Budrys arrived in Riga on Monday for the annual meeting "
        "of Baltic foreign ministers."
    )
    assert next(t for t in doc if t.text == "Budrys").tag_ == "NNPS"  # as the model reads it
    assert {(a.name, a.affiliation) for a in find_actors(doc).actors} == {
        ("Margus Tsahkna", "EST"),
        ("Kęstutis Budrys", "LTU"),
    }


def test_a_place_before_a_name_is_where_and_a_portfolio_list_may_end_the_sentence() -> None:
    from hand_parses import parsed

    from accord.extraction.actors import describe_left, describe_right

    doc = parsed(
        "The Secretary-General received on Wednesday at the headquarters in Lima His Excellency Mr. Tomas Duarte, "
        "Minister of Foreign Affairs, Migration and Chileans Abroad of the Republic of Chile."
    )
    given = next(t.i for t in doc if t.text == "Tomas")
    assert describe_left(doc, given)[1] is None  # "in Lima": where he was received, not whose he is
    assert describe_right(doc, given + 2) == ("foreign minister", "CHL")


def test_a_respective_list_gives_each_titled_name_its_country() -> None:
    from hand_parses import parsed

    doc = parsed(
        "Foreign Minister Tomas Duarte hosted his Peruvian and Bolivian counterparts, Minister for Foreign Affairs Ana "
        "Lopes and Minister of Foreign Affairs Carlos Rojas, in Santiago today."
    )
    countries = {a.name: a.affiliation for a in find_actors(doc).actors}
    assert (countries["Ana Lopes"], countries["Carlos Rojas"]) == ("PER", "BOL")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Leaders are now at the dinner hosted by the King at Huis ten Bosch palace.", "Huis"),
        (
            "Prime Minister Tomas Duarte and Foreign Minister Ana Lopes met over breakfast at the Catshuis, the prime "
            "minister's official residence.",
            "Catshuis",
        ),
    ],
)
def test_a_name_after_at_is_where_people_met_not_whom(sentence: str, place: str) -> None:
    from hand_parses import parsed

    assert not any(place in actor.name for actor in find_actors(parsed(sentence)).actors)


def test_an_office_in_the_plural_is_no_surname() -> None:
    from hand_parses import parsed

    doc = parsed(
        "President Tomas Duarte was in Brussels on 15 May to meet President Lopes and the College of Commissioners."
    )
    assert {a.name for a in find_actors(doc).actors} == {"Tomas Duarte", "Lopes"}


def test_a_name_written_with_its_country_like_a_listed_person_is_a_person_too() -> None:
    from accord.extraction.spotting import person_candidates

    doc = hand_built(
        "Attending were Erlend Bakke of Norway , Mette Sorensen of Denmark .",
        [1, 1, 3, 1, 3, 4, 5, 8, 5, 8, 9, 1],
        "nsubj ROOT compound attr prep pobj punct compound appos prep pobj punct",
        ["O", "O", "O", "O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"],
    )
    assert (2, 4) in person_candidates(doc)


def test_a_country_no_one_is_named_after_opens_no_persons_name() -> None:
    from accord.extraction.spotting import is_person_name

    assert not is_person_name("Norway Grants")
    assert is_person_name("Israel Katz")  # a given name as well as a country
