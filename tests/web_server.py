"""`accord serve` in its own process, for the tests that need a real server (uvicorn, worker processes)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listeners(port: int) -> int:
    """How many sockets listen on `port` (Linux: /proc/net/tcp; elsewhere 1, as if the server were ready)."""
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        return 1
    found = 0
    for table in tables:
        for line in table.read_text().splitlines()[1:] if table.exists() else []:
            local, state = line.split()[1], line.split()[3]
            found += state == "0A" and int(local.rsplit(":", 1)[1], 16) == port
    return found


@contextmanager
def served_process(url: str, *options: str, workers: int = 1) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`accord serve --db url` with `options` on a free port, once it answers and `workers` sockets listen
    (each worker its own, where the kernel spreads connections over them); yields its base URL and process."""
    port = free_port()
    command = [sys.executable, "-c", "from accord.cli import app; app()", "serve", "--db", url]
    process = subprocess.Popen(
        [*command, "--port", str(port), *options],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        start_new_session=True,  # its workers too can be stopped at once, should it not stop them itself
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/overview", timeout=5).status_code == 200 and (
                workers == 1 or listeners(port) >= workers
            ):
                break
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail(f"accord serve did not start: {process.communicate()[1]}")
    try:
        yield base, process
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise


@contextmanager
def serving(url: str, *options: str, workers: int = 1) -> Iterator[str]:
    """`served_process`'s base URL."""
    with served_process(url, *options, workers=workers) as (base, _):
        yield base
