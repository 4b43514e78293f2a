"""The store: one record of events across all sources, in SQLite or PostgreSQL.

`open_store(url)` connects and migrates; `ingest` stores and fuses extraction results, `reextract` reads
stored articles again with a newer extractor; the functions of `queries` answer the questions the CLI and
the web app ask, as typed records, and `unasserted` those about what was planned, denied or only reported.
"""

from __future__ import annotations

from accord.errors import StoreError
from accord.store.db import Store, connect
from accord.store.ingest import IngestSummary, Stored, ingest, ingest_results
from accord.store.migrations import migrate
from accord.store.people_queries import actor
from accord.store.queries import event, events, partners, timeline
from accord.store.records import (
    ActorProfile,
    EventSource,
    FusedEvent,
    Office,
    Partner,
    SearchHit,
    UnassertedEvent,
    as_dict,
)
from accord.store.reextract import reextract
from accord.store.search import search
from accord.store.unasserted import any_event, events_in_modes

__all__ = [
    "ActorProfile",
    "EventSource",
    "FusedEvent",
    "IngestSummary",
    "Office",
    "Partner",
    "SearchHit",
    "Store",
    "Stored",
    "UnassertedEvent",
    "actor",
    "any_event",
    "as_dict",
    "event",
    "events",
    "events_in_modes",
    "ingest",
    "ingest_results",
    "open_store",
    "partners",
    "reextract",
    "search",
    "timeline",
]


def open_store(url: str, create: bool = True) -> Store:
    """Connect to `url` and bring its schema up to date; `create=False` refuses to make a new SQLite file."""
    store = connect(url, create)
    try:
        migrate(store)
    except StoreError:
        store.close()
        raise
    return store
