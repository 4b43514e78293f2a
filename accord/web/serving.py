"""`accord serve`'s processes: the web app (`app.app_from_environment`) in one uvicorn server per worker.

uvicorn's own workers share one listening socket, and the kernel hands a burst of connections mostly to one
of them (100 clients at once: three quarters of the work on one worker of two, which set the latency while
the other idled). Here each worker binds its own socket to the same address with SO_REUSEPORT, so Linux
spreads the connections evenly over the workers. Elsewhere (no SO_REUSEPORT, or macOS, where the last
socket bound takes every connection) and with one worker, uvicorn runs them as it always did.

The first process starts the workers, restarts one that stops (unless it stopped while starting: then
serving stops with an error) and stops them on Ctrl+C or SIGTERM, each finishing the requests it has.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
import time
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

from accord.errors import AccordError

log = logging.getLogger(__name__)

__all__ = ["ServeError", "balanced", "listening_socket", "serve"]

APP = "accord.web.app:app_from_environment"
STARTING_SECONDS = 10.0  # a worker that stops sooner than this after it started failed to start
STOP_SECONDS = 30.0  # how long stopping workers get to finish their requests


class ServeError(AccordError):
    """The web app could not listen on its address, or its workers could not start."""


def balanced() -> bool:
    """Whether the kernel spreads connections over sockets bound with SO_REUSEPORT (Linux does)."""
    return hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to host:port with SO_REUSEPORT, which other workers' sockets may share."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise ServeError(
            f"cannot listen on {host}:{port}: {err.strerror or err}; choose another --port or stop the "
            "program using it"
        ) from None
    return sock


def uvicorn_options(host: str, port: int, header_limit: int) -> dict[str, Any]:
    """The settings every way of serving shares: the app factory, the address, quiet logs, the header cap."""
    return {
        "app": APP,
        "factory": True,
        "host": host,
        "port": port,
        "log_level": "warning",
        "h11_max_incomplete_event_size": header_limit,
    }


def run_worker(host: str, port: int, header_limit: int) -> None:
    """One worker process: a uvicorn server on a socket of its own."""
    import uvicorn

    config = uvicorn.Config(**uvicorn_options(host, port, header_limit))
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


def serve(host: str, port: int, workers: int, header_limit: int) -> None:
    """Serve the app on host:port in `workers` processes until Ctrl+C or SIGTERM; headers past
    `header_limit` bytes close the connection (smaller ones past the app's own limit get its 431)."""
    if workers == 1 or not balanced():
        import uvicorn

        uvicorn.run(workers=workers, **uvicorn_options(host, port, header_limit))
        return
    listening_socket(host, port).close()  # the address is free (else a clear error now, not per worker)
    context = multiprocessing.get_context("spawn")

    def start() -> tuple[BaseProcess, float]:
        process = context.Process(target=run_worker, args=(host, port, header_limit), daemon=False)
        process.start()
        return process, time.monotonic()

    running = [start() for _ in range(workers)]
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stopping:
            ended = wait([process.sentinel for process, _ in running], timeout=0.5)
            for n, (process, started) in enumerate(running):
                if process.sentinel not in ended:
                    continue
                process.join(STOP_SECONDS)
                code = process.exitcode
                if stopping:
                    break  # Ctrl+C reached the workers too: each finished its requests and stopped
                if code and code > 0 and time.monotonic() - started < STARTING_SECONDS:
                    raise ServeError(
                        f"a web worker stopped while starting (exit status {code}); its messages are above"
                    )
                log.warning("web worker %s stopped (exit status %s); starting another", process.pid, code)
                running[n] = start()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for process, _ in running:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests under way, then stops
        deadline = time.monotonic() + STOP_SECONDS
        for process, _ in running:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
