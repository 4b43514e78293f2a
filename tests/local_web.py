"""A small web site on 127.0.0.1 that tests set up route by route: pages, feeds, slow answers, redirects,
robots.txt, conditional requests; it counts every GET and keeps every POST body (a webhook's)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Site:
    """What the server answers (`routes` by path, 404 otherwise) and what it was asked."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    posts: list[bytes] = field(default_factory=list)
    user_agents: set[str] = field(default_factory=set)

    def page(self, path: str, body: str | bytes, **options: object) -> str:
        """Serve `body` at `path` and return its full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)  # type: ignore[arg-type]
        return self.base + path


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits[self.path] += 1
            site.user_agents.add(self.headers.get("User-Agent", ""))
            route = site.routes.get(self.path)
            if route is None:
                self.answer(404, b"not here", "text/plain", {})
                return
            time.sleep(route.delay)
            etag = route.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.answer(304, b"", route.content_type, route.headers)
                return
            self.answer(route.status, route.body, route.content_type, route.headers)

        def do_POST(self) -> None:
            """Keep the body; answer the route's status when the path has one (a receiver that fails)."""
            site.posts.append(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            route = site.routes.get(self.path)
            self.answer(route.status if route else 204, b"", "text/plain", {})

        def answer(self, status: int, body: bytes, content_type: str, headers: dict[str, str]) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                pass

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    return Handler


@contextmanager
def serving() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def article_html(title: str, paragraphs: list[str], published: str = "2024-03-05") -> str:
    """An HTML news page with page chrome, a dated title and the article paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{published}"><meta property="og:site_name" content="Test Wire"></head><body>'
        '<nav><a href="/">Home</a> | <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>Sign in to comment</footer></body></html>"
    )


def rss(items: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed of (title, link) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link></item>" for t, link in items)
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
        f"<link>http://127.0.0.1/</link><description>news</description>{entries}</channel></rss>"
    )
