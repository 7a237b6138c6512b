"""Tests of the unwrapped view of a PDF copy (line wraps inside sentences, spaces around
numbers) and of funding read through it.  Snippets are written for these tests."""

from __future__ import annotations

from ingest.funding import find_funding
from ingest.wrapped_lines import unwrap
from ontology.model import FundingPer

WRAPPED = (
    "(一)支持企业建设数字化车间。对当年新认定为省级数字\n"
    "化车间、市级数字化车间和县级数字化车间的企业,\n"
    "分别给予 60 万元、20 万元、5 万元一次性奖励。\n"
    "(二)鼓励软件企业做大。年营业收入首次达到 3000\n"
    "万元、8000 万元的软件企业,分别奖励 10 万元、30 万\n"
    "元。(责任单位:县经信局)\n"
)


def test_wraps_and_number_spaces_are_deleted() -> None:
    view = unwrap(WRAPPED)
    assert "省级数字化车间、市级数字化车间和县级数字化车间的企业,分别给予60万元" in view.text
    assert "首次达到3000万元、8000万元的软件企业,分别奖励10万元、30万元。" in view.text
    assert "\n(二)" in view.text  # a break before a list marker is the author's


def test_source_span_maps_back_over_deleted_characters() -> None:
    view = unwrap(WRAPPED)
    start = view.text.index("60万元")
    assert view.source_span(start, start + 4) == (WRAPPED.index("60 万元"),
                                                   WRAPPED.index("60 万元") + 5)


def test_a_text_with_few_open_line_ends_keeps_its_breaks() -> None:
    text = "加快推进制造业高质量发展若干政策意见\n为贯彻落实新发展理念,制定如下政策。\n"
    assert unwrap(text).text == text


def test_short_lines_headings_and_table_rows_never_wrap() -> None:
    text = ("一、总体要求\n二、主要目标\n三、重点任务\n"
            "A01 | 对落户的企业总部给予奖励扶持 | 按有关政策执行\n"
            "A02 | 对新设立的研发中心给予资金支持 | 按有关政策执行\n")
    assert unwrap(text).text == text


def test_spaces_not_around_a_number_stay() -> None:
    text = "通过AAA 级评定的企业,发布日期 2022-12-19 10:21"
    assert unwrap(text).text == "通过AAA 级评定的企业,发布日期2022-12-19 10:21"


def test_funding_of_a_wrapped_copy() -> None:
    hits = find_funding(WRAPPED)
    assert [(h.recipient, h.amount, h.unit, h.per) for h in hits] == [
        ("当年新认定为省级数字化车间的企业", 60, "万元", FundingPer.ONCE),
        ("市级数字化车间的企业", 20, "万元", FundingPer.ONCE),
        ("县级数字化车间的企业", 5, "万元", FundingPer.ONCE),
        ("年营业收入首次达到3000万元的软件企业", 10, "万元", FundingPer.ONCE),
        ("年营业收入首次达到8000万元的软件企业", 30, "万元", FundingPer.ONCE),
    ]
    assert WRAPPED[hits[0].start:hits[0].end].startswith("对当年新认定")
    assert all(WRAPPED[h.sentence_start:h.sentence_end] for h in hits)
