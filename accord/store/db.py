"""Opening the database: any SQLAlchemy URL, with one writer at a time and readers that never wait.

SQLite runs in WAL mode so readers keep reading while a writer works; a write transaction starts with
`BEGIN IMMEDIATE` so two writers queue instead of failing halfway. PostgreSQL writers take one
transaction-scoped advisory lock, which gives them the same one-at-a-time order (fusion reads candidates
and then writes, so two concurrent writers could otherwise both create the same event).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, Table, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from accord.errors import StoreError
from accord.store.memo import Memo, Records
from accord.store.records import FusedEvent

log = logging.getLogger(__name__)

WRITE = "accord_write"
WRITER_LOCK = 0x4163636F7264  # "Accord": the advisory lock every PostgreSQL writer takes
BUSY_TIMEOUT_MS = 60_000
LISTED_IDS = 250_000  # event ids kept in order for paging, in all (some 20 MB)
KEPT_EVENTS = 20_000  # whole event records kept for pages (some 100 MB)

__all__ = ["Store", "connect", "insert_ignore"]


class Store:
    """A database engine with `read()` and `write()` transactions; open it with `accord.store.open_store`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self.dialect = engine.dialect.name
        self.watcher = Watcher(engine.url.database if self.dialect == "sqlite" else None)
        self.answers = Memo(self.version)  # whole-store answers: counts, facets, pairs
        self.listings = Memo(self.version, budget=LISTED_IDS)  # ordered ids of filtered events, for paging
        self.records: Records[str, FusedEvent] = Records(self.version, KEPT_EVENTS)  # `queries.kept_events`
        self.counted = False  # whether the schema has the count writers raise (set by `migrate`)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One consistent snapshot: a reader sees whole documents or none of them."""
        with self.guard("read"), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction that only this writer holds; committed on success, rolled back on error."""
        with self.guard("write"), self.engine.connect() as conn:
            conn = conn.execution_options(**{WRITE: True})
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
                    if self.counted:
                        conn.execute(text("UPDATE store_version SET count = count + 1"))
                yield conn

    @contextmanager
    def guard(self, action: str) -> Iterator[None]:
        """Turn driver errors into a `StoreError` that names the database and says what to check."""
        try:
            yield
        except SQLAlchemyError as err:
            reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
            raise StoreError(
                f"could not {action} the database {self.url}: {reason}; check --db / ACCORD_DB and that "
                "the server is running"
            ) from err

    def version(self) -> object:
        """A value that changes whenever anyone commits a change to the database, cheap enough to ask per
        request (caches of query answers check it); None when it cannot be told (then nothing is cached).

        SQLite: `PRAGMA data_version` on a read-only connection of this store's own that never writes, so
        any commit by another connection or process moves it (a few microseconds; a file's modification
        time can stay the same across two commits). PostgreSQL: the count every writer raises inside its
        transaction (`schema.store_version`), visible only once the commit is; before the schema has it,
        nothing is cached."""
        if self.dialect == "sqlite":
            return self.watcher.version()
        if self.dialect == "postgresql" and self.counted:
            try:
                with self.engine.connect() as conn:
                    return conn.scalar(text("SELECT count FROM store_version"))
            except SQLAlchemyError:
                return None  # a server that cannot say: nothing is cached rather than something stale
        return None

    def close(self) -> None:
        self.watcher.close()
        self.engine.dispose()


class Watcher:
    """How a SQLite store's version is read: `PRAGMA data_version` on a connection opened read-only, lazily,
    and used for nothing else (the pragma ignores the commits of the connection that asks)."""

    def __init__(self, database: str | None) -> None:
        self.database = database if database and database != ":memory:" else None
        self.connection: sqlite3.Connection | None = None
        self.lock = threading.Lock()

    def version(self) -> int | None:
        if self.database is None:
            return None
        with self.lock:
            try:
                if self.connection is None:
                    uri = f"file:{quote(os.path.abspath(self.database))}?mode=ro"
                    self.connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
                row = self.connection.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error:
                return None  # unreadable here: nothing is cached rather than something stale
            return int(row[0])

    def close(self) -> None:
        with self.lock:
            if self.connection is not None:
                self.connection.close()
                self.connection = None


def sqlite_setup(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and transactions that Accord begins itself."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def connect(url: str, create: bool = True) -> Store:
    """An engine for `url`; with `create=False` a missing SQLite file is an error instead of a new file."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"{url!r} is not a database URL; use e.g. sqlite:///accord.db or "
            "postgresql+psycopg://user@host:5432/dbname"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not create and database not in ("", ":memory:") and not Path(database).exists():
            raise StoreError(
                f"there is no database at {database}; run `accord ingest PATH` first or pass --db"
            )
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ArgumentError, ImportError) as err:
        raise StoreError(
            f"cannot use the database URL {parsed.render_as_string(hide_password=True)}: {err}; "
            "Accord supports sqlite:/// and postgresql+psycopg:// URLs"
        ) from None
    if engine.dialect.name == "sqlite":
        sqlite_setup(engine)
    return Store(engine)


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key is already stored (re-ingesting changes nothing)."""
    if not rows:
        return
    if conn.dialect.name in ("sqlite", "postgresql"):
        dialect = import_module(f"sqlalchemy.dialects.{conn.dialect.name}")
        conn.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))
        return
    keys = [column.name for column in table.primary_key]
    for row in rows:
        found = conn.scalar(
            select(func.count()).select_from(table).where(*(table.c[k] == row[k] for k in keys))
        )
        if not found:
            conn.execute(table.insert().values(**row))
