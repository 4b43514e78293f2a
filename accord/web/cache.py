"""Answers kept between requests: the store changes only when something is ingested, so a page asked for
again is served from memory as long as the store's version (`Store.version`) is the one it was made at.

Each worker process keeps its own cache, bounded in entries and in the size of one answer. Only whole,
successful GET answers are kept; the version is read before the request runs, so an answer computed while
an ingest commits is filed under the older version and never served after it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ResponseCache"]

MAX_ENTRIES = 2048
MAX_BODY_BYTES = 512 * 1024


@dataclass(frozen=True)
class Answer:
    version: object
    start: Message
    body: bytes


class ResponseCache:
    """An LRU cache of GET answers keyed by path and query string, valid while `version()` is unchanged."""

    def __init__(self, app: ASGIApp, version: Callable[[Scope], Awaitable[object]]) -> None:
        self.app = app
        self.version = version
        self.answers: OrderedDict[tuple[str, bytes], Answer] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        version = await self.version(scope)
        if version is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        answer = self.answers.get(key)
        if answer is not None and answer.version == version:
            self.answers.move_to_end(key)
            await send(answer.start)
            await send({"type": "http.response.body", "body": answer.body})
            return
        start: Message = {}
        parts: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        body = b"".join(parts)
        if start.get("status") == 200 and len(body) <= MAX_BODY_BYTES:
            self.answers[key] = Answer(version, start, body)
            self.answers.move_to_end(key)
            while len(self.answers) > MAX_ENTRIES:
                self.answers.popitem(last=False)
