"""Normalising scraped text: each step on short snippets, properties, and the sample corpus."""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import boilerplate
from ingest.normalize import (
    IDEOGRAPH,
    NormalizedText,
    is_toned_syllable,
    normalize,
    to_simplified,
)
from ingest.reader import read_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "normalize"
IDEOGRAPH_RE = re.compile(f"[{IDEOGRAPH}]")


def norm(text: str) -> str:
    return normalize(text).text


def assert_offsets_consistent(original: str, result: NormalizedText) -> None:
    assert len(result.offsets) == len(result.text)
    assert all(0 <= o < len(original) for o in result.offsets)
    assert all(a <= b for a, b in itertools.pairwise(result.offsets))


# --- HTML ----------------------------------------------------------------------------------


def test_tags_are_dropped_and_block_tags_break_lines() -> None:
    assert norm('<bdo id="glmru"></bdo>正文<dfn id="x"></dfn>') == "正文"
    assert norm("<p>第一段</p><div>第二段<br/>第三行</div>") == "第一段\n\n第二段\n第三行"
    assert norm("<li>一</li><li>二</li>") == "一\n\n二"
    assert norm("<H2 class='t'>标题</H2>正文") == "标题\n正文"


def test_table_cells_are_separated_by_pipes_like_flattened_tables() -> None:
    row = "<tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>打造品牌</td></tr>"
    assert norm(row) == "序号 | 任务\n\n1 | 打造品牌"
    assert norm("<tr><td>甲<td>乙</tr>") == "甲 | 乙"  # closing tags may be left out


def test_comments_scripts_and_styles_are_dropped_with_their_content() -> None:
    text = "甲<!-- 注释 <p> -->乙<script>if (a<b) x='<p>丙</p>';</script><style>p{}</style>丁"
    assert norm(text) == "甲乙丁"


def test_angle_brackets_that_are_not_tags_stay() -> None:
    assert norm("若 a<b and c>d 则") == "若 a<b and c>d 则"
    assert norm("比例<5%且>3%") == "比例<5%且>3%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲&amp;乙", "甲&乙"),
        ("&#x4e2d;&#20013;国", "中中国"),
        ("a&nbsp;&nbsp;b", "a b"),
        ("&lt;p&gt;", "<p>"),
        ("&unknown; &amp", "&unknown; &amp"),
    ],
)
def test_entities_are_decoded(text: str, expected: str) -> None:
    assert norm(text) == expected


def test_an_entity_maps_to_the_position_of_its_ampersand() -> None:
    result = normalize("甲&amp;乙&#x4e2d;")
    assert result.text == "甲&乙中"
    assert result.offsets == (0, 1, 6, 7)
    assert result.span_to_original(1, 2) == (1, 2)
    assert result.span_to_original(0, 4) == (0, 8)


# --- pinyin --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("質(zhì)量", "质量"),
        ("網（wǎng）站", "网站"),
        ("發(fa1)展", "发展"),
        ("綠(lv4)色", "绿色"),
        ("綠(lǜ)色", "绿色"),
        ("質(zh矛)量", "质量"),  # UTF-8 of ì read as GBK
        ("質(zhÃ¬)量", "质量"),  # UTF-8 of ì read as Latin-1
        ("產(chǎn)業(yè)", "产业"),
    ],
)
def test_pinyin_after_a_cjk_character_is_removed(text: str, expected: str) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "代工(OEM)模式",
        "计划(2020-2022年)",
        "标准(GB/T 1.1)",
        "(一)总体要求",
        "（二）重点任务",
        "他们(men)",  # no tone: could be English
        "第(a)项",
        "猫(茅)",  # a lone mojibake-looking character is a real character
        "A(zhì)",  # not after a CJK character
        "质(zhìliàng)",  # two syllables
        "质(xyz1)",  # not a syllable
    ],
)
def test_parenthesised_content_that_is_not_an_annotation_stays(text: str) -> None:
    assert norm(text) == text


@pytest.mark.parametrize("word", ["zhì", "zhi4", "lv4", "lǜ", "zhuǎn", "qū", "er2", "zh矛"])
def test_toned_syllables(word: str) -> None:
    assert is_toned_syllable(word)


@pytest.mark.parametrize("word", ["men", "OEM", "zhì4", "zhìà", "zhxì", "", "5", "ng2"])
def test_not_toned_syllables(word: str) -> None:
    assert not is_toned_syllable(word)


def test_removed_pinyin_leaves_no_offsets() -> None:
    result = normalize("質(zhì)量")
    assert result.text == "质量"
    assert result.offsets == (0, 6)


# --- Traditional to Simplified -------------------------------------------------------------


def test_traditional_becomes_simplified_character_for_character() -> None:
    result = normalize("濟南市質量強市")
    assert result.text == "济南市质量强市"
    assert result.offsets == tuple(range(7))


def test_taiwan_style_zhe_becomes_simplified_zhe_in_traditional_text() -> None:
    assert norm("著力打造,隨著發展;著名品牌,顯著提升") == "着力打造,随着发展;著名品牌,显著提升"


def test_simplified_text_keeps_its_zhu() -> None:
    assert norm("品牌影响力显著提升,成效卓著") == "品牌影响力显著提升,成效卓著"


def fake_converter(text: str) -> str:
    """A converter whose phrase table lengthens 发展 and shortens 一二三."""
    return text.replace("發展", "发展了").replace("一二三", "一三").replace("國", "国")


def test_a_length_changing_phrase_falls_back_to_single_characters() -> None:
    text = "國家發展\n一二三國\n國"
    converted = to_simplified(text, fake_converter)
    assert len(converted) == len(text)
    assert converted == "国家發展\n一二三国\n国"


def test_a_character_that_would_change_length_is_kept() -> None:
    def widening(text: str) -> str:
        return text.replace("國", "国国")

    assert to_simplified("國家", widening) == "國家"


def test_text_without_ideographs_is_not_converted() -> None:
    def failing(text: str) -> str:
        raise AssertionError(text)

    assert to_simplified("abc 123", failing) == "abc 123"


# --- widths and spaces ---------------------------------------------------------------------


def test_fullwidth_letters_digits_and_percent_become_ascii() -> None:
    assert norm("２０２５年达到９６％，ＡＢＣ级") == "2025年达到96%，ABC级"


def test_chinese_punctuation_is_kept() -> None:
    text = "一、总体要求：（一）“好品山东”《规划》〔2021〕25号；完成。"
    assert norm(text) == text


def test_spaces_are_unified_trimmed_and_collapsed() -> None:
    text = "\u3000\u3000正文\u00a0\u00a0ABC  尾部 \t \n下一行\t "
    assert norm(text) == "正文 ABC 尾部\n下一行"
    assert norm("指标 \t 目标值\t\t96%") == "指标\t目标值\t96%"


def test_line_breaks_and_invisible_characters() -> None:
    assert norm("甲\r\n乙\r丙\u2028丁\u200b戊\ufeff己\x00") == "甲\n乙\n丙\n丁戊己"


def test_runs_of_blank_lines_become_one_blank_line() -> None:
    assert norm("\n\n甲\n\n\n\n\n乙\n\n丙\n\n") == "甲\n\n乙\n\n丙"


def test_a_space_inside_a_short_cjk_heading_is_removed() -> None:
    assert norm("品牌建设目标 量化指标具体") == "品牌建设目标量化指标具体"
    assert norm("优化顶层设计 部门联动推进\n正文") == "优化顶层设计部门联动推进\n正文"


@pytest.mark.parametrize(
    "text",
    [
        "来源:某市市场监管局 发布时间:2020-10-23",
        "德州市人民政府办公室 2021年9月3日印发",
        "近日,省政府印发《若干措施》,现将主要内容解读如下。 一、起草背景 党的十八大以来,"
        "以习近平同志为核心的党中央高度重视品牌建设。",
    ],
)
def test_spaces_in_fields_and_long_prose_stay(text: str) -> None:
    assert norm(text) == text


# --- boilerplate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "版权所有:某市广播电视台 All Rights Reserved",
        "Copyright © 2020 某市人民政府",
        "鲁ICP备11020100号-1",
        "公安备案号 37010202001790",
        "京公网安备 11010502030143号",
        "互联网新闻信息服务许可证 37120180004",
        "举报电话:0531-85652768",
        "国家违法和不良信息举报中心",
        "广告合作:0531-85653065",
        "您当前位置: 新闻中心>>市场监管>>地方动态>>",
        "首页 > 政务公开 > 政策文件",
        "(责任编辑:贤达)",
        "来源:新华社 作者:张三",
        "【关闭窗口】 |",
        "||||||||||||",
        "上一篇:关于开展质量月活动的通知",
        "文章内容来自网络,如有侵权,联系删除、联系电话:023-85238885",
        "在线观看精品国产大片|免费一区二区视频|亚洲av在线观看|欧美在线激情",
    ],
)
def test_chrome_lines_are_dropped(line: str) -> None:
    assert norm(f"正文开始\n{line}\n正文结束") == "正文开始\n正文结束"


@pytest.mark.parametrize(
    "line",
    [
        "来源:济南网编辑:10-23 17:16",
        "2020-10-23 18:02:20 中国质量新闻网",
        "德州市人民政府 2021年9月2日",
        "(此件公开发布)",
        "抄送:市委有关部门,市人大常委会办公室。",
        "三、畅通投诉举报渠道,公布举报电话。",
        "品牌强市|质量强市|标准立市",
        "核发排污许可证1000张以上",
        "部门解读|《关于共建共享“好品山东”推动高质量发展若干措施》",
    ],
)
def test_content_lines_and_dated_bylines_stay(line: str) -> None:
    assert norm(f"正文开始\n{line}\n正文结束") == f"正文开始\n{line}\n正文结束"


def test_fragments_of_chrome_go_and_the_rest_of_the_line_stays() -> None:
    assert norm("2021-11-24 点击数: 1024 | |||||") == "2021-11-24"
    assert norm("标题 | 点击数:5") == "标题"
    assert norm("| 序号 | 任务 |") == "序号 | 任务"
    assert norm("标题 【打印本页】【关闭窗口】") == "标题"


def test_a_related_news_block_goes_up_to_the_next_real_paragraph() -> None:
    text = (
        "正文。\n图片新闻\n• 浅论如何推进平安市场创建 ...\n\n• 某县开展质量月活动 ...\n"
        "(二)加强品牌建设,提升质量。"
    )
    assert norm(text) == "正文。\n(二)加强品牌建设,提升质量。"


@pytest.mark.parametrize("heading", ["最新评论", "原创推荐", "相关新闻", "最新新闻", "推荐阅读"])
def test_related_headings(heading: str) -> None:
    assert norm(f"正文。\n{heading}\n客户端\n链接二") == "正文。"


def test_a_disclaimer_block_is_dropped() -> None:
    text = (
        "正文。\n声明:\n本网注明“来源:某网”的所有作品,版权均属于某网,未经本网授权不得转载、"
        "摘编或利用其他方式使用上述作品。\n本网注明“来源:XXX”的作品,均转载自其他媒体,"
        "转载目的在于传递更多信息,不代表本网观点。文章内容仅供参考。\n后文。"
    )
    assert norm(text) == "正文。\n后文。"


def test_a_leading_url_and_a_trailing_cut_marker_are_dropped() -> None:
    text = "http://8a9v.com/article-23781-1.html\n\n一、总体要求\n正文[…]\n[…]"
    assert norm(text) == "一、总体要求\n正文[…]"


def test_a_url_that_is_not_the_first_line_stays() -> None:
    assert norm("正文\nhttp://example.cn/a.html") == "正文\nhttp://example.cn/a.html"


def test_traditional_boilerplate_is_recognised_after_conversion() -> None:
    text = "正文\n版權(quán)所有:某網\n聲明:\n本網作品版權(quán)所有,未經(jīng)授權(quán)不得轉載"
    assert norm(text) == "正文"


def test_dropped_lines_leave_no_offsets() -> None:
    original = "甲\n版权所有:某网\n乙"
    result = normalize(original)
    assert result.text == "甲\n乙"
    assert [original[o] for o in result.offsets] == ["甲", "\n", "乙"]


def test_boilerplate_spans_are_sorted_and_disjoint() -> None:
    text = "标题 【关闭窗口】\n版权所有\n正文\n||||\n2021-11-24 点击数:5 |"
    spans = boilerplate.boilerplate_spans(text)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


# --- span_to_original ----------------------------------------------------------------------


def test_span_to_original_maps_through_removed_text() -> None:
    original = "<p>質(zhì)量</p>"
    result = normalize(original)
    assert result.text == "质量"
    start, end = result.span_to_original(0, 2)
    assert original[start:end] == "質(zhì)量"


def test_span_to_original_of_an_empty_span_and_bad_spans() -> None:
    result = normalize("甲乙")
    assert result.span_to_original(1, 1) == (1, 1)
    assert result.span_to_original(2, 2) == (2, 2)
    assert normalize("").span_to_original(0, 0) == (0, 0)
    with pytest.raises(ValueError):
        result.span_to_original(1, 0)
    with pytest.raises(ValueError):
        result.span_to_original(0, 3)


# --- properties ----------------------------------------------------------------------------

# Pieces that exercise every step, so generated texts hit the interesting paths.
PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<tr><td>",
        "</td>",
        "<br/>",
        '<bdo id="x"></bdo>',
        "<!-- c -->",
        "<script>x</script>",
        "&amp;",
        "&#x4e2d;",
        "&nbsp;",
        "&#0;",
        "&#xd800;",
        "質",
        "(zhì)",
        "（wǎng）",
        "(zh矛)",
        "(OEM)",
        "(一)",
        "發展",
        "著力",
        "\n",
        "\r\n",
        " ",
        "\t",
        "\u3000",
        "\uff12\uff10\uff12\uff15",
        "\uff05",
        "版权所有",
        "|",
        "||||",
        "声明:",
        "本网转载版权",
        "图片新闻",
        "http://x.cn/a",
        "[…]",
        "点击数:5",
        "【关闭窗口】",
        "来源:某网",
        "2021-11-24",
        "。",
        "品牌",
        "a<b",
        "\ud800",
        "\x85",
        "\u200b",
        "Ã¬",
        "A",
    ]
)
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join),
    st.text(st.characters(min_codepoint=0xD780, max_codepoint=0xE010)),
)


def derivable(original: str, produced: str) -> bool:
    """Whether a normalised character can come from its source character by the transforms."""
    if produced == original or original == "&":  # kept, or decoded from an entity
        return True
    if original == "<":  # a block tag's line break, a table cell's " | "
        return produced in "\n |"
    if produced in " \t\n":  # from a run of whitespace or a line-breaking control character
        return original.isspace() or original in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    if IDEOGRAPH_RE.fullmatch(produced):  # OpenCC maps ideographs to ideographs
        return bool(IDEOGRAPH_RE.fullmatch(original))
    if produced == "\ufffd":
        return unicodedata.category(original) == "Cs"
    return ord(original) - 0xFEE0 == ord(produced)  # a full-width form


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_normalize_never_fails_and_keeps_a_consistent_offset_map(text: str) -> None:
    result = normalize(text)
    assert_offsets_consistent(text, result)
    for i, char in enumerate(result.text):
        assert derivable(text[result.offsets[i]], char), (i, char, text[result.offsets[i]])


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_ideographs_and_digits_come_from_the_same_or_a_converted_character(text: str) -> None:
    result = normalize(text)
    for i, char in enumerate(result.text):
        if IDEOGRAPH_RE.fullmatch(char) or char in "0123456789":
            source = text[result.offsets[i]]
            assert (
                source in (char, "&")
                or to_simplified(source) == char
                or (IDEOGRAPH_RE.fullmatch(source) or unicodedata.normalize("NFKC", source) == char)
            )


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_normalize_is_deterministic_and_output_is_tidy(text: str) -> None:
    result = normalize(text)
    assert normalize(text) == result
    assert "\n\n\n" not in result.text
    assert result.text == result.text.strip(" \t\n")
    assert not re.search(r"[ \t]\n|\n[ \t]|  ", result.text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(TEXTS)
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    if "&" in text or "<" in text:
        return  # decoding HTML is rightly not idempotent: &amp;lt; is &lt; and then <
    once = norm(text)
    assert norm(once) == once


# --- whole documents -----------------------------------------------------------------------


def test_html_page_fixture() -> None:
    page = read_document(FIXTURES / "page.html").text
    expected = (FIXTURES / "page.expected.txt").read_text(encoding="utf-8").removesuffix("\n")
    result = normalize(page)
    assert result.text == expected
    assert_offsets_consistent(page, result)


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    return {path.name[:3]: read_document(path).text for path in sorted(CORPUS.glob("*.txt"))}


def test_the_noisy_traditional_scrape_matches_the_clean_report(corpus: dict[str, str]) -> None:
    clean, noisy = norm(corpus["002"]), norm(corpus["003"])
    for sentence in [
        "到2022年,培育山东省高端产品品牌300个",
        "确定了“东强、西兴、南美、北起、中优”城市发展新格局",
        "工业产品质量合格率达到96%以上,主要农产品和食品合格率分别稳定在97%和98%以上。",
        "对新获得市长质量奖的组织和个人分别给予50万元、5万元资金扶持",
        "着力打造具有国际竞争力的济南质量、济南品牌",
    ]:
        assert sentence in clean
        assert sentence in noisy
    assert "品牌建设目标量化指标具体" in noisy
    for noise in [
        "質",
        "(zhì)",
        "zh",
        "<bdo",
        "<dfn",
        "在线观看",
        "声明",
        "本网注明",
        "版权",
        "图片新闻",
        "最新评论",
        "责任编辑",
        "您当前位置",
    ]:
        assert noise not in noisy
    assert noisy.startswith("1. 中国质量新闻网\n")
    assert "2020-10-23 18:02:20 中国质量新闻网" in noisy


def test_the_clean_report_loses_its_footer_but_keeps_its_byline(corpus: dict[str, str]) -> None:
    text = norm(corpus["002"])
    assert "来源:济南网编辑:10-23 17:16" in text
    assert text.endswith("确保各项任务落地见效。")
    for noise in ["原创推荐", "客户端", "ICP", "举报", "All Rights Reserved", "许可证"]:
        assert noise not in text


def test_the_interpretation_keeps_its_date_and_loses_its_pipes(corpus: dict[str, str]) -> None:
    text = norm(corpus["000"])
    assert text.startswith("部门解读|《关于共建共享“好品山东”推动高质量发展若干措施》\n2021-11-24\n")
    assert not re.search(r"\|\s*$|\| \|", text, re.MULTILINE)
    assert "关闭窗口" not in text


def test_the_implementation_opinion_keeps_its_end_matter(corpus: dict[str, str]) -> None:
    text = norm(corpus["001"])
    assert text.endswith(
        "(此件公开发布)\n抄送:市委有关部门,市人大常委会办公室,市政协办公室,市监委,"
        "市法院,市检察院。\n各民主党派市委(总支),市工商联。\n"
        "德州市人民政府办公室 2021年9月3日印发"
    )
    assert "侵权" not in text


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_corpus_offsets_are_consistent_and_normalising_is_idempotent(
    corpus: dict[str, str], key: str
) -> None:
    result = normalize(corpus[key])
    assert_offsets_consistent(corpus[key], result)
    assert norm(result.text) == result.text


def test_anti_copy_junk_between_cells_is_removed() -> None:
    assert norm("8 福州市某某酱鸭店0 J9 w/ z n* t 老卤 9 福州某某酒家") == (
        "8 福州市某某酱鸭店 老卤 9 福州某某酒家")
    assert norm("通过GB/T 29490-2013认证") == "通过GB/T 29490-2013认证"


WORD_PAGE = ("<html><head><style>p{margin:0}</style><script>var a=1<2;</script></head><body>"
             "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
             "<p class=MsoNormal>一、总体要求<o:p></o:p></p>"
             "<p>到2025年&nbsp;新增&#20013;企业<b>60</b>家以上<![if !supportLists]>1.<![endif]></p>"
             "<table><tr><td>序号</td><td>任务</td></tr></table></body></html>")


def test_a_page_goes_through_the_html_parser_word_tags_included() -> None:
    result = normalize(WORD_PAGE)
    assert result.text == "一、总体要求\n\n到2025年 新增中企业60家以上1.\n\n序号 | 任务"
    assert "o:p" not in result.text and "mso" not in result.text and "var a" not in result.text


def test_parsed_page_keeps_offsets_into_the_original() -> None:
    result = normalize(WORD_PAGE)
    for word in ("总体要求", "新增", "60家以上", "序号"):
        at = result.text.index(word)
        start, end = result.span_to_original(at, at + len(word))
        assert WORD_PAGE[start:end].replace("<b>", "").replace("</b>", "") == word


def test_variant_characters_opencc_leaves_are_mapped() -> None:
    assert norm("陜西省质量奖") == "陕西省质量奖"
