"""The scorer: matched pairs, enterprise scoring, combining sets, JSON."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.evaluate import combine, enterprise_key, evaluate, match_document


def doc(**facts: Any) -> dict[str, Any]:
    return {"document": {}, **facts}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("海南（潭牛）文昌鸡股份有限公司", "海南(潭牛)文昌鸡股份有限公司"),
        ("“梨花”面业 有限公司", "梨花面业有限公司"),
        ("某某ＡＢ科技有限公司", "某某AB科技有限公司"),
        ("「某某」酒业\u3000有限公司", "某某酒业有限公司"),
    ],
)
def test_enterprise_names_compare_normalised(a: str, b: str):
    assert enterprise_key(a) == enterprise_key(b)


def test_enterprises_count_only_where_the_gold_has_the_key():
    gold = {"a": doc(enterprises=[{"name": "甲公司", "region": None, "brands": []}]),
            "b": doc()}
    pred = {"a": doc(enterprises=[{"name": "甲公司"}, {"name": "乙公司"}]),
            "b": doc(enterprises=[{"name": "丙公司"}])}
    report = evaluate(pred, gold)
    s = report.scores["enterprises"]
    assert (s.tp, s.predicted, s.gold) == (1, 2, 1)
    assert "enterprises" not in report.per_document["b"]


def test_no_gold_with_the_key_means_no_enterprise_score():
    report = evaluate({"a": doc(enterprises=["甲公司"])}, {"a": doc()})
    assert "enterprises" not in report.scores
    assert "enterprises" not in report.kinds


def test_a_prediction_without_enterprises_predicts_none():
    report = evaluate({"a": doc()}, {"a": doc(enterprises=[{"name": "甲公司"}])})
    s = report.scores["enterprises"]
    assert (s.tp, s.predicted, s.gold, s.f1) == (0, 0, 1, 0.0)


def test_gold_saying_no_enterprises_scores_a_clean_prediction_as_perfect():
    report = evaluate({"a": doc()}, {"a": doc(enterprises=[])})
    assert report.scores["enterprises"].f1 == 1.0


def test_the_matcher_returns_pairs_and_what_is_left_over():
    gold = doc(targets=[
        {"year": 2025, "metric": "培育企业", "value": 60, "unit": "家", "qualifier": "以上"},
        {"year": 2025, "metric": "新增品牌", "value": 5, "unit": "个", "qualifier": None},
    ], brands=["“好品山东”", "好客山东"])
    pred = doc(targets=[
        {"year": 2025, "metric": "培育龙头企业", "value": 60, "unit": "家", "qualifier": "以上"},
        {"year": 2025, "metric": "培育龙头企业", "value": 60, "unit": "家", "qualifier": "以上"},
        {"year": 2024, "metric": "新增品牌", "value": 5, "unit": "个", "qualifier": None},
    ], brands=["好品山东", "泰山品质"],
        brand_details=[{"name": "泰山品质", "evidence": {"sentence": "打造泰山品质。"}}])
    m = match_document(pred, gold)
    targets = m["targets"]
    assert targets.counts == (1, 2, 2)           # the repeated prediction counts once
    assert [t["metric"] for t in targets.missed] == ["新增品牌"]
    assert [t["year"] for t in targets.spurious] == [2024]
    brands = m["brands"]
    assert brands.counts == (1, 2, 2)
    assert [b["name"] for b in brands.missed] == ["好客山东"]
    assert brands.spurious[0]["evidence"] == {"sentence": "打造泰山品质。"}


def test_assignments_carry_their_task_title_and_evidence():
    task = {"id": "一", "title": "建设平台", "lead": ["市商务局"], "co": ["市财政局"],
            "evidence": {"sentence": "一、建设平台"}}
    m = match_document(doc(tasks=[task]), doc(tasks=[{**task, "co": []}]))
    (extra,) = m["assignments"].spurious
    assert extra == {"task": "一", "role": "co", "unit": "市财政局", "title": "建设平台",
                     "evidence": {"sentence": "一、建设平台"}}


def test_combine_adds_counts_and_names_documents_by_set():
    one = evaluate({"a": doc(brands=["甲"])}, {"a": doc(brands=["甲", "乙"])})
    two = evaluate({"a": doc(brands=["丙"])}, {"a": doc(brands=["丙"], enterprises=[])})
    both = combine({"x": one, "y": two})
    s = both.scores["brands"]
    assert (s.tp, s.predicted, s.gold) == (2, 2, 3)
    assert sorted(both.per_document) == ["x/a", "y/a"]
    assert "enterprises" in both.kinds


def test_report_as_json_has_scores_per_kind_and_document():
    report = evaluate({"a": doc(brands=["甲"])}, {"a": doc(brands=["甲", "乙"])})
    data = report.as_json()
    assert data["documents"] == 1
    assert data["scores"]["brands"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667,
                                        "tp": 1, "predicted": 1, "gold": 2}
    assert data["per_document"]["a"]["brands"]["recall"] == 0.5
    assert "enterprises" not in data["scores"]
