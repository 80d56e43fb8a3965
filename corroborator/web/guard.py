"""Protections every response of the explorer gets, whatever the route.

* a request body larger than the limit is refused with 413, whether it announces its length or
  streams it in chunks;
* a request naming a host the server was not bound for is refused (DNS-rebinding defence for a
  server on loopback);
* a state-changing request from another site's page (its ``Origin`` is not this server) is
  refused (cross-site request forgery defence);
* every response forbids scripts, framing, plugins and foreign form targets (CSP), content-type
  sniffing and referrers to other sites.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No script of any kind runs on the explorer's pages: they are server-rendered and styled from
# one same-origin stylesheet. An injected <script> or handler is inert even if escaping failed.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # not "no-referrer": under it a browser sends "Origin: null" with this site's own forms,
    # which the cross-site check must refuse; "same-origin" still tells other sites nothing
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


# A Host header as browsers send it: a name or an address, and an optional port.
_HOST = re.compile(r"(?P<name>\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(?P<port>\d{1,5}))?")


def _host_only(value: str) -> str | None:
    """The host name of a ``Host`` header, or None when it is not one."""
    m = _HOST.fullmatch(value.lower())
    if m is None or (m.group("port") and int(m.group("port")) > 65535):
        return None
    return m.group("name").strip("[]")


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware applying the protections above.

    ``allowed_hosts`` None accepts any ``Host`` (a server bound to a public address, behind
    whatever proxy its operator put in front of it)."""

    def __init__(
        self, app: ASGIApp, max_body_bytes: int, allowed_hosts: tuple[str, ...] | None
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = _host_only(headers.get("host", ""))
        if host is None or (self.allowed_hosts is not None and host not in self.allowed_hosts):
            await _plain(send, 400, "unknown host")
            return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and not _same_origin(
            headers, scope.get("scheme", "http")
        ):
            await _plain(send, 403, "cross-site request refused")
            return
        declared = headers.get("content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body_bytes
            except ValueError:
                await _plain(send, 400, "bad Content-Length")
                return
            if too_big:
                await _plain(send, 413, f"request body over {self.max_body_bytes} bytes")
                return
        # HEAD is GET without the body (the routes answer GET only)
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        received = 0
        started = False
        refused = False

        async def counted_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    # Answer now; the route sees the client gone and its reply is dropped.
                    refused = True
                    if not started:
                        await _plain(send, 413, f"request body over {self.max_body_bytes} bytes")
                    return {"type": "http.disconnect"}
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                started = True
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _NAMES]
                message = {**message, "headers": [*kept, *HEADERS]}
            await send(message)

        try:
            await self.app(scope, counted_receive, secured_send)
        except Exception:
            if not refused:
                raise


_NAMES = {k for k, _ in HEADERS}


def _same_origin(headers: dict[str, str], scheme: str) -> bool:
    """Whether a state-changing request may come from where it says it comes from: a browser
    says so in ``Sec-Fetch-Site`` (same-origin, or none for a user's own action) and in
    ``Origin``, which must be this very scheme, host and port (never "null", a sandboxed
    frame). A client that sends neither (curl, a script on this machine) is not a browser page
    and cannot be forged into sending a request by one."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme == scheme and parts.netloc == headers.get("host", "").lower()


def allowed_hosts_for(bind_host: str) -> tuple[str, ...] | None:
    """The ``Host`` names to accept for a server bound to ``bind_host``: loopback names only
    when bound to loopback (any spelling of it), anything otherwise."""
    name = bind_host.strip("[]").lower()
    try:
        loopback = name == "localhost" or ipaddress.ip_address(name).is_loopback
    except ValueError:
        loopback = False
    return (*LOOPBACK_HOSTS, name) if loopback else None
