"""Fixtures of the API contract tests: the sample graph on both backends.

Every test that takes ``client`` (or ``repo``) runs twice: on the embedded graph and on the
real Neo4j test server (``NEO4J_TEST_URI``, started by ``scripts/with-neo4j.sh``), loaded
with the project's loader.  Without a server the Neo4j leg skips locally and fails in CI.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x asks for httpx2 under its test client; httpx (a dev dependency) still works.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from api.app import corpus_graph, create_app
from api.settings import ApiSettings, Backend
from graph.embedded import EmbeddedRepository
from graph.property_graph import PropertyGraph
from graph.repository import Repository
from ingest.registers import read_register
from ontology.model import Register

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from _require import require

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
REGISTERS = ROOT / "data" / "registers"
TEST_DATABASE = "neo4j"
BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def settings(backend: str = "embedded", **overrides: Any) -> ApiSettings:
    """Settings independent of the developer's environment and ``.env``."""
    values: dict[str, Any] = {"backend": Backend(backend), "api_key": None, "cors_origins": (),
                              "neo4j_uri": None, "host": "127.0.0.1",
                              "allowed_hosts": ("testserver",),  # the test client's Host
                              **overrides}
    return ApiSettings(_env_file=None, **values)  # type: ignore[call-arg]


def neo4j_test_uri() -> str:
    """``$NEO4J_TEST_URI``, or skip (fail in CI)."""
    uri = os.environ.get("NEO4J_TEST_URI", "")
    require(uri, "NEO4J_TEST_URI is not set (run the tests through scripts/with-neo4j.sh)")
    return uri


def neo4j_repository(uri: str, database: str = TEST_DATABASE) -> Repository:
    """A Neo4j repository on ``uri`` (no authentication, as the test server runs)."""
    from graph.driver import open_driver
    from graph.neo4j_repo import Neo4jRepository
    from graph.settings import Neo4jSettings

    config = Neo4jSettings(uri=uri, username="neo4j", password=SecretStr(""), database=database)
    return Neo4jRepository(lambda: open_driver(config, verify=False), database, uri)


def sample_registers() -> tuple[Register, ...]:
    """The sample registers of ``data/registers`` (their files say programme and agency)."""
    return tuple(read_register(path).register for path in sorted(REGISTERS.glob("*.csv")))


@pytest.fixture(scope="session")
def sample_graph() -> PropertyGraph:
    """The sample corpus and the sample registers, extracted and built in memory."""
    return corpus_graph(CORPUS, sample_registers())


@pytest.fixture(scope="session")
def embedded_repo(sample_graph: PropertyGraph) -> EmbeddedRepository:
    """The embedded backend on the sample graph."""
    return EmbeddedRepository(sample_graph)


@pytest.fixture(scope="session")
def neo4j_repo(sample_graph: PropertyGraph) -> Iterator[Repository]:
    """The Neo4j backend on the test server, wiped and loaded with the sample graph."""
    from graph.driver import open_driver
    from graph.errors import StoreUnavailable
    from graph.loader import load, wipe
    from graph.settings import Neo4jSettings

    uri = neo4j_test_uri()
    try:
        driver = open_driver(Neo4jSettings(uri=uri, password=SecretStr(""), database=TEST_DATABASE))
    except StoreUnavailable as e:
        require(False, f"the test server does not answer: {e}")
        raise
    try:
        wipe(driver, TEST_DATABASE, uri=uri, test_uri=uri)
        load(driver, TEST_DATABASE, sample_graph)
    finally:
        driver.close()
    repo = neo4j_repository(uri)
    yield repo
    repo.close()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The backend under test."""
    return str(request.param)


@pytest.fixture(scope="session")
def repo(backend: str, request: pytest.FixtureRequest) -> Repository:
    """The repository of the backend under test."""
    found: Repository = request.getfixturevalue(f"{backend}_repo")
    return found


def make_client(app: FastAPI) -> TestClient:
    """A test client that raises nothing: errors come back as responses."""
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(backend: str, repo: Repository) -> Iterator[TestClient]:
    """A client of the app on the backend under test."""
    with make_client(create_app(settings(backend), repository=repo)) as test_client:
        yield test_client


def assert_error(response: Any, status: int, code: str, *mentions: str) -> str:
    """The response is the one error shape, with this status and code; returns the message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"status", "code", "message"}, body
    assert body["error"]["status"] == status and body["error"]["code"] == code, body
    message: str = body["error"]["message"]
    for text in mentions:
        assert text in message, (text, message)
    return message
