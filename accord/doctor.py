"""Is this installation able to do its work? Each finding says what breaks and the command that fixes it.

A broken install is exactly when this runs, so every check catches its own failure and reports it as a
finding instead of a traceback. Required parts fail (and `accord doctor` exits 1); optional parts only warn.
The doctor reads the database but never migrates or creates it.
"""

from __future__ import annotations

import importlib
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, metadata, requires, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from sqlalchemy import Connection, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from accord.errors import AccordError
from accord.settings import DEFAULT_MODEL, Settings
from accord.store import schema
from accord.store.corrected import orphaned
from accord.store.db import Store, connect
from accord.store.migrations import MIGRATIONS

__all__ = ["FAIL", "INFO", "OK", "WARN", "Check", "diagnose", "failed"]

OK, INFO, WARN, FAIL = "ok", "info", "warn", "fail"
CHROMIUM = Path("/usr/bin/chromium")
COUNTED = ("documents", "sources", "events", "event_mentions", "people", "offices")


@dataclass(frozen=True)
class Check:
    """One finding: `breaks` is what stops working when it is wrong, `fix` the command that repairs it."""

    group: str
    name: str
    status: str
    detail: str
    breaks: str = ""
    fix: str = ""


def python_check() -> Check:
    try:
        wanted = metadata("accord")["Requires-Python"] or ""
    except PackageNotFoundError:
        wanted = ""
    found = platform.python_version()
    if wanted and found not in SpecifierSet(wanted):
        return Check(
            "python",
            "Python",
            FAIL,
            f"{found} at {sys.executable}; Accord needs {wanted}",
            "everything: Accord will not install or import",
            "python3.11 -m venv .venv && .venv/bin/pip install -e .",
        )
    return Check("python", "Python", OK, f"{found} at {sys.executable}")


def package_checks() -> list[Check]:
    """Every runtime dependency Accord declares: installed, and at a version it accepts."""
    try:
        declared = [Requirement(r) for r in requires("accord") or []]
    except PackageNotFoundError:
        return [
            Check(
                "packages",
                "accord",
                FAIL,
                "imported from a source tree, not installed, so its dependencies are unchecked",
                "the `accord` command and the dependency set",
                "pip install -e .",
            )
        ]
    checks = []
    for req in declared:
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue  # an extra such as [dev]
        pin = f"pip install '{req.name}{req.specifier}'"
        try:
            found = version(req.name)
        except PackageNotFoundError:
            checks.append(Check("packages", req.name, FAIL, "not installed", "Accord cannot import", pin))
            continue
        if found not in req.specifier:
            detail = f"{found} installed, Accord needs {req.specifier}"
            checks.append(Check("packages", req.name, FAIL, detail, "may fail at import or run time", pin))
        else:
            checks.append(Check("packages", req.name, OK, found))
    return checks


def model_fix(name: str) -> str:
    from accord.nlp import KNOWN_MODELS  # spaCy: only when the doctor looks at the model

    if name in KNOWN_MODELS:
        return KNOWN_MODELS[name]
    return f"export ACCORD_MODEL={DEFAULT_MODEL}  (installed by: {KNOWN_MODELS[DEFAULT_MODEL]})"


def model_check(name: str) -> Check:
    """The configured spaCy pipeline: installed, loadable, English, with a parser and NER."""
    from accord.nlp import describe, load_model  # spaCy: only when the doctor looks at the model

    try:
        nlp = load_model(name)
    except AccordError as error:
        return Check(
            "model",
            name,
            FAIL,
            str(error).split(";")[0],
            "extract, demo, show and ingest: nothing can be read",
            model_fix(name),
        )
    return Check("model", name, OK, f"{describe(nlp)}; components: {', '.join(nlp.pipe_names)}")


def database_checks(url: str) -> list[Check]:
    """Reachable, at the newest recorded migration, and how much it holds."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    shown = parsed.render_as_string(hide_password=True) if parsed else url
    if parsed and parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if path not in ("", ":memory:") and not Path(path).exists():
            return [
                Check(
                    "database",
                    shown,
                    WARN,
                    f"no database at {path} yet",
                    "the query commands (timeline, events, export, report …) have nothing to read",
                    f"accord ingest PATH --db {shown}",
                )
            ]
    try:
        store = connect(url, create=False)
        try:
            return inspect_store(store)
        finally:
            store.close()
    except AccordError as error:
        fix = (
            "start the database server (e.g. `sudo service postgresql start`) or point --db / ACCORD_DB "
            "at a reachable one"
            if parsed
            else "export ACCORD_DB=sqlite:///accord.db  (or postgresql+psycopg://user@host:5432/dbname)"
        )
        detail = str(error).split("; check")[0]
        return [Check("database", shown, FAIL, detail, "ingest and every query command", fix)]


def inspect_store(store: Store) -> list[Check]:
    latest = MIGRATIONS[-1].version
    with store.read() as conn:
        conn.execute(text("SELECT 1"))
        reached = Check("database", "reachable", OK, f"{store.url} ({store.dialect})")
        tables = set(inspect(conn).get_table_names())
        versions = set(conn.scalars(select(schema.migrations.c.version))) if "migrations" in tables else set()
        counts = {
            name: conn.scalar(select(func.count()).select_from(schema.metadata.tables[name])) or 0
            for name in COUNTED
            if name in tables
        }
        reviewed = corrections_check(conn) if "corrections" in tables else None
    current = max(versions, default=0)
    if current > latest:
        migrated = Check(
            "database",
            "schema",
            FAIL,
            f"version {current}, newer than this Accord knows ({latest})",
            "every command refuses this database",
            "pip install -U accord",
        )
    elif current < latest:
        migrated = Check(
            "database",
            "schema",
            WARN,
            f"version {current}, the latest is {latest}",
            "nothing yet: the next Accord command that opens it migrates it",
            f"accord events --db {store.url}",
        )
    else:
        migrated = Check("database", "schema", OK, f"version {current} (latest)")
    held = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
    rows = Check("database", "rows", INFO, held or "no tables yet")
    return [reached, migrated, rows, *([reviewed] if reviewed else [])]


def corrections_check(conn: Connection) -> Check:
    """How many corrections analysts made, and a warning for those re-extraction left without an event."""
    trail = conn.scalar(select(func.count()).select_from(schema.corrections)) or 0
    lost = len(orphaned(conn))
    detail = f"{trail} corrections in the audit trail, {lost} orphaned"
    if lost:
        return Check(
            "database",
            "corrections",
            WARN,
            detail,
            "those corrections apply to no event: their events were re-extracted away",
            "accord corrections",
        )
    return Check("database", "corrections", INFO, detail)


def optional_module(module: str, distribution: str, name: str, breaks: str, fix: str) -> Callable[[], Check]:
    """A check that `module` imports (a driver can be installed yet fail to load), with its version."""

    def check() -> Check:
        try:
            importlib.import_module(module)
            found = version(distribution)
        except Exception as error:  # a broken optional import is a finding, not a crash
            return Check("optional", name, WARN, f"cannot import {module}: {error}", breaks, fix)
        return Check("optional", name, OK, f"{distribution} {found}")

    return check


def chromium_check() -> Check:
    if CHROMIUM.exists():
        return Check("optional", "Chromium", OK, str(CHROMIUM))
    return Check(
        "optional",
        "Chromium",
        WARN,
        f"not at {CHROMIUM}",
        "the web app's browser tests",
        "apt-get update && apt-get install -y chromium",
    )


OPTIONAL = (
    optional_module(
        "psycopg",
        "psycopg",
        "PostgreSQL driver",
        "postgresql+psycopg:// database URLs",
        "pip install 'psycopg[binary]>=3'",
    ),
    optional_module(
        "distributed", "distributed", "Dask", "ingesting on a Dask cluster", "pip install 'accord[dask]'"
    ),
    optional_module(
        "playwright", "playwright", "Playwright", "the web app's browser tests", "pip install playwright"
    ),
    chromium_check,
)


def scheduler_check(scheduler: str) -> Check:
    """The Dask cluster `accord ingest --engine dask --scheduler` would use: reachable, with workers that
    run this Accord."""
    from accord import __version__
    from accord.distributed import INSTALL_HINT, worker_versions

    breaks = f"accord ingest --engine dask --scheduler {scheduler}"
    try:
        versions = worker_versions(scheduler)
    except AccordError as error:
        fix = (
            "pip install 'accord[dask]'"
            if str(error) == INSTALL_HINT
            else f"start it (dask scheduler), or give its address; then on each worker machine: "
            f"pip install accord && dask worker {scheduler} --nthreads 1"
        )
        return Check("dask", scheduler, FAIL, str(error), breaks, fix)
    if not versions:
        fix = f"on each worker machine: dask worker {scheduler} --nthreads 1"
        return Check("dask", scheduler, FAIL, "reachable, but no worker has joined", breaks, fix)
    found = set(versions.values())
    detail = f"reachable; {len(versions)} worker(s), Accord {', '.join(sorted(found))}"
    if found != {__version__}:
        fix = f"pip install 'accord=={__version__}' on every worker (this machine has {__version__})"
        return Check("dask", scheduler, WARN, detail, "results that differ from this machine's", fix)
    return Check("dask", scheduler, OK, detail)


def diagnose(settings: Settings, scheduler: str | None = None) -> list[Check]:
    """Every check, in the order a reader fixes them: Python, packages, model, database, optional parts,
    and the Dask cluster at `scheduler` when one is named."""
    return [
        python_check(),
        *package_checks(),
        model_check(settings.model),
        *database_checks(settings.db),
        *(check() for check in OPTIONAL),
        *([scheduler_check(scheduler)] if scheduler else []),
    ]


def failed(checks: list[Check]) -> bool:
    return any(c.status == FAIL for c in checks)
