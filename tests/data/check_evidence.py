"""Check that every gold `evidence` is a verbatim substring of its page.

Usage: python3 tests/data/check_evidence.py GOLD.jsonl [PAGES_DIR]
Without PAGES_DIR, each gold line's own "text" is the page (sentences.jsonl).
"""

import json
import sys
from pathlib import Path


def missing_evidence(gold_path: Path, pages_dir: Path | None) -> list[str]:
    """Return one line per evidence string not found in its page."""
    problems = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        if pages_dir is None:
            page = doc["text"]
        else:
            page = (pages_dir / f"{doc['id']}.txt").read_text(encoding="utf-8")
        for event in doc["events"]:
            if event["evidence"] not in page:
                problems.append(f"{doc['id']}: {event['evidence'][:80]}")
    return problems


if __name__ == "__main__":
    pages = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    found = missing_evidence(Path(sys.argv[1]), pages)
    print("\n".join(found) or "all evidence found verbatim")
    sys.exit(1 if found else 0)
