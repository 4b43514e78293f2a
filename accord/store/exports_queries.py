"""What the analyst outputs ask beyond the common queries: every filtered event a chunk at a time, so an
export of any size is written as it is read, and the offices of the people in a set of events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from accord.store import terms
from accord.store.actors import find_person
from accord.store.db import Store
from accord.store.people_queries import offices_of
from accord.store.queries import CHUNK, event_ids, in_order, load_in_order
from accord.store.records import FusedEvent, Office

__all__ = ["iter_events", "offices"]


def iter_events(
    store: Store,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    chunk: int = CHUNK,
) -> Iterator[FusedEvent]:
    """The events `queries.events` returns, in the same order, loaded `chunk` at a time.

    The ids come first, in order, from the date index (one short string per event); each chunk of events
    is then loaded with its sources and participants and handed on before the next is read, all in one
    snapshot of the store.
    """
    with store.read() as conn:
        query = event_ids(type, since, until, terms.party(conn, country) if country else None)
        ids = [i for part, keys in in_order() for i in conn.scalars(query.where(part).order_by(*keys))]
        for start in range(0, len(ids), chunk):
            yield from load_in_order(conn, ids[start : start + chunk])


def offices(store: Store, names: Iterable[str]) -> dict[str, tuple[Office, ...]]:
    """The offices the texts give each named person, by the name asked; people not stored are left out."""
    held: dict[str, tuple[Office, ...]] = {}
    with store.read() as conn:
        for name in names:
            found = find_person(conn, name)
            if found:
                held[name] = offices_of(conn, found[0])
    return held
