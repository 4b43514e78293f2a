"""The command line's conventions, through the commands: a start that loads no spaCy, --version, errors
that suggest the right code or date instead of an empty answer, `-o -`, export formats by extension,
FILE#ID, and tables that keep their width in a pipe. The store is a synthetic one (no model needed)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import Result
from synthetic_store import COUNTRIES, fill
from typer.testing import CliRunner

import accord
from accord.cli import app
from accord.store import open_store

runner = CliRunner()
ABSENT = "USA"  # a valid code the synthetic store holds no event for
assert ABSENT not in COUNTRIES


@pytest.fixture
def db(store_url: str) -> Iterator[str]:
    store = open_store(store_url)
    fill(store, 60)
    store.close()
    yield store_url


def accord_cli(*args: str, columns: str | None = "200") -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": columns})


def failed_with(result: Result, *phrases: str) -> str:
    """The one-line error of a command that exited 2, checked to contain each phrase."""
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith("error:") and "\n" not in message, message
    for phrase in phrases:
        assert phrase in message, message
    return message


def as_json(*args: str) -> list[dict[str, object]]:
    result = accord_cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_importing_the_cli_the_store_and_the_web_app_loads_no_spacy() -> None:
    probe = (
        "import sys, accord.cli, accord.store, accord.web.app; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc') or m == 'accord.pipeline'))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]", loaded.stdout


def test_version_prints_the_release() -> None:
    result = accord_cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"accord {accord.__version__}"


def test_country_names_are_accepted_where_codes_are(db: str) -> None:
    by_code = as_json("timeline", "JPN", "FIN", "--db", db)
    assert by_code and as_json("timeline", "Japan", "finland", "--db", db) == by_code
    assert as_json("partners", "Norway", "--db", db) == as_json("partners", "nor", "--db", db)
    assert as_json("events", "--country", "Japan", "--db", db) == as_json(
        "events", "--country", "JPN", "--db", db
    )


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (("timeline", "JAP", "FIN"), "JPN"),
        (("timeline", "Japan", "FNI"), "FIN"),
        (("partners", "JAP"), "JPN"),
        (("events", "--country", "Norwey"), "NOR"),
        (("plot", "dyad", "JPN", "FNI", "-o", "never.png"), "FIN"),
    ],
)
def test_an_unknown_party_is_an_error_that_suggests_the_code(
    db: str, args: tuple[str, ...], suggested: str
) -> None:
    failed_with(accord_cli(*args, "--db", db), "unknown party", f"did you mean {suggested}")


def test_a_valid_party_without_events_says_so(db: str) -> None:
    result = accord_cli("timeline", "JPN", ABSENT, "--json", "--db", db)
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert f"no events for JPN–{ABSENT}" in result.stderr
    assert f"{ABSENT} has no stored events" in result.stderr
    chosen = accord_cli("events", "--country", "Japan", "--since", "2099", "--db", db)
    assert chosen.exit_code == 0 and "no events for JPN match" in chosen.stderr
    absent = accord_cli("events", "--country", ABSENT.lower(), "--db", db)
    assert absent.exit_code == 0 and f"{ABSENT} has no stored events" in absent.stderr


@pytest.mark.parametrize(
    ("value", "phrase"),
    [("2024-13-01", "month must be in 1..12"), ("2023-02-29", "day is out of range"), ("someday", "7d")],
)
def test_an_impossible_or_unknown_date_is_an_error(db: str, value: str, phrase: str) -> None:
    failed_with(accord_cli("events", "--since", value, "--db", db), repr(value), phrase, "YYYY-MM-DD")


def test_an_empty_date_range_is_an_error(db: str) -> None:
    failed_with(
        accord_cli("events", "--since", "2024", "--until", "2023-06", "--db", db),
        "starts (2024) after it ends (2023-06)",
    )


def test_relative_dates_mean_days_before_today(db: str) -> None:
    long_ago = (date.today() - timedelta(days=3650)).isoformat()
    everything = as_json("events", "--db", db)
    assert as_json("events", "--since", "3650d", "--db", db) == as_json(
        "events", "--since", long_ago, "--db", db
    )
    assert as_json("events", "--until", "yesterday", "--db", db) == [e for e in everything if e["date"]]
    recent = accord_cli("events", "--since", "last week", "--db", db)
    assert recent.exit_code == 0 and "no events match" in recent.stderr


def test_export_infers_the_format_from_the_file_name(db: str, tmp_path: Path) -> None:
    total = len(as_json("events", "--db", db))
    for name, first_column in (("all.csv", "event_id"), ("all.tsv", "Event ID")):
        result = accord_cli("export", "-o", str(tmp_path / name), "--db", db)
        assert result.exit_code == 0, result.output
        with (tmp_path / name).open(encoding="utf-8") as written:
            rows = list(csv.DictReader(written, delimiter="\t" if name.endswith(".tsv") else ","))
        assert len(rows) == total and next(iter(rows[0])) == first_column
    failed_with(accord_cli("export", "-o", str(tmp_path / "all.txt"), "--db", db), "--format", "*.csv")
    assert not (tmp_path / "all.txt").exists()


def test_dash_writes_to_standard_output(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = accord_cli("export", "--format", "jsonl", "-o", "-", "--db", db)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["id"] for e in lines] == [e["id"] for e in as_json("events", "--db", db)]
    assert "wrote" in result.stderr and not (tmp_path / "-").exists()
    failed_with(accord_cli("export", "-o", "-", "--db", db), "--format")
    plot = accord_cli("plot", "dyad", "JPN", "FIN", "-o", "-", "--db", db)
    assert plot.exit_code == 0 and plot.stdout_bytes.startswith(b"\x89PNG") and not (tmp_path / "-").exists()


def test_tables_in_a_pipe_are_not_squeezed_to_80_columns(db: str) -> None:
    result = accord_cli("timeline", "JPN", "FIN", "--db", db, columns=None)
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) > 120
    assert any("foreign minister" in line for line in result.stdout.splitlines())


def test_clean_picks_one_record_of_a_jsonl_file(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    records = [{"id": f"r{n}", "text": f"Record number {n} says something of its own."} for n in range(3)]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = accord_cli("clean", f"{batch}#r1")
    assert result.exit_code == 0 and result.stdout.strip() == records[1]["text"]
    whole = accord_cli("clean", str(batch))
    assert all(r["text"] in whole.stdout for r in records)
    failed_with(accord_cli("clean", f"{batch}#r9"), "no record 'r9'", "did you mean")


def test_help_paragraphs_wrap_to_the_terminal_not_to_the_source() -> None:
    result = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"}, terminal_width=200)
    assert result.exit_code == 0
    lines = [line.strip(" │") for line in result.output.splitlines()]
    # one paragraph of the docstring, hard-wrapped in the source after "a wire story", reads as one line
    assert any("(other page chrome, or a wire story reprinted by another outlet)" in line for line in lines)
    examples = [line for line in lines if line.startswith("Example: accord ingest")]
    assert len(examples) == 3  # example lines stay one a line


def test_ctrl_c_during_a_connection_reset_prints_no_traceback_from_the_pool_log() -> None:
    import logging

    from accord.cli.app import not_an_interruption

    def record(error: BaseException) -> logging.LogRecord:
        return logging.LogRecord(
            "sqlalchemy.pool", logging.ERROR, "", 0, "reset", (), (type(error), error, None)
        )

    runner.invoke(app, ["events", "--help"])  # any command installs the filter on the pool's logger
    assert not_an_interruption in logging.getLogger("sqlalchemy.pool").filters
    assert not not_an_interruption(record(KeyboardInterrupt()))
    assert not_an_interruption(record(OSError("disk full")))  # a real failure is still logged
