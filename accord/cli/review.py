"""Commands with which analysts correct the record: reject, restore, confirm, correct, undo, merge-people,
split-person, and `corrections` (list, export, import) for the audit trail. Each calls one function of
`accord.store.corrections`, as the web app's edit forms do."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from accord.cli.app import DbOpt, JsonOpt, Kind, app, ask, err, fail, out, show
from accord.store import Store
from accord.store.corrections import (
    Changes,
    confirm,
    correct,
    corrections,
    export_corrections,
    import_corrections,
    merge_people,
    reject,
    restore,
    split_person,
    undo,
)
from accord.store.review import Correction, change

EventArg = Annotated[
    str, typer.Argument(help="An event id (or an unambiguous prefix), e.g. from `accord events`.")
]
ReasonOpt = Annotated[
    str, typer.Option("--reason", help="Why: kept in the audit trail and shown with the event.")
]
OptionalReason = Annotated[str, typer.Option("--reason", help="Why (optional).")]
ByOpt = Annotated[
    str | None, typer.Option("--by", help="Who makes the correction (default: your login name).")
]


def done(made: Correction | Sequence[Correction], as_json: bool) -> None:
    """Print what was recorded: one line per correction, or the corrections as JSON."""
    listed = [made] if isinstance(made, Correction) else list(made)
    show(listed, as_json, lambda: trail_table(listed, "recorded"))


def trail_table(trail: Sequence[Correction], title: str) -> Table:
    table = Table(title=f"{title} ({len(trail)})", show_lines=True, expand=True)
    for column in ("id", "when / who", "what", "event", "change", "reason", "status"):
        table.add_column(column, overflow="fold")
    for x in trail:
        table.add_row(
            x.id,
            f"{x.at[:19]}\n{x.by}",
            x.kind,
            x.event_id or "-",
            Text(change(x)),
            Text(x.reason),
            Text(x.status, style="red" if x.status == "orphaned" else ""),
        )
    return table


def run(db: str | None, action: Callable[[Store], Correction | list[Correction]], as_json: bool) -> None:
    done(ask(db, action), as_json)


@app.command("reject")
def reject_command(
    event_id: EventArg, reason: ReasonOpt, by: ByOpt = None, db: DbOpt = None, as_json: JsonOpt = False
) -> None:
    """Reject an event the extractor got wrong: it leaves every query, the web app, charts and exports.

    `accord events --include-rejected` shows it marked; `accord restore` brings it back.

    Example: accord reject ev1234abcd --reason "a visit to the tomb, not a meeting"
    """
    run(db, lambda store: reject(store, event_id, reason, by), as_json)


def optional_reason_command(name: str, action: Callable[..., Correction], doc: str) -> None:
    """Register `accord NAME EVENT_ID [--reason] [--by]`, which calls `action` on the event."""

    def command(
        event_id: EventArg,
        reason: OptionalReason = "",
        by: ByOpt = None,
        db: DbOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        run(db, lambda store: action(store, event_id, reason, by), as_json)

    command.__doc__ = doc
    app.command(name)(command)


optional_reason_command(
    "restore",
    restore,
    """Undo the rejection of an event.

    Example: accord restore ev1234abcd
    """,
)
optional_reason_command(
    "confirm",
    confirm,
    """Mark an event as checked against its sources by a person; exports say which facts were reviewed.

    Example: accord confirm ev1234abcd --by alice
    """,
)


@app.command("correct")
def correct_command(
    event_id: EventArg,
    reason: ReasonOpt,
    date: Annotated[str | None, typer.Option("--date", help="The right date (ISO: 2024-01-09).")] = None,
    type: Annotated[Kind | None, typer.Option("--type", help="The right type of event.")] = None,
    city: Annotated[str | None, typer.Option("--city", help="The right city ('' for none).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="The right country (ISO alpha-3).")] = None,
    participant: Annotated[
        str | None, typer.Option("--participant", help="The participant to correct, by name.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="The participant's right name.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="The participant's right role.")] = None,
    affiliation: Annotated[
        str | None, typer.Option("--affiliation", help="The participant's right country (ISO alpha-3).")
    ] = None,
    remove_participant: Annotated[
        str | None, typer.Option("--remove-participant", help="A participant who was not there, by name.")
    ] = None,
    by: ByOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Correct an event's date, type, place or participants; the record shows each correction and why.

    Corrections are kept apart from what extraction found, so `accord reextract` never loses them.

    Example: accord correct ev1234abcd --participant "Pablo Rojas" --affiliation PER --reason "Peru's minister"
    Example: accord correct ev1234abcd --date 2024-01-10 --reason "the dateline is a day late"
    """
    changes = Changes(
        date,
        type.value if type else None,
        city,
        country,
        participant,
        name,
        role,
        affiliation,
        remove_participant,
    )
    run(db, lambda store: correct(store, event_id, changes, reason, by), as_json)


@app.command("undo")
def undo_command(
    correction_id: Annotated[str, typer.Argument(help="A correction id from `accord corrections`.")],
    reason: OptionalReason = "",
    by: ByOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Withdraw any correction (a rejection, correction, confirmation, merge or split); the trail keeps both.

    Example: accord undo co1234abcd --reason "the first reading was right"
    """
    run(db, lambda store: undo(store, correction_id, reason or "undone", by), as_json)


@app.command("merge-people")
def merge_people_command(
    keep: Annotated[str, typer.Argument(help="The person kept: a name the texts use, or a person id.")],
    merged: Annotated[str, typer.Argument(help="The same person stored under another spelling.")],
    reason: ReasonOpt,
    by: ByOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One person stored under two spellings becomes one: the second is shown as the first, and their
    events are fused again.

    Example: accord merge-people "Antti Häkkänen" "Antti Hakkanen" --reason "one minister"
    """
    run(db, lambda store: merge_people(store, keep, merged, reason, by), as_json)


@app.command("split-person")
def split_person_command(
    person: Annotated[str, typer.Argument(help="The person (id or name) some mentions were wrongly given.")],
    alias: Annotated[str, typer.Option("--alias", help="How the texts wrote the other person.")],
    reason: ReasonOpt = "split",
    by: ByOpt = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The mentions of a person written as ALIAS are someone else: shown under that name from now on.

    Example: accord split-person "Fumio Kishida" --alias "Kishida" --reason "his father, in 1990"
    """
    run(db, lambda store: split_person(store, person, alias, reason, by), as_json)


corrections_app = typer.Typer(
    help="The audit trail of corrections: list it (`accord corrections`), export it or import one.",
    invoke_without_command=True,
)
app.add_typer(corrections_app, name="corrections")


@corrections_app.callback()
def corrections_command(ctx: typer.Context, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Every correction, oldest first: what, old and new value, why, who, when, and whether it is in force,
    undone or orphaned (its event was re-extracted away and no stored event fits it).

    Example: accord corrections --json
    """
    if ctx.invoked_subcommand is None:
        trail = ask(db, corrections)
        show(trail, as_json, lambda: trail_table(trail, "corrections"))


@corrections_app.command("export")
def export_command(
    file: Annotated[Path, typer.Argument(help="The JSON Lines file to write.")], db: DbOpt = None
) -> None:
    """Write every correction as JSON Lines, for `accord corrections import` into another store.

    Example: accord corrections export alice.jsonl
    """
    try:
        written = ask(db, lambda store: export_corrections(store, file))
    except OSError as error:
        fail(f"cannot write {file}: {error.strerror or error}")
    out.print(f"wrote {written} corrections to {file}", highlight=False)


@corrections_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A file `accord corrections export` wrote.")], db: DbOpt = None
) -> None:
    """Add the corrections of another store, and apply them: each finds its event by id, or by its type,
    parties and evidence sentence; those that find none are listed (and kept, as orphaned).

    Example: accord corrections import alice.jsonl --db sqlite:///team.db
    """
    try:
        summary = ask(db, lambda store: import_corrections(store, file))
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror or error}")
    out.print(f"imported {summary.added} corrections ({summary.known} known already)", highlight=False)
    for lost in summary.orphaned:
        err.print(f"[yellow]no event fits:[/] {lost.id} ({lost.kind}) for {lost.event_id}", highlight=False)
