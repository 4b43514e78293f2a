"""The quality gate: extraction scores on the shared gold sets may not fall below recorded floors.

Raising a floor is a one-line change; lowering one is visible in review.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from corpora import score

FLOORS = {
    "seeds": {"event_f1": 0.95, "strict_f1": 0.95, "date_accuracy": 1.0, "published_accuracy": 1.0},
    "dev": {"event_f1": 0.89, "strict_f1": 0.76, "date_accuracy": 0.90, "published_accuracy": 0.95},
}
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_scores_stay_above_their_floors(shared: Path, extracted: Callable[[Path], Path], corpus: str) -> None:
    source = shared / "corpus" / ("seeds" if corpus == "seeds" else "dev.jsonl")
    result = score(shared / "eval" / f"{corpus}.gold.jsonl", extracted(source))
    assert result["documents_missing"] == 0
    for metric, floor in FLOORS[corpus].items():
        assert result[metric] >= floor, f"{corpus} {metric} fell to {result[metric]:.3f} (floor {floor})"


def test_no_event_comes_from_reader_comments(shared: Path, extracted: Callable[[Path], Path]) -> None:
    """Every evidence span lies inside the cleaned text, which holds no line the cleaner dropped."""
    from accord.pipeline import prepare
    from accord.readers import read_paths

    cleaned = {d.id: prepare(d) for d in read_paths([shared / "corpus" / "seeds"])}
    for line in extracted(shared / "corpus" / "seeds").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = cleaned[record["id"]].text
        for event in record["events"]:
            for span in event["evidence"]:
                assert text[span["start"] : span["end"]] == span["text"]
            for participant in event["participants"]:
                mention = participant["mention"]
                if mention:
                    assert text[mention["start"] : mention["end"]] == mention["text"]
