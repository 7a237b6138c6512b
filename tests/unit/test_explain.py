"""``eval --explain``: misses and spurious facts come from the scorer's own matching.

Snippets are written for these tests; they are not copied from any document.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ingest.evaluate import evaluate
from ingest.explain import MISSED, SPURIOUS, explain, locate, render

TEXT = """关于印发某市品牌建设方案的通知
一、重点任务
(一)建设品牌体系。到2025年,培育品牌企业60家以上,新增“好品某市”品牌20个。(市市场监管局牵头,市商务局、市财政局配合)
(二)强化资金支持。对新获得市长质量奖的组织一次性奖励50万元。(市财政局负责)
授予甲某科技有限公司市长质量奖。
"""

GOLD = {
    "document": {},
    "tasks": [
        {"id": "一.(一)", "title": "建设品牌体系", "lead": ["市市场监管局"], "co": ["市商务局", "市财政局"]},
        {"id": "一.(二)", "title": "强化资金支持", "lead": ["市财政局"], "co": []},
    ],
    "targets": [
        {"task": "一.(一)", "year": 2025, "metric": "培育品牌企业", "value": 60, "unit": "家",
         "qualifier": "以上"},
        {"task": "一.(一)", "year": 2025, "metric": "新增“好品某市”品牌", "value": 20, "unit": "个",
         "qualifier": None},
    ],
    "funding": [{"recipient": "新获得市长质量奖的组织", "amount": 50, "unit": "万元", "per": "once"}],
    "brands": ["好品某市", "市长质量奖"],
    "departments": ["市市场监管局", "市商务局", "市财政局"],
    "enterprises": [{"name": "甲某科技有限公司", "region": None, "brands": []}],
}

EVIDENCE = {"source": "x.txt", "section": "一.(一)", "start": 0, "end": 1,
            "sentence": "(一)建设品牌体系。 … (市市场监管局牵头,市商务局、市财政局配合)"}
PRED = {
    "document": {},
    "tasks": [
        {"id": "一.(一)", "title": "建设品牌体系", "lead": ["市市场监管局", "市商务局"], "co": [],
         "evidence": EVIDENCE},
        {"id": "一.2", "title": "强化资金支持", "lead": ["市财政局"], "co": []},
    ],
    "targets": [
        {"task": "一.(一)", "year": 2025, "metric": "培育品牌企业", "value": 60, "unit": "家",
         "qualifier": "以上"},
        {"task": "一.(一)", "year": 2025, "metric": "培育品牌企业", "value": 60, "unit": "家",
         "qualifier": "以上"},
    ],
    "funding": [],
    "brands": ["好品某市", "某市"],
    "brand_details": [{"name": "某市", "evidence": {"sentence": "关于印发某市品牌建设方案的通知",
                                                    "section": None}}],
    "departments": ["市市场监管局", "市商务局"],
}


def run() -> tuple[Any, list[Any]]:
    report = evaluate({"x": PRED}, {"x": GOLD})
    return report, explain(report, {"x": TEXT})


def test_explain_counts_are_gold_minus_tp_and_pred_minus_tp():
    report, findings = run()
    missed = Counter(f.kind for f in findings if f.outcome == MISSED)
    spurious = Counter(f.kind for f in findings if f.outcome == SPURIOUS)
    for kind in report.kinds:
        s = report.scores[kind]
        assert missed[kind] == s.gold - s.tp, kind
        assert spurious[kind] == s.predicted - s.tp, kind


def by_fact(findings: list[Any]) -> dict[tuple[str, str, str], Any]:
    return {(f.kind, f.outcome, f.fact): f for f in findings}


def test_each_miss_has_its_sentence_and_family():
    _, findings = run()
    found = by_fact(findings)
    co = found["assignments", MISSED, "一.(一) co 市财政局"]
    assert co.family == "inline bracket clause (X牵头,Y配合)"
    assert "市财政局配合" in co.sentence
    target = found["targets", MISSED, "2025 新增“好品某市”品牌 20个"]
    assert target.family == "target: 到YYYY年"
    assert target.section == "一.(一)"
    money = found["funding", MISSED, "新获得市长质量奖的组织: 50万元 (once)"]
    assert money.family == "funding: reward amount"
    firm = found["enterprises", MISSED, "甲某科技有限公司"]
    assert firm.family == "enterprise: company suffix"
    assert firm.sentence == "授予甲某科技有限公司市长质量奖。"


def test_a_spurious_fact_shows_its_evidence_sentence():
    _, findings = run()
    found = by_fact(findings)
    lead = found["assignments", SPURIOUS, "一.(一) lead 市商务局"]
    assert lead.sentence == EVIDENCE["sentence"]
    assert lead.family == "inline bracket clause (X牵头,Y配合)"
    brand = found["brands", SPURIOUS, "某市"]
    assert brand.sentence == "关于印发某市品牌建设方案的通知"


def test_a_fact_predicted_under_another_task_id_says_so():
    _, findings = run()
    task = by_fact(findings)["tasks", MISSED, "一.(二) 强化资金支持"]
    assert task.note == "predicted under task 一.2"


def test_an_assignment_is_looked_for_near_its_task():
    fact = {"task": "一.(二)", "role": "lead", "unit": "市财政局", "title": "强化资金支持"}
    start, end = locate("assignments", fact, TEXT, MISSED) or (0, 0)
    assert TEXT[start:end] == "市财政局"
    assert TEXT.rfind("强化资金支持", 0, start) >= 0
    assert "市财政局负责" in TEXT[start:end + 2]


def test_a_target_is_found_by_its_value_in_the_most_alike_clause():
    text = "1\n区级税收增长6%左右\n2\n居民收入增长6%左右\n"
    fact = {"year": 2022, "metric": "居民收入增长", "value": 6, "unit": "%"}
    start, _ = locate("targets", fact, text, MISSED) or (0, 0)
    assert text[start - 6:start] == "居民收入增长"


def test_render_puts_the_family_counts_first():
    _, findings = run()
    lines = render(findings)
    assert lines[0].startswith(f"{sum(f.outcome == MISSED for f in findings)} missed, ")
    assert "predicted under another task id" in lines[0]
    header = lines.index("assignments:") if "assignments:" in lines else len(lines)
    counts = lines[2:lines.index("")]
    assert any("inline bracket clause" in line for line in counts)
    assert header > len(counts)
