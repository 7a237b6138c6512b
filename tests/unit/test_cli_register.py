"""``policygraph register``: import into a build, report, strict, idempotent, remove, export.

Runs the real commands in-process on a build of one sample document and on lists written
for the test; the shipped sample registers are imported as the README's first command does.
"""

from __future__ import annotations

import csv
import io
import shutil
import warnings
from pathlib import Path

import openpyxl
import pytest
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

with warnings.catch_warnings():
    # Starlette asks for httpx2 under its test client; httpx (a dev dependency) still works.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from api.app import create_app
from api.cli import app, failure_line
from api.settings import ApiSettings, Backend
from graph.build import read_registers
from graph.property_graph import load_build
from ontology.model import NodeKind

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "corpus" / "001_078bf77ec9e1dfa3.txt"
REGISTERS = ROOT / "data" / "registers"
runner = CliRunner()

ROWS = [["“某某品牌”名单"], ["发布单位", "山东省市场监督管理局"],
        ["序号", "企业名称", "品牌名称", "所在地"],
        ["1", "某某食品有限公司", "某某牌", "德州市"],
        ["2", "某某机械有限公司", "", "火星市"],
        ["3", "", "某某大米", "齐河县"]]


@pytest.fixture
def build(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE, corpus)
    out = tmp_path / "build"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def _csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _counts(build: Path) -> dict[NodeKind, int]:
    graph = load_build(build)
    return {kind: len(nodes) for kind, nodes in graph.by_kind().items()}


def test_import_reports_what_it_read_and_each_bad_row(build: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path / "list.csv", ROWS)
    result = runner.invoke(app, ["register", "import", str(path), "--build", str(build)])
    assert result.exit_code == 0, result.output
    assert "header row 3 (企业名称 → enterprise, 品牌名称 → brand, 所在地 → region)" in result.stderr
    assert "programme 某某品牌" in result.stderr and "agency 省市场监管局" in result.stderr
    assert "warning: list.csv: row 5: unknown region '火星市'" in result.stderr
    assert "list.csv: 2 of 3 row(s) imported" in result.stdout
    [register] = read_registers(build)
    assert [e.row for e in register.entries] == [4, 6]
    assert _counts(build)[NodeKind.RECOGNITION] == 2


def test_strict_stores_nothing_of_a_file_with_a_bad_row(build: Path, tmp_path: Path) -> None:
    before = (build / "graph.ttl").read_bytes()
    path = _csv(tmp_path / "list.csv", ROWS)
    result = runner.invoke(app, ["register", "import", str(path), "--build", str(build),
                                 "--strict"])
    assert result.exit_code == 1
    assert "1 bad row(s)" in result.stderr and "nothing stored" in result.stderr
    assert (build / "graph.ttl").read_bytes() == before
    assert read_registers(build) == []


def test_importing_the_same_list_again_changes_nothing(build: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path / "list.csv", ROWS[:4] + ROWS[5:])
    runner.invoke(app, ["register", "import", str(path), "--build", str(build)])
    files = {p.name: p.read_bytes() for p in build.iterdir()}
    again = runner.invoke(app, ["register", "import", str(path), "--build", str(build)])
    assert again.exit_code == 0 and "unchanged" in again.stdout
    assert {p.name: p.read_bytes() for p in build.iterdir()} == files


def test_a_rebuild_keeps_imported_lists(build: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path / "list.csv", ROWS[:4])
    runner.invoke(app, ["register", "import", str(path), "--build", str(build)])
    result = runner.invoke(app, ["build", str(SAMPLE), "--out", str(build)])
    assert result.exit_code == 0 and "and 1 register(s)" in result.stdout
    assert _counts(build)[NodeKind.RECOGNITION] == 1


def test_remove_takes_a_list_out_and_keeps_the_documents(build: Path, tmp_path: Path) -> None:
    before = _counts(build)
    path = _csv(tmp_path / "list.csv", ROWS[:4])
    runner.invoke(app, ["register", "import", str(path), "--build", str(build)])
    assert _counts(build).get(NodeKind.RECOGNITION) == 1
    result = runner.invoke(app, ["register", "remove", "list.csv", "--build", str(build)])
    assert result.exit_code == 0 and "policygraph remove list.csv" in result.stdout
    assert _counts(build) == before and not (build / "registers.json").exists()
    missing = runner.invoke(app, ["register", "remove", "list.csv", "--build", str(build)])
    assert missing.exit_code == 1 and "no register 'list.csv'" in missing.stderr


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_and_import_again_round_trip(build: Path, tmp_path: Path, suffix: str) -> None:
    source = REGISTERS / "dezhou_known_agri_brands.csv"
    runner.invoke(app, ["register", "import", str(source), "--build", str(build)])
    served = _served_enterprises(build)
    assert len(served) == 8 and served["山东德州扒鸡股份有限公司"] == ["德州"]
    out = tmp_path / f"copy{suffix}"
    result = runner.invoke(app, ["register", "export", "dezhou_known_agri_brands.csv",
                                 "--build", str(build), "--out", str(out)])
    assert result.exit_code == 0, result.output
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(out).worksheets[0]
        assert sheet.cell(row=3, column=2).value == "企业名称"
    else:
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    graph_before = (build / "graph.ttl").read_bytes()
    runner.invoke(app, ["register", "remove", "dezhou_known_agri_brands.csv",
                        "--build", str(build)])
    again = runner.invoke(app, ["register", "import", str(out), "--build", str(build),
                                "--name", "dezhou_known_agri_brands.csv"])
    assert again.exit_code == 0, again.output
    # the same recognitions, enterprises, brands and regions: only the rows' numbers and
    # the list's title and checksum may differ
    def facts(ttl: bytes) -> set[str]:
        return {line for line in ttl.decode().splitlines()
                if "registerRow" not in line and "sha256" not in line and "dcterms:title" not in line}
    assert facts((build / "graph.ttl").read_bytes()) == facts(graph_before)
    assert _served_enterprises(build) == served


def _served_enterprises(build: Path) -> dict[str, list[str]]:
    """Enterprise → brands, as the API serves the build (embedded backend)."""
    settings = ApiSettings(_env_file=None, backend=Backend.EMBEDDED,  # type: ignore[call-arg]
                           build_dir=build, api_key=None, neo4j_uri=None, host="127.0.0.1",
                           allowed_hosts=("testserver",))
    with TestClient(create_app(settings)) as client:
        body = client.get("/enterprises", params={"limit": 200}).json()
    return {e["name"]: [b["name"] for b in e["brands"]] for e in body["data"]}


def test_the_sample_registers_import_without_options(build: Path) -> None:
    for path in sorted(REGISTERS.glob("*.csv")):
        result = runner.invoke(app, ["register", "import", str(path), "--build", str(build)])
        assert result.exit_code == 0 and "0 bad row(s)" in result.stdout, result.output
    listed = runner.invoke(app, ["register", "list", "--build", str(build)])
    assert "haopin_shandong.csv" in listed.stdout and "23 row(s)" in listed.stdout
    assert _counts(build)[NodeKind.ENTERPRISE] == 19


def test_a_file_that_is_no_list_is_one_error_line(build: Path, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("备注")
    result = runner.invoke(app, ["register", "import", str(path), "--build", str(build)])
    assert result.exit_code != 0 and result.exception is not None
    # what `policygraph` (api.cli.main) prints for it
    assert failure_line(result.exception) == (
        f"error: {path}: not a register file (.txt); use .csv or .xlsx")


def test_the_ledger_command_writes_every_plan_or_one_region(build: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    result = runner.invoke(app, ["ledger", "--build", str(build), "--out", str(out)])
    assert result.exit_code == 0 and "9 task(s) in 1 sheet(s)" in result.stdout
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet.cell(row=1, column=3).value == "牵头单位" and sheet.max_row == 10
    by_region = runner.invoke(app, ["ledger", "--build", str(build), "--region", "德州市",
                                    "--out", str(tmp_path / "l.csv")])
    assert by_region.exit_code == 0 and (tmp_path / "l.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    wrong = runner.invoke(app, ["ledger", "--build", str(build), "--out", str(tmp_path / "l.pdf")])
    assert wrong.exit_code == 1 and "write a .xlsx or .csv file" in wrong.stderr
    both = runner.invoke(app, ["ledger", "--build", str(build), "--plan", "x", "--region", "y",
                               "--out", str(out)])
    assert both.exit_code == 1 and "at most one of" in both.stderr
