"""Shared by the tests that score Accord on a gold corpus: extract once, load the shared scorer, read back."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from accord.output import extraction_dict
from accord.pipeline import extract

SCORER = Path(__file__).resolve().parents[2] / "shared/eval/score.py"


def extract_to(source: Path, out: Path) -> Path:
    """Extract a whole corpus in one call (the model loads once) into a JSON Lines file."""
    with out.open("w", encoding="utf-8") as sink:
        for result in extract([source]):
            sink.write(json.dumps(extraction_dict(result), ensure_ascii=False) + "\n")
    return out


def read_records(predictions: Path) -> dict[str, dict[str, Any]]:
    lines = predictions.read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


def load_scorer() -> ModuleType:
    """The shared `score.py`; its absence fails the gate rather than skipping it."""
    if not SCORER.is_file():
        pytest.fail(f"the shared scorer is not at {SCORER}")
    spec = importlib.util.spec_from_file_location("accord_gold_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(gold: Path, predictions: Path) -> dict[str, Any]:
    scorer = load_scorer()
    return scorer.score(scorer.load(gold), scorer.load(predictions))


def gold_ids(gold: Path) -> set[str]:
    return {json.loads(line)["id"] for line in gold.read_text(encoding="utf-8").splitlines() if line}


def assert_lines_up(pages: Path, gold: Path, records: dict[str, dict[str, Any]]) -> None:
    """Every page has gold and a prediction, and no page failed to read."""
    stems = {path.stem for path in pages.glob("*.txt")}
    assert stems == gold_ids(gold)
    assert set(records) == stems
    assert not [doc_id for doc_id, record in records.items() if "error" in record]


def assert_evidence_verbatim(pages: Path, gold: Path) -> None:
    """The gold was written against these pages: each evidence string stands in its page as printed."""
    for line in gold.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = (pages / f"{doc['id']}.txt").read_text(encoding="utf-8")
        for event in doc["events"]:
            assert event["evidence"] in text, f"{doc['id']}: {event['evidence']!r}"


def assert_no_events(records: dict[str, dict[str, Any]], doc_id: str, why: str) -> None:
    events = records[doc_id]["events"]
    assert events == [], f"{doc_id} is {why} but got {[e['type'] for e in events]}"


def assert_not_quoted(records: dict[str, dict[str, Any]], doc_id: str, words: tuple[str, ...]) -> None:
    """No evidence of a page quotes words that only its reader comments hold."""
    for event in records[doc_id]["events"]:
        for span in event["evidence"]:
            for word in words:
                assert word not in span["text"], f"{doc_id}: evidence quotes a comment ({word!r})"
