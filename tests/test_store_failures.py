"""A document the database refuses costs that document only; a database that fails stops the run.

Each test makes one document's storage fail (a patched store function, or a value PostgreSQL will not
take) and checks what the others left in the store, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError
from store_articles import INGEST, REPORT_A, article, count, fail_for, happened, report_a, report_b

from accord.errors import StoreError
from accord.records import Extraction
from accord.store import Store, ingest_results, schema, timeline


def third() -> Extraction:
    body = ["Ministers meet again", "Ingrid Solberg and Pablo Rojas met in Santiago on 2 June 2023."]
    people = [("Ingrid Solberg", "foreign minister", "NOR"), ("Pablo Rojas", "foreign minister", "CHL")]
    return article("c", body, "2023-06-03", [happened("meet", "2023-06-02", people, body, 1, "Santiago")])


@pytest.mark.parametrize(
    "error, reason",
    [
        (IntegrityError("INSERT INTO sources", {}, Exception("UNIQUE constraint failed: x.id")), "UNIQUE"),
        (StoreError("a source path the store cannot take"), "cannot take"),
    ],
)
def test_a_document_the_database_refuses_is_rolled_back_alone_and_the_run_goes_on(
    store: Store, monkeypatch: pytest.MonkeyPatch, error: Exception, reason: str
) -> None:
    fail_for("b", error, monkeypatch)
    seen: list[str] = []
    summary = ingest_results(store, [report_a(), report_b(), third()], lambda s: seen.append(s.outcome))
    assert seen == ["new", "failed", "new"]
    assert (summary.documents_new, summary.documents_failed) == (2, 1)
    (failure,) = summary.failures
    assert failure.startswith("/inputs/b.txt: not stored: ") and reason in failure and "\n" not in failure
    assert count(store, schema.documents) == count(store, schema.sources) == 2
    meetings = [e for e in timeline(store, "NOR", "CHL") if e.type == "meet"]
    assert sorted(s.input_id for e in meetings for s in e.sources) == ["a", "c"]
    monkeypatch.undo()  # the database takes it now: the same input is stored on the next run
    again = ingest_results(store, [report_a(), report_b(), third()])
    assert (again.documents_new, again.documents_unchanged, again.documents_failed) == (1, 2, 0)


def test_a_value_postgresql_will_not_take_fails_only_its_document(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("SQLite stores a string of any length")
    people = [
        ("Ingrid Solberg", "foreign minister", "NORWAY-AND-ITS-TERRITORIES"),
        ("Pablo Rojas", None, "CHL"),
    ]
    odd = article("odd", REPORT_A, "2023-05-17", [happened("meet", "2023-05-16", people, REPORT_A, 1)])
    summary = ingest_results(store, [odd, report_b()])
    assert (summary.documents_new, summary.documents_failed) == (1, 1)
    assert summary.failures[0].startswith("/inputs/odd.txt: not stored: value too long")
    assert count(store, schema.documents) == 1 and count(store, schema.people) == 2


def test_when_the_database_itself_fails_the_run_stops_and_keeps_what_it_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_for("b", OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked")), monkeypatch)
    seen: list[str] = []
    with pytest.raises(StoreError, match=r"could not write the database .*: database is locked"):
        ingest_results(store, [report_a(), report_b(), third()], lambda s: seen.append(s.outcome))
    assert seen == ["new"] and count(store, schema.documents) == 1


def long_name_article(length: int) -> Extraction:
    """An article whose first participant's name is `length` characters of capitalised words."""
    words = " ".join(f"Name{i:05d}" for i in range(length // 10 + 1))[:length].strip()
    body = [f"Ingrid {words} met Pablo Rojas in Oslo on 16 May 2023."]
    people = [(f"Ingrid {words}", "foreign minister", "NOR"), ("Pablo Rojas", "foreign minister", "CHL")]
    return article("long", body, "2023-05-17", [happened("meet", "2023-05-16", people, body, 0, "Oslo")])


def test_an_absurdly_long_name_is_refused_alone_before_the_store(store: Store) -> None:
    summary = ingest_results(store, [report_a(), long_name_article(3_000), third()])
    assert (summary.documents_new, summary.documents_failed) == (2, 1)
    (failure,) = summary.failures
    assert failure.startswith("/inputs/long.txt: not stored: a name of 3,006 characters (Ingrid Name00000")
    assert failure.endswith("is longer than the 300 the store takes")
    assert count(store, schema.documents) == 2 and count(store, schema.people) == 2  # Solberg and Rojas


def test_a_name_the_index_cannot_hold_costs_only_its_document_on_postgresql(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the length check (raised here), PostgreSQL's index row limit refuses the document alone."""
    if store.dialect != "postgresql":
        pytest.skip("SQLite indexes a string of any length")
    monkeypatch.setattr(INGEST, "MAX_NAME_CHARS", 10**6)
    summary = ingest_results(store, [report_a(), long_name_article(12_000), third()])
    assert (summary.documents_new, summary.documents_failed) == (2, 1)
    (failure,) = summary.failures
    assert failure.startswith("/inputs/long.txt: not stored: index row") and "btree" in failure
    assert count(store, schema.documents) == 2
