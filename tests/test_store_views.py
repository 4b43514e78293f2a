"""The SQL views migration step 5 makes for analysts who browse the store in datasette or a SQL client,
on SQLite and PostgreSQL: they agree with what the store's queries return."""

from __future__ import annotations

from sqlalchemy import text
from synthetic_store import fill

from accord.store import Store, events
from accord.store.migrations import ANALYST_VIEWS


def rows(store: Store, sql: str) -> list[dict[str, object]]:
    with store.read() as conn:
        return [dict(row._mapping) for row in conn.execute(text(sql))]


def test_views_list_each_event_with_its_parties_people_and_sources(store: Store) -> None:
    fill(store, 12)
    stored = {e.id: e for e in events(store)}
    summary = {r["event_id"]: r for r in rows(store, "SELECT * FROM event_summary")}
    assert set(summary) == set(stored)
    for event_id, event in stored.items():
        row = summary[event_id]
        assert str(row["parties"]).split("; ") == list(event.parties)
        assert sorted(str(row["participants"]).split("; ")) == sorted(
            p.name or "" for p in event.participants
        )
        assert row["n_sources"] == len(event.sources) and row["title"]
    people = rows(store, "SELECT event_id, name, affiliation FROM events_with_participants ORDER BY event_id")
    assert len(people) == sum(len(e.participants) for e in stored.values())
    assert all(p["affiliation"] in stored[str(p["event_id"])].parties for p in people)
    sources = rows(store, "SELECT event_id, input_id FROM events_with_sources")
    assert sorted((s["event_id"], s["input_id"]) for s in sources) == sorted(
        (e.id, s.input_id) for e in stored.values() for s in e.sources
    )


def test_every_view_is_made(store: Store) -> None:
    with store.read() as conn:
        for name in ANALYST_VIEWS:
            assert conn.execute(text(f"SELECT count(*) FROM {name}")).scalar() == 0
