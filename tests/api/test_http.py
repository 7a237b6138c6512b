"""HTTP behaviour apart from the graph: CORS, OpenAPI, unknown routes, settings, serve."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_support import assert_error, make_client, settings
from typer.testing import CliRunner

from api.app import create_app
from api.settings import ApiSettings
from graph.embedded import EmbeddedRepository


def test_cors_is_off_by_default(embedded_repo: EmbeddedRepository) -> None:
    with make_client(create_app(settings(), repository=embedded_repo)) as client:
        response = client.get("/health", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in response.headers


def test_cors_when_origins_are_configured(embedded_repo: EmbeddedRepository) -> None:
    app = create_app(settings(cors_origins=("https://ok.example",)), repository=embedded_repo)
    with make_client(app) as client:
        ok = client.get("/health", headers={"Origin": "https://ok.example"})
        other = client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert ok.headers["access-control-allow-origin"] == "https://ok.example"
    assert "access-control-allow-origin" not in other.headers


def test_openapi_documents_every_route_with_one_line(embedded_repo: EmbeddedRepository) -> None:
    with make_client(create_app(settings(), repository=embedded_repo)) as client:
        spec = client.get("/openapi.json").json()
        assert client.get("/docs").status_code == 200
    paths = spec["paths"]
    for path in ("/tasks", "/tasks/{key}", "/agencies", "/agencies/ranking",
                 "/agencies/{key}/tasks", "/agencies/{key}", "/plans", "/plans/{key}",
                 "/plans/{key}/coverage",
                 "/targets", "/brands", "/brands/{key}", "/search", "/graph/subgraph",
                 "/cypher", "/health"):
        assert path in paths, path
        for operation in paths[path].values():
            assert operation["description"].count("\n") == 0 and operation["description"]
            assert "422" in operation["responses"]


def test_unknown_endpoint_and_method(embedded_repo: EmbeddedRepository) -> None:
    with make_client(create_app(settings(), repository=embedded_repo)) as client:
        assert_error(client.get("/nothing/here"), 404, "not_found", "/nothing/here")
        assert_error(client.delete("/tasks"), 405, "method_not_allowed")
        assert_error(client.post("/cypher", content=b"not json",
                                 headers={"content-type": "application/json"}),
                     422, "invalid_parameter")


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYGRAPH_CORS_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.setenv("POLICYGRAPH_API_KEY", "k")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    found = ApiSettings(_env_file=None)  # type: ignore[call-arg]
    assert found.cors_origins == ("https://a.example", "https://b.example")
    assert found.api_key is not None and found.api_key.get_secret_value() == "k"
    assert not found.uses_neo4j
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:7687")
    assert ApiSettings(_env_file=None).uses_neo4j  # type: ignore[call-arg]
    monkeypatch.setenv("POLICYGRAPH_BACKEND", "embedded")
    assert not ApiSettings(_env_file=None).uses_neo4j  # type: ignore[call-arg]


def test_embedded_from_a_build_directory(tmp_path: Path) -> None:
    from api.app import open_repository
    from graph.build import write_build
    from ingest.corpus import corpus_files, extract_files

    corpus = Path(__file__).resolve().parents[2] / "data" / "corpus"
    write_build(extract_files(corpus_files([corpus])).extractions, tmp_path)
    repo = open_repository(settings(build_dir=tmp_path))
    assert repo.backend == "embedded" and repo.health().nodes["Task"] == 27
    assert_error_free = open_repository(settings(corpus_dir=corpus)).health()
    assert assert_error_free.nodes == repo.health().nodes


def test_serve_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``serve`` builds a missing build dir, prints the URLs and hands the app to uvicorn."""
    import uvicorn

    from api.cli import app

    served: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: served.update(kw, app=application))
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    monkeypatch.delenv("NEO4J_URI", raising=False)
    corpus = CliRunner().invoke(app, ["serve", "--corpus", "data/corpus", "--port", "8123"])
    assert corpus.exit_code == 0, corpus.output
    assert "http://127.0.0.1:8123/docs" in corpus.output and served["port"] == 8123
    missing = CliRunner().invoke(app, ["serve", "--build", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "graph.ttl" in missing.output
