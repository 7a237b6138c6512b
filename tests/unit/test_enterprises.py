"""Enterprises, their brands and list brands (snippets written for the test)."""

from __future__ import annotations

from ingest.enterprises import find_enterprises
from ingest.flat_tables import find_flat_tables
from ingest.pipeline import extract


def names(text: str, region: str | None = "某市", places: tuple[str, ...] = ()) -> list[tuple]:
    hits, _ = find_enterprises(text, [], region, places)
    return [(h.name, h.region, h.brands) for h in hits]


def brands(text: str, places: tuple[str, ...] = ()) -> list[str]:
    return [b.name for b in find_enterprises(text, [], None, places)[1]]


def test_firm_names_by_their_suffix_with_the_verb_before_them_cut_off():
    text = ("决定授予甲乙水泥有限公司、湖北省地质局第一地质大队“某奖”;授予贵州酒中酒(集团)有限责任公司、"
            "鑫缘茧丝绸集团股份有限公司、某某种植专业合作社“某奖提名奖”。")
    assert [n for n, _, _ in names(text)] == [
        "甲乙水泥有限公司", "贵州酒中酒(集团)有限责任公司", "鑫缘茧丝绸集团股份有限公司",
        "某某种植专业合作社"]


def test_categories_of_firms_are_not_enterprises():
    text = "对当年度新引进的外贸公司给予奖励,引导上市公司、专业咨询公司和龙头企业集团参与。"
    assert names(text) == []


def test_bodies_that_are_not_market_bodies():
    assert names("甲镇人民政府、某某产业协会、人行郑州中心支行。") == []


def test_brand_written_after_the_holder():
    text = "入选的有:山东某某面业有限公司“梨花”牌小麦粉、某某蔬菜专业合作社思远庄园牌标准化系列蔬菜。"
    assert names(text, "淄博市") == [("山东某某面业有限公司", "淄博市", ("梨花",)),
                                     ("某某蔬菜专业合作社", "淄博市", ("思远庄园",))]



def test_a_possessive_before_the_mark_is_not_part_of_it():
    text = "名牌农产品分别是,某某农业开发有限公司的某红牌火龙果,某某茶业有限公司的某珠牌绿茶。"
    assert names(text, "重庆市") == [("某某农业开发有限公司", "重庆市", ("某红",)),
                                     ("某某茶业有限公司", "重庆市", ("某珠",))]

def test_list_entries_brand_then_product_class():
    text = ("南通市\n一、粮油类\n119 如皋市某某水稻种植专业合作社:芾寿道 稻米\n"
            "121 南通某某食品有限公司:萝卜干、萝卜皮\n129 南通市某某食品有限公司:猪肉\n"
            "132 海门市山羊产业协会:海门山羊\n133 江苏某某集团:南通长江河豚\n")
    assert names(text, "江苏省", ("南通", "海门")) == [
        ("如皋市某某水稻种植专业合作社", "南通市", ("芾寿道",)),
        ("南通某某食品有限公司", "南通市", ()),
        ("南通市某某食品有限公司", "南通市", ()),
        ("江苏某某集团", "南通市", ("南通长江河豚",)),
    ]
    assert brands(text, ("南通", "海门")) == ["芾寿道", "海门山羊", "南通长江河豚"]


def test_list_introduced_as_enterprises_takes_shops_without_a_suffix():
    text = ("仁怀11家企业榜上有名。入选企业餐饮类有:仁怀市某乡某某牛肉馆,仁怀市某镇陶家鸡爪爪;"
            "白酒类有:贵州某某酒业有限公司。")
    assert names(text, "贵州省") == [("仁怀市某乡某某牛肉馆", "仁怀市", ()),
                                     ("仁怀市某镇陶家鸡爪爪", "仁怀市", ()),
                                     ("贵州某某酒业有限公司", "仁怀市", ())]


def test_published_list_with_place_and_brand_columns():
    text = ("序号城市企业名称代表性注册商标\n1 荆州 湖北某某酒业酿造有限公司 绣 林\n"
            "2 武汉 武汉某某眼镜有限公司\n")
    tables = find_flat_tables(text, lambda piece: False)
    hits, listed = find_enterprises(text, tables, "湖北省")
    assert [(h.name, h.region, h.brands) for h in hits] == [
        ("湖北某某酒业酿造有限公司", "荆州市", ("绣林",)), ("武汉某某眼镜有限公司", "武汉市", ())]
    assert [b.name for b in listed] == ["绣林"]


def test_brands_named_in_list_sentences():
    text = ("在省农业农村厅公布的“江苏农产品品牌目录”名单中,启东绿皮蚕豆、海门万年香沙芋艿等18个"
            "农产品品牌入选。淄博市推荐的博山猕猴桃入选区域公用品牌。")
    assert sorted(brands(text)) == sorted(
        ["启东绿皮蚕豆", "海门万年香沙芋艿", "博山猕猴桃", "江苏农产品品牌目录"])


def test_site_credits_name_no_enterprise():
    assert names("版权所有:某某网络科技有限公司 技术支持:某某信息技术有限公司") == []


def test_pipeline_keeps_firms_of_responsibility_lists_as_enterprises_not_departments():
    text = ("某区2023年重点工作任务分解\n一、重点任务\n"
            "1.推进项目建设。(牵头单位:区发改局;责任单位:区财政局,区经发集团)\n")
    ex = extract("t.txt", text)
    assert ex.tasks[0].co == ("区财政局", "区经发集团")
    assert "区经发集团" not in ex.departments
    assert [e.name for e in ex.enterprises] == ["区经发集团"]


def test_list_one_cell_per_line_with_a_district_column_and_a_column_the_header_does_not_know():
    text = ("序号\n辖市区\n单位名称\n品牌名称\n创立时间\n1\n溧阳\n溧阳市某某食品有限公司\n汪德隆\n"
            "1903年\n2\n金坛\n常州某某大药房有限公司金坛某某药店\n许广生\n1956年\n")
    tables = find_flat_tables(text, lambda piece: False)
    hits, listed = find_enterprises(text, tables, "常州市")
    assert [(h.name, h.region, h.brands) for h in hits] == [
        ("溧阳市某某食品有限公司", "溧阳市", ("汪德隆",)),
        ("常州某某大药房有限公司金坛某某药店", "金坛区", ("许广生",))]  # a shop of a firm
    assert [b.name for b in listed] == ["汪德隆", "许广生"]


def test_list_flattened_onto_one_line_with_a_brand_cell_of_two_marks():
    text = ("序号 单位名称 字号名称 1 福州某某集团有限公司 聚春园 2 福州台江某某乐器行 老天华 "
            "3 福建某某酒业有限公司 青红牌、闽江牌\n")
    tables = find_flat_tables(text, lambda piece: False)
    hits, _ = find_enterprises(text, tables, "福建省")
    assert [(h.name, h.brands) for h in hits] == [
        ("福州某某集团有限公司", ("聚春园",)), ("福州台江某某乐器行", ("老天华",)),
        ("福建某某酒业有限公司", ("青红", "闽江"))]


def test_brand_a_holder_applied_with():
    text = ("其中,巴中市多个品牌上榜。巴中市某某产业协会申报的巴食巴适、"
            "巴中市某某牧业股份有限公司申报的青峪猪肉、四川某某农业科技有限公司申报的裕德源牌通江银耳榜上有名。")
    assert names(text, "四川省") == [("巴中市某某牧业股份有限公司", "巴中市", ("青峪猪肉",)),
                                     ("四川某某农业科技有限公司", "巴中市", ("裕德源",))]
    assert sorted(brands(text)) == sorted(["巴食巴适", "青峪猪肉", "裕德源"])


def test_brands_counted_in_a_catalogue_sentence():
    text = ("近日,省农业农村厅公布目录,认定天府龙芽等20个区域公用品牌、竹叶青牌绿茶等50个农产品品牌"
            "入选2022年四川省农业品牌目录。")
    assert sorted(brands(text)) == sorted(["天府龙芽", "竹叶青", "2022年四川省农业品牌目录"])


def test_a_list_without_a_number_column_and_cells_run_together():
    text = ("15家企业名单\n申报单位名称品牌名称\n兰州某某餐饮娱乐有限公司悦宾楼\n"
            "平凉市某某酒业有限公司柳湖暖泉、崆峒\n兰州某某小吃部大众高担\n据了解,名单已上报。\n")
    assert names(text, "甘肃省") == [
        ("兰州某某餐饮娱乐有限公司", "甘肃省", ("悦宾楼",)),
        ("平凉市某某酒业有限公司", "甘肃省", ("柳湖暖泉", "崆峒")),
        ("兰州某某小吃部", "甘肃省", ("大众高担",))]


def test_a_firms_own_quoted_mark_a_branch_and_verbs_before_a_name():
    text = ("分别是某特酒有限责任公司的“四特”、仁和(集团)发展有限公司的“药都”。"
            "确定了某某车辆系统股份有限公司、中国石油天然气股份有限公司长庆石化分公司为获奖单位。")
    assert names(text) == [("某特酒有限责任公司", "某市", ("四特",)),
                           ("仁和(集团)发展有限公司", "某市", ("药都",)),
                           ("某某车辆系统股份有限公司", "某市", ()),
                           ("中国石油天然气股份有限公司长庆石化分公司", "某市", ())]


def test_marks_written_in_brackets_inside_a_quoted_product_and_in_an_old_brand_list():
    text = ("第三批“某城老字号”认定名单出炉,分别是:某某餐饮文化有限责任公司(字号/商标为“北魏宴”)、"
            "某某醋业有限公司(商标为“老泉”)。")
    assert names(text) == [("某某餐饮文化有限责任公司", "某市", ("北魏宴",)),
                           ("某某醋业有限公司", "某市", ("老泉",))]
    assert brands(text) == ["北魏宴", "老泉"]
    text = "某某葡萄酒(某地)有限公司“长城牌干红葡萄酒”和某某牧业股份有限公司“冷冻分割鸡产品”入选。"
    assert names(text) == [("某某葡萄酒(某地)有限公司", "某市", ("长城",)),
                           ("某某牧业股份有限公司", "某市", ())]
    # in a 老字号 list the quoted name after a firm is its mark
    text = "首批有9家企业入选“某城老字号”,包括某某酒业股份有限公司“三秋”、某某餐饮有限公司“洞天”等。"
    assert names(text) == [("某某酒业股份有限公司", "某市", ("三秋",)),
                           ("某某餐饮有限公司", "某市", ("洞天",))]


def test_glued_verbs_categories_and_an_addressee_bracket_are_no_names():
    text = "会议决定,评选甲汽车股份有限公司为区长质量管理奖,评选乙实业有限公司为提名奖。"
    assert [n for n, _, _ in names(text)] == ["甲汽车股份有限公司", "乙实业有限公司"]
    assert names("各县(市)区人民政府,市直各委、办、局(公司),市属各高等院校:") == []
    assert names("引进跨国公司总部型企业。") == []


def test_market_bodies_without_a_firm_suffix_among_a_list_of_firms():
    text = "授予甲科技(某地)有限公司、某市产权交易所、某市联佳精细化工厂、乙药业有限公司等单位提名奖。"
    assert [n for n, _, _ in names(text)] == [
        "甲科技(某地)有限公司", "某市产权交易所", "某市联佳精细化工厂", "乙药业有限公司"]


def test_a_firm_named_after_的_and_a_workshop_with_its_mark_in_an_old_brand_list():
    text = ("另悉,我市的安徽某某集团有限公司“皖颍”被认定为“中华老字号”,某某县某台板鸭厂“某台板鸭”、"
            "安徽省某某酒业有限公司“某裕”入选。")
    assert names(text) == [("安徽某某集团有限公司", "某市", ("皖颍",)),
                           ("某某县某台板鸭厂", "某市", ("某台板鸭",)),
                           ("安徽省某某酒业有限公司", "某市", ("某裕",))]


def test_a_second_name_joined_by_a_conjunction_starts_at_its_place():
    text = "甲面粉有限公司生产的“某某”牌挂面和宁夏某某酒业集团有限公司生产的露酒获奖。"
    assert [n for n, _, _ in names(text)] == ["甲面粉有限公司", "宁夏某某酒业集团有限公司"]


def test_a_completed_verb_before_a_name_is_cut_off():
    text = "会议审议通过了评审结果,并确认了安徽某某铝业有限公司。"
    assert [n for n, _, _ in names(text)] == ["安徽某某铝业有限公司"]


def test_a_conjunction_inside_a_name_stays():
    # 和 here is part of the name: what follows does not open with a place
    assert [n for n, _, _ in names("授予某和顺达食品有限公司。")] == ["某和顺达食品有限公司"]


def test_phrases_about_firms_name_no_firm():
    text = ("共有32家公司获奖。名单包括公司名牌93个,甲乙、丙丁等公司入选,"
            "此次评选经公司申报,还公布了某某成长公司。")
    assert names(text) == []


def test_a_list_column_of_enterprises_names_houses_without_a_firm_suffix():
    text = ("序号\n企业名称\n创立时间\n拟认定品牌\n1\n某某城中区马某食府\n1986年\n马某\n"
            "2\n某某良盛餐饮美食城\n1992年\n良盛\n3\n餐饮\n1990年\n某某\n")
    tables = find_flat_tables(text, lambda piece: False)
    hits, _ = find_enterprises(text, tables, "某某省")
    # a bare word of the column (餐饮) is no house
    assert [h.name for h in hits] == ["某某城中区马某食府", "某某良盛餐饮美食城"]
