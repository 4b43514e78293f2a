"""Which language a page is in, so a page Accord cannot read says so instead of looking like news of nothing.

`py3langid` (a maintained fork of langid.py, its model shipped in the package) gives a language and its
probability. Accord's rules read English only: a page another language with high confidence is kept,
with its language, and no events are read from it. Short or mixed texts (a headline of names) are given
no language rather than a wrong one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

CONFIDENT = 0.9  # below this a text is too short or too mixed to call
SAMPLE = 3000  # characters read: enough to tell, cheap however long the page
ENGLISH = "en"


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loads a model: only when asked

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of the language a text is written in: English whenever it is the likeliest,
    another language only when sure, else None."""
    if sum(c.isalpha() for c in text[:SAMPLE]) < 40:
        return None
    code, probability = _identifier().classify(text[:SAMPLE])
    return str(code) if probability >= CONFIDENT or code == ENGLISH else None


def reads(language: str | None) -> bool:
    """Whether Accord's rules can read a page: English, or a page whose language is unsure."""
    return language in (None, ENGLISH)
