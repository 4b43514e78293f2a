"""Commands that hand the record to analysts: export, plot, report, and the installation's doctor."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.table import Table
from rich.text import Text

from accord.cli.app import (
    STDOUT,
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
    file_or_stdout,
    out,
    status_console,
)
from accord.errors import AccordError
from accord.settings import Settings

if TYPE_CHECKING:
    from accord.doctor import Check

T = TypeVar("T")


class Format(StrEnum):
    csv = "csv"
    participants = "participants"
    jsonl = "jsonl"
    polecat = "polecat"
    graphml = "graphml"


# The extension of each export format's files: `-o events.csv` needs no --format (the participants table
# is a CSV too, so it is always asked for by name).
SUFFIXES = {
    Format.csv: ".csv",
    Format.participants: ".csv",
    Format.jsonl: ".jsonl",
    Format.polecat: ".tsv",
    Format.graphml: ".graphml",
}
OutputOpt = Annotated[
    Path, typer.Option("-o", "--output", help=f"The file to write ('{STDOUT}': standard output, as PNG).")
]


def writing(path: Path, suffix: str, write: Callable[[Path], T]) -> T:
    """Run `write` on `path` (for '-', a temporary file with `suffix` sent to standard output); a file
    that cannot be written becomes a one-line message, not a traceback."""
    try:
        with file_or_stdout(path, suffix) as target:
            return write(target)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


def format_of(output: Path, given: Format | None) -> Format:
    """The export format named, else the one the file's extension says."""
    if given is not None:
        return given
    by_suffix = {suffix: f for f, suffix in SUFFIXES.items() if f is not Format.participants}
    by_suffix[".ndjson"] = Format.jsonl
    if str(output) != STDOUT and output.suffix.lower() in by_suffix:
        return by_suffix[output.suffix.lower()]
    fail(
        f"cannot tell the format of {output} from its name; add --format ({', '.join(Format)}) or name "
        f"the file *{', *'.join(list(SUFFIXES.values())[:-1])} or *{list(SUFFIXES.values())[-1]}"
    )


@app.command("export")
def export_command(
    output: Annotated[
        Path, typer.Option("-o", "--output", help=f"The file to write ('{STDOUT}': standard output).")
    ],
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            help="csv, participants (CSV), jsonl, polecat (TSV) or graphml; default: by the file's "
            "extension (.csv, .jsonl, .tsv, .graphml).",
        ),
    ] = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    db: DbOpt = None,
) -> None:
    """Write fused events, filtered like `accord events`, for other tools.

    csv and jsonl keep every source with its input id, csv every evidence sentence (joined by " | ") and
    each date as its first and last full day (date_start, date_end) beside its precision; participants
    writes one row per event and participant (name, role, affiliation, inferred flags), joined to the
    events by event_id; polecat writes POLECAT's columns (tab-separated) plus Accord's evidence and source
    counts; graphml writes the network of countries and organisations with weighted edges (weight, count
    per type, first and last date). Events are written as they are read, a chunk at a time.

    Example: accord export --since 2024-01-01 -o events.tsv
    Example: accord export --format participants -o participants.csv
    Example: accord export --format jsonl -o - | jq .type
    """
    from accord import exports
    from accord.store import Store
    from accord.store.exports_queries import iter_events

    chosen = format_of(output, format)
    kind = type.value if type else None

    def write(store: Store) -> int:
        found = iter_events(store, kind, since, until, country)
        return writing(output, SUFFIXES[chosen], lambda path: exports.export(found, chosen.value, path))

    rows = ask(db, write)
    what = f"{rows} links between parties" if chosen is Format.graphml else f"{rows} events"
    status_console(output).print(f"wrote {what} to {output}", highlight=False)


plot_app = typer.Typer(help="Charts of the stored record, as PNG (or SVG/PDF by the file's extension).")
app.add_typer(plot_app, name="plot")


@plot_app.command("dyad")
def plot_dyad_command(first: PartyArg, second: PartyArg, output: OutputOpt, db: DbOpt = None) -> None:
    """The events of a pair of parties per quarter, stacked by type.

    Example: accord plot dyad JPN FIN -o japan-finland.png
    """
    from accord import plots
    from accord.store import timeline
    from accord.store.terms import codes

    (a, b), found = ask(db, lambda store: ((pair := codes(store, first, second)), timeline(store, *pair)))
    writing(output, ".png", lambda path: plots.save(plots.dyad_figure(found, a, b), path))
    status_console(output).print(f"plotted {len(found)} events to {output}", highlight=False)


@plot_app.command("network")
def plot_network_command(
    output: OutputOpt,
    top: Annotated[
        int, typer.Option("--top", min=2, max=80, help="Show only this many parties, the busiest.")
    ] = 30,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    db: DbOpt = None,
) -> None:
    """Who dealt with whom: the busiest countries and organisations on a circle grouped by region, links as
    wide as their number of events and coloured by their main type, the heaviest labelled.

    Example: accord plot network --since 2024-01-01 --top 20 -o network.png
    """
    from accord import plots
    from accord.store import events

    found = ask(db, lambda store: events(store, type.value if type else None, since, until, country))
    writing(output, ".png", lambda path: plots.save(plots.network_of(found, top), path))
    status_console(output).print(f"plotted {len(found)} events to {output}", highlight=False)


@app.command("report")
def report_command(
    first: PartyArg,
    second: PartyArg,
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help=f"report.html or report.md ('{STDOUT}': Markdown to standard output)."
        ),
    ],
    chart: Annotated[bool, typer.Option(help="Embed the quarterly chart (HTML only).")] = True,
    db: DbOpt = None,
) -> None:
    """A brief on two parties: headline numbers, timeline with evidence and sources, topics, people.

    The format follows the file's extension (.html or .md). The same database gives the same file.

    Example: accord report JPN FIN -o japan-finland.html
    """
    from accord import reports
    from accord.store import Store
    from accord.store.terms import codes

    def write(store: Store) -> reports.DyadReport:
        a, b = codes(store, first, second)
        return writing(output, ".md", lambda path: reports.write_report(store, a, b, path, chart))

    brief = ask(db, write)
    status_console(output).print(f"wrote a brief on {brief.total} events to {output}", highlight=False)


def checks_table(checks: list[Check]) -> Table:
    """One row per check; a problem also says what breaks and, on a line of its own, the fix."""
    from accord import doctor

    style = {doctor.OK: "green", doctor.INFO: "dim", doctor.WARN: "yellow", doctor.FAIL: "bold red"}
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
        table.add_row(f"{c.group}: {c.name}", Text(c.status, style=style[c.status]), found)
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
    from accord import doctor

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
