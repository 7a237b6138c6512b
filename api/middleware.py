"""The HTTP layer's own fences, as ASGI middleware: who may ask (Host), and how much (body).

* :class:`TrustedHosts` answers only requests whose ``Host`` header names this server
  (Starlette's ``TrustedHostMiddleware``): a web page that rebinds its own domain name to
  ``127.0.0.1`` reaches the port, but its requests still say ``Host: evil.example``.
* :class:`BodyLimit` refuses a body larger than the limit before anything parses it: at
  once when ``Content-Length`` says so, else as soon as the bytes received pass it.

* :class:`AnswerBy` starts each request's clock when it arrives: the reads it makes
  (:func:`graph.deadline.answer_by`) wait only for what is left of the budget, so a request
  that queued behind others is answered ``503`` when its time is up, not a budget later.

Refusals come in the one error shape, with the status chosen in :mod:`api.errors`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import BodyTooLarge, UntrustedHost, response_for
from graph.deadline import answer_by


class TrustedHosts:
    """Starlette's ``TrustedHostMiddleware``, refusing in the API's error shape."""

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str]) -> None:
        self.app = app
        self.allowed_hosts = tuple(allowed_hosts)
        self._check = TrustedHostMiddleware(self._trusted, allowed_hosts=list(allowed_hosts),
                                            www_redirect=False)

    async def _trusted(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope["policygraph.trusted_host"] = True
        await self.app(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return

        async def refusal_dropped(message: Message) -> None:
            if scope.get("policygraph.trusted_host"):
                await send(message)  # the app's own response

        await self._check(scope, receive, refusal_dropped)
        if not scope.get("policygraph.trusted_host"):
            refusal = UntrustedHost(
                f"this server answers only requests for {', '.join(self.allowed_hosts)} "
                "(the Host header; set POLICYGRAPH_ALLOWED_HOSTS to add names)")
            await response_for(refusal)(scope, receive, send)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes (413) before the application reads them.

    The body is read here, up to the limit, and handed to the application as received;
    beyond the limit nothing more is read.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _refusal(self) -> BodyTooLarge:
        return BodyTooLarge(f"the request body is larger than {self.limit} bytes")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await response_for(self._refusal())(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await response_for(self._refusal())(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # e.g. http.disconnect, for streaming responses
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class AnswerBy:
    """Each HTTP request's reads are due ``seconds`` after it arrived."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with answer_by(time.monotonic() + self.seconds):
            await self.app(scope, receive, send)
