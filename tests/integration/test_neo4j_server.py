"""One real Neo4j server, started and stopped once for the whole module (2-core machines)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from _require import require
from neo4j import GraphDatabase

from graph import server

pytestmark = pytest.mark.neo4j


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[server.ServerStatus]:
    try:
        server.find_java()
        server.ensure_jars()
        problem = ""
    except server.Neo4jServerError as e:
        problem = str(e)
    require(not problem, f"no local Neo4j possible: {problem}")
    state_dir = tmp_path_factory.mktemp("neo4j")
    status = server.start(state_dir, port=_free_port(), heap="512m", pagecache="128m",
                          http_port=_free_port())
    try:
        yield status
    finally:
        server.stop(state_dir)


def test_answers_return_1(running: server.ServerStatus) -> None:
    assert running.uri is not None
    with GraphDatabase.driver(running.uri, auth=None) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS ok", database_="neo4j")
    assert records[0]["ok"] == 1


def test_status_says_running(running: server.ServerStatus) -> None:
    status = server.status(running.state_dir)
    assert status.running and status.answering
    assert (status.pid, status.port) == (running.pid, running.port)


def test_serves_neo4j_browser_and_the_guide_on_loopback(running: server.ServerStatus) -> None:
    import html
    import json
    import urllib.request

    from graph.neo4j_tools import CYPHER_DOC, doc_queries

    assert running.browser_url and running.guide_url and running.http_port
    with urllib.request.urlopen(running.browser_url, timeout=10) as response:
        assert response.status == 200 and b"<html" in response.read().lower()
    with urllib.request.urlopen(running.guide_url, timeout=10) as response:
        guide = response.read().decode("utf-8")
    queries = doc_queries(CYPHER_DOC.read_text(encoding="utf-8"))
    assert all(html.escape(q.title) in guide for q in queries)
    discovery_url = f"http://127.0.0.1:{running.http_port}/"
    with urllib.request.urlopen(discovery_url, timeout=10) as response:
        discovery = json.loads(response.read())
    assert discovery["bolt_direct"] == running.uri  # what Browser connects to
    assert "transaction" not in discovery  # Browser only: no HTTP Cypher endpoint
    assert server.status(running.state_dir).browser_url == running.browser_url


def test_shell_runs_cypher_on_the_server_of_the_state_dir(running: server.ServerStatus) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "neo4j", "shell", "--state-dir", str(running.state_dir),
         "--", "--format", "plain", "RETURN 6 * 7 AS answer, '牵头' AS role"],
        cwd=root, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["answer,", "role", "42,", '"牵头"']


def test_second_start_on_same_state_dir_refuses(running: server.ServerStatus) -> None:
    with pytest.raises(server.Neo4jServerError, match=rf"already running \(pid {running.pid}\)"):
        server.start(running.state_dir, port=_free_port())


def test_start_on_taken_port_refuses(running: server.ServerStatus, tmp_path: Path) -> None:
    port = running.port
    assert port is not None
    with pytest.raises(server.Neo4jServerError, match=rf"port {port} .* already in use"):
        server.start(tmp_path / "other", port=port)
    assert not (tmp_path / "other" / server.PID_FILE).exists()


def test_stop_terminates_the_process(running: server.ServerStatus) -> None:
    # Runs last in this module: the fixture's own stop() then finds nothing to do.
    assert running.pid is not None
    assert server.stop(running.state_dir) is True
    with pytest.raises(ProcessLookupError):
        os.kill(running.pid, 0)
    status = server.status(running.state_dir)
    assert not status.running and status.pid is None
    assert server.stop(running.state_dir) is False
