"""End-to-end extraction on documents written for the tests, one per format family."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.corpus import extract_files
from ingest.errors import NoStructure
from ingest.pipeline import extract

DOCS = Path(__file__).parent.parent / "fixtures" / "docs"


def run(name: str):
    result = extract_files([DOCS / name])
    assert not result.problems, result.problems
    return result.extractions[0]


def assignments(extraction):
    return {t.id: (list(t.lead), list(t.co)) for t in extraction.tasks}


def test_lead_co_labels_prose_and_shared_duty():
    ex = run("county_plan_lead_co.txt")
    got = assignments(ex)
    assert got["二.(一)"] == (["县行政审批服务局"], ["县大数据中心", "县司法局"])
    assert got["二.(二)"] == (["县自然资源局"], ["县住建局", "县财政局"])
    assert got["二.(三)"] == (["县市场监管局"], [])
    assert got["二.(四)"] == (["县财政局", "县地方金融监管局"], [])
    assert got["三.1"] == (["县发展改革局"], [])
    doc = ex.document
    assert (doc.title, doc.region, doc.level.value, doc.period) == (
        "平阴县优化营商环境三年行动方案(2023-2025年)", "平阴县", "county", (2023, 2025))
    years = {(t.year, t.value, t.unit) for t in ex.targets}
    assert (2024, 98, "%") in years and (None, 300, "亩") in years


def test_articles_in_chapters_and_gbk_bytes_give_the_same_result():
    utf8, gbk = run("province_articles.txt"), run("province_articles_gbk.txt")
    assert assignments(utf8) == assignments(gbk)
    assert assignments(utf8) == {
        "第二章.第二条": (["省财政厅"], ["省经信厅"]),
        "第二章.第三条": (["省地方金融监管局"], ["人民银行杭州中心支行", "省财政厅"]),
    }


def test_html_page_with_a_responsibility_table():
    ex = run("city_table.html")
    assert assignments(ex) == {
        "二.1": (["市市场监管局"], ["市工业和信息化局"]),
        "二.2": (["市商务局"], ["市农业农村局", "市文化和旅游局"]),
    }
    assert ex.document.title == "泰安市质量提升行动方案"
    assert "泰山品质" in [b.name for b in ex.brands]
    assert all("ICP" not in (a.evidence.sentence if a.evidence else "") for a in ex.agencies)


def test_evidence_spans_point_into_the_original_text():
    raw = (DOCS / "city_table.html").read_text(encoding="utf-8")
    ex = extract("city_table.html", raw)
    for task in ex.tasks:
        ev = task.evidence
        assert ev is not None and 0 <= ev.start < ev.end <= len(raw)
        assert task.title and task.title[:4] in raw[ev.start:ev.end + 40]


def test_text_without_chinese_has_no_structure():
    with pytest.raises(NoStructure, match="no Chinese text"):
        extract("x.txt", "lorem ipsum " * 50)


def test_table_with_section_rows_and_two_unit_columns():
    text = ("某市2024年工作方案\n一、任务分工\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
            "一、提升服务\n1 | 推进开办 | 市市场监管局 | 市税务局、市公安局 | 2024年6月底前\n"
            "二、优化审批\n2 | 审批提速 | 市住建局、市自然资源局 | — | 2024年9月底前\n")
    ex = extract("t.txt", text)
    got = {t.id: (list(t.lead), list(t.co)) for t in ex.tasks if t.lead}
    assert got == {"一.1": (["市市场监管局"], ["市税务局", "市公安局"]),
                   "二.2": (["市住建局", "市自然资源局"], [])}


def test_markdown_table_with_its_header_rule():
    text = ("某市数字经济行动方案\n二、任务分工\n| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n"
            "| --- | --- | :---: | --- |\n| 1 | 建设算力中心 | 市发展改革委 | 市工信局 |\n")
    ex = extract("t.md", text)
    assert [(t.id, list(t.lead), list(t.co)) for t in ex.tasks if t.lead] == [
        ("二.1", ["市发展改革委"], ["市工信局"])]


def test_a_clause_line_closes_the_last_item_when_its_siblings_close_their_own():
    text = ("某区行动方案\n二、任务\n(一)优化服务\n1.深化改革。\n(1)推行受理。\n(2)拓展服务。\n"
            "区营商局牵头,区大数据中心参与。\n2.优化审批。推行模式。\n区住建局牵头,区发改局参与。\n")
    ex = extract("t.txt", text)
    got = {t.id: (list(t.lead), list(t.co)) for t in ex.tasks if t.lead}
    assert got == {"二.(一).1": (["区营商局"], ["区大数据中心"]),
                   "二.(一).2": (["区住建局"], ["区发改局"])}


def test_final_provisions_are_not_tasks():
    text = ("某县人才新政\n第一章 支持措施\n第一条 引进人才。对人才给予补贴。(责任单位:县人社局)\n"
            "第二章 附加\n第二条 本政策自2024年1月1日起施行,由县人社局负责解释。\n")
    ex = extract("t.txt", text)
    assert [t.id for t in ex.tasks] == ["第一章.第一条"]


def test_news_actions_listed_inline_become_tasks_when_they_name_who_is_responsible():
    text = ("来源:某某日报\n记者从发布会获悉,近日市政府印发《某市养老服务行动方案》(以下简称《方案》)。\n"
            "《方案》部署三项任务。一是完善服务网络,由市民政局牵头,市住建局配合,推进设施建设。"
            "二是推进医养结合,由市卫健委牵头,市医保局配合。三是加强人才培养,开展培训。\n")
    ex = extract("news.txt", text)
    got = {t.id: (t.title, list(t.lead), list(t.co)) for t in ex.tasks}
    assert got == {"一": ("完善服务网络", ["市民政局"], ["市住建局"]),
                   "二": ("推进医养结合", ["市卫健委"], ["市医保局"]),
                   "三": ("加强人才培养", [], [])}


def test_inline_ordinals_without_responsibility_are_not_tasks():
    text = "某省若干措施解读\n一、主要原则\n在起草中把握以下原则:一是坚持市场主导。二是坚持质量至上。\n"
    assert extract("i.txt", text).tasks == ()


def test_label_lines_after_a_stated_lead_are_co_responsible():
    text = ("某区2023年重点工作目标任务分解\n一、主要预期指标\n1.区级一般公共预算收入增长5%。\n"
            "牵头单位:区财政局\n责任单位:区税务局、区国资委等\n")
    ex = extract("t.txt", text)
    assert [(t.id, list(t.lead), list(t.co)) for t in ex.tasks] == [
        ("一.1", ["区财政局"], ["区税务局", "区国资委"])]


def test_unit_written_with_and_without_its_prefix_is_one_agency_in_the_prefixed_form():
    text = ("某省人民政府关于明确重点工作责任单位的通知\n一、提振信心\n"
            "1.促进消费。(省商务厅、财政厅按职责分工负责)\n"
            "2.扩大投资。(省发展改革委牵头,省财政厅配合)\n")
    ex = extract("t.txt", text)
    assert [(t.id, list(t.lead), list(t.co)) for t in ex.tasks] == [
        ("一.1", ["省商务厅", "省财政厅"], []), ("一.2", ["省发展改革委"], ["省财政厅"])]
    assert ex.departments.count("省财政厅") == 1 and "财政厅" not in ex.departments


def test_items_of_a_page_flattened_to_one_line():
    text = ("河南省人民政府关于明确重点工作责任单位的通知 现将任务予以分解。 一、加快提振市场信心 "
            "(一)全面促进消费增长。 1.改善消费条件。(省商务厅牵头,省财政厅配合) "
            "2.落实提振措施。(省发展改革委牵头)")
    ex = extract("t.txt", text)
    assert [t.id for t in ex.tasks] == ["一.(一).1", "一.(一).2"]


def test_text_without_title_or_structure_still_yields_its_facts():
    # a condensed third-party copy: no title, no kind, no numbered parts
    text = "根据意见,我市将对获得“中国驰名商标”认定的企业一次性奖励100万元,由市市场监管局负责。"
    ex = extract("t.txt", text)
    assert [(f.amount, f.unit) for f in ex.funding] == [(100, "万元")]
    assert "no title found" in ex.warnings and "no numbered parts found" in ex.warnings


def test_rule_articles_and_their_items_are_not_tasks():
    text = ("第五章 奖励\n第十一条 奖励对象为本县的企业。\n第十二条 奖励标准:\n"
            "(一)当年被认定为“中国驰名商标”奖励20万元;\n(二)当年授权的发明专利每件奖励3万元。\n")
    assert extract("t.txt", text).tasks == ()


def test_list_entries_are_not_tasks():
    text = ("南通市\n一、粮油类\n119 如皋市某某水稻种植专业合作社:芾寿道 稻米\n"
            "120 如皋市某某米业有限公司:千翠湖 稻米\n")
    assert extract("t.txt", text).tasks == ()


def test_items_of_an_opinion_whose_part_number_was_lost_are_tasks():
    text = ("某省关于做好2022年重点工作的实施意见\n坚决扛牢粮食安全责任\n"
            "(一)稳定粮食播种面积。确保面积稳定在6287万亩以上。\n(二)扩大大豆生产。实施轮作。\n")
    ex = extract("t.txt", text)
    assert [t.id for t in ex.tasks] == ["(一)", "(二)"]
    assert [(t.task, t.year, t.value) for t in ex.targets] == [("(一)", 2022, 6287)]


def test_top_level_item_after_one_with_a_clause_is_a_task():
    text = ("一、推进重大项目建设\n建立制度,加快项目。(省发展改革委牵头,省财政厅配合)\n"
            "二、加强城市基础设施投入\n省财政筹措资金支持城市建设。\n")
    assert [t.id for t in extract("t.txt", text).tasks] == ["一", "二"]


def test_attachment_list_lines_are_not_tasks():
    text = ("某区人民政府关于印发目标任务分解的通知\n附件:1. 2022年主要目标任务责任分解表\n"
            "2. 2022年民生实事项目责任分解表\n")
    assert extract("t.txt", text).tasks == ()


def test_paragraph_marks_of_sharing_sites_and_actions_inside_an_item():
    text = ("…维护市场公平。\u0420(五)加大监督考核,机制保障标准化生产\u0420"
            "一是由市政府政务督查室牵头,林业局、农牧局配合,成立督查领导小组;"
            "二是由农牧局、林业局牵头,财政局、水务局、各镇配合,成立指导小组。")
    ex = extract("t.txt", text)
    assert [(t.id, list(t.lead), list(t.co)) for t in ex.tasks] == [
        ("(五)", ["市政府政务督查室", "农牧局", "林业局"], ["财政局", "水务局"])]
    assert "水务局" in ex.departments  # written without a prefix: kept as written


def test_units_of_a_grid_table_are_departments():
    text = ("某市数字经济实施方案\n序号 | 任务 | 牵头单位 | 配合单位\n"
            "1 | 推动上云 | 市工业和信息化局 | 市财政局、市大数据管理服务局\n")
    assert "市大数据管理服务局" in extract("t.txt", text).departments


def test_a_policys_yearly_edition_dates_its_undated_targets():
    text = ("关于推动经济高质量发展若干政策举措\n(2025年版)\n一、强化科技\n"
            "1.深化企业培育。新认定高新技术企业500家以上。新增公共充电设施260根以上。\n")
    ex = extract("t.txt", text)
    assert ex.document.period == (2025, 2025)
    assert {(t.year, t.value, t.unit) for t in ex.targets} == {(2025, 500, "家"), (2025, 260, "根")}


def test_host_and_assisting_units():
    text = ("某省人民政府关于落实重点工作责任分工的意见\n一、主要目标\n"
            "(一)公共财政收入增长13%左右。(省财政厅主办,省国税局、地税局协办)\n")
    ex = extract("t.txt", text)
    assert [(list(t.lead), list(t.co)) for t in ex.tasks] == [(["省财政厅"], ["省国税局", "地税局"])]


def test_a_heading_names_the_lead_of_its_items_and_a_co_line_joins_the_item_it_follows():
    text = ("某省人民政府工作目标责任分解\n一、省长负责的工作\n(三)省编办牵头的工作\n"
            "1.深化行政管理体制改革。\n2.推进乡镇机构改革。\n协同单位:省财政厅、省人事厅等省直有关部门。\n")
    ex = extract("t.txt", text)
    assert [(t.id, list(t.lead), list(t.co)) for t in ex.tasks] == [
        ("一.(三).1", ["省编办"], []), ("一.(三).2", ["省编办"], ["省财政厅", "省人事厅"])]


def test_a_table_row_with_every_cell_printed_is_read_by_position():
    text = ("某县2024年十大民生实事项目清单\n序号\n项目名称\n建设地点\n建设时间\n建设内容\n"
            "年度投资金额 (万元)\n责任单位\n1\n城北小学门前道路建设项目\n纸坊街道\n2024\n"
            "建成唐塔北路延伸段道路。\n300\n住建局\n2\n残疾人服务中心项目\n某某镇\n2024\n"
            "建成县残疾人综合服务中心。\n120\n县残联\n")
    ex = extract("t.txt", text)
    assert [(t.id, list(t.lead), list(t.co)) for t in ex.tasks] == [
        ("1", ["住建局"], []), ("2", ["县残联"], [])]
    assert {(t.task, t.year, t.value, t.unit) for t in ex.targets} >= {
        ("1", 2024, 300, "万元"), ("2", 2024, 120, "万元")}
    assert "纸坊街道" not in ex.departments


def test_units_written_bare_and_with_the_autonomous_region_prefix_are_one_agency():
    text = ("广西壮族自治区人民政府办公厅关于某措施的通知\n一、任务\n"
            "1.推进工业振兴。(牵头单位:工业和信息化厅)\n2.扩大投资。(牵头单位:自治区工业和信息化厅)\n")
    ex = extract("t.txt", text)
    assert [list(t.lead) for t in ex.tasks] == [["自治区工业和信息化厅"]] * 2


def test_the_year_an_opening_gives_the_tasks_dates_their_targets():
    text = ("某省人民政府关于落实《政府工作报告》重点工作责任分工的意见\n"
            "现就2013年《政府工作报告》确定的重点工作任务提出责任分工意见如下:\n一、主要目标\n"
            "(一)地区生产总值增长11%左右。(省发改委负责)\n")
    assert [(t.year, t.value) for t in extract("t.txt", text).targets] == [(2013, 11)]


def test_cited_authors_page_sources_and_joint_signatures():
    text = ("某某市商务局关于做好冷链物流工作的通知\n"
            "• 信息来源: 市府办(市外事办)\n"
            "各区人民政府:\n根据国家发展改革委《关于做好冷链物流的意见》要求,现通知如下。\n"
            "一、到2025年,全市冷库库容达到100万立方米。\n"
            "市发展改革委   市商务局\n2022年3月1日\n")
    ex = extract("t.txt", text)
    assert "国家发展改革委" not in ex.departments  # only the author of a cited document
    assert "市外事办" not in ex.departments  # the page's publisher
    assert {"市发展改革委", "市商务局"} <= set(ex.departments)  # one signature, two bodies


HEADING_LEAD = """某县优化营商环境工作方案
一、任务分工
(一)构建法治环境保障体系(总牵头单位:县委依法治县委员会办公室)
1.各级领导干部要带头尊法学法守法用法,依法处理问题。
2.规范行政执法行为,推行执法公示制度。(责任单位:县司法局)
"""


def test_a_heading_that_names_its_lead_is_a_task_and_its_items_are_tasks_of_their_own():
    ex = extract("t.txt", HEADING_LEAD)
    tasks = {t.id: (t.title, list(t.lead), list(t.co)) for t in ex.tasks}
    assert tasks["一.(一)"] == ("构建法治环境保障体系", ["县委依法治县委员会办公室"], [])
    assert tasks["一.(一).1"][1:] == ([], [])  # the heading's lead is not copied down
    assert tasks["一.(一).2"][1:] == (["县司法局"], [])


@pytest.mark.parametrize(("tail", "lead", "co"), [
    # cut inside its last unit: that unit is unknown and dropped
    ("(责任单位:县财政局、县人力资源社", ["县财政局"], []),
    # cut after a separator: every unit is whole
    ("(责任单位:县财政局、县住建局、", ["县财政局"], ["县住建局"]),
    # a last unit the table does not know, ending as a whole name does: kept
    ("〔责任单位:中国铁路南宁局\n[…]\n", ["中国铁路南宁局"], []),
    # a closed list is never cut
    ("(责任单位:县财政局、县人力资源社)", ["县财政局"], ["县人力资源社"]),
    # a plain list cut after a unit with its second name plate: the inner bracket closes,
    # the list does not
    ("〔县发展改革委、县数据局(县营商局)", ["县发展改革委"], ["县数据局"]),
    ("〔县发展改革委、县数据局(县营商局)\n[…]\n", ["县发展改革委"], ["县数据局"]),
])
def test_a_list_the_page_cut_drops_a_cut_last_unit(tail: str, lead: list[str], co: list[str]):
    text = "某县促进就业实施方案\n一、重点任务\n(一)增加工资性收入。落实技能提升补贴政策。" + tail
    ex = extract("t.txt", text)
    assert [(list(t.lead), list(t.co)) for t in ex.tasks] == [(lead, co)]


PART_LEAD_IMPLEMENTS = """某市推动高质量发展若干政策
一、推进科技人才一体发展(由市科技局牵头实施)
高标准建设创新示范区。
(一)推动创新平台提质增效。支持企业建设重点实验室。
(二)强化企业创新主体地位。支持企业加大研发投入。
"""


def test_a_part_heading_that_names_who_carries_it_out_is_a_task_with_that_lead():
    ex = extract("t.txt", PART_LEAD_IMPLEMENTS)
    tasks = {t.id: (list(t.lead), list(t.co)) for t in ex.tasks}
    assert tasks["一"] == (["市科技局"], [])
    assert tasks["一.(一)"] == ([], [])  # the part's lead is not copied down


def test_a_budget_that_names_no_purpose_funds_the_part_it_stands_in():
    text = ("某市推动高质量发展若干政策\n一、推进科技人才一体发展(由市科技局牵头)\n"
            "高标准建设创新示范区。2025年,市财政预算安排资金12.5亿元。\n"
            "(一)支持平台建设。对新认定的重点实验室,给予最高100万元奖励。\n")
    found = {(f.recipient, f.amount) for f in extract("t.txt", text).funding}
    assert ("推进科技人才一体发展", 12.5) in found
    assert ("新认定的重点实验室", 100) in found  # a recipient the sentence names stays


def test_a_work_report_of_no_stated_year_keeps_its_years_quantities_without_a_year():
    text = ("今年全区经济社会发展的主要预期目标是:地区生产总值增长7%左右。\n"
            "(一)促进农业发展\n深入实施林果业提质增效工程,力争全区果品产量870万吨。\n")
    ex = extract("t.txt", text)
    assert [(t.year, t.metric, t.value) for t in ex.targets] == [
        (None, "地区生产总值增长", 7), (None, "全区果品产量", 870)]


def test_numbered_entries_of_a_list_of_firms_are_no_tasks():
    text = ("关于拟认定“某市老字号”的公示\n经审核,拟认定3个企业为“某市老字号”。\n"
            "拟认定“某市老字号”的企业\n1.四川某某酒业有限公司(注册商标:某某酒)\n"
            "2.某县某家豆笋坊(注册商标:某家)\n某市商务局\n2023年8月16日\n")
    assert extract("t.txt", text).tasks == ()
