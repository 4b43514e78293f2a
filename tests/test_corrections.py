"""Analysts correct the record: reject, correct, confirm, merge people, each undone; all of it survives a
re-extraction by a newer extractor, and goes to another store as JSON Lines. On SQLite and PostgreSQL,
through the library and the `accord` commands.

The extractions are built by hand (`store_articles`), so the tests pin what the store does with them.
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from store_articles import FM, REPORT_A, ROJAS, article, happened, report_a, report_b, report_c
from test_store_cli import PAGES, summary_row, write_pages
from typer.testing import CliRunner

from accord import pipeline
from accord.cli import app
from accord.doctor import WARN, database_checks
from accord.records import Extraction
from accord.store import IngestSummary, Store, Stored, actor, events, ingest_results, open_store, timeline
from accord.store.corrections import (
    Changes,
    confirm,
    correct,
    corrections,
    export_corrections,
    import_corrections,
    merge_people,
    reject,
    restore,
    undo,
)
from accord.store.records import FusedEvent
from accord.store.web_queries import counts, dyads

runner = CliRunner()
STORE = importlib.import_module("accord.store")  # the CLI imports its functions when a command runs

REPORT_D = ["Rojas calls again", "On 20 May Rojas called Ingrid Solberg about the research vessels."]


def report_d() -> Extraction:
    """A call where Rojas is named by surname alone: the store reads him as the one Rojas it knows."""
    call = happened("call", "2023-05-20", [("Ingrid Solberg", FM, "NOR"), ("Rojas", None, None)], REPORT_D, 1)
    return article("d", REPORT_D, "2023-05-21", [call], outlet="Oslo Post")


def stored(store: Store, *extra: Extraction, extractor: str = "old") -> dict[str, FusedEvent]:
    """Report A (a meeting and a call) and report B (the meeting), by type."""
    ingest_results(store, [report_a(), report_b(), *extra], extractor=extractor)
    return {e.type: e for e in events(store, include_rejected=True)}


def facts(store: Store) -> list[tuple[object, ...]]:
    """What the record says, ids left out (a re-extraction may give an event a new one)."""
    return sorted(
        (
            e.type,
            e.date,
            e.city,
            e.parties,
            tuple((p.name, p.role, p.affiliation) for p in e.participants),
            e.rejected,
            e.confirmed,
        )
        for e in events(store, include_rejected=True)
    )


def test_a_rejected_event_leaves_every_query_until_restored(store: Store) -> None:
    call = stored(store)["call"]
    reject(store, call.id, "the phone call was with Peru's delegation", by="alice")
    assert [e.type for e in events(store)] == ["meet"]
    assert [e.type for e in timeline(store, "NOR", "CHL")] == ["meet"]
    assert counts(store).by_type == {"meet": 1} and dyads(store)[0].by_type == {"meet": 1}
    (marked,) = [e for e in events(store, include_rejected=True) if e.rejected]
    assert marked.id == call.id and "the phone call was with Peru's delegation" in marked.corrections[0]
    assert "alice" in marked.corrections[0]
    restore(store, call.id, by="alice")
    assert sorted(e.type for e in events(store)) == ["call", "meet"]
    assert [(c.kind, c.status) for c in corrections(store)] == [("reject", "undone"), ("undo", "undo")]


def test_a_corrected_affiliation_moves_the_event_to_another_pair_and_back(store: Store) -> None:
    meet = stored(store)["meet"]
    changes = Changes(date="2023-05-17", participant="Pablo Rojas", affiliation="PER")
    made = correct(store, meet.id, changes, "Rojas is Peru's minister here", by="bob")
    (fixed,) = timeline(store, "NOR", "PER")
    assert (fixed.id, fixed.date, fixed.parties, fixed.corrected) == (
        meet.id,
        "2023-05-17",
        ("NOR", "PER"),
        True,
    )
    assert ("Pablo Rojas", FM, "PER") in [(p.name, p.role, p.affiliation) for p in fixed.participants]
    assert [e.type for e in timeline(store, "NOR", "CHL")] == ["call"]
    for correction in made:
        undo(store, correction.id, "the first reading was right")
    (back,) = [e for e in timeline(store, "NOR", "CHL") if e.type == "meet"]
    assert (back.date, back.parties, back.corrected) == ("2023-05-16", ("CHL", "NOR"), False)


def test_a_confirmed_event_says_so_until_undone(store: Store) -> None:
    meet = stored(store)["meet"]
    made = confirm(store, meet.id, by="carol")
    assert [e.confirmed for e in events(store) if e.id == meet.id] == [True]
    undo(store, made.id, "checked the wrong event")
    assert not any(e.confirmed for e in events(store))


def test_merging_two_spellings_fuses_their_meeting_and_undoing_parts_it(store: Store) -> None:
    stored(store, report_c())
    assert len(timeline(store, "NOR", "CHL")) == 3  # two meetings (one per spelling) and the call
    made = merge_people(store, "Ingrid Solberg", "Inga Solberg", "one minister", by="dan")
    meets = [e for e in timeline(store, "NOR", "CHL") if e.type == "meet"]
    assert len(meets) == 1 and sorted(s.input_id for s in meets[0].sources) == ["a", "b", "c"]
    assert "Inga Solberg" not in [p.name for p in meets[0].participants]
    assert "Inga Solberg" in actor(store, "Inga Solberg").aliases
    undo(store, made.id, "two people after all")
    assert len([e for e in timeline(store, "NOR", "CHL") if e.type == "meet"]) == 2


def test_every_correction_survives_a_newer_extractor_reading_the_same_articles(store: Store) -> None:
    found = stored(store, report_c())
    reject(store, found["call"].id, "Peru's delegation")
    merge_people(store, "Ingrid Solberg", "Inga Solberg", "one minister")
    (meet,) = [e for e in events(store) if e.type == "meet"]
    correct(store, meet.id, Changes(city="Bergen", remove_participant="Pablo Rojas"), "Rojas was not there")
    confirm(store, meet.id)
    before = facts(store)
    summary = ingest_results(store, [report_a(), report_b(), report_c()], extractor="new")
    assert summary.documents_reextracted == 3
    assert facts(store) == before
    assert {c.status for c in corrections(store)} == {"in force"}


def test_a_correction_whose_event_is_gone_after_reextraction_is_orphaned_not_dropped(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = stored(store)["call"]
    reject(store, call.id, "misread")
    meet = happened("meet", "2023-05-16", [("Ingrid Solberg", FM, "NOR"), ROJAS], REPORT_A, 1, "Oslo")
    newer = article("a", REPORT_A, "2023-05-17", [meet], outlet="Nordic Wire")  # the call is no more

    def reextract(store: Store, settings: object, progress: Callable[[Stored], None]) -> IngestSummary:
        return ingest_results(store, [newer], progress, extractor="new")

    monkeypatch.setattr(STORE, "reextract", reextract)
    result = runner.invoke(app, ["reextract", "--db", store.url], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "correction lost its event: " in result.stderr
    assert call.id in result.stderr
    ((kind, status),) = [(c.kind, c.status) for c in corrections(store)]
    assert (kind, status) == ("reject", "orphaned")
    (check,) = [c for c in database_checks(store.url) if c.name == "corrections"]
    assert (check.status, check.detail) == (WARN, "1 corrections in the audit trail, 1 orphaned")


def test_an_exported_trail_gives_the_same_record_in_a_fresh_store(store: Store, tmp_path: Path) -> None:
    found = stored(store, report_c())
    reject(store, found["call"].id, "Peru's delegation")
    merge_people(store, "Ingrid Solberg", "Inga Solberg", "one minister")
    (meet,) = [e for e in events(store) if e.type == "meet"]
    correct(store, meet.id, Changes(type="visit", country="NOR"), "a visit to Oslo")
    confirmed = confirm(store, meet.id)
    undo(store, confirmed.id, "not checked yet")
    trail = tmp_path / "trail.jsonl"
    assert export_corrections(store, trail) == 6
    fresh = open_store(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        ingest_results(fresh, [report_c(), report_b(), report_a()], extractor="other")
        summary = import_corrections(fresh, trail)
        assert (summary.added, summary.known, summary.orphaned) == (6, 0, ())
        assert facts(fresh) == facts(store)
        assert import_corrections(fresh, trail).known == 6
    finally:
        fresh.close()


def accord(*args: str, status: int = 0) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == status, result.output
    return result.stdout if status == 0 else result.stderr


def test_an_analysts_review_through_the_commands(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    try:
        found = stored(store)
    finally:
        store.close()
    call, meet = found["call"].id, found["meet"].id
    db = ("--db", store_url)
    accord("reject", call, "--reason", "Peru's delegation", "--by", "alice", *db)
    listed = json.loads(accord("events", "--json", *db))
    assert [e["type"] for e in listed] == ["meet"]
    marked = json.loads(accord("events", "--include-rejected", "--json", *db))
    assert [(e["type"], e["rejected"]) for e in marked] == [("meet", False), ("call", True)]
    assert "REJECTED" in accord("events", "--include-rejected", *db)
    accord(
        "correct", meet[:8], "--participant", "Pablo Rojas", "--affiliation", "PER", "--reason", "Peru", *db
    )
    shown = json.loads(accord("event", meet, "--json", *db))
    assert shown["corrected"] and shown["parties"] == ["NOR", "PER"]
    assert "Peru" in accord("event", meet, *db)
    accord("confirm", meet, *db)
    trail = json.loads(accord("corrections", "--json", *db))
    assert [(c["kind"], c["by"]) for c in trail[:1]] == [("reject", "alice")] and len(trail) == 3
    exported_csv = tmp_path / "events.csv"
    accord("export", "--format", "csv", "-o", str(exported_csv), *db)
    with exported_csv.open(encoding="utf-8") as source:
        exported_rows = list(csv.DictReader(source))
    assert [(r["event_id"], r["corrected"], r["confirmed"]) for r in exported_rows] == [
        (meet, "True", "True")
    ]
    accord("restore", call, *db)
    assert len(json.loads(accord("events", "--json", *db))) == 2
    exported = tmp_path / "trail.jsonl"
    assert "4 corrections" in accord("corrections", "export", str(exported), *db)
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    store = open_store(fresh)
    try:
        stored(store)
    finally:
        store.close()
    assert "imported 4 corrections" in accord("corrections", "import", str(exported), "--db", fresh)
    again = json.loads(accord("event", meet, "--json", "--db", fresh))
    assert again["parties"] == ["NOR", "PER"] and again["confirmed"]


def test_wrong_corrections_are_refused_with_a_suggestion(store_url: str) -> None:
    store = open_store(store_url)
    try:
        meet = stored(store)["meet"].id
    finally:
        store.close()
    db = ("--db", store_url)
    said = accord("correct", meet, "--country", "Sweden", "--reason", "x", *db, status=2)
    assert "unknown country" in said and "SWE" in said
    said = accord(
        "correct", meet, "--participant", "Nobody Here", "--role", "x", "--reason", "x", *db, status=2
    )
    assert "Ingrid Solberg" in said
    assert "not a date" in accord("correct", meet, "--date", "2023-02-30", "--reason", "x", *db, status=2)
    assert "no stored event" in accord("reject", "evnothere", "--reason", "x", *db, status=2)
    assert "not rejected" in accord("restore", meet, *db, status=2)


def test_people_merged_and_split_through_the_commands(store_url: str) -> None:
    store = open_store(store_url)
    try:
        stored(store, report_c(), report_d())
    finally:
        store.close()
    db = ("--db", store_url)

    def meetings() -> list[dict[str, object]]:
        return [e for e in json.loads(accord("timeline", "NOR", "CHL", "--json", *db)) if e["type"] == "meet"]

    assert len(meetings()) == 2
    accord("merge-people", "Ingrid Solberg", "Inga Solberg", "--reason", "one minister", *db)
    (meet,) = meetings()
    assert sorted(s["input_id"] for s in meet["sources"]) == ["a", "b", "c"]  # type: ignore[attr-defined]
    assert json.loads(accord("actor", "Inga Solberg", "--json", *db))["name"] == "Ingrid Solberg"
    accord("split-person", "Pablo Rojas", "--alias", "Rojas", "--reason", "another Rojas", *db)
    (later,) = json.loads(accord("events", "--since", "2023-05-20", "--json", *db))
    assert [p["name"] for p in later["participants"]] == ["Ingrid Solberg", "Rojas"]
    for correction in json.loads(accord("corrections", "--json", *db)):
        accord("undo", correction["id"], *db)
    assert len(meetings()) == 2
    (later,) = json.loads(accord("events", "--since", "2023-05-20", "--json", *db))
    assert [p["name"] for p in later["participants"]] == ["Ingrid Solberg", "Pablo Rojas"]
    said = accord("split-person", "Pablo Rojas", "--alias", "Kishida", "--reason", "x", *db, status=2)
    assert "never written 'Kishida'" in said


def record_of(db: tuple[str, str]) -> list[tuple[object, ...]]:
    """Every event as `accord events --include-rejected --json` gives it, ids and sources' reasons left out."""
    found = json.loads(accord("events", "--include-rejected", "--json", *db))
    return sorted(
        (e["type"], e["date"], e["city"], e["parties"], e["rejected"], e["corrected"], e["corrections"])
        for e in found
    )


@pytest.mark.slow
def test_corrections_survive_reextract_after_an_extractor_version_bump_and_the_same_files_again(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_pages(tmp_path / "pages")
    db = ("--db", store_url)
    accord("ingest", str(folder), *db)
    found = json.loads(accord("events", "--json", *db))
    assert len(found) >= 2
    accord("reject", found[0]["id"], "--reason", "not a meeting", *db)
    accord("correct", found[-1]["id"], "--city", "Bergen", "--reason", "the dateline says Bergen", *db)
    before = record_of(db)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", pipeline.EXTRACTOR_VERSION + 1)
    assert summary_row(accord("reextract", *db))[3] == str(len(PAGES))  # every article read again
    assert record_of(db) == before
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", pipeline.EXTRACTOR_VERSION + 1)
    assert summary_row(accord("ingest", str(folder), *db))[3] == str(len(PAGES))
    assert record_of(db) == before
    assert {c["status"] for c in json.loads(accord("corrections", "--json", *db))} == {"in force"}
