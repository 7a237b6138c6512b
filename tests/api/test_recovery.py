"""Neo4j unreachable → 503 with a clear message; the service recovers by itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from _own_server import free_port
from _own_server import own_server as started
from api_support import (
    TEST_DATABASE,
    assert_error,
    make_client,
    neo4j_test_uri,
    settings,
)
from pydantic import SecretStr

from api.app import create_app
from graph.driver import open_driver
from graph.neo4j_repo import Neo4jRepository
from graph.property_graph import PropertyGraph
from graph.settings import Neo4jSettings

pytestmark = pytest.mark.neo4j


def _config(uri: str) -> Neo4jSettings:
    return Neo4jSettings(uri=uri, username="neo4j", password=SecretStr(""), database=TEST_DATABASE)


def test_closed_port_then_live_server_with_a_fresh_driver(neo4j_repo: object) -> None:
    closed = f"bolt://127.0.0.1:{free_port()}"
    uris = iter([closed, neo4j_test_uri()])
    opened: list[str] = []

    def next_driver() -> neo4j.Driver:
        uri = next(uris)
        opened.append(uri)
        return open_driver(_config(uri), verify=False)

    repo = Neo4jRepository(next_driver, TEST_DATABASE, "the test server")
    with make_client(create_app(settings("neo4j"), repository=repo)) as client:
        assert_error(client.get("/tasks?q=科技"), 503, "store_unavailable", "unreachable")
        assert client.get("/tasks?q=科技").status_code == 200  # the next request reconnects
        assert client.get("/health").json()["reachable"] is True
    repo.close()
    assert opened == [closed, neo4j_test_uri()]


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A Neo4j server of this test alone (it is stopped and started again)."""
    with started(tmp_path) as port:
        yield tmp_path, port


def test_stopping_and_starting_the_real_server(own_server: tuple[Path, int],
                                               sample_graph: PropertyGraph) -> None:
    from graph import server
    from graph.loader import load

    state_dir, port = own_server
    uri = f"bolt://127.0.0.1:{port}"
    with open_driver(_config(uri)) as driver:
        load(driver, TEST_DATABASE, sample_graph)
    repo = Neo4jRepository(lambda: open_driver(_config(uri), verify=False), TEST_DATABASE, uri)
    with make_client(create_app(settings("neo4j"), repository=repo)) as client:
        assert client.get("/tasks?q=科技研发").status_code == 200
        server.stop(state_dir)
        message = assert_error(client.get("/tasks?q=科技研发"), 503, "store_unavailable", uri)
        assert "unreachable" in message
        assert_error(client.get("/health"), 503, "store_unavailable")
        server.start(state_dir, port=port, heap="256m", pagecache="32m", browser=False)
        response = client.get("/tasks?q=科技研发")
        if response.status_code == 503:
            # A server just started may take longer than a request's 4 s for its first
            # reads (query plans, index readers) on a busy machine: asked once more.
            time.sleep(1)
            response = client.get("/tasks?q=科技研发")
        assert response.status_code == 200, response.text
        assert response.json()["data"][0]["agencies"][0]["name"] == "市科技局"
    repo.close()
