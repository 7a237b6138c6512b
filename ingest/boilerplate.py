"""Site chrome around scraped documents: named patterns, and the spans of text they drop.

The patterns expect text as the normaliser has it by then: Simplified, half-width digits and
``|``, lines trimmed, single spaces. :func:`boilerplate_spans` only finds spans; the
normaliser deletes them and keeps its offset map.

Chrome is short, so line rules apply to lines of at most :data:`MAX_CHROME_LINE` characters
without a full stop (long lines are body text, even a whole article flattened into one line).
Disclaimer paragraphs are the exception: they are long prose, recognised by their vocabulary.
A byline (来源/编辑/点击数 …) is kept when it carries a date, which the metadata extractor needs.
"""

from __future__ import annotations

import re

MAX_CHROME_LINE = 80
#: Anti-copy junk a forum page scatters through its text: runs of short ASCII tokens with
#: punctuation, between spaces.  Example: ``0 J9 w/ z n* t`` in ``…老卤酱鸭店0 J9 w/ z n* t``;
#: not ``GB/T 29490-2013`` or ``PM2.5``.
JAMMER = re.compile(r"(?<![!-~])(?:[!-~]{1,3}[ \t]+){3,}[!-~]{1,3}(?![!-~])")
#: ASCII punctuation, of which a run of junk has at least two.
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def _jammer_spans(line: str) -> list[_Span]:
    return [m.span() for m in JAMMER.finditer(line)
            if sum(1 for token in m.group().split() if _PUNCTUATION.search(token)
                   or re.search(r"\d", token)) >= 3 and re.search(r"[A-Za-z]", m.group())]
# Lines after a "related news" heading are dropped while they are this short.
MAX_LIST_LINE = 60
MAX_DISCLAIMER_LINE = 600

# --- fragments removed from a line that is otherwise kept ----------------------------------

# "部门解读|《若干措施》 | |||||"  → the pipes after the title.
TRAILING_PIPES = re.compile(r"(?:\s*\|)+\s*$")
# "| 序号 | 任务" (a flattened table row) → the pipes before the first cell.
LEADING_PIPES = re.compile(r"^(?:\s*\|)+\s*")
# "【关闭窗口】", "【打印本页】", "【字体:大 中 小】"
PAGE_CONTROL = re.compile(
    r"【\s*(?:关闭窗口|关闭|打印本页|打印|返回顶部|收藏|字[体号][^】]{0,12}|[大中小])\s*】"
)
# "2021-11-24 点击数: 1024"  → the counter goes, the date stays.
CLICK_COUNTER = re.compile(
    r"(?:点击数|点击量|点击次数|浏览次数|浏览量|阅读次数|阅读量|访问量)\s*[:：]?\s*\d*"
)

# --- whole lines ---------------------------------------------------------------------------

# "http://8a9v.com/article-23781-1.html" as the first line (the dev documents' source URL).
LEADING_URL = re.compile(r"(?:https?://|www\.)\S+")
# "[…]" as the last line: the document was cut here.
CUT_MARKER = re.compile(r"\[(?:…|\.{3}|……)\]")
# "版权所有:济南广播电视台 All Rights Reserved", "Copyright © 2020"
COPYRIGHT = re.compile(r"版权所有|版权归.{0,20}所有|All Rights Reserved|Copyright|©", re.IGNORECASE)
# "鲁ICP备11020100号-1", "公安备案号 37010202001790", "鲁新网备案号:201653103",
# "互联网新闻信息服务许可证 37120180004", "广电总局批文 广局[2010]586号"
SITE_LICENSE = re.compile(
    r"ICP[备证]|公网安备|公安备案|网备案号|总局批文"
    r"|(?:新闻信息服务|信息网络传播|视听节目|增值电信业务经营|广播电视节目制作经营)许可证"
)
# "举报电话:0531-85652768", "国家违法和不良信息举报中心", "网上有害信息举报"
REPORTING = re.compile(r"举报电话|举报中心|举报邮箱|举报专区|违法和不良信息|有害信息举报|网络举报")
# "广告合作:0531-85653065", "济南网 用户反馈邮箱:ijntv_mail@163.com", "网站地图"
SITE_LINKS = re.compile(
    r"^(?:广告合作|广告服务|广电总机|联系我们|关于我们|网站简介)"
    r"|反馈邮箱|投稿邮箱|网站地图|设为首页|加入收藏"
)
# "您当前位置: 新闻中心>>市场监管>>地方动态>>", "首页 > 政务公开 > 政策文件"
NAVIGATION = re.compile(
    r"(?:您(?:当前|现在)?的?|当前|现在)(?:所在)?的?位置\s*[:：]|(?:[^<>\s]{1,16}\s*(?:>>?|»|\u203a)\s*){2,}"
)
# "上一篇:…", "分享到:", "扫一扫在手机打开当前页"
PAGE_LINKS = re.compile(r"上一篇|下一篇|分享到|扫一扫|打印本页|关闭窗口|返回顶部|返回首页|收藏本页")
# "文章内容来自网络,如有侵权,联系删除、联系电话:023-85238885"
SCRAPER_NOTE = re.compile(r"来自(?:互联网|网络)|如有侵权|侵权请?联系|联系删除|侵删")
# "(责任编辑:贤达)", "来源:新华社 作者:张三" (dropped only without a date)
BYLINE = re.compile(
    r"^[(（]?\s*(?:责任编辑|编辑|来源|信息来源|文章来源|稿件来源|作者|发布人|审核|校对)\s*[:：]|责任编辑"
)
# "2021-11-24", "2020-10-23 18:02:20", "10-23 17:16", "2021年9月2日", "10月23日"
DATE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|(?<!\d)\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
)
# "在线观看精品国产大片|免费一区二区视频|亚洲av在线观看": three or more "|"-separated
# fragments, no sentence punctuation, and at least two different words of this vocabulary.
SPAM_WORDS = re.compile(
    r"在线观看|免费|视频|精品|大片|国产|亚洲|欧美|日韩|激情|无码|高清|一区二区|午夜|影院|成人|"
    r"[a\u0430][v\u0432]|伦理|福利|性感|色情|偷拍|自拍",
    re.IGNORECASE,
)
SENTENCE_PUNCT = re.compile(r"[。;；!！?？,，]")
# "声明:", "免责声明" heading a block of disclaimer paragraphs.
DISCLAIMER_HEADING = re.compile(r"(?:免责|版权)?声明\s*[:：]?")
# "本网注明“来源:中国质量新闻网”的所有作品,版权均属于中国质量新闻网,未经本网授权不得转载…":
# the site speaks of itself and uses two or more words of rights and reprinting.
DISCLAIMER_SELF = re.compile(r"本网|本站|本平台|本公众号")
DISCLAIMER_RIGHTS = re.compile(r"转载|版权|授权|侵权|不代表|观点|摘编|作品")
DISCLAIMER_WORDS = re.compile(r"转载|版权|授权|观点|侵权|作品|本网|本站|仅供参考|联系删除")
# "相关新闻", "图片新闻", "最新新闻", "原创推荐", "最新评论": a heading of links to other pages.
RELATED_HEADING = re.compile(
    r"[•·\s]*(?:相关(?:新闻|阅读|链接|文章|稿件|报道|推荐)|图片新闻|最新(?:新闻|评论|文章|资讯)"
    r"|热[点门](?:新闻|推荐|文章|评论)|原创推荐|推荐阅读|精彩推荐|延伸阅读|猜你喜欢|网友评论"
    r"|往期回顾)\s*[:：]?"
)
# "一、", "(三)", "第二章", "3." : the start of a plan's own structure ends a link list.
STRUCTURE_START = re.compile(
    r"[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]"
    r"|第[一二三四五六七八九十百\d]+[章条节部]|\d+[.、](?!\d)"
)
_CHROME_LINE_RULES = (COPYRIGHT, SITE_LICENSE, REPORTING, SITE_LINKS, NAVIGATION, PAGE_LINKS)

_Span = tuple[int, int]


def boilerplate_spans(text: str) -> list[_Span]:
    """Sorted, non-overlapping spans of ``text`` that are site chrome.

    A dropped line's span includes its line break; a kept line may still lose fragments
    (trailing pipes, 【关闭窗口】, a click counter). "First" and "last" line mean the first and
    last line that is kept, so normalising twice drops nothing more.
    """
    spans: list[_Span] = []
    block: str | None = None  # "related" or "disclaimer" while inside such a block
    blanks: list[_Span] = []  # blank lines since the last dropped line of a block
    last_kept: tuple[int, int, str, list[_Span]] | None = None
    for start, end, stop in _line_spans(text):
        if end == start:
            if block:
                blanks.append((start, stop))
            continue
        line = text[start:end]
        fragments = _inline_fragments(line, start)
        rest = _without(line, start, fragments).strip()
        if (block == "related" and _is_list_item(rest)) or (
            block == "disclaimer" and _is_disclaimer_text(rest)
        ):
            drop = True
            spans.extend(blanks)  # blank lines between dropped lines of a block go too
        else:
            block = _block_heading(rest)
            drop = bool(block) or _is_chrome_line(rest, is_first=last_kept is None)
        blanks = []
        if drop:
            spans.append((start, stop))
        else:
            last_kept = (start, stop, rest, fragments)
            spans.extend(fragments)
    if last_kept and CUT_MARKER.fullmatch(last_kept[2]):
        start, stop, _, fragments = last_kept
        spans = [span for span in spans if span not in fragments] + [(start, stop)]
    return sorted(spans)


def _line_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, stop)`` of each line: ``end`` before its line break, ``stop`` after it."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end, min(end + 1, len(text))))
        start = end + 1
    return spans


def _inline_fragments(line: str, offset: int) -> list[_Span]:
    chrome = _merged([m.span() for p in (PAGE_CONTROL, CLICK_COUNTER) for m in p.finditer(line)]
                     + _jammer_spans(line))
    found = list(chrome)
    # Pipes at a line's ends count once the fragments beside them are gone: "标题 | 点击数:5".
    rest = _without(line, 0, chrome)
    if head := LEADING_PIPES.search(rest):
        found.append((0, _line_index(head.end(), chrome)))
    if tail := TRAILING_PIPES.search(rest):
        found.append((_line_index(tail.start(), chrome), len(line)))
    return [(start + offset, end + offset) for start, end in _merged(found)]


def _merged(spans: list[_Span]) -> list[_Span]:
    merged: list[_Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def _line_index(index: int, removed: list[_Span]) -> int:
    """Where the character at ``index`` of the line without ``removed`` (merged) is."""
    for start, end in removed:
        if start <= index:
            index += end - start
    return index


def _without(line: str, offset: int, fragments: list[_Span]) -> str:
    if not fragments:
        return line
    parts, position = [], offset
    for start, end in fragments:
        parts.append(line[position - offset : start - offset])
        position = end
    parts.append(line[position - offset :])
    return "".join(parts)


def _block_heading(line: str) -> str | None:
    if RELATED_HEADING.fullmatch(line):
        return "related"
    if DISCLAIMER_HEADING.fullmatch(line):
        return "disclaimer"
    return None


def _is_list_item(line: str) -> bool:
    return (
        len(line) <= MAX_LIST_LINE
        and "。" not in line
        and "；" not in line
        and not STRUCTURE_START.match(line)
    )


def _is_disclaimer_text(line: str) -> bool:
    return (
        len(line) <= MAX_DISCLAIMER_LINE
        and not STRUCTURE_START.match(line)
        and bool(DISCLAIMER_WORDS.search(line))
    )


def _is_chrome_line(line: str, is_first: bool) -> bool:
    if not line:  # nothing but chrome fragments, or pipes only
        return True
    if is_first and LEADING_URL.fullmatch(line):
        return True
    if is_disclaimer(line) or is_spam(line):
        return True
    if len(line) > MAX_CHROME_LINE or "。" in line:
        return False
    if any(rule.search(line) for rule in _CHROME_LINE_RULES) or SCRAPER_NOTE.search(line):
        return True
    return bool(BYLINE.search(line)) and not DATE.search(line)


def is_spam(line: str) -> bool:
    """True for an SEO spam line: ≥3 ``|``-separated fragments, no sentences, spam words."""
    return (
        line.count("|") >= 2
        and not SENTENCE_PUNCT.search(line)
        and len({w.lower() for w in SPAM_WORDS.findall(line)}) >= 2
    )


def is_disclaimer(line: str) -> bool:
    """True for a site's rights notice: it names itself (本网) and speaks of reprints, rights."""
    return (
        len(line) <= MAX_DISCLAIMER_LINE
        and bool(DISCLAIMER_SELF.search(line))
        and len(set(DISCLAIMER_RIGHTS.findall(line))) >= 2
    )
