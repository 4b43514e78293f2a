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
) -> None:
    """Browse the store: timelines, the relationship graph and every event's evidence, with a JSON API.

    Read-only: pages and their JSON twins (under /api, schema at /api/openapi.json) only query the store.

    Example: accord serve --db sqlite:///accord.db --port 8000
    """
    import uvicorn

    from accord.settings import Settings
    from accord.web import create_app

    url = ask(db, lambda store: store.url)  # fails here, with a clear message, when there is no store
    err.print(f"serving {url} at http://{host}:{port}/ (Ctrl+C stops)", highlight=False)
    uvicorn.run(create_app(Settings.from_env(db=db)), host=host, port=port, log_level="warning")
