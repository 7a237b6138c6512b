"""The HTTP layer's fences: trusted Host headers, the body limit, the API key off loopback."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

import pytest
from api_support import assert_error, make_client, settings
from pydantic import ValidationError
from security_support import SLACK, Api, Canary
from typer.testing import CliRunner

from api.app import create_app
from api.settings import Backend
from graph.embedded import EmbeddedRepository

LIMIT = 1_048_576


def _raw(api: Api, head: str, body: bytes = b"") -> tuple[str, float]:
    """Send ``head`` (and ``body``) on a fresh connection; the response text, and seconds."""
    began = time.perf_counter()
    with socket.create_connection(("127.0.0.1", api.port), timeout=10) as sock:
        sock.sendall(head.encode() + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and b'"error"' in b"".join(chunks):
                break
    return b"".join(chunks).decode("utf-8", "replace"), time.perf_counter() - began


@pytest.mark.neo4j
@pytest.mark.parametrize("path", ["/health", "/tasks?q=科技", "/docs"])
def test_untrusted_host_is_refused(api: Api, path: str) -> None:
    """DNS rebinding: the page's requests still carry its own name in Host."""
    response = api.client.get(path, headers={"Host": "evil.example.com"})
    assert_error(response, 400, "untrusted_host", "127.0.0.1", "POLICYGRAPH_ALLOWED_HOSTS")
    cypher = api.client.post("/cypher", json={"query": "RETURN 1"},
                             headers={"Host": f"evil.example.com:{api.port}"})
    assert_error(cypher, 400, "untrusted_host")
    for host in ("localhost", f"127.0.0.1:{api.port}", f"localhost:{api.port}"):
        assert api.client.get("/health", headers={"Host": host}).status_code == 200
    assert api.client.get("/health", headers={"Host": f"0.0.0.0:{api.port}"}).status_code == 400


@pytest.mark.neo4j
def test_huge_declared_body_is_refused_unread(api: Api, canary: Canary,
                                             graph_checksum: Callable[[], str]) -> None:
    """100 MB announced: 413 at once, before a byte of it is sent, memory untouched."""
    before, checksum = api.memory_mb()[0], graph_checksum()
    text, seconds = _raw(api, "POST /cypher HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Content-Type: application/json\r\n"
                              f"Content-Length: {100 * 1024 * 1024}\r\n\r\n")
    assert text.startswith("HTTP/1.1 413") and '"code":"too_large"' in text, text
    assert seconds < SLACK and api.memory_mb()[0] < before + 20
    assert graph_checksum() == checksum and canary.requests == []


@pytest.mark.neo4j
def test_streamed_body_is_cut_at_the_limit(api: Api) -> None:
    """No Content-Length (chunked): refused as soon as the bytes received pass the limit."""
    chunk = b"x" * 65536
    chunked = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n") * (2 * LIMIT // len(chunk))
    text, seconds = _raw(api, "POST /cypher HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Content-Type: application/json\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n", chunked)
    assert text.startswith("HTTP/1.1 413") and "1048576 bytes" in text, text
    assert seconds < SLACK


@pytest.mark.neo4j
def test_a_body_under_the_limit_is_read(api: Api) -> None:
    big = "科" * 300_000  # 900 KB of UTF-8
    response = api.client.post("/cypher", json={"query": "RETURN size($text) AS n",
                                                 "parameters": {"text": big}})
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == [[300_000]]


def test_trusted_hosts_come_from_settings() -> None:
    assert settings().trusted_hosts == ("localhost", "127.0.0.1", "[::1]", "testserver")
    assert "0.0.0.0" not in settings(host="0.0.0.0").trusted_hosts
    assert "[::1]" in settings(host="::1").trusted_hosts and settings(host="::1").loopback
    assert settings(host="10.1.2.3", allowed_hosts=("pg.example",)).trusted_hosts[-2:] == (
        "10.1.2.3", "pg.example")


def test_other_hosts_refused_in_process(embedded_repo: EmbeddedRepository) -> None:
    app = create_app(settings(allowed_hosts=()), repository=embedded_repo)
    with make_client(app) as client:  # its Host is "testserver", not trusted here
        assert_error(client.get("/health"), 400, "untrusted_host")
        assert client.get("/health", headers={"Host": "localhost:8000"}).status_code == 200


def test_cypher_off_loopback_needs_a_key() -> None:
    for host in ("0.0.0.0", "192.168.1.20", "pg.example", "::"):
        with pytest.raises(ValidationError, match="POLICYGRAPH_API_KEY"):
            settings("neo4j", host=host)
        assert settings("neo4j", host=host, api_key="k3y").host == host
        assert settings("embedded", host=host).host == host  # no /cypher there
    for host in ("127.0.0.1", "127.0.0.2", "localhost", "::1"):
        assert settings("neo4j", host=host).loopback
    assert settings("neo4j", api_key="").api_key is None  # as .env.example has it


def test_serve_refuses_to_expose_cypher_without_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from api.cli import app

    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # never reached
    monkeypatch.delenv("POLICYGRAPH_API_KEY", raising=False)
    result = CliRunner().invoke(app, ["serve", "--neo4j", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "needs an API key" in result.output and "POLICYGRAPH_API_KEY" in result.output


def test_openapi_asks_for_the_key_only_when_one_is_set(embedded_repo: EmbeddedRepository
                                                       ) -> None:
    def cypher_operation(**overrides: object) -> dict[str, object]:
        app = create_app(settings(Backend.EMBEDDED.value, **overrides), repository=embedded_repo)
        with make_client(app) as client:
            schema = client.get("/openapi.json").json()
        operation: dict[str, object] = schema["paths"]["/cypher"]["post"]
        return operation

    assert "security" not in cypher_operation()
    assert cypher_operation(api_key="s3cret")["security"] == [{"APIKeyHeader": []}]
