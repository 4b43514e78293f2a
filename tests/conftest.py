"""Shared fixtures: the shared corpus beside the repository, and one extraction run per session."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from accord.output import extraction_dict
from accord.pipeline import extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip(f"the shared corpus is not at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Extract a corpus once per session and return the path of its JSON Lines predictions."""
    cache: dict[Path, Path] = {}

    def run(source: Path) -> Path:
        if source not in cache:
            out = tmp_path_factory.mktemp("pred") / f"{source.stem}.jsonl"
            with out.open("w", encoding="utf-8") as sink:
                for result in extract([source]):
                    sink.write(json.dumps(extraction_dict(result), ensure_ascii=False) + "\n")
            cache[source] = out
        return cache[source]

    return run
