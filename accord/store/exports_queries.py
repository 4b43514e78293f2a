"""What the analyst outputs ask beyond the common queries: the offices of the people in a set of events."""

from __future__ import annotations

from collections.abc import Iterable

from accord.store.actors import find_person
from accord.store.db import Store
from accord.store.queries import offices_of
from accord.store.records import Office

__all__ = ["offices"]


def offices(store: Store, names: Iterable[str]) -> dict[str, tuple[Office, ...]]:
    """The offices the texts give each named person, by the name asked; people not stored are left out."""
    held: dict[str, tuple[Office, ...]] = {}
    with store.read() as conn:
        for name in names:
            found = find_person(conn, name)
            if found:
                held[name] = offices_of(conn, found[0])
    return held
