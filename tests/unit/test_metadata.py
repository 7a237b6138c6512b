"""Document metadata on short documents written for the test."""

from __future__ import annotations

import pytest

from ingest.metadata import extract_metadata, kind_of_title, parent_title
from ontology.model import DocumentKind, GovLevel


def test_signed_city_opinion():
    text = ("各区县人民政府:\n为贯彻落实《省政府关于加快发展的通知》(苏政发〔2020〕3号)要求,"
            "结合我市实际,制定本实施意见。\n一、目标\n到2025年,全市…\n常州市人民政府\n2020年5月6日\n")
    meta = extract_metadata(text)
    assert meta.kind == DocumentKind.IMPLEMENTATION_OPINION
    assert (meta.issuer, meta.region, meta.level) == ("常州市人民政府", "常州市", GovLevel.CITY)
    assert meta.date == "2020-05-06"
    assert meta.doc_number is None  # the number belongs to the parent
    assert meta.implements == ("省政府关于加快发展的通知",)  # a notice of its own: whole


def test_titled_province_plan_with_five_year_period():
    meta = extract_metadata("福建省“十四五”物流业发展实施方案\n为加快…,结合我省实际,制定本方案。\n")
    assert meta.title == "福建省“十四五”物流业发展实施方案"
    assert (meta.region, meta.level, meta.period) == ("福建省", GovLevel.PROVINCE, (2021, 2025))
    assert meta.kind == DocumentKind.ACTION_PLAN


def test_news_report_describes_the_plan():
    text = ("来源:某某网\n近日,市政府印发了《长沙市品牌建设三年行动计划(2021-2023年)》"
            "(以下简称《行动计划》)。记者从新闻发布会上获悉…\n")
    meta = extract_metadata(text)
    assert meta.title == "长沙市品牌建设三年行动计划(2021-2023年)"
    assert meta.kind == DocumentKind.ACTION_PLAN
    assert (meta.issuer, meta.period, meta.date) == ("长沙市人民政府", (2021, 2023), None)


def test_own_document_number():
    meta = extract_metadata("杭政办函〔2021〕8号\n杭州市人民政府办公厅关于印发《杭州市方案》的通知\n")
    assert meta.doc_number == "杭政办函〔2021〕8号"


def test_unknown_stays_empty():
    meta = extract_metadata("加强管理,提高效率,做好各项工作。")
    assert (meta.title, meta.issuer, meta.date, meta.doc_number, meta.period) == (None,) * 5


def test_kind_of_title_and_parent_title():
    assert kind_of_title("某市深入实施品牌战略三年行动计划(2020-2022年)") == DocumentKind.ACTION_PLAN
    assert kind_of_title("若干政策措施") == DocumentKind.MEASURES
    assert parent_title("省政府关于推动发展若干措施的通知") == "关于推动发展若干措施"


@pytest.mark.parametrize(("cited", "parent"), [
    ("关于印发<某省打赢蓝天保卫战实施方案(2018-2020年)>的通知", "某省打赢蓝天保卫战实施方案(2018-2020年)"),
    ("省政府关于印发某市稳增长若干政策措施的通知", "某市稳增长若干政策措施"),
    # a notice that instructs rather than issues a plan is the parent itself
    ("某省农业农村厅关于组织申报第四批品牌的通知", "某省农业农村厅关于组织申报第四批品牌的通知"),
    ("国务院关于积极推进某行动的指导意见", "国务院关于积极推进某行动的指导意见"),
])
def test_the_parent_a_cited_title_names(cited: str, parent: str):
    assert parent_title(cited) == parent


def test_every_parent_of_one_basis_and_the_work_report_a_breakdown_serves():
    text = ("某市流通业实施意见\n根据《国务院关于深化流通体制改革的意见》(国发〔2012〕39号)、"
            "《国务院办公厅关于促进内贸流通的若干意见》和《某省加快流通业发展政策措施》精神,"
            "为确保全面实现2022年《政府工作报告》提出的目标,制定本意见。\n")
    assert extract_metadata(text).implements == (
        "国务院关于深化流通体制改革的意见", "国务院办公厅关于促进内贸流通的若干意见",
        "某省加快流通业发展政策措施", "政府工作报告")
    # a report that only mentions this year's work report implements none
    news = "某市出台品牌行动计划\n今年《政府工作报告》中明确提出“大力实施品牌战略”。\n"
    assert extract_metadata(news).implements == ()


def test_html_title_loses_its_site_suffix_and_publisher_field_names_the_issuer():
    text = ("《某省行动方案(2024—2026年)》政策解读_政策解读_某省农业农村厅\n"
            "发布机构:某省农业农村厅\n近日,《某省行动方案(2024—2026年)》(某农字〔2024〕8号,以下简称《方案》)印发。\n")
    meta = extract_metadata(text)
    assert meta.title == "某省行动方案(2024—2026年)政策解读"
    assert meta.issuer == "某省农业农村厅"
    assert meta.implements == ("某省行动方案(2024—2026年)",)


def test_gazette_date_and_one_year_plan():
    meta = extract_metadata("宝鸡市2024年营商环境工作方案\n(2024年3月5日 宝政办发〔2024〕3号)\n一、目标\n")
    assert meta.date == "2024-03-05" and meta.period == (2024, 2024)


def test_district_of_a_municipality():
    meta = extract_metadata("各街道:\n现印发方案。\n一、目标\n重庆市涪陵区人民政府办公室\n2024年6月3日印发\n")
    assert (meta.issuer, meta.region, meta.level) == ("重庆市涪陵区人民政府办公室", "涪陵区",
                                                     GovLevel.COUNTY)


def test_county_region_is_the_county_name_and_short_names_are_not_parents():
    text = ("各街道:\n近日,某某市人民政府办公厅印发《佛山市顺德区质量提升方案》(以下简称《方案》)。"
            "为落实《方案》要求,…\n一、目标\n")
    meta = extract_metadata(text)
    assert "方案" not in meta.implements
    assert extract_metadata("佛山市顺德区人民政府\n2024年1月2日\n").region == "顺德区"


def test_a_day_the_calendar_does_not_have_is_no_date():
    from ingest.metadata import extract_metadata
    assert extract_metadata("某市人民政府\n2023年2月31日\n").date is None
    assert extract_metadata("某市人民政府\n2023年2月28日\n").date == "2023-02-28"


def test_notice_title_over_three_lines_and_its_nested_title_marks():
    text = ("某政发〔2022〕3号\n某某省人民政府关于印发《2022年\n省〈政府工作报告〉重点任务\n"
            "分工方案》的通知\n各市人民政府:\n现印发给你们。\n")
    meta = extract_metadata(text)
    assert meta.title == "2022年省《政府工作报告》重点任务分工方案"
    assert meta.period == (2022, 2022)


def test_a_news_lead_of_today_names_the_reported_plan_and_its_issuer():
    text = ("最新消息:今天,某某自治区人民政府网站发布了《自治区人民政府办公厅关于印发某某都市圈建设"
            "2020年工作计划的通知》。\n一、基础设施互联互通\n")
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.period) == (
        "某某都市圈建设2020年工作计划", "自治区人民政府办公厅", (2020, 2020))


@pytest.mark.parametrize(("text", "title", "period"), [
    ("各市人民政府,省直各部门:\n现将《某省2024年稳增长政策清单》印发给你们,请认真落实。\n",
     "某省2024年稳增长政策清单", (2024, 2024)),
    ("各县人民政府:\n《某市推动制造业发展实施方案》《某市若干财政支持措施》已经市政府同意,"
     "现印发给你们,请认真贯彻落实。\n", "某市推动制造业发展实施方案", None),
])
def test_a_notice_sentence_names_the_document_it_issues(
        text: str, title: str, period: tuple[int, int] | None) -> None:
    meta = extract_metadata(text)
    assert (meta.title, meta.period) == (title, period)


@pytest.mark.parametrize(("title", "issuer"), [
    # the government's own notice: the government wrote it
    ("泾县人民政府关于分解落实政府工作报告目标任务的通知", "泾县人民政府"),
    # otherwise the bracket names the government's office
    ("2023年县政府重点工作任务分解", "泾县人民政府办公室"),
])
def test_a_publisher_field_naming_a_governments_office_in_brackets(title: str, issuer: str):
    text = ("发布机构: 泾县人民政府(办公室) 主题分类: 综合政务\n" + title + "\n"
            "各乡镇人民政府:\n现将任务分解印发给你们。\n")
    assert extract_metadata(text).issuer == issuer


def test_a_pages_posting_time_is_no_document_date_but_an_interpretations_own():
    repost = "发布人:某某 / 发布时间:2017-11-24 10:12:15\n某市加快流通业发展实施意见\n一、目标\n"
    assert extract_metadata(repost).date is None
    plain = "2019-4-1\n某市实施细则\n第一条 为促进发展,制定本细则。\n"
    assert extract_metadata(plain).date == "2019-04-01"
    own = ("发布时间:2024-05-20 16:32 来源:某省农业农村厅\n《某省行动方案》政策解读\n"
           "近日,《某省行动方案》印发。\n")
    assert extract_metadata(own).date == "2024-05-20"


def test_an_issuer_written_by_its_level_alone_takes_the_documents_region():
    text = ("发布机构:区人民政府办公室\n下陆区2020年重点工作责任分解\n为推动下陆区发展,"
            "现将区政府重点工作分解如下。\n一、加强防控。(牵头单位:区卫健局)\n")
    meta = extract_metadata(text)
    assert (meta.region, meta.issuer) == ("下陆区", "下陆区人民政府办公室")
