"""``policygraph eval`` over several sets: tables, INVENTED labels, JSON, --explain, baseline.

The document and gold are written for these tests; scores are not asserted (the extractor
changes), only that every view of one run agrees.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()

TEXT = """关于印发某市品牌建设方案的通知
一、重点任务
(一)建设品牌体系。到2025年,培育品牌企业60家以上。(市市场监管局牵头,市商务局、市财政局配合)
(二)强化资金支持。对新获得市长质量奖的组织一次性奖励50万元。(市财政局负责)
"""
GOLD = {
    "source": "x.txt",
    "document": {"title": "某市品牌建设方案"},
    "tasks": [{"id": "一.(一)", "title": "建设品牌体系", "lead": ["市市场监管局"],
               "co": ["市商务局", "市财政局"]}],
    "targets": [{"task": "一.(一)", "year": 2025, "metric": "培育品牌企业", "value": 60,
                 "unit": "家", "qualifier": "以上"}],
    "funding": [{"recipient": "新获得市长质量奖的组织", "amount": 50, "unit": "万元", "per": "once"}],
    "brands": ["市长质量奖", "不在文中的品牌"],
    "departments": ["市市场监管局", "市商务局", "市财政局"],
    "enterprises": [{"name": "不在文中的有限公司", "region": None, "brands": []}],
}


@pytest.fixture
def one_set(tmp_path: Path) -> str:
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "x.json").write_text(json.dumps(GOLD, ensure_ascii=False),
                                              encoding="utf-8")
    return f"{tmp_path / 'gold'}:{tmp_path / 'docs'}"


def test_several_sets_print_one_table_each_and_a_combined_one(one_set: str, tmp_path: Path):
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", "--set", f"a={one_set}", "--set", f"b={one_set}",
                                 "--invented-set", f"made={one_set}", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "== a: 1 documents" in result.output
    assert "== combined (a, b)" in result.output
    made = result.output.split("== made")[1]
    assert made.splitlines()[1].strip().startswith("INVENTED documents")
    assert "enterprises" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data["sets"]) == ["a", "b", "made"]
    assert data["sets"]["made"]["invented"] is True
    assert data["sets"]["a"]["invented"] is False
    assert set(data["sets"]["a"]["scores"]) >= {"assignments", "targets", "enterprises"}
    assert data["combined"]["scores"]["brands"]["gold"] == 4
    assert "combined_invented" not in data
    assert data["sets"]["a"]["per_document"]["x"]["brands"]["gold"] == 2


def test_explain_lists_exactly_what_the_scores_count(one_set: str, tmp_path: Path):
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", "--set", f"a={one_set}", "--explain", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "per family:" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))["sets"]["a"]
    for kind, s in data["scores"].items():
        missed = [f for f in data["explain"] if f["kind"] == kind and f["outcome"] == "missed"]
        spurious = [f for f in data["explain"] if f["kind"] == kind and f["outcome"] == "spurious"]
        assert len(missed) == s["gold"] - s["tp"], kind
        assert len(spurious) == s["predicted"] - s["tp"], kind
    brand = next(f for f in data["explain"] if f["fact"] == "不在文中的品牌")
    assert brand["family"] == "brands: not found in the text"


def test_the_single_gold_form_and_per_document_output_still_work(one_set: str):
    gold, docs = one_set.split(":")
    result = runner.invoke(app, ["eval", "--gold", gold, "--docs", docs, "--per-document"])
    assert result.exit_code == 0, result.output
    assert "document fields (accuracy)" in result.output
    assert "\nx " in result.output


def test_update_baseline_writes_floors_and_then_reports_no_change(one_set: str, tmp_path: Path):
    baseline = tmp_path / "baseline.json"
    first = runner.invoke(app, ["eval", "--set", f"a={one_set}", "--update-baseline", str(baseline)])
    assert first.exit_code == 0, first.output
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["tolerance"] == 0.005
    assert set(data["sets"]["a"]["scores"]["targets"]) == {"precision", "recall", "f1"}
    second = runner.invoke(app, ["eval", "--invented-set", f"b={one_set}",
                                 "--update-baseline", str(baseline)])
    assert "b targets: F1" in second.output and "(new)" in second.output
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert list(data["sets"]) == ["a", "b"]            # other sets are kept
    assert data["sets"]["b"]["invented"] is True
    third = runner.invoke(app, ["eval", "--set", f"a={one_set}", "--update-baseline", str(baseline)])
    assert "unchanged" in third.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "nameless"], "a set is written NAME=GOLD_DIR[:DOCS_DIR]"),
        (["--set", "a=/no/such/gold"], "not a directory of gold JSON files"),
        ([], "name a gold set"),
        (["--docs", "somewhere"], "--docs needs --gold"),
    ],
)
def test_bad_sets_are_one_line_and_exit_2(args: list[str], message: str):
    result = runner.invoke(app, ["eval", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_two_sets_with_one_name_are_refused(one_set: str):
    result = runner.invoke(app, ["eval", "--set", f"a={one_set}", "--invented-set", f"a={one_set}"])
    assert result.exit_code == 2
    assert "two sets share a name: a" in result.output
