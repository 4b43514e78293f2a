"""How long the `accord` command takes to start: `--help`, `--version` and `timeline --help`, each run as
a new process the way a shell runs it, plus what `import accord.cli` loads.

    python benchmarks/cli_startup.py --repeat 10

Prints the fastest and the median wall-clock time of each command over `--repeat` runs (the fastest is the
figure on an idle machine; the median shows the noise of a busy one), then the number of modules the CLI
import loads and whether spaCy is among them. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (["--help"], ["--version"], ["timeline", "--help"])
PROBE = (
    "import sys, accord.cli; "
    "print(len(sys.modules), sum(m.startswith('accord') for m in sys.modules), "
    "any(m.split('.')[0] == 'spacy' for m in sys.modules))"
)


def accord_command() -> list[str]:
    """The installed `accord` script beside this Python, else the CLI module run by this Python."""
    script = Path(sys.executable).with_name("accord")
    if script.exists():
        return [str(script)]
    found = shutil.which("accord")
    return [found] if found else [sys.executable, "-c", "from accord.cli import app; app()"]


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (default 5)")
    args = parser.parse_args()
    accord = accord_command()
    for extra in COMMANDS:
        times = sorted(seconds([*accord, *extra]) for _ in range(args.repeat))
        shown = " ".join(["accord", *extra])
        print(f"{shown:<24} fastest {times[0]:.3f} s   median {statistics.median(times):.3f} s")
    modules, own, spacy = subprocess.run(
        [sys.executable, "-c", PROBE], check=True, capture_output=True, text=True
    ).stdout.split()
    print(f"import accord.cli: {modules} modules, {own} of them Accord's; spaCy loaded: {spacy}")


if __name__ == "__main__":
    main()
