"""Unasserted statements (planned, hypothetical, denied, only reported): stored with their mode, never fused,
left out of every default query, shown only where asked for; on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_articles import FM, ROJAS, SOLBERG, article, count, downgrade, happened, report_b

from accord.errors import NotFound
from accord.records import Event, Extraction, Plover
from accord.store import (
    FusedEvent,
    Store,
    UnassertedEvent,
    actor,
    any_event,
    as_dict,
    events,
    events_in_modes,
    ingest_results,
    open_store,
    partners,
    schema,
    search,
    timeline,
)

PLANS = [
    "Norway and Chile plan more talks",
    "Ingrid Solberg met Pablo Rojas in Oslo on 16 May 2023.",
    "Solberg and Rojas will meet again in Oslo on 16 May 2023, officials said by mistake.",
    "Rojas did not call the Peruvian foreign minister on 16 May 2023.",
]


def unasserted(event: Event, mode: str) -> Event:
    return replace(event, plover=Plover(event.plover.code, mode), asserted=False)


def plans(extra: bool = True) -> Extraction:
    """An article with a meeting, the same meeting as a plan (every fact alike), and a call it denies."""
    meet = happened("meet", "2023-05-16", [SOLBERG, ROJAS], PLANS, 1, "Oslo", "NOR")
    again = unasserted(happened("meet", "2023-05-16", [SOLBERG, ROJAS], PLANS, 2, "Oslo", "NOR"), "future")
    denied = unasserted(happened("call", "2023-05-16", [ROJAS, (None, FM, "PER")], PLANS, 3), "negation")
    found = article("plans", PLANS, "2023-05-17", [meet], outlet="Nordic Wire")
    return replace(found, unasserted=(again, denied) if extra else (again,))


def test_statements_are_kept_apart_and_out_of_every_default_answer(store: Store) -> None:
    summary = ingest_results(store, [plans(), report_b()])
    assert (summary.events_new, summary.events_fused) == (1, 1)
    assert count(store, schema.unasserted_mentions) == 2 and count(store, schema.event_mentions) == 2
    (meet,) = events(store)
    assert [s.input_id for s in meet.sources] == ["plans", "b"]  # the plan fused with nothing
    assert timeline(store, "NOR", "CHL") == [meet] and events(store, country="PER") == []
    assert [(p.affiliation, p.events) for p in partners(store, "CHL")] == [("NOR", 1)]
    assert [e.id for e in actor(store, "Pablo Rojas").events] == [meet.id]
    assert search(store, "did not call")[0].event_ids == (meet.id,)


def test_statements_are_shown_with_their_mode_where_asked_for(store: Store) -> None:
    ingest_results(store, [plans()])
    (plan,) = events_in_modes(store, {"future"})
    assert isinstance(plan, UnassertedEvent) and (plan.mode, plan.type, plan.date) == (
        "future",
        "meet",
        "2023-05-16",
    )
    assert plan.parties == ("CHL", "NOR") and plan.merge_key == ""
    assert [s.input_id for s in plan.sources] == ["plans"] and "will meet again" in plan.sources[0].evidence[
        0
    ]
    everything = events_in_modes(store, {"asserted", "future", "negation"})
    assert [getattr(e, "mode", "asserted") for e in everything] == ["asserted", "future", "negation"]
    assert [e.type for e in events_in_modes(store, {"negation"}, country="per")] == ["call"]
    assert events_in_modes(store, {"negation"}, country="NOR") == []
    assert (
        events_in_modes(store, {"future"}, type="call") == []
        and events_in_modes(store, {"hypothetical"}) == []
    )
    assert any_event(store, plan.id[:6]) == plan and as_dict(plan)["mode"] == "future"
    assert isinstance(any_event(store, everything[0].id), FusedEvent)
    with pytest.raises(NotFound, match="accord events"):
        any_event(store, "un-none")
    with pytest.raises(NotFound, match="the modes are asserted, future"):
        events_in_modes(store, {"wished"})


def test_reextraction_replaces_the_statements_too(store: Store) -> None:
    ingest_results(store, [plans()], extractor="old")
    assert ingest_results(store, [plans(extra=False)], extractor="new").documents_reextracted == 1
    assert [e.mode for e in events_in_modes(store, {"future", "negation"})] == ["future"]  # type: ignore[attr-defined]


def test_a_store_from_before_forgets_its_extractors_so_its_statements_are_read(store_url: str) -> None:
    store = open_store(store_url)
    ingest_results(store, [plans()])
    downgrade(store, 2, [schema.unasserted_mentions])  # back to schema version 2: no table of statements
    store.close()
    store = open_store(store_url)
    try:
        assert count(store, schema.extractions) == 0
        assert ingest_results(store, [plans()]).documents_reextracted == 1
        assert count(store, schema.unasserted_mentions) == 2
    finally:
        store.close()
