"""Affiliations in the store, against SQLite and PostgreSQL: where each was read, what the store knows of a
person's offices near an event's date, conflicts kept, migration step 11."""

from __future__ import annotations

from dataclasses import replace

from records_builder import article
from sqlalchemy import delete, select, text, update
from store_articles import happened

from accord.exports import participant_rows
from accord.records import AffiliationConflict, Extraction, Participant
from accord.store import Store, event, events, ingest_results, open_store, schema
from accord.store_views import people

SATO = "Kenji Sato"


def report(
    input_id: str, date: str, affiliation: str | None, source: str | None, city: str = "Lisbon"
) -> Extraction:
    """Sato meets Ana Ruiz of Portugal; Sato's affiliation as given, read as `source` says."""
    body = [f"Talks in {city} ({input_id})", f"Defence Minister {SATO} met Ana Ruiz in {city}."]
    meet = happened(
        "meet", date, [(SATO, "defence minister", affiliation), ("Ana Ruiz", None, "PRT")], body, 1
    )
    sato, ruiz = meet.participants
    meet = replace(
        meet,
        participants=(
            replace(sato, affiliation_source=source if affiliation else None),
            replace(ruiz, affiliation_source="sentence"),
        ),
    )
    return article(input_id, body, date, [meet])


def sato_in(store: Store, date: str) -> object:
    (found,) = [e for e in events(store) if e.date == date]
    return next(p for p in found.participants if p.name == SATO)


def test_a_missing_affiliation_comes_from_offices_other_articles_give_near_that_date(store: Store) -> None:
    ingest_results(
        store,
        [
            report("tokyo", "2024-03-01", "JPN", "sentence"),
            report("later", "2024-09-10", None, None),
            report("years", "2028-01-10", None, None),  # four years on: the office may have changed
        ],
    )
    later = sato_in(store, "2024-09-10")
    assert (later.affiliation, later.affiliation_source, later.inferred) == ("JPN", "store", ("affiliation",))
    years = sato_in(store, "2028-01-10")
    assert (years.affiliation, years.affiliation_source) == (None, None)


def test_the_store_outranks_a_guess_which_stays_as_a_conflict_and_teaches_no_office(store: Store) -> None:
    ingest_results(
        store,
        [
            report("tokyo", "2024-03-01", "JPN", "sentence"),
            report("repost", "2024-03-05", "BRA", "publisher", "Brasilia"),  # a Brazilian site's guess
        ],
    )
    repost = sato_in(store, "2024-03-05")
    assert (repost.affiliation, repost.affiliation_source) == ("JPN", "store")
    assert repost.affiliation_conflicts == (AffiliationConflict("BRA", "publisher"),)
    with store.read() as conn:
        offices = set(conn.execute(select(schema.offices.c.affiliation)).scalars())
    assert "BRA" not in offices


def test_a_stated_affiliation_the_store_contradicts_keeps_the_stores_as_a_conflict(store: Store) -> None:
    ingest_results(
        store,
        [report("tokyo", "2024-03-01", "JPN", "sentence"), report("seoul", "2024-04-01", "KOR", "sentence")],
    )
    seoul = sato_in(store, "2024-04-01")
    assert (seoul.affiliation, seoul.affiliation_source) == ("KOR", "sentence")
    assert seoul.affiliation_conflicts == (AffiliationConflict("JPN", "store"),)
    shown = people(event(store, next(e.id for e in events(store) if e.date == "2024-04-01")), sources=True)
    assert "[affiliation: sentence; also JPN (store)]" in shown
    rows = [r for e in events(store) if e.date == "2024-04-01" for r in participant_rows(e)]
    sato = next(r for r in rows if r["name"] == SATO)
    assert (sato["affiliation_source"], sato["affiliation_conflicts"]) == ("sentence", "JPN (store)")


def test_across_reports_of_one_event_the_stronger_evidence_wins(store: Store) -> None:
    ingest_results(
        store,
        [
            report("guess", "2024-03-01", "JPN", "publisher"),  # a guess, and no office to outrank it
            report("stated", "2024-03-01", "JPN", "sentence"),
        ],
    )
    (meeting,) = events(store)
    assert len(meeting.sources) == 2
    sato = next(p for p in meeting.participants if p.name == SATO)
    assert (sato.affiliation, sato.affiliation_source) == ("JPN", "sentence")


def test_a_state_without_a_name_keeps_its_source(store: Store) -> None:
    body = ["Accord signed", "Kenya and Uganda signed a trade agreement."]
    signed = happened("agree", "2024-03-01", [(None, None, "KEN"), (None, None, "UGA")], body, 1)
    signed = replace(
        signed, participants=tuple(replace(p, affiliation_source="state") for p in signed.participants)
    )
    ingest_results(store, [article("kenya", body, "2024-03-01", [signed])])
    (found,) = events(store)
    assert {(p.name, p.affiliation, p.affiliation_source) for p in found.participants} == {
        (None, "KEN", "state"),
        (None, "UGA", "state"),
    }


def test_migration_11_adds_the_columns_and_marks_what_the_store_filled(store: Store, store_url: str) -> None:
    ingest_results(
        store, [report("tokyo", "2024-03-01", "JPN", "sentence"), report("later", "2024-09-10", None, None)]
    )
    with store.write() as conn:  # as an older store: no sources yet, step 11 not applied
        conn.execute(update(schema.participants).values(affiliation_source=None))
        conn.execute(delete(schema.migrations).where(schema.migrations.c.version == 11))
    store.close()
    reopened = open_store(store_url)
    with reopened.read() as conn:
        found = dict(
            conn.execute(
                text(
                    "SELECT inferred, affiliation_source FROM events_with_participants WHERE name = 'Kenji Sato'"
                )
            ).all()
        )
    assert found == {"": None, "affiliation": "store"}
    reopened.close()


def test_participants_of_extraction_keep_their_source_through_ingest(store: Store) -> None:
    participant = Participant(SATO, None, "JPN", None, "title")
    assert participant.affiliation_conflicts == ()
    ingest_results(store, [report("tokyo", "2024-03-01", "JPN", "title")])
    assert sato_in(store, "2024-03-01").affiliation_source == "title"
