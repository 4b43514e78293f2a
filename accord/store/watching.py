"""What `accord watch` remembers between polls and restarts: per source (feed, sitemap, page, folder,
WARC file) when it was read, whether that worked, when to try again, and the validators (ETag,
Last-Modified) to ask with; per page or file, the validators and the hash of the bytes last read."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Table, select, update

from accord.store import schema
from accord.store.db import Store
from accord.store.dedup import content_id

__all__ = [
    "ItemState",
    "SourceState",
    "remember_item",
    "save_source",
    "seen_item",
    "source_state",
    "sources_read",
]


@dataclass(frozen=True)
class SourceState:
    """One watched source as last read; `failures` counts the failed reads since the last success."""

    id: str
    kind: str
    location: str
    etag: str | None = None
    last_modified: str | None = None
    last_read_at: str | None = None
    last_ok_at: str | None = None
    last_error: str | None = None
    failures: int = 0
    retry_at: str | None = None
    documents: int = 0


@dataclass(frozen=True)
class ItemState:
    """One page or file as last read: validators to ask with, and the hash of its bytes."""

    location: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    document_id: str | None = None


def source_state(store: Store, kind: str, location: str) -> SourceState:
    """The stored state of a source, or a fresh one for a source never read."""
    source_id = content_id("watch", kind, location)
    w = schema.watch_sources
    with store.read() as conn:
        row = conn.execute(select(w).where(w.c.id == source_id)).first()
    return SourceState(**row._mapping) if row else SourceState(source_id, kind, location)


def upsert(conn: Connection, table: Table, key: str, values: dict[str, Any]) -> None:
    if conn.scalar(select(table.c.id).where(table.c.id == key)):
        conn.execute(update(table).where(table.c.id == key).values(**values))
    else:
        conn.execute(table.insert().values(id=key, **values))


def save_source(store: Store, state: SourceState) -> None:
    """Record a source's state after a read."""
    values = {k: v for k, v in asdict(state).items() if k != "id"}
    with store.write() as conn:
        upsert(conn, schema.watch_sources, state.id, values)


def sources_read(store: Store) -> list[SourceState]:
    """Every source `accord watch` has read, most recently read first."""
    w = schema.watch_sources
    with store.read() as conn:
        rows = conn.execute(select(w).order_by(w.c.last_read_at.desc(), w.c.location)).all()
    return [SourceState(**row._mapping) for row in rows]


def seen_item(store: Store, location: str) -> ItemState | None:
    """How a page or file was when last read, or None if it never was."""
    i = schema.watch_items
    with store.read() as conn:
        row = conn.execute(
            select(i.c.location, i.c.etag, i.c.last_modified, i.c.content_hash, i.c.document_id).where(
                i.c.id == content_id("item", location)
            )
        ).first()
    return ItemState(**row._mapping) if row else None


def remember_item(store: Store, source: SourceState, item: ItemState, seen_at: str) -> None:
    """Record that a page or file was read (once what it held is stored, so a crash reads it again)."""
    values = {**asdict(item), "source_id": source.id, "seen_at": seen_at}
    with store.write() as conn:
        if not conn.scalar(select(schema.watch_sources.c.id).where(schema.watch_sources.c.id == source.id)):
            conn.execute(
                schema.watch_sources.insert().values(id=source.id, kind=source.kind, location=source.location)
            )
        upsert(conn, schema.watch_items, content_id("item", item.location), values)
