"""The JSON API under load: 100 concurrent clients on loopback against `accord serve` (uvicorn, its own
processes) over a store of 10,000 events, fresh, so every answer is computed once before it can be cached.
Bounded: a fixed number of requests and a time limit. Every response must be a 200 whose JSON parses; p50
and p99 latency are printed, in all and per kind of page (run with -s to see them), never asserted.

The clients are `load_client`'s, one keep-alive connection each on one event loop: httpx cost about 5 ms
of CPU a request in this process, on the cores the server needs, and its event loop became the queue
(p50 143 ms for answers the server had cached)."""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Iterator

import httpx
import pytest
from load_client import run_clients
from synthetic_store import COUNTRIES, fill
from web_server import serving

from accord.cli.web import default_workers
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
    with serving(url, workers=default_workers()) as base:  # every worker listening before the clients start
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


def percentiles(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p50, p99 = ordered[len(ordered) // 2], ordered[max(0, int(len(ordered) * 0.99) - 1)]
    return f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"


def kind(path: str) -> str:
    """/api/events?page=3 -> /api/events?page, /api/events/ev0001 -> /api/events/{id}."""
    route, _, query = path.partition("?")
    parts = route.split("/")
    if len(parts) > 3:
        route = "/".join([*parts[:3], "{id}" if len(parts) == 4 else "{a}/{b}"])
    return f"{route}?{'&'.join(p.split('=')[0] for p in query.split('&'))}" if query else route


@pytest.mark.slow
def test_a_hundred_concurrent_clients_get_only_successes(server: tuple[str, list[str]]) -> None:
    base, ids = server
    rng = random.Random(5)
    plans = [urls(rng, ids) for _ in range(CLIENTS)]
    started = time.perf_counter()
    outcome = run_clients(base, plans, TIME_LIMIT)
    elapsed = time.perf_counter() - started
    assert not outcome.failures, outcome.failures[:5]
    assert len(outcome.latencies) == CLIENTS * REQUESTS_PER_CLIENT
    kinds: defaultdict[str, list[float]] = defaultdict(list)
    for path, latency in outcome.timings:
        kinds[kind(path)].append(latency)
    print(
        f"\n{len(outcome.latencies)} requests from {CLIENTS} concurrent clients over {EVENTS:,} events in "
        f"{elapsed:.1f} s: {percentiles(outcome.latencies)}"
    )
    for name, latencies in sorted(kinds.items()):
        print(f"  {name:32} {len(latencies):4} requests: {percentiles(latencies)}")


def test_the_synthetic_store_holds_ten_thousand_events(server: tuple[str, list[str]]) -> None:
    base, ids = server
    counts = httpx.get(f"{base}/api/overview", timeout=30).json()["counts"]
    assert len(ids) == EVENTS and counts["events"] == EVENTS and counts["documents"] == EVENTS // 5
