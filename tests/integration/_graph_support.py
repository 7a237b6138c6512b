"""Constants and helpers the Neo4j integration tests share (conftest holds the fixtures)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
TEST_DATABASE = "neo4j"


def build(corpus: Path, out: Path) -> Path:
    """Run ``policygraph build CORPUS --out OUT`` and return OUT."""
    from api.cli import app

    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out
