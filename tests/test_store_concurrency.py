"""The near-duplicate index the store keeps. Two ingests at the same time: one of wire stories, one of
their reprints (each with one more sentence).

Each ingest has its own engine and connections, as two `accord ingest` processes would, and both have
started before either stores anything. The store must end as if they had run one after the other: every
reprint a source of its original (or the other way round), no article or event stored twice. On SQLite
and PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from records_builder import article
from store_articles import count, downgrade, happened

from accord.records import Extraction
from accord.store import ingest_results, open_store, schema
from accord.store.db import Store
from accord.store.dedup import banding

COUNTRIES = [("NOR", "Oslo"), ("CHL", "Santiago"), ("JPN", "Tokyo"), ("KEN", "Nairobi"), ("PER", "Lima")]
TABLES = (schema.documents, schema.sources, schema.events, schema.event_mentions, schema.document_bands)


def story(number: int, reprint: bool) -> Extraction:
    """Wire story `number` (two meetings in different cities), or its reprint with a closing sentence."""
    (home, city), (guest, other) = COUNTRIES[number % 5], COUNTRIES[(number + 1) % 5]
    host, visitor = f"Minister Number{number} Host", f"Minister Number{number} Guest"
    body = [
        f"{host} of {home} met {visitor} of {guest} in {city} on 3 March 2024 for talks on trade.",
        f"The two ministers discussed fisheries quotas, port fees and research vessel access in story {number}.",
        f"Officials said the talks in round {number} lasted three hours and ended with a joint statement.",
        f"{visitor} later met {host} again in {other} on 5 March 2024 to sign the statement.",
        "Both governments said further meetings would follow in the autumn, after the harvest season.",
        f"Analysts said the agreement number {number} could double the trade between the two countries.",
    ]
    if reprint:
        body.append(f"This report number {number} was first published by a news agency and reprinted here.")
    people = [(host, "minister", home), (visitor, "minister", guest)]
    events = [
        happened("meet", "2024-03-03", people, body, 0, city),
        happened("meet", "2024-03-05", people[::-1], body, 3, other),
    ]
    name = f"{'reprint' if reprint else 'story'}{number}"
    return article(name, body, "2024-03-06", events, outlet="Reprint Daily" if reprint else "Wire")


def batch(reprint: bool) -> list[Extraction]:
    return [story(number, reprint) for number in range(6)]


def counts(store: Store) -> dict[str, int]:
    return {table.name: count(store, table) for table in TABLES}


def after_both_started(items: Sequence[Extraction], started: threading.Barrier) -> Iterator[Extraction]:
    """The extractions, the first only once the other ingest has started too (extraction is slow enough
    for that in a real run)."""
    started.wait(timeout=60)
    yield from items


def test_concurrent_ingests_of_originals_and_reprints_store_what_one_after_the_other_does(
    store_url: str, tmp_path: Path
) -> None:
    sequential = open_store(f"sqlite:///{tmp_path / 'sequential.db'}")
    ingest_results(sequential, batch(reprint=False))
    ingest_results(sequential, batch(reprint=True))
    expected = counts(sequential)
    sequential.close()
    assert expected["documents"] == 6 and expected["sources"] == 12 and expected["events"] == 12

    stores = [open_store(store_url), open_store(store_url)]
    started = threading.Barrier(2)
    failures: list[BaseException] = []

    def run(store: Store, reprint: bool) -> None:
        try:
            ingest_results(store, after_both_started(batch(reprint), started))
        except BaseException as err:  # reported by the test thread below
            failures.append(err)

    threads = [threading.Thread(target=run, args=(s, r)) for s, r in zip(stores, (False, True), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    assert counts(stores[0]) == expected
    for store in stores:
        store.close()


def test_a_store_from_before_the_index_gets_it_filled_and_finds_reprints(store_url: str) -> None:
    store = open_store(store_url)
    ingest_results(store, batch(reprint=False)[:2])
    downgrade(store, 4, [schema.document_bands])  # back to schema version 4: no index in the store
    store.close()
    store = open_store(store_url)
    try:
        assert count(store, schema.document_bands) == 2 * banding()[0]
        summary = ingest_results(store, batch(reprint=True)[:2])
        assert (summary.documents_copies, summary.documents_new) == (2, 0)
    finally:
        store.close()
