"""What a store holds, without when it was written: two runs over the same input (one process, a pool of
workers, a Dask cluster; SQLite or PostgreSQL) must give equal snapshots."""

from __future__ import annotations

import re

from sqlalchemy import select

from accord.store import schema
from accord.store.db import Store

TIME_COLUMNS = re.compile(r"_at$")  # when a row was written differs between runs; nothing else may

Snapshot = dict[str, list[tuple[object, ...]]]


def snapshot(store: Store) -> Snapshot:
    """Every row of every table but the clock columns, sorted."""
    tables: Snapshot = {}
    with store.read() as conn:
        for table in schema.tables():
            columns = [c for c in table.columns if not TIME_COLUMNS.search(c.name)]
            rows = conn.execute(select(*columns)).all()
            tables[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return tables


def differences(first: Snapshot, second: Snapshot) -> list[str]:
    """The tables whose rows differ, each with how many rows the two snapshots hold."""
    return [
        f"{name}: {len(first.get(name, []))} rows against {len(second.get(name, []))}"
        for name in sorted(set(first) | set(second))
        if first.get(name) != second.get(name)
    ]
