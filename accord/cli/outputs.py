"""Commands that hand the record to analysts: export, plot, report, and the installation's doctor."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.table import Table
from rich.text import Text

from accord import doctor, exports, plots, reports
from accord.cli.app import (
    CountryOpt,
    DbOpt,
    JsonOpt,
    ModelOpt,
    PartyArg,
    SinceOpt,
    TypeOpt,
    UntilOpt,
    app,
    ask,
    err,
    fail,
    out,
)
from accord.errors import AccordError
from accord.settings import Settings
from accord.store import events, timeline

T = TypeVar("T")


class Format(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    polecat = "polecat"
    graphml = "graphml"


OutputOpt = Annotated[Path, typer.Option("-o", "--output", help="The file to write.")]


def writing(path: Path, write: Callable[[], T]) -> T:
    """Run `write`; a file that cannot be written becomes a one-line message, not a traceback."""
    try:
        return write()
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


@app.command("export")
def export_command(
    format: Annotated[Format, typer.Option("--format", help="csv, jsonl, polecat (TSV) or graphml.")],
    output: OutputOpt,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    db: DbOpt = None,
) -> None:
    """Write fused events, filtered like `accord events`, for other tools.

    csv and jsonl keep every source with its input id; polecat writes POLECAT's columns (tab-separated) plus
    Accord's evidence and source counts; graphml writes the network of countries and organisations with
    weighted edges (weight, count per type, first and last date).

    Example: accord export --format polecat --since 2024-01-01 -o events.tsv
    """
    found = ask(db, lambda store: events(store, type.value if type else None, since, until, country))
    rows = writing(output, lambda: exports.export(found, format.value, output))
    what = (
        f"{rows} links between the parties of {len(found)} events"
        if format is Format.graphml
        else f"{rows} events"
    )
    out.print(f"wrote {what} to {output}", highlight=False)


plot_app = typer.Typer(help="Charts of the stored record, as PNG (or SVG/PDF by the file's extension).")
app.add_typer(plot_app, name="plot")


@plot_app.command("dyad")
def plot_dyad_command(first: PartyArg, second: PartyArg, output: OutputOpt, db: DbOpt = None) -> None:
    """The events of a pair of parties per quarter, stacked by type.

    Example: accord plot dyad JPN FIN -o japan-finland.png
    """
    found = ask(db, lambda store: timeline(store, first, second))
    writing(output, lambda: plots.save(plots.dyad_figure(found, first, second), output))
    out.print(f"plotted {len(found)} events to {output}", highlight=False)


@plot_app.command("network")
def plot_network_command(
    output: OutputOpt,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    db: DbOpt = None,
) -> None:
    """Who dealt with whom: countries and organisations, edges as wide as their number of events.

    Example: accord plot network --since 2024-01-01 -o network.png
    """
    found = ask(db, lambda store: events(store, type.value if type else None, since, until, country))
    writing(output, lambda: plots.save(plots.network_of(found), output))
    out.print(f"plotted {len(found)} events to {output}", highlight=False)


@app.command("report")
def report_command(
    first: PartyArg,
    second: PartyArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="report.html or report.md.")],
    chart: Annotated[bool, typer.Option(help="Embed the quarterly chart (HTML only).")] = True,
    db: DbOpt = None,
) -> None:
    """A brief on two parties: headline numbers, timeline with evidence and sources, topics, people.

    The format follows the file's extension (.html or .md). The same database gives the same file.

    Example: accord report JPN FIN -o japan-finland.html
    """
    brief = ask(
        db, lambda store: writing(output, lambda: reports.write_report(store, first, second, output, chart))
    )
    out.print(f"wrote a brief on {brief.total} events to {output}", highlight=False)


STATUS_STYLE = {doctor.OK: "green", doctor.INFO: "dim", doctor.WARN: "yellow", doctor.FAIL: "bold red"}


def checks_table(checks: list[doctor.Check]) -> Table:
    """One row per check; a problem also says what breaks and, on a line of its own, the fix."""
    table = Table(title="accord doctor", show_lines=True, expand=True)
    table.add_column("check", overflow="fold", ratio=1)
    table.add_column("status")
    table.add_column("found", overflow="fold", ratio=3)
    for c in checks:
        found = Text(c.detail)
        if c.breaks:
            found.append("\nbreaks: ", style="bold").append(c.breaks)
        if c.fix:
            found.append("\nfix: ", style="bold").append(c.fix, style="cyan")
        table.add_row(f"{c.group}: {c.name}", Text(c.status, style=STATUS_STYLE[c.status]), found)
    return table


@app.command("doctor")
def doctor_command(
    db: DbOpt = None,
    model: ModelOpt = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Also check this Dask scheduler: reachable, with workers running Accord."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check Python, packages, the spaCy model, the database and optional parts; say how to fix each problem.

    Exits 1 when a required part fails; optional parts (Dask, Chromium, Playwright) only warn. With
    --scheduler, a Dask cluster that cannot be reached, has no workers or cannot run Accord fails.

    Example: accord doctor --db postgresql+psycopg://user@host:5432/accord
    Example: accord doctor --scheduler tcp://10.0.0.5:8786
    """
    try:
        settings = Settings.from_env(db=db, model=model)
    except AccordError as error:
        fail(str(error))
    checks = doctor.diagnose(settings, scheduler)
    if as_json:
        sys.stdout.write(json.dumps([asdict(c) for c in checks], ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(checks_table(checks))
        problems = sum(c.status in (doctor.WARN, doctor.FAIL) for c in checks)
        err.print(f"{problems} problem(s) found" if problems else "all checks passed", highlight=False)
    if doctor.failed(checks):
        raise typer.Exit(1)
