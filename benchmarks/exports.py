"""How fast, and in how much memory, the store's events go out: `accord export` (CSV, POLECAT) and
`accord events --json`, which stream a chunk of events at a time, against reading every event into one
list and writing one JSON string (what `events --json` did before).

    python benchmarks/exports.py --events 5000

Fills a temporary SQLite store with synthetic events (`tests/synthetic_store.py`: one report, two
participants, one evidence sentence and one source each), then runs each way in a process of its own and
prints its wall time and peak RSS. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # run as a script: the synthetic store is the tests' own

from synthetic_store import fill  # noqa: E402

from accord.store import open_store  # noqa: E402

# Each way runs after the same imports, so the figures are the work's own: seconds from the imports to
# the end, and how far the peak RSS rose above what the imports took.
RUN = """
import resource, sys, time
import accord.cli, accord.exports
loaded, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter()
try:
    {body}
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(time.perf_counter() - started, (peak - loaded) // 1024, loaded // 1024, file=sys.stderr)
"""
CLI = "from accord.cli import app; sys.argv = ['accord', *{args!r}]; app()"
ALL_AT_ONCE = (
    "import json; from accord.store import open_store, events, as_dict; "
    "sys.stdout.write(json.dumps(as_dict(events(open_store({url!r}))), ensure_ascii=False, indent=2))"
)


def timed(body: str, out: Path) -> tuple[float, int, int]:
    """Seconds, the rise of the peak RSS (MB) and the RSS after the imports of `body`, run in a fresh
    Python process writing to `out`."""
    with out.open("w") as sink:
        done = subprocess.run(
            [sys.executable, "-c", RUN.format(body=body)],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    seconds, rise, loaded = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rise), int(loaded)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=5000, help="synthetic events in the store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        url = f"sqlite:///{root / 'accord.db'}"
        store = open_store(url)
        fill(store, args.events)
        store.close()
        ways = {
            "events --json, all at once (before)": ALL_AT_ONCE.format(url=url),
            "events --json, streamed": CLI.format(args=["events", "--json", "--db", url]),
            "export --format csv": CLI.format(
                args=["export", "--format", "csv", "-o", str(root / "e.csv"), "--db", url]
            ),
            "export --format polecat": CLI.format(
                args=["export", "--format", "polecat", "-o", str(root / "e.tsv"), "--db", url]
            ),
        }
        print(f"{args.events} events, SQLite")
        for name, body in ways.items():
            seconds, rise, loaded = timed(body, root / "out")
            print(
                f"  {name:<38} {seconds:6.2f} s {args.events / seconds:7.0f} events/s"
                f"  peak RSS +{rise} MB over {loaded} MB after the imports"
            )


if __name__ == "__main__":
    main()
