"""Whether `accord watch` keeps its memory flat over many polls, and what an idle poll costs.

    python benchmarks/watch_memory.py --polls 1000

Serves an RSS feed on 127.0.0.1 (with an ETag, so an unchanged feed answers 304) whose articles come from
the generated corpus (`corpus.py`) as HTML pages; every `--new-every` polls one more article appears in
it. A `Watcher` with the real pipeline polls the feed `--polls` times into a temporary SQLite store, with
one followed pair so that alerts are looked for. Printed, nothing asserted: the resident memory (VmRSS)
and the Python heap (tracemalloc) at checkpoints, their growth from the first checkpoint to the last,
and the time of idle polls (feed unchanged) and of polls that ingested an article.
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: corpus.py sits beside it

from corpus import generate

from accord.alerting import AlertOutputs
from accord.nlp import load_model
from accord.pipeline import extract_documents, extractor_version
from accord.settings import Settings
from accord.sources.fetch import Fetcher, FetchPolicy
from accord.store import open_store
from accord.store.follows import follow
from accord.watch import Watcher, WatchSource


class Feed:
    """The articles published so far, as pages and as one RSS document whose ETag is their count."""

    def __init__(self, pages: list[str]) -> None:
        self.pages, self.published = pages, 1

    def rss(self, base: str) -> bytes:
        items = "".join(
            f"<item><title>{i}</title><link>{base}/a/{i}.html</link></item>" for i in range(self.published)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def serve(feed: Feed) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://{self.headers['Host']}"
            if self.path == "/rss.xml":
                etag = f'"{feed.published}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.reply(feed.rss(base), "application/rss+xml", {"ETag": etag})
            elif self.path.startswith("/a/") and self.path[3:-5].isdigit():
                self.reply(feed.pages[int(self.path[3:-5])].encode(), "text/html", {})
            else:
                self.send_error(404)

        def reply(self, body: bytes, kind: str, headers: dict[str, str]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def page(title: str, text: str, published: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return (
        f'<html><head><title>{html.escape(title)}</title><meta property="article:published_time" '
        f'content="{published}"></head><body><article><h1>{html.escape(title)}</h1>{paragraphs}</article>'
        "</body></html>"
    )


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polls", type=int, default=1000)
    parser.add_argument(
        "--new-every", type=int, default=50, help="Polls between two new articles (0: none after the first)."
    )
    options = parser.parse_args()
    wanted = options.polls // options.new_every + 2 if options.new_every else 2
    articles = [a for a in generate(2 * wanted) if a.kind == "diplomatic"][:wanted]
    feed = Feed([page(a.text.splitlines()[0], a.text, a.published) for a in articles])
    server, base = serve(feed)
    settings = Settings.from_env()
    load_model(settings.model)  # loaded once, before measuring
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'watch.db'}")
        follow(store, ["USA", "CHN"])
        alerts: list[str] = []
        outputs = AlertOutputs(alerts.append, alerts.append)
        with Fetcher(FetchPolicy(delay=0)) as fetcher:
            watcher = Watcher(
                store,
                fetcher,
                lambda documents: extract_documents(documents, settings),
                extractor_version(settings.model),
                0.0,
                outputs,
                lambda line: None,
            )
            sources = [WatchSource("feed", f"{base}/rss.xml")]
            checkpoints = sorted(
                {max(1, options.polls // 10), options.polls // 4, options.polls // 2, options.polls}
            )
            idle, busy, ingested = [], [], 0
            tracemalloc.start()
            print(f"{'poll':>6} {'RSS MiB':>9} {'heap MiB':>9} {'articles':>9}")
            first: tuple[float, float] | None = None
            for number in range(1, options.polls + 1):
                if options.new_every and number % options.new_every == 0 and feed.published < len(feed.pages):
                    feed.published += 1
                started = time.perf_counter()
                summary = watcher.poll(sources)
                (busy if summary.stored else idle).append(time.perf_counter() - started)
                ingested += sum(s.outcome == "new" for s in summary.stored)
                if number in checkpoints:
                    heap = tracemalloc.get_traced_memory()[0] / 2**20
                    print(f"{number:>6} {rss_mib():>9.1f} {heap:>9.2f} {ingested:>9}")
                    first = first or (rss_mib(), heap)
            assert first is not None
            heap = tracemalloc.get_traced_memory()[0] / 2**20
            print(
                f"growth from poll {checkpoints[0]} to {options.polls}: RSS {rss_mib() - first[0]:+.1f} MiB, "
                f"heap {heap - first[1]:+.2f} MiB"
            )
            print(
                f"idle polls: {len(idle)}, median {sorted(idle)[len(idle) // 2] * 1000:.1f} ms; "
                f"polls that ingested: {len(busy)}, median {sorted(busy or [0.0])[len(busy) // 2] * 1000:.0f} ms; "
                f"alerts: {len(alerts)}"
            )
        store.close()
    server.shutdown()


if __name__ == "__main__":
    main()
