"""Every error the API returns, in one shape, with its status chosen here and only here.

``{"error": {"status": 404, "code": "not_found", "message": "no task with id 'task/x'"}}``

Routes raise the graph layer's exceptions (or :class:`Unauthorized`); the handlers below
turn them into responses, and so does :mod:`api.middleware` for what it refuses before a
route runs (an untrusted Host header, a body too large).  Validation errors name the parameter that failed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from api.schemas import ErrorOut
from graph.errors import GraphError, NotFound, StoreUnavailable
from graph.repository import (
    CypherBusy,
    CypherFailed,
    CypherRejected,
    CypherTimeout,
    Unsupported,
)

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error of the HTTP layer itself."""


class Unauthorized(ApiError):
    """The API key is required and missing or wrong."""


class UntrustedHost(ApiError):
    """The Host header names none of the trusted hosts (DNS rebinding, or a misconfiguration)."""


class BodyTooLarge(ApiError):
    """The request body is larger than the server accepts."""


#: (status, code) per exception type; the first matching entry wins (subclasses first).
#: A statement's failure is the client's (4xx), a timeout included: the statement caused it.
STATUS: Final[Sequence[tuple[type[Exception], int, str]]] = (
    (NotFound, 404, "not_found"),
    (StoreUnavailable, 503, "store_unavailable"),
    (Unsupported, 501, "not_implemented"),
    (CypherRejected, 400, "cypher_rejected"),
    (CypherFailed, 400, "cypher_failed"),
    (CypherTimeout, 400, "cypher_timeout"),
    (CypherBusy, 429, "cypher_busy"),
    (Unauthorized, 401, "unauthorized"),
    (UntrustedHost, 400, "untrusted_host"),
    (BodyTooLarge, 413, "too_large"),
    (GraphError, 500, "graph_error"),
)
#: Seconds to wait before retrying, per status that asks for it.
_RETRY_AFTER: Final = {429: "1", 503: "5"}
_HTTP_CODES: Final = {400: "bad_request", 401: "unauthorized", 404: "not_found",
                      405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type"}


_DESCRIPTIONS: Final = {
    400: "Refused, failed or timed-out query", 401: "API key missing or wrong",
    404: "Unknown id", 413: "Request body too large",
    422: "Invalid parameter (the message names it)", 429: "Too many queries at once",
    501: "Not available on this backend", 503: "Neo4j unreachable",
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of a route's error responses (422 and 503 always)."""
    return {status: {"model": ErrorOut, "description": _DESCRIPTIONS[status]}
            for status in sorted({*statuses, 422, 503})}


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The one error shape."""
    return {"error": {"status": status, "code": code, "message": message}}


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """A response in the one error shape."""
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def _location(loc: Sequence[int | str]) -> str:
    """``("query", "limit")`` → ``query parameter 'limit'``."""
    where, *path = [str(part) for part in loc] or ["request"]
    name = ".".join(path)
    kinds = {"query": "query parameter", "path": "path parameter", "body": "body field",
             "header": "header"}
    if where == "body" and not path:
        return "request body"
    return f"{kinds.get(where, where)} {name!r}" if name else where


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [f"{_location(e.get('loc', ()))}: "
                f"{str(e.get('msg', 'invalid')).removeprefix('Value error, ')}"
                for e in exc.errors()]
    return error_response(422, "invalid_parameter", "; ".join(problems) or "invalid request")


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"no such endpoint: {request.method} {request.url.path}"
    else:
        message = str(exc.detail)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


def response_for(exc: GraphError | ApiError) -> JSONResponse:
    """The response for one of the known errors (also used by :mod:`api.middleware`)."""
    for kind, status, code in STATUS:
        if isinstance(exc, kind):
            retry = _RETRY_AFTER.get(status)
            return error_response(status, code, str(exc),
                                  {"Retry-After": retry} if retry else None)
    raise exc  # pragma: no cover - every registered type is in STATUS


async def _known(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GraphError | ApiError)
    response = response_for(exc)
    if response.status_code == 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
    return response


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "internal error (the server log has details)")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(GraphError, _known)
    app.add_exception_handler(ApiError, _known)
    app.add_exception_handler(Exception, _unexpected)
