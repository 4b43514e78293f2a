"""Commands that hand the record to analysts: export, plot and report."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from accord import exports, plots, reports
from accord.cli.app import DbOpt, Kind, app, ask, fail, out
from accord.store import events, timeline

T = TypeVar("T")


class Format(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    polecat = "polecat"
    graphml = "graphml"


OutputOpt = Annotated[Path, typer.Option("-o", "--output", help="The file to write.")]
TypeOpt = Annotated[Kind | None, typer.Option("--type", help="Only this type of event.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this ISO date (inclusive).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this ISO date (inclusive).")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="Only events involving this party.")]
PartyArg = Annotated[str, typer.Argument(help="A country (ISO alpha-3, e.g. JPN) or organisation (NATO).")]


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
