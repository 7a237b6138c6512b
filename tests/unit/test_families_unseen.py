"""Families that cost most on pages nobody tuned for (issue 9): per-unit subsidies, news
metadata (datelines, lists reported, award decisions), brand lists closed by 等…品牌 or a
count, enterprise lists closed by 等企业 or headed as a list, and one department written
long and short.

The snippets are written for these tests; names and places are invented or generic.
"""

from __future__ import annotations

import pytest

from ingest.brands import find_brands
from ingest.enterprises import find_enterprises
from ingest.funding import find_funding
from ingest.metadata import extract_metadata
from ingest.news_leads import without_dateline
from ingest.pipeline import extract
from ontology.model import DocumentKind, FundingPer, GovLevel

ONCE, YEAR = FundingPer.ONCE, FundingPer.YEAR


def funding(text: str) -> list[tuple[str | None, float | int, str, FundingPer]]:
    return [(h.recipient, h.amount, h.unit, h.per) for h in find_funding(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbering marker before 对 does not hide whom the money is for
        ("一、对新建冷藏库的，每个补助5万元。", [("新建冷藏库的", 5, "万元", ONCE)]),
        ("(二)对新开垦梯田的，每亩补助800元。", [("新开垦梯田的", 800, "元", ONCE)]),
        ("3.对新认定的示范家庭农场，每家奖励2万元。", [("新认定的示范家庭农场", 2, "万元", ONCE)]),
        # the rate as a standard, per unit
        ("对种植冬油菜的农户，补贴标准为每亩120元。", [("种植冬油菜的农户", 120, "元", ONCE)]),
        # amount / unit before the verb
        ("对新建连栋温室的，按照300元/亩的标准给予补贴。", [("新建连栋温室的", 300, "元", ONCE)]),
        # 每人每年 inside the amount's words: the money recurs
        ("对吸纳残疾人就业的企业，给予每人每年2400元补贴。",
         [("吸纳残疾人就业的企业", 2400, "元", YEAR)]),
    ],
)
def test_per_unit_subsidies(text, expected):
    assert funding(text) == expected


def test_a_standard_without_money_words_is_no_funding():
    assert funding("检测标准为每亩抽样3个点。") == []


def test_wire_dateline_place_is_not_the_region():
    text = "新华社北京3月5日电 记者从农业农村部获悉，今年将新建高标准农田4500万亩。"
    assert without_dateline(text).startswith("新华社  3月5日电")
    meta = extract("x.txt", text).document
    assert meta.region is None and meta.level is None


def test_dateline_of_a_provincial_report_keeps_the_province_the_text_names():
    meta = extract("x.txt", "新华社成都5月10日电 记者从四川省农业农村厅获悉，该省今年将培育"
                             "省级农业品牌100个。").document
    assert meta.region == "四川省"


def test_a_place_the_text_itself_names_stays_after_a_dateline():
    meta = extract("x.txt", "本报北京讯 北京市商务局近日印发《北京市促进消费实施方案》。").document
    assert (meta.region, meta.issuer, meta.kind) == ("北京市", "北京市商务局",
                                                     DocumentKind.ACTION_PLAN)


def test_news_of_a_list_is_a_notice_of_the_body_that_published_it():
    meta = extract_metadata("记者获悉，近日，省商务厅公布第三批“某省老字号”名单，某某市10家企业入选。"
                            "某某市位于某省东部。", None)
    assert meta.kind is DocumentKind.NOTICE
    # a 省 body with no province the text can tell: unknown, never guessed
    assert meta.issuer is None


def test_list_publisher_is_named_in_full_with_its_province():
    meta = extract("x.txt", "记者获悉，近日，省商务厅公布第五批“四川老字号”名单，成都市10家企业入选。"
                             "成都市商务局表示将加强培育。").document
    assert (meta.kind, meta.issuer, meta.region, meta.level) == (
        DocumentKind.NOTICE, "四川省商务厅", "四川省", GovLevel.PROVINCE)


@pytest.mark.parametrize(
    ("title_line", "kind"),
    [
        ("2024年区政府工作报告重点工作目标任务分解", DocumentKind.ACTION_PLAN),
        ("2023年市政府重点工作责任分解表", DocumentKind.ACTION_PLAN),
        ("第二批市级农业龙头企业名单", DocumentKind.NOTICE),
        ("某某省人民政府办公厅关于进一步促进消费的若干措施的通知", DocumentKind.MEASURES),
        ("某某市人民政府关于做好春耕生产工作的通知", DocumentKind.NOTICE),
    ],
)
def test_kind_from_the_title(title_line, kind):
    assert extract_metadata(title_line + "\n一、总体要求\n坚持稳中求进。", None).kind is kind


def test_notice_title_names_its_author_as_issuer():
    meta = extract_metadata("某某省人民政府办公厅关于进一步促进消费的若干措施的通知\n一、发放消费券。", None)
    assert meta.issuer == "某某省人民政府办公厅"


def test_untitled_articles_are_measures_and_an_award_decision_is_a_notice():
    articles = "第一条 为鼓励创新，制定本细则。\n第二条 本细则适用于本县企业。\n"
    assert extract_metadata(articles, None).kind is DocumentKind.MEASURES
    decision = "为提升质量水平，经评审，市政府决定授予甲有限公司“某某市市长质量奖”，奖励50万元。"
    assert extract_metadata(decision, None).kind is DocumentKind.NOTICE


def test_self_kind_with_a_qualifier():
    meta = extract_metadata("为稳定经济增长，结合本区实际，特制定如下政策措施。\n一、加快审批。", None)
    assert meta.kind is DocumentKind.MEASURES


def brands(text: str) -> list[str]:
    return [h.name for h in find_brands(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近年来，全县培育了青岭锌硒茶、白溪翠芽、南山红等品牌。", ["青岭锌硒茶", "白溪翠芽", "南山红"]),
        ("重点打造甲湖龙虾、乙山蕲艾两个核心品牌。", ["甲湖龙虾", "乙山蕲艾"]),
        ("培育东坪硒茶、西岭道茶、北川砖茶等茶叶品牌，", ["东坪硒茶", "西岭道茶", "北川砖茶"]),
        ("这4个品牌分别是:甲城蜜橘、乙湖龙虾、丙州鱼糕、丁湖莲藕。",
         ["甲城蜜橘", "乙湖龙虾", "丙州鱼糕", "丁湖莲藕"]),
    ],
)
def test_brand_lists_closed_by_a_brand_word(text, expected):
    assert brands(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "大力发展中药材、食用菌、畜禽等特色品牌。",       # product classes
        "全县有绿色食品、有机农产品等品牌。",             # generic categories
        "实施商标、专利等品牌战略。",                     # a strategy, not brands
        "打造张家湾科技、李家沟物流等品牌企业。",         # firms
        "推动家电、家具、机械装备等优势产业企业争创品牌。",  # industries
        "品牌建设的三个重点分别为:质量提升、标准引领、宣传推广。",  # no count of brands
        "推进品牌建设，重点任务包括:强化质量、培育名牌、加强保护。",
    ],
)
def test_lists_that_name_no_brands(text):
    assert brands(text) == []


def enterprises(text: str) -> list[str]:
    return [h.name for h in find_enterprises(text, [], None)[0]]


def test_a_list_closed_by_enterprises_names_its_shops_and_works():
    assert enterprises("其中包括张记牛肉馆、王家酱油厂等企业。") == ["张记牛肉馆", "王家酱油厂"]
    # the clause's words before the first name: its start is unknown, so it is left out
    assert enterprises("本次共评出张记牛肉馆、王家酱油厂、李氏茶庄等15家企业。") == ["王家酱油厂", "李氏茶庄"]


@pytest.mark.parametrize(
    "text",
    ["支持食品厂、饮料厂等企业改造。", "推动餐饮、住宿、零售等企业复工。",
     "组织市博物馆、县图书馆等单位参加。"],
)
def test_lists_of_classes_name_no_enterprise(text):
    assert enterprises(text) == []


def test_lines_under_a_list_heading_are_enterprises_until_one_is_not():
    text = ("获奖企业名单\n1.某某华盛食品有限公司\n2.某某金丝猴食品厂\n3.某某枣香合作社\n"
            "附件说明\n4.某某酱菜厂")
    assert enterprises(text) == ["某某华盛食品有限公司", "某某金丝猴食品厂", "某某枣香合作社"]


def test_a_body_written_long_then_short_in_the_lists_is_one_node_in_its_short_form():
    ex = extract("x.txt", "一、加强市场监管。(市市场监督管理局牵头,市工业和信息化局配合)\n"
                          "二、推进价格改革。(市发展改革委牵头,市市场监管局配合)\n")
    assert ex.tasks[0].lead == ("市市场监管局",)
    assert ex.tasks[1].co == ("市市场监管局",)
    names = [a.name for a in ex.agencies]
    assert names.count("市市场监管局") == 1 and "市市场监督管理局" not in names


def test_a_counted_list_of_brands_names_exactly_its_count():
    text = ("此次公布的农产品品牌包括“一级”3个,分别是甲城苹果、西和半夏、乙县花椒;"
            "“二级”2个,分别是丙镇蜜瓜、丁乡贡羊。")
    # the quoted tiers (“一级”) are classes of the list, not brands
    assert brands(text) == ["甲城苹果", "西和半夏", "乙县花椒", "丙镇蜜瓜", "丁乡贡羊"]
    # a count that does not match the items: the list is cut or is another list
    assert "甲城苹果" not in brands("这4个品牌分别是:甲城苹果、乙县花椒。")


def test_a_quoted_mark_between_a_firm_and_its_product_in_a_list_is_the_firms_brand():
    text = "入选的产品分别是:某某枣业股份有限公司“红枣仙”枣片、某某茶业有限公司“云岭”毛尖。"
    hits, list_brands = find_enterprises(text, [], None)
    assert [(h.name, h.brands) for h in hits] == [("某某枣业股份有限公司", ("红枣仙",)),
                                                 ("某某茶业有限公司", ("云岭",))]
    assert {b.name for b in list_brands} == {"红枣仙", "云岭"}
    # a quoted product that closes the item, or a plan period, is no mark
    hits, _ = find_enterprises("某某牧业股份有限公司“冷冻分割鸡产品”、某某公司“十四五”规划。", [], None)
    assert all(h.brands == () for h in hits)


def targets(text: str) -> list[tuple[int | None, float | int | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract("x.txt", text).targets]


def test_goals_of_this_year_in_a_text_that_never_says_its_year_have_no_year():
    text = "今年全区发展的主要预期目标是:地区生产总值增长6%左右;粮食产量稳定在300万吨以上。"
    assert targets(text) == [(None, 6, "%"), (None, 300, "万吨")]
    # with a date on the page, 今年 is that year
    assert targets("2024年3月1日\n" + text) == [(2024, 6, "%"), (2024, 300, "万吨")]


def test_a_list_the_storage_cut_after_a_second_name_plate_is_still_read():
    # the plate's own bracket closes at the text's end; the list's 〔 stays open
    ex = extract("x.txt", "一、推进重大项目。加快甲项目、乙项目建设。〔省发展改革委、省科技厅、"
                          "省数据局(省营商局)\n[…]")
    assert [(t.id, t.lead, t.co) for t in ex.tasks] == [
        ("一", ("省发展改革委",), ("省科技厅", "省数据局"))]


def test_the_shares_of_a_budget_after_its_qizhong_are_items_of_their_own():
    assert funding("全年安排资金5000万元，其中用于农田建设3000万元，用于农机补贴2000万元。") == [
        (None, 5000, "万元", ONCE), ("农田建设", 3000, "万元", ONCE), ("农机补贴", 2000, "万元", ONCE)]
    # 支持 + an amount with no budget opened before it is no share
    assert funding("今年支持乡村产业发展1.2亿元。") == []


def test_short_names_of_two_bodies_in_running_text():
    from ingest.agencies import find_mentions
    assert [m[0] for m in find_mentions("记者从市质监局获悉,省工信厅组织了申报工作。")] == [
        "市质监局", "省工信厅"]
    # any city's office is a generic group, not the document's own
    assert find_mentions("在所在设区市经贸委的指导下准备材料") == []
    assert [m[0] for m in find_mentions("由市经贸委负责")] == ["市经贸委"]


def test_quanqu_of_an_autonomous_regions_text_is_no_district():
    from ingest.regions import speaks_of
    text = "全区粮食产量稳定在400万吨以上,我区将积极推进自治区乡村振兴示范县创建。"
    assert speaks_of(text) is GovLevel.PROVINCE
    assert speaks_of("全区粮食产量稳定,区委、区政府将推进自治区示范县创建。") is GovLevel.COUNTY
    assert extract("x.txt", "今年" + text).document.level is not GovLevel.COUNTY


def test_a_series_marker_after_a_title_is_no_part_of_it():
    meta = extract_metadata("2025年省政府工作报告重点工作分工方案(一)\n一、稳增长。", None)
    assert (meta.title, meta.kind, meta.period) == (
        "2025年省政府工作报告重点工作分工方案", DocumentKind.ACTION_PLAN, (2025, 2025))


def test_a_reporters_lead_makes_an_untitled_text_a_news_report():
    meta = extract_metadata("记者昨天从市质监局获悉,今年名牌产品申报工作已经开始。", None)
    assert meta.kind is DocumentKind.NEWS_REPORT


def test_a_counted_list_the_storage_cut_keeps_its_whole_items():
    text = "此次入选的农产品品牌包括“一级”5个,分别是甲城苹果、西和半夏、乙县花椒、丙县\n[…]"
    assert brands(text) == ["甲城苹果", "西和半夏", "乙县花椒"]
    # more items than the count: another list, or a misread
    assert brands("这2个品牌分别是:甲城苹果、西和半夏、乙县花椒\n[…]") == []


def test_a_provinces_famous_and_quality_products_are_designations():
    assert brands("使我市河北省名牌产品达到100项,河北省优质产品达到70项。") == [
        "河北省名牌产品", "河北省优质产品"]
    assert brands("河北省名牌产品评价目录重点围绕主导产业。") == []  # a catalogue of them
    assert brands("争创陕西名牌。") == ["陕西名牌"]


def test_an_aim_word_opening_a_clause_makes_an_undated_figure_a_target():
    text = "二、发展特色产业\n深入实施林果业提质工程,力争全区果品产量870万吨、蔬菜产量1600万吨。"
    assert targets(text) == [(None, 870, "万吨"), (None, 1600, "万吨")]
    # an aim word of another clause, an ordinal, a figure whose unit the page cut: none
    assert targets("二、项目\n确保一批工程开工;推进全省20个重点项目建设。") == []
    assert targets("二、落实\n确保十四届人大会议审议通过的各项工作落地。") == []
    assert targets("二、能源\n力争天然气产量420亿\n[…]") == []


def test_a_count_after_deng_that_matches_the_items_admits_two_character_marks():
    assert brands("来自某省的甲林记、乙玉霞、石花、采花等4个品牌入选。") == [
        "甲林记", "乙玉霞", "石花", "采花"]
    assert brands("甲林记、石花等3个品牌入选。") == []  # the count is not the items'
    assert brands("其中,食品、纺织等2个品牌入选。") == []  # classes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对新建有机茶园的，每亩奖补500元。", [("新建有机茶园的", 500, "元", ONCE)]),
        # what the farmer invests per mu is no funding; what the county adds is
        ("对新建茶园连片100亩以上的，每亩投入茶苗款1500元，县奖补1250元。",
         [("新建茶园连片100亩以上的", 1250, "元", ONCE)]),
        # a cap per unit, after the rate or before the verb
        ("对茶园配置杀虫灯的，按实给予补助，最高不超过每盏4000元。",
         [("茶园配置杀虫灯的", 4000, "元", ONCE)]),
        ("对开展统防统治的，按农药款50%、最高不超过每亩80元补助。", [("开展统防统治的", 80, "元", ONCE)]),
    ],
)
def test_subsidies_per_unit_as_reward_and_as_a_cap(text, expected):
    assert funding(text) == expected


def test_a_list_that_becomes_brands():
    text = "产值30亿元以上，青山毛尖、青山红茶、青山白茶成为武陵山区响亮茶叶品牌，带动茶农增收。"
    assert brands(text) == ["青山毛尖", "青山红茶", "青山白茶"]
    assert brands("让茶叶、水果成为全县特色品牌。") == []


def test_a_dateline_with_the_day_before_the_place():
    assert without_dateline("某某日报网11月15日南昌讯(记者)今天上午").startswith("某某日报网11月15日  讯")


def test_an_item_without_a_figure_in_an_indicator_list_is_no_part_of_the_next_metric():
    ex = extract("x.txt", "2025年主要预期目标是:居民消费价格涨幅2%左右、居民收入增长与经济增长基本同步、"
                          "粮食产量500亿斤左右。")
    assert [(t.metric, t.value) for t in ex.targets] == [("居民消费价格涨幅", 2), ("粮食产量", 500)]
