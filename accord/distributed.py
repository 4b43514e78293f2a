"""Extraction on a Dask cluster: workers run the same pipeline, the caller stores the results.

Documents are read where the command runs and sent to the workers in batches. Each worker extracts a
batch in its own process, never with a pool of its own (Dask's worker processes are daemons and may not
have children), and loads the spaCy pipeline once, when it joins (a worker plugin). Results come back in
input order with a bounded number of batches in flight, so the caller's memory stays flat however large
the corpus and one writer stores them as they arrive. A batch whose worker dies is run again elsewhere
(Dask's own rescheduling, plus `retries` for a task that raised), so no document is lost or returned
twice; a batch that still fails becomes one `Reject` per document and the run goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from accord.errors import AccordError
from accord.pipeline import Item, Result, StageTimes, batched, collect, extract_batch
from accord.readers import read_paths
from accord.records import Extraction, Reject
from accord.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future

IN_FLIGHT_PER_WORKER = 2  # per worker thread: keeps every worker busy while the caller stores a batch
RETRIES = 2  # a batch whose task raised (a worker out of memory, say) is tried this many more times
WORKER_WAIT = 60.0  # seconds an empty cluster may take to get its first worker
INSTALL_HINT = "the Dask engine needs dask[distributed]; run: pip install 'accord[dask]'"


def scheduler_client(scheduler: str, timeout: float) -> Client:
    """A client for the cluster at `scheduler`; Dask not installed, or the scheduler out of reach, is an
    `AccordError` that says so."""
    try:
        from distributed import Client
    except ImportError:
        raise AccordError(INSTALL_HINT) from None
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, ValueError) as err:
        raise AccordError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None


def cluster_client(scheduler: str | None, workers: int) -> Client:
    """A client for the cluster at `scheduler` (once it has a worker), or for a new local cluster of
    `workers` single-threaded worker processes."""
    if scheduler:
        client = scheduler_client(scheduler, timeout=30.0)
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except TimeoutError:
            client.close()
            raise AccordError(
                f"the Dask scheduler at {scheduler} has no workers after {WORKER_WAIT:.0f} s; start one with: "
                f"dask worker {scheduler} --nthreads 1"
            ) from None
        return client
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise AccordError(INSTALL_HINT) from None
    settings = {
        "distributed.comm.timeouts.connect": "120s",  # slow starts on a busy machine
        # Dask starts workers with one BLAS/OpenMP thread each; spaCy's parser runs faster with the
        # machine's default, as it does in one process and in `--workers` processes (measured: 1.0x
        # speed-up with the limit, see benchmarks/README.md)
        "distributed.nanny.pre-spawn-environ": {"MALLOC_TRIM_THRESHOLD_": 65536},
    }
    with dask.config.set(settings):
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster, timeout="120s")


def accord_version() -> str:
    """Run on each worker by `worker_versions`: the Accord a worker imports (unpickling it needs one)."""
    from accord import __version__

    return __version__


def worker_versions(scheduler: str, timeout: float = 10.0) -> dict[str, str]:
    """The Accord version on every worker of the cluster at `scheduler`, by worker address; for the doctor,
    so every failure is an `AccordError` that says what is wrong."""
    client = scheduler_client(scheduler, timeout)
    try:
        return dict(client.run(accord_version))
    except Exception as err:  # whatever a worker raised (most often: no Accord installed there)
        raise AccordError(f"the workers of {scheduler} cannot run Accord: {err}") from None
    finally:
        client.close()


@contextmanager
def connected(scheduler: str | None, workers: int, model: str) -> Iterator[Client]:
    """A client whose workers have the model loaded; closes the client and any local cluster it made."""
    client = cluster_client(scheduler, workers)
    try:
        from accord.dask_plugin import ModelLoader

        client.register_plugin(ModelLoader(model))
        yield client
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()


def extract_on(
    client: Client, documents: Iterable[Item], settings: Settings
) -> Iterator[Extraction | Reject]:
    """Extract `documents` on the cluster behind `client`, yielding results in input order."""
    times = StageTimes()
    in_flight: deque[tuple[list[Item], Future[tuple[list[Result], StageTimes]]]] = deque()
    for batch in batched(documents, settings.batch_size):
        future = client.submit(extract_batch, batch, settings, pure=False, retries=RETRIES)
        in_flight.append((batch, future))
        threads = sum(client.nthreads().values())  # asked again each batch: workers may come and go
        if len(in_flight) >= IN_FLIGHT_PER_WORKER * max(1, threads):
            yield from collect(*in_flight.popleft(), times)
    while in_flight:
        yield from collect(*in_flight.popleft(), times)


def extract_with_dask(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
) -> Iterator[Extraction | Reject]:
    """Extract every document under `paths` on a Dask cluster (the one at `scheduler`, or a local one of
    `workers` processes), yielding results in input order."""
    settings = settings or Settings.from_env()
    with connected(scheduler, workers, settings.model) as client:
        yield from extract_on(client, read_paths(paths), settings)
