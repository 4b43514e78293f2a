"""`accord serve`: the web app over an existing store, on loopback unless told otherwise."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.app import DbOpt, app, ask, err


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
) -> None:
    """Browse the store: timelines, the relationship graph and every event's evidence, with a JSON API.

    Read-only by default: pages and their JSON twins (under /api, schema at /api/openapi.json) only query
    the store. With --allow-edits the event and actor pages get review forms that record corrections as
    the `accord reject`, `correct`, `confirm` and `merge-people` commands do; open the link printed at
    start (it holds a secret token) once to sign in. Forms sent from other sites are refused.

    Example: accord serve --db sqlite:///accord.db --port 8000
    Example: accord serve --allow-edits
    """
    import secrets

    import uvicorn

    from accord.settings import Settings
    from accord.web import create_app
    from accord.web.edits import Editing

    url = ask(db, lambda store: store.url)  # fails here, with a clear message, when there is no store
    editing = Editing(secrets.token_urlsafe(24)) if allow_edits else None
    err.print(f"serving {url} at http://{host}:{port}/ (Ctrl+C stops)", highlight=False)
    if editing:
        err.print(
            f"edits allowed: sign in at http://{host}:{port}/edit?token={editing.token}", highlight=False
        )
        if host not in ("127.0.0.1", "localhost", "::1"):
            err.print(
                f"[yellow]warning:[/] anyone on the network with this link can edit {url}", highlight=False
            )
    uvicorn.run(create_app(Settings.from_env(db=db), editing), host=host, port=port, log_level="warning")
