"""The store on hand-built extractions, against SQLite and PostgreSQL: ingest, copies, fusion, actors, queries.

The articles are written for these tests; their events are built by hand so the tests pin the store's
behaviour, not the extractor's.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, inspect, select, text, update
from store_articles import FM, REPORT_A, ROJAS, SOLBERG, article, count, happened, report_a, report_b

from accord.errors import NotFound
from accord.records import Extraction
from accord.store import (
    Store,
    actor,
    event,
    events,
    ingest_results,
    open_store,
    partners,
    schema,
    search,
    timeline,
)
from accord.store.migrations import MIGRATIONS


def test_two_reports_of_one_meeting_fuse_and_a_same_day_call_stays_apart(store: Store) -> None:
    summary = ingest_results(store, [report_a(), report_b()])
    assert (summary.documents_new, summary.events_new, summary.events_fused) == (2, 2, 1)
    meet, call = timeline(store, "NOR", "CHL")
    assert (meet.type, call.type) == ("meet", "call")
    assert [s.input_id for s in meet.sources] == ["a", "b"] and [s.input_id for s in call.sources] == ["a"]
    assert (
        meet.sources[0].merge_reason == "first report" and "same type (meet)" in meet.sources[1].merge_reason
    )
    assert meet.merge_key == "meet|CHL+NOR|2023-05-16" and (meet.city, meet.country) == ("Oslo", "NOR")
    assert meet.sources[1].outlet == "Andes Daily" and "held talks" in meet.sources[1].evidence[0]
    assert {p.name for p in meet.participants} == {"Ingrid Solberg", "Pablo Rojas"}


def test_ingesting_again_or_a_copy_adds_nothing_but_a_source(store: Store) -> None:
    ingest_results(store, [report_a(), report_b()])
    again = ingest_results(store, [report_a(), report_b()])
    assert (again.documents_new, again.documents_unchanged, again.events_new, again.events_fused) == (
        0,
        2,
        0,
        0,
    )
    copy = ingest_results(store, [report_a("a-mirror", chrome=("Menu", "Subscribe now", "Cookies"))])
    reprint_body = [*REPORT_A, "Reporting by the Nordic Wire desk."]
    reprint = ingest_results(
        store, [article("a-reprint", reprint_body, "2023-05-17", [], outlet="Baltic Times")]
    )
    assert (copy.documents_copies, reprint.documents_copies, reprint.documents_new) == (1, 1, 0)
    assert count(store, schema.documents) == 2 and count(store, schema.events) == 2
    meet = timeline(store, "NOR", "CHL")[0]
    by_input = {s.input_id: s for s in meet.sources}
    assert set(by_input) == {"a", "a-mirror", "a-reprint", "b"}
    assert by_input["a-mirror"].similarity == 1.0 and 0.7 <= by_input["a-reprint"].similarity < 1.0
    assert ingest_results(store, [report_a("a-mirror")]).documents_unchanged == 1


def test_documents_keep_their_dropped_lines(store: Store) -> None:
    ingest_results(store, [report_a()])
    with store.read() as conn:
        reasons = conn.execute(select(schema.dropped_lines.c.text, schema.dropped_lines.c.reason)).all()
    assert sorted(reasons) == [("Home | World | Sport", "chrome"), ("Sign in to comment", "chrome")]


def test_migrations_are_recorded_and_applied_once(store_url: str) -> None:
    for _ in range(2):
        opened = open_store(store_url)
        with opened.read() as conn:
            assert conn.execute(select(schema.migrations.c.version, schema.migrations.c.name)).all() == [
                (m.version, m.name) for m in MIGRATIONS
            ]
            assert set(inspect(conn).get_table_names()) == {t.name for t in schema.tables()}
        opened.close()


def test_a_failing_document_leaves_nothing_half_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> bool:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(importlib.import_module("accord.store.ingest"), "store_mention", broken)
    with pytest.raises(RuntimeError):
        ingest_results(store, [report_a()])
    assert count(store, schema.documents) == count(store, schema.sources) == count(store, schema.people) == 0


def solberg_rojas(
    input_id: str, published: str | None, date: str, people: Sequence[tuple], type: str = "meet"
) -> Extraction:
    body = [
        f"Talks in Santiago ({input_id})",
        f"{' and '.join(p[0] for p in people)} met in Santiago for talks.",
    ]
    return article(input_id, body, published, [happened(type, date, people, body, 1, "Santiago", "CHL")])


def test_offices_over_time_fill_gaps_flagged_as_inferred(store: Store) -> None:
    ingest_results(
        store,
        [
            solberg_rojas("march", "2024-03-01", "2024-03-01", [SOLBERG, ROJAS]),
            solberg_rojas("june", "2024-06-10", "2024-06-10", [SOLBERG, ROJAS]),
            solberg_rojas(
                "july", "2024-07-01", "2024-07-01", [("Solberg", None, None), ("Pablo Rojas", None, None)]
            ),
            solberg_rojas("undated", None, "--09-12", [SOLBERG, ROJAS]),
        ],
    )
    profile = actor(store, "ingrid solberg")
    assert profile.name == "Ingrid Solberg"
    (office,) = profile.offices
    assert (office.role, office.affiliation, office.first_seen, office.last_seen) == (
        FM,
        "NOR",
        "2024-03-01",
        "2024-06-10",  # the undated article supports the office but gives no date: inferences are not evidence
    )
    assert [e.inputs for e in office.evidence][:2] == [("march",), ("june",)]
    july = next(e for e in profile.events if e.date == "2024-07-01")
    people = {p.name: p for p in july.participants}
    assert people["Ingrid Solberg"].affiliation == "NOR" and people["Ingrid Solberg"].inferred == (
        "name",
        "affiliation",
        "role",
    )
    assert people["Pablo Rojas"].affiliation == "CHL" and people["Pablo Rojas"].inferred == (
        "affiliation",
        "role",
    )
    september = next(e for e in profile.events if e.date and e.date.endswith("09-12"))
    assert (september.date, september.date_inferred) == ("2024-09-12", True)
    assert "year 2024 inferred" in (september.sources[0].date_note or "")
    assert actor(store, "Solberg").id == profile.id


def test_a_year_the_offices_give_reaches_the_last_day_of_a_range_too(store: Store) -> None:
    undated = solberg_rojas("undated", None, "--09-12", [SOLBERG, ROJAS])
    (event,) = undated.events
    ranged = replace(event, date=replace(event.date, end="--09-14"))
    ingest_results(
        store,
        [
            solberg_rojas("march", "2024-03-01", "2024-03-01", [SOLBERG, ROJAS]),
            replace(undated, events=(ranged,)),
        ],
    )
    september = next(e for e in actor(store, "ingrid solberg").events if e.date and e.date.endswith("09-12"))
    assert (september.date, september.sources[0].date_end) == ("2024-09-12", "2024-09-14")


def test_the_version_caches_key_on_moves_only_once_a_commit_is_visible(store: Store) -> None:
    ingest_results(store, [report_a()])
    before = store.version()
    with store.write() as conn:
        conn.execute(update(schema.documents).values(title="Talks in Oslo, retitled"))
        during = store.version()  # another connection's question while the write is still open
    assert before is not None and during == before and store.version() != before


def test_writes_elsewhere_on_the_server_leave_the_version_alone(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("only a PostgreSQL server holds other databases")
    ingest_results(store, [report_a()])
    before = store.version()
    elsewhere = create_engine(store.engine.url.set(database="postgres", query={}))
    try:
        with elsewhere.begin() as conn:  # another database of the same server
            conn.execute(text("CREATE TABLE IF NOT EXISTS accord_probe (i integer)"))
            conn.execute(text("INSERT INTO accord_probe VALUES (1)"))
            conn.execute(text("DROP TABLE accord_probe"))
    finally:
        elsewhere.dispose()
    assert store.version() == before  # the caches keyed on it keep their answers


def test_offices_attested_in_two_years_are_held_between_them(store: Store) -> None:
    ruiz = ("Ana Ruiz", FM, "ARG")
    ingest_results(
        store,
        [
            solberg_rojas("first", "2023-03-01", "2023-03-01", [SOLBERG, ROJAS]),
            solberg_rojas("last", "2025-03-01", "2025-03-01", [SOLBERG, ROJAS]),
            solberg_rojas("ruiz", "2024-05-01", "2024-05-01", [ruiz, ROJAS]),
            solberg_rojas("undated", None, "--09-12", [SOLBERG, ruiz]),
        ],
    )
    undated = next(e for e in events(store, country="ARG") if e.date and e.date.endswith("09-12"))
    assert (undated.date, undated.date_inferred) == ("2024-09-12", True)


@pytest.mark.parametrize(("source", "stored"), [("partial", "2025-06-06"), ("dateline", "--06-06")])
def test_a_named_weekday_picks_the_one_year_of_an_office_span_where_the_day_is_one(
    store: Store, source: str, stored: str
) -> None:
    """Only where the sentence gave the day: a dateline's day ("SANTIAGO, June 6 – … met on Friday") need
    not be the Friday."""
    body = ["Talks in Santiago (friday)", "Ingrid Solberg and Pablo Rojas met in Santiago on Friday, June 6."]
    told = happened("meet", "--06-06", [SOLBERG, ROJAS], body, 1)
    undated = article("friday", body, None, [replace(told, date=replace(told.date, source=source))])
    ingest_results(
        store,
        [
            solberg_rojas("first", "2022-03-01", "2022-03-01", [SOLBERG, ROJAS]),
            solberg_rojas("last", "2025-03-01", "2025-03-01", [SOLBERG, ROJAS]),
            undated,
        ],
    )
    friday = next(e for e in events(store, country="NOR") if e.date and e.date.endswith("06-06"))
    assert friday.date == stored  # June 6 is a Friday in 2025 only
    assert ("weekday" in (friday.sources[0].date_note or "")) == (source == "partial")


def test_a_report_left_without_a_year_says_why(store: Store) -> None:
    ingest_results(store, [solberg_rojas("undated", None, "--10-01", [SOLBERG, ROJAS])])
    (meet,) = events(store, country="NOR")
    assert (meet.date, meet.date_inferred) == ("--10-01", False)
    assert (meet.sources[0].date_note or "").startswith("no year: the report gives 10-01 only")


def test_a_report_of_several_days_keeps_its_last_day(store: Store) -> None:
    talks = solberg_rojas("talks", "2024-06-06", "2024-06-03", [SOLBERG, ROJAS])
    (stated,) = talks.events
    talks = replace(talks, events=(replace(stated, date=replace(stated.date, end="2024-06-05")),))
    ingest_results(store, [talks])
    (meet,) = events(store, country="NOR")
    assert (meet.date, meet.sources[0].date_end) == ("2024-06-03", "2024-06-05")


def test_queries_answer_by_party_type_date_text_and_id(store: Store) -> None:
    ingest_results(
        store, [report_a(), report_b(), solberg_rojas("march", "2024-03-01", "2024-03-01", [SOLBERG, ROJAS])]
    )
    assert [(p.affiliation, p.events, p.by_type) for p in partners(store, "nor")] == [
        ("CHL", 3, {"call": 1, "meet": 2})
    ]
    assert [e.date for e in events(store, type="meet", since="2024-01-01", country="NOR")] == ["2024-03-01"]
    assert [e.type for e in events(store, until="2023-05")] == ["meet", "call"]
    assert events(store, country="JPN") == []
    (hit,) = search(store, "HYBRID threats")
    assert hit.inputs == ("a",) and "hybrid threats" in hit.snippet and len(hit.event_ids) == 2
    first = timeline(store, "CHL", "NOR")[0]
    assert event(store, first.id[:8]).id == first.id
    with pytest.raises(NotFound, match="accord events"):
        event(store, "nope")
    with pytest.raises(NotFound, match="no stored person"):
        actor(store, "Nobody Known")
    with pytest.raises(NotFound):
        timeline(store, "NOR", "nor")
