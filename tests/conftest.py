"""Shared fixtures: the shared corpus beside the repository, one extraction run per session, and stores."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from corpora import extract_to, read_records
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from accord.settings import Settings
from accord.store import Store, ingest, open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Fuzzing budgets: "ci" (the default) is short; `pytest --hypothesis-profile=long tests/test_fuzz.py` runs
# the long one. Tests that set their own `max_examples` keep it.
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile("ci")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.fail(f"the shared corpus is not at {SHARED}: the quality gates need it")
    return SHARED


@pytest.fixture(scope="session")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Extract a corpus once per session and return the path of its JSON Lines predictions."""
    cache: dict[Path, Path] = {}

    def run(source: Path) -> Path:
        if source not in cache:
            cache[source] = extract_to(source, tmp_path_factory.mktemp("pred") / f"{source.stem}.jsonl")
        return cache[source]

    return run


# The store's tests run against SQLite (a temporary file) and PostgreSQL (a throwaway schema per test).
POSTGRES = os.environ.get("ACCORD_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'accord.db'}"
        return
    engine = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    schema = f"accord_test_{uuid.uuid4().hex[:12]}"
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as err:
        engine.dispose()
        pytest.skip(
            f"no PostgreSQL server at {POSTGRES} ({err.orig}); set ACCORD_TEST_POSTGRES to test there"
        )
    try:
        yield (
            make_url(POSTGRES)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def seeded(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A SQLite store ingested once from the seed pages, for the tests that only read it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'accord.db'}"
    opened = open_store(url)
    ingest([shared / "corpus" / "seeds"], opened, Settings.from_env(db=url))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def predictions(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extraction of the test module's `CORPUS` directory, once per module, as JSON Lines."""
    return extract_to(request.module.CORPUS, tmp_path_factory.mktemp("pred") / "pred.jsonl")


@pytest.fixture(scope="module")
def records(predictions: Path) -> dict[str, dict[str, Any]]:
    return read_records(predictions)
