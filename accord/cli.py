"""The `accord` command line: each command parses its options, calls one library function, and turns
Accord's errors into a one-line message and an exit status."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console, RenderableType
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from accord import store_views, views
from accord.errors import AccordError
from accord.output import extraction_dict
from accord.pipeline import extract, prepare
from accord.readers import read_paths
from accord.records import Extraction, Reject
from accord.settings import Settings
from accord.store import (
    Store,
    Stored,
    actor,
    as_dict,
    event,
    events,
    ingest,
    open_store,
    partners,
    search,
    timeline,
)

app = typer.Typer(
    help="Accord turns news about international relations into events you can trust: who met, called, "
    "visited or agreed with whom, when, where, each tied to the sentence that states it.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
out = Console()
err = Console(stderr=True)

PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories (read recursively) or '-' for standard input: seed-format text, "
        "plain text, HTML or JSON Lines."
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to load (default: ACCORD_MODEL or the small English one)."),
]


def settings_for(model: str | None) -> Settings:
    try:
        return Settings.from_env(model=model)
    except AccordError as error:
        fail(str(error))


def fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(2)


def report_rejects(
    results: Iterable[Extraction | Reject], failed: list[Reject]
) -> Iterator[Extraction | Reject]:
    """Pass results through, printing each failed document's one-line reason on stderr as it goes by."""
    for result in results:
        if isinstance(result, Reject):
            failed.append(result)
            err.print(f"[red]failed:[/] {result.error}", highlight=False, soft_wrap=True)
        yield result


def guarded(results: Iterable[Extraction | Reject]) -> Iterator[Extraction | Reject]:
    try:
        yield from results
    except AccordError as error:
        fail(str(error))


@app.command("extract")
def extract_command(
    paths: PathsArg,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here instead of standard output.")
    ] = None,
    model: ModelOpt = None,
) -> None:
    """Extract events and write one JSON object per document.

    Each line holds id, source, published (+ where that date came from) and events with type, PLOVER code,
    date and precision, place, participants (name, role, affiliation) and evidence offsets into the cleaned
    text. A document that can't be read gets {"id", "source", "error"}; the exit status is then 1.

    Example: accord extract ../shared/corpus/seeds -o events.jsonl
    """
    failed: list[Reject] = []
    results = report_rejects(guarded(extract(paths, settings_for(model))), failed)
    with output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout) as sink:
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
    failed: list[Reject] = []
    results = list(
        report_rejects(guarded(extract(paths or ["../shared/corpus/seeds"], settings_for(model))), failed)
    )
    out.print(views.events_table([r for r in results if isinstance(r, Extraction)]))
    if failed:
        raise typer.Exit(1)


@app.command("clean")
def clean_command(
    path: Annotated[str, typer.Argument(help="One file (or '-'); every document in it is shown.")],
    show: Annotated[
        bool, typer.Option("--show", help="Show kept and dropped lines side by side, with reasons.")
    ] = False,
) -> None:
    """Strip navigation, prompts, link lists and reader comments; print the article body.

    With --show, every line of the page is listed with the decision and its reason, so you can audit it.

    Example: accord clean ../shared/corpus/seeds/001_b741a5fbc9fed048.txt --show
    """
    status = 0
    for document in read_paths([path]):
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
    path: Annotated[str, typer.Argument(help="One file (or '-'); every document in it is shown.")],
    model: ModelOpt = None,
) -> None:
    """Show one article as Accord read it: cleaned text with participants and evidence highlighted, then events.

    Example: accord show ../shared/corpus/seeds/000_c3fd14ff5effdcdc.txt
    """
    failed: list[Reject] = []
    for result in report_rejects(guarded(extract([path], settings_for(model))), failed):
        if isinstance(result, Extraction):
            views.print_article(out, result)
    if failed:
        raise typer.Exit(1)


# The store: ingest, then ask. Every command takes --db; query commands print a table or, with --json, JSON.

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: ACCORD_DB or sqlite:///accord.db in this directory)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for machines instead of a table.")]
T = TypeVar("T")


class Kind(StrEnum):
    meet = "meet"
    call = "call"
    visit = "visit"
    agree = "agree"


def ask(db: str | None, question: Callable[[Store], T]) -> T:
    """Open an existing store, answer one question, close it; Accord's errors become a one-line message."""
    try:
        store = open_store(Settings.from_env(db=db).db, create=False)
        try:
            return question(store)
        finally:
            store.close()
    except AccordError as error:
        fail(str(error))


def show(result: Any, as_json: bool, view: Callable[[], RenderableType]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(view())


@app.command("ingest")
def ingest_command(paths: PathsArg, db: DbOpt = None, model: ModelOpt = None) -> None:
    """Extract events and store them: documents, sources, people and offices, fused events.

    Re-ingesting the same files adds nothing; a copy of a stored article (other page chrome, or a wire story
    reprinted by another outlet) is linked to it as one more source; a report of an event already stored is
    fused into it. Ends with a summary; the exit status is 1 when some documents failed.

    Example: accord ingest ../shared/corpus/seeds --db sqlite:///accord.db
    """
    try:
        settings = Settings.from_env(db=db, model=model)
        store = open_store(settings.db)
    except AccordError as error:
        fail(str(error))
    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)

            def seen(stored: Stored) -> None:
                progress.update(
                    task, advance=1, description=f"{stored.outcome:>9} {Path(stored.source).name}"
                )
                if stored.error:
                    err.print(f"[red]failed:[/] {stored.error}", highlight=False, soft_wrap=True)

            summary = ingest(paths, store, settings, seen)
    except AccordError as error:
        fail(str(error))
    finally:
        store.close()
    out.print(store_views.summary_table(summary, store.url))
    if summary.documents_failed:
        raise typer.Exit(1)


@app.command("timeline")
def timeline_command(
    first: Annotated[str, typer.Argument(help="A country (ISO alpha-3, e.g. JPN) or organisation (NATO).")],
    second: Annotated[str, typer.Argument(help="The other side, e.g. FIN.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The events between two parties, oldest first, with date, type, participants, place and sources.

    Example: accord timeline JPN FIN --json
    """
    found = ask(db, lambda store: timeline(store, first, second))
    show(found, as_json, lambda: store_views.events_table(found, f"{first.upper()} – {second.upper()}"))


@app.command("actor")
def actor_command(
    name: Annotated[str, typer.Argument(help="A person's name as an article writes it.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A person: aliases, offices held (with the dates and sentences that support them) and events.

    Example: accord actor "Yoko Kamikawa"
    """
    profile = ask(db, lambda store: actor(store, name))
    show(profile, as_json, lambda: store_views.actor_view(profile))


@app.command("partners")
def partners_command(
    country: Annotated[str, typer.Argument(help="A country (ISO alpha-3) or organisation acronym.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Counterparts of a country, ranked by number of events, with counts per type.

    Example: accord partners JPN
    """
    found = ask(db, lambda store: partners(store, country))
    show(found, as_json, lambda: store_views.partners_table(country, found))


@app.command("events")
def events_command(
    type: Annotated[Kind | None, typer.Option("--type", help="Only this type of event.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this ISO date (inclusive).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this ISO date (inclusive).")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only events involving this party.")
    ] = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Fused events, oldest first, filtered by type, date range and country.

    Example: accord events --type meet --since 2024-01-01 --country NOR
    """
    found = ask(db, lambda store: events(store, type.value if type else None, since, until, country))
    show(found, as_json, lambda: store_views.events_table(found, "events"))


@app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="Words to find in the stored articles (any case).")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Articles that contain a phrase, with a snippet, their input ids and the events read from them.

    Example: accord search "hybrid threats"
    """
    hits = ask(db, lambda store: search(store, text))
    show(hits, as_json, lambda: store_views.search_table(text, hits))


@app.command("event")
def event_command(
    event_id: Annotated[
        str, typer.Argument(help="An event id (or an unambiguous prefix) from another command.")
    ],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One fused event with every source, its evidence sentences, and why each report was fused into it.

    Example: accord event ev1234abcd
    """
    found = ask(db, lambda store: event(store, event_id))
    show(found, as_json, lambda: store_views.event_view(found))
