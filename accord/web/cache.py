"""Answers kept between requests: the store changes only when something is ingested, so a page asked for
again is served from memory as long as the store's version (`Store.version`) is the one it was made at.

Each worker process keeps its own cache, bounded in entries and in the size of one answer. Only whole,
successful GET answers are kept; the version is read before the request runs, so an answer computed while
an ingest commits is filed under the older version and never served after it. Requests for a page that is
being computed wait for that answer instead of computing it again (a hundred clients opening the overview
at once cost one query).
"""

from __future__ import annotations

import asyncio
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
        self.computing: dict[tuple[str, bytes], asyncio.Future[Answer | None]] = {}

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
        if (answer is None or answer.version != version) and key in self.computing:
            answer = await asyncio.shield(self.computing[key])
        if answer is not None and answer.version == version:
            self.answers.move_to_end(key)
            await send({**answer.start, "headers": list(answer.start["headers"])})  # a copy: others add to it
            await send({"type": "http.response.body", "body": answer.body})
            return
        computed: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self.computing.setdefault(key, computed)
        fresh: Answer | None = None
        try:
            fresh = await self.compute(scope, receive, send, version)
        finally:
            if self.computing.get(key) is computed:
                del self.computing[key]
            computed.set_result(fresh)
        if fresh is not None:
            self.answers[key] = fresh
            self.answers.move_to_end(key)
            while len(self.answers) > MAX_ENTRIES:
                self.answers.popitem(last=False)

    async def compute(self, scope: Scope, receive: Receive, send: Send, version: object) -> Answer | None:
        """Run the app, passing its answer on; the answer to keep, if it is one to keep."""
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
        return (
            Answer(version, start, body)
            if start.get("status") == 200 and len(body) <= MAX_BODY_BYTES
            else None
        )
