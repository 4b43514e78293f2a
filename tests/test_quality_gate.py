"""The quality gate: extraction scores on every gold corpus may not fall below the floors recorded in
`tests/quality_floors.json`, and a gold file may not change without its recorded hash.

A missing corpus fails here instead of skipping: a gate that skips would let a broken checkout pass.
`python tests/update_floors.py --raise` moves floors up; lowering one needs `--allow-lower`, in the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from corpora import score
from quality import METRICS, Corpus, corpora, gold_hash

pytestmark = pytest.mark.slow
CORPORA = {corpus.name: corpus for corpus in corpora()}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_corpus_and_gold_are_there_as_recorded(name: str) -> None:
    corpus = CORPORA[name]
    assert corpus.source.exists(), f"{name}: no corpus at {corpus.source}"
    assert corpus.gold.is_file(), f"{name}: no gold at {corpus.gold}"
    assert gold_hash(corpus.gold) == corpus.gold_sha256, (
        f"{name}: {corpus.gold} changed; check it, then run tests/update_floors.py --accept-gold"
    )


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_scores_stay_above_their_floors(extracted: Callable[[Path], Path], name: str) -> None:
    corpus: Corpus = CORPORA[name]
    result = score(corpus.gold, extracted(corpus.source))
    assert result["documents_missing"] == 0
    for metric, floor in corpus.floors.items():
        assert metric in METRICS, f"{name}: unknown metric {metric}"
        assert result[metric] >= floor, f"{name} {metric} fell to {result[metric]:.3f} (floor {floor})"


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_no_floor_sits_below_the_first_measure(name: str) -> None:
    """A floor under the first measure would let Accord fall back past where it started, unnoticed."""
    corpus = CORPORA[name]
    for metric, first in corpus.first_measure.items():
        if metric in corpus.floors:  # a first measure may record more than the gate watches
            assert corpus.floors[metric] >= round(first, 2) - 0.005, f"{name} {metric}"


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
