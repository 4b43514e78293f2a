"""The store end to end through the real pipeline and the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
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
        counts = {
            t.name: conn.scalar(select(func.count()).select_from(t)) or 0
            for t in schema.metadata.sorted_tables
        }
    store.close()
    return counts


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
