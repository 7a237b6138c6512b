"""Responsibility clauses in every usual form, on snippets written for the test."""

from __future__ import annotations

import pytest

from ingest.responsibility import find_clauses, parse_clause, split_units


def clauses(text: str):
    return [(list(c.lead), list(c.co)) for c in find_clauses(text, 0, len(text))]


def test_list_first_unit_leads():
    assert clauses("做好工作。(责任单位:市教育局、市财政局、市人社局)") == [
        (["市教育局"], ["市财政局", "市人社局"])]


def test_rule_statement_and_same_below_are_not_units():
    lead, co, shared, _ = parse_clause("责任单位:市民政局、市财政局,排在第一位的为牵头部门,下同")
    assert (lead, co, shared) == (["市民政局"], ["市财政局"], False)


def test_lead_and_co_labels():
    assert clauses("推进改革。牵头单位:县商务局;配合单位:县财政局、县税务局。") == [
        (["县商务局"], ["县财政局", "县税务局"])]


def test_prose_lead_with_huitong():
    assert clauses("建设平台。[市经信局牵头,会同市科技局、市财政局负责]") == [
        (["市经信局"], ["市科技局", "市财政局"])]


def test_prose_lead_with_trailing_co():
    assert clauses("完善制度。市卫健委牵头,市医保局、市药监局配合。") == [
        (["市卫健委"], ["市医保局", "市药监局"])]


def test_shared_duty_makes_every_unit_lead():
    lead, co, shared, sticky = parse_clause("责任单位:省交通厅、省公安厅按职责分工负责")
    assert (lead, co, shared, sticky) == (["省交通厅", "省公安厅"], [], True, False)


def test_shared_duty_with_same_below_is_sticky():
    *_, sticky = parse_clause("责任单位:省交通厅、省公安厅按职责分工负责,下同")
    assert sticky


def test_by_unit_in_running_text():
    assert clauses("建立台账,由区统计局负责。") == [(["区统计局"], [])]


def test_unclosed_bracket_keeps_the_units_before_the_cut():
    assert clauses("做好工作。[市发改委牵头,会同市经信委、市") == [(["市发改委"], ["市经信委", "市"])]


def test_split_units_respects_brackets_and_and():
    assert split_units("市商务局和各区、县(市、区)政府") == ["市商务局", "各区", "县(市、区)政府"]


def test_sentence_without_agencies_is_not_a_clause_target():
    # The clause finder reports raw units; the pipeline drops those that are no agency.
    assert clauses("发挥协会的桥梁作用。") == []


def test_lead_label_then_responsibility_label_means_co():
    assert clauses("开展活动。(牵头单位:市体育局;责任单位:市教育局、团市委)") == [
        (["市体育局"], ["市教育局", "团市委"])]


def test_unit_marked_as_lead_inside_a_list():
    assert clauses("推进建设。(责任单位:市住建局、市交通局(牵头)、市财政局)") == [
        (["市交通局"], ["市住建局", "市财政局"])]


def test_duty_with_co_sentence():
    assert clauses("完善体系。\n县民政局负责,县财政局、县卫健局配合。") == [
        (["县民政局"], ["县财政局", "县卫健局"])]


def test_subject_phrase_before_you_is_not_part_of_the_unit():
    lead, co, *_ = parse_clause("该项工作由区商务局牵头,区财政局配合")
    assert co == ["区财政局"] and lead == ["该项工作由区商务局"]  # resolved later


def test_by_units_first_unit_leads():
    assert clauses("建立制度,由市民政局、市财政局负责。") == [(["市民政局"], ["市财政局"])]


# --- families seen in real documents (snippets written for the test) ------------------


def test_inline_labels_separated_only_by_spaces():
    assert clauses("提高效能。(牵头单位:市商务局  责任单位:市编办、市发改委、各区县政府)") == [
        (["市商务局"], ["市编办", "市发改委", "各区县政府"])]


def test_leader_label_before_the_lead_label_is_not_a_unit():
    assert clauses("1.地区生产总值增长8%以上。(责任领导:张三;牵头单位:区发改局)") == [
        (["区发改局"], [])]
    assert clauses("推进项目。(责任领导:李四、王五;牵头单位:区交通局;责任单位:区发改局,相关乡镇办)") == [
        (["区交通局"], ["区发改局", "相关乡镇办"])]


def test_deadline_part_of_an_inline_clause_is_not_a_unit():
    assert clauses("做好工作。(牵头单位:州审批局;责任单位:州司法局,6月底完成)") == [
        (["州审批局"], ["州司法局"])]


def test_lead_with_a_supervising_verb():
    assert clauses("整治企业。(市生态环境局、发展和改革局牵头督导,市公安局配合)") == [
        (["市生态环境局", "发展和改革局"], ["市公安局"])]


def test_trailing_group_then_more_units():
    assert split_units("省商务厅、省农业农村厅等部门及各市、县级政府") == [
        "省商务厅", "省农业农村厅", "各市", "县级政府"]


def test_plain_unit_list_in_brackets_after_a_full_stop():
    assert clauses("编制清单。(市教育局、市财政局)") == [(["市教育局"], ["市财政局"])]
    # cut by the end of the stored text: the stub after the last separator is not a unit
    assert clauses("同步落实监管责任。(市政府办公室、市") == [(["市政府办公室"], [])]


def test_bracket_that_is_not_a_unit_list_is_no_clause():
    assert clauses("建立“中介超市”。(此件公开发布)") == []


def test_lead_as_a_verb_is_not_a_role():
    assert clauses("支持企业牵头或参与建设国家实验室、全国重点实验室、省实验室。") == []


def test_prose_action_with_a_long_tail_after_its_co_units():
    text = ("二是由农牧局、林业局牵头,财政局、水务局、各镇配合,成立全市技术线指导、督查、考核领导小组,"
            "采取关键季节周督查、日常管理月考核的有效形式,对各项标准生产技术的培训、抓点示范、技术措施落实情况、"
            "农民的满意程度进行督查考核,督查考核时可组织园区和示范点的农民共同参与打分评比;")
    assert clauses(text) == [(["农牧局", "林业局"], ["财政局", "水务局", "各镇"])]


def test_two_units_glued_after_a_section_are_two():
    from ingest.responsibility import split_units
    assert split_units("群文股文化馆、县财政局") == ["群文股", "文化馆", "县财政局"]
    assert split_units("某某控股集团有限公司") == ["某某控股集团有限公司"]
    assert split_units("某某股份有限公司") == ["某某股份有限公司"]


@pytest.mark.parametrize(("cell", "units"), [
    ("市海洋渔业局市农业农村局", ["市海洋渔业局", "市农业农村局"]),
    ("县财政局县发改委", ["县财政局", "县发改委"]),
    ("区委区政府办公室", ["区委区政府办公室"]),  # a party committee is no bureau
    ("县市场监督管理局", ["县市场监督管理局"]),  # one name, 市 inside it
    ("市公安局交通管理局", ["市公安局交通管理局"]),  # a sub-bureau writes no level
])
def test_two_bureaus_glued_each_with_its_level_are_two(cell: str, units: list[str]) -> None:
    assert split_units(cell) == units


def test_a_spun_repost_writes_卖力_for_负责():
    from ingest.responsibility import parse_clause
    assert parse_clause("省发展改委牵头卖力")[:2] == (["省发展改委"], [])
    lead, co, shared, _ = parse_clause(
        "省交通运输厅、省水利厅、省能源局等省有关部门和各地级以上市人民政府按职责分工卖力")
    assert (lead, co, shared) == (["省交通运输厅", "省水利厅", "省能源局", "各地级以上市人民政府"],
                                  [], True)


def test_units_before_a_bracketed_rule_stay_units():
    from ingest.responsibility import parse_clause
    lead, co, _, _ = parse_clause(
        "省政府办公厅、省财政厅牵头,省商务厅、省体育局(除标注为“牵头”单位外,列第一位的为牵头单位,下同)")
    assert (lead, co) == (["省政府办公厅", "省财政厅"], ["省商务厅", "省体育局"])


def test_places_sharing_one_government_suffix_are_governments_each():
    from ingest.responsibility import split_units
    assert split_units("省交通厅、西宁、海东、格尔木市政府") == [
        "省交通厅", "西宁市政府", "海东市政府", "格尔木市政府"]
    assert split_units("自然资源厅、银川市、吴忠市人民政府、宁东管委会") == [
        "自然资源厅", "银川市人民政府", "吴忠市人民政府", "宁东管委会"]


def test_a_prose_clause_keeps_the_governments_it_names_by_shared_suffix():
    from ingest.pipeline import extract
    text = ("某某自治区人民政府办公厅关于印发某某方案的通知\n一、重点任务\n"
            "(一)推进交通互联。建设城际铁路。(自治区交通运输厅牵头,自治区发展改革委、银川市、"
            "吴忠市人民政府配合)\n"
            "(二)推进产业协作。(牵头单位:自治区商务厅;配合单位:银川市人民政府)\n")
    tasks = {t.id: (list(t.lead), list(t.co)) for t in extract("t.txt", text).tasks}
    assert tasks["一.(一)"] == (["自治区交通运输厅"],
                               ["自治区发展改革委", "银川市人民政府", "吴忠市人民政府"])
    # a government a label list writes in full is left out (the invented sets' reading)
    assert tasks["一.(二)"] == (["自治区商务厅"], [])
