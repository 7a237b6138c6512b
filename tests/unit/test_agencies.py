"""Agency recognition and canonical names, on snippets written for the test."""

from __future__ import annotations

from ingest.agencies import AgencyResolver, find_mentions, trim_left
from ontology.model import GovLevel


def resolver(region="某某市", level=GovLevel.CITY, province="山东省"):
    return AgencyResolver(region=region, level=level, province=province,
                          known_places={"某某"})


def test_long_form_resolves_to_the_short_form():
    ref = resolver().resolve("某某市市场监督管理局")
    assert (ref.name, ref.region, ref.level) == ("市市场监管局", "某某市", GovLevel.CITY)


def test_list_form_wins_over_the_table_default():
    r = resolver()
    assert r.resolve("市发改委", from_list=True).name == "市发改委"
    assert r.resolve("某某市发展和改革委员会").name == "市发改委"


def test_province_department_in_a_city_document():
    ref = resolver().resolve("省财政厅")
    assert (ref.name, ref.region, ref.level) == ("省财政厅", "山东省", GovLevel.PROVINCE)


def test_national_department():
    ref = resolver().resolve("国家发展改革委")
    assert (ref.name, ref.region, ref.level) == ("国家发展改革委", "中国", GovLevel.NATIONAL)


def test_another_city_keeps_its_place():
    r = resolver()
    r.known_places.add("济南")
    ref = r.resolve("济南市市场监管局")
    assert ref.name == "济南市市场监管局" and ref.region == "济南市"


def test_governments_and_generic_groups_are_not_agencies():
    r = resolver()
    for name in ("市政府", "某某市人民政府", "国务院", "各县区人民政府", "有关部门", "市委"):
        assert r.resolve(name) is None, name


def test_units_known_only_by_suffix_count_in_lists():
    r = resolver()
    assert r.resolve("市大数据发展促进中心", from_list=True).name == "市大数据发展促进中心"
    assert r.resolve("团市委").name == "团市委"
    assert r.resolve("某某海关").name == "某某海关"


def test_mentions_in_running_text():
    text = "在质量强市工作领导小组统筹下,某某市市场监督管理局会同市财政局推进。"
    names = [m[0] for m in find_mentions(text)]
    assert names == ["质量强市工作领导小组", "某某市市场监督管理局", "市财政局"]


def test_abbreviated_department_list():
    names = [m[0] for m in find_mentions("整合市工信、科技、市场监管等部门资金")]
    assert names == ["市工信局", "市科技局", "市市场监管局"]


def test_bare_short_stems_need_a_prefix():
    assert find_mentions("涉外办理事项") == []


def test_trim_left_drops_leading_verbs():
    assert trim_left("充分发挥市质量强市工作领导小组") == "市质量强市工作领导小组"


def test_a_verb_or_preposition_before_a_level_prefix_is_no_place():
    written = [w for s in ("根据省发展改革委要求", "督促市商务局落实", "请市政府办公室牵头",
                           "鼓励区科技局", "结合省委办公厅通知")
               for w, _, _ in find_mentions(s)]
    assert written == ["省发展改革委", "市商务局", "市政府办公室", "区科技局", "省委办公厅"]
    # a place that is a name stays whole
    assert [w for w, _, _ in find_mentions("和平区商务局、支持青岛市商务局")] == [
        "和平区商务局", "青岛市商务局"]


def test_customs_needs_a_port_name():
    r = resolver()
    assert r.resolve("青岛海关").name == "青岛海关"
    assert r.resolve("取得海关") is None


def test_vertical_offices_keep_their_place():
    assert resolver().resolve("某某金融监管分局").name == "某某金融监管分局"


def test_subject_phrase_and_preposition_are_stripped():
    r = resolver()
    assert r.resolve("该项工作由市商务局", from_list=True).name == "市商务局"
    assert trim_left("经市优化营商环境工作领导小组") == "市优化营商环境工作领导小组"


def test_autonomous_region_departments():
    r = AgencyResolver(region="广西壮族自治区", level=GovLevel.PROVINCE, province="广西壮族自治区")
    assert r.resolve("自治区水利厅", from_list=True).name == "自治区水利厅"
    assert r.resolve("广西壮族自治区水利厅").name == "自治区水利厅"


def test_document_written_short_forms_are_kept_and_article_subjects_stripped():
    r = resolver()
    assert r.resolve("市自然资源和规划局").name == "市自然资源和规划局"
    assert r.resolve("本条由县人社局", from_list=True).name == "县人社局"
    assert [m[0] for m in find_mentions("记者从市民政局获悉")] == ["市民政局"]


# --- families seen in real documents (snippets written for the test) ------------------


def _departments(text: str) -> list[str]:
    from ingest.pipeline import extract
    return list(extract("t.txt", text).departments)


def test_author_of_a_cited_title_is_not_a_department():
    text = ("某州2020年优化营商环境工作计划\n根据《某省人民政府办公厅关于印发〈规定〉的通知》精神,"
            "制定本计划。\n一、任务\n1.简政放权。(牵头单位:州行政审批服务局)\n")
    assert _departments(text) == ["州行政审批服务局"]


def test_authors_written_before_a_cited_document_are_not_departments():
    text = ("某市推动制造业发展实施方案\n根据中共河南省委办公厅河南省人民政府办公厅印发的《河南省制造业"
            "实施方案》精神,结合省委办公厅、省政府办公厅联合印发的《关于某事的意见》,制定本方案。\n"
            "一、主要任务\n(一)做强产业。(市工业和信息化局牵头,市财政局配合)\n")
    assert _departments(text) == ["市工业和信息化局", "市财政局"]


def test_the_authors_of_the_reported_plan_and_of_its_own_notice_count():
    report = ("某市出台制造业品牌三年行动计划\n近日,由市政府办公室印发的《某市制造业品牌三年行动计划》"
              "明确,到2025年培育品牌企业300家以上。(市工业和信息化局负责)\n")
    assert "市政府办公室" in _departments(report)
    notice = ("某市人民政府办公室关于印发《某市促消费实施方案》的通知\n一、任务\n"
              "1.促进消费。(市商务局负责)\n市商务局印发的《方案》明确要求。\n")
    assert _departments(notice)[0] == "市政府办公室"


def test_the_author_of_a_parent_named_in_the_own_title_is_not_a_department():
    # the notice divides the tasks of a plan it names (落实X…任务分工): X's publisher is no
    # department of the notice, although the title holds X
    text = ("某政办发〔2012〕5号\n\n某省人民政府办公厅关于落实\n甲振兴“十二五”规划任务分工的通知\n\n"
            "为贯彻落实国家发展改革委印发的《甲振兴“十二五”规划》,现通知如下:\n\n1.完成目标。\n\n"
            "责任单位:省教育厅。\n")
    assert "国家发展改革委" not in _departments(text)
    assert "省教育厅" in _departments(text)


def test_forwarded_document_names_its_author_as_issuer_and_department():
    from ingest.pipeline import extract
    ex = extract("t.txt", "淄博市委办公厅、市政府办公厅关于转发《淄博市精神文明建设委员会贯彻落实"
                          "某文件的目标任务分工》的通知\n1、建立制度。\n责任单位:团市委、市教育局\n")
    assert ex.document.issuer == "淄博市精神文明建设委员会"
    assert "市精神文明建设委员会" in ex.departments and "市委办公厅" in ex.departments


def test_committee_in_running_text_and_members_of_a_group():
    assert "市长质量奖评审委员会" in _departments("经市长质量奖评审委员会评审、市政府常务会议研究,决定授予。")
    text = "一、任务\n1.做好防控。[牵头单位:区卫健局;责任单位:区创文工作领导小组成员单位]\n"
    assert _departments(text) == ["区卫健局"]


def test_named_zones_acting_in_prose_but_not_addressees():
    text = ("各省辖市政府,济源示范区、航空港区管委会要切实扛牢属地责任。\n"
            "长白山管委会,长春新区管委会:\n现将有关措施通知如下。\n")
    assert _departments(text) == ["济源示范区", "航空港区管委会"]


def test_issuing_office_is_recorded_in_its_short_form():
    text = ("区人民政府办公室关于印发2020年区政府重点工作责任分解的通知\n一、任务\n"
            "1.做好工作。(牵头单位:区卫健局)\n")
    assert "区政府办公室" in _departments(text) and "区人民政府办公室" not in _departments(text)


def test_sector_lists_are_not_expanded_but_prefixed_abbreviations_are():
    assert _departments("市教育局会同编制、财政、税务、应急管理等单位开展工作。") == ["市教育局"]
    assert _departments("整合市工信、科技、市场监管等部门涉企资金。") == [
        "市工信局", "市科技局", "市市场监管局"]


def test_national_organs_in_running_text_but_not_sector_words():
    assert _departments("经商务部、国家知识产权局认定,市财政局给予奖励。") == [
        "商务部", "国家知识产权局", "市财政局"]
    assert _departments("各级农业农村部门和财政部门按照国家统一部署推进。") == []


def test_a_national_organ_before_a_local_office_is_that_office():
    assert _departments("由国家税务总局某某市税务局负责办理。") == ["市税务局"]


def test_campaign_committee_and_supervision_office():
    assert _departments("省质量强省工作推进委员会办公室、市政府督查室要加强督导。") == [
        "省质量强省工作推进委员会办公室", "市政府督查室"]
    assert _departments("由市质强委统筹。") == ["市质强委"]


def test_sections_and_venues_in_a_list_are_units_and_subordinate_groups_are_generic():
    r = resolver(region="某某县", level=GovLevel.COUNTY)
    assert r.resolve("产业股", from_list=True).name == "产业股"
    assert r.resolve("县博物馆", from_list=True).name == "县博物馆"
    assert r.resolve("局属部门单位", from_list=True) is None
    assert r.resolve("委属各单位", from_list=True) is None


def test_a_district_written_under_its_city_is_the_same_node_as_written_alone():
    r = resolver(region="某某市", level=GovLevel.CITY)
    r.known_places.add("蓬溪")
    assert r.resolve("蓬溪区市场监管局").name == "蓬溪区市场监管局"
    assert r.resolve("某某市蓬溪区市场监管局").name == "蓬溪区市场监管局"


def test_the_big_picture_is_no_national_organ():
    assert [m[0] for m in find_mentions("切实维护国家粮食安全大局,配合国家粮食和物资储备局。")] == [
        "国家粮食和物资储备局"]


def test_county_bodies_of_their_own_names_in_running_text():
    written = [w for w, _, _ in find_mentions(
        "县发改局组织召开推进会,县教体局、县乡村振兴局、县信访局、县机关事务局参加。")]
    assert written == ["县发改局", "县教体局", "县乡村振兴局", "县信访局", "县机关事务局"]


def test_issuers_written_back_to_back_and_bodies_of_herding_regions():
    assert [w for w, _, _ in find_mentions(
        "自治区党委办公厅自治区人民政府办公厅关于印发《某方案》的通知")] == [
        "自治区党委办公厅", "自治区人民政府办公厅"]
    assert [w for w, _, _ in find_mentions("记者从自治区农牧厅获悉,县农牧局、县林草局参加")] == [
        "自治区农牧厅", "县农牧局", "县林草局"]
    # the place at the end of the words before 省 stays
    assert [w for w, _, _ in find_mentions("中共河南省委办公厅")] == ["河南省委办公厅"]


def test_the_ministries_and_bureaus_of_an_addressee_line_are_a_generic_group():
    text = ("某自治区实施方案\n各市、县人民政府,自治区级国家机关各部委办厅局:\n"
            "一、任务\n1.推进建设。(自治区发展改革委负责)\n")
    assert _departments(text) == ["自治区发展改革委"]


def test_a_provincial_body_written_without_its_prefix_stays_as_written():
    text = "某省商务厅关于某名单的公示\n某省商务厅会同文化和旅游厅、省市场监管局形成推荐名单。\n"
    assert "文化和旅游厅" in _departments(text) and "省文化和旅游厅" not in _departments(text)


def test_the_bodies_of_a_sites_chrome_are_no_departments():
    text = ("某省商务厅关于第二批某省老字号的公示\n经审核,拟认定5家企业。(省商务厅负责)\n"
            "主办: 某市商务局 某市电子政务办公室提供技术支持\n")
    assert _departments(text) == ["省商务厅"]


def test_ministries_by_their_names_before_the_reorganisations():
    # older documents write 环保部, 建设部, 国土资源部, 铁道部, 卫生部: national organs
    r = resolver()
    for name in ("环保部", "环境保护部", "建设部", "国土资源部", "铁道部", "卫生部"):
        ref = r.resolve(name)
        assert ref is not None and ref.level == GovLevel.NATIONAL, name
    # but not a part of a longer phrase, nor 建设部门 / 卫生部门
    for text in ("城市建设部", "建设部门", "卫生部门", "基础设施建设部分"):
        assert r.resolve(text) is None, text
