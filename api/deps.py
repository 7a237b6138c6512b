"""Dependencies of the routes: the repository and settings the lifespan opened, paging,
node ids from URLs, and the API key of ``/cypher``.

Ids in URLs are node keys (``task/2daf499e799f``).  Because keys contain ``/`` the routes
take them as ``{id:path}``; the kind prefix may be left out where the resource implies it
(``/tasks/2daf499e799f`` is ``task/2daf499e799f``).
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Final, TypeVar

from fastapi import Depends, Query, Request, Security
from fastapi.security import APIKeyHeader
from pydantic import AfterValidator

from api.errors import Unauthorized
from api.settings import ApiSettings
from graph.repository import Page, PageRequest, Repository
from ontology.model import NodeKind

T = TypeVar("T")

#: Most items one page may hold.
MAX_LIMIT: Final = 200
DEFAULT_LIMIT: Final = 20
API_KEY_HEADER: Final = "X-API-Key"


def get_repository(request: Request) -> Repository:
    """The repository the lifespan opened."""
    repository: Repository = request.state.repository
    return repository


def get_settings(request: Request) -> ApiSettings:
    """The settings the app was created with."""
    settings: ApiSettings = request.state.settings
    return settings


RepoDep = Annotated[Repository, Depends(get_repository)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
    = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0,
) -> PageRequest:
    """``limit`` and ``offset`` as a page request."""
    return PageRequest(limit=limit, offset=offset)


PageDep = Annotated[PageRequest, Depends(page_params)]


def listed(found: Page[T], page: PageRequest) -> dict[str, Any]:
    """A list response: the page's items, ``count`` = all matches, and the page asked for."""
    return {"data": found.data, "count": found.count, "limit": page.limit, "offset": page.offset}


def _not_blank(text: str | None) -> str | None:
    if text is not None and not text.strip():
        raise ValueError("must not be empty or blank")
    return text


#: Words to search for: when given, something other than blanks (422 otherwise, everywhere).
NotBlank = AfterValidator(_not_blank)


def node_key(kind: NodeKind, id_: str) -> str:
    """The key of a node of ``kind`` from a URL id, with or without its kind prefix."""
    prefix = kind.value.lower() + "/"
    return id_ if id_.startswith(prefix) else prefix + id_


_api_key_header = APIKeyHeader(name=API_KEY_HEADER, auto_error=False,
                               description="The server's POLICYGRAPH_API_KEY.")


def require_api_key(
    settings: SettingsDep,
    given: Annotated[str | None, Security(_api_key_header)] = None,
) -> None:
    """Refuse the request unless the configured API key (if any) was sent.

    :func:`api.app.create_app` adds this to ``/cypher`` only when a key is configured, so
    the OpenAPI schema asks for the header only then.
    """
    if settings.api_key is None:
        return
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if given is None or not hmac.compare_digest(given.encode("utf-8"), expected):
        raise Unauthorized(f"this endpoint needs the API key in the {API_KEY_HEADER} header")
