"""Recorded, transactional schema migrations.

Each step has a version and a name; `migrate` applies the steps a database has not seen, each in its own
transaction together with its row in the `migrations` table, so a step is either applied and recorded or
not applied at all. Steps are never edited once released: a schema change is a new step at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select, text

from accord.errors import StoreError
from accord.store import schema
from accord.store.db import Store
from accord.store.dedup import index_documents

log = logging.getLogger(__name__)

__all__ = ["MIGRATIONS", "Migration", "migrate"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def create_tables(conn: Connection) -> None:
    """Version 1: every table and index of `schema`, which is still the version-1 schema."""
    schema.metadata.create_all(conn, checkfirst=True)


def add_extractions(conn: Connection) -> None:
    """Version 2: which extractor read each document. Documents stored before have no row: an unknown,
    older extractor, so the next ingest of their text (or `accord reextract`) reads them again."""
    schema.extractions.create(conn)


def add_unasserted_mentions(conn: Connection) -> None:
    """Version 3: statements the extractor marks unasserted. The documents stored before lack theirs, so
    which extractor read them is forgotten: the next ingest of their text, or `accord reextract`, reads
    them again."""
    schema.unasserted_mentions.create(conn)
    conn.execute(delete(schema.extractions))


# As SQL, not as `Index` objects: an index on a version-1 table would join that table's `create_all` in step 1.
# IF NOT EXISTS: a store restored from a copy may hold the index without the step's record.
SIDE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_type_country ON events (type, country)",
    "CREATE INDEX IF NOT EXISTS ix_event_parties_affiliation_event ON event_parties (affiliation, event_id)",
)


def index_sides(conn: Connection) -> None:
    """Version 4: indexes for "the events that involve a party" (`queries.involves`), which every event list
    filtered by a party and every pair page asks: the visits to a country by type and country, and a
    party's events from the index alone. Without them each such query read every visit and looked up each
    of the party's rows in the table."""
    for ddl in SIDE_INDEXES:
        conn.execute(text(ddl))


def add_document_bands(conn: Connection) -> None:
    """Version 5: the near-duplicate index in the store, filled from the stored signatures. Each ingest
    used to rebuild it in memory from every stored document (seconds and a hundred megabytes at 20,000
    articles, to add one file), and two ingests at once could not see each other's articles."""
    schema.document_bands.create(conn, checkfirst=True)  # a store taken back from a copy may hold it
    conn.execute(delete(schema.document_bands))
    documents = schema.documents
    stored = conn.execute(select(documents.c.id, documents.c.minhash).order_by(documents.c.id)).all()
    index_documents(conn, ((row.id, row.minhash) for row in stored))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, sources, events, actors", create_tables),
    Migration(2, "extractor per document", add_extractions),
    Migration(3, "unasserted mentions", add_unasserted_mentions),
    Migration(4, "indexes for the parties of events", index_sides),
    Migration(5, "near-duplicate index", add_document_bands),
)


def applied_versions(store: Store) -> set[int]:
    with store.write() as conn:
        schema.migrations.create(conn, checkfirst=True)
        return set(conn.scalars(select(schema.migrations.c.version)))


def migrate(store: Store) -> list[int]:
    """Apply the steps this database lacks, oldest first; return the versions applied."""
    done = applied_versions(store)
    newer = sorted(done - {m.version for m in MIGRATIONS})
    if newer:
        raise StoreError(
            f"the database {store.url} has schema version {max(newer)}, newer than this Accord knows; "
            "upgrade Accord (pip install -U accord)"
        )
    applied = []
    for step in MIGRATIONS:
        if step.version in done:
            continue
        with store.write() as conn:
            # Re-check inside the writer's transaction: another process may have migrated meanwhile.
            if conn.scalar(
                select(schema.migrations.c.version).where(schema.migrations.c.version == step.version)
            ):
                continue
            step.apply(conn)
            conn.execute(
                schema.migrations.insert().values(
                    version=step.version, name=step.name, applied_at=datetime.now(UTC).isoformat()
                )
            )
        log.info("applied migration %d (%s) to %s", step.version, step.name, store.url)
        applied.append(step.version)
    return applied
