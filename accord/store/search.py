"""Search over the text of stored articles: which articles say something, a snippet around it, and the
events each one reported."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select

from accord.errors import NotFound
from accord.store import schema
from accord.store.db import Store
from accord.store.records import SearchHit

__all__ = ["matching", "needle_of", "search", "snippet"]


def matching(needle: str) -> ColumnElement[bool]:
    """A condition on the documents table: the text contains `needle`, in any case."""
    return schema.documents.c.text.icontains(needle, autoescape=True)


def needle_of(query: str) -> str:
    """The words of a search with their spacing normalised, or `NotFound` when there are none."""
    needle = " ".join(query.split())
    if not needle:
        raise NotFound("search needs some text, e.g. accord search 'hybrid threats'")
    return needle


def search(store: Store, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
    """Articles whose text contains `query` (any case), newest first, with a snippet and their events.

    `offset` and `limit` pick one page of them; the inputs and events of that page come in one query each.
    """
    d, s, m = schema.documents, schema.sources, schema.event_mentions
    needle = needle_of(query)
    with store.read() as conn:
        rows = conn.execute(
            select(d.c.id, d.c.title, d.c.published, d.c.text)
            .where(matching(needle))
            .order_by(d.c.published.desc(), d.c.id)
            .offset(offset)
            .limit(limit)
        ).all()
        ids = [row.id for row in rows]
        inputs: dict[str, list[str]] = {}
        for document_id, input_id in conn.execute(
            select(s.c.document_id, s.c.input_id).where(s.c.document_id.in_(ids)).order_by(s.c.input_id)
        ):
            inputs.setdefault(document_id, []).append(input_id)
        events: dict[str, dict[str, None]] = {}
        for document_id, event_id in conn.execute(
            select(m.c.document_id, m.c.event_id).where(m.c.document_id.in_(ids)).order_by(m.c.position)
        ):
            events.setdefault(document_id, {})[event_id] = None
    return [
        SearchHit(
            row.id,
            row.title,
            row.published,
            snippet(row.text, needle),
            tuple(inputs.get(row.id, ())),
            tuple(events.get(row.id, ())),
        )
        for row in rows
    ]


def snippet(text: str, needle: str) -> str:
    """The words around the first match of `needle`, with an ellipsis where the text goes on."""
    at = text.casefold().find(needle.casefold())
    start, end = max(0, at - 80), min(len(text), at + len(needle) + 80)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")
