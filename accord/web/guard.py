"""What the web app checks before any route runs: the host a request is for (a page elsewhere whose name
now points here, DNS rebinding, must not read the store), the size of its headers, and HEAD, answered as
GET without the body. Refusals come in the API's one error shape."""

from __future__ import annotations

import json
from collections.abc import Collection

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["LOOPBACK_HOSTS", "MAX_HEADER_BYTES", "RequestGuard"]

# The names a browser on this machine uses for it; "testserver" is the name Starlette's test client sends
# (it resolves nowhere, so no page can rebind to it).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]", "testserver")
MAX_HEADER_BYTES = 32 * 1024  # all request headers together; browsers send a few kilobytes


async def refuse(send: Send, status: int, message: str) -> None:
    """An error in the API's one error shape, sent before any route runs."""
    body = json.dumps({"status": status, "message": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def host_name(header: str) -> str:
    """The host of a Host header, lower-cased, without its port ("[::1]:8000" is "[::1]")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1]
    return header.split(":", 1)[0] if header.count(":") == 1 else header


def allowed_name(host: str) -> str:
    """A host as the Host header writes it: an IPv6 address in brackets."""
    host = host.strip().lower()
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class RequestGuard:
    """Refuse, before any route runs, a request for another host (DNS rebinding: a page elsewhere whose name
    now points here) with 400, and one whose headers exceed `MAX_HEADER_BYTES` with 431; answer HEAD as GET
    without the body."""

    def __init__(self, app: ASGIApp, hosts: Collection[str]) -> None:
        self.app = app
        self.hosts = {allowed_name(host) for host in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        size = sum(len(name) + len(value) + 4 for name, value in headers)
        if size > MAX_HEADER_BYTES:
            await refuse(send, 431, f"the request's headers exceed {MAX_HEADER_BYTES:,} bytes")
            return
        host = next((value.decode("latin-1") for name, value in headers if name == b"host"), "")
        if "*" not in self.hosts and host_name(host) not in self.hosts:
            await refuse(
                send,
                400,
                f"this server does not answer for the host {host[:100]!r}; see accord serve --allow-host",
            )
            return
        if scope["method"] == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, without_body(send))
            return
        await self.app(scope, receive, send)


def without_body(send: Send) -> Send:
    """What a HEAD request gets: the GET response's status and headers (its length too), no body."""

    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            if not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b""})
            return
        await send(message)

    return send_head
