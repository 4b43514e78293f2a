"""The JSON API under load: 100 concurrent clients on loopback against `accord serve` (uvicorn, its own
process) over a store of 10,000 events. Bounded: a fixed number of requests and a time limit. Every
response must be a 200; p50 and p99 latency are printed (run with -s to see them)."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Iterator

import httpx
import pytest
from synthetic_store import COUNTRIES, fill
from web_server import serving

from accord.store import open_store

CLIENTS = 100
REQUESTS_PER_CLIENT = 5
TIME_LIMIT = 120  # seconds for all requests together
EVENTS = 10_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """`accord serve` over a fresh synthetic store; yields its base URL and the stored event ids."""
    url = f"sqlite:///{tmp_path_factory.mktemp('load') / 'accord.db'}"
    store = open_store(url)
    ids = fill(store, EVENTS)
    store.close()
    with serving(url) as base:
        yield base, ids


def urls(rng: random.Random, ids: list[str]) -> list[str]:
    """What analysts ask most: lists of events (filtered, paged), single events, pairs, search, overview."""
    a, b = rng.sample(COUNTRIES, 2)
    choices = [
        f"/api/events?page={rng.randint(1, 200)}",
        f"/api/events?country={a}&type={rng.choice(['meet', 'call', 'visit', 'agree'])}",
        f"/api/events?since=2022-{rng.randint(1, 12):02d}&until=2022-12&size=20",
        f"/api/events/{rng.choice(ids)}",
        f"/api/events/{rng.choice(ids)}",
        f"/api/dyads/{a}/{b}",
        f"/api/search?q=talks%20number%20{rng.randrange(EVENTS)}",
        f"/api/documents/d{rng.randrange(0, EVENTS, 5):019d}",
        "/api/overview",
        "/api/graph?since=2023",
    ]
    return [rng.choice(choices) for _ in range(REQUESTS_PER_CLIENT)]


async def client(
    http: httpx.AsyncClient, paths: list[str], latencies: list[float], failures: list[str]
) -> None:
    for path in paths:
        start = time.perf_counter()
        try:
            response = await http.get(path)
            if response.status_code != 200:
                failures.append(f"{path}: {response.status_code} {response.text[:200]}")
        except httpx.HTTPError as err:
            failures.append(f"{path}: {type(err).__name__} {err}")
        latencies.append(time.perf_counter() - start)


@pytest.mark.slow
def test_a_hundred_concurrent_clients_get_only_successes(server: tuple[str, list[str]]) -> None:
    base, ids = server
    rng = random.Random(5)
    latencies: list[float] = []
    failures: list[str] = []

    async def run() -> None:
        # Every client is made before any request: making one loads TLS settings (tens of milliseconds of
        # this event loop), which would otherwise count in the latency of the requests already under way.
        https = [httpx.AsyncClient(base_url=base, timeout=60) for _ in range(CLIENTS)]
        try:
            tasks = [client(http, urls(rng, ids), latencies, failures) for http in https]
            await asyncio.wait_for(asyncio.gather(*tasks), TIME_LIMIT)
        finally:
            await asyncio.gather(*(http.aclose() for http in https))

    started = time.perf_counter()
    asyncio.run(run())
    elapsed = time.perf_counter() - started
    assert not failures, failures[:5]
    assert len(latencies) == CLIENTS * REQUESTS_PER_CLIENT
    ordered = sorted(latencies)
    p50, p99 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99) - 1]
    print(
        f"\n{len(latencies)} requests from {CLIENTS} concurrent clients over {EVENTS:,} events in "
        f"{elapsed:.1f} s: p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )


def test_the_synthetic_store_holds_ten_thousand_events(server: tuple[str, list[str]]) -> None:
    base, ids = server
    counts = httpx.get(f"{base}/api/overview", timeout=30).json()["counts"]
    assert len(ids) == EVENTS and counts["events"] == EVENTS and counts["documents"] == EVENTS // 5
