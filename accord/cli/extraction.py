"""Commands that read documents and extract events without storing them: extract, demo, clean, show."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.app import (
    STDOUT,
    ModelOpt,
    PathsArg,
    WorkersOpt,
    app,
    err,
    guarded,
    out,
    report_rejects,
    settings_for,
    text_sink,
)
from accord.records import Extraction, Reject

RecordArg = Annotated[
    str,
    typer.Argument(
        help="One file (or '-'), every document in it shown; or one record of it as the store names it, "
        "FILE#ID (dev.jsonl#d05)."
    ),
]


@app.command("extract")
def extract_command(
    paths: PathsArg,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help=f"Write JSON Lines to this file ('{STDOUT}': standard output)."),
    ] = None,
    model: ModelOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Extract events and write one JSON object per document.

    Each line holds id, source, published (+ where that date came from) and events with type, PLOVER code,
    date and precision, place, participants (name, role, affiliation) and evidence offsets into the cleaned
    text. A document that can't be read gets {"id", "source", "error"}; the exit status is then 1.

    Example: accord extract ../shared/corpus/seeds -o events.jsonl
    """
    from accord.output import extraction_dict
    from accord.pipeline import extract

    failed: list[Reject] = []
    results = report_rejects(guarded(extract(paths, settings_for(model, workers))), failed)
    with text_sink(output) as sink:
        for result in results:
            sink.write(json.dumps(extraction_dict(result), ensure_ascii=False) + "\n")
            sink.flush()
    if failed:
        raise typer.Exit(1)


@app.command("demo")
def demo_command(
    paths: Annotated[list[str] | None, typer.Argument(help="What to read (default: the seed pages).")] = None,
    model: ModelOpt = None,
) -> None:
    """Extract events and print them as a readable table, one row per event.

    Example: accord demo ../shared/corpus/seeds
    """
    from accord import views
    from accord.pipeline import extract

    failed: list[Reject] = []
    results = list(
        report_rejects(guarded(extract(paths or ["../shared/corpus/seeds"], settings_for(model))), failed)
    )
    out.print(views.events_table([r for r in results if isinstance(r, Extraction)]))
    if failed:
        raise typer.Exit(1)


@app.command("clean")
def clean_command(
    path: RecordArg,
    show: Annotated[
        bool, typer.Option("--show", help="Show kept and dropped lines side by side, with reasons.")
    ] = False,
) -> None:
    """Strip navigation, prompts, link lists and reader comments; print the article body.

    With --show, every line of the page is listed with the decision and its reason, so you can audit it.

    Example: accord clean ../shared/corpus/seeds/001_b741a5fbc9fed048.txt --show
    """
    from accord import views
    from accord.pipeline import prepare
    from accord.selecting import read_selected

    status = 0
    for document in guarded(read_selected(path)):
        if isinstance(document, Reject):
            err.print(f"[red]failed:[/] {document.error}", highlight=False)
            status = 1
            continue
        cleaned = prepare(document)
        if show:
            out.print(views.cleaning_table(cleaned))
        else:
            sys.stdout.write(cleaned.text + "\n")  # plain text for pipes: no wrapping, no markup
    raise typer.Exit(status)


@app.command("show")
def show_command(
    path: RecordArg,
    model: ModelOpt = None,
) -> None:
    """Show one article as Accord read it: cleaned text with participants and evidence highlighted, then events.

    Example: accord show ../shared/corpus/seeds/000_c3fd14ff5effdcdc.txt
    Example: accord show dev.jsonl#d05
    """
    from accord import views
    from accord.pipeline import extract_documents
    from accord.selecting import read_selected

    failed: list[Reject] = []
    documents = read_selected(path)
    for result in report_rejects(guarded(extract_documents(documents, settings_for(model))), failed):
        if isinstance(result, Extraction):
            views.print_article(out, result)
    if failed:
        raise typer.Exit(1)


# The store: ingest, then ask. Every command takes --db; query commands print a table or, with --json, JSON.
