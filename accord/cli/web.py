"""`accord serve`: the web app over an existing store, on loopback unless told otherwise, in several worker
processes (each its own app, from `accord.web.app.app_from_environment`)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from accord.cli.app import DbOpt, app, ask, err, fail

# Headers larger than the app takes (it answers 431) reach it, so the refusal carries its error shape and
# security headers; past this uvicorn closes the connection with its own 400.
SERVER_HEADER_LIMIT = 4 * 1024 * 1024
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def default_workers() -> int:
    """One worker process per core, up to four: the pages are CPU-bound, and each worker holds a store."""
    return max(1, min(4, os.cpu_count() or 1))


def served_hosts(host: str, allowed: list[str]) -> list[str]:
    """The host names the server answers for: loopback's, the address it listens on, and `allowed`."""
    from accord.web.guard import LOOPBACK_HOSTS

    listening = [] if host in WILDCARD_ADDRESSES else [host]
    return list(dict.fromkeys([*LOOPBACK_HOSTS, *listening, *allowed]))


@app.command("serve")
def serve_command(
    db: DbOpt = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 exposes the store to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_edits: Annotated[
        bool,
        typer.Option(
            "--allow-edits",
            help="Add the review forms (reject, correct, confirm, merge) for whoever opens the printed link.",
        ),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, max=64, help="Worker processes (default: one per core, up to 4)."),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A host name clients use to reach the server (behind a proxy, or on a network with "
            "--host 0.0.0.0); repeatable. Loopback names and the --host address are always allowed; "
            "'*' allows any (and DNS rebinding).",
        ),
    ] = None,
) -> None:
    """Browse the store: timelines, the relationship graph and every event's evidence, with a JSON API.

    Read-only by default: pages and their JSON twins (under /api, schema at /api/openapi.json) only query
    the store. With --allow-edits the event and actor pages get review forms that record corrections as
    the `accord reject`, `correct`, `confirm` and `merge-people` commands do; open the link printed at
    start (it holds a secret token) once to sign in. Forms sent from other sites are refused, and so are
    requests for any other host name (400), so a web page cannot reach the store through DNS rebinding.

    Example: accord serve --db sqlite:///accord.db --port 8000 --workers 2
    Example: accord serve --allow-edits
    """
    import secrets

    from accord.settings import Settings
    from accord.web.app import EDIT_TOKEN_VARIABLE, HOSTS_VARIABLE
    from accord.web.serving import ServeError, serve

    url = ask(db, lambda store: store.url)  # fails here, with a clear message, when there is no store
    workers = workers or default_workers()
    # The worker processes build their app from the environment, which they inherit.
    os.environ["ACCORD_DB"] = Settings.from_env(db=db).db
    hosts = served_hosts(host, allow_host or [])
    os.environ[HOSTS_VARIABLE] = ",".join(hosts)
    err.print(
        f"serving {url} at http://{host}:{port}/ with {workers} worker(s), for the host names "
        f"{', '.join(hosts)} (Ctrl+C stops)",
        highlight=False,
    )
    os.environ.pop(EDIT_TOKEN_VARIABLE, None)  # edits only when asked for here, never inherited
    if allow_edits:
        token = secrets.token_urlsafe(24)
        os.environ[EDIT_TOKEN_VARIABLE] = token
        err.print(f"edits allowed: sign in at http://{host}:{port}/edit?token={token}", highlight=False)
        if host not in ("127.0.0.1", "localhost", "::1"):
            err.print(
                f"[yellow]warning:[/] anyone on the network with this link can edit {url}", highlight=False
            )
    try:
        serve(host, port, workers, SERVER_HEADER_LIMIT)
    except ServeError as error:
        fail(str(error))
