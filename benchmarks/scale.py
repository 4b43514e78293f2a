"""How `accord ingest` scales out: one process, `--workers N`, and Dask with N local workers, side by side.

    python benchmarks/scale.py --articles 1000

Writes a generated corpus (`benchmarks/corpus.py`) to a temporary directory and runs, as a user types them,

    accord ingest CORPUS --db sqlite:///one.db
    accord ingest CORPUS --db sqlite:///workers.db --workers N
    accord ingest CORPUS --db sqlite:///dask.db --engine dask --workers N

each in its own process, while sampling the memory of that process (the client: it reads and stores) and
of its worker processes. Every command is also run on a corpus of two articles, to tell its start-up
(model loading, starting the pool or the cluster) from its throughput. Prints articles/s with and
without start-up, the speed-up over one process, the peak memory of client and workers, and whether the
three stores hold exactly the same rows. Nothing is asserted; the exit status is 1 when the stores differ.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil  # type: ignore[import-untyped]  # installed with dask[distributed], without stubs

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: corpus.py sits beside it

from corpus import generate, write_corpus

from accord.store import open_store
from accord.store.snapshot import Snapshot, differences, snapshot

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE_SECONDS = 0.1


@dataclass
class Peaks:
    """The largest resident memory seen per process of a command's tree, sampled every 0.1 s."""

    root: int
    rss: dict[int, int] = field(default_factory=dict)

    def sample(self) -> None:
        try:
            tree = psutil.Process(self.root)
            processes = [tree, *tree.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for process in processes:
            try:
                rss = process.memory_info().rss
            except psutil.NoSuchProcess:
                continue
            self.rss[process.pid] = max(rss, self.rss.get(process.pid, 0))

    def client_mb(self) -> float:
        return self.rss.get(self.root, 0) / 2**20

    def workers_mb(self) -> float:
        return max((rss for pid, rss in self.rss.items() if pid != self.root), default=0) / 2**20


@dataclass
class Run:
    label: str
    seconds: float
    peaks: Peaks
    startup: float = 0.0


def accord_ingest(corpus: Path, db: Path, options: list[str]) -> tuple[float, Peaks]:
    """Run `accord ingest` from this checkout; its wall time and its processes' peak memory."""
    command = [sys.executable, "-c", "from accord.cli import app; app()", "ingest", str(corpus)]
    paths = [str(REPOSITORY), *filter(None, [os.environ.get("PYTHONPATH")])]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--db", f"sqlite:///{db}", *options],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peaks = Peaks(process.pid)
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peaks.sample()
            done.wait(SAMPLE_SECONDS)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    if process.returncode:
        raise SystemExit(f"accord ingest {' '.join(options)} failed ({process.returncode}):\n{errors}")
    return seconds, peaks


def stored(db: Path) -> Snapshot:
    store = open_store(f"sqlite:///{db}", create=False)
    try:
        return snapshot(store)
    finally:
        store.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--repeat", type=int, default=1, help="run every command N times, keep the fastest")
    args = parser.parse_args(argv)
    modes = {
        "1 process": [],
        f"--workers {args.workers}": ["--workers", str(args.workers)],
        f"dask, {args.workers} local workers": ["--engine", "dask", "--workers", str(args.workers)],
    }
    with tempfile.TemporaryDirectory(prefix="accord-scale-") as tmp:
        root = Path(tmp)
        write_corpus(generate(args.articles, args.seed), root / "corpus")
        write_corpus(generate(2, args.seed + 1), root / "tiny", jsonl_every=0)
        print(
            f"accord ingest, {args.articles} articles (seed {args.seed}), {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.1f} at the start, into SQLite"
        )
        runs: dict[str, Run] = {}
        for attempt in range(args.repeat):  # alternate the modes, so that a busy machine slows all alike
            for label, options in modes.items():
                db = root / f"{len(runs)}-{attempt}.db"
                startup, _ = accord_ingest(root / "tiny", root / f"tiny-{attempt}.db", options)
                (root / f"tiny-{attempt}.db").unlink()
                seconds, peaks = accord_ingest(root / "corpus", db, options)
                if label not in runs or seconds < runs[label].seconds:
                    runs[label] = Run(label, seconds, peaks, startup)
                    (root / f"{label}.db").unlink(missing_ok=True)
                    db.rename(root / f"{label}.db")
        print(f"load average {os.getloadavg()[0]:.1f} at the end\n")
        one = runs["1 process"]
        header = (
            "",
            "wall s",
            "articles/s",
            "speed-up",
            "start-up s",
            "after start-up/s",
            "speed-up",
            "client MB",
            "workers MB",
        )
        rows = []
        for run in runs.values():
            steady = max(run.seconds - run.startup, 1e-9)
            rows.append(
                (
                    run.label,
                    f"{run.seconds:.1f}",
                    f"{args.articles / run.seconds:.1f}",
                    f"{one.seconds / run.seconds:.2f}x",
                    f"{run.startup:.1f}",
                    f"{args.articles / steady:.1f}",
                    f"{(one.seconds - one.startup) / steady:.2f}x",
                    f"{run.peaks.client_mb():.0f}",
                    f"{run.peaks.workers_mb():.0f}" if run.peaks.workers_mb() else "-",
                )
            )
        widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
        for row in (header, *rows):
            print("  ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=True)))
        reference = stored(root / "1 process.db")
        same = True
        for label in list(runs)[1:]:
            differ = differences(stored(root / f"{label}.db"), reference)
            same = same and not differ
            print(
                f"\nstore of {label!r} against 1 process: {'identical' if not differ else '; '.join(differ)}"
            )
        counts = ", ".join(f"{len(reference[t])} {t}" for t in ("documents", "sources", "events", "people"))
        print(f"  (every table but the clock columns; the store holds {counts})")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
