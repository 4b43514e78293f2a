"""The Dask engine gives the same results as the single-process pipeline, on a local cluster of 2 workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.output import extraction_dict
from accord.pipeline import extract
from accord.settings import Settings
from accord.store import events, ingest_results, open_store

distributed = pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed]")
pytestmark = pytest.mark.slow


def test_dask_engine_matches_the_single_process_run(shared: Path, tmp_path: Path) -> None:
    from accord.distributed import extract_with_dask

    sources = [shared / "corpus" / "seeds", shared / "corpus" / "dev.jsonl"]
    settings = Settings.from_env(batch_size=8)
    local = [extraction_dict(r) for r in extract(sources, settings)]
    on_dask = [extraction_dict(r) for r in extract_with_dask(sources, settings, workers=2)]
    assert [r["id"] for r in on_dask] == [r["id"] for r in local]
    differing = [
        (a["id"], key) for a, b in zip(local, on_dask, strict=True) for key in a if a[key] != b.get(key)
    ]
    assert not differing, f"the Dask run differs from the local run in {differing}"
    assert sum(len(r["events"]) for r in local) > 50

    stored = {}
    for name, results in (
        ("local", extract(sources, settings)),
        ("dask", extract_with_dask(sources, settings)),
    ):
        store = open_store(f"sqlite:///{tmp_path / name}.db")
        try:
            ingest_results(store, results)
            stored[name] = sorted((e.id, e.type, e.date) for e in events(store))
        finally:
            store.close()
    assert stored["dask"] == stored["local"] and stored["local"]
