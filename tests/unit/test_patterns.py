"""Each structure and responsibility pattern on snippets written for the test."""

from __future__ import annotations

import pytest

from ingest import patterns as p
from ingest.metadata import (
    BASIS,
    BASIS_UNQUOTED,
    DOC_NUMBER,
    FIVE_YEAR,
    ISSUING_NOTICE,
    PERIOD,
    SIGNATURE,
    SUBJECT_TITLE,
)


@pytest.mark.parametrize(("pattern", "text", "matches"), [
    (p.CHAPTER, "第三章 保障措施", True),
    (p.CHAPTER, "第三条 保障", False),
    (p.ARTICLE, "第十二条 各部门应当", True),
    (p.PART, "四、组织实施", True),
    (p.PART, "2021年", False),
    (p.ORDINAL_HEADING, "三是强化要素保障", True),
    (p.SUBPART, "（五）加强人才培养。", True),
    (p.SUBPART, "(十二)深化改革", True),
    (p.ITEM, "3.推进数字化转型。", True),
    (p.ITEM, "2022.10 发布", False),
    (p.ITEM, "1.5亿元", False),
    (p.SUBITEM, "（2）完善机制", True),
    (p.CIRCLED, "③加强宣传", True),
    (p.TABLE_HEADER, "序号 | 工作任务 | 责任单位", True),
    (p.TABLE_ROW, "4 | 建设平台 | 市科技局", True),
])
def test_structure_patterns(pattern, text, matches):
    assert bool(pattern.search(text)) is matches


@pytest.mark.parametrize(("text", "matches"), [
    ("(责任单位:市教育局、市财政局)", True),
    ("〔牵头单位：县农业农村局〕", True),
    ("主要责任单位：区商务局", True),
    ("单位负责人", False),
])
def test_responsibility_label(text, matches):
    assert bool(p.RESPONSIBILITY_LABEL.search(text)) is matches


def test_lead_and_co_marks():
    assert p.LEAD_MARK.match("市民政局牵头").group("units") == "市民政局"
    assert p.LEAD_MARK.match("由市科技局牵头实施").group("units") == "由市科技局"
    assert p.LEAD_MARK.match("市科技局牵头实施的项目") is None  # a description, no clause
    assert p.CO_MARK.match("会同市卫健委、市医保局负责").group("units") == "市卫健委、市医保局"
    assert p.CO_TRAILING.match("市公安局、市交通局配合").group("units") == "市公安局、市交通局"
    assert p.SHARED_DUTY.search("市水利局、市林业局按职责分工负责")
    assert p.BY_UNIT.search("由市审计局负责").group("units") == "市审计局"
    assert p.FIRST_IS_LEAD.search("列第一位的为牵头单位")
    assert p.SAME_BELOW.search("以下各项同,下同")


def test_unit_separator_and_etc_suffix():
    assert p.UNIT_SEPARATOR.search("市教育局、市财政局")
    assert p.UNIT_SEPARATOR.search("市教育局和市财政局")
    assert p.ETC_SUFFIX.sub("", "市财政局等有关部门") == "市财政局"


@pytest.mark.parametrize(("unit", "generic"), [
    ("各区县人民政府", True), ("有关部门", True), ("园区管委会", True),
    ("市政府各部门", True), ("市卫健委", False),
])
def test_generic_units(unit, generic):
    assert bool(p.GENERIC_UNIT.search(unit)) is generic


def test_copy_to():
    assert p.COPY_TO.match("抄送：市委办公室")
    assert not p.COPY_TO.match("报送材料")


def test_metadata_patterns():
    assert DOC_NUMBER.search("(浙政发〔2019〕12号)").group(0) == "浙政发〔2019〕12号"
    assert PERIOD.search("(2023-2025年)").groups() == ("2023", "2025")
    assert FIVE_YEAR.search("“十四五”规划").group(1) == "四"
    assert SIGNATURE.search("某某市人民政府\n2020年1月5日").group(1) == "某某市人民政府"
    assert SUBJECT_TITLE.search("《某市行动计划》(以下简称《计划》)").group(1) == "某市行动计划"
    assert BASIS.search("根据《某省实施意见》精神").group(1) == "某省实施意见"
    assert BASIS_UNQUOTED.search("根据国家发展改革委“十五五”物流发展规划").group(1) == "“十五五”物流发展规划"
    notice = ISSUING_NOTICE.match("某县人民政府关于印发《某县方案》的通知")
    assert notice.group("issuer") == "某县人民政府" and notice.group("title") == "某县方案"
