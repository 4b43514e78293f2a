"""Generality guard: Accord on 24 hand-written articles in many styles, outlets and regions.

The articles in tests/data/articles are invented reports written for this test (ministry readouts,
wire copy with datelines, appositions, family-first capitals, summits, calls, visits, MoUs, background
events, negated, future and hypothetical statements, off-topic news, reader comments). Their gold is
tests/data/articles.gold.jsonl, in the format of shared/corpus/DEV-README.md.

Its floors live with every other corpus's in tests/quality_floors.json.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpora import assert_lines_up

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
CORPUS = ARTICLES  # what the shared `predictions` fixture extracts
GOLD = DATA / "articles.gold.jsonl"

# Articles whose only diplomatic statements are negated, future or hypothetical, or that are off-topic.
NO_EVENTS = {
    "a12_negated_arm_aze": "negated ('did not meet', 'have not held talks', 'did not visit')",
    "a13_future_ind_mdv": "future ('will visit', 'expected to sign', 'plans to hold talks')",
    "a14_hypothetical_chn_aus": "hypothetical ('could meet', 'were to visit', 'would sign')",
    "a17_offtopic": "off-topic (floods, football, shares)",
}

# Sentences from reader-comment sections: none of them may yield an event.
COMMENTS = {
    "a07_visit_fiji_comments": [
        "I remember when Rabuka met Albanese in Canberra last year and they signed a big policing deal.",
        "Peters also phoned the Tongan king last week, so this trip is nothing new.",
    ],
    "a21_call_mex_can_comments": [
        "Trudeau met Sheinbaum in Rio de Janeiro last November and nothing came of it.",
        "Ebrard signed a deal with the Canadians in Ottawa in 2023, remember?",
    ],
}
# Words that occur only in those comments, never in the article bodies.
COMMENT_ONLY_WORDS = ("Albanese", "Canberra", "Tongan king", "Rio de Janeiro", "Ebrard", "Ottawa")

pytestmark = pytest.mark.slow


def test_every_article_has_gold_and_a_prediction(records: dict[str, dict[str, Any]]) -> None:
    assert_lines_up(ARTICLES, GOLD, records)


@pytest.mark.parametrize("doc_id", sorted(NO_EVENTS))
def test_unasserted_or_offtopic_articles_yield_no_events(
    records: dict[str, dict[str, Any]], doc_id: str
) -> None:
    events = records[doc_id]["events"]
    assert events == [], f"{doc_id} is {NO_EVENTS[doc_id]} but got {[e['type'] for e in events]}"


@pytest.mark.parametrize("doc_id", sorted(COMMENTS))
def test_no_event_comes_from_reader_comments(records: dict[str, dict[str, Any]], doc_id: str) -> None:
    for event in records[doc_id]["events"]:
        for span in event["evidence"]:
            text = span["text"]
            for comment in COMMENTS[doc_id]:
                assert text not in comment and comment not in text, f"evidence from a comment: {text!r}"
            for word in COMMENT_ONLY_WORDS:
                assert word not in text, f"evidence mentions {word!r}, which only a comment does: {text!r}"
