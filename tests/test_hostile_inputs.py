"""Inputs that used to take minutes or gigabytes finish in bounded time and memory, and their work grows
linearly: at four times the size, well under sixteen times the time (what quadratic work takes).

Only completion under a generous limit and the growth between two sizes are checked here; the figures
come from `benchmarks/hostile.py`, which runs the same inputs at the sizes the issue reported.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest
from benchmark_scripts import load_benchmark

LIMIT_SECONDS = 60  # for the larger size: generous on two shared cores
GROWTH = 8  # 4x the input: linear work takes about 4x the time, quadratic 16x


HOSTILE = {hostile.name: hostile for hostile in load_benchmark("hostile").HOSTILE}


def fastest(hostile: object, n: int, runs: int = 3) -> float:
    """The fastest of `runs` runs at size `n`: the machine is shared, and other work only adds time."""
    text = hostile.make(n)  # type: ignore[attr-defined]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        hostile.run(text)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - started)
    return min(times)


def assert_linear(name: str, small: int, runs: int = 3) -> None:
    hostile = HOSTILE[name]
    hostile.run(hostile.make(1))  # load what the first run loads (the spaCy model), untimed
    short, long = fastest(hostile, small, runs), fastest(hostile, 4 * small, runs)
    assert long < LIMIT_SECONDS, f"{name} at {4 * small:,}: {long:.1f} s"
    assert long < GROWTH * short + 0.05, f"{name}: {short:.3f} s at {small:,}, {long:.3f} s at {4 * small:,}"


@pytest.mark.parametrize(
    "name, small",
    [("'cookie ' repeated (cleaner)", 3_500), ("short lines repeated (cleaner)", 750)],
)
def test_the_cleaner_works_in_linear_time(name: str, small: int) -> None:
    assert_linear(name, small)


def test_html_is_parsed_in_linear_time_and_a_huge_page_is_refused_unparsed() -> None:
    assert_linear("HTML paragraphs (reader)", 45_000)  # 2,500 paragraphs, then 10,000
    hostile = HOSTILE["HTML over the size limit (reader)"]
    page = hostile.make(30_000_000)
    tracemalloc.start()
    started = time.perf_counter()
    refusal = hostile.run(page)
    seconds, peak = time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "characters of HTML, more than the 5,000,000 Accord parses" in str(refusal)
    assert seconds < 5 and peak < 10_000_000, (seconds, peak)


@pytest.mark.slow
def test_a_sentence_repeated_hundreds_of_times_is_extracted_in_linear_time() -> None:
    assert_linear("meeting sentence repeated (extraction)", 150, runs=1)  # 150, then 600 sentences
