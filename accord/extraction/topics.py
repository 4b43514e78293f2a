"""Topics: short lowercase tags for what an event's sentences say was discussed or agreed.

A phrase list rather than a model: topics must be stable across runs and explainable to an analyst.
"""

from __future__ import annotations

import re

# tag -> phrases that signal it (matched as whole words, case-insensitively)
TOPICS: dict[str, tuple[str, ...]] = {
    "security": ("security",),
    "defense": ("defense", "defence", "military"),
    "defense technology": (
        "defense technology",
        "defence technology",
        "defense equipment",
        "defence equipment",
    ),
    "trade": ("trade", "tariff", "tariffs", "export", "exports", "imports"),
    "investment": ("investment", "investments"),
    "economy": ("economic", "economy"),
    "energy": ("energy", "oil", "gas", "lng"),
    "climate change": ("climate",),
    "cyber": ("cyber", "cybersecurity"),
    "space": ("space",),
    "arctic": ("arctic",),
    "nuclear": ("nuclear",),
    "north korea": ("north korea", "north korean", "pyongyang"),
    "ukraine": ("ukraine", "ukrainian"),
    "russia": ("russia", "russian"),
    "indo-pacific": ("indo-pacific",),
    "taiwan strait": ("taiwan strait",),
    "south china sea": ("south china sea",),
    "maritime": ("maritime", "navy", "naval"),
    "terrorism": ("terrorism", "counter-terrorism", "terrorist"),
    "human rights": ("human rights",),
    "health": ("health", "pandemic", "covid", "vaccine", "vaccines"),
    "technology": ("technology", "digital", "digitalization", "semiconductor", "semiconductors"),
    "hybrid threats": ("hybrid threat", "hybrid threats"),
    "disinformation": ("disinformation",),
    "agriculture": ("agriculture", "agricultural"),
    "education": ("education",),
    "infrastructure": ("infrastructure",),
    "decarbonization": ("decarbonization", "decarbonisation"),
    "gender equality": ("gender equality",),
    "green transition": ("green transition",),
    "rule of law": ("rule of law",),
    "sanctions": ("sanctions",),
    "humanitarian aid": ("humanitarian",),
    "middle east": ("middle east", "gaza", "israel"),
    "investment and finance": ("finance", "financial"),
}
PATTERNS = {
    tag: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    for tag, words in TOPICS.items()
}


def find_topics(text: str) -> tuple[str, ...]:
    """Tags whose phrases occur in the text, in the order of the table."""
    return tuple(tag for tag, pattern in PATTERNS.items() if pattern.search(text))
