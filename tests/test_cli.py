"""The command line end to end: extract on the seeds, errors per document, clean --show, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.records import EVENT_TYPES

runner = CliRunner()


@pytest.mark.slow
def test_extract_seeds_writes_one_line_per_document_with_gold_dates(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(shared / "corpus" / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = {
        json.loads(line)["id"]: json.loads(line)["published"]
        for line in (shared / "eval" / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines()
    }
    assert [record["id"] for record in lines] == sorted(gold)
    assert {record["id"]: record["published"] for record in lines} == gold
    for record in lines:
        assert set(record) >= {"id", "source", "published", "published_source", "events"}
        for event in record["events"]:
            assert event["type"] in EVENT_TYPES
            assert event["plover"]["code"] in ("CONSULT", "AGREE")
            assert event["evidence"] and event["participants"]


@pytest.mark.slow
def test_bad_documents_get_an_error_line_and_exit_status_one(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(" date 2021-03-04 The two envoys talked about the weather.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert "error" in records["empty"] and "is empty" in records["empty"]["error"]
    assert "looks binary" in records["binary"]["error"]
    assert records["good"]["published"] == "2021-03-04" and "error" not in records["good"]
    assert "failed:" in result.output


@pytest.mark.slow
def test_show_reads_one_record_and_extract_writes_to_standard_output(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    records = [
        {
            "id": "talks",
            "text": "Norwegian Foreign Minister Ingrid Solberg met Chilean Foreign Minister Pablo Rojas.",
        },
        {"id": "weather", "text": "Rain is expected across the coast on Sunday, forecasters said."},
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    shown = runner.invoke(app, ["show", f"{batch}#weather"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "Rain is expected" in shown.stdout and "Solberg" not in shown.stdout
    missing = runner.invoke(app, ["show", f"{batch}#talk"])
    assert missing.exit_code == 2 and "did you mean talks" in missing.stderr
    extracted = runner.invoke(app, ["extract", str(batch), "-o", "-"])
    assert extracted.exit_code == 0, extracted.output
    assert [json.loads(line)["id"] for line in extracted.stdout.splitlines()] == ["talks", "weather"]


def test_clean_show_lists_dropped_lines_with_reasons(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Home | World | Business | Sport\n"
        "Ministers pledge closer ties\n"
        "The foreign ministers of two neighbouring states met on Monday and pledged closer cooperation "
        "on trade and energy, officials said after the talks.\n"
        "The talks lasted two hours and ended with a joint statement on border trade.\n"
        "Share on Facebook\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["clean", str(page), "--show"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Share on Facebook" in result.output and "pledged closer cooperation" in result.output
    plain = runner.invoke(app, ["clean", str(page)])
    assert "pledged closer cooperation" in plain.output and "Share on Facebook" not in plain.output


def test_clean_show_lists_the_publication_dates_it_weighed(tmp_path: Path) -> None:
    """The winner and the losers: an analyst can see why a page got its date."""
    page = tmp_path / "page.txt"
    page.write_text(
        "Sunday, October 4, 2009\nMinisters meet\n"
        "The foreign ministers of two neighbouring states met on Monday and pledged closer cooperation.\n"
        "Published: 3 October 2009\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["clean", str(page), "--show"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "published: 2009-10-03, from dateline" in result.output
    assert "2009-10-04 from banner (30), not used" in result.output


def test_help_explains_every_command() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for command in ("extract", "demo", "clean", "show"):
        assert command in result.output
        sub = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert sub.exit_code == 0 and "Example" in sub.output
