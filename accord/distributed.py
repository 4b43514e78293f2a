"""Extraction on a Dask cluster: workers run the same pipeline, the caller stores the results.

Documents are read where the command runs and sent to the workers in batches; each worker process loads
the spaCy pipeline once (`accord.nlp.load_model` is cached per process) and returns the same records a
single-process run would. Results come back in input order, with a bounded number of batches in flight,
so memory stays flat however large the corpus and one writer can store them as they arrive.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from accord.errors import AccordError
from accord.pipeline import batched, extract_documents
from accord.readers import read_paths
from accord.records import Document, Extraction, Reject
from accord.settings import Settings

if TYPE_CHECKING:
    from distributed import Client

IN_FLIGHT_PER_WORKER = 2  # enough to keep every worker busy while the caller stores the previous batch


def extract_batch(documents: list[Document | Reject], settings: Settings) -> list[Extraction | Reject]:
    """What one task does on a worker: the single-process pipeline on one batch."""
    return list(extract_documents(documents, settings))


def connect(scheduler: str | None, workers: int) -> Client:
    """A client for the cluster at `scheduler`, or for a local cluster of worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AccordError(
            "the Dask engine needs dask[distributed]; run: pip install 'accord[dask]'"
        ) from None
    if scheduler:
        try:
            return Client(scheduler, timeout="30s")
        except OSError as err:
            raise AccordError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "120s"}):  # slow starts on a busy machine
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster, timeout="120s")


def extract_with_dask(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
) -> Iterator[Extraction | Reject]:
    """Extract every document under `paths` on a Dask cluster, yielding results in input order."""
    settings = settings or Settings.from_env()
    client = connect(scheduler, workers)
    try:
        window = max(1, IN_FLIGHT_PER_WORKER * len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque = deque()
        for batch in batched(read_paths(paths), settings.batch_size):
            pending.append(client.submit(extract_batch, batch, settings, pure=False))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()
