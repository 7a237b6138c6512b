"""A build is atomic: the build directory holds one whole build, the old or the new."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app, failure_line
from graph.build import BUILD_FILES, REGISTERS, check_target, publish
from graph.errors import GraphError

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
runner = CliRunner()


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _old_build(tmp_path: Path) -> Path:
    out = tmp_path / "build"
    publish({name: f"old {name}\n".encode() for name in BUILD_FILES - {REGISTERS}}, out)
    return out


def test_strict_build_with_a_bad_file_keeps_the_previous_build(tmp_path: Path) -> None:
    out = _old_build(tmp_path)
    before = _snapshot(out)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc in CORPUS.glob("*.txt"):
        (corpus / doc.name).write_bytes(doc.read_bytes())
    (corpus / "zz_bad.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--strict", "-q"])
    assert result.exit_code == 1
    assert "left as it was" in result.stderr
    assert _snapshot(out) == before


def test_a_build_replaces_every_file_of_the_previous_one(tmp_path: Path) -> None:
    out = _old_build(tmp_path)
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    after = _snapshot(out)
    assert set(after) == BUILD_FILES - {REGISTERS}  # a build without registers has no list file
    assert not any(data.startswith(b"old ") for data in after.values())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


_KILLED_MID_BUILD = """
import os, signal, sys
from pathlib import Path
from graph import build
calls = []
def fsync(fd):
    calls.append(fd)
    if len(calls) == 2:          # graph.ttl is on disk, graph.jsonld is being written
        os.kill(os.getpid(), signal.SIGKILL)
os.fsync = fsync
build.publish({name: b"new " + name.encode() for name in sorted(build.BUILD_FILES)}, Path(sys.argv[1]))
"""


def test_a_build_killed_after_writing_one_file_leaves_the_old_build(tmp_path: Path) -> None:
    out = _old_build(tmp_path)
    before = _snapshot(out)
    run = subprocess.run([sys.executable, "-c", _KILLED_MID_BUILD, str(out)], cwd=ROOT,
                         capture_output=True, timeout=60)
    assert run.returncode == -signal.SIGKILL
    assert _snapshot(out) == before
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".build.partial-")]
    assert len(leftovers) == 1 and (leftovers[0] / "extractions.json").exists()
    publish({name: b"next" for name in BUILD_FILES}, out)  # the next build sweeps it away
    assert not leftovers[0].exists()
    assert _snapshot(out) == dict.fromkeys(BUILD_FILES, b"next")


def test_a_live_builds_staging_directory_is_not_swept(tmp_path: Path) -> None:
    out = tmp_path / "build"
    live = tmp_path / f".build.partial-{os.getppid()}-abc"
    live.mkdir()
    publish({name: b"x" for name in BUILD_FILES}, out)
    assert live.exists()


@pytest.mark.parametrize("setup", ["file", "foreign", "dangling"])
def test_a_target_that_is_no_build_directory_is_refused(tmp_path: Path, setup: str) -> None:
    out = tmp_path / "out"
    if setup == "file":
        out.write_text("taken")
    elif setup == "foreign":
        out.mkdir()
        (out / "notes.txt").write_text("mine")
    else:
        out.symlink_to(tmp_path / "nowhere")
    with pytest.raises(GraphError, match="choose another --out"):
        check_target(out)
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(out), "-q"])
    assert result.exit_code != 0
    if setup == "foreign":
        assert (out / "notes.txt").read_text() == "mine"


def test_build_out_naming_a_file_is_one_readable_line(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x")
    run = subprocess.run([sys.executable, "-m", "api.cli", "build", str(CORPUS), "--out",
                          str(target), "-q"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr == f"error: {target} exists and is not a directory; choose another --out\n"


def test_a_symlink_loop_in_a_corpus_is_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").symlink_to(corpus / "b.txt")
    (corpus / "b.txt").symlink_to(corpus / "a.txt")
    (corpus / "doc.txt").write_bytes((CORPUS / "001_078bf77ec9e1dfa3.txt").read_bytes())
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0
    loops = [line for line in result.stderr.splitlines() if "symbolic link loop" in line]
    assert [line.rsplit(": ", 1)[0] for line in loops] == [
        f"warning: {corpus / 'a.txt'}", f"warning: {corpus / 'b.txt'}"]
    assert (tmp_path / "out" / "doc.json").exists()


def test_a_damaged_register_file_is_one_readable_error(tmp_path: Path) -> None:
    out = _old_build(tmp_path)
    (out / REGISTERS).write_bytes(b"\xff not json")
    before = _snapshot(out)
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(out), "-q"])
    assert result.exit_code != 0
    assert isinstance(result.exception, GraphError)
    line = failure_line(result.exception)
    assert line.startswith(f"error: {out / REGISTERS}: not a register file") and "\n" not in line
    assert _snapshot(out) == before
