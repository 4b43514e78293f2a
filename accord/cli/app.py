"""The `accord` application object and what every command shares: options, output consoles, and the
boundary where Accord's errors become a one-line message and an exit status.

Commands import the library parts they use (the store, spaCy, matplotlib) when they run, so that
`accord --help`, `--version` and every command that does not extract start without loading them.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console, RenderableType
from rich.markup import escape

from accord import __version__
from accord.errors import AccordError
from accord.records import EVENT_TYPES, Extraction, Reject
from accord.settings import Settings

if TYPE_CHECKING:
    from accord.store import Store

app = typer.Typer(
    help="Accord turns news about international relations into events you can trust: who met, called, "
    "visited or agreed with whom, when, where, each tied to the sentence that states it.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # a message stays on one line, however long: grep-able logs
PIPE_WIDTH = 200  # tables written to a file or a pipe: wide enough that no column is squeezed


def print_version(wanted: bool) -> None:
    if wanted:
        sys.stdout.write(f"accord {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=print_version, is_eager=True, help="Print Accord's version and exit."
        ),
    ] = False,
) -> None:
    """Tables written to a file or a pipe are PIPE_WIDTH columns wide (or $COLUMNS), not a terminal's 80."""
    if not out.is_terminal:
        out.width = int(os.environ.get("COLUMNS") or PIPE_WIDTH)
    logging.getLogger("sqlalchemy.pool").addFilter(not_an_interruption)


def not_an_interruption(record: logging.LogRecord) -> bool:
    """Ctrl-C while the database pool resets a connection is the interruption the command reports in one
    line; SQLAlchemy's log of it would print a traceback over that line."""
    return not (record.exc_info and isinstance(record.exc_info[1], KeyboardInterrupt))


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories (read recursively) or '-' for standard input: seed-format text, "
        "plain text, HTML or JSON Lines."
    ),
]
OptionalPathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, directories (read recursively), http(s) URLs, .warc(.gz) web archives or '-' for "
        "standard input: seed-format text, plain text, HTML or JSON Lines.",
        show_default=False,
    ),
]
FeedOpt = Annotated[
    list[str] | None, typer.Option("--feed", help="An RSS or Atom feed whose articles to read (repeatable).")
]
SitemapOpt = Annotated[
    list[str] | None, typer.Option("--sitemap", help="A sitemap whose pages to read (repeatable).")
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to load (default: ACCORD_MODEL or the small English one)."),
]


WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Processes that extract at once (default: ACCORD_WORKERS or 1; 2 suits 2 cores).",
    ),
]


def settings_for(model: str | None, workers: int | None = None) -> Settings:
    try:
        return Settings.from_env(model=model, workers=workers)
    except AccordError as error:
        fail(str(error))


def fail(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)  # a message may hold [brackets]
    raise typer.Exit(2)


T = TypeVar("T")


def report_rejects(
    results: Iterable[Extraction | Reject], failed: list[Reject]
) -> Iterator[Extraction | Reject]:
    """Pass results through, printing each failed document's one-line reason on stderr as it goes by."""
    for result in results:
        if isinstance(result, Reject):
            failed.append(result)
            err.print(f"[red]failed:[/] {result.error}", highlight=False, soft_wrap=True)
        yield result


def guarded(results: Iterable[T]) -> Iterator[T]:
    try:
        yield from results
    except AccordError as error:
        fail(str(error))


STDOUT = "-"  # the file name that means standard output


@contextmanager
def text_sink(path: Path | None) -> Iterator[IO[str]]:
    """Where text goes: standard output for no path or '-', else the file, a failure to open it a one-line
    error."""
    if path is None or str(path) == STDOUT:
        yield sys.stdout
        return
    try:
        sink = path.open("w", encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")
    with sink:
        yield sink


@contextmanager
def file_or_stdout(path: Path, suffix: str) -> Iterator[Path]:
    """`path`, or for '-' a temporary file named with `suffix` (which tells a writer the format), copied to
    standard output once written: every writer that takes a path can write to a pipe."""
    if str(path) != STDOUT:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="accord-") as folder:
        written = Path(folder) / f"output{suffix}"
        yield written
        sys.stdout.flush()
        sys.stdout.buffer.write(written.read_bytes())
        sys.stdout.buffer.flush()


def status_console(path: Path | None) -> Console:
    """The console for a command's closing line: stderr when the output itself goes to standard output."""
    return err if path is None or str(path) == STDOUT else out


DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: ACCORD_DB or sqlite:///accord.db in this directory)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for machines instead of a table.")]


Kind = StrEnum("Kind", [(kind, kind) for kind in EVENT_TYPES])  # type: ignore[misc]


# The filters of `accord events`, `export` and `plot network`, and the parties of a pair.
TypeOpt = Annotated[Kind | None, typer.Option("--type", help="Only this type of event.")]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since", help="From this date (inclusive): 2024, 2024-03, 2024-03-15, yesterday, 7d, last week."
    ),
]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date (inclusive), as --since.")]
CountryOpt = Annotated[
    str | None,
    typer.Option("--country", help="Only events involving this party (code or name, e.g. JPN or Japan)."),
]
PartyArg = Annotated[
    str, typer.Argument(help="A country (ISO alpha-3 code or name: JPN, Japan) or organisation (NATO).")
]


def ask(db: str | None, question: Callable[[Store], T]) -> T:
    """Open an existing store, answer one question, close it; Accord's errors become a one-line message."""
    from accord.store import open_store

    try:
        store = open_store(Settings.from_env(db=db).db, create=False)
        try:
            return question(store)
        finally:
            store.close()
    except AccordError as error:
        fail(str(error))


def explain_empty(db: str | None, parties: Sequence[str]) -> None:
    """Say on stderr why an answer about valid parties is empty, so that no empty answer is silent."""
    from accord.store.terms import codes, no_events_note

    err.print(ask(db, lambda store: no_events_note(store, codes(store, *parties))), highlight=False)


def show(result: Any, as_json: bool, view: Callable[[], RenderableType]) -> None:
    from accord.store import as_dict

    if as_json:
        sys.stdout.write(json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(view())


def reflowed(doc: str) -> str:
    """A docstring as help: each paragraph one line, for Rich to wrap to the terminal (Typer keeps the
    source's line breaks, which a narrow terminal then breaks again), but "Example:" lines and lists apart."""
    paragraphs = []
    for paragraph in inspect.cleandoc(doc).split("\n\n"):
        lines = paragraph.splitlines()
        if any(line.startswith(("Example:", "- ", "  ")) for line in lines[1:]):
            paragraphs.append("\n".join(lines))
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def reflow_help(typer_app: typer.Typer) -> None:
    """Reflow the help of every command and command group registered on `typer_app` (see `reflowed`)."""
    for command in typer_app.registered_commands:
        if command.help is None and command.callback is not None and command.callback.__doc__:
            command.help = reflowed(command.callback.__doc__)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            reflow_help(group.typer_instance)
