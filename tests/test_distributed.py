"""The Dask engine run the way the README shows it: `accord ingest DIR --engine dask --workers 2` (a local
cluster) and `--scheduler tcp://…` (a scheduler and two `dask worker` processes started here) store exactly
what one process stores; a worker killed mid-run costs a retry of its batch, never a document; and
`accord doctor --scheduler` says whether that cluster can run Accord.

The corpus is the crash-safety test's (forty short articles written from templates, a few of them
near-copies of others, so sources link) and, written here, a second outlet's report of five of its
meetings, so events fuse.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_crash_safety import ARTICLES, write_corpus
from typer.testing import CliRunner

from accord.cli import app
from accord.nlp import load_model
from accord.store import open_store, schema
from accord.store.snapshot import TIME_COLUMNS, Snapshot, differences, snapshot

runner = CliRunner()
REPOSITORY = Path(__file__).resolve().parents[1]
SETTINGS = {"ACCORD_BATCH_SIZE": "4", "COLUMNS": "200"}  # many small batches: a worker always has one
# The subprocesses import this checkout, whatever `accord` the interpreter has installed.
ENVIRONMENT = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY), os.environ.get("PYTHONPATH")])),
    **SETTINGS,
}


MEETING = re.compile(
    r" date (\S+)\n.*\nForeign Minister (.+) of (.+) met Foreign Minister (.+) of (.+) in (.+) on (\w+)\."
)
SECOND_REPORTS = 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The crash-safety corpus, with a second outlet's report of a few of its meetings (events to fuse)."""
    folder = tmp_path_factory.mktemp("dask") / "corpus"
    write_corpus(folder)
    for path in sorted(folder.glob("*.txt"))[:SECOND_REPORTS]:
        meeting = MEETING.match(path.read_text(encoding="utf-8"))
        assert meeting, f"{path} no longer starts with the crash-safety test's meeting sentence"
        day, a, ca, b, cb, city, weekday = meeting.groups()
        (folder / f"second-{path.name}").write_text(
            f" date {day}\n{b}, the foreign minister of {cb}, held talks with {a} of {ca} in {city} on "
            f"{weekday}, officials said.\nThe meeting covered regional security and shipping.\n",
            encoding="utf-8",
        )
    return folder


def ingest(*arguments: str) -> None:
    result = runner.invoke(app, ["ingest", *arguments], env=SETTINGS)
    assert result.exit_code == 0, result.output


def stored(db: Path) -> Snapshot:
    store = open_store(f"sqlite:///{db}", create=False)
    try:
        return snapshot(store)
    finally:
        store.close()


def assert_same_store(db: Path, reference: Snapshot) -> None:
    found = stored(db)
    assert not differences(found, reference), differences(found, reference)
    assert len(found["sources"]) == ARTICLES + SECOND_REPORTS  # every input stored once
    assert found["events"] and found["people"] and found["event_mentions"]


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The store a plain `accord ingest` writes: what every engine must write."""
    db = tmp_path_factory.mktemp("reference") / "one.db"
    ingest(str(corpus), "--db", f"sqlite:///{db}")
    reference = stored(db)
    assert len(reference["sources"]) == ARTICLES + SECOND_REPORTS
    assert len(reference["events"]) < len(reference["event_mentions"])  # some reports were fused
    return reference


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dask(*arguments: str) -> subprocess.Popen[bytes]:
    """`dask …` as the README types it, from the interpreter running the tests."""
    command = Path(sys.executable).with_name("dask")
    return subprocess.Popen(
        [str(command), *arguments],
        env=ENVIRONMENT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A scheduler and two single-threaded workers on 127.0.0.1, as the README starts them."""
    Client = pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed]").Client

    address = f"tcp://127.0.0.1:{free_port()}"
    processes = [
        dask("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard")
    ]
    try:
        processes += [dask("worker", address, "--nthreads", "1", "--no-dashboard") for _ in range(2)]
        with Client(address, timeout="120s") as client:
            client.wait_for_workers(2, timeout=180)
        yield address
    finally:
        for process in reversed(processes):
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.slow
def test_a_local_cluster_of_two_workers_stores_what_one_process_stores(
    corpus: Path, one_process: Snapshot, tmp_path: Path
) -> None:
    pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed]")
    ingest(str(corpus), "--engine", "dask", "--workers", "2", "--db", f"sqlite:///{tmp_path / 'dask.db'}")
    assert_same_store(tmp_path / "dask.db", one_process)


@pytest.mark.slow
def test_a_scheduler_with_two_workers_stores_what_one_process_stores(
    corpus: Path, one_process: Snapshot, scheduler: str, tmp_path: Path
) -> None:
    from distributed import Client

    ingest(
        str(corpus), "--engine", "dask", "--scheduler", scheduler, "--db", f"sqlite:///{tmp_path / 'd.db'}"
    )
    assert_same_store(tmp_path / "d.db", one_process)
    with Client(scheduler, timeout="60s") as client:
        loads = client.run(lambda: load_model.cache_info().misses)  # a lambda travels by value
    assert list(loads.values()) == [1, 1], f"model loads per worker: {loads}"


@pytest.mark.slow
def test_a_worker_killed_mid_batch_costs_a_retry_not_a_document(
    corpus: Path, one_process: Snapshot, scheduler: str, tmp_path: Path
) -> None:
    from distributed import Client

    db = tmp_path / "killed.db"
    command = [sys.executable, "-c", "from accord.cli import app; app()", "ingest", str(corpus)]
    run = subprocess.Popen(
        [*command, "--engine", "dask", "--scheduler", scheduler, "--db", f"sqlite:///{db}"],
        env=ENVIRONMENT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with Client(scheduler, timeout="60s") as client:
        pids = client.run(os.getpid)
        running: dict[str, object] = {}
        deadline = time.monotonic() + 120
        while not running and run.poll() is None and time.monotonic() < deadline:
            running = {worker: keys for worker, keys in client.processing().items() if keys}
            time.sleep(0.02)
        assert running and run.poll() is None, "no batch was seen running on a worker"
        worker, keys = next(iter(running.items()))
        assert "extract_batch" in str(keys)
        os.kill(pids[worker], signal.SIGKILL)  # mid-batch; the worker's nanny starts a new one
    _, errors = run.communicate(timeout=300)
    assert run.returncode == 0, errors
    assert_same_store(db, one_process)


@pytest.mark.slow
def test_the_doctor_reports_a_reachable_cluster_and_an_unreachable_one(scheduler: str) -> None:
    from distributed import Client

    with Client(scheduler, timeout="60s") as client:
        client.wait_for_workers(2, timeout=180)  # a worker killed by the test before is back
    result = runner.invoke(app, ["doctor", "--json", "--scheduler", scheduler])
    (check,) = [c for c in json.loads(result.stdout) if c["group"] == "dask"]
    assert check["status"] == "ok" and "2 worker(s)" in check["detail"], check

    nowhere = f"tcp://127.0.0.1:{free_port()}"
    result = runner.invoke(app, ["doctor", "--scheduler", nowhere], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.stdout and "dask scheduler" in result.stdout


def test_without_dask_the_hint_names_the_extra(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what a missing package looks like to import
    checked = ["--model", "no_such_pipeline", "--db", f"sqlite:///{tmp_path / 'none.db'}"]  # no model loads
    doctor = runner.invoke(app, ["doctor", "--json", *checked, "--scheduler", "tcp://127.0.0.1:8786"])
    (check,) = [c for c in json.loads(doctor.stdout) if c["group"] == "dask"]
    assert check["status"] == "fail" and check["fix"] == "pip install 'accord[dask]'"
    result = runner.invoke(
        app, ["ingest", str(corpus), "--engine", "dask", "--db", f"sqlite:///{tmp_path / 'x.db'}"]
    )
    assert result.exit_code == 2
    assert "pip install 'accord[dask]'" in result.output


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "add --engine dask"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"], "dask worker"),
    ],
)
def test_a_scheduler_with_options_it_ignores_is_an_error(
    corpus: Path, tmp_path: Path, options: list[str], said: str
) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'x.db'}"]
    result = runner.invoke(app, ["ingest", str(corpus), *options, *db], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and said in result.output
    assert not (tmp_path / "x.db").exists()


def column(found: Snapshot, table: str, name: str) -> list[object]:
    (columns,) = [
        [c.name for c in t.columns if not TIME_COLUMNS.search(c.name)]
        for t in schema.tables()
        if t.name == table
    ]
    return [row[columns.index(name)] for row in found[table]]


def what_clients_agree_on(found: Snapshot) -> dict[str, object]:
    """What disjoint clients must store as one process does: the same documents and people, one event per
    merge key. (Event ids name the mention that started the event: whichever client came first.)"""
    return {
        "documents": found["documents"],
        "people": found["people"],
        "merge keys": sorted(map(str, column(found, "events", "merge_key"))),
        "sources": len(found["sources"]),
    }


@pytest.mark.slow
@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_two_clients_over_disjoint_inputs_share_one_postgresql_store(
    corpus: Path, one_process: Snapshot, store_url: str, tmp_path: Path
) -> None:
    """Copies of one article stay with one client (the first one stored is the document, the others its
    sources; see the README), and each second report goes to the other client than the report it fuses
    with, so fusion must see the other client's writes."""
    stored_as = dict(
        zip(
            (Path(str(p)).name for p in column(one_process, "sources", "path")),
            column(one_process, "sources", "document_id"),
            strict=True,
        )
    )
    groups: dict[object, list[Path]] = {}
    for path in sorted(corpus.iterdir()):
        groups.setdefault(stored_as[path.name], []).append(path)
    halves = [tmp_path / "first", tmp_path / "second"]
    for half in halves:
        half.mkdir()
    for paths in groups.values():
        number = int(re.sub(r"\D", "", paths[0].stem))
        for path in paths:
            (halves[(number % 2) ^ paths[0].name.startswith("second-")] / path.name).write_bytes(
                path.read_bytes()
            )
    command = [sys.executable, "-c", "from accord.cli import app; app()", "ingest"]
    clients = [
        subprocess.Popen(
            [*command, str(half), "--db", store_url], env=ENVIRONMENT, stderr=subprocess.PIPE, text=True
        )
        for half in halves
    ]
    for client in clients:
        _, errors = client.communicate(timeout=300)
        assert client.returncode == 0, errors
    store = open_store(store_url, create=False)
    try:
        shared_store = snapshot(store)
    finally:
        store.close()
    assert what_clients_agree_on(shared_store) == what_clients_agree_on(one_process)
