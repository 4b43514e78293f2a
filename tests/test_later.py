"""Later guard: Accord on 30 more hand-written pages, written blind to the extractor after the fresh set
had been worked on.

tests/data/later holds invented pages in the shapes of Latin American, Indian, Chinese, Russian, German,
French, Italian, Swedish, Australian, Turkish, Iranian, Egyptian and Saudi official releases and wires,
ECOWAS, ASEAN, UN and African Union notes, a US readout, a Japanese wire with reader comments, Vietnamese,
Indonesian, Pakistani and Bangladeshi papers, an AMP page, a photo gallery and a newsletter roundup:
first-person releases, glued initials and patronymics, trilateral meetings, visits to organisations'
headquarters, dates written "14.03.2025" or "the 3rd of March", and pages of plans, sport and film.
The gold, in the format of shared/corpus/DEV-README.md, is tests/data/later.gold.jsonl.

First measure when the set was written: event F1 0.640, strict F1 0.423 — the honest estimate for
pages Accord has never seen at that point. The floors sit a little below the scores after the
general fixes it prompted. Known misses left as they are: the film review (l28) still
yields a screenwriter's "visit"; the UN Secretary-General, never named, is no party.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpora import (
    assert_evidence_verbatim,
    assert_floors,
    assert_lines_up,
    assert_no_events,
    assert_not_quoted,
)

EVENT_F1_FLOOR = 0.72
STRICT_F1_FLOOR = 0.47

DATA = Path(__file__).parent / "data"
PAGES = DATA / "later"
CORPUS = PAGES  # what the shared `predictions` fixture extracts
GOLD = DATA / "later.gold.jsonl"

EMPTY_PAGES = {
    "l27_offtopic_handball_final_comments": "off-topic sport (teams meet, a club agrees terms)",
    "l29_plans_only_hun_svk_postponed_letters": "plans, a postponed meeting, letters and a denied report",
}
COMMENT_ONLY = {
    "l20_kyodo_jpn_uzb_comments": ("Samarkand", "Bukhara", "Fukuoka"),
    "l23_pakdaily_kabul_pak_chn_afg_trilateral_comments": ("Urumqi", "Quetta", "Tashkent"),
    "l27_offtopic_handball_final_comments": ("Herning", "Randers"),
}

pytestmark = pytest.mark.slow


def test_pages_gold_and_predictions_line_up(records: dict[str, dict[str, Any]]) -> None:
    assert_lines_up(PAGES, GOLD, records)


def test_gold_evidence_is_verbatim() -> None:
    assert_evidence_verbatim(PAGES, GOLD)


def test_scores_stay_above_their_floors(predictions: Path) -> None:
    assert_floors(GOLD, predictions, EVENT_F1_FLOOR, STRICT_F1_FLOOR)


@pytest.mark.parametrize("doc_id", sorted(EMPTY_PAGES))
def test_offtopic_and_plan_only_pages_yield_nothing(records: dict[str, dict[str, Any]], doc_id: str) -> None:
    assert_no_events(records, doc_id, EMPTY_PAGES[doc_id])


@pytest.mark.parametrize("doc_id", sorted(COMMENT_ONLY))
def test_reader_comments_are_not_evidence(records: dict[str, dict[str, Any]], doc_id: str) -> None:
    assert_not_quoted(records, doc_id, COMMENT_ONLY[doc_id])
