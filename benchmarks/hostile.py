"""Inputs that used to take minutes or gigabytes, each timed at two sizes so growth shows.

    python benchmarks/hostile.py            # the sizes of issue 18 (the repeated sentence takes minutes)
    python benchmarks/hostile.py --small    # a quarter of each, in seconds

For each input: seconds and peak traced memory (`tracemalloc`, which slows the run; the extraction is
timed without it) at size n and 4n, and the ratio of the two times: about 4 is linear, about 16 quadratic.
Nothing is asserted; `tests/test_hostile_inputs.py` checks completion and growth on small sizes.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

from accord.clean import clean
from accord.errors import ReadError
from accord.readers import read_html
from accord.records import Document

MEETING = (
    "Foreign Minister Anna Berg of Norway met Foreign Minister Kenji Sato of Japan in Oslo on 4 March 2024. "
)


@dataclass(frozen=True)
class Hostile:
    """One kind of hostile input: how to make it at size `n`, what Accord does with it, and the sizes."""

    name: str
    make: Callable[[int], str]
    run: Callable[[str], object]
    size: int  # the size the issue reported; the benchmark runs size/4 and size
    traced: bool = True


def document(text: str) -> Document:
    return Document("hostile", "<hostile>", text, "text")


def clean_text(text: str) -> object:
    return clean(document(text))


def parse_html(html: str) -> object:
    try:
        return read_html(html, "hostile", "<hostile>")
    except ReadError as err:
        return err


def paragraphs(n: int) -> str:
    """A page of about `n` characters, all of them short paragraphs (about 18 characters each)."""
    return "<html><body>" + "<p>Some words.</p>" * (n // 18)


def extract_text(text: str) -> object:
    from accord.pipeline import extract_documents  # loads spaCy: only the inputs that need it

    return list(extract_documents([document(text)]))


HOSTILE = (
    Hostile("'cookie ' repeated (cleaner)", lambda n: "cookie " * n, clean_text, 14_000),
    Hostile(
        "short lines repeated (cleaner)", lambda n: "Read more about the talks here\n" * n, clean_text, 3_000
    ),
    Hostile("HTML paragraphs (reader)", paragraphs, parse_html, 360_000),  # 20,000 elements at most
    Hostile("HTML over the size limit (reader)", paragraphs, parse_html, 30_000_000),
    Hostile("meeting sentence repeated (extraction)", lambda n: MEETING * n, extract_text, 900, traced=False),
)


def measure(hostile: Hostile, n: int) -> tuple[float, int | None]:
    """Seconds, and peak traced bytes when `hostile.traced`, of running it at size `n`."""
    hostile.run(hostile.make(1))  # load what the first run loads (trafilatura, the spaCy model), untimed
    text = hostile.make(n)
    if hostile.traced:
        tracemalloc.start()
    started = time.perf_counter()
    hostile.run(text)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if hostile.traced else None
    tracemalloc.stop()
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", action="store_true", help="a quarter of each size")
    args = parser.parse_args()
    for hostile in HOSTILE:
        large = hostile.size // 4 if args.small else hostile.size
        figures = []
        for n in (large // 4, large):
            seconds, peak = measure(hostile, n)
            memory = f", peak {peak / 1e6:.1f} MB" if peak is not None else ""
            figures.append(seconds)
            print(f"{hostile.name}, n={n:,}: {seconds:.2f} s{memory}", flush=True)
        print(
            f"{hostile.name}: 4x the input took {figures[1] / max(figures[0], 1e-6):.1f}x the time\n",
            flush=True,
        )


if __name__ == "__main__":
    main()
