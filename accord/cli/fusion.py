"""Fusion over the whole store: `accord refuse` fuses every stored report again, after the fusion rules or
people's identities changed (a merge or split of people re-fuses the events it touches by itself)."""

from __future__ import annotations

from accord.cli.app import DbOpt, JsonOpt, app, ask, show
from accord.store.refusion import refuse_store


@app.command("refuse")
def refuse_command(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Fuse every stored report again, in ingest order, with today's rules and identities; prints the
    events before and after and how many reports changed event. Safe to run again: nothing else changes.

    Example: accord refuse --db sqlite:///accord.db
    """
    done = ask(db, refuse_store)
    show(
        done,
        as_json,
        lambda: (
            f"events: {done.events_before} before, {done.events_after} after; "
            f"{done.reports_moved} report(s) changed event"
        ),
    )
