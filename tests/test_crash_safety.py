"""An `accord ingest` killed at any moment, then run again, ends with exactly the records of a run that was
never interrupted: one document is one transaction, so a kill loses at most the document in progress, and
the re-run stores it. Ctrl-C stops cleanly, says what was stored and exits 130.

The corpus is written here from templates: forty short articles, some reporting the same meetings (so
events fuse) and some near-copies of others (so sources link).
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.store import schema

PEOPLE = [
    ("Anna Berg", "Norway", "Oslo"),
    ("Kenji Sato", "Japan", "Tokyo"),
    ("Maria Lopez", "Chile", "Santiago"),
    ("Amina Diallo", "Senegal", "Dakar"),
    ("Lars Holm", "Denmark", "Copenhagen"),
    ("Ravi Menon", "India", "New Delhi"),
]
ARTICLES = 40
KILLS = 12
SEED = int(os.environ.get("ACCORD_KILL_SEED", time.time_ns() % 10**6))
TIME_COLUMNS = re.compile(r"_at$")  # when a row was written differs between runs; nothing else may


def write_corpus(folder: Path) -> None:
    rng = random.Random(3)
    folder.mkdir()
    for i in range(ARTICLES):
        (a, ca, city), (b, cb, _) = rng.sample(PEOPLE, 2)
        weekday = rng.choice(["Monday", "Tuesday", "Friday"])
        topic = rng.choice(["trade", "energy", "fisheries", "climate"])
        (folder / f"{i:03d}.txt").write_text(
            f" date 2024-05-{rng.randint(2, 28):02d}\nHome | World | Politics\n"
            f"Foreign Minister {a} of {ca} met Foreign Minister {b} of {cb} in {city} on {weekday}.\n"
            f"The two ministers discussed {topic} and agreed to meet again.\n"
            f"{b} said the talks were useful, according to statement number {i}.\nShare on Facebook\n",
            encoding="utf-8",
        )


def start(corpus: Path, db: Path) -> subprocess.Popen[str]:
    """`accord ingest` in its own process, with Ctrl-C delivered as Python expects (a shell may ignore it)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from accord.cli import app; app()",
            "ingest",
            str(corpus),
            "--db",
            f"sqlite:///{db}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ACCORD_BATCH_SIZE": "4", "COLUMNS": "200"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def stored_sources(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def wait_for(db: Path, sources: int, process: subprocess.Popen[str], limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while stored_sources(db) < sources and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the clock columns, sorted: what two runs must agree on."""
    tables: dict[str, list[tuple[object, ...]]] = {}
    with sqlite3.connect(db) as conn:
        for table in schema.tables():
            columns = [c.name for c in table.columns if not TIME_COLUMNS.search(c.name)]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table.name}").fetchall()
            tables[table.name] = sorted(rows, key=repr)
    return tables


def assert_whole(db: Path) -> None:
    """Nothing half-written: the file is sound, the schema is all there or not at all (a kill can land
    before the first migration commits), and every stored thing has what it needs."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        migrated = "migrations" in tables and conn.execute("SELECT count(*) FROM migrations").fetchone()[0]
        if not migrated:
            assert tables <= {"migrations"}, f"tables without their migration: {sorted(tables)}"
            return
        orphans = {
            "documents without a source": "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM sources s WHERE s.document_id = d.id)",
            "events without a mention": "SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)",
            "mentions without evidence": "SELECT count(*) FROM event_mentions m WHERE NOT EXISTS "
            "(SELECT 1 FROM evidence v WHERE v.mention_id = m.id)",
        }
        for what, query in orphans.items():
            assert conn.execute(query).fetchone()[0] == 0, what


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def clean_run(corpus: Path) -> dict[str, list[tuple[object, ...]]]:
    db = corpus.parent / "clean.db"
    process = start(corpus, db)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    found = snapshot(db)
    assert len(found["documents"]) > 20 and len(found["sources"]) == ARTICLES and found["events"]
    return found


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_gives_the_clean_records(
    corpus: Path, clean_run: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    """Kills land at random numbers of stored articles (plus a random few milliseconds), three in a row on
    one database (a re-run can be killed too), then one run to the end; four such databases."""
    rng = random.Random(SEED)
    kills, points = 0, []
    for group in range(KILLS // 3 + 2):
        if kills >= KILLS:
            break
        db = tmp_path / f"killed{group}.db"
        for _ in range(3):
            process = start(corpus, db)
            target = rng.randint(min(stored_sources(db), ARTICLES - 1), ARTICLES - 1)
            wait_for(db, target, process)
            time.sleep(rng.uniform(0, 0.03))
            process.kill()
            process.communicate(timeout=60)
            if process.returncode == -signal.SIGKILL:
                kills += 1
                points.append(stored_sources(db))
            assert_whole(db)
        process = start(corpus, db)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        assert snapshot(db) == clean_run, f"seed {SEED}: killed after {points} sources"
    assert kills >= 10, f"seed {SEED}: only {kills} kills landed before the runs ended"
    print(f"\n{kills} SIGKILLs (seed {SEED}) after these numbers of stored sources: {points}")


@pytest.mark.slow
def test_ctrl_c_stops_with_a_summary_and_exit_130(
    corpus: Path, clean_run: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "interrupted.db"
    process = start(corpus, db)
    wait_for(db, 10, process)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted:" in stderr and "run the same command again" in stderr
    assert "Traceback" not in stderr
    counts = [int(n) for n in re.findall(r"\d+", stdout.splitlines()[-2])]
    assert len(counts) == 7, stdout  # new, copies, unchanged, re-extracted, failed; events new, fused
    assert_whole(db)
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert stored_sources(db) >= 10
    assert 0 <= documents - counts[0] <= 1  # a document committed just as Ctrl-C came may miss the count
    process = start(corpus, db)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert snapshot(db) == clean_run
