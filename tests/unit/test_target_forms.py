"""Tests of the target forms beyond ``到YYYY年…N单位``: plain-year deadlines with an
aim word, a deadline that holds for its own sentence, table rows with a deadline
cell, standing targets without a year, recurring quotas, ranks with a long scope,
``分别`` lists with a change verb, caps and ``对…的`` phrases that are not targets,
headlines that repeat the body, and the metric clean-up.

Snippets are written for these tests; they are not copied from any fixture.
"""

from __future__ import annotations

import re

import pytest

from ingest import patterns_targets as p
from ingest.target_context import find_deadlines, iter_sentences, split_coordinated
from ingest.targets import find_targets
from ontology.model import Qualifier

Row = tuple[int | None, str, float | int | None, str | None, Qualifier | None]


def rows(text: str) -> list[Row]:
    """(year, metric, value, unit, qualifier) of every target in ``text``."""
    return [(h.year, h.metric, h.value, h.unit, h.qualifier) for h in find_targets(text)]


def keys(text: str) -> list[tuple[int | None, float | int | None, str | None, Qualifier | None]]:
    """(year, value, unit, qualifier) of every target in ``text``."""
    return [(h.year, h.value, h.unit, h.qualifier) for h in find_targets(text)]


# --- a plain year with an aim word -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2026年,力争全区快递业务量突破5亿件。", [2026]),
        ("2027年全县将建成冷链仓储中心4个。", [2027]),
        ("——2026年底,确保建成区绿地率达到40%。", [2026]),
        ("2025年,目标是新建公园12个。", [2025]),
    ],
)
def test_plain_year_with_aim_word_is_a_deadline(text: str, years: list[int]) -> None:
    assert [d.year for d in find_deadlines(text)] == years


@pytest.mark.parametrize(
    "text",
    [
        "2023年,全区已有快递网点860个。",
        "2023年,我区已将12个项目纳入省重点。",
        "2024年,全区快递业务量达到4.1亿件。",
        "会议要求,2026年,力争建成5个园区。",
        "2026年3月,力争开工。",
    ],
)
def test_plain_year_without_aim_or_past_is_no_deadline(text: str) -> None:
    assert find_deadlines(text) == []


def test_plain_year_aim_gives_targets_and_past_year_does_not() -> None:
    text = ("2023年,全区排名居全省第4位,建成充电桩900个。"
            "2026年,力争充电服务满意度稳定进入全省同类城区前3位,建成充电桩突破3000个。")
    assert keys(text) == [(2026, 3, "位", Qualifier.TOP_N),
                          (2026, 3000, "个", Qualifier.BREAK_THROUGH)]


# --- year carry ------------------------------------------------------------------------------


def test_deadline_in_mid_paragraph_is_not_carried() -> None:
    text = ("3.提升物流效率。推进多式联运。到2026年底,港口集装箱吞吐量突破80万标箱,"
            "铁路货运量达到900万吨。市交通局要将货车通行审批时间压缩在2个工作日以内。")
    assert keys(text) == [(2026, 900, "万吨", Qualifier.REACH),
                          (None, 2, "个工作日", Qualifier.WITHIN)]


def test_goal_paragraph_still_carries_to_the_next_paragraph() -> None:
    text = "到2026年,全市物流总额达到6000亿元。\n冷库容量达到120万吨。"
    assert keys(text) == [(2026, 6000, "亿元", Qualifier.REACH),
                          (2026, 120, "万吨", Qualifier.REACH)]


# --- table rows -------------------------------------------------------------------------------


def test_table_row_takes_the_year_of_its_deadline_cell() -> None:
    text = ("序号 | 工作任务 | 牵头单位 | 完成时限\n"
            "一、提升效率 | | |\n"
            "1 | 推行容缺受理,不动产登记时间压缩至2个工作日以内 | 市自然资源局 | 2025年9月底前\n"
            "2 | 新增“免申即享”政策30项以上 | 市数据局 | 长期坚持\n"
            "3 | 全年组织政策宣讲会12场 | 市发展改革委 | 2025年底前\n")
    assert rows(text) == [
        (2025, "不动产登记时间", 2, "个工作日", Qualifier.WITHIN),
        (None, "新增“免申即享”政策", 30, "项", Qualifier.AT_LEAST),
        (2025, "全年组织政策宣讲会", 12, "场", None),
    ]


@pytest.mark.parametrize(
    ("row", "year"),
    [("1 | 事项 | 市商务局 | 2025年6月底前", 2025), ("2 | 事项 | 市商务局 | 2026年底", 2026),
     ("3 | 事项 | 市商务局 | 2025年12月31日前", 2025), ("4 | 事项 | 市商务局 | 持续推进", None)],
)
def test_row_year(row: str, year: int | None) -> None:
    (sent,) = list(iter_sentences(row))
    assert sent.row_year == year


# --- standing targets and quotas ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加强热线管理,确保12345热线接通率达到98%。",
         [(None, "12345热线接通率", 98, "%", Qualifier.REACH)]),
        ("优化流程,工程项目审批时间控制在40个工作日以内。",
         [(None, "工程项目审批时间", 40, "个工作日", Qualifier.WITHIN)]),
        ("区政务服务中心要把群众办事等候时间压缩至15分钟以内。",
         [(None, "群众办事等候时间", 15, "分钟", Qualifier.WITHIN)]),
        ("每季度召开银企对接会不少于2场。",
         [(None, "每季度召开银企对接会", 2, "场", Qualifier.NOT_BELOW)]),
        ("每月开展消防安全检查3次以上。",
         [(None, "每月开展消防安全检查", 3, "次", Qualifier.AT_LEAST)]),
    ],
)
def test_standing_targets_and_quotas(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全区地区生产总值达到900亿元,同比增长5.6%。",
        "截至目前,全区快递网点覆盖率达到100%。",
        "2023年,全区快递网点覆盖率达到95%以上。",
        "对符合条件的企业给予贴息,贴息比例不超过50%。",
        "申报企业研发投入占营业收入比例不低于3%。",
        "单户企业贷款额度不超过300万元。",
        "单个项目支持金额控制在200万元以内。",
        "全区快递网点覆盖率达到100%",
        "推动医保结算率达到",
    ],
)
def test_not_standing_targets(text: str) -> None:
    assert rows(text) == []


# --- ranks, units, 分别 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2026年,“江城米线”品牌价值进入全国地理标志产品品牌价值榜前20位。",
         [(2026, "“江城米线”品牌价值", 20, "位", Qualifier.TOP_N)]),
        ("到2026年,全市数字经济规模跻身全国前30名。",
         [(2026, "全市数字经济规模", 30, "名", Qualifier.TOP_N)]),
        ("到2026年,营商环境评价持续进入全省前5。",
         [(2026, "营商环境评价", 5, "位", Qualifier.TOP_N)]),
    ],
)
def test_rank_with_long_scope(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("unit", ["场次", "班次", "架次", "户次", "件次"])
def test_count_units_ending_in_ci(unit: str) -> None:
    assert keys(f"每年举办招商推介会12{unit}以上。") == [(None, 12, unit, Qualifier.AT_LEAST)]


def test_respectively_with_change_verb_shares_the_trailing_qualifier() -> None:
    text = "到2026年,货车、客车平均检测时间分别压缩至40分钟、25分钟以内。"
    assert rows(text) == [
        (2026, "货车平均检测时间", 40, "分钟", Qualifier.WITHIN),
        (2026, "客车平均检测时间", 25, "分钟", Qualifier.WITHIN),
    ]


# --- not targets -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "到2026年,按投资额的10%给予补助,单个园区每年最高80万元。",
        "到2026年,对企业给予奖补,最高不超过50万元。",
        "到2026年,对年产值首次突破10亿元、50亿元的企业进行通报表扬。",
    ],
)
def test_caps_and_dui_phrases_are_not_targets(text: str) -> None:
    assert rows(text) == []


def test_headline_repeat_is_dropped_but_a_lone_headline_is_kept() -> None:
    text = ("某区出台方案 到2026年冷链物流收入将突破150亿元\n"
            "方案提出,到2026年,全区冷链物流收入突破150亿元。\n")
    assert rows(text) == [(2026, "全区冷链物流收入", 150, "亿元", Qualifier.BREAK_THROUGH)]
    alone = "某区出台方案 到2026年冷库容量达到50万吨\n方案共有六章。\n"
    assert keys(alone) == [(2026, 50, "万吨", Qualifier.REACH)]


# --- metric clean-up and coordinated phrases ---------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "phrase", "found"),
    [
        (p.METRIC_CHANGE_TAIL, "审批时间压缩至", "压缩至"),
        (p.METRIC_DISPOSAL, "市税务局要将退税时间", "市税务局要将"),
        (p.METRIC_DISPOSAL, "各镇要确保覆盖率", "各镇要确保"),
        (p.CAP_BEFORE, "单个企业最高", "最高"),
        (p.CAP_BEFORE, "给予最高不超过", "最高不超过"),
        (p.PERIODIC_QUOTA, "每季度召开", "每季度"),
        (p.DUI_CLAUSE, "对年产值超过", "对"),
        (p.REPORTED, "同比增长6%", "同比"),
        (p.QUOTED, "推广“提前申报”模式", "“提前申报”"),
        (p.ACQUIRE_LEAD, "新获得省长质量奖", "新获得"),
        (p.NOT_STANDING, "对企业给予贴息", "给予"),
        (p.TABLE_ROW, "1 | 任务 | 市商务局", "| 任务 |"),
        (p.RATE_BASIS, "按设备投资额的", "按设备投资额的"),
        (p.DIGIT, "突破10亿元", "1"),
        (p.DEADLINE_BARE_AIM, "2026年,力争", "2026年,"),
        (p.TABLE_CELL, "任务 | 市商务局", "|"),
        (p.METRIC_LEAD, "第三条 项目开工率", "第三条 "),
        (p.TOP_N, "品牌价值稳定进入全省同类榜单前8位", "稳定进入全省同类榜单前8位"),
    ],
)
def test_pattern_examples(pattern: re.Pattern[str], phrase: str, found: str) -> None:
    match = pattern.search(phrase)
    assert match is not None and match.group() == found


def test_terminal_punctuation_and_headline_flag() -> None:
    assert p.TERMINAL.search("覆盖率达到90%。")
    assert not p.TERMINAL.search("出台方案 到2026年产值突破400亿元")
    flags = [s.headline for s in iter_sentences("出台方案 产值突破400亿元\n产值突破400亿元。\n")]
    assert flags == [True, False]


@pytest.mark.parametrize(
    ("phrase", "parts"),
    [
        ("获得省长质量奖、省长质量奖提名奖的企业", ["获得省长质量奖的企业", "获得省长质量奖提名奖的企业"]),
        ("年产值首次突破10亿元、50亿元的企业", ["年产值首次突破10亿元的企业", "年产值首次突破50亿元的企业"]),
    ],
)
def test_split_shares_the_de_phrase_and_the_lead(phrase: str, parts: list[str]) -> None:
    assert split_coordinated(phrase, 2) == parts


def test_plain_year_in_a_sentence_reporting_results_is_no_deadline() -> None:
    assert find_deadlines("2023年,我区将8个项目列入省重点,目前已有5个竣工。") == []


def test_a_standing_rank_is_not_a_rank_target() -> None:
    assert p.TOP_N.search("我区营商环境位居全省前3位") is None
    assert keys("我区营商环境位居全省前3位。") == []


@pytest.mark.parametrize(("phrase", "opens"), [("对年产值超过", True), ("对标先进城区", False),
                                               ("对接国际规则", False), ("对外贸易额", False)])
def test_dui_clause_is_not_dui_biao(phrase: str, opens: bool) -> None:
    assert bool(p.DUI_CLAUSE.match(phrase)) is opens


def test_article_number_is_not_part_of_the_metric() -> None:
    assert rows("第五条 到2026年,冷链流通率达到60%以上。") == [
        (2026, "冷链流通率", 60, "%", Qualifier.AT_LEAST)]
    assert rows("第五条 冷链流通率达到60%以上。") == [
        (None, "冷链流通率", 60, "%", Qualifier.AT_LEAST)]


def test_entry_condition_is_not_a_standing_target() -> None:
    assert rows("入驻企业须满足以下标准:亩均税收不低于15万元。") == []
    assert p.NOT_STANDING.search("入驻企业须满足以下标准")
    assert not p.NOT_STANDING.search("必须确保达标")


# --- heldout-3 families: units, goal labels, quota scope, parallel lists ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2026年,全区新建标准机架2万架以上。", [(2026, 2, "万架", Qualifier.AT_LEAST)]),
        ("到2026年,物流枢纽年开行班列800列左右。", [(2026, 800, "列", Qualifier.ABOUT)]),
        ("到2026年,通用航空器保有量达到30架。", [(2026, 30, "架", Qualifier.REACH)]),
    ],
)
def test_racks_and_trains_are_units(text: str, expected: list[tuple]) -> None:
    assert keys(text) == expected


def test_a_plain_year_after_a_goal_label_is_a_deadline_of_its_sentence_only() -> None:
    text = ("工作目标:2024年,全县新增市场主体3000户以上,开办时间压缩在1个工作日以内。\n"
            "第二条 每年举办创业大赛2场以上。")
    assert keys(text) == [
        (2024, 3000, "户", Qualifier.AT_LEAST), (2024, 1, "个工作日", Qualifier.WITHIN),
        (None, 2, "场", Qualifier.AT_LEAST)]
    m = p.DEADLINE_GOAL_LABEL.search("发展目标:2025年底前建成")
    assert m is not None and m["year"] == "2025"
    assert p.DEADLINE_GOAL_LABEL.search("目标:2025年3月完成") is None
    assert [d.carries for d in find_deadlines("主要目标:2024年,全县新增3000户。")] == [False]


def test_a_yearly_quota_after_a_semicolon_has_no_year() -> None:
    text = "到2026年,规上企业研发机构覆盖率达到50%;每年举办技能竞赛5场以上。"
    assert keys(text) == [(2026, 50, "%", Qualifier.REACH), (None, 5, "场", Qualifier.AT_LEAST)]
    # without the semicolon the deadline still governs the quota
    assert keys("到2026年,每年举办技能竞赛5场以上。") == [(2026, 5, "场", Qualifier.AT_LEAST)]
    assert p.SCOPE_BREAK.search("达到50%;每年")


@pytest.mark.parametrize(
    ("phrase", "count", "parts"),
    [
        ("新评定的国家级示范社、省级示范社", 2, ["新评定的国家级示范社", "新评定的省级示范社"]),
        ("来我县工作的一级技师、二级技师", 2, ["来我县工作的一级技师", "来我县工作的二级技师"]),
        ("牵头起草国家标准、团体标准", 2, ["牵头起草国家标准", "牵头起草团体标准"]),
        ("主导或参与修订国家标准和地方标准", 2, ["主导或参与修订国家标准", "主导或参与修订地方标准"]),
    ],
)
def test_parallel_items_share_the_de_phrase_or_the_verb(
        phrase: str, count: int, parts: list[str]) -> None:
    assert split_coordinated(phrase, count) == parts


def test_canyu_is_not_a_coordinator() -> None:
    assert p.COORDINATION.split("参与制定A与B") == ["参与制定A", "B"]
    assert p.ACQUIRE_LEAD.match("主导或参与制修订") is not None


# --- ranges, classes and restated quantities -----------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("到2025年,力争培育8—10个百亿企业。",
     [(2025, "培育百亿企业", 8, "个", None), (2025, "培育百亿企业", 10, "个", None)]),
    ("到2030年,新增5至8家专精特新企业。",
     [(2030, "新增专精特新企业", 5, "家", None), (2030, "新增专精特新企业", 8, "家", None)]),
])
def test_a_range_gives_one_target_per_end(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_a_value_naming_a_class_is_no_target() -> None:
    assert keys("到2025年,培育形成6个五百亿级产业集群。") == [(2025, 6, "个", None)]


def test_an_undated_quantity_restating_a_dated_target_is_that_target() -> None:
    from ingest.pipeline import extract
    text = ("某区油茶发展实施方案\n"
            "区政府决定整合资金,用三年时间发展高产油茶林5万亩。\n"
            "一、产业规划。计划2009—2011年发展高产油茶5万亩。\n"
            "二、任务。每年新增油茶苗圃5万亩。\n")
    found = {(t.year, t.value, t.unit) for t in extract("t.txt", text).targets}
    assert found == {(2011, 5, "万亩"), (None, 5, "万亩")}  # the yearly quota stays
    assert [t.metric for t in extract("t.txt", text).targets if t.year is None] == ["每年新增油茶苗圃"]
