"""The FastAPI application: :func:`create_app` wires settings, a repository and the routers.

The lifespan opens the repository once — the embedded graph built or loaded, or one Neo4j
driver — and closes it on shutdown; routes reach it through :data:`api.deps.RepoDep`.
Routes are plain ``def`` functions: FastAPI runs them in its thread pool, so the blocking
Neo4j driver and the CPU-bound embedded graph never block the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypedDict

import anyio
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from api import (
    errors,
    routes_agencies,
    routes_cascade,
    routes_coordination,
    routes_cypher,
    routes_enterprises,
    routes_misc,
    routes_plans,
    routes_tasks,
)
from api.deps import require_api_key
from api.middleware import AnswerBy, BodyLimit, TrustedHosts
from api.settings import ApiSettings
from graph.deadline import ANSWER_WITHIN
from graph.errors import GraphError
from graph.progress import ProgrammeTable, load_table
from graph.property_graph import PropertyGraph, from_rdf, load_build
from graph.repository import Repository
from ontology.model import Register

log = logging.getLogger(__name__)

DESCRIPTION = """\
Which agency owns which task in Chinese government plans: tasks with their lead and
co-responsible agencies, plans as trees, targets, brands, full-text search, subgraphs for
network views, and read-only Cypher for analysts (Neo4j backend).

Ids in URLs are node keys such as `task/2daf499e799f`; the kind prefix may be left out
where the resource implies it (`/tasks/2daf499e799f`). Lists are
`{"data": [...], "count": n, "limit": l, "offset": o}` (`count` = all matches, `limit` =
the page size asked for); every error is
`{"error": {"status", "code", "message"}}`.
"""


class State(TypedDict):
    """What the lifespan hands to every request (``request.state``)."""

    repository: Repository
    settings: ApiSettings
    programmes: ProgrammeTable


def corpus_graph(corpus: Path, registers: tuple[Register, ...] = ()) -> PropertyGraph:
    """Extract a corpus directory and build its valid graph in memory, with ``registers``
    (nothing is written; facts that break a shape are left out as a build leaves them)."""
    from graph.admit import admit
    from ingest.corpus import corpus_files, extract_files

    result = extract_files(corpus_files([corpus]))
    if not result.extractions:
        raise GraphError(f"{corpus}: no documents could be extracted")
    return from_rdf(admit(result.extractions, registers=registers).graph)


def open_repository(settings: ApiSettings) -> Repository:
    """The repository ``settings`` ask for: Neo4j, or the embedded graph (built or loaded)."""
    if settings.uses_neo4j:
        from graph.driver import SERVICE_CONNECTION_TIMEOUT, open_driver
        from graph.neo4j_repo import Neo4jRepository
        from graph.settings import Neo4jSettings

        neo4j = Neo4jSettings()
        return Neo4jRepository(
            lambda: open_driver(neo4j, verify=False, timeout=SERVICE_CONNECTION_TIMEOUT),
            neo4j.database, neo4j.uri)
    from graph.embedded import EmbeddedRepository

    if settings.corpus_dir is not None:
        return EmbeddedRepository(corpus_graph(settings.corpus_dir),
                                  location=f"{settings.corpus_dir} (built in memory)")
    return EmbeddedRepository(load_build(settings.build_dir),
                              location=str(settings.build_dir / "graph.ttl"))


def _warn_if_too_big(repo: Repository) -> None:
    """Say at start-up when the embedded graph is past the size it is right for."""
    from graph.embedded import size_advice

    advice = size_advice(sum(repo.health().nodes.values()))
    if advice is not None:
        log.warning(advice)


def create_app(settings: ApiSettings, repository: Repository | None = None) -> FastAPI:
    """The application; ``repository``, if given, is used instead of opening one (tests).

    The programme table of ``/targets/{key}/progress`` is read here, so a broken table
    stops the start, not a request."""
    programmes = load_table(settings.programmes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[State]:
        repo: Repository = (repository if repository is not None
                            else await anyio.to_thread.run_sync(open_repository, settings))
        if repository is None and repo.backend == "embedded":
            _warn_if_too_big(repo)
        try:
            yield {"repository": repo, "settings": settings, "programmes": programmes}
        finally:
            if repository is None:
                await anyio.to_thread.run_sync(repo.close)

    # /docs is Swagger UI from the files fastapi-offline installs, served here: no CDN, so it
    # draws without internet (no online validator badge either). No /redoc: ReDoc still
    # fetches its logo from a CDN.
    app = FastAPIOffline(title="policygraph", description=DESCRIPTION, version="0.1.0",
                         lifespan=lifespan, favicon_url="/favicon.ico", redoc_url=None,
                         swagger_ui_parameters={"validatorUrl": None})
    errors.install(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Content-Type",
                                                                         "X-API-Key"])
    # The clock starts when a request arrives, whatever it waits for after that.
    app.add_middleware(AnswerBy, seconds=ANSWER_WITHIN)
    # Added last, run first: an untrusted Host is refused before its body is read.
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(TrustedHosts, allowed_hosts=settings.trusted_hosts)
    for router in (routes_tasks.router, routes_coordination.plans,
                   routes_coordination.agencies, routes_coordination.deadlines,
                   routes_agencies.router, routes_cascade.router, routes_plans.router,
                   routes_enterprises.enterprises, routes_enterprises.holders,
                   routes_enterprises.progress,
                   routes_misc.targets, routes_misc.brands, routes_misc.search,
                   routes_misc.graph, routes_misc.health):
        app.include_router(router)
    # The key is checked (and shown as required in the OpenAPI schema) only when one is set.
    app.include_router(routes_cypher.router, dependencies=[Depends(require_api_key)]
                       if settings.api_key is not None else [])
    from api import routes_web  # the HTML pages and live views (viz/)

    app.include_router(routes_web.router)
    return app


def app_from_env() -> FastAPI:
    """The application configured from the environment (``uvicorn --factory``)."""
    return create_app(ApiSettings())
