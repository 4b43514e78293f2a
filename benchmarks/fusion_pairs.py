"""Pairwise fusion precision and recall of a store against gold events, among the reports read correctly.

    python benchmarks/fusion_pairs.py --db sqlite:///dev.db ../shared/eval/dev.gold.jsonl ../shared/eval/dev2.gold.jsonl

The store must hold the documents of the gold files (`accord ingest` them first). A stored report is read
correctly when its document's gold has an event of the same type, parties and date; two such reports from
different documents are one real event in the gold when their gold events share type, parties and date
(the gold files mark no identity across documents, so this is the nearest measure they allow), and one
event in the store when fusion put them together. Prints pairs, precision, recall and F1.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from sqlalchemy import select

from accord.store import open_store, schema

Key = tuple[str, frozenset[str], str | None]


def gold_keys(paths: list[Path]) -> dict[str, set[Key]]:
    keys: dict[str, set[Key]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for event in record["events"]:
                parties = frozenset(p["affiliation"] for p in event["participants"] if p.get("affiliation"))
                keys.setdefault(record["id"], set()).add((event["type"], parties, event.get("date")))
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    gold = gold_keys(args.gold)
    store = open_store(args.db, create=False)
    m, p, s = schema.event_mentions, schema.participants, schema.sources
    with store.read() as conn:
        inputs: dict[str, set[str]] = {}
        for document, input_id in conn.execute(select(s.c.document_id, s.c.input_id)):
            inputs.setdefault(document, set()).add(input_id)
        parties: dict[str, set[str]] = {}
        for mention, affiliation in conn.execute(select(p.c.mention_id, p.c.affiliation)):
            if affiliation:
                parties.setdefault(mention, set()).add(affiliation)
        rows = conn.execute(select(m.c.id, m.c.document_id, m.c.event_id, m.c.type, m.c.date)).all()
    store.close()
    correct: list[tuple[str, str, Key]] = []  # (input id, stored event, gold key)
    for row in rows:
        key = (row.type, frozenset(parties.get(row.id, ())), row.date)
        for input_id in inputs.get(row.document_id, ()):
            if key in gold.get(input_id, set()):
                correct.append((input_id, row.event_id, key))
    found = true = both = 0
    for (doc_a, event_a, key_a), (doc_b, event_b, key_b) in itertools.combinations(correct, 2):
        if doc_a == doc_b:
            continue
        same_gold, same_store = key_a == key_b, event_a == event_b
        true += same_gold
        found += same_store
        both += same_gold and same_store
    precision = both / found if found else 1.0
    recall = both / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"reports read correctly: {len(correct)}; gold pairs {true}, fused pairs {found}, both {both}")
    print(f"pairwise fusion precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
