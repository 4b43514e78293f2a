"""The quality gate's data: every gold corpus Accord is scored on, with its floors and its gold's hash.

`tests/quality_floors.json` is the one place floors live. `tests/test_quality_gate.py` fails when a score
falls below its floor, when a gold file changed without its hash being updated, or when a corpus is missing
(a gate that skips would let a broken checkout pass). `tests/update_floors.py` rewrites the file from a
fresh measure and refuses to lower a floor unless told so, as trafilatura's `tests/eval_gate.py` does.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
FLOORS_FILE = TESTS / "quality_floors.json"
METRICS = ("event_f1", "strict_f1", "date_accuracy", "published_accuracy")


def resolve(location: str) -> Path:
    """`shared:corpus/dev.jsonl` lies in the shared folder beside the repository; anything else in it."""
    if location.startswith("shared:"):
        return SHARED / location.removeprefix("shared:")
    return ROOT / location


@dataclass(frozen=True)
class Corpus:
    name: str
    source: Path
    gold: Path
    gold_sha256: str
    floors: dict[str, float]
    first_measure: dict[str, float]


def gold_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return data


def corpora() -> list[Corpus]:
    return [
        Corpus(
            name,
            resolve(entry["source"]),
            resolve(entry["gold"]),
            entry["gold_sha256"],
            entry["floors"],
            entry.get("first_measure", {}),
        )
        for name, entry in read_floors()["corpora"].items()
    ]


def write_floors(data: dict[str, Any]) -> None:
    FLOORS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
