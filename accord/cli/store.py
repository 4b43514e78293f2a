"""Commands over the store: ingest and reextract, then the queries (timeline, actor, partners, events,
search, event)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeAlias

import typer
from rich.markup import escape

from accord.cli.app import (
    CountryOpt,
    DbOpt,
    FeedOpt,
    JsonOpt,
    ModelOpt,
    OptionalPathsArg,
    PartyArg,
    SinceOpt,
    SitemapOpt,
    TypeOpt,
    UntilOpt,
    WorkersOpt,
    app,
    ask,
    err,
    explain_empty,
    fail,
    out,
    show,
)
from accord.errors import AccordError
from accord.records import ASSERTED, UNASSERTED_MODES
from accord.settings import Settings

if TYPE_CHECKING:
    from accord.store import FusedEvent, IngestSummary, Partner, Store, Stored

# The modes `accord events --mode` offers: the asserted events, or one kind of unasserted statement.
Mode = StrEnum("Mode", [(mode, mode) for mode in (ASSERTED, *UNASSERTED_MODES)])  # type: ignore[misc]


class Engine(StrEnum):
    local = "local"
    dask = "dask"


EngineOpt = Annotated[
    Engine,
    typer.Option(
        "--engine", help="Where extraction runs: in this process, or on a Dask cluster (one writer here)."
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)."
    ),
]


@app.command("ingest")
def ingest_command(
    paths: OptionalPathsArg = None,
    feed: FeedOpt = None,
    sitemap: SitemapOpt = None,
    db: DbOpt = None,
    model: ModelOpt = None,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Extract events and store them: documents, sources, people and offices, fused events.

    Re-ingesting the same files adds nothing; a copy of a stored article (other page chrome, or a wire story
    reprinted by another outlet) is linked to it as one more source; a report of an event already stored is
    fused into it; an article an older extractor read is re-extracted (see `accord reextract`). A document
    that cannot be read, or whose data the database refuses, gets one line on stderr and is skipped (rolled
    back whole); the run ends with a summary and exit status 1 when some documents failed. Ctrl-C, or a
    failure of the database itself (unreachable, full, locked too long), stops after the last whole
    document, prints the summary so far and exits 130 or 2; running the same command again goes on where it
    stopped.

    With --engine dask, Dask workers extract and this process alone stores: on a local cluster of --workers
    processes (default 2), or on the cluster whose scheduler --scheduler names. A batch whose worker dies is
    run again on another, so every document is stored once.

    A URL is fetched politely (robots.txt obeyed, one request per second per site); --feed and --sitemap
    read every article an RSS/Atom feed or a sitemap links to; a .warc or .warc.gz file gives its HTML pages.

    Example: accord ingest ../shared/corpus/seeds --db sqlite:///accord.db
    Example: accord ingest https://news.example/article.html --feed https://news.example/rss.xml
    Example: accord ingest big/ --engine dask --scheduler tcp://scheduler:8786 --db postgresql+psycopg://…
    """

    from accord.pipeline import extract_documents, extractor_version
    from accord.sources.feeds import read_sources
    from accord.store import ingest_results

    inputs = paths or []
    if not (inputs or feed or sitemap):
        fail("give files, directories or URLs to ingest, or --feed / --sitemap")
    if engine is Engine.dask and (feed or sitemap):
        fail("--feed and --sitemap are read with --engine local")
    if scheduler and engine is not Engine.dask:
        fail("--scheduler names a Dask scheduler; add --engine dask")
    if scheduler and workers:
        fail(f"--workers sizes a local Dask cluster; the cluster at {scheduler} has its own (dask worker)")

    def run(store: Store, settings: Settings, seen: Callable[[Stored], None]) -> IngestSummary:
        if engine is Engine.local:
            documents = read_sources(inputs, feed or [], sitemap or [])
            return ingest_results(
                store, extract_documents(documents, settings), seen, extractor_version(settings.model)
            )
        from accord.distributed import extract_with_dask

        results = extract_with_dask(inputs, settings, scheduler=scheduler, workers=workers or 2)
        return ingest_results(store, results, seen, extractor_version(settings.model))

    write(run, db, model, workers)


@app.command("reextract")
def reextract_command(db: DbOpt = None, model: ModelOpt = None, workers: WorkersOpt = None) -> None:
    """Extract again, from the text the store keeps, every article an older extractor read.

    Each stored article records the extractor that read it (Accord's release, its rules and the spaCy
    pipeline); after an upgrade this reads the others again without their input files: old event mentions,
    people's offices and evidence are replaced, one article per transaction, and events left with no report
    are removed. `accord ingest` does the same for the files it is given. Ends with the ingest summary.

    Example: accord reextract --db sqlite:///accord.db
    """
    from accord.store import reextract

    write(reextract, db, model, workers)


Run: TypeAlias = "Callable[[Store, Settings, Callable[[Stored], None]], IngestSummary]"


def write(run: Run, db: str | None, model: str | None, workers: int | None) -> None:
    """Open the store and run an ingest with a progress line, one line per failed document, the summary
    and the exit status: 1 when some documents failed, 2 or 130 when the database or Ctrl-C stopped it."""
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from accord import store_views
    from accord.store import IngestSummary, open_store
    from accord.store.corrections import orphans

    try:
        settings = Settings.from_env(db=db, model=model, workers=workers)
        store = open_store(settings.db)
    except AccordError as error:
        fail(str(error))
    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn())
    so_far = IngestSummary()  # counted as documents are stored, so an interrupted run can say what it did
    try:
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)

            def seen(stored: Stored) -> None:
                so_far.add(stored)
                progress.update(
                    task, advance=1, description=f"{stored.outcome:>12} {Path(stored.source).name}"
                )
                if stored.error:
                    err.print(f"[red]failed:[/] {stored.error}", highlight=False, soft_wrap=True)

            summary = run(store, settings, seen)
        lost = orphans(store)
    except AccordError as error:
        if not so_far.documents:
            fail(str(error))
        stopped(f"[bold red]error:[/] {escape(str(error))}\n{RESUME}", so_far, store.url, 2)
    except KeyboardInterrupt:
        stopped(f"[yellow]interrupted:[/] {RESUME}", so_far, store.url, 130)
    finally:
        store.close()
    out.print(store_views.summary_table(summary, store.url))
    for correction in lost:
        err.print(
            f"[yellow]correction lost its event:[/] {correction.id} ({correction.kind} "
            f"{correction.field or ''}) on {correction.event_id}: no stored event fits it; "
            "see `accord corrections`",
            highlight=False,
            soft_wrap=True,
        )
    if summary.documents_failed:
        raise typer.Exit(1)


RESUME = (
    "the documents counted below are stored whole, the one in progress was rolled back; run the same "
    "command again to go on"
)


def stopped(message: str, so_far: IngestSummary, url: str, status: int) -> NoReturn:
    """End a run cut short by Ctrl-C or by the database, saying what it stored before it stopped."""
    from accord import store_views

    err.print(message, highlight=False, soft_wrap=True)
    out.print(store_views.summary_table(so_far, url))
    raise typer.Exit(status)


@app.command("timeline")
def timeline_command(
    first: PartyArg,
    second: Annotated[str, typer.Argument(help="The other side, e.g. FIN.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The events between two parties, oldest first, with date, type, participants, place and sources.

    Example: accord timeline Japan FIN --json
    """
    from accord import store_views
    from accord.store import timeline
    from accord.store.terms import codes

    def answer(store: Store) -> tuple[tuple[str, ...], list[FusedEvent]]:
        pair = codes(store, first, second)
        return pair, timeline(store, *pair)

    pair, found = ask(db, answer)
    show(found, as_json, lambda: store_views.events_table(found, " – ".join(pair)))
    if not found:
        explain_empty(db, pair)


@app.command("actor")
def actor_command(
    name: Annotated[str, typer.Argument(help="A person's name as an article writes it.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A person: aliases, offices held (with the dates and sentences that support them) and events.

    Example: accord actor "Yoko Kamikawa"
    """
    from accord import store_views
    from accord.store import actor

    profile = ask(db, lambda store: actor(store, name))
    show(profile, as_json, lambda: store_views.actor_view(profile))


@app.command("partners")
def partners_command(
    country: PartyArg,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Counterparts of a country, ranked by number of events, with counts per type.

    Example: accord partners JPN
    """
    from accord import store_views
    from accord.store import partners
    from accord.store.terms import codes

    def answer(store: Store) -> tuple[str, list[Partner]]:
        (code,) = codes(store, country)
        return code, partners(store, code)

    code, found = ask(db, answer)
    show(found, as_json, lambda: store_views.partners_table(code, found))
    if not found:
        explain_empty(db, (code,))


@app.command("events")
def events_command(
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    mode: Annotated[
        list[Mode] | None,
        typer.Option(
            "--mode",
            help="Only events of this mode: asserted (the default), or statements of what was planned "
            "(future), hypothetical, denied (negation) or only reported. Repeat for several.",
        ),
    ] = None,
    include_unasserted: Annotated[
        bool, typer.Option("--include-unasserted", help="The asserted events and every unasserted statement.")
    ] = False,
    include_rejected: Annotated[
        bool, typer.Option("--include-rejected", help="Also the events analysts rejected, marked REJECTED.")
    ] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Fused events, oldest first, filtered by type, date range and country.

    What the articles say was planned, hypothetical, denied or only reported is kept apart, never fused or
    counted, and shown only with --mode or --include-unasserted, each with its mode.

    Example: accord events --type meet --since 2024-01-01 --country NOR
    Example: accord events --mode future --country JPN
    Example: accord events --since 2024-01-09 --until 2024-01-09 --include-rejected
    """
    from accord import store_views
    from accord.store import events_in_modes

    modes = {m.value for m in Mode} if include_unasserted else {m.value for m in mode or [Mode(ASSERTED)]}
    kind = type.value if type else None
    if as_json and modes == {ASSERTED} and not include_rejected:  # the common case streams: any number
        from accord.exports import write_json_array  # of events, little memory
        from accord.store.exports_queries import iter_events

        ask(db, lambda store: write_json_array(sys.stdout, iter_events(store, kind, since, until, country)))
        return
    found = ask(
        db, lambda store: events_in_modes(store, modes, kind, since, until, country, include_rejected)
    )
    show(found, as_json, lambda: store_views.events_table(found, "events"))
    if not found and country:
        explain_empty(db, (country,))
    elif not found:
        err.print("no events match these filters", highlight=False)


@app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="Words to find in the stored articles (any case).")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Articles that contain a phrase, with a snippet, their input ids and the events read from them.

    Example: accord search "hybrid threats"
    """
    from accord import store_views
    from accord.store import search

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
    """One fused event with every source, its evidence sentences, and why each report was fused into it;
    or one unasserted statement (an id from `accord events --mode`), with its mode.

    Example: accord event ev1234abcd
    """
    from accord import store_views
    from accord.store import any_event

    found = ask(db, lambda store: any_event(store, event_id))
    show(found, as_json, lambda: store_views.event_view(found))
