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

from sqlalchemy import Connection, delete, inspect, select, text, update

from accord.errors import StoreError
from accord.store import schema
from accord.store.db import Store
from accord.store.identity import backfill_fusion_index, index_name

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


# One row per event with its parties, people and counts; one per event and participant; one per event and
# source. Plain SQL over the tables, so datasette (or any SQL client) shows the record without joins.
# `{agg}` is the dialect's string aggregate.
ANALYST_VIEWS = {
    "event_summary": """
        SELECT e.id AS event_id, e.type, e.date, e.date_precision, e.date_inferred, e.city, e.country,
          (SELECT {agg}(ep.affiliation, '; ') FROM event_parties ep WHERE ep.event_id = e.id) AS parties,
          (SELECT {agg}(named.name, '; ') FROM (SELECT DISTINCT p.name FROM participants p
            JOIN event_mentions m ON m.id = p.mention_id WHERE m.event_id = e.id AND p.name IS NOT NULL) named)
            AS participants,
          (SELECT count(*) FROM event_mentions m JOIN sources s ON s.document_id = m.document_id
            WHERE m.event_id = e.id) AS n_sources,
          (SELECT min(d.title) FROM event_mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.event_id = e.id) AS title
        FROM events e""",
    "events_with_participants": """
        SELECT DISTINCT e.id AS event_id, e.type, e.date, e.city, e.country, p.name, p.role, p.affiliation,
          p.inferred, p.person_id
        FROM events e JOIN event_mentions m ON m.event_id = e.id JOIN participants p ON p.mention_id = m.id""",
    "events_with_sources": """
        SELECT DISTINCT e.id AS event_id, e.type, e.date, s.input_id, s.path, s.url, s.outlet, s.title,
          s.published, m.document_id
        FROM events e JOIN event_mentions m ON m.event_id = e.id JOIN sources s ON s.document_id = m.document_id""",
}


def add_analyst_views(conn: Connection) -> None:
    """Version 5: SQL views for analysts who browse the store in datasette or a SQL client:
    `event_summary` (one row per event, parties and named participants listed, sources counted),
    `events_with_participants` and `events_with_sources` (one row per event and participant or source)."""
    postgres = conn.dialect.name == "postgresql"
    create = "CREATE OR REPLACE VIEW" if postgres else "CREATE VIEW IF NOT EXISTS"
    agg = "string_agg" if postgres else "group_concat"
    for name, query in ANALYST_VIEWS.items():
        conn.execute(text(f"{create} {name} AS {query.format(agg=agg)}"))


def add_corrections(conn: Connection) -> None:
    """Version 6: analysts' corrections (reject, correct, confirm, merge and split people, undo), kept
    apart from what extraction writes so re-extraction never loses them."""
    schema.corrections.create(conn, checkfirst=True)  # a store restored from a copy may hold it


def add_monitoring(conn: Connection) -> None:
    """Version 7: `accord watch`'s memory of its sources and pages, what is followed, and alerts sent.
    `checkfirst`: a store restored from a copy may hold the tables without the step's record."""
    for table in (schema.watch_sources, schema.watch_items, schema.follows, schema.alerts):
        table.create(conn, checkfirst=True)


FUSION_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_type_party_day ON events (type, party_key, day)",
    "CREATE INDEX IF NOT EXISTS ix_events_type_day ON events (type, day)",
    "CREATE INDEX IF NOT EXISTS ix_aliases_person ON aliases (person_id)",
)


def add_fusion_index(conn: Connection) -> None:
    """Version 8: what fusion and identity look things up by, so ingest time per article does not grow with
    the store. `events.day` (a new store has it from step 1, whose tables follow `schema`) with indexes for
    the events of one type and parties near a day; `name_keys`, each person's family names, for the people
    a variant of a name may be; `identity_links`, why each alias belongs to its person. Stored events get
    their day from their date, or from their first report's publication date; stored people their keys."""
    if "day" not in {column["name"] for column in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN day VARCHAR(10)"))
    for ddl in FUSION_INDEXES:
        conn.execute(text(ddl))
    schema.name_keys.create(conn, checkfirst=True)  # like the indexes: a restored store may hold them
    schema.identity_links.create(conn, checkfirst=True)
    backfill_fusion_index(conn)


def add_document_bands(conn: Connection) -> None:
    """Version 9: the near-duplicate index in the store, filled from the stored signatures. Each ingest
    used to rebuild it in memory from every stored document (seconds and a hundred megabytes at 20,000
    articles, to add one file), and two ingests at once could not see each other's articles."""
    from accord.store.dedup import index_documents  # here: it loads datasketch

    schema.document_bands.create(conn, checkfirst=True)  # a store taken back from a copy may hold it
    conn.execute(delete(schema.document_bands))
    documents = schema.documents
    stored = conn.execute(select(documents.c.id, documents.c.minhash).order_by(documents.c.id)).all()
    index_documents(conn, ((row.id, row.minhash) for row in stored))


def add_date_ends(conn: Connection) -> None:
    """Version 10: each report keeps the last day of an occasion of several days ("from 3 to 5 June");
    reports stored before have none (re-extraction gives it)."""
    if "date_end" not in {column["name"] for column in inspect(conn).get_columns("event_mentions")}:
        conn.execute(text("ALTER TABLE event_mentions ADD COLUMN date_end VARCHAR(10)"))


# The view of step 5 with where each affiliation was read; recreated, since a view's columns are fixed.
PARTICIPANTS_VIEW = """
    SELECT DISTINCT e.id AS event_id, e.type, e.date, e.city, e.country, p.name, p.role, p.affiliation,
      p.inferred, p.person_id, p.affiliation_source, p.affiliation_conflicts
    FROM events e JOIN event_mentions m ON m.event_id = e.id JOIN participants p ON p.mention_id = m.id"""


def add_affiliation_sources(conn: Connection) -> None:
    """Version 11: where each participant's affiliation was read (`affiliation_source`) and the weaker
    evidence that gave another (`affiliation_conflicts`). Participants stored before have no source (the
    extractor did not say) except those the store itself filled in, which are marked `store`; the view
    `events_with_participants` shows both columns."""
    present = {column["name"] for column in inspect(conn).get_columns("participants")}
    if "affiliation_source" not in present:  # a new store has them from step 1, whose tables follow `schema`
        conn.execute(text("ALTER TABLE participants ADD COLUMN affiliation_source VARCHAR(16)"))
    if "affiliation_conflicts" not in present:
        conn.execute(
            text("ALTER TABLE participants ADD COLUMN affiliation_conflicts TEXT NOT NULL DEFAULT '[]'")
        )
    p = schema.participants
    conn.execute(
        update(p)
        .where(p.c.affiliation_source.is_(None), p.c.inferred.like("%affiliation%"))
        .values(affiliation_source="store")
    )
    conn.execute(text("DROP VIEW IF EXISTS events_with_participants"))
    conn.execute(text(f"CREATE VIEW events_with_participants AS {PARTICIPANTS_VIEW}"))


def add_version_counter(conn: Connection) -> None:
    """Version 12: the count PostgreSQL writers raise, which `Store.version` reads there."""
    schema.store_version.create(conn, checkfirst=True)
    if conn.scalar(select(schema.store_version.c.count)) is None:
        conn.execute(schema.store_version.insert().values(id=1, count=0))


def rekey_names(conn: Connection) -> None:
    """Version 13: name keys that transliterations share ("Mohammed", "Muhammed"): every stored alias is
    indexed again under its family names' consonants, so the next ingest finds the person either way."""
    conn.execute(delete(schema.name_keys))
    for row in conn.execute(select(schema.aliases.c.person_id, schema.aliases.c.text)).all():
        index_name(conn, row.person_id, row.text)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, sources, events, actors", create_tables),
    Migration(2, "extractor per document", add_extractions),
    Migration(3, "unasserted mentions", add_unasserted_mentions),
    Migration(4, "indexes for the parties of events", index_sides),
    Migration(5, "SQL views for analysts", add_analyst_views),
    Migration(6, "analysts' corrections", add_corrections),
    Migration(7, "watched sources, follows and alerts", add_monitoring),
    Migration(8, "fusion by day, name keys and identity links", add_fusion_index),
    Migration(9, "near-duplicate index", add_document_bands),
    Migration(10, "last day of multi-day reports", add_date_ends),
    Migration(11, "where each participant's affiliation was read", add_affiliation_sources),
    Migration(12, "a version count writers raise", add_version_counter),
    Migration(13, "name keys that transliterations share", rekey_names),
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
    store.counted = True  # from now on every write raises the count `Store.version` reads
    return applied
