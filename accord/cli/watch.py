"""Monitoring: `accord watch` polls feeds, sitemaps, pages, folders and web archives and alerts on what
is followed; `accord follow`, `unfollow` and `follows` say what that is."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from accord.alerting import AlertOutputs
from accord.cli.app import (
    DbOpt,
    FeedOpt,
    JsonOpt,
    ModelOpt,
    SitemapOpt,
    app,
    ask,
    err,
    fail,
    out,
    show,
)
from accord.errors import AccordError
from accord.settings import Settings
from accord.store import Stored, open_store
from accord.store.follows import Follow, follow, followed, unfollow, unknown_person

WatchedArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Pages (http(s) URLs), folders (every file below, new or changed ones read) and files "
        "(.warc/.warc.gz archives, HTML, text, JSON Lines) to watch.",
        show_default=False,
    ),
]
TargetsArg = Annotated[
    list[str],
    typer.Argument(help="Two parties (ISO alpha-3 or organisation, e.g. JPN FIN) or one person's name."),
]


@app.command("watch")
def watch_command(
    paths: WatchedArg = None,
    feed: FeedOpt = None,
    sitemap: SitemapOpt = None,
    every: Annotated[str, typer.Option("--every", help="How often to poll: 90s, 15m, 1h, 1d.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop (for cron or a test).")] = False,
    alerts: Annotated[
        Path | None, typer.Option("--alerts", help="Append each new alert as JSON to this JSON Lines file.")
    ] = None,
    webhook: Annotated[
        str | None, typer.Option("--webhook", help="POST each new alert as JSON to this URL.")
    ] = None,
    delay: Annotated[
        float, typer.Option("--delay", min=0, help="Seconds between two requests to one site (politeness).")
    ] = 1.0,
    db: DbOpt = None,
    model: ModelOpt = None,
) -> None:
    """Poll feeds, sitemaps, pages, folders and WARC files, ingest what is new, alert on what is followed.

    Only what is new is read: a feed or page that has not changed (ETag, Last-Modified, the hash of its
    bytes), a feed entry or file already read, and an article the store holds are skipped, across restarts.
    A source that fails is reported on stderr and tried again at the next poll, then left alone for 1, 3,
    7… times --every (up to a day); the others go on. Each new event involving a followed pair or person (accord
    follow) is reported once: a line on stdout, a line in --alerts, a POST to --webhook (sent again at the
    next poll until the webhook takes it). Ctrl-C stops after the document in progress.

    Example: accord watch --feed https://news.example/rss.xml --every 15m --alerts alerts.jsonl
    Example: accord watch inbox/ crawl.warc.gz --once --webhook http://127.0.0.1:9000/hook
    """
    from accord.pipeline import extract_documents, extractor_version  # here: it loads spaCy
    from accord.sources.fetch import Fetcher, FetchPolicy
    from accord.watch import Watcher, every_seconds, watch_sources

    sources = watch_sources(paths or [], feed or [], sitemap or [])
    if not sources:
        fail("give something to watch: --feed URL, --sitemap URL, page URLs, folders or files")
    try:
        period = every_seconds(every)
        settings = Settings.from_env(db=db, model=model)
        store = open_store(settings.db)
    except AccordError as error:
        fail(str(error))

    def notice(line: str) -> None:
        err.print(f"[yellow]watch:[/] {escape(line)}", highlight=False, soft_wrap=True)

    def progress(stored: Stored) -> None:
        if stored.outcome in ("new", "copy", "re-extracted"):
            err.print(f"{stored.outcome:>12} {stored.source}", markup=False, highlight=False, soft_wrap=True)

    outputs = AlertOutputs(
        lambda line: out.print(line, markup=False, highlight=False, soft_wrap=True), notice, alerts, webhook
    )
    try:
        with Fetcher(FetchPolicy(delay=delay)) as fetcher:
            watcher = Watcher(
                store,
                fetcher,
                lambda documents: extract_documents(documents, settings),
                extractor_version(settings.model),
                period,
                outputs,
                notice,
                progress,
            )
            watcher.run(sources, once)
    except AccordError as error:
        fail(str(error))
    except KeyboardInterrupt:
        err.print("[yellow]stopped[/]; what was stored is kept, and the next watch goes on from there")
        raise typer.Exit(130) from None
    finally:
        store.close()


def follows_table(found: list[Follow]) -> Table:
    table = Table("followed", "kind", "since", "alerts", "last alert", title="followed")
    for item in found:
        table.add_row(item.target, item.kind, item.added_at, str(item.alerts), item.last_alert or "")
    return table


@app.command("follow")
def follow_command(targets: TargetsArg, db: DbOpt = None) -> None:
    """Follow a pair of parties or a person: `accord watch` alerts on each new event involving them.

    Example: accord follow JPN FIN
    Example: accord follow "Yoko Kamikawa"
    """
    try:
        store = open_store(Settings.from_env(db=db).db)
        try:
            item, new = follow(store, targets)
            unknown = unknown_person(store, item)
        finally:
            store.close()
    except AccordError as error:
        fail(str(error))
    out.print(f"{'following' if new else 'already following'} {item.target} ({item.kind})", highlight=False)
    if unknown:
        err.print(f"[yellow]note:[/] {escape(unknown)}", highlight=False)


@app.command("unfollow")
def unfollow_command(targets: TargetsArg, db: DbOpt = None) -> None:
    """Stop following a pair or a person (its alerts are forgotten).

    Example: accord unfollow JPN FIN
    """
    item = ask(db, lambda store: unfollow(store, targets))
    out.print(f"no longer following {item.target}", highlight=False)


@app.command("follows")
def follows_command(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """What is followed, with how many alerts each gave and when the last one was.

    Example: accord follows --json
    """
    found = ask(db, followed)
    show(found, as_json, lambda: follows_table(found))
