"""The `accord` command line: each command parses its options, calls one library function, and turns
Accord's errors into a one-line message and an exit status. Commands live in one module per area and
register themselves on the shared `app` when imported here."""

from accord.cli import extraction, fusion, outputs, review, store, watch, web  # noqa: F401  (importing registers the commands)
from accord.cli.app import app, reflow_help

reflow_help(app)

__all__ = ["app"]
