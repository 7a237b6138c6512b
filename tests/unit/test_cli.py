"""The command line on good and bad input (through typer's runner, in-process)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
runner = CliRunner()


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "undecodable.txt").write_bytes(("政策文件".encode() + b"\x80\xff") * 20)
    (tmp_path / "nostructure.txt").write_text("hello world, nothing Chinese here.\n" * 5)
    shutil.copy(CORPUS / "001_078bf77ec9e1dfa3.txt", tmp_path / "good.txt")
    return tmp_path


def test_extract_reports_each_bad_file_and_keeps_going(bad_inputs: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(bad_inputs), "--out", str(out)])
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(lines) == 4
    for name, problem in [("empty.txt", "empty"), ("binary.txt", "binary"),
                          ("undecodable.txt", "neither UTF-8"), ("nostructure.txt", "no Chinese text")]:
        assert any(name in line and problem in line for line in lines), (name, lines)
    assert [p.name for p in out.iterdir()] == ["good.json"]
    data = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert data["tasks"][0]["lead"] == ["市市场监管局"]


def test_strict_turns_problems_into_a_failing_exit(bad_inputs: Path, tmp_path: Path):
    result = runner.invoke(app, ["extract", str(bad_inputs), "--out", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 1
    assert "could not be processed" in result.stderr


def test_missing_file_is_named(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path)])
    assert "nope.txt: no such file" in result.stderr


def test_build_is_byte_identical_and_validated(tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        result = runner.invoke(app, ["build", str(CORPUS), "--out", str(out), "-q"])
        assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.jsonld", "extractions.json"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_build_merges_the_two_reports_of_one_plan(tmp_path: Path):
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path)])
    assert result.exit_code == 0
    ttl = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert ttl.count('"济南市深入实施品牌战略三年行动计划(2020-2022年)"@zh') == 1
    assert "sources              4" in result.stdout


def test_help_reads_well():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "build", "eval"):
        assert command in result.stdout
