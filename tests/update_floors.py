"""Measure Accord on every gold corpus of the quality gate, print the table, and optionally raise floors.

    python tests/update_floors.py                 # measure and print, change nothing
    python tests/update_floors.py --raise         # floors up to just below today's scores
    python tests/update_floors.py --raise --allow-lower   # also lower floors that today's scores miss
    python tests/update_floors.py --accept-gold   # record the hashes of gold files that were edited

A floor is set a margin below the measured score (one event on a small corpus moves F1 by a point) and
never lowered without `--allow-lower`, so a fall is always a visible decision in the diff.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from corpora import extract_to, score
from quality import corpora, gold_hash, read_floors, write_floors

MARGIN = 0.01


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--raise", dest="raise_floors", action="store_true", help="raise floors to the scores"
    )
    parser.add_argument("--allow-lower", action="store_true", help="let --raise lower a floor too")
    parser.add_argument("--accept-gold", action="store_true", help="record the gold files' current hashes")
    args = parser.parse_args(argv)
    data = read_floors()
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in corpora():
            entry = data["corpora"][corpus.name]
            if gold_hash(corpus.gold) != corpus.gold_sha256:
                if not args.accept_gold:
                    print(f"{corpus.name}: the gold file changed; rerun with --accept-gold", file=sys.stderr)
                    failed = True
                entry["gold_sha256"] = gold_hash(corpus.gold)
            result = score(corpus.gold, extract_to(corpus.source, Path(tmp) / f"{corpus.name}.jsonl"))
            cells = []
            for metric, floor in corpus.floors.items():
                measured = result[metric]
                target = round(max(0.0, measured - MARGIN), 2) if measured < 1.0 else 1.0
                if args.raise_floors and (target > floor or args.allow_lower):
                    entry["floors"][metric] = target
                mark = "" if measured >= floor else " BELOW"
                cells.append(f"{metric} {measured:.3f} (floor {floor:.2f}{mark})")
                failed |= measured < floor
            print(f"{corpus.name:<10} " + "  ".join(cells))
    if args.raise_floors or args.accept_gold:
        write_floors(data)
    return 1 if failed and not args.allow_lower else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
