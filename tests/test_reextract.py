"""Re-extraction: a stored article read by another extractor is read again, its old findings replaced whole.

The extractions are built by hand (`store_articles`), each run naming its extractor, so these tests pin
what the store does when the extractor changes, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy.exc import IntegrityError
from store_articles import FM, REPORT_A, ROJAS, article, count, downgrade, happened, report_a, report_b, rows

from accord.records import Extraction
from accord.store import Store, actor, ingest_results, open_store, schema, timeline

INGEST = importlib.import_module("accord.store.ingest")


def report_a_read_better() -> Extraction:
    """Report A as a newer extractor reads it: the call was a misreading, Solberg is prime minister."""
    meet = happened("meet", "2023-05-16", [("Ingrid Solberg", "prime minister", "NOR"), ROJAS], REPORT_A, 1)
    return article("a", REPORT_A, "2023-05-17", [meet], outlet="Nordic Wire")


def test_a_newer_extractor_replaces_what_the_old_one_read(store: Store) -> None:
    ingest_results(store, [report_a(), report_b()], extractor="old")
    summary = ingest_results(store, [report_a_read_better()], extractor="new")
    assert (summary.documents_reextracted, summary.events_new, summary.events_fused) == (1, 0, 1)
    (meet,) = timeline(store, "NOR", "CHL")  # the call only report A gave is gone with its mention
    assert meet.type == "meet" and sorted(s.input_id for s in meet.sources) == ["a", "b"]
    assert count(store, schema.event_mentions) == 2 and count(store, schema.events) == 1
    offices = {
        (o.role, o.affiliation): [e.inputs for e in o.evidence] for o in actor(store, "Solberg").offices
    }
    assert offices == {(FM, "NOR"): [("b",)], ("prime minister", "NOR"): [("a",)]}
    again = rows(store)
    assert ingest_results(store, [report_a_read_better()], extractor="new").documents_unchanged == 1
    assert rows(store) == again


def test_reading_the_same_findings_again_changes_nothing_but_the_extractor(store: Store) -> None:
    people = [("Ingrid Solberg", FM, "NOR"), ("Pablo Rojas", None, None)]
    body = ["Ministers meet again", "Ingrid Solberg and Pablo Rojas met in Santiago on 2 June 2023."]
    third = article("c", body, "2023-06-03", [happened("meet", "2023-06-02", people, body, 1, "Santiago")])
    ingest_results(store, [report_a(), report_b(), third], extractor="old")
    # Only why each report was fused may change: a report read again is fused into what is there.
    before = rows(store, leave_out=("_at", "extractor", "merge_reason"))
    summary = ingest_results(store, [third, report_b(), report_a()], extractor="new")
    assert summary.documents_reextracted == 3
    assert rows(store, leave_out=("_at", "extractor", "merge_reason")) == before  # ids, facts, people


def test_a_copy_with_another_date_is_linked_but_not_read_again(store: Store) -> None:
    ingest_results(store, [report_a()], extractor="old")
    copy = article("a-late", REPORT_A, "2023-05-20", report_a().events, outlet="Late Wire")
    assert ingest_results(store, [copy], extractor="new").documents_copies == 1
    (extractor,) = {row[1] for row in rows(store)["extractions"]}
    assert extractor == "old"


def test_a_reextraction_the_database_refuses_keeps_the_old_findings(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_results(store, [report_a(), report_b()], extractor="old")
    before = rows(store)

    def refuse(*args: object) -> bool:
        raise IntegrityError("INSERT INTO event_mentions", {}, Exception("CHECK constraint failed"))

    monkeypatch.setattr(INGEST, "store_mention", refuse)
    summary = ingest_results(store, [report_a_read_better()], extractor="new")
    assert summary.documents_failed == 1 and "CHECK constraint failed" in summary.failures[0]
    assert rows(store) == before


def test_an_older_store_is_upgraded_and_its_articles_read_again(store_url: str) -> None:
    store = open_store(store_url)
    ingest_results(store, [report_a()], extractor="old")
    downgrade(store, 1, schema.added.sorted_tables)  # back to the version-1 schema, with an article in it
    store.close()
    store = open_store(store_url)
    try:
        assert count(store, schema.extractions) == 0
        assert ingest_results(store, [report_a()], extractor="old").documents_reextracted == 1
        assert len(timeline(store, "NOR", "CHL")) == 2 and count(store, schema.extractions) == 1
    finally:
        store.close()
