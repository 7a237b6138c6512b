"""Segmentation of numbered structures."""

from __future__ import annotations

from ingest.numbers import parse_number
from ingest.segment import segment


def test_item_numbers_are_read_by_the_one_numeral_reader():
    numerals = ("一", "十", "十二", "二十", "二十三", "一百零五")
    assert [parse_number(x) for x in numerals] == [1, 10, 12, 20, 23, 105]


def test_nesting_follows_family_rank_and_skipped_levels():
    text = "一、总体要求\n二、主要任务\n1.甲任务。内容\n2.乙任务。内容\n三、保障\n(一)丙。内容\n"
    ids = [s.id for s in segment(text)]
    assert ids == ["一", "二", "二.1", "二.2", "三", "三.(一)"]


def test_titles_stop_at_the_first_full_stop():
    sections = segment("一、工作\n(一)加强市场体系建设。推进高标准市场。\n")
    assert sections[1].title == "加强市场体系建设"


def test_inline_items_continue_their_sequence():
    text = "二、任务\n(一)甲。内容。(责任单位:市财政局)(二)乙。内容。\n"
    assert [s.id for s in segment(text)] == ["二", "二.(一)", "二.(二)"]


def test_inline_marker_out_of_sequence_is_text():
    text = "二、任务\n(一)甲。见附件。(三)乙不是新的一项。\n"
    assert [s.id for s in segment(text)] == ["二", "二.(一)"]


def test_news_ordinals_with_subheadings():
    text = "一是目标明确\n\n产品更高端\n\n内容一。\n\n服务更优质\n\n内容二。\n\n二是措施有力\n\n内容。\n"
    assert [s.id for s in segment(text)] == ["一", "一.1", "一.2", "二"]


def test_spans_cover_children():
    text = "一、甲\n(一)子项。\n二、乙\n"
    first, child, second = segment(text)
    assert first.end == second.start and child.end == second.start
    assert first.own_end == child.start


def test_table_rows_are_not_items():
    assert [s.id for s in segment("一、分工\n1 | 任务 | 市财政局\n")] == ["一"]


def test_markdown_headings_are_read_without_their_hashes():
    text = "# 某市方案\n## 一、目标\n## 二、任务\n### (一)甲。内容\n"
    assert [s.id for s in segment(text)] == ["一", "二", "二.(一)"]


def test_enclosed_numerals_number_like_their_spelt_out_forms():
    # ⑴ is Unicode's one-character (1), ⒈ its 1.: the same families, the same ids.
    text = ("一、指标\n1.约束性指标。\n⑴巩固率达到97%。\n责任单位:甲局。\n⑵保有量保持在10万亩。\n"
            "二、任务\n⒈甲任务。\n⒉乙任务。\n")
    assert [s.id for s in segment(text)] == [
        "一", "一.1", "一.1.(1)", "一.1.(2)", "二", "二.1", "二.2"]
