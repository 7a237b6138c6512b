"""Shared fixtures of the Neo4j integration tests: one driver per session, on the test server.

The server is the one ``scripts/with-neo4j.sh`` starts (it exports ``NEO4J_TEST_URI``);
without it the tests skip locally and fail in CI (see ``_require``).  Only that server may
be wiped: :func:`graph.loader.wipe` refuses any other URI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from _graph_support import CORPUS, TEST_DATABASE, build
from _require import require

from graph.driver import open_driver
from graph.errors import StoreUnavailable
from graph.loader import wipe
from graph.settings import Neo4jSettings


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    """``$NEO4J_TEST_URI``: the Bolt URI of the test server."""
    uri = os.environ.get("NEO4J_TEST_URI", "")
    require(uri, "NEO4J_TEST_URI is not set (run the tests through scripts/with-neo4j.sh)")
    return uri


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_uri: str) -> Neo4jSettings:
    """Settings of the test server (no auth), whatever NEO4J_* the environment holds."""
    return Neo4jSettings(uri=neo4j_uri, username="neo4j", password="", database=TEST_DATABASE)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """One verified driver for the whole session."""
    try:
        driver = open_driver(neo4j_settings)
    except StoreUnavailable as e:
        require(False, f"the test server does not answer: {e}")
        raise
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def empty_db(neo4j_driver: neo4j.Driver, neo4j_uri: str) -> neo4j.Driver:
    """The driver, on a test database just wiped (the schema stays)."""
    wipe(neo4j_driver, TEST_DATABASE, uri=neo4j_uri, test_uri=os.environ.get("NEO4J_TEST_URI"))
    return neo4j_driver


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built once per session (``graph.ttl`` and friends)."""
    return build(CORPUS, tmp_path_factory.mktemp("sample-build"))


@pytest.fixture(scope="session")
def full_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus with the sample registers imported: the README's first command."""
    return build(CORPUS, tmp_path_factory.mktemp("full-build"), registers=True)
