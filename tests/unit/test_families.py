"""The family classifier of ``eval --explain``: one snippet per family of formats.

Snippets are written for these tests; they are not copied from any document.
"""

from __future__ import annotations

import re

import pytest

from ingest import families as fam
from ingest import patterns_families as F
from ingest.families import family, local_view


def at(text: str, needle: str, occurrence: int = 0) -> fam.Local:
    """The view of the ``occurrence``-th ``needle`` in ``text``."""
    start = [m.start() for m in re.finditer(re.escape(needle), text)][occurrence]
    return local_view(text, start, start + len(needle))


def test_local_view_cuts_line_clause_sentence_and_the_lines_before():
    text = "一、总体要求\n(一)建设平台。加快建设(市商务局牵头,市财政局配合)。另一句。"
    local = at(text, "市财政局")
    assert local.line == "(一)建设平台。加快建设(市商务局牵头,市财政局配合)。另一句。"
    assert local.clause == "(市商务局牵头,市财政局配合)"
    assert local.bracketed
    assert local.sentence == "加快建设(市商务局牵头,市财政局配合)。"
    assert local.before == ("一、总体要求",)
    assert local.prefix == "(一)建设平台。加快建设(市商务局牵头,"


def test_a_nested_bracket_is_skipped_when_looking_for_the_clause():
    text = "推进改革(区商务局(区药发中心)牵头,区财政局配合)。"
    assert at(text, "区财政局").clause == "(区商务局(区药发中心)牵头,区财政局配合)"


CELL_TABLE = "附件1\n序号\n工作任务\n牵头单位\n配合单位\n1\n建设科学城\n区科技局\n区财政局\n"
ROW_TABLE = ("序号 重点工作任务 主要责任单位 协同配合单位 完成期限\n"
             "33 培育企业50家以上。 区科技局 区财政局 2023年12月底\n")
PIPE_TABLE = "| 序号 | 任务 | 牵头单位 |\n| --- | --- | --- |\n| 1 | 建设平台 | 市商务局 |\n"


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        (CELL_TABLE, "区财政局", fam.CELL_PER_LINE),
        (ROW_TABLE, "区财政局", fam.ROW_PER_LINE),
        (PIPE_TABLE, "市商务局", fam.PIPE_TABLE),
        ("1.建设平台。\n牵头单位:团市委\n责任单位:团市委、市教育局\n", "市教育局", fam.LABEL_LINE),
        ("3.加强指导。\n责任单位:市教育局、团市委\n", "团市委", fam.FIRST_UNIT),
        ("提高效能。(牵头单位:市商务局 责任单位:市编办、市发改委)", "市编办", fam.INLINE_LABELS),
        ("提高效能。(牵头单位:市商务局;责任单位:市编办)", "市商务局", fam.INLINE_LABELS),
        ("推进改革〔市生态环境局牵头,市公安局参与〕。", "市公安局", fam.BRACKET_CLAUSE),
        ("推进改革(市发改委、市财政局牵头,市商务局配合)。", "市财政局", fam.BRACKET_CLAUSE),
        ("推进改革,由市发改委牵头,市商务局配合。", "市商务局", fam.PROSE_CLAUSE),
        ("推进改革,市财政局负责资金保障。", "市财政局", fam.PROSE_CLAUSE),
        ("推进改革(市人社局、市财政局负责)。", "市财政局", fam.FIRST_UNIT),
        ("推进改革(责任单位:市发改委、市财政局)。", "市财政局", fam.FIRST_UNIT),
        ("推进改革(市商务局、市财政局按职责分工负责)。", "市财政局", fam.SHARED),
        ("推进改革(A局、B局分别负责)。", "B局", fam.SHARED),
        ("建设园区(市教育局,市委农办,排名第一位为牵头单位,下同)。", "市委农办", fam.CONVENTION),
        ("建设园区(市教育局、市财政局等负责,列第一位者为牵头单位,下同)。\n"
         "二、推进(市人社局、市财政局)。", "市人社局", fam.CONVENTION),
        ("市财政局是本市的一个部门。", "市财政局", fam.NO_CLAUSE),
    ],
)
def test_responsibility_families(text: str, needle: str, expected: str):
    assert family("assignments", {}, at(text, needle)) == expected


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        ("到“十四五”末,全市市场主体达到80万户。", {"year": 2025}, "target: 十四五末"),
        ("到2025年,培育企业60家以上。", {"year": 2025}, "target: 到YYYY年"),
        ("2023年底前完成改造100个。", {"year": 2023}, "target: 到YYYY年"),
        ("2022年全区生产总值增长6%。", {"year": 2022}, "target: YYYY年 in the sentence"),
        ("全年新增市场主体1万户。", {"year": 2022}, "target: 全年 of a yearly plan"),
        ("序号\n2022年预期目标\n1\n地区生产总值增长5.5%左右\n", {"year": 2022},
         "target: year inherited from title/table"),
        ("今明两年建设农村公路6000公里。", {"year": None}, "target: no year"),
    ],
)
def test_target_families(text: str, fact: dict, expected: str):
    needle = re.search(r"\d+(?:\.\d+)?(?:%|万户|家|个|公里)", text.split("\n")[-2] if "\n" in text
                       else text)
    assert needle is not None
    assert family("targets", fact, at(text, needle.group())) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对培育库企业给予最高20万元奖励。", "funding: cap (最高…)"),
        ("授予A公司、B公司市长质量奖,并分别奖励50万元。", "funding: tiers (分别/各/每件)"),
        ("对新获得市长质量奖的组织一次性奖励50万元。", "funding: reward amount"),
        ("对新建冷库给予补助50万元。", "funding: subsidy"),
        ("区级财政安排50万元前期经费。", "funding: budget or fund"),
        ("总计50万元。", "funding: other amount"),
    ],
)
def test_funding_families(text: str, expected: str):
    assert family("funding", {}, at(text, "50万元" if "50万元" in text else "20万元")) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("授予A公司“黄石市第八届市长质量奖”。", "黄石市第八届市长质量奖", "brand: award title"),
        ("认定为“中华老字号”。", "中华老字号", "brand: designation (老字号/驰名商标)"),
        ("共建共享“好品山东”品牌。", "好品山东", "brand: quoted name"),
        ("A公司梨花牌小麦粉入选。", "梨花", "brand: X牌"),
        ("序号 城市 企业名称 代表性注册商标\n1 武汉 武汉某某商贸有限公司 某某记\n", "某某记",
         "brand: list entry (table)"),
        ("启东绿皮蚕豆等18个品牌入选。", "启东绿皮蚕豆", "brand: unquoted name"),
    ],
)
def test_brand_families(text: str, name: str, expected: str):
    assert family("brands", {"name": name}, at(text, name)) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("推进改革(市商务局牵头,市财政局配合)。", "市财政局", "department: in a responsibility list"),
        ("通知如下。\n市市场监管局\n2022年1月1日\n", "市市场监管局",
         "department: signature or heading line"),
        ("经市委宣传部研究,现通知如下。", "市委宣传部", "department: party or mass organisation"),
        ("经市统计局核定,全市数据如下。", "市统计局", "department: named in running text"),
    ],
)
def test_department_families(text: str, name: str, expected: str):
    assert family("departments", {"name": name}, at(text, name)) == expected


def test_a_department_found_in_another_form_is_named_so():
    text = "推进改革(发展改革局牵头)。"
    assert (family("departments", {"name": "市发展改革局"}, at(text, "发展改革局"))
            == "department: written in another form")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("推进建设(区发改局牵头,区国投公司配合)。", "区国投公司", "enterprise: in a responsibility list"),
        ("序号 城市 企业名称 代表性注册商标\n1 武汉 武汉某某商贸有限公司 某某记\n",
         "武汉某某商贸有限公司", "enterprise: list entry (table)"),
        ("入选的有:某某蔬菜专业合作社。", "某某蔬菜专业合作社", "enterprise: cooperative"),
        ("授予某某水泥有限公司市长质量奖。", "某某水泥有限公司", "enterprise: company suffix"),
        ("授予某某酒业(集团)有限责任公司称号。", "某某酒业(集团)有限责任公司", "enterprise: company suffix"),
        ("餐饮类有:某某牛肉馆。", "某某牛肉馆", "enterprise: named shop or house"),
    ],
)
def test_enterprise_families(text: str, name: str, expected: str):
    assert family("enterprises", {"name": name}, at(text, name)) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("二、重点任务\n(一)建设平台。加快建设。", "建设平台", "task: numbered item"),
        ("(省商务厅负责) 2.落实好措施。", "落实好措施", "task: numbered item"),
        ("一是加强品牌建设,提升质量。", "加强品牌建设", "task: news ordinal (一是…)"),
        ("全市将加强品牌建设。", "加强品牌建设", "task: unnumbered prose"),
        (CELL_TABLE, "建设科学城", fam.CELL_PER_LINE),
    ],
)
def test_task_families(text: str, title: str, expected: str):
    assert family("tasks", {"title": title}, at(text, title)) == expected


def test_a_fact_not_found_says_so():
    assert family("brands", {"name": "x"}, None) == "brands: not found in the text"


@pytest.mark.parametrize(
    ("pattern", "examples"),
    [
        (F.HEADER_CELL_LINE, ["序号", "牵头单位", "完成时限", "2022年预期目标", "代表性注册商标"]),
        (F.FIRST_IS_LEAD_RULE, ["列第一位的为牵头单位", "排名第一位为牵头单位", "列第一位者为牵头单位",
                                "第一个为牵头单位", "首位为牵头单位"]),
        (F.SHARED_WORK, ["按职责分工负责", "分别负责", "各自负责"]),
        (F.FIVE_YEAR_END, ["到“十四五”末", "十四五期末"]),
        (F.TO_YEAR, ["到2025年", "至2022年底", "2023年底前"]),
        (F.COMPANY, ["某某股份有限公司", "某某有限责任公司", "某某(集团)有限公司", "区国投公司", "新运集团"]),
        (F.PARTY_OR_MASS, ["市委宣传部", "团市委", "市妇联", "市总工会", "市科协", "市残联"]),
    ],
)
def test_named_patterns_match_their_examples(pattern: re.Pattern[str], examples: list[str]):
    for example in examples:
        assert pattern.search(example), example
