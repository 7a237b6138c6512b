"""Neo4j settings, driver errors and CLI messages that need no server."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.driver import open_driver, uri_of
from graph.errors import StoreUnavailable
from graph.settings import DEFAULT_DATABASE, DEFAULT_URI, Neo4jSettings

CLOSED_PORT_URI = "bolt://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture(autouse=True)
def _no_neo4j_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("URI", "USERNAME", "PASSWORD", "DATABASE"):
        monkeypatch.delenv(f"NEO4J_{name}", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's


def test_defaults_are_the_local_server_without_auth() -> None:
    settings = Neo4jSettings()
    assert (settings.uri, settings.database) == (DEFAULT_URI, DEFAULT_DATABASE)
    assert settings.auth is None


def test_environment_variables_use_the_ecosystem_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.databases.neo4j.io")
    monkeypatch.setenv("NEO4J_USERNAME", "analyst")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    monkeypatch.setenv("NEO4J_DATABASE", "plans")
    settings = Neo4jSettings()
    assert settings.uri == "neo4j+s://example.databases.neo4j.io"
    assert settings.auth == ("analyst", "secret")
    assert settings.database == "plans"
    assert "secret" not in repr(settings)


def test_a_routing_uri_opens_without_contacting_the_server() -> None:
    driver = open_driver(Neo4jSettings(uri="neo4j+s://example.databases.neo4j.io"), verify=False)
    try:
        assert uri_of(driver) == "neo4j+s://example.databases.neo4j.io"
    finally:
        driver.close()


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687"])
def test_a_uri_that_is_not_bolt_is_refused(uri: str) -> None:
    with pytest.raises(StoreUnavailable, match="scheme must be one of"):
        open_driver(Neo4jSettings(uri=uri))


def test_an_unreachable_server_is_store_unavailable_naming_the_uri() -> None:
    with pytest.raises(StoreUnavailable, match=CLOSED_PORT_URI) as caught:
        open_driver(Neo4jSettings(uri=CLOSED_PORT_URI))
    assert caught.value.__cause__ is not None


def test_cli_load_says_in_one_line_where_it_looked_and_what_to_do(tmp_path: Path) -> None:
    from api.cli import app

    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--uri", CLOSED_PORT_URI])
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line
    assert CLOSED_PORT_URI in line and "policygraph neo4j start" in line


def test_cli_load_without_a_build_says_so(tmp_path: Path) -> None:
    from api.cli import app

    result = CliRunner().invoke(app, ["load", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "policygraph build" in result.output
