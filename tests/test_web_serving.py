"""`accord serve`'s worker processes (`accord.web.serving`): each listens on a socket of its own, so the
kernel spreads connections over all of them; a taken port is one clear error; stopping the server stops
every worker."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from anyio import to_thread
from fastapi.testclient import TestClient
from web_pages import sqlite_store, web_articles
from web_server import free_port, served_process

from accord.settings import Settings
from accord.web import create_app
from accord.web.app import SQLITE_THREADS
from accord.web.serving import ServeError, balanced, listening_socket

linux_only = pytest.mark.skipif(not balanced(), reason="SO_REUSEPORT spreads connections on Linux only")


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    return sqlite_store(tmp_path_factory.mktemp("serving"), web_articles())


@linux_only
def test_workers_sockets_share_one_port() -> None:
    port = free_port()
    first, second = listening_socket("127.0.0.1", port), listening_socket("127.0.0.1", port)
    try:
        assert first.getsockname() == second.getsockname() == ("127.0.0.1", port)
    finally:
        first.close()
        second.close()


@linux_only
def test_a_taken_port_is_one_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"cannot listen on 127.0.0.1:{port}: .*choose another --port"):
            listening_socket("127.0.0.1", port)


def connections_of(pid: int) -> int:
    """Sockets the process holds open (its listening socket and each connection it accepted); a descriptor
    the process closes while they are counted is not counted."""
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            count += fd.readlink().as_posix().startswith("socket:")
        except FileNotFoundError:
            continue
    return count


def workers_of(pid: int) -> list[int]:
    """The worker processes of `accord serve` (its children that hold sockets)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children if connections_of(int(child)) > 0]


@pytest.fixture
def clients() -> Iterator[list[httpx.Client]]:
    opened = [httpx.Client(timeout=30) for _ in range(40)]
    yield opened
    for client in opened:
        client.close()


@linux_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_connections_are_spread_over_every_worker(store_file: str, clients: list[httpx.Client]) -> None:
    with served_process(store_file, "--workers", "2", workers=2) as (base, process):
        workers = workers_of(process.pid)
        assert len(workers) == 2
        idle = {pid: connections_of(pid) for pid in workers}
        for client in clients:  # 40 keep-alive connections, held open
            assert client.get(f"{base}/api/overview").status_code == 200
        held = {pid: connections_of(pid) - idle[pid] for pid in workers}
        assert sum(held.values()) == len(clients) and min(held.values()) >= 5, held
    assert process.returncode == 0 or process.returncode < 0
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_views_over_sqlite_run_one_at_a_time_per_worker(store_file: str) -> None:
    with TestClient(create_app(Settings(db=store_file))) as client:
        assert client.get("/api/overview").status_code == 200
        assert client.portal is not None
        tokens = client.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens)
        assert tokens == SQLITE_THREADS == 1
