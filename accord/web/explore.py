"""What the events page needs beyond its view: downloads of exactly the filtered events (CSV or JSON,
streamed), the event types' colours as a stylesheet, and the template helpers for facet and sort links
and for marking a search's words in a snippet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse
from jinja2 import Environment
from markupsafe import Markup, escape
from starlette.datastructures import URL, QueryParams

from accord import colours
from accord.exports import json_array_text, text_of
from accord.store.explore_queries import filtered_events
from accord.web.views import ChosenDep, StoreDep

__all__ = ["add_helpers", "router"]

router = APIRouter(include_in_schema=False)
PAGING = ("page", "size")


@router.get("/events.csv")
def events_csv(store: StoreDep, chosen: ChosenDep) -> Response:
    """The filtered events as `accord export --format csv` writes them, every page, in the page's order."""
    found = filtered_events(store, chosen.filter, chosen.sort, chosen.order == "newest")
    return download(text_of("csv")(found), "text/csv; charset=utf-8", "events.csv")


@router.get("/events.json")
def events_json(store: StoreDep, chosen: ChosenDep) -> Response:
    """The filtered events as one JSON array (as `accord events --json` prints them), every page."""
    found = filtered_events(store, chosen.filter, chosen.sort, chosen.order == "newest")
    return download(json_array_text(found), "application/json", "events.json")


def download(pieces: Iterable[str], media_type: str, name: str) -> Response:
    """A response written as `pieces` come, which the browser saves as the file `name`."""
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return StreamingResponse(iter(pieces), media_type=media_type, headers=headers)


@router.get("/types.css")
def type_colours() -> Response:
    """The event types' colours (`accord.colours`) as CSS custom properties."""
    return Response(colours.css(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})


def link(url: URL, **changes: str | None) -> str:
    """This page's link (relative) with some parameters set or, given None, removed, back on page one (at
    the same page size)."""
    params = [(k, v) for k, v in QueryParams(url.query).multi_items() if k not in changes and k != "page"]
    params += [(k, v) for k, v in changes.items() if v is not None]
    moved = url.replace_query_params(**dict(params))
    return f"{moved.path}?{moved.query}" if moved.query else moved.path


def download_url(url: URL, extension: str) -> str:
    """The download of exactly this page's filtered events: same filters and order, every page."""
    kept = [(k, v) for k, v in QueryParams(url.query).multi_items() if k not in PAGING]
    moved = url.replace(path=f"/events.{extension}").replace_query_params(**dict(kept))
    return f"{moved.path}?{moved.query}" if moved.query else moved.path


def facet_url(url: URL, facet: str, value: str, selected: bool) -> str:
    """Keep only the events with this value, or, when it is already chosen, let go of it."""
    if facet == "year":
        return link(url, since=None, until=None) if selected else link(url, since=value, until=value)
    return link(url, **{facet: None if selected else value})


def sort_url(url: URL, column: str) -> str:
    """Sort by a column: the date toggles newest/oldest first; another column ascends, then descends."""
    current = QueryParams(url.query).get("sort")
    if column == "date":
        return link(url, sort=None, order="oldest" if sort_state(url, "date") == "descending" else "newest")
    return link(url, sort=f"-{column}" if current == column else column)


def sort_state(url: URL, column: str) -> str | None:
    """How the page is sorted by `column` ("ascending", "descending") or None, for `aria-sort`."""
    params = QueryParams(url.query)
    current = params.get("sort")
    if column == "date":
        newest = params.get("order", "newest") == "newest"
        return None if current else ("descending" if newest else "ascending")
    if current and current.lstrip("-") == column:
        return "descending" if current.startswith("-") else "ascending"
    return None


def highlight(text: str, query: str) -> Markup:
    """`text`, escaped, with every occurrence of the search's words (any case, any spacing) marked."""
    words = query.split()
    if not words:
        return escape(text)
    pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
    pieces, at = [], 0
    for found in pattern.finditer(text):
        pieces += [
            escape(text[at : found.start()]),
            Markup("<mark>"),
            escape(found.group()),
            Markup("</mark>"),
        ]
        at = found.end()
    return Markup("").join([*pieces, escape(text[at:])])


def add_helpers(env: Environment) -> None:
    """Give the templates the link helpers, the highlighter and the type colours."""
    env.globals.update(
        facet_url=facet_url,
        sort_url=sort_url,
        sort_state=sort_state,
        download_url=download_url,
        TYPE_COLOURS=colours.TYPE_COLOURS,
    )
    env.filters["highlight"] = highlight
