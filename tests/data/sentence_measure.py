"""Sentence-level measure of an extraction against tests/data/sentences.jsonl.

Usage: python3 tests/data/sentence_measure.py GOLD.jsonl PRED.jsonl

For each sentence that reports an interaction, its first gold event is the main one:
  right type    = some predicted event has its type;
  right parties = some predicted event has its type and its set of participant affiliations.
For each sentence that reports none (no gold events): does any predicted event appear?
"""

import json
import sys
from pathlib import Path


def load(path: Path) -> dict[str, list[dict]]:
    """Events per sentence id."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {doc["id"]: doc.get("events") or [] for doc in map(json.loads, filter(str.strip, lines))}


def affiliations(event: dict) -> frozenset[str]:
    """The set of participant affiliations, upper-cased, unknown ones left out."""
    return frozenset(
        (p.get("affiliation") or "").upper() for p in event.get("participants") or [] if p.get("affiliation")
    )


def measure(gold: dict[str, list[dict]], pred: dict[str, list[dict]]) -> list[str]:
    """Report lines: the three shares, then the sentences that miss."""
    with_event = [sid for sid, events in gold.items() if events]
    without = [sid for sid, events in gold.items() if not events]
    type_misses, party_misses, false_alarms = [], [], []
    for sid in with_event:
        main = gold[sid][0]
        found = pred.get(sid, [])
        if not any(e.get("type") == main["type"] for e in found):
            type_misses.append(sid)
        if not any(e.get("type") == main["type"] and affiliations(e) == affiliations(main) for e in found):
            party_misses.append(sid)
    for sid in without:
        if pred.get(sid):
            false_alarms.append(sid)
    n, m = len(with_event), len(without)
    return [
        f"interaction sentences   {n}",
        f"right type              {n - len(type_misses)}/{n} = {(n - len(type_misses)) / n:.3f}   (goal >= 0.85)",
        f"right parties           {n - len(party_misses)}/{n} = {(n - len(party_misses)) / n:.3f}   (goal >= 0.75)",
        f"no-interaction sentences {m}",
        f"with any event          {len(false_alarms)}/{m} = {len(false_alarms) / m:.3f}   (goal <= 0.10)",
        f"type misses:    {' '.join(type_misses) or '-'}",
        f"party misses:   {' '.join(party_misses) or '-'}",
        f"false alarms:   {' '.join(false_alarms) or '-'}",
    ]


if __name__ == "__main__":
    print("\n".join(measure(load(Path(sys.argv[1])), load(Path(sys.argv[2])))))
