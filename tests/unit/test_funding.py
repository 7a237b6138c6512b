"""Tests of funding extraction: giving verbs and their amounts, recipients,
once or per year, and amounts that are not funding.  Snippets are written for
these tests; the check against the shared gold is in ``test_targets.py``.
"""

from __future__ import annotations

import pytest

from ingest import patterns_funding as p
from ingest.funding import find_funding
from ingest.targets import find_targets
from ontology.model import FundingPer

Row = tuple[str | None, float | int, str, FundingPer]
ONCE, YEAR = FundingPer.ONCE, FundingPer.YEAR


def rows(text: str) -> list[Row]:
    """(recipient, amount, unit, per) of every funding item in ``text``."""
    return [(h.recipient, h.amount, h.unit, h.per) for h in find_funding(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对新评为国家级技能大师工作室的单位给予30万元资金支持。",
         [("新评为国家级技能大师工作室的单位", 30, "万元", ONCE)]),
        ("对首次入选全国百强的企业,给予一次性奖励80万元。",
         [("首次入选全国百强的企业", 80, "万元", ONCE)]),
        ("对认定的市级工业设计中心给予最高不超过40万元补助。",
         [("认定的市级工业设计中心", 40, "万元", ONCE)]),
        ("对新建的公共实训基地,一次性奖励15万元。",
         [("新建的公共实训基地", 15, "万元", ONCE)]),
        ("给予每家试点企业8万元补贴。", [(None, 8, "万元", ONCE)]),
    ],
)
def test_giving_verbs(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_respectively_splits_recipients_and_amounts() -> None:
    text = "对获评年度标杆的团队和个人分别给予20万元、2万元奖励。"
    assert rows(text) == [("获评年度标杆的团队", 20, "万元", ONCE),
                          ("获评年度标杆的个人", 2, "万元", ONCE)]


def test_respectively_with_shared_head() -> None:
    text = "对新认定的国家级、省级孵化器分别给予60万元、25万元奖励。"
    assert rows(text) == [("新认定的国家级孵化器", 60, "万元", ONCE),
                          ("省级孵化器", 25, "万元", ONCE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市财政每年拿出300万元专项资金用于人才引进、技能培训等。",
         [("人才引进、技能培训等", 300, "万元", YEAR)]),
        ("区财政每年安排2000万元,用于支持老字号企业改造。",
         [("支持老字号企业改造", 2000, "万元", YEAR)]),
        ("对入驻园区的初创团队每年给予5万元房租补贴。",
         [("入驻园区的初创团队", 5, "万元", YEAR)]),
        ("对认定的众创空间给予运营补贴10万元/年。",
         [("认定的众创空间", 10, "万元", YEAR)]),
    ],
)
def test_per_year(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("设立1.8亿元支持先进制造业发展专项资金。",
         [("支持先进制造业发展专项资金", 1.8, "亿元", ONCE)]),
        ("设立总规模20亿元的天使投资基金。", [("天使投资基金", 20, "亿元", ONCE)]),
        ("安排3亿元专项资金。", [("专项资金", 3, "亿元", ONCE)]),
        ("省级财政投入资金6亿元。", [(None, 6, "亿元", ONCE)]),
        ("设立五十万元创业基金。", [("创业基金", 50, "万元", ONCE)]),
    ],
)
def test_funds_set_up(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_cap_clause_after_a_rate() -> None:
    text = "对符合条件的数字化改造项目,按设备投资额的15%给予补助,最高不超过300万元。"
    assert rows(text) == [("符合条件的数字化改造项目", 300, "万元", ONCE)]


@pytest.mark.parametrize(
    "text",
    [
        "对符合条件的项目,按实际投资额的20%给予补贴。",
        "对月销售额10万元以下的小规模纳税人免征增值税。",
        "对营业收入首次超过5亿元的企业进行通报表扬。",
        "到2026年,旅游总收入超过900亿元。",
        "全市研发经费投入达120亿元。",
        "给予相关政策扶持。",
    ],
)
def test_not_funding(text: str) -> None:
    assert rows(text) == []


def test_distant_dui_clause_is_not_the_recipient() -> None:
    text = "对中小企业开展诊断服务,组织供需对接,举办专题培训,每年安排80万元。"
    assert rows(text) == [(None, 80, "万元", YEAR)]


def test_threshold_in_recipient_is_not_an_amount() -> None:
    text = "对年营业收入首次突破20亿元的企业,给予100万元奖励。"
    assert rows(text) == [("年营业收入首次突破20亿元的企业", 100, "万元", ONCE)]


def test_funding_amount_is_not_a_target() -> None:
    text = "到2026年,每年拿出500万元用于品牌推广,培育品牌企业30家。"
    assert [(h.metric, h.value) for h in find_targets(text)] == [("培育品牌企业", 30)]
    assert rows(text) == [("品牌推广", 500, "万元", YEAR)]


def test_spans_and_order() -> None:
    text = "前言。对甲类项目给予10万元补助,对乙类项目给予20万元补助。"
    hits = find_funding(text)
    assert [text[h.start:h.end] for h in hits] == ["对甲类项目给予10万元", "对乙类项目给予20万元"]
    assert {text[h.sentence_start:h.sentence_end] for h in hits} == {
        "对甲类项目给予10万元补助,对乙类项目给予20万元补助。"}
    assert find_funding(text) == hits


def test_trigger_pattern_example() -> None:
    match = p.FUNDING_TRIGGER.search("分别给予50万元、5万元资金扶持")
    assert match is not None
    assert match["verb"] == "给予"
    assert match["amounts"] == "50万元、5万元"
