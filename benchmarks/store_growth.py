"""How store time per article changes as the store grows: ingest, fusion and identity, without spaCy.

    python benchmarks/store_growth.py --articles 10000 --step 1000

The documents are `corpus.py`'s generated diplomatic articles; their events are built here, as the
extractor would give them, so only the store is timed. Each real-world meeting is reported by two
articles: the second writes the given names as initials, and one time in three gives no date (fused by
its publication day). People come from a fixed roster per country, so the actors table stops growing
while the events keep coming, as in a real archive. News arrive as a stream (`--per-day` articles a day,
dates moving on with the articles); `--spread-days N` instead scatters them over N days, the worst case,
where every new article has more stored events of its pair and week to compare with. Prints, per block
of `--step` articles, the block's milliseconds per article (wall clock, and CPU time of this process, which
holds SQLite: steadier on a busy machine) and the store's size; nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: corpus.py sits beside it

from corpus import COUNTRIES, FAMILY, GIVEN, ROLES, generate
from sqlalchemy import func, select

from accord.records import (
    CleanedDocument,
    Document,
    Event,
    EventDate,
    Extraction,
    Line,
    Location,
    Participant,
    Plover,
    PublicationDate,
    Span,
)
from accord.store import Store, ingest_results, open_store, schema

START = date(2024, 1, 1)
CODES = {
    "Japan": "JPN", "Finland": "FIN", "Kenya": "KEN", "Peru": "PER", "Norway": "NOR", "Poland": "POL",
    "Ghana": "GHA", "India": "IND", "Brazil": "BRA", "Indonesia": "IDN", "Canada": "CAN", "Egypt": "EGY",
    "Vietnam": "VNM", "Germany": "DEU", "Mexico": "MEX", "Australia": "AUS", "Senegal": "SEN",
    "Portugal": "PRT", "South Korea": "KOR", "Morocco": "MAR", "Estonia": "EST", "Thailand": "THA",
    "Nigeria": "NGA", "Chile": "CHL",
}  # fmt: skip
TYPES = ("meet", "call", "visit", "agree")


def roster(country: int, seat: int) -> str:
    """The `seat`-th official of a country (namesakes in other countries are other people)."""
    rng = random.Random(f"roster:{country}:{seat}")
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def initials(name: str) -> str:
    given, *rest = name.split()
    return " ".join([f"{given[0]}.", *rest])


def real_event(
    number: int, per_day: int, spread_days: int | None
) -> tuple[str, str, list[tuple[str, str, str]], str]:
    """Type, day, (name, role, affiliation) of each side, and capital of the `number`-th real meeting."""
    rng = random.Random(f"event:{number}")
    days = rng.randrange(spread_days) if spread_days else (2 * number) // per_day
    first, second = rng.sample(range(len(COUNTRIES)), 2)
    role = rng.choice(ROLES)
    people = [(roster(side, rng.randrange(6)), role, CODES[COUNTRIES[side][0]]) for side in (first, second)]
    return rng.choice(TYPES), (START + timedelta(days=days)).isoformat(), people, COUNTRIES[first][2]


def extraction(index: int, text: str, per_day: int, spread_days: int | None) -> Extraction:
    """Article `index` reports real meeting `index // 2`; the second report varies its names and date."""
    kind, day, people, capital = real_event(index // 2, per_day, spread_days)
    second = index % 2 == 1
    undated = second and index % 3 == 0
    published = (date.fromisoformat(day) + timedelta(days=1 + (index % 2))).isoformat()
    body = f"{text}\nReport {index} of the benchmark stream."
    participants = tuple(
        Participant(initials(name) if second else name, role, code, Span(0, 1, body[:1]))
        for name, role, code in people
    )
    event = Event(
        kind,  # type: ignore[arg-type]
        Plover("AGREE" if kind == "agree" else "CONSULT", None if kind == "agree" else kind),  # type: ignore[arg-type]
        EventDate(None if undated else day, None if undated else "day", "benchmark"),  # type: ignore[arg-type]
        Location(capital, people[0][2]),
        participants,
        (Span(0, len(body.split("\n")[0]), body.split("\n")[0]),),
    )
    document = Document(f"g{index:07d}", f"/bench/{index}.txt", body, "text", published, "header")
    lines = (Line(0, len(body), body, True),)
    return Extraction(CleanedDocument(document, body, lines, PublicationDate(published, "header")), (event,))


def stream(count: int, seed: int, per_day: int, spread_days: int | None) -> Iterator[Extraction]:
    for index, article in enumerate(generate(count, seed, off_topic_share=0.0)):
        yield extraction(index, article.text, per_day, spread_days)


def sizes(store: Store) -> tuple[int, int, int]:
    with store.read() as conn:
        return tuple(  # type: ignore[return-value]
            conn.scalar(select(func.count()).select_from(table)) or 0
            for table in (schema.documents, schema.events, schema.people)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--step", type=int, default=1000, help="articles per timed block")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=30, help="articles a day in the stream")
    parser.add_argument("--spread-days", type=int, default=None, help="scatter the days over N days instead")
    parser.add_argument("--db", default=None, help="a SQLAlchemy URL (default: a new temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        store = open_store(args.db or f"sqlite:///{Path(root) / 'growth.db'}")
        articles = stream(args.articles, args.seed, args.per_day, args.spread_days)
        shape = f"spread over {args.spread_days} days" if args.spread_days else f"{args.per_day} a day"
        print(f"store growth: {args.articles} articles ({shape}), blocks of {args.step}, {store.dialect}")
        print(
            f"{'stored before':>13} {'ms/article':>10} {'cpu ms':>7} {'events new':>10} {'fused':>6} {'documents':>9} {'events':>7} {'people':>6}"
        )
        done = 0
        while done < args.articles:
            block = [next(articles) for _ in range(min(args.step, args.articles - done))]
            start, cpu = time.perf_counter(), time.process_time()
            summary = ingest_results(store, block, extractor="benchmark")
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            documents, events, people = sizes(store)
            print(
                f"{done:>13,} {1000 * seconds / len(block):>10.1f} {1000 * cpu / len(block):>7.1f} "
                f"{summary.events_new:>10} "
                f"{summary.events_fused:>6} {documents:>9,} {events:>7,} {people:>6}",
                flush=True,
            )
            done += len(block)
        store.close()


if __name__ == "__main__":
    main()
