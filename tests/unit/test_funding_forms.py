"""Tests of the funding forms beyond ``给予N万元``: a rate with a cap (the cap is the
item, counted per year when 每年/年度 says so), per-item amounts before the verb,
经费 budgets, a budget written as a floor, what a budget supports, given-to lists
and recipients between amounts.

Snippets are written for these tests; they are not copied from any fixture.
"""

from __future__ import annotations

import re

import pytest

from ingest import patterns_funding as p
from ingest.funding import amount_spans, find_funding
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
        ("对新建冷链仓库的企业,按设备投资额的20%给予补助,单个项目最高150万元。",
         [("新建冷链仓库的企业", 150, "万元", ONCE)]),
        ("对参加境外农博会的合作社,按展位费的60%给予补贴,单家合作社每年最高8万元。",
         [("参加境外农博会的合作社", 8, "万元", YEAR)]),
        ("对园区企业的技改贷款,按贷款额的2%给予贴息,单户企业年度贴息最高不超过30万元。",
         [("园区企业的技改贷款", 30, "万元", YEAR)]),
        ("对开设品牌旗舰店的企业,按租金的50%给予补助,每店最多5万元。",
         [("开设品牌旗舰店的企业", 5, "万元", ONCE)]),
    ],
)
def test_rate_with_cap_is_one_item_with_the_cap(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
    assert find_targets(text) == []


def test_loan_limit_after_a_rate_is_not_money_given() -> None:
    text = "对小微企业给予贴息,单笔贷款最高500万元。"
    assert rows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对获得发明专利授权的企业,按每件最高3000元给予奖励。",
         [("获得发明专利授权的企业", 3000, "元", ONCE)]),
        ("对购买新能源农机的农户,按每台800元标准给予补贴。",
         [("购买新能源农机的农户", 800, "元", ONCE)]),
    ],
)
def test_amount_per_item_before_the_verb(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区财政每年安排创建工作经费80万元。", [("创建工作经费", 80, "万元", YEAR)]),
        ("市财政每年统筹安排人才发展专项资金6000万元。",
         [("人才发展专项资金", 6000, "万元", YEAR)]),
        ("省财政每年安排不低于3亿元的产业转型专项资金,统筹用于各项政策。",
         [("产业转型专项资金", 3, "亿元", YEAR)]),
        ("县财政每年安排800万元专项资金,重点支持园区公共平台建设。",
         [("园区公共平台建设", 800, "万元", YEAR)]),
        ("市财政安排500万元,分批次发放家电消费券。", [("家电消费券", 500, "万元", ONCE)]),
        ("市财政每年安排2亿元乡村振兴基金,支持产业园建设。",
         [("乡村振兴基金", 2, "亿元", YEAR)]),
    ],
)
def test_budgets(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
    assert find_targets(text) == []


def test_given_to_with_a_list_of_amounts() -> None:
    text = "对年产值首次突破20亿元、50亿元的企业,分别给予经营团队最高不超过60万元、120万元奖励。"
    assert rows(text) == [("年产值首次突破20亿元的企业", 60, "万元", ONCE),
                          ("年产值首次突破50亿元的企业", 120, "万元", ONCE)]


def test_respectively_recipients_share_the_verb_and_the_noun() -> None:
    text = "对获得省长质量奖、省长质量奖提名奖的企业,分别给予一次性奖励80万元、30万元。"
    assert rows(text) == [("获得省长质量奖的企业", 80, "万元", ONCE),
                          ("获得省长质量奖提名奖的企业", 30, "万元", ONCE)]


def test_second_recipient_with_its_own_dui() -> None:
    text = "对新认定的国家级孵化器给予一次性奖励100万元,对新认定的省级孵化器给予一次性奖励30万元。"
    assert rows(text) == [("新认定的国家级孵化器", 100, "万元", ONCE),
                          ("新认定的省级孵化器", 30, "万元", ONCE)]


def test_amount_spans_cover_every_form() -> None:
    text = "对企业按每件最高2000元给予补助,按费用的50%给予补贴,单家最高10万元。"
    assert [text[a:b] for a, b in amount_spans(text, 0, len(text))] == ["2000元", "10万元"]


@pytest.mark.parametrize(
    ("pattern", "phrase", "group", "found"),
    [
        (p.FUNDING_CAP, "给予补助,单个项目每年最高50万元", "subject", "单个项目每年"),
        (p.CAP_PER_YEAR, "单户企业年度贴息", None, "年度"),
        (p.CAP_NOT_GIVEN, "单笔贷款", None, "贷款"),
        (p.FUNDING_PER_UNIT, "按每件最高3000元给予奖励", "amounts", "3000元"),
        (p.FUNDING_FUND_FIRST, "每年安排创建工作经费80万元", "fund", "创建工作经费"),
        (p.FUNDING_BUDGET_FLOOR, "安排不低于3亿元的专项资金", "amounts", "3亿元"),
        (p.FUNDING_GIVEN_TO, "给予经营团队最高60万元、120万元奖励", "amounts", "60万元、120万元"),
        (p.BUDGET_SUPPORT, "专项资金,重点支持平台建设", "purpose", "平台建设"),
        (p.GENERIC_FUND, "专项资金", None, "专项资金"),
        (p.RECIPIENT_BETWEEN, ",对省级孵化器", "who", "省级孵化器"),
        (p.FUND_NAME, "的产业转型专项资金,", "fund", "产业转型专项资金"),
    ],
)
def test_funding_pattern_examples(pattern: re.Pattern[str], phrase: str, group: str | None,
                                  found: str) -> None:
    match = pattern.search(phrase)
    assert match is not None
    assert match.group(group or 0) == found


def test_every_funding_constant_is_compiled_or_text() -> None:
    for name in dir(p):
        if name.isupper() and not name.startswith("_"):
            assert isinstance(getattr(p, name), re.Pattern | str | frozenset)


def test_receiver_after_geiyu_without_modifier() -> None:
    text = "对年营业收入首次超过5亿元的物流企业,给予企业管理团队20万元奖励。"
    assert rows(text) == [("年营业收入首次超过5亿元的物流企业", 20, "万元", ONCE)]
    assert rows("给予租金补贴3万元。") == [(None, 3, "万元", ONCE)]
    match = p.FUNDING_GIVEN_TO_PLAIN.search("给予企业管理团队20万元奖励")
    assert match is not None and match["who"] == "企业管理团队"
    assert p.FUNDING_GIVEN_TO_PLAIN.search("给予租金补贴3万元") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县财政每年安排经费50万元。", [(None, 50, "万元", YEAR)]),
        ("市财政安排专项经费200万元,用于计量能力提升。", [("计量能力提升", 200, "万元", ONCE)]),
        ("市财政安排专项经费200万元。", [("专项经费", 200, "万元", ONCE)]),
    ],
)
def test_generic_fund_yields_to_the_purpose(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


# --- heldout-3 families: budget floors, per-person rates, aggregate ceilings ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县财政每年安排人才发展资金不低于500万元。", [("人才发展资金", 500, "万元", YEAR)]),
        ("区财政每年安排科技创新资金不少于2亿元。", [("科技创新资金", 2, "亿元", YEAR)]),
    ],
)
def test_budget_floor_after_the_fund_is_funding_not_a_target(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
    assert find_targets(text) == []


def test_per_person_rate_before_a_named_subsidy() -> None:
    text = "对招用退役军人的企业,按每人2000元标准给予一次性社保补贴。"
    assert rows(text) == [("招用退役军人的企业", 2000, "元", ONCE)]
    assert p.FUNDING_PER_UNIT.search("按每人800元标准给予岗位补贴") is not None


def test_a_ceiling_on_a_yearly_total_is_not_a_payment() -> None:
    text = "对新落户的区域总部,给予一次性奖励30万元,单个企业年度奖励总额不超过60万元。"
    assert rows(text) == [("新落户的区域总部", 30, "万元", ONCE)]
    assert p.AGGREGATE_CEILING.search("奖励总额不超过")
    assert p.AGGREGATE_CEILING.search("累计补助不超过")
    assert not p.AGGREGATE_CEILING.search("一次性奖励")


def test_respectively_recipients_share_the_de_phrase() -> None:
    text = "对新评定的国家级示范社、省级示范社,分别给予一次性奖励10万元、5万元。"
    assert rows(text) == [("新评定的国家级示范社", 10, "万元", ONCE),
                          ("新评定的省级示范社", 5, "万元", ONCE)]
    text = "对主导制定国家标准、地方标准的企业,分别给予奖励30万元、10万元。"
    assert rows(text) == [("主导制定国家标准的企业", 30, "万元", ONCE),
                          ("主导制定地方标准的企业", 10, "万元", ONCE)]


# --- families seen in real documents (snippets written for the test) ------------------


def test_award_decision_gives_each_winner_the_amount_except_the_excluded():
    text = ("决定授予甲水泥有限公司、乙地质大队“某市第八届市长质量奖”,并分别奖励人民币40万元;"
            "授予丙实业有限公司、丁科技有限公司“某市第八届市长质量奖提名奖”,并分别奖励人民币20万元"
            "(其中,丁科技有限公司已荣获某市第七届市长质量奖提名奖,本届不重复颁发奖金)。")
    assert rows(text) == [("甲水泥有限公司", 40, "万元", ONCE), ("乙地质大队", 40, "万元", ONCE),
                          ("丙实业有限公司", 20, "万元", ONCE)]


def test_award_decision_with_a_count_and_each():
    text = "市政府决定授予甲电源有限公司、乙食品有限公司等2家企业“2016年度某市市长质量奖”,各奖励100万元。"
    assert rows(text) == [("甲电源有限公司", 100, "万元", ONCE), ("乙食品有限公司", 100, "万元", ONCE)]


def test_respectively_over_quoted_names_splits_the_recipient():
    text = "当年获得“地理标志证明商标”与“地理标志产品”认定的分别奖励10万元。"
    assert [(r, a) for r, a, _, _ in rows(text)] == [
        ("当年获得“地理标志证明商标”认定的", 10), ("当年获得“地理标志产品”认定的", 10)]


def test_headline_repeating_a_body_amount_is_not_counted_twice():
    text = "某县知识产权贯标奖励5万元\n第十二条 通过贯标认证的企业奖励5万元。"
    assert [(a, u) for _, a, u, _ in rows(text)] == [(5, "万元")]


def test_the_clause_before_the_verb_names_who_qualifies():
    assert rows("当年授权的发明专利每件奖励3万元。") == [("当年授权的发明专利每件", 3, "万元", ONCE)]
    assert rows("奖励企业负责人3万元。") == [("企业负责人", 3, "万元", ONCE)]


def test_raising_a_fund_is_funding():
    text = "省财政新增筹措重大建设项目前期工作经费3亿元;省财政筹措3亿元资金支持城市重大基础设施建设。"
    assert rows(text) == [("重大建设项目前期工作经费", 3, "亿元", ONCE),
                          ("城市重大基础设施建设", 3, "亿元", ONCE)]


def test_fund_named_first_then_its_yearly_amount():
    assert rows("我省设立了中小微企业品牌建设专项资金,每年2000万元,主要用于奖励。") == [
        ("中小微企业品牌建设专项资金", 2000, "万元", FundingPer.YEAR)]


def test_respectively_pays_the_items_of_the_clause_before_in_order():
    text = ("实施市级重点研发计划、科技攻关计划和市自然科学资金项目,"
            "分别给予最高50万元、10万元和2万元项目补助。")
    assert [(r, a) for r, a, _, _ in rows(text)] == [
        ("市级重点研发计划项目", 50), ("科技攻关计划项目", 10), ("市自然科学资金项目", 2)]


def test_qualifying_phrase_before_a_one_off_reward():
    text = ("其中,商标被认定为中国驰名商标的中小微企业,一次性奖励50万元;"
            "被认定为省级著名商标的中小微企业,一次性奖励5万元。")
    assert [(r, a) for r, a, _, _ in rows(text)] == [
        ("商标被认定为中国驰名商标的中小微企业", 50), ("被认定为省级著名商标的中小微企业", 5)]


def test_award_without_quotes_to_one_winner_and_a_recipient_gloss():
    assert rows("授予某某管业股份有限公司叶县分公司县长质量贡献奖,奖励5万元。") == [
        ("某某管业股份有限公司叶县分公司", 5, "万元", ONCE)]
    assert [r for r, *_ in rows("PCT(专利合作条约简称)专利申请授权每件奖励5万元。")] == [
        "PCT专利申请授权每件"]


def test_award_decision_with_a_glued_count_an_edition_and_money_per_winner():
    text = ("决定授予甲物流集团有限公司、乙针纺有限公司2家企业第三届“某市政府质量奖”,"
            "现予以公布并给予每家获奖企业80万元奖励。")
    assert rows(text) == [("甲物流集团有限公司", 80, "万元", ONCE), ("乙针纺有限公司", 80, "万元", ONCE)]
    text = ("授予甲科技股份有限公司、乙家居集团有限公司等单位2020年度某市市长质量奖,"
            "并分别给予人民币60万元的奖励;授予丙电梯有限公司等单位2020年度某市市长质量奖提名奖。")
    assert rows(text) == [("甲科技股份有限公司", 60, "万元", ONCE),
                          ("乙家居集团有限公司", 60, "万元", ONCE)]
    text = ("决定授予甲电子有限公司、乙锅炉有限公司2家企业2019年度“某市市长质量奖”荣誉称号,"
            "并分别给予20万元奖金。")
    assert [r for r, *_ in rows(text)] == ["甲电子有限公司", "乙锅炉有限公司"]


def test_a_news_lead_restating_the_award_money_is_not_a_further_item():
    text = ("近日,2家企业荣获第三届“某市政府质量奖”,并给予每家获奖企业80万元奖励。\n"
            "决定授予甲物流集团有限公司、乙针纺有限公司2家企业第三届“某市政府质量奖”,"
            "现予以公布并给予每家获奖企业80万元奖励。")
    assert [r for r, *_ in rows(text)] == ["甲物流集团有限公司", "乙针纺有限公司"]


def test_a_cap_with_its_own_giving_verb():
    text = "对设备购置额1000万元以上、建设期不超过两年的技改项目,最高支持2000万元。"
    assert rows(text) == [("设备购置额1000万元以上、建设期不超过两年的技改项目", 2000, "万元", ONCE)]
    assert rows("对新认定的企业,最高奖励50万元。") == [("新认定的企业", 50, "万元", ONCE)]


def test_respectively_pays_the_items_of_the_list_it_follows():
    text = "其中对首次获得甲奖、乙奖提名奖、丙奖分别给予100万元、50万元、20万元一次性奖补。"
    assert [h.recipient for h in find_funding(text)] == ["首次获得甲奖", "乙奖提名奖", "丙奖"]


def test_respectively_reaches_over_a_clause_of_manner_to_its_list():
    text = "实施甲计划、乙计划和丙资金项目,根据具体项目管理办法,分别给予最高30万元、10万元和2万元项目补助。"
    assert [(h.recipient, h.amount) for h in find_funding(text)] == [
        ("甲计划项目", 30), ("乙计划项目", 10), ("丙资金项目", 2)]


def test_respectively_without_a_list_of_that_length_keeps_one_recipient():
    # two amounts, but the clause names three items: nothing is split
    text = "对甲、乙、丙类企业分别给予10万元、5万元奖励。"
    found = [h.recipient for h in find_funding(text)]
    assert len(found) == 2 and found[0] == found[1]


def test_a_payment_that_opens_its_clause_is_paid_to_the_condition_before_it():
    text = ("奖励一入围全国品牌价值排行年度500强,奖励50万元;奖励二入围省品牌价值排行年度50强,"
            "奖励10万元;奖励三获得马德里商标国际注册(一个注册号),每件补助3万元。")
    assert [(h.recipient, h.amount) for h in find_funding(text)] == [
        ("入围全国品牌价值排行年度500强", 50), ("入围省品牌价值排行年度50强", 10),
        ("获得马德里商标国际注册(一个注册号)", 3)]


def test_one_amount_for_each_of_titles_won_is_one_item_per_title():
    text = "对获得中国质量奖提名奖、中华老字号、中国驰名商标的,分别一次性奖励不超过25万元。"
    assert [(h.recipient, h.amount) for h in find_funding(text)] == [
        ("获得中国质量奖提名奖的", 25), ("获得中华老字号的", 25), ("获得中国驰名商标的", 25)]
