"""A failing command is one readable line on stderr and a non-zero exit, never a traceback.

These run the real entry point (``main()``, in a subprocess) because the handler that turns
an error into one line sits around the whole app, outside what typer's runner invokes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api import cli_serve
from api.cli import DEBUG_ENV, app, failure_line
from graph.embedded import EmbeddedRepository
from graph.errors import GraphError
from graph.property_graph import load_build
from ingest.errors import EmptyDocument

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"


def _run(*args: str, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != DEBUG_ENV}
    if debug:
        env[DEBUG_ENV] = "1"
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _one_error_line(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if not line.startswith("warning:")]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith("error: ")
    return errors[0]


def test_build_into_a_file_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "not-a-directory"
    target.write_text("taken")
    line = _one_error_line(_run("build", str(CORPUS), "--out", str(target), "-q"))
    assert str(target) in line
    assert target.read_text() == "taken"


def test_extract_into_a_file_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x")
    line = _one_error_line(_run("extract", str(CORPUS), "--out", str(target), "-q"))
    assert str(target) in line


def test_build_of_nothing_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = _run("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert _one_error_line(run) == "error: nothing to build"
    assert "empty.txt" in run.stderr  # the file's own problem was a warning first
    assert not (tmp_path / "out").exists()


def test_serve_a_corpus_without_documents_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    line = _one_error_line(_run("serve", "--corpus", str(tmp_path), "--port", "1"))
    assert "no documents could be extracted" in line


def test_eval_of_broken_gold_shows_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    run = _run("eval", "--gold", str(tmp_path))
    assert "Traceback" not in run.stderr
    assert run.returncode != 0 or "x.json" in run.stderr


def test_debug_variable_shows_the_traceback(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    run = _run("build", str(CORPUS), "--out", str(target), "-q", debug=True)
    assert run.returncode != 0
    assert "Traceback" in run.stderr


@pytest.mark.parametrize(("error", "line"), [
    (GraphError("no graph here"), "error: no graph here"),
    (EmptyDocument("a.txt", "empty file"), "error: a.txt: empty file"),
    (FileNotFoundError(2, "No such file or directory", "x/y"), "error: x/y: No such file or directory"),
])
def test_failure_line_of_the_project_errors(error: Exception, line: str) -> None:
    assert failure_line(error) == line


def test_failure_line_of_a_bug_names_it_and_the_debug_switch() -> None:
    line = failure_line(KeyError("two\nlines"))
    assert "\n" not in line
    assert line.startswith("error: unexpected KeyError: ")
    assert f"{DEBUG_ENV}=1" in line


def test_serve_corpus_builds_the_same_graph_as_build(tmp_path: Path) -> None:
    built = CliRunner().invoke(app, ["build", str(CORPUS), "--out", str(tmp_path), "-q"])
    assert built.exit_code == 0, built.output
    assert built.stderr == ""
    served = cli_serve._corpus_repository(CORPUS)
    from_build = EmbeddedRepository(load_build(tmp_path))
    assert served.health().nodes == from_build.health().nodes
    assert served.health().relationships == from_build.health().relationships
