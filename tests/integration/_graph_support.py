"""Constants and helpers the Neo4j integration tests share (conftest holds the fixtures)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
REGISTERS = ROOT / "data" / "registers"
TEST_DATABASE = "neo4j"


def build(corpus: Path, out: Path, *, registers: bool = False) -> Path:
    """Run ``policygraph build CORPUS --out OUT`` (and, with ``registers``, import the
    sample registers as the README's first command does) and return OUT."""
    from api.cli import app

    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    for path in sorted(REGISTERS.glob("*.csv")) if registers else ():
        result = CliRunner().invoke(app, ["register", "import", str(path), "--build", str(out)])
        assert result.exit_code == 0, result.output
    return out
