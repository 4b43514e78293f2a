"""`accord serve` in its own process, for the tests that need a real server (uvicorn, worker processes)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(url: str, *options: str) -> Iterator[str]:
    """`accord serve --db url` with `options` on a free port; yields its base URL once it answers."""
    port = free_port()
    command = [sys.executable, "-c", "from accord.cli import app; app()", "serve", "--db", url]
    process = subprocess.Popen(
        [*command, "--port", str(port), *options],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/overview", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"accord serve did not start: {process.communicate()[1]}")
    try:
        yield base
    finally:
        process.terminate()
        process.communicate(timeout=30)
