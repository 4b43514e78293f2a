"""Exports read back with the tools analysts use: csv, json, POLECAT columns by name, GraphML by networkx."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import SettingError
from accord.exports import POLECAT_COLUMNS, export, network
from accord.store import Store, events, timeline
from accord.store.records import EventSource, FusedEvent

runner = CliRunner()


def fused(
    id: str, type: str, date: str | None, parties: tuple[str, ...], country: str | None = None
) -> FusedEvent:
    source = EventSource(
        "in1", "in1.txt", None, None, None, "doc1", 1.0, date, None, ("It happened.",), "first"
    )
    return FusedEvent(id, type, date, "day", False, None, country, parties, (), (), id, (), (), (source,))


def test_network_counts_types_and_dates_and_visits_count_the_host() -> None:
    graph = network(
        [
            fused("a", "meet", "2023-05-01", ("FIN", "JPN")),
            fused("b", "visit", "2024-02-03", ("JPN",), country="FIN"),
            fused("c", "agree", "--09-12", ("FIN", "JPN")),
            fused("d", "meet", "2024-01-01", ("JPN", "NATO", "NOR")),
        ]
    )
    edge = graph.edges["FIN", "JPN"]
    assert (edge["weight"], edge["meet"], edge["visit"], edge["agree"], edge["call"]) == (3, 1, 1, 1, 0)
    assert (edge["first_date"], edge["last_date"]) == ("2023-05-01", "2024-02-03")
    assert graph.nodes["NATO"] == {"name": "North Atlantic Treaty Organization", "kind": "organisation"}
    assert graph.nodes["NOR"]["kind"] == "country" and graph.has_edge("NATO", "NOR")


def test_an_unknown_format_names_the_choices(tmp_path: Path) -> None:
    with pytest.raises(SettingError, match="csv, participants, jsonl, polecat, graphml"):
        export([], "xlsx", tmp_path / "out.xlsx")


@pytest.mark.slow
def test_csv_and_jsonl_keep_every_source_with_its_input_id(seeded: Store, tmp_path: Path) -> None:
    stored = events(seeded)
    assert export(stored, "csv", tmp_path / "e.csv") == len(stored) > 0
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["event_id"] for r in rows] == [e.id for e in stored]
    for row, event in zip(rows, stored, strict=True):
        assert row["source_input_ids"].split("; ") == [s.input_id for s in event.sources]
        assert int(row["n_sources"]) == len(event.sources) and row["evidence"]
    export(stored, "jsonl", tmp_path / "e.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [e.id for e in stored]
    assert all(s["input_id"] and s["path"] for x in lines for s in x["sources"])


@pytest.mark.slow
def test_polecat_columns_by_name(seeded: Store, tmp_path: Path) -> None:
    export(events(seeded), "polecat", tmp_path / "e.tsv")
    with (tmp_path / "e.tsv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == POLECAT_COLUMNS
    meetings = [r for r in rows if r["Event Type"] == "CONSULT" and r["Event Mode"] == "meet"]
    dyad = [r for r in meetings if {r["Actor Country"], r["Recipient Country"]} == {"JPN", "FIN"}]
    dates = {r["Event Date"] for r in dyad}
    assert {"2022-10-26", "2024-01-09"} <= dates and dates & {"2024-09-12", "--09-12"}
    visit = next(r for r in rows if r["Event Mode"] == "visit" and r["Country"] == "FIN")
    assert visit["Recipient Country"] == "FIN" and visit["Actor Country"] == "JPN"
    assert {r["Event Type"] for r in rows} <= {"CONSULT", "AGREE"}
    assert all(int(r["Accord Source Count"]) >= 1 and r["Accord Evidence"] for r in rows)


@pytest.mark.slow
def test_graphml_through_the_command_line(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    result = runner.invoke(app, ["export", "--format", "graphml", "-o", str(out), "--db", seeded.url])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert graph.nodes["JPN"] == {"name": "Japan", "kind": "country"}
    edge = graph.edges["FIN", "JPN"]
    assert edge["weight"] == len(timeline(seeded, "JPN", "FIN")) and edge["meet"] == 3
    assert edge["first_date"] == "2022-10-26"


@pytest.mark.slow
def test_export_filters_like_events(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "meet.csv"
    args = ["export", "--format", "csv", "--type", "meet", "--since", "2024-01-01", "-o", str(out)]
    result = runner.invoke(app, [*args, "--db", seeded.url])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["type"] == "meet" and r["date"] >= "2024-01-01" for r in rows)
    assert "2024-01-09" in {r["date"] for r in rows}
