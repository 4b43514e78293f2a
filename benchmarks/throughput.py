"""How fast Accord extracts and ingests, stage by stage, against spaCy alone on the same texts.

    python benchmarks/throughput.py --articles 300

Writes a generated corpus (`benchmarks/corpus.py`) to a temporary directory, loads the model once (not
counted), then times: extraction of the diplomatic articles; spaCy alone (the same pipeline object,
`nlp.pipe` on the same cleaned texts) and the ratio of the two; extraction of the off-topic articles
(the relevance gate's work); the diplomatic articles again with a pool of workers; and ingest of the
whole corpus into a temporary SQLite file. Every figure is printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: corpus.py sits beside it

from corpus import generate, write_corpus

from accord.nlp import describe, load_model
from accord.output import extraction_dict
from accord.pipeline import StageTimes, extract_documents
from accord.readers import read_paths
from accord.records import Extraction, Reject
from accord.settings import Settings

STAGES = ("read", "clean", "gate", "nlp", "events")


@dataclass
class Run:
    """What one timed pass measured."""

    label: str
    seconds: float
    times: StageTimes
    articles: int = 0
    words: int = 0
    events: int = 0
    rejects: int = 0
    outputs: list[dict[str, object]] = field(default_factory=list)

    def rate(self, count: int) -> str:
        return f"{count / self.seconds:,.1f}" if self.seconds else "n/a"

    def stage_line(self, extra: str = "") -> str:
        parts = [f"{name} {self.times.seconds.get(name, 0.0):.2f} s" for name in STAGES]
        if extra:
            parts.append(extra)
        return " | ".join([*parts, f"total {self.seconds:.2f} s"])


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(who).ru_maxrss / 1024


def measure(
    label: str,
    results: Iterable[Extraction | Reject],
    times: StageTimes,
    texts: Path | None = None,
    keep: bool = False,
) -> Run:
    """Consume `results`, counting articles, words and events; optionally save the cleaned texts."""
    sink = texts.open("w", encoding="utf-8") if texts else None
    run = Run(label, 0.0, times)
    start = time.perf_counter()
    for result in results:
        run.articles += 1
        if isinstance(result, Reject):
            run.rejects += 1
        else:
            run.words += len(result.cleaned.text.split())
            run.events += len(result.events)
            if sink:
                sink.write(json.dumps(result.cleaned.text) + "\n")
        if keep:
            run.outputs.append(extraction_dict(result))
    run.seconds = time.perf_counter() - start
    if sink:
        sink.close()
    return run


def lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as source:
        for line in source:
            yield json.loads(line)


def spacy_alone(texts: Path, settings: Settings) -> tuple[float, int]:
    """The same pipeline object Accord uses, on the same cleaned texts, doing nothing with the docs."""
    nlp = load_model(settings.model)
    count = 0
    start = time.perf_counter()
    for _ in nlp.pipe(lines(texts), batch_size=settings.batch_size):
        count += 1
    return time.perf_counter() - start, count


def extract_run(
    label: str,
    directory: Path,
    settings: Settings,
    workers: int,
    texts: Path | None = None,
    keep: bool = False,
) -> Run:
    times = StageTimes()
    results = extract_documents(read_paths([directory]), settings, times, workers=workers)
    return measure(label, results, times, texts, keep)


def ingest_run(directories: list[Path], settings: Settings, database: Path) -> Run | None:
    """Extract and store everything in a new SQLite file; None when this checkout has no store."""
    try:
        from accord.store import ingest_results, open_store
    except ImportError:
        return None
    store = open_store(f"sqlite:///{database}")
    times = StageTimes()
    try:
        start = time.perf_counter()
        summary = ingest_results(store, extract_documents(read_paths(directories), settings, times))
        seconds = time.perf_counter() - start
    finally:
        store.close()
    stored = summary.documents_new + summary.documents_copies + summary.documents_unchanged
    return Run(
        "ingest",
        seconds,
        times,
        stored + summary.documents_failed,
        0,
        summary.events_new + summary.events_fused,
    )


def report_extract(run: Run, model_documents: int) -> None:
    print(
        f"\n{run.label}: {run.articles} articles, {run.words:,} words, {run.events} events, {run.rejects} rejects"
    )
    print(f"  articles/s {run.rate(run.articles)}   words/s {run.rate(run.words)}")
    print(f"  {run.stage_line()}")
    print(f"  gate: {run.times.counts['off-topic']} turned away, {model_documents} went to the model")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="articles to generate (default 300)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--off-topic-share", type=float, default=0.4, help="share of off-topic news")
    parser.add_argument("--workers", type=int, default=2, help="processes for the pooled run (default 2)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time extraction and spaCy N times, keep the fastest"
    )
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest pass")
    args = parser.parse_args(argv)
    settings = Settings.from_env()

    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        articles = list(generate(args.articles, args.seed, args.off_topic_share))
        diplomatic, off_topic = root / "diplomatic", root / "off-topic"
        write_corpus(iter(a for a in articles if a.kind == "diplomatic"), diplomatic)
        write_corpus(iter(a for a in articles if a.kind == "off-topic"), off_topic)
        counts = {kind: sum(a.kind == kind for a in articles) for kind in ("diplomatic", "off-topic")}
        del articles
        written = time.perf_counter() - start
        start = time.perf_counter()
        nlp = load_model(settings.model)
        loaded = time.perf_counter() - start
        warm = root / "warm-up"
        write_corpus(generate(8, args.seed + 1), warm)  # builds the gazetteer tables and regexes
        list(extract_documents(read_paths([warm]), settings))

        print(
            f"Accord throughput: {args.articles} articles ({counts['diplomatic']} diplomatic, "
            f"{counts['off-topic']} off-topic), seed {args.seed}, {os.cpu_count()} CPUs, {describe(nlp)}, "
            f"batch size {settings.batch_size}"
        )
        print(f"corpus written in {written:.2f} s, model loaded in {loaded:.2f} s (neither counted below)")

        texts = root / "cleaned.jsonl"
        runs, alone_runs = [], []
        for _ in range(args.repeat):  # alternate, so that a busy machine slows both alike
            runs.append(extract_run("extract, diplomatic", diplomatic, settings, 1, texts=texts, keep=True))
            alone_runs.append(spacy_alone(texts, settings))
        one = min(runs, key=lambda r: r.seconds)
        alone, parsed = min(alone_runs)
        report_extract(one, one.articles - one.times.counts["off-topic"] - one.rejects)
        own = sum(one.times.seconds.get(n, 0.0) for n in STAGES if n != "nlp")
        print(f"  Accord's own stages: {own:.2f} s, {own / one.times.seconds['nlp']:.0%} of its NLP time")
        print(f"  spaCy alone, same pipeline and the same {parsed} cleaned texts: {alone:.2f} s")
        if args.repeat > 1:
            print(
                f"  (fastest of {args.repeat}: extract {', '.join(f'{r.seconds:.2f}' for r in runs)} s; "
                f"spaCy alone {', '.join(f'{a:.2f}' for a, _ in alone_runs)} s)"
            )
        print(f"accord/spacy = {one.seconds / alone:.2f}")

        off = extract_run("extract, off-topic", off_topic, settings, 1)
        report_extract(off, off.articles - off.times.counts["off-topic"] - off.rejects)
        print(f"  off-topic articles/s {off.rate(off.articles)}")

        pooled = extract_run(
            f"extract, diplomatic, workers {args.workers}", diplomatic, settings, args.workers, keep=True
        )
        print(
            f"\n{pooled.label}: articles/s {pooled.rate(pooled.articles)} (workers 1: {one.rate(one.articles)})"
        )
        print(f"  same results as one process: {'yes' if pooled.outputs == one.outputs else 'NO'}")
        worker_stages = " | ".join(f"{n} {pooled.times.seconds.get(n, 0.0):.2f} s" for n in STAGES)
        print(f"  summed over workers: {worker_stages}")
        print(f"  peak RSS of the largest worker: {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")

        if args.no_ingest:
            print("\ningest: skipped (--no-ingest)")
        elif (stored := ingest_run([diplomatic, off_topic], settings, root / "bench.db")) is None:
            print("\ningest: not measured yet (this checkout has no accord.store)")
        else:
            store_seconds = stored.seconds - sum(stored.times.seconds.get(n, 0.0) for n in STAGES)
            print(f"\ningest into SQLite: {stored.articles} articles, {stored.events} events")
            print(f"  articles/s {stored.rate(stored.articles)}")
            print(f"  {stored.stage_line(f'store {store_seconds:.2f} s')}")
        print(f"\npeak RSS of this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
