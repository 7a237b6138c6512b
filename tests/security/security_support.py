"""Fixtures of the security catalogue: the real API in its own process, on the real Neo4j.

* ``api`` — ``policygraph serve --neo4j`` in a subprocess (uvicorn, as a user runs it) on
  the test server loaded with the sample graph, with a 3 s query timeout; the test reads its
  memory from ``/proc`` (``VmRSS`` now, ``VmHWM`` the peak).
* ``canary`` — a loopback HTTP listener that counts every request: a URL the attacks ask
  Neo4j to fetch, which must never be fetched.
* ``graph_checksum`` — a digest of everything an attack could change: nodes, relationships,
  indexes, constraints, databases, users and the query-statistics collectors.

The helper module has a name of its own (``conftest`` modules cannot be imported by name).
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from api_support import TEST_DATABASE, neo4j_test_uri

#: The query timeout of the API under attack (seconds).
TIMEOUT = 3.0
#: What a request may take beyond its own bound (the issue's acceptance).
SLACK = 2.0
#: The API process's memory must stay below this through the catalogue.
MEMORY_LIMIT_MB = 500
#: What the canary serves: if it ever shows up in an answer, Neo4j fetched it.
CANARY_TEXT = "canary-7f3a9c,secret-row"


def free_port() -> int:
    """A TCP port free on loopback now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Canary:
    """A loopback HTTP listener counting the requests it receives."""

    url: str
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def canary() -> Iterator[Canary]:
    """The listener, for the whole session."""
    port = free_port()
    found = Canary(f"http://127.0.0.1:{port}")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found.requests.append(self.path)
            body = (json.dumps({"text": CANARY_TEXT}) if self.path.endswith(".json")
                    else CANARY_TEXT + "\n").encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield found
    server.shutdown()
    server.server_close()


def memory_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of process ``pid``, in MB, from ``/proc``."""
    fields = dict(line.split(":", 1) for line in
                  Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


@dataclass
class Api:
    """The API process under attack."""

    url: str
    pid: int
    port: int
    client: httpx.Client

    def cypher(self, query: str, **body: Any) -> tuple[httpx.Response, float]:
        """``POST /cypher`` with ``query``, and the seconds it took."""
        began = time.perf_counter()
        response = self.client.post("/cypher", json={"query": query, **body})
        return response, time.perf_counter() - began

    def memory_mb(self) -> tuple[float, float]:
        """(resident now, peak) of the API process, in MB."""
        return memory_mb(self.pid)


@pytest.fixture(scope="session")
def api(neo4j_repo: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """``policygraph serve --neo4j`` on the loaded test server, in its own process."""
    uri = neo4j_test_uri()
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("POLICYGRAPH_", "NEO4J_"))}
    env |= {"NEO4J_URI": uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": "",
            "NEO4J_DATABASE": TEST_DATABASE, "POLICYGRAPH_CYPHER_TIMEOUT": str(TIMEOUT)}
    workdir = tmp_path_factory.mktemp("api")  # no .env of the checkout
    log = (workdir / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--neo4j", "--host", "127.0.0.1",
         "--port", str(port)], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=url, timeout=TIMEOUT + 30)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if client.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the API did not start: {(workdir / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield Api(url, process.pid, port, client)
    finally:
        client.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


_CHECKSUM_READS = (
    ("neo4j", "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"),
    ("neo4j", "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS start, b.key AS end, "
              "properties(r) AS props"),
    ("neo4j", "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state"),
    ("neo4j", "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties"),
    ("neo4j", "CALL db.stats.status() YIELD section, status, data RETURN section, status"),
    ("system", "SHOW DATABASES YIELD name, currentStatus"),
    ("system", "SHOW USERS YIELD user, suspended"),
)


@pytest.fixture(scope="session")
def graph_checksum(neo4j_repo: object) -> Iterator[Callable[[], str]]:
    """A function digesting the whole state of the test server that an attack could touch."""
    driver = neo4j.GraphDatabase.driver(neo4j_test_uri(), auth=None)  # as the server runs

    def checksum() -> str:
        parts = []
        for database, query in _CHECKSUM_READS:
            records = driver.execute_query(query, database_=database).records
            parts.append(sorted(json.dumps(r.data(), sort_keys=True, default=str)
                                for r in records))
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    yield checksum
    driver.close()
