"""The benchmark's corpus generator: the same corpus for the same seed, with both kinds of news."""

from __future__ import annotations

from pathlib import Path

from benchmark_scripts import load_benchmark

from accord.readers import read_paths
from accord.records import Document

corpus = load_benchmark("corpus")


def test_same_seed_same_corpus_and_a_longer_run_extends_a_shorter_one() -> None:
    assert list(corpus.generate(40, seed=3)) == list(corpus.generate(40, seed=3))
    assert list(corpus.generate(80, seed=3))[:40] == list(corpus.generate(40, seed=3))
    assert list(corpus.generate(40, seed=3)) != list(corpus.generate(40, seed=4))


def test_both_kinds_and_every_style_appear() -> None:
    articles = list(corpus.generate(200, off_topic_share=0.4))
    kinds = [a.kind for a in articles]
    assert kinds.count("off-topic") == 80 and kinds.count("diplomatic") == 120
    assert {a.style for a in articles} == set(corpus.DIPLOMATIC_STYLES) | set(corpus.OFF_TOPIC_STYLES)
    assert min(a.words for a in articles) < 100 < 300 < max(a.words for a in articles)  # varied lengths


def test_written_corpus_reads_back_in_both_formats(tmp_path: Path) -> None:
    articles = list(corpus.generate(12))
    corpus.write_corpus(iter(articles), tmp_path)
    documents = list(read_paths([tmp_path]))
    assert all(isinstance(d, Document) for d in documents)
    assert sorted(d.id for d in documents if isinstance(d, Document)) == sorted(a.id for a in articles)
    assert {d.format for d in documents if isinstance(d, Document)} == {"seed", "jsonl"}
