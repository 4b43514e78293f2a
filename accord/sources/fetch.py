"""Polite fetching over HTTP(S): Accord names itself, obeys robots.txt, waits between two requests to one
host, gives up on slow or oversized answers, follows a bounded number of redirects (each one checked
against robots.txt too), and asks only for what changed when it has an ETag or Last-Modified date.

Every failure is a `FetchError` with one line naming the URL, and says whether trying again later might
help (`permanent`): a 404 will not get better, an unreachable host or a timeout might.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from accord.errors import ReadError

__all__ = ["USER_AGENT", "FetchError", "FetchPolicy", "Fetcher", "Page", "is_url"]

USER_AGENT = "Accord/0.1 (news monitoring; +https://pypi.org/project/accord/)"
REDIRECTS = {301, 302, 303, 307, 308}
ROBOTS_TTL = 24 * 3600  # seconds a site's robots.txt is trusted before a long watch reads it again
# Worth asking again later: the server was busy, timed out or failed, not "this page does not exist".
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}


def is_url(text: str) -> bool:
    """True for an http:// or https:// address (what the readers fetch rather than open as a file)."""
    return urlsplit(text).scheme in ("http", "https") and bool(urlsplit(text).netloc)


class FetchError(ReadError):
    """A URL could not be fetched; `permanent` is False when trying again later may succeed."""

    def __init__(self, message: str, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how far to fetch: seconds per request and between two requests to one host,
    the largest answer read, redirects followed, and the user agent robots.txt is read for."""

    timeout: float = 20.0
    delay: float = 1.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Page:
    """A fetched answer: the URL it finally came from, its bytes, and what to ask with next time."""

    url: str
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    """One HTTP client for a run: robots.txt read once per site, and the time of the last request to each
    host remembered, so every page of a feed waits its turn."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent},
            timeout=self.policy.timeout,
            follow_redirects=False,  # followed here, so that each hop is checked against robots.txt
        )
        self.sleep, self.clock = sleep, clock
        self.robots: dict[str, RobotFileParser] = {}
        self.last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Page | None:
        """The page at `url`, or None when the server says it has not changed since `etag`/`last_modified`."""
        conditions = {"If-None-Match": etag} if etag else {}
        if last_modified:
            conditions["If-Modified-Since"] = last_modified
        visited = [url]
        while True:
            if not self.allowed(visited[-1]):
                raise FetchError(f"{visited[-1]} is forbidden to Accord by the site's robots.txt", True)
            status, location, page = self.request(visited[-1], conditions)
            if status == 304:
                return None
            if page is not None:
                return page
            target = urljoin(visited[-1], location or "")
            if target in visited:
                raise FetchError(f"{url} redirects in a loop ({' -> '.join([*visited, target])})", True)
            if len(visited) > self.policy.max_redirects:
                raise FetchError(f"{url} redirects more than {self.policy.max_redirects} times", True)
            visited.append(target)

    def request(self, url: str, headers: dict[str, str]) -> tuple[int, str | None, Page | None]:
        """One request: (status, redirect target, page); a page only for a successful answer."""
        self.wait_turn(url)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code in REDIRECTS:
                    return response.status_code, response.headers.get("location"), None
                if response.status_code == 304:
                    return 304, None, None
                if response.status_code >= 400:
                    permanent = response.status_code not in TRANSIENT_STATUSES
                    raise FetchError(
                        f"{url} answered HTTP {response.status_code} {response.reason_phrase}", permanent
                    )
                content = self.body(url, response)
                return response.status_code, None, self.page(url, response, content)
        except httpx.TimeoutException:
            raise FetchError(f"{url} did not answer within {self.policy.timeout:g} seconds", False) from None
        except httpx.HTTPError as err:
            raise FetchError(f"{url} could not be fetched: {err or type(err).__name__}", False) from None

    def body(self, url: str, response: httpx.Response) -> bytes:
        """The answer's bytes, refused as soon as it announces or grows past `max_bytes`."""
        limit = self.policy.max_bytes
        announced = response.headers.get("content-length", "")
        if announced.isdigit() and int(announced) > limit:
            raise FetchError(
                f"{url} has {int(announced):,} bytes, more than the {limit:,} Accord reads", True
            )
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"{url} has more than the {limit:,} bytes Accord reads", True)
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def page(url: str, response: httpx.Response, content: bytes) -> Page:
        return Page(
            url,
            content,
            response.headers.get("content-type", ""),
            response.headers.get("etag"),
            response.headers.get("last-modified"),
        )

    def wait_turn(self, url: str) -> None:
        """Sleep until this host's last request is `delay` seconds (or robots.txt's crawl delay) old."""
        host = urlsplit(url).netloc
        delay = self.policy.delay
        robots = self.robots.get(site_of(url))
        crawl_delay = robots.crawl_delay(self.policy.user_agent) if robots else None
        if crawl_delay:
            delay = max(delay, float(crawl_delay))
        last = self.last_request.get(host)
        if last is not None and (wait := last + delay - self.clock()) > 0:
            self.sleep(wait)
        self.last_request[host] = self.clock()

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets Accord fetch `url` (read once a day per site; none means yes)."""
        site = site_of(url)
        if site not in self.robots or time.time() - self.robots[site].mtime() > ROBOTS_TTL:
            self.robots[site] = self.read_robots(site)
        return self.robots[site].can_fetch(self.policy.user_agent, url)

    def read_robots(self, site: str) -> RobotFileParser:
        """robots.txt as `urllib.robotparser` reads it: missing allows all, 401/403 forbids all."""
        location = f"{site}/robots.txt"
        robots = RobotFileParser(location)
        self.wait_turn(location)
        try:
            response = self.client.get(location)
        except httpx.HTTPError:  # an unreachable site fails at the page itself, with its own message
            response = httpx.Response(404)
        if response.status_code in (401, 403):
            robots.parse(["User-agent: *", "Disallow: /"])
        elif response.status_code >= 300 or len(response.content) > self.policy.max_bytes:
            robots.parse([])
        else:
            robots.parse(response.text.splitlines())
        return robots


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
