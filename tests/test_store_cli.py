"""The store end to end through the real pipeline and the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from store_articles import fail_for, rows
from typer.testing import CliRunner

from accord.cli import app
from accord.store import open_store, schema

pytestmark = pytest.mark.slow
runner = CliRunner()

# Two outlets' reports of one meeting (our own words), and a third page with the meeting and a later call.
PAGES = {
    "wire.txt": """ date 2023-05-17
Home | World | Business | Sport
Norway and Chile to deepen ocean research
Norwegian Foreign Minister Ingrid Solberg met Chilean Foreign Minister Pablo Rojas in Oslo on Tuesday.
The two ministers discussed fisheries, salmon farming and the protection of undersea cables.
Sign in to comment
""",
    "daily.txt": """ date 2023-05-18
Andes Daily | Politics | Opinion
Rojas holds talks in Norway
Chilean Foreign Minister Pablo Rojas held talks with Norwegian Foreign Minister Ingrid Solberg in Oslo on May 16.
Officials from both sides said the meeting focused on fishing quotas and research vessels.
Most read: Copper prices climb again
""",
    "call.txt": """ date 2023-05-17
World news
Ministers meet, then talk by phone
Norwegian Foreign Minister Ingrid Solberg met Chilean Foreign Minister Pablo Rojas in Oslo on Tuesday.
Later on Tuesday, Solberg held a phone call with Rojas about the fisheries agreement.
""",
}


def table_counts(url: str) -> dict[str, int]:
    store = open_store(url)
    with store.read() as conn:
        counts = {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in schema.tables()}
    store.close()
    return counts


def write_pages(folder: Path) -> Path:
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def summary_row(stdout: str) -> list[str]:
    """The numbers of the summary table `ingest` prints."""
    lines = ([cell.strip() for cell in line.strip("│ ").split("│")] for line in stdout.splitlines())
    return next(cells for cells in lines if len(cells) > 1 and cells[0].isdigit())


def accord(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_seeds_twice_leave_the_same_counts_and_three_japan_finland_meetings(
    shared: Path, store_url: str
) -> None:
    seeds = str(shared / "corpus" / "seeds")
    first = accord("ingest", seeds, "--db", store_url)
    counts = table_counts(store_url)
    again = accord("ingest", seeds, "--db", store_url)
    assert table_counts(store_url) == counts and counts["documents"] == 5 and counts["events"] > 0
    assert "ingested into" in first and "unchanged" in again
    timeline = json.loads(accord("timeline", "JPN", "FIN", "--json", "--db", store_url))
    meetings = [e["date"] for e in timeline if e["type"] == "meet"]
    assert meetings[:2] == ["2022-10-26", "2024-01-09"] and meetings[2] in ("2024-09-12", "--09-12")
    assert len(meetings) == 3
    assert {e["type"] for e in timeline} >= {"meet", "agree", "visit"}
    for event in timeline:
        assert event["sources"] and all(s["input_id"] and s["path"] for s in event["sources"])
        assert {"JPN", "FIN"} <= {*event["parties"], event["country"]}


def test_two_outlets_reports_fuse_and_a_same_day_call_stays_apart(tmp_path: Path, store_url: str) -> None:
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    accord("ingest", str(tmp_path / "wire.txt"), str(tmp_path / "daily.txt"), "--db", store_url)
    (meeting,) = json.loads(accord("events", "--type", "meet", "--json", "--db", store_url))
    assert sorted(s["input_id"] for s in meeting["sources"]) == ["daily", "wire"]
    assert meeting["date"] == "2023-05-16" and meeting["merge_key"] == "meet|CHL+NOR|2023-05-16"
    accord("ingest", str(tmp_path / "call.txt"), "--db", store_url)
    timeline = json.loads(accord("timeline", "NOR", "CHL", "--json", "--db", store_url))
    by_type = {e["type"]: e for e in timeline}
    assert by_type["meet"]["n_sources"] == 3 and by_type["call"]["n_sources"] == 1
    assert by_type["call"]["date"] == by_type["meet"]["date"] == "2023-05-16"
    shown = accord("event", by_type["meet"]["id"], "--db", store_url)
    assert "merge key" in shown and "held talks" in shown and "first report" in shown


def test_query_commands_explain_a_missing_database_in_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["timeline", "JPN", "FIN", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 2 and "accord ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_a_document_the_database_refuses_gets_one_line_and_exit_1(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = write_pages(tmp_path / "pages")
    refuse = IntegrityError("INSERT INTO sources", {}, Exception("NOT NULL constraint failed: sources.path"))
    fail_for("daily", refuse, monkeypatch)
    result = runner.invoke(app, ["ingest", str(pages), "--db", store_url], env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.output
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert line == f"failed: {pages / 'daily.txt'}: not stored: NOT NULL constraint failed: sources.path"
    assert summary_row(result.stdout)[:5] == ["2", "0", "0", "0", "1"]  # new, copies, same, re-read, failed
    inputs = {
        s["input_id"] for e in json.loads(accord("events", "--json", "--db", store_url)) for s in e["sources"]
    }
    assert inputs == {"wire", "call"}


def test_a_database_that_fails_stops_the_run_saying_what_it_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = write_pages(tmp_path / "pages")
    fail_for("daily", OperationalError("INSERT", {}, Exception("database or disk is full")), monkeypatch)
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    result = runner.invoke(app, ["ingest", str(pages), "--db", url], env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert (
        "error: could not write the database" in result.stderr and "database or disk is full" in result.stderr
    )
    assert "run the same command again" in result.stderr and "ingested into" in result.stdout
    assert table_counts(url)["documents"] == 1  # call.txt, read first, is stored whole


def test_an_older_extractors_articles_are_read_again_from_their_files_or_the_store(
    tmp_path: Path, store_url: str
) -> None:
    pages = str(write_pages(tmp_path / "pages"))
    accord("ingest", pages, "--db", store_url)
    store = open_store(store_url)
    try:
        before = rows(store, leave_out=("_at", "merge_reason"))
        for again in (["ingest", pages], ["reextract"]):
            with store.write() as conn:
                conn.execute(update(schema.extractions).values(extractor="accord 0.0.9, rules 0"))
            shown = accord(*again, "--db", store_url)
            assert summary_row(shown)[3] == "3"  # re-extracted
            assert rows(store, leave_out=("_at", "merge_reason")) == before
        assert summary_row(accord("reextract", "--db", store_url))[:5] == ["0"] * 5
    finally:
        store.close()


PLAN = """ date 2023-05-17
World news
Norway and Chile plan more talks
Norwegian Foreign Minister Ingrid Solberg met Chilean Foreign Minister Pablo Rojas in Oslo on Tuesday.
Solberg will visit Santiago in June to meet Chilean President Ana Vidal.
Rojas did not meet the Peruvian foreign minister during the trip.
"""


def test_statements_of_what_did_not_happen_show_only_where_asked_for(tmp_path: Path, store_url: str) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "plan.txt").write_text(PLAN, encoding="utf-8")
    accord("ingest", str(tmp_path / "pages"), "--db", store_url)

    def listed(*options: str) -> list[dict[str, object]]:
        return json.loads(accord("events", *options, "--json", "--db", store_url))

    asserted = listed()
    assert asserted and all("mode" not in e for e in asserted)
    future, negated = listed("--mode", "future"), listed("--mode", "negation")
    assert future and {e["mode"] for e in future} == {"future"} and negated
    every = listed("--mode", "future", "--mode", "hypothetical", "--mode", "negation", "--mode", "reported")
    assert len(listed("--include-unasserted")) == len(asserted) + len(every)
    shown = json.loads(accord("event", str(future[0]["id"]), "--json", "--db", store_url))
    assert shown["mode"] == "future" and shown["sources"][0]["input_id"] == "plan"
    assert "(negation)" in accord("events", "--mode", "negation", "--db", store_url)
    exported = tmp_path / "events.jsonl"
    accord("export", "--format", "jsonl", "-o", str(exported), "--db", store_url)
    assert len(exported.read_text(encoding="utf-8").splitlines()) == len(asserted)
