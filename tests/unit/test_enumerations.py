"""Agencies enumerated in running text, on snippets written for the test."""

from __future__ import annotations

from ingest.agencies import AgencyResolver
from ingest.enumerations import enumerated_agencies
from ontology.model import GovLevel


def names(text: str) -> list[str]:
    return [name for name, _, _ in enumerated_agencies(text).agencies]


def test_joint_issuers_named_in_a_sentence_are_agencies():
    text = "为做好防控工作,省卫生厅、省财政厅、省教育厅、省农牧厅、省旅游局联合制定了本预案。"
    assert names(text) == ["省卫生厅", "省财政厅", "省教育厅", "省农牧厅", "省旅游局"]


def test_an_addressee_list_keeps_local_offices_of_central_bodies():
    text = ("省教育厅、省公安厅、省供销联社,民航某省监管局、省邮政管理局、某某海关,"
            "人民银行甘肃省分行、甘肃证监局:")
    found = names(text)
    assert {"省供销联社", "人民银行甘肃省分行", "甘肃证监局"} <= set(found)
    assert "民航某省监管局" not in found  # no level prefix and no province in its opening


def test_spans_point_at_the_names():
    text = "经研究,省商务厅、省民政厅、省民族宗教委员会共同负责。"
    for name, start, end in enumerated_agencies(text).agencies:
        assert text[start:end] == name


def test_a_list_of_sectors_names_no_agency():
    # no two table departments: a list of platforms, not of bodies
    assert names("建设省级技术中心、市检测中心、县服务站。") == []


def test_a_run_under_a_generic_prefix_is_a_generic_group():
    text = "各市州卫生局、教育局、科技局、公安局,省教育厅、省科技厅:"
    found = enumerated_agencies(text)
    assert [n for n, _, _ in found.agencies] == ["省教育厅", "省科技厅"]
    assert [text[a:b] for a, b in found.generic] == ["教育局", "科技局", "公安局"]


def test_firms_in_an_addressee_list_are_not_agencies():
    text = "省财政厅、省商务厅、某某机场有限公司、某某铁路公司。"
    assert names(text) == ["省财政厅", "省商务厅"]


def test_the_list_form_of_a_long_name_wins_over_the_default():
    r = AgencyResolver(region="某某省", level=GovLevel.PROVINCE, province="某某省")
    assert r.resolve("省发展改革委员会", from_list=True).name == "省发展改革委员会"
    assert r.resolve("某某省发展和改革委员会").name == "省发展改革委员会"


def test_one_known_name_makes_a_list_only_when_every_item_is_agency_shaped():
    text = "协同单位:省财政厅、省人事厅、省农业厅等省直有关部门。"
    assert names(text) == ["省财政厅", "省人事厅", "省农业厅"]
    # a list of projects that happens to name one department is no list of agencies
    assert names("支持省财政厅、省级科技中心、重点实验室建设。") == []
