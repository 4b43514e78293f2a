"""Small walks over spaCy's dependency tree, shared by the stages that read who did what."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extraction.lexicon import BYSTANDER_HEADS

MAX_DEPTH = 10  # bounded walks: a parse with preset sentence starts is not always a tree


def ancestors(token: Token) -> list[Token]:
    found, node = [], token
    for _ in range(MAX_DEPTH):
        if node.head.i == node.i:
            break
        node = node.head
        found.append(node)
    return found


def bystander(mention: SpacySpan) -> bool:
    """Someone named beside the parties: "along with X", "attended by X", or "the late X"."""
    if any(t.lower_ == "late" and t.dep_ == "amod" for t in mention.root.subtree):
        return True  # "the late Egyptian President …" takes part in nothing
    chain = ancestors(mention.root)[:4]
    return any(t.lower_ in BYSTANDER_HEADS for t in chain) or (
        mention.start >= 2 and mention.doc[mention.start - 2 : mention.start].text.lower() == "as well as"
    )
