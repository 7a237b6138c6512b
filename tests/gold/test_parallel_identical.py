"""Extraction and build with worker processes or on Dask give the serial run's bytes.

Over the documents of every gold set (the shared real and dev sets, the sample corpus, the
held-out sets), so the one per-document function is exercised on every layout we know.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.build import BUILD_FILES, REGISTERS

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def every_gold_set(request: pytest.FixtureRequest) -> list[Path]:
    shared = request.getfixturevalue("shared_eval")
    folders = [shared / "real" / "docs", shared / "dev" / "docs", ROOT / "data" / "corpus",
               *sorted((ROOT / "tests" / "fixtures").glob("heldout*/docs"))]
    assert all(folder.is_dir() for folder in folders), folders
    return folders


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    # Two worker processes, one thread each; port 0: the system picks free ports.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, scheduler_port=0,
                      dashboard_address=None, host="127.0.0.1") as cluster:
        yield str(cluster.scheduler_address)


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _extract(folders: list[Path], out: Path, *options: str) -> dict[str, bytes]:
    result = runner.invoke(app, ["extract", *map(str, folders), "--out", str(out), "-q", *options])
    assert result.exit_code == 0, result.output
    return _files(out)


def test_extract_with_two_workers_and_on_dask_is_the_serial_bytes(
        every_gold_set: list[Path], dask_scheduler: str, tmp_path: Path) -> None:
    serial = _extract(every_gold_set, tmp_path / "serial")
    assert len(serial) > 60
    assert _extract(every_gold_set, tmp_path / "two", "--workers", "2") == serial
    assert _extract(every_gold_set, tmp_path / "dask", "--scheduler", dask_scheduler) == serial


def test_build_with_workers_and_on_dask_is_the_serial_bytes(
        every_gold_set: list[Path], dask_scheduler: str, tmp_path: Path) -> None:
    builds = {}
    for name, options in (("serial", []), ("two", ["-j", "2"]),
                          ("dask", ["--scheduler", dask_scheduler])):
        out = tmp_path / name
        result = runner.invoke(app, ["build", *map(str, every_gold_set), "--out", str(out), "-q",
                                     *options])
        assert result.exit_code == 0, result.output
        builds[name] = _files(out)
    assert set(builds["serial"]) == BUILD_FILES - {REGISTERS}  # no lists imported
    assert builds["two"] == builds["serial"]
    assert builds["dask"] == builds["serial"]


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = runner.invoke(app, ["extract", str(ROOT / "data" / "corpus"), "--out",
                                 str(tmp_path), "--scheduler", f"tcp://127.0.0.1:{port}", "-q"])
    assert result.exit_code != 0
    assert isinstance(result.exception, Exception)
    assert "cannot reach the Dask scheduler" in str(result.exception)
