"""A small HTTP/1.1 client for load tests: one keep-alive connection per simulated client on asyncio streams,
each answer read whole (by Content-Length or chunks) and checked.

Why not httpx: a request costs httpx about 5 ms of CPU. A hundred clients in the test's own process, on the
same two cores as the server, spent 2.6 s of CPU on 500 requests, and each request waited for the client's
one event loop as well as for the server (p50 143 ms for an answer the server had cached). This client costs
a fraction of that, so the latency it measures is the server's, as a client on another machine would see it.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["Connection", "Outcome", "run_clients"]


@dataclass
class Outcome:
    """Every request's path and latency in seconds, and a line for each that failed (not a 200, or a broken
    answer)."""

    timings: list[tuple[str, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def latencies(self) -> list[float]:
        return [latency for _, latency in self.timings]


class Connection:
    """One keep-alive connection to `base` (http://host:port)."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes, dict[str, str]]:
        """Status, body and headers (lower-case names) of GET `path`."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: */*\r\n\r\n"
        self.writer.write(request.encode("latin-1"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in lines:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self.chunked()
        else:
            raise ValueError(f"{path}: an answer with neither Content-Length nor chunks")
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body, headers

    async def chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            data = await self.reader.readexactly(size + 2)
            parts.append(data[:-2])
            if size == 0:
                return b"".join(parts)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()
            self.reader = self.writer = None


async def one_client(base: str, paths: list[str], outcome: Outcome) -> None:
    """`paths` one after the other on one connection; each answer must be a 200 whose JSON parses."""
    connection = Connection(base)
    try:
        for path in paths:
            start = time.perf_counter()
            try:
                status, body, headers = await connection.get(path)
                if status != 200:
                    outcome.failures.append(f"{path}: {status} {body[:200]!r}")
                elif headers.get("content-type", "").startswith("application/json"):
                    json.loads(body)
            except (OSError, ValueError, asyncio.IncompleteReadError) as err:
                outcome.failures.append(f"{path}: {type(err).__name__} {err}")
                await connection.close()
            outcome.timings.append((path, time.perf_counter() - start))
    finally:
        await connection.close()


def run_clients(base: str, plans: list[list[str]], time_limit: float) -> Outcome:
    """One concurrent client per plan (its paths in order), all at once; fails after `time_limit` seconds."""
    outcome = Outcome()

    async def run() -> None:
        tasks = [one_client(base, paths, outcome) for paths in plans]
        await asyncio.wait_for(asyncio.gather(*tasks), time_limit)

    asyncio.run(run())
    return outcome
