"""Places read from a parsed sentence, whatever label the model gave the place name."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from accord.nlp import load_model
from accord.places import sentence_location
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
