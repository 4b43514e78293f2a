"""Topics: short lowercase tags for what an event's sentences say was discussed or agreed.

A phrase list rather than a model: topics must be stable across runs and explainable to an analyst.
"""

from __future__ import annotations

import re

from accord.extraction.lexicon import TOPICS

PATTERNS = {
    tag: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    for tag, words in TOPICS.items()
}


def find_topics(text: str) -> tuple[str, ...]:
    """Tags whose phrases occur in the text, in the order of the table."""
    return tuple(tag for tag, pattern in PATTERNS.items() if pattern.search(text))
