"""Edits from the browser, with `accord serve --allow-edits`: the review forms of the event page (reject,
restore, confirm, correct) and the merge form of the actor page, each calling the same library function as
the command line (`accord.store.corrections`).

Without --allow-edits none of this is mounted: the app has only GET routes, and a POST is refused (405).
With it, an editor signs in once by opening the link with the token `accord serve` prints (a cookie,
HttpOnly and SameSite=Strict, keeps it). A POST is taken only with that cookie, the form's own token (derived
from it, so only a page this server rendered holds it), and the browser saying the request comes from this
very origin (`Origin`, and `Sec-Fetch-Site` when sent): a form on another site, even another port of this
host, is refused (403).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from accord.errors import AccordError
from accord.store import Store, actor
from accord.store.corrections import Changes, confirm, correct, merge_people, reject, restore

__all__ = ["COOKIE", "Editing", "form_token", "mount_edits"]

COOKIE = "accord_edit"
# Same-origin requests name their origin, so a form post can be told from another site's; other sites
# still get no referrer.
REFERRER_POLICY = "same-origin"


@dataclass(frozen=True)
class Editing:
    """The secret `accord serve --allow-edits` prints; the forms carry a token derived from it."""

    token: str

    @property
    def form_token(self) -> str:
        return hmac.new(self.token.encode(), b"accord edit form", hashlib.sha256).hexdigest()


def editing_of(request: Request) -> Editing | None:
    editing: Editing | None = getattr(request.app.state, "editing", None)
    return editing


def signed_in(request: Request) -> Editing | None:
    """The editing secret when edits are allowed and this browser holds the cookie, else None."""
    editing = editing_of(request)
    cookie = request.cookies.get(COOKIE, "")
    return editing if editing and hmac.compare_digest(cookie, editing.token) else None


def form_token(request: Request) -> str | None:
    """What the templates put in each form (None: show no form)."""
    editing = signed_in(request)
    return editing.form_token if editing else None


def own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', '')}"


async def checked_form(request: Request) -> dict[str, str]:
    """The posted form, once the request has shown it comes from a page of this server; else 403."""
    editing = signed_in(request)
    if editing is None:
        raise HTTPException(403, "sign in first: open the edit link `accord serve --allow-edits` printed")
    if request.headers.get("origin") != own_origin(request):
        raise HTTPException(403, "refused: the form was not sent from this site")
    if request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
        raise HTTPException(403, "refused: the form was not sent from this site")
    form = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
    if not hmac.compare_digest(form.get("csrf", ""), editing.form_token):
        raise HTTPException(403, "refused: the form's token is missing or stale; reload the page")
    return {key: value.strip() for key, value in form.items()}


def given(form: dict[str, str], key: str) -> str | None:
    return form.get(key) or None


def event_action(store: Store, event_id: str, form: dict[str, str]) -> Any:
    """Run the event page's form through the library, as the command of the same name would."""
    action, reason, by = form.get("action"), form.get("reason", ""), given(form, "by")
    if action == "correct":
        changes = Changes(
            given(form, "date"),
            given(form, "type"),
            given(form, "city"),
            given(form, "country"),
            given(form, "participant"),
            given(form, "name"),
            given(form, "role"),
            given(form, "affiliation"),
            given(form, "remove_participant"),
        )
        return correct(store, event_id, changes, reason or "corrected on the web", by)
    actions: dict[str, Callable[..., Any]] = {"reject": reject, "restore": restore, "confirm": confirm}
    if action not in actions:
        raise HTTPException(
            422, f"unknown action {action!r}; the forms send {', '.join([*actions, 'correct'])}"
        )
    if action == "reject" and not reason:
        raise HTTPException(422, "a rejection needs a reason")
    return actions[action](store, event_id, reason, by)


def actor_action(store: Store, name: str, form: dict[str, str]) -> Any:
    """Run the actor page's forms: merge another spelling into this person, or correct this person's role
    or affiliation in one of their events."""
    reason, by = form.get("reason", ""), given(form, "by")
    if not reason:
        raise HTTPException(422, "a correction needs a reason")
    if form.get("action") == "correct":
        shown = actor(store, name).name
        changes = Changes(participant=shown, role=given(form, "role"), affiliation=given(form, "affiliation"))
        return correct(store, form.get("event_id", ""), changes, reason, by)
    if not form.get("same_as"):
        raise HTTPException(422, "a merge needs the other person's name")
    return merge_people(store, name, form["same_as"], reason, by)


def mount_edits(app: FastAPI, editing: Editing) -> None:
    """The sign-in link and the POST twins of the event and actor pages."""
    app.state.editing = editing

    async def sign_in(request: Request, token: str = "") -> Response:
        if not hmac.compare_digest(token, editing.token):
            raise HTTPException(403, "wrong edit token; use the link `accord serve --allow-edits` printed")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, editing.token, httponly=True, samesite="strict")
        return response

    async def edit_event(request: Request, event_id: str) -> Response:
        form = await checked_form(request)
        await run(lambda: event_action(request.app.state.store, event_id, form))
        return RedirectResponse(f"/event/{quote(event_id, safe='')}", status_code=303)

    async def edit_actor(request: Request, name: str) -> Response:
        form = await checked_form(request)
        store = request.app.state.store
        await run(lambda: actor_action(store, name, form))
        return RedirectResponse(f"/actor/{quote(name, safe='')}", status_code=303)

    for path, endpoint, methods in (
        ("/edit", sign_in, ["GET"]),
        ("/event/{event_id}", edit_event, ["POST"]),
        ("/actor/{name}", edit_actor, ["POST"]),
    ):
        app.add_api_route(path, endpoint, methods=methods, include_in_schema=False)


async def run(action: Callable[[], Any]) -> None:
    """A library call off the event loop; what it refuses becomes a 400 with its one-line message."""
    try:
        await run_in_threadpool(action)
    except AccordError as error:
        raise HTTPException(400, str(error)) from None
