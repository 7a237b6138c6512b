"""The year of a yearly plan's goal list, however the list is worded: a year or ``今年``
before a label (``主要预期目标是:``, ``确定为:``, ``设定为``), a label that ends its line with
the goals on the lines after it, ``今年`` with an aim word (the year the text is written
in), a span an aim verb sets (``计划2009—2011年``), and what is done already (``已发展的``,
``近三年…累计``), which is no target.

Snippets are written for these tests; they are not copied from any document.
"""

from __future__ import annotations

import re

import pytest

from ingest import patterns_targets as p
from ingest.metadata import extract_metadata, written_year
from ingest.targets import find_targets

Key = tuple[int | None, float | int | None, str | None]


def keys(text: str, this_year: int | None = None) -> list[Key]:
    """(year, value, unit) of every target of ``text``."""
    return [(h.year, h.value, h.unit) for h in find_targets(text, this_year=this_year)]


@pytest.mark.parametrize("text", [
    "2025年全县经济社会发展主要预期目标是:地区生产总值增长6%左右;财政收入增长4%。",
    "综合考虑,建议2025年全县经济社会发展主要预期目标确定为:地区生产总值增长6%左右;"
    "财政收入增长4%。",
    "2025年全县主要预期指标为:地区生产总值增长6%左右;财政收入增长4%。",
    "2025年的主要目标是,地区生产总值增长6%左右,财政收入增长4%。",
    "2025年全县经济社会发展主要预期目标:地区生产总值增长6%左右;财政收入增长4%。",
])
def test_a_year_before_a_goal_label_dates_every_goal_of_its_sentence(text: str) -> None:
    assert keys(text) == [(2025, 6, "%"), (2025, 4, "%")]


@pytest.mark.parametrize("text", [
    "今年全市经济社会发展的主要预期目标是:全市生产总值增长6%左右;城镇新增就业3万人以上。",
    "市长在报告中说,建议今年发展的主要预期目标是,全市生产总值增长6%左右,城镇新增就业3万人以上。",
])
def test_this_years_goal_list_is_the_year_the_text_is_written_in(text: str) -> None:
    assert keys(text, this_year=2025) == [(2025, 6, "%"), (2025, 3, "万人")]


def test_next_years_goal_list() -> None:
    text = "明年主要预期目标是:地区生产总值增长5%左右。"
    assert keys(text, this_year=2024) == [(2025, 5, "%")]


def test_this_year_without_a_known_year_gives_targets_of_no_year() -> None:
    # the goals are stated; only their year is unknown, and unknown is better than wrong:
    # year null (as 今明两年 in the real set's r22), never a guessed year
    assert keys("今年主要预期目标是:地区生产总值增长5%左右。") == [(None, 5, "%")]


def test_this_year_with_an_aim_word_dates_its_clause_up_to_the_semicolon() -> None:
    text = "围绕服务消费挖潜,今年力争新增就业岗位12万个以上;开展培训3000人次。"
    assert keys(text, this_year=2025) == [(2025, 12, "万个"), (None, 3000, "人次")]


@pytest.mark.parametrize("text", [
    "今年以来,全市新增就业1.2万人。",
    "今年,省级财政安排资金3亿元。",
    "今年已完成造林8万亩。",
])
def test_this_year_reporting_or_without_an_aim_dates_nothing(text: str) -> None:
    assert keys(text, this_year=2025) == []


def test_a_label_ending_its_line_gives_the_goals_on_the_lines_after_it_its_year() -> None:
    text = ("按照上述要求,提出2025年经济社会发展主要预期目标:\n"
            "地区生产总值增长6%左右\n"
            "一是稳增长。预期固定资产投资增长8%以上;\n"
            "二、重点任务\n"
            "新增就业1万人以上。\n")
    assert keys(text) == [(2025, 6, "%"), (2025, 8, "%"), (None, 1, "万人")]


def test_a_short_line_without_a_value_still_ends_the_carried_year() -> None:
    text = "2025年主要预期目标是:\n产业更高端\n新增就业1万人以上。\n"
    assert keys(text) == [(None, 1, "万人")]


@pytest.mark.parametrize(("text", "year"), [
    ("计划2023—2025年新建高标准农田5万亩。", 2025),
    ("计划-2025年新建高标准农田5万亩。", 2025),  # a copy that lost the span's first year
    ("力争2025年新建高标准农田5万亩。", 2025),
])
def test_a_span_an_aim_verb_sets_dates_by_its_last_year(text: str, year: int) -> None:
    assert keys(text) == [(year, 5, "万亩")]


@pytest.mark.parametrize("text", [
    "到2025年,加上已建成的4.2万亩,全区高标准农田发展到9.2万亩。",
    "近三年全市对获奖企业的奖励累计超过5亿元。",
])
def test_what_is_done_already_is_no_target(text: str) -> None:
    assert all(value not in (4.2, 5) for _, value, _ in keys(text))


@pytest.mark.parametrize(("text", "year"), [
    ("晨报 2025年05月16日 星期五\n本报讯 近日,省政府印发方案。", 2025),
    ("发布时间:2023-11-02\n市政府关于印发方案的通知", 2023),
    ("某某县2024年重点工作安排\n一、目标\n", 2024),
    ("没有日期的一段话。", None),
])
def test_written_year(text: str, year: int | None) -> None:
    assert written_year(text, extract_metadata(text)) == year


@pytest.mark.parametrize(("pattern", "phrase"), [
    (p.YEAR_GOAL_LIST, "2024年全旗经济社会发展主要预期目标确定为:"),
    (p.YEAR_GOAL_LIST, "2024年主要预期目标建议为"),
    (p.RELATIVE_GOAL_LIST, "今年发展主要预期目标是:"),
    (p.RELATIVE_YEAR_AIM, "今年力争"),
    (p.DEADLINE_AIM, "计划2009—2011年"),
])
def test_pattern_examples(pattern: re.Pattern[str], phrase: str) -> None:
    assert pattern.match(phrase)


def test_a_report_of_the_year_past_is_no_goal_label() -> None:
    assert p.YEAR_GOAL_LIST.search("2023年主要目标任务圆满完成,诸如:生产总值增长5.2%") is None
    assert p.RELATIVE_GOAL_LIST.search("今年以来主要指标为:") is None


def test_a_reports_opening_on_its_year_dates_its_undated_goals() -> None:
    from ingest.target_context import work_year
    text = "2025年是“十四五”规划收官之年,报告提出2025年某区将加快发展。\n新增总部企业4家。\n"
    assert work_year(text) == 2025
