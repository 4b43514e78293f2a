"""The web app, composed in one place: the store opened at startup and closed at shutdown, security headers,
one error shape for every error, and every view mounted twice, as an HTML page and as its JSON twin.

Read-only by construction: only GET (and HEAD) routes, and the views call the store's query functions;
edits exist only when `create_app` is given an `Editing` secret (`accord serve --allow-edits`; see
`accord.web.edits`). It answers only requests addressed to the host names it was started for, so a page on
another site cannot reach it through DNS rebinding. `accord serve` runs it in several worker processes
through `app_from_environment`.
"""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import URL, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.errors import AccordError, BadQuery, NotFound, StoreError
from accord.records import EVENT_TYPES
from accord.settings import Settings
from accord.store import open_store
from accord.store.web_queries import warm
from accord.web import charts, explore
from accord.web.cache import ResponseCache
from accord.web.edits import REFERRER_POLICY, Editing, form_token, mount_edits
from accord.web.guard import LOOPBACK_HOSTS, RequestGuard
from accord.web.monitor import MONITOR_VIEW
from accord.web.views import VIEWS, View

log = logging.getLogger(__name__)

__all__ = ["ErrorBody", "app_from_environment", "create_app"]

EDIT_TOKEN_VARIABLE = "ACCORD_WEB_EDIT_TOKEN"  # the secret of `accord serve --allow-edits`, for its workers
HOSTS_VARIABLE = "ACCORD_WEB_HOSTS"  # comma-separated: how `accord serve` tells its workers their hosts
# Views over SQLite are Python work under one interpreter lock: with anyio's 40 threads, 100 requests at once
# took turns in 5 ms slices, each answer waiting for all the others, and spent CPU switching. One thread per
# worker answers pages and downloads in turn (a download streams a chunk per turn). The JSON API's views run
# on the event loop itself: a view thread and the loop handed the lock to each other at every socket read,
# and the load test took 1.5 s instead of 0.9 s (p99 0.75 s against 0.45 s). PostgreSQL views wait on the
# network: in 40 threads.
SQLITE_THREADS = 1

# No script runs on these pages, so none is allowed; styles only from our own stylesheet.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass(frozen=True)
class ErrorBody:
    """The one shape of every error the API returns."""

    status: int
    message: str


def templates() -> Jinja2Templates:
    """Templates read from the installed package, with autoescaping on for every value."""
    env = Environment(loader=PackageLoader("accord.web"), autoescape=True, undefined=StrictUndefined)
    env.globals.update(charts=charts, TYPES=EVENT_TYPES)
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["web_url"] = web_url
    env.filters["with_page"] = with_page
    explore.add_helpers(env)
    return Jinja2Templates(env=env)


def web_url(url: str | None) -> str | None:
    """A stored source URL fit for a link: http(s) only, never `javascript:` or `data:`."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def with_page(url: URL, page: int) -> str:
    """The same page's link (relative, so it works behind any host name) at another page number."""
    moved = url.include_query_params(page=page)
    return f"{moved.path}?{moved.query}"


def twin_url(request: Request, view: View) -> str:
    """The JSON twin of the page being shown: same path parameters, same query string."""
    path = view.api.format(**{k: quote(str(v), safe="") for k, v in request.path_params.items()})
    return f"{path}?{request.url.query}" if request.url.query else path


def api_endpoint(view: View) -> Callable[..., Awaitable[Any]]:
    """The JSON twin: over SQLite the view runs on the event loop (see `SQLITE_THREADS`), over PostgreSQL in
    a worker thread; inside a coroutine, so that FastAPI checks and serialises its answer on the event loop
    instead of handing that to a second worker thread."""
    handler: Callable[..., Any] = view.handler  # type: ignore[assignment]

    async def endpoint(**params: Any) -> Any:
        if params["store"].dialect == "sqlite":
            return handler(**params)
        return await run_in_threadpool(handler, **params)

    endpoint.__signature__ = inspect.signature(handler, eval_str=True)  # type: ignore[attr-defined]
    endpoint.__name__, endpoint.__doc__ = handler.__name__, handler.__doc__
    return endpoint


def page_endpoint(view: View, pages: Jinja2Templates) -> Callable[..., Response]:
    """An HTML endpoint taking the view's own parameters, so FastAPI validates both twins alike."""
    handler: Callable[..., Any] = view.handler  # type: ignore[assignment]
    signature = inspect.signature(handler, eval_str=True)

    def endpoint(request: Request, **params: Any) -> Response:
        data = handler(**params)
        context = {"data": data, "view": view.name, "json_url": twin_url(request, view)}
        context["edit"] = form_token(request)
        return pages.TemplateResponse(request, view.template, context)

    request = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
    endpoint.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[request, *signature.parameters.values()], return_annotation=Response
    )
    endpoint.__name__ = f"{view.name}_page"
    return endpoint


class DropEmptyParams:
    """A filter form sends its unused fields as `type=`; read those as not given, not as invalid.

    Plain ASGI rather than `@app.middleware`, which runs every request through an extra task and streams.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"") if scope["type"] == "http" else b""
        if query:
            kept = [(k, v) for k, v in parse_qsl(query.decode("latin-1"), keep_blank_values=True) if v]
            scope["query_string"] = urlencode(kept).encode("latin-1")
        await self.app(scope, receive, send)


class SecurityHeaders:
    """`SECURITY_HEADERS` (or `headers`) on every response this app sends, pages, JSON and static files."""

    def __init__(self, app: ASGIApp, headers: dict[str, str] = SECURITY_HEADERS) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(self.headers)
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


async def store_version(scope: Scope) -> object:
    """What a cached answer depends on: the version of the store the app serves (PostgreSQL's is a query, so
    it runs off the event loop), and the day, which relative dates (`since=7d`) are counted from."""
    store = scope["app"].state.store
    version = store.version() if store.dialect == "sqlite" else await run_in_threadpool(store.version)
    return None if version is None else (version, date.today())


def app_from_environment() -> FastAPI:
    """The app each `accord serve` worker process builds: settings from `ACCORD_*` variables, the hosts it
    answers for from `ACCORD_WEB_HOSTS`, and the edit secret, if edits are allowed, from
    `ACCORD_WEB_EDIT_TOKEN`."""
    hosts = [host for host in os.environ.get(HOSTS_VARIABLE, "").split(",") if host.strip()]
    token = os.environ.get(EDIT_TOKEN_VARIABLE)
    return create_app(Settings.from_env(), hosts or LOOPBACK_HOSTS, Editing(token) if token else None)


def create_app(
    settings: Settings, hosts: Collection[str] = LOOPBACK_HOSTS, editing: Editing | None = None
) -> FastAPI:
    """The Accord web app over the store at `settings.db` (which must exist: run `accord ingest` first),
    answering requests for `hosts` only ("*": any); with `editing`, also the review forms that correct
    the record."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = open_store(settings.db, create=False)
        app.state.store = store
        if store.dialect == "sqlite":
            to_thread.current_default_thread_limiter().total_tokens = SQLITE_THREADS
        try:  # before the server listens, so no request waits for it; a store that fails here still
            await run_in_threadpool(warm, store)  # gets its error pages, request by request
        except StoreError as err:
            log.warning("could not warm the caches: %s", err)
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="Accord",
        summary="Meetings, calls, visits and agreements read from the news, each tied to its sources.",
        lifespan=lifespan,
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema itself is served
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    pages = templates()

    def respond(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            response: Response = JSONResponse({"status": status, "message": message}, status_code=status)
        else:
            context = {"data": ErrorBody(status, message), "view": "error", "json_url": None, "edit": None}
            response = pages.TemplateResponse(request, "error.html", context, status_code=status)
        response.headers.update(SECURITY_HEADERS)
        return response

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return respond(request, exc.status_code, str(exc.detail))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            f"{'.'.join(str(p) for p in error['loc'][1:]) or error['loc'][0]}: {error['msg']}"
            for error in exc.errors()
        ]
        return respond(request, 422, "; ".join(problems))

    async def not_found(request: Request, exc: Exception) -> Response:
        return respond(request, 404, str(exc))

    async def bad_query(request: Request, exc: Exception) -> Response:
        return respond(request, 400, str(exc))

    async def failed(request: Request, exc: Exception) -> Response:
        if isinstance(exc, AccordError):
            log.error("%s: %s", request.url.path, exc)
            return respond(request, 500, str(exc))
        log.exception("%s failed", request.url.path)
        return respond(request, 500, "internal error; the server log has the details")

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(BadQuery, bad_query)
    app.add_exception_handler(Exception, failed)

    app.add_middleware(DropEmptyParams)
    if editing is None:  # an editor's pages differ by sign-in and change with every edit: never cached
        app.add_middleware(ResponseCache, version=store_version)
    app.add_middleware(RequestGuard, hosts=hosts)
    headers = SECURITY_HEADERS | ({"Referrer-Policy": REFERRER_POLICY} if editing else {})
    app.add_middleware(SecurityHeaders, headers=headers)
    app.mount("/static", StaticFiles(packages=[("accord.web", "static")]), name="static")
    app.include_router(explore.router)
    errors: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (400, 404, 422)}
    for view in (*VIEWS, MONITOR_VIEW):
        app.add_api_route(
            view.api,
            api_endpoint(view),
            methods=["GET"],
            response_model=view.model,
            name=f"api_{view.name}",
            tags=["api"],
            responses=errors,
        )
        app.add_api_route(
            view.page,
            page_endpoint(view, pages),
            methods=["GET"],
            response_class=HTMLResponse,
            name=view.name,
            include_in_schema=False,
        )
    if editing:
        mount_edits(app, editing)
    return app
