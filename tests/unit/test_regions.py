"""The gazetteer of divisions and the region a document governs (snippets written for the test)."""

from __future__ import annotations

from ingest.pipeline import extract
from ingest.regions import document_region, gazetteer, named_region, province_of
from ontology.model import GovLevel


def test_gazetteer_levels_and_parents():
    gaz = gazetteer()
    [county] = gaz.forms["钟楼区"]
    assert county.level is GovLevel.COUNTY
    assert [p.name for p in gaz.parents(county)] == ["常州市", "江苏省"]
    # an autonomous prefecture is written in full or in its short forms
    assert gaz.forms["湘西自治州"] == gaz.forms["湘西土家族苗族自治州"] == gaz.forms["湘西州"]


def test_the_most_specific_division_a_naming_line_writes():
    guess = named_region(["常州市钟楼区人民政府"])
    assert guess is not None and (guess.name, guess.level, guess.province) == (
        "钟楼区", GovLevel.COUNTY, "江苏省")
    assert named_region(["北京市东城区", "许昌市"]) is None  # two unrelated places: unknown


def test_region_from_the_text_at_the_level_it_speaks_of():
    text = ("为落实省政府《若干政策措施》精神,结合淮安实际,制定本细则。"
            "(责任单位:市工信局、市财政局)全市推进。")
    guess = document_region(text)
    assert guess is not None and (guess.name, guess.level) == ("淮安市", GovLevel.CITY)


def test_places_of_site_chrome_do_not_count():
    text = ("地址:长沙市天心区融城路18号\n关于提升开放型经济的实施细则\n"
            "授予镇海区“出口十强企业”称号,区委区政府。")
    guess = document_region(text)
    assert guess is not None and guess.name == "镇海区"


def test_a_county_by_its_bare_name_when_the_text_speaks_of_a_district():
    text = "全区经济社会发展主要预期目标。(牵头单位:市生态环境局咸安分局)全区推进。"
    guess = document_region(text)
    assert guess is not None and guess.name == "咸安区"


def test_province_of_a_division():
    assert province_of("钟楼区") == "江苏省" and province_of("青岛市") == "山东省"
    assert province_of("朝阳区") is None  # 北京 and 长春 both have one


def test_document_number_prefix_never_overrides_the_named_region():
    # 青 is 青海's abbreviation, but this is a 青岛 document
    qingdao = extract("q.txt", "青政办发〔2023〕5号\n青岛市人民政府办公厅关于印发某方案的通知\n"
                               "一、任务\n1.推进工作。(省市场监管局牵头)\n")
    assert qingdao.document.region == "青岛市"
    assert {a.name: a.region for a in qingdao.agencies}["省市场监管局"] == "山东省"
    nanjing = extract("n.txt", "宁政发〔2023〕3号\n南京市人民政府关于某意见\n一、任务\n"
                               "1.推进工作。(省商务厅牵头,市商务局配合)\n")
    assert {a.name: a.region for a in nanjing.agencies}["省商务厅"] == "江苏省"


def test_long_and_short_forms_of_one_citys_body_are_one_agency():
    ex = extract("d.txt", "德州市人民政府关于某方案的通知\n一、任务\n1.推进工作。(责任单位:市市场监管局)\n"
                          "德州市市场监督管理局负责日常工作。\n")
    names = [a.name for a in ex.agencies if "市场" in a.name]
    assert names == ["市市场监管局"]


def test_a_one_character_county_only_where_a_word_starts():
    gaz = gazetteer()
    assert [m.written for m in gaz.mentions("完成县级应急广播建设,提高县域经济")] == []
    assert [m.written for m in gaz.mentions("陇南市成县人民政府,在成县召开")] == [
        "陇南市", "成县", "成县"]


def test_a_bare_county_beside_its_city_wins_over_a_common_word():
    text = "组织惠民服务活动。\n举办汉中市茶叶节宁强分会场。\n全县各乡镇要抓好落实,县级部门配合。\n"
    guess = document_region(text)
    assert guess is not None and (guess.name, guess.level) == ("宁强县", GovLevel.COUNTY)


def test_is_place_by_dictionary_look_ups():
    from ingest.regions import is_place
    assert is_place("黑河") and is_place("银川市") and is_place("宁强")
    assert not is_place("自然资源") and not is_place("各县")


def test_an_autonomous_regions_own_text_speaks_of_the_province_level():
    text = ("各市、县(区)人民政府,自治区政府各部门:\n为推动全区制造业发展,按照自治区党代会部署,"
            "结合宁夏实际,制定本意见。全区规模以上工业增加值年均增长8%。\n")
    ex = extract("t.txt", text)
    assert (ex.document.region, ex.document.level) == ("宁夏回族自治区", GovLevel.PROVINCE)


def test_a_region_named_without_its_ethnic_words():
    assert [d.name for m in gazetteer().mentions("加快新疆农村综合产权交易中心建设")
            for d in m.divisions] == ["新疆维吾尔自治区"]


def test_plan_words_that_are_bare_county_names_name_no_county():
    text = "我区深入推进乡村振兴,培育新兴产业,深化平安建设,落实富民政策。全区要加强领导。\n"
    assert document_region(text, level=GovLevel.COUNTY) is None
