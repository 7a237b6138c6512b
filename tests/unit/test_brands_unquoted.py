"""Tests of awards, programmes, certifications, old-brand titles and unquoted
geographical-indication lists (:mod:`ingest.brands_unquoted` and the certification tails
and quoted titles of :mod:`ingest.brands`).

The snippets are written for the tests; place and award names are invented or generic.
"""

from __future__ import annotations

import re

import pytest

from ingest import patterns_brands as P
from ingest.brands import find_brands
from ingest.brands_unquoted import unquoted_names
from ontology.model import BrandKind


def names(text: str) -> list[str]:
    """The names ``find_brands`` returns, in order."""
    return [h.name for h in find_brands(text)]


def kinds(text: str) -> dict[str, BrandKind]:
    """Name → kind of every hit."""
    return {h.name: h.kind for h in find_brands(text)}


# --- certifications ------------------------------------------------------------------

def test_brand_certification_tail_is_a_certification() -> None:
    assert kinds("首次通过“江城优品”品牌认证的企业。") == {"江城优品": BrandKind.CERTIFICATION}
    assert "品牌认证" in P.CERTIFICATION_HEADS and "认证" in P.CERTIFICATION_HEADS


def test_generic_certification_classes_are_no_brands() -> None:
    assert names("推广“绿色食品”认证、“有机产品”认证和“碳足迹”认证。") == []


def test_regional_certification_without_quotes() -> None:
    got = kinds("推动企业通过浙江制造认证和四川优品品牌认证,开展有机产品认证。")
    assert got == {"浙江制造": BrandKind.CERTIFICATION, "四川优品": BrandKind.CERTIFICATION}



# --- awards --------------------------------------------------------------------------


def test_award_list_after_participation_verb() -> None:
    text = "鼓励企业参评中国质量奖、中国专利金奖、省长质量奖、“泰山杯”工程质量奖。"
    got = kinds(text)
    assert list(got) == ["中国质量奖", "中国专利金奖", "省长质量奖", "“泰山杯”工程质量奖"]
    assert set(got.values()) == {BrandKind.AWARD}


def test_award_names_with_province_and_mayor() -> None:
    assert names("新获得浙江省人民政府质量奖、市长质量奖的组织。") == [
        "浙江省人民政府质量奖",
        "市长质量奖",
    ]


def test_quoted_award_name() -> None:
    assert kinds("争创“鲁班奖”。") == {"鲁班奖": BrandKind.AWARD}


def test_award_nested_in_a_longer_award_is_not_a_second_one() -> None:
    assert names("荣获“中国质量奖提名奖”。") == ["中国质量奖提名奖"]


def test_award_named_after_a_government() -> None:
    assert names("对获得市政府质量奖的企业给予奖励。") == ["市政府质量奖"]


def test_quoted_award_keeps_quotes_normalised() -> None:
    hits = find_brands("参评「市长杯」工业设计大奖。")
    assert [h.name for h in hits] == ["“市长杯”工业设计大奖"]
    assert (hits[0].start, hits[0].end) == (2, 13)


def test_award_tier_is_a_second_award() -> None:
    text = "鼓励企业争创中国质量奖、中国质量奖提名奖。"
    assert names(text) == ["中国质量奖", "中国质量奖提名奖"]
    assert P.AWARD_TIER == "提名奖"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对新获得江州市市长质量奖的组织给予奖励。", ["江州市市长质量奖"]),
        ("企业荣获石家庄市市长质量奖。", ["石家庄市市长质量奖"]),
        ("对获得河北省政府质量奖、江州市政府质量奖的企业给予奖励。",
         ["河北省政府质量奖", "江州市政府质量奖"]),
        ("新增江州市人民政府质量奖2家。", ["江州市人民政府质量奖"]),
        ("对获得全市市长质量奖的组织给予奖励。", ["市长质量奖"]),
        ("对获得市长质量奖的组织给予奖励。", ["市长质量奖"]),
        ("企业荣获湖南省长沙市市长质量奖。", ["长沙市市长质量奖"]),
        ("企业荣获河南省省长质量奖。", ["河南省省长质量奖"]),
    ],
)
def test_local_award_keeps_its_place(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_place_boundary_constants() -> None:
    assert "得" in P.PLACE_LEFT_BOUNDARY and "全" in P.NOT_PLACE_START
    assert P.PLACE_LENGTHS == (2, 3, 4)
    assert P.LOCAL_AWARD_HEAD.match("市长质量奖") and P.LOCAL_AWARD_HEAD.match("县人民政府质量奖")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("支持企业争创中国质量奖和天府质量奖。", ["中国质量奖", "天府质量奖"]),
        ("对获得钱江质量奖、长城质量管理奖的企业给予奖励。", ["钱江质量奖", "长城质量管理奖"]),
        ("鼓励企业争创政府质量奖、省市质量奖、国际质量奖。", []),
        ("钱江质量奖评审工作由协会组织。", []),
    ],
)
def test_named_quality_award_in_award_context(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_named_quality_award_constants() -> None:
    assert P.AWARD_CONTEXT.search("争创") and "政府" in P.GENERIC_AWARD_PREFIXES
    assert P.NAMED_QUALITY_AWARD.search("、天府质量奖")
    assert P.AWARD_CONTEXT_WINDOW >= 10


@pytest.mark.parametrize(
    "text",
    [
        "统筹国家奖补资金,落实省级奖补政策。",
        "对获得国家级质量奖的企业给予奖励。",
        "省市场监管局对获奖企业进行表彰。",
        "中国质量奖励办法另行制定,设立全国奖项。",
        "设立国家奖学金。",
    ],
)
def test_not_awards(text: str) -> None:
    assert names(text) == []


# --- programmes ----------------------------------------------------------------------


def test_regional_programmes() -> None:
    text = "新增江苏省高端品牌培育企业20家,建成浙江省优质产品基地5个。"
    assert kinds(text) == {
        "江苏省高端品牌培育企业": BrandKind.PROGRAMME,
        "浙江省优质产品基地": BrandKind.PROGRAMME,
    }


def test_created_quality_designation() -> None:
    assert kinds("积极创建“全国质量强县示范县”。") == {"全国质量强县示范县": BrandKind.PROGRAMME}
    assert kinds("争取创建“全国知名品牌创建示范区”。") == {
        "全国知名品牌创建示范区": BrandKind.PROGRAMME
    }


def test_created_designation_without_quality_vocabulary() -> None:
    assert names("积极创建“平安校园”,推进“文明城市”创建。") == []


def test_enterprise_classification_with_region_is_no_programme() -> None:
    assert names("培育河南省制造业单项冠军企业10家、专精特新“小巨人”企业5家。") == []


def test_unquoted_names_are_located() -> None:
    text = "对获得江州市市长质量奖的组织,推动企业通过浙江制造认证。"
    found = list(unquoted_names(text))
    assert [(n.name, n.kind) for n in found] == [
        ("江州市市长质量奖", BrandKind.AWARD),
        ("浙江制造", BrandKind.CERTIFICATION),
    ]
    assert all(text[n.start : n.end] == n.name for n in found)


# --- quoted titles and certifications named in full ---------------------------------


def test_quoted_old_brand_title_is_an_award() -> None:
    got = kinds("对新认定的“中华老字号”企业给予奖励,鼓励企业申报“河北老字号”。")
    assert got == {"中华老字号": BrandKind.AWARD, "河北老字号": BrandKind.AWARD}
    assert P.OLD_BRAND_TITLE.match("中华老字号").group("place") == "中华"
    assert P.TITLE_REGIONS.match("河北省") and not P.TITLE_REGIONS.match("百年")


def test_old_brand_title_needs_a_region_the_text_names() -> None:
    assert names("江州市将认定一批“江州老字号”。") == ["江州老字号"]
    assert names("认定一批“百年老字号”,保护“老字号”。") == []


def test_quoted_certification_named_in_full() -> None:
    got = kinds("推广“江海认证”,对取得“江海认证”的企业给予补助。")
    assert got == {"江海认证": BrandKind.CERTIFICATION}
    assert P.CERTIFICATION_NAME.match("江海品牌认证").group("prefix") == "江海"


@pytest.mark.parametrize("text", ["推广“有机认证”。", "取得“高级认证”。", "开展“体系认证”。"])
def test_generic_quoted_certifications_are_no_brands(text: str) -> None:
    assert names(text) == []
    assert {"高级", "体系"} <= P.GENERIC_CERTIFICATION_PREFIXES


# --- geographical-indication products listed without quotes ------------------------


def test_unquoted_gi_list_before_its_tail() -> None:
    text = "推动江口萝卜、白沙绿茶、河州香梨等地理标志产品提质增效。"
    assert names(text) == ["江口萝卜", "白沙绿茶", "河州香梨"]
    assert all(text[h.start : h.end] == h.name for h in find_brands(text))


@pytest.mark.parametrize(
    "tail", ["等地理标志产品", "等国家地理标志农产品", "等农产品地理标志", "等地理标志证明商标"]
)
def test_gi_tail_forms(tail: str) -> None:
    assert re.fullmatch(P.GI_TAIL, tail)
    assert names(f"保护白沙绿茶{tail}。") == ["白沙绿茶"]


def test_gi_list_first_item_after_punctuation_or_verb() -> None:
    assert names("目前,河州香梨、江口萝卜等地理标志产品畅销。") == ["河州香梨", "江口萝卜"]
    assert names("重点做强河州香梨等地理标志产品。") == ["河州香梨"]
    assert "支持" in P.GI_LEAD_VERBS
    assert names("在全县范围内推动河州香梨、江口萝卜等地理标志产品。") == ["河州香梨", "江口萝卜"]
    # No known verb marks where the first item starts: it is dropped, not guessed.
    assert names("全县的河州香梨、江口萝卜等地理标志产品。") == ["江口萝卜"]
    assert names("着力打好河州香梨、江口萝卜等地理标志产品。") == ["江口萝卜"]
    assert P.GI_BARE_FIRST_LENGTH == 5


def test_gi_list_keeps_categories_out() -> None:
    assert names("发展绿色食品、有机农产品等地理标志产品。") == []
    assert names("绿色食品、有机农产品和地理标志农产品认证数量达到50个。") == []
    assert names("推广茶、梨等地理标志产品。") == []
    assert P.GI_NAME_LENGTHS == (3, 8)
    assert re.fullmatch(P.GI_ITEM, "江口萝卜") and not re.fullmatch(P.GI_ITEM, "江口的萝卜")
    assert P.GI_LIST.search("支持江口萝卜、白沙绿茶等地理标志产品").group("items") == (
        "支持江口萝卜、白沙绿茶"
    )


# --- brands listed without quotes in a report of a brand list ---------------------


def test_items_entered_into_a_brand_list_are_brands():
    text = "某部发布首批消费名品名单。在日化行业中,甲乙、丙丁香皂、戊己等入选时代优品。"
    assert names(text) == ["甲乙", "丙丁香皂", "戊己"]


def test_items_a_count_of_brands_includes_are_brands():
    text = "此次还评出了12个区域品牌,包括某河香醋、某山龙井、某岭紫陶等。"
    assert names(text) == ["某河香醋", "某山龙井", "某岭紫陶"]


def test_a_list_far_from_any_brand_word_names_no_brand():
    assert names("在会上,甲乙、丙丁、戊己等入选先进集体。") == []


def test_lists_of_firms_places_or_categories_are_not_brand_lists():
    text = ("品牌建设成效明显。甲镇、乙镇、丙村等入选示范名单;包括绿色食品、有机食品等。"
            "甲乙、丙丁等公司入选成长名单。")
    assert names(text) == []


def test_a_list_opened_by_includes_needs_brands_named_in_its_own_sentence():
    text = "品牌建设成效明显。支持企业改造升级,包括设备更新、工艺改进、数字转型等。"
    assert names(text) == []


def test_persons_entered_into_a_title_are_not_brands():
    text = "品牌建设成效明显,涌现一批先进。张某某、李某某等入选全国劳动模范。"
    assert names(text) == []


def test_houses_a_count_of_firms_includes_are_not_brands():
    text = ("老字号申报工作完成。全省申报的老字号共有60家,最终30家入围,包括"
            "某某药业、某氏食品、某记香醋等。")
    assert names(text) == []


def test_the_same_list_counted_as_brands_is_brands():
    text = "老字号申报工作完成。全省30个老字号品牌入围,包括某某药业、某氏食品、某记香醋等。"
    assert names(text) == ["某某药业", "某氏食品", "某记香醋"]


def test_a_brand_list_whose_items_end_like_shops_is_left_alone():
    text = "品牌建设成效明显。甲乙酒家、丙丁茶庄、戊己漆器厂等入选老字号名录。"
    assert names(text) == []


def _brand_names(text: str) -> list[str]:
    from ingest.brands import find_brands
    return [h.name for h in find_brands(text)]


def test_a_list_stated_as_what_the_brands_are():
    assert _brand_names("入选的特色农产品区域公用品牌为甲盟羊肉、乙旗牛、丙县马铃薯。") == [
        "甲盟羊肉", "乙旗牛", "丙县马铃薯"]
    # a list of classes is no brand list
    assert _brand_names("重点培育的品牌为食品、纺织、机械。") == []


def test_a_list_after_its_sentences_count_of_brands():
    text = "3个“某字号”品牌涉及果品、蔬菜等种类,分别为:甲地柠檬、乙地猕猴桃、丙地黄羊。"
    assert _brand_names(text) == ["某字号", "甲地柠檬", "乙地猕猴桃", "丙地黄羊"]
    # a count that does not match the list reads nothing of it
    assert _brand_names("11个品牌涉及果品,分别为:甲地柠檬、乙地猕猴桃。") == []


def test_a_registered_mark_in_brackets_and_a_named_catalogue():
    assert _brand_names("1.某某酒业有限公司(注册商标:某篓酒)\n") == ["某篓酒"]
    assert _brand_names("内蒙古11个品牌入选中国农业品牌目录,江苏农产品品牌目录同时发布。") == [
        "中国农业品牌目录", "江苏农产品品牌目录"]
    assert _brand_names("建立品牌目录制度。") == []  # no place: no named catalogue


def test_a_closed_list_with_a_space_after_a_pause_and_a_long_class_word():
    text = "我省甲川苹果、乙县猕猴桃、 丙荔冬枣等3个农产品区域公用品牌入选。"
    assert _brand_names(text) == ["甲川苹果", "乙县猕猴桃", "丙荔冬枣"]
