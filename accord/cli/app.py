"""The `accord` application object and what every command shares: options, output consoles, and the
boundary where Accord's errors become a one-line message and an exit status."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console, RenderableType
from rich.markup import escape

from accord.errors import AccordError
from accord.records import Extraction, Reject
from accord.settings import Settings
from accord.store import Store, as_dict, open_store

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


def fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)  # a message may hold [brackets]
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


# The filters of `accord events`, `export` and `plot network`, and the parties of a pair.
TypeOpt = Annotated[Kind | None, typer.Option("--type", help="Only this type of event.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this ISO date (inclusive).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this ISO date (inclusive).")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="Only events involving this party.")]
PartyArg = Annotated[str, typer.Argument(help="A country (ISO alpha-3, e.g. JPN) or organisation (NATO).")]


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
