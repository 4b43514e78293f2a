"""The store's tables (SQLAlchemy Core): `metadata` as migration step 1 creates them, `added` as later
steps add them.

Documents are keyed by a hash of their normalised cleaned text and keep every source they came from;
event mentions (one per extracted event) point at the fused event they belong to; people, aliases and
offices hold what the texts say about who held which office when; `extractions` says which extractor read
each document; `unasserted_mentions` keeps what the articles say was planned, hypothetical, denied or only
reported, with its mode and the event as `accord extract` writes it, apart from every event; `name_keys`
index each person's family names for identity matching, and `identity_links` records why an alias was
linked to a person (at ingest, or merged and split by a curator). JSON lists are stored as text so the same schema runs on SQLite and PostgreSQL. A change
here must come with a new step in `migrations.py`. The SQL views for analysts (`event_summary`,
`events_with_participants`, `events_with_sources`) are read-only joins of these tables, made by step 5
(`migrations.ANALYST_VIEWS`).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(40)

migrations = Table(
    "migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_source", String(32)),
    Column("minhash", LargeBinary, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

dropped_lines = Table(
    "dropped_lines",
    metadata,
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", Text),
)

sources = Table(
    "sources",
    metadata,
    Column("id", ID, primary_key=True),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("input_id", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("format", String(16)),
    Column("similarity", Float, nullable=False),
    Column("added_at", String(32), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("party_key", Text, nullable=False),
    Column("merge_key", Text, nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("date_inferred", Boolean, nullable=False, default=False),
    Column("city", Text),
    Column("country", String(8)),
    Column("improvements", Text, nullable=False, default="[]"),
    Column("conflicts", Text, nullable=False, default="[]"),
    # Added by step 5 (`add_fusion_index`, which adds the column to older stores): the day fusion looks
    # for other reports around, its date or, without a day, its first report's publication date.
    Column("day", String(10)),
    Index("ix_events_type_party", "type", "party_key"),
    Index("ix_events_date", "date"),
)

event_parties = Table(
    "event_parties",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("affiliation", String(16), primary_key=True, index=True),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_id", ID, ForeignKey("events.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("plover_code", String(16), nullable=False),
    Column("plover_mode", String(16)),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("date_source", String(32)),
    Column("date_in_text", Text),
    Column("date_inferred", Boolean, nullable=False, default=False),
    Column("date_note", Text),
    Column("date_end", String(10)),  # the last day of an occasion of several days, as its report states it
    Column("city", Text),
    Column("country", String(8)),
    Column("topics", Text, nullable=False, default="[]"),
    Column("merge_reason", Text, nullable=False),
)

participants = Table(
    "participants",
    metadata,
    Column("mention_id", ID, ForeignKey("event_mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text),
    Column("role", Text),
    Column("affiliation", String(16)),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("span_text", Text),
    Column("person_id", ID, ForeignKey("people.id"), index=True),
    Column("inferred", Text, nullable=False, default=""),
    # where the affiliation was read (`records.AFFILIATION_SOURCES`) and the weaker evidence that disagreed
    # (JSON list of {"affiliation", "source"}); added by migration step 11
    Column("affiliation_source", String(16)),
    Column("affiliation_conflicts", Text, nullable=False, default="[]"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("mention_id", ID, ForeignKey("event_mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

people = Table(
    "people",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("surname", Text, nullable=False, index=True),
)

aliases = Table(
    "aliases",
    metadata,
    Column("key", Text, primary_key=True),
    Column("person_id", ID, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
)

offices = Table(
    "offices",
    metadata,
    Column("id", ID, primary_key=True),
    Column("person_id", ID, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("role", Text),
    Column("affiliation", String(16)),
)

office_evidence = Table(
    "office_evidence",
    metadata,
    Column("office_id", ID, ForeignKey("offices.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("date", String(10)),
    Column("text", Text, nullable=False),
)

# Tables added by later migration steps, each step creating its own. They stay out of `metadata`, so step 1
# creates exactly the version-1 schema forever and a new database goes through the same steps as an old one.
added = MetaData()

extractions = Table(
    "extractions",
    added,
    Column("document_id", ID, ForeignKey(documents.c.id, ondelete="CASCADE"), primary_key=True),
    Column("extractor", Text, nullable=False),
    Column("extracted_at", String(32), nullable=False),
)

unasserted_mentions = Table(
    "unasserted_mentions",
    added,
    Column("id", ID, primary_key=True),
    Column("document_id", ID, ForeignKey(documents.c.id, ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("mode", String(16), nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("date", String(10)),
    Column("event", Text, nullable=False),
)

# Analysts' corrections, applied on top of what extraction produced and never deleted: an undo is one more
# row (`undoes`). `event_id` is the event the correction applies to now (moved when re-extraction gives the
# event a new id); `target` describes that event as extraction gave it (type, date, parties, evidence
# sentences), so a re-extracted event can be found again.
corrections = Table(
    "corrections",
    added,
    Column("id", ID, primary_key=True),
    Column("kind", String(16), nullable=False, index=True),
    Column("event_id", ID, index=True),
    Column("target", Text, nullable=False, default="{}"),
    Column("field", Text),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("undoes", ID, index=True),
    Column("reason", Text, nullable=False),
    Column("made_by", Text, nullable=False),
    Column("made_at", String(32), nullable=False),
)

# The near-duplicate index: one row per band hash of each document's MinHash signature (`store.dedup`).
document_bands = Table(
    "document_bands",
    added,
    Column("hash", BigInteger, primary_key=True),
    Column("document_id", ID, ForeignKey(documents.c.id, ondelete="CASCADE"), primary_key=True),
)


# One row whose count every writer on PostgreSQL raises inside its transaction (migration step 12): a reader
# sees the new count only once the commit is visible, so caches keyed by it never keep older data under a
# newer version, and writes to the server's other databases (which move its write-ahead log position, the
# version used before) no longer throw the caches away.
store_version = Table(
    "store_version",
    added,
    Column("id", Integer, primary_key=True),
    Column("count", BigInteger, nullable=False),
)


def tables() -> list[Table]:
    """Every table of the current schema, each after the tables it refers to."""
    return [*metadata.sorted_tables, *added.sorted_tables]


# Monitoring (migration step 5): what `accord watch` read from each source and each page, what is
# followed, and the alerts already sent, so a restart neither reads everything again nor repeats an alert.
watch_sources = Table(
    "watch_sources",
    added,
    Column("id", ID, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("location", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_read_at", String(32)),
    Column("last_ok_at", String(32)),
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0),
    Column("retry_at", String(32)),
    Column("documents", Integer, nullable=False, default=0),
)

watch_items = Table(
    "watch_items",
    added,
    Column("id", ID, primary_key=True),
    Column("source_id", ID, ForeignKey(watch_sources.c.id, ondelete="CASCADE"), nullable=False, index=True),
    Column("location", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", String(40)),
    Column("document_id", ID),
    Column("seen_at", String(32), nullable=False),
)

follows = Table(
    "follows",
    added,
    Column("id", ID, primary_key=True),
    Column("kind", String(8), nullable=False),
    Column("target", Text, nullable=False),
    Column("added_at", String(32), nullable=False),
)

alerts = Table(
    "alerts",
    added,
    Column("event_id", ID, primary_key=True),
    Column("follow_id", ID, ForeignKey(follows.c.id, ondelete="CASCADE"), primary_key=True),
    Column("alert", Text, nullable=False),  # the `Alert` as JSON, as last reported
    Column("sources", Integer, nullable=False),
    Column("first_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("delivered", Boolean, nullable=False, default=False),
)

name_keys = Table(
    "name_keys",
    added,
    Column("key", String(16), primary_key=True),
    Column("person_id", ID, ForeignKey(people.c.id, ondelete="CASCADE"), primary_key=True, index=True),
)

identity_links = Table(
    "identity_links",
    added,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", ID, ForeignKey(people.c.id, ondelete="CASCADE"), nullable=False, index=True),
    Column("alias", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("score", Float),
    Column("at", String(32), nullable=False),
)
