"""Document metadata: title, kind, issuer, region and level, date, number, period,
the parent plans it implements.

A news report or an interpretation is about a plan: the plan it names with
``(以下简称《…》)`` is its subject.  For a news report that plan becomes the
document node; an interpretation keeps its own page title and *implements*
the plan it explains.  Where the text does not say, a field stays empty.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from collections import Counter

from ingest import agency_table as table
from ingest.news_leads import LIST_LEAD_SPAN, LIST_REPORTED, lead_publisher, without_dateline
from ingest.normalize import to_simplified
from ingest.regions import document_region, named_region, speaks_of
from ontology.model import DocumentKind, DocumentMeta, GovLevel

#: A quoted title.  Example: ``《济南市深入实施品牌战略三年行动计划(2020-2022年)》``.
QUOTED_TITLE = re.compile(r"《([^《》\n]{2,80})》")
#: The subject of a report: a title followed by ``以下简称``.  Example: ``《X》(以下简称《行动计划》)``.
SUBJECT_TITLE = re.compile(r"《([^《》\n]{2,80})》\s*[(（][^()（）\n]{0,30}?以下简称")
#: A parent cited as the basis.  Example: ``根据《省政府关于…的通知》(鲁政字〔2021〕25号)要求``.
BASIS = re.compile(
    r"(?:根据|贯彻|落实|按照|依据|贯彻落实)[^。《]{0,20}?《([^《》\n]{2,80})》"
    r"(?:[(（][^)）]{0,30}[)）])?(?:的)?(?:精神|要求|部署|规定|决策部署|有关要求)?"
)
#: A cited notice that issues or forwards a plan, whose title it wraps.  Examples:
#: ``关于印发〈广东省打赢蓝天保卫战实施方案〉的通知``, ``省政府关于印发某某规划的通知``.
ISSUED_PARENT = re.compile(
    r"^[^〈<]*?关于(?:印发|转发|下发|颁布)[〈<《]?(?P<title>[^〈〉<>《》]{2,80}?)[〉>》]?的通知$")
#: How a plan's own title ends: the kind of document it is.  Example: ``若干措施``.
PLAN_KIND_END = re.compile(r"(?:措施|办法|方案|意见|规划|计划|细则|规定|条例|纲要|要点|决定)$")
#: Further parents cited after the first one of a basis.  Example: ``和《B》`` in
#: ``根据《A》(国发〔2012〕39号)和《B》精神``.
MORE_BASIS = re.compile(r"\s*[、,，和及与]\s*《([^《》\n]{2,80})》(?:[(（][^)）]{0,30}[)）])?")
#: A cited title's document number in brackets.  Example: ``(国发〔2012〕39号)``.
_NUMBER_AFTER = re.compile(r"(?:[(（][^)）]{0,30}[)）])?")
#: A government work report a breakdown of tasks cites.  Example: ``为确保全面实现2022年
#: 《政府工作报告》提出的…目标``.
WORK_REPORT_CITED = re.compile(r"《([^《》\n]{0,30}?工作报告)》中?(?:提出|确定|部署|明确)的")
#: The short name a text gives a plan.  Example: ``《方案》`` in ``(以下简称《方案》)``.
SHORT_NAME = re.compile(r"以下简称[“《]([^”》\n]{1,12})[”》]")
#: A parent named without 《》.  Example: ``根据国家发展改革委“十四五”现代流通体系建设规划``.
BASIS_UNQUOTED = re.compile(
    r"根据(?:国家|省|市)?[\u4e00-\u9fff]{0,8}?(?:委|部|局|厅|国务院|政府)"
    r"(“[^”]{1,10}”[\u4e00-\u9fff]{2,30}?(?:规划|纲要|方案|意见|计划))"
)
#: A document number.  Example: ``鲁政字〔2021〕25号``.
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔(\d{4})〕\d{1,4}号")
#: A plan period in a title.  Example: ``(2020-2022年)``.
PERIOD = re.compile(r"(20\d{2})\s*[-—–~至到]\s*(20\d{2})\s*年?")
#: A plan for one year: a title naming one year (not a horizon ``到2025年``) that ends in
#: a kind of plan, list or report.  Examples: ``包头市2024年优化营商环境工作方案``,
#: ``包河区2024年食品安全重点工作安排``, ``关于做好2022年全面推进乡村振兴重点工作的实施意见``,
#: ``2022年《政府工作报告》主要目标任务责任分解表`` → 2024-2024 / 2022-2022.
ONE_YEAR_PLAN = re.compile(
    r"(?<![到至\d])(20\d{2})年(?:度)?(?![底末前\d])[^。\n]{2,40}?"
    r"(?:方案|要点|安排|计划|任务|分解表?|意见|措施|清单|报告|台账)")
#: A policy's yearly edition, under or in its title: a plan for that year.  Example:
#: ``(2025年版)`` in ``温州市推动经济高质量发展若干政策(2025年版)``.
EDITION_YEAR = re.compile(r"[(（](20\d{2})年版[)）]")
#: The five-year-plan period named in a title.  Example: ``“十四五”``.
FIVE_YEAR = re.compile(r"“?十([一二三四五六七八九])五”?")
#: A signature: an issuing body alone on a line, then a date line.
#: Example: ``德州市人民政府\n2021年9月2日``.
SIGNATURE = re.compile(
    r"^\s*([\u4e00-\u9fff()（）]{2,30}(?:人民政府|委员会|办公室|办公厅|局|厅|委))\s*\n\s*"
    r"(20\d{2})年(\d{1,2})月(\d{1,2})日(?:印发)?\s*$", re.M)
#: A gazette line under a title: date and number in brackets.
#: Example: ``(2023年8月10日 陕政办发〔2023〕15号)``.
GAZETTE_DATE = re.compile(r"^\s*[(（](20\d{2})年(\d{1,2})月(\d{1,2})日", re.M)
#: The section and site names an HTML title appends.  Example: ``…政策解读_政策解读_海南省农业农村厅``.
SITE_SUFFIX = re.compile(r"(?:\s*[_｜|-]\s*[^_｜|《》]{2,20}){1,3}$")
#: A page's publisher field.  Example: ``发布机构:海南省农业农村厅``.
PUBLISHER_FIELD = re.compile(
    r"(?:发布机构|发文机关|发文单位|发布单位)\s*[:：]\s*([\u4e00-\u9fff()（）]{4,30}?"
    r"(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|局|厅|委)[)）]?)(?![\u4e00-\u9fff])")
#: A government body named by its level alone.  Example: ``区人民政府办公室``.
BARE_LEVEL_GOVERNMENT = re.compile(r"^(?P<level>省|市|县|区|州)(?P<rest>(?:人民)?政府.{0,6})$")
#: A page date near the top.  Example: ``2021-11-24 点击数:``.
PAGE_DATE = re.compile(r"(20\d{2})-(\d{1,2})-(\d{1,2})")
#: The clock time after a page's date: the page's posting time.  Example: `` 10:12`` in
#: ``发布时间:2017-11-24 10:12:15``.
POSTING_TIME = re.compile(r"\s*\d{1,2}:\d{2}")
#: A dateline near the top of a page, as a newspaper prints it.  Example:
#: ``工人日报 2025年05月16日 星期一``.
DATELINE = re.compile(r"(20\d{2})年(\d{1,2})月(\d{1,2})日")
#: How far into a page its dateline may stand.
_DATELINE_SPAN = 300
#: A title line: short, no full stop, ending in a document type (maybe a period after it;
#: a series marker, ``…分工方案(一)``, is no part of the title), not a numbered item (an attachment list's
#: ``2. 某某分解表`` names another document).
#: Example: ``四川省“十四五”现代流通体系建设实施方案``.
TITLE_LINE = re.compile(
    r"^\s*(?!\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,3}、)《?([^。,，:：\n]{4,60}?(?:方案|意见|计划|措施|办法|细则|通知|规划|纲要|决定|规定|安排|要点"
    r"|分解表?|任务分工|名单)"
    r"(?:[(（]\d{4}\s*[-—–~至]\s*\d{4}年?[)）])?)(?:[(（][一二三四五六七八九十]{1,2}[)）])?》?\s*$",
    re.M)
#: A notice that issues a plan.  Example: ``XX县人民政府办公室关于印发《X方案》的通知``.
ISSUING_NOTICE = re.compile(
    r"^(?P<issuer>[\u4e00-\u9fff()（）、]{2,40}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|"
    r"委员会|局|厅|委))?\s*关于(?:印发|转发)《?(?P<title>[^《》]{4,80}?)》?的通知$")
#: Title marks nested inside 《》, which stand for 《》 once the outer pair is gone.
#: Example: ``〈政府工作报告〉`` in ``关于印发《2023年省〈政府工作报告〉任务分解…》的通知``.
NESTED_QUOTES = str.maketrans("〈〉", "《》")
#: The author at the head of a forwarded document's title.  Example: ``淄博市精神文明建设委员会``
#: in ``淄博市精神文明建设委员会贯彻落实…的目标任务分工``.
FORWARDED_AUTHOR = re.compile(
    r"^(?P<author>[\u4e00-\u9fff]{2,24}?(?:委员会|领导小组|办公室|办公厅|局|厅))(?=贯彻|关于|印发|落实|的)")
#: A reported plan named in a news lead, right after the verb that issued it.  Examples:
#: ``发布《2023年区政府工作报告重点工作目标任务分解》``, ``根据日前出台的《福州市…若干意见》``.
REPORTED_PLAN = re.compile(
    r"(?:印发|发布|出台|公布|审议通过|正式实施|颁布)(?:了|的)?(?:新政策)?《(?P<title>[^《》\n]{4,80})》")
#: The sentence of a notice that issues titles, on a page that prints no notice title above
#: it: the first title it issues is the document's.  Examples: ``现将《X方案》印发给你们``,
#: ``《X方案》已经市政府同意,现印发给你们``, ``《A》《B》已经…研究通过,现印发给你们`` (→ A).
ISSUING_SENTENCE = re.compile(
    r"^(?:现将)?《(?P<title>[^《》\n]{4,80})》(?:《[^《》\n]{4,80}》)*(?:已经|已|经|印发给|现)")
#: The title of an attachment printed after its label.  Example: ``附件1\n2022年…分解表``.
ATTACHMENT_TITLE = re.compile(
    r"^附件\s*\d*\s*\n\s*(?P<title>[^。\n,，]{4,60}?(?:表|方案|计划|清单|名单|任务|分解|安排|要点))\s*$",
    re.M)
#: Self-references that tell the kind.  Examples: ``制定本实施意见``, ``特制定如下政策措施``.
SELF_KIND = re.compile(r"(?:制定|提出|印发|现将)(?:本|如下|以下)?(?:政策|若干|具体)?"
                       r"(实施意见|实施细则|实施方案|行动计划|意见|措施|方案|细则|办法|通知)")
#: News markers.  Example: ``新闻发布会``, ``来源:济南网``, ``中国质量新闻网讯``.
NEWS = re.compile(r"新闻发布会|记者|来源[:：]|网讯|发布会上|[(（]责任编辑|通讯员")
#: A reporter's lead: the news item reports what it was told.  Examples: ``记者昨天从市质监局
#: 获悉``, ``记者日前从省商务厅了解到``.
NEWS_BY_REPORTER = re.compile(r"记者[^。\n]{0,16}?(?:获悉|了解到|得知)")
#: How far into a text a reporter's lead stands.
_NEWS_LEAD_SPAN = 300
#: Interpretation markers.  Example: ``部门解读``, ``政策解读``.
INTERPRETATION = re.compile(r"解读")
#: Where the plan says whose reality it fits.  Example: ``结合杭州实际``.
LOCAL_REALITY = re.compile(r"结合([\u4e00-\u9fff]{2,4}?)(?:市|省)?实际")
#: ``市政府印发了《…》``: the government that issued a reported plan.
GOV_ISSUED = re.compile(r"(省|市|县|区)(?:人民)?政府(办公室|办公厅)?(?:正式)?印发")
#: A city named as a place.  Example: ``苏州市`` in ``,苏州市政府新闻办``.
CITY_MENTION = re.compile(r"(?:^|(?<=[\s,，。、;；:：“”《(（省]))([\u4e00-\u9fff]{2,3}?)市(?!场|级|民|区县)")
#: How often a city must be named for it to be taken as the document's region.
MIN_CITY_MENTIONS = 3
#: ``A起草了《…》``: the drafter of an interpreted plan.
DRAFTED = re.compile(r"(省|市)([\u4e00-\u9fff]{2,10}?(?:局|委|厅))[^。]{0,30}?起草")

_KIND_BY_SUFFIX: tuple[tuple[str, DocumentKind], ...] = (
    ("行动计划", DocumentKind.ACTION_PLAN), ("行动方案", DocumentKind.ACTION_PLAN),
    ("实施方案", DocumentKind.ACTION_PLAN), ("方案", DocumentKind.ACTION_PLAN),
    ("计划", DocumentKind.ACTION_PLAN), ("规划", DocumentKind.ACTION_PLAN),
    ("工作安排", DocumentKind.ACTION_PLAN), ("工作要点", DocumentKind.ACTION_PLAN),
    ("实施意见", DocumentKind.IMPLEMENTATION_OPINION), ("意见", DocumentKind.IMPLEMENTATION_OPINION),
    ("实施细则", DocumentKind.MEASURES), ("细则", DocumentKind.MEASURES),
    ("措施", DocumentKind.MEASURES), ("办法", DocumentKind.MEASURES),
    ("政策", DocumentKind.MEASURES), ("规定", DocumentKind.MEASURES),
    ("通知", DocumentKind.NOTICE), ("决定", DocumentKind.NOTICE),
    # a breakdown of a year's tasks among units is a plan of work (…目标任务责任分解表)
    ("分解表", DocumentKind.ACTION_PLAN), ("分解", DocumentKind.ACTION_PLAN),
    ("分工", DocumentKind.ACTION_PLAN), ("目标任务", DocumentKind.ACTION_PLAN),
    # a published list (…企业名单, …品牌目录, …拟推荐名单的公示) is a notice
    ("名单", DocumentKind.NOTICE), ("名录", DocumentKind.NOTICE), ("目录", DocumentKind.NOTICE),
    ("公示", DocumentKind.NOTICE),
)
#: A notice whose body is the measure it names, not one that issues it (``印发``).  Example:
#: ``关于积极应对疫情影响促进消费回补和潜力释放若干措施的通知`` (the measures).
NOTICE_OF_MEASURE = re.compile(r"^(?!.*(?:印发|转发)).*关于(?P<inner>.+)的通知$")
#: A notice's title that names its author before 关于.  Example: ``吉林省人民政府办公厅`` in
#: ``吉林省人民政府办公厅关于积极应对疫情影响…若干措施的通知``.
TITLE_AUTHOR = re.compile(
    r"^(?P<issuer>[\u4e00-\u9fff]{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|厅|局|委员会))关于.+的通知$")
#: The government that decides an award, by its level.  Example: ``市政府决定授予``.
DECIDING_GOVERNMENT = re.compile(r"(?P<level>省|市|县|区)(?:人民)?政府决定(?:授予|对)")
#: Articles (``第一条``, ``第十二条``): rules, which a text without a title states as measures.
ARTICLE = re.compile(r"(?:^|\n)\s*第[一二三四五六七八九十百]{1,4}条")
#: A government's decision to confer an award: the text is that decision (a notice).
#: Example: ``市政府决定授予A公司…“市长质量奖”``.
AWARD_DECISION = re.compile(r"决定(?:授予|对[^。]{2,60}?予以表彰)")


def kind_of_title(title: str) -> DocumentKind | None:
    """The kind a title's last word names: ``…三年行动计划(2020-2022年)`` → action plan."""
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", title.strip())
    return next((kind for suffix, kind in _KIND_BY_SUFFIX if bare.endswith(suffix)), None)


def parent_title(title: str) -> str:
    """The plan a cited notice wraps, else the notice itself: ``X关于印发〈Y〉的通知`` → ``Y``;
    ``省政府关于X若干措施的通知`` (a plan's own title inside) → ``关于X若干措施``;
    ``省农业农村厅关于组织申报…的通知`` (a notice of its own) stays whole."""
    issued = ISSUED_PARENT.match(title)
    if issued:
        return issued.group("title")
    match = re.match(r"^.*?(关于.+)的通知$", title)
    if match and PLAN_KIND_END.search(match.group(1)):
        return match.group(1)
    return title


#: A page address on the first line of a stored page.  Example: ``https://a.cn/wiki/%E5%92%B8…``.
PAGE_URL = re.compile(r"^\s*(https?://\S+)\s*$")
#: A run of Chinese words (digits and title marks inside) in a decoded page address.
URL_WORDS = re.compile(r"[\u4e00-\u9fff“”《》、][\u4e00-\u9fff\d“”《》、()（）—-]{5,}")


def page_words(raw_text: str) -> str | None:
    """The Chinese words of the page address a stored page opens with (its slug, often the
    document's title), in Simplified characters; None when there is none."""
    first = raw_text.lstrip().split("\n", 1)[0]
    url = PAGE_URL.match(first)
    if not url:
        return None
    words = URL_WORDS.findall(urllib.parse.unquote(url.group(1), errors="replace"))
    return to_simplified(max(words, key=len)) if words else None


def extract_metadata(text: str, url_words: str | None = None) -> DocumentMeta:
    """Metadata of the plan ``text`` describes.  ``url_words`` (:func:`page_words`) stand
    in for a title the text does not print, for its region and kind only."""
    head = text[:1500]
    first_lines = [line.strip() for line in text.split("\n") if line.strip()][:3]
    is_interpretation = any(INTERPRETATION.search(line) for line in first_lines[:2])
    subject = SUBJECT_TITLE.search(text)
    is_news = not is_interpretation and bool(NEWS.search(head)) and subject is not None
    title = _title(first_lines, text, subject.group(1) if subject else None,
                   is_news, is_interpretation)
    notice_issuer = None
    if title and (notice := ISSUING_NOTICE.match(title)):
        # the outer 《》 of the issued title go; the 〈〉 nested inside them become 《》
        title = notice.group("title").translate(NESTED_QUOTES)
        notice_issuer = notice.group("issuer")
        author = FORWARDED_AUTHOR.match(title) if "转发" in notice.group(0) else None
        if author:
            # a forwarded document's issuer is its author (the forwarding offices pass it on)
            notice_issuer = author.group("author")
    kind = _kind(text, title, is_news, is_interpretation)
    issuer, sig_date = _signature(text)
    issuer = issuer or notice_issuer or _publisher(text, title)
    region, level = _region(without_dateline(text), title, issuer)
    if region is None and url_words and (from_url := named_region([url_words])):
        region, level = from_url.name, from_url.level
    if kind is None and url_words:
        kind = kind_of_title(url_words)
    lead = (LIST_REPORTED.search(text[:LIST_LEAD_SPAN]) if kind is DocumentKind.NOTICE
            and (title is None or title.endswith(("名单", "名录", "目录"))) else None)
    if lead is None and is_news is False and title and (reported := REPORTED_PLAN.search(text[:1500])) \
            and reported.group("title") == title:
        lead = reported
    if issuer is None and lead is not None \
            and (published := lead_publisher(text, lead.end(), region, level)):
        issuer, region, level = published
    if issuer is None and title and (author := TITLE_AUTHOR.match(title)):
        issuer = author.group("issuer")
    if issuer is None and region and (decided := DECIDING_GOVERNMENT.search(text[:2000])) \
            and (level is GovLevel.PROVINCE) == (decided.group("level") == "省"):
        issuer = region + "人民政府"
    if issuer is None:
        issuer = _issuer_from_prose(text, region, level, is_news, is_interpretation)
    implements = _implements(text, subject.group(1) if subject and is_interpretation else None,
                             title)
    gazette = GAZETTE_DATE.search(head)
    gazette_date = _iso(*gazette.groups()) if gazette else None
    date = None if is_news else (
        sig_date or gazette_date or _page_date(head, posted=is_interpretation))
    period = _period(title) if title else None
    if period is None and (edition := EDITION_YEAR.search(text[:800])):
        period = (int(edition.group(1)), int(edition.group(1)))
    issuer = _placed_issuer(issuer, region)
    return DocumentMeta(title=title, kind=kind, issuer=issuer, region=region, level=level,
                        date=date, doc_number=_doc_number(text), period=period,
                        implements=tuple(implements))


def _title(lines: list[str], text: str, subject: str | None, is_news: bool,
           is_interpretation: bool) -> str | None:
    if is_news and subject:
        return subject
    joined = _joined_title([line.strip() for line in text.split("\n") if line.strip()][:6])
    if joined:
        return joined
    for line in lines[:3]:
        if issued := ISSUING_SENTENCE.match(line):
            return issued.group("title").strip()
    for line in lines[:2]:
        line = SITE_SUFFIX.sub("", line)
        quoted = QUOTED_TITLE.search(line)
        if quoted and (line.startswith("《") or is_interpretation):
            cleaned = re.sub(r"[《》]", "", line)
            return re.sub(r"\s*[|｜]\s*$", "", cleaned).strip()
    match = TITLE_LINE.search(text[:800])
    if match and not re.search(r"[。;；]", match.group(1)) and not match.group(0).strip().startswith("各"):
        return match.group(1).strip()
    reported = REPORTED_PLAN.search(text[:1500])
    if reported and NEWS_LEAD.search(text[:max(0, reported.start())]):
        return reported.group("title")
    attachment = ATTACHMENT_TITLE.search(text)
    return attachment.group("title").strip() if attachment else None


#: Words that open a news lead.  Examples: ``近日,``, ``日前``, ``记者获悉``, ``最新消息:今天,``.
NEWS_LEAD = re.compile(r"近日|日前|今天|今日|昨天|昨日|记者|获悉|据了解|根据|消息")


#: How many lines a notice title broken at the top of a page may run over.
_TITLE_LINES_MAX = 4


def _joined_title(lines: list[str]) -> str | None:
    """A notice title broken over two to four lines near the top (``…行动方案和云浮`` /
    ``市推动…的通知``; ``…关于印发《2023年`` / ``省〈政府工作报告〉任务分解`` /
    ``和责任分工方案》的通知``): the lines read as one notice title."""
    for first in range(min(3, len(lines))):
        for last in range(first + 1, min(first + _TITLE_LINES_MAX, len(lines))):
            part = lines[first:last + 1]
            joined = "".join(part)
            if re.search(r"[。,，;；:：]", joined) or len(part[0]) < 8 \
                    or any(len(line) > 40 for line in part):
                break
            if ISSUING_NOTICE.match(joined) and not ISSUING_NOTICE.match(part[-1]):
                return joined
    return None


def _kind(text: str, title: str | None, is_news: bool, is_interpretation: bool) -> DocumentKind | None:
    if is_interpretation:
        return DocumentKind.INTERPRETATION
    if title and (notice := NOTICE_OF_MEASURE.match(title)) \
            and (inner := kind_of_title(notice.group("inner"))) not in (None, DocumentKind.NOTICE):
        return inner
    if title and (kind := kind_of_title(title)):
        return kind
    match = SELF_KIND.search(text[:2000])
    if match:
        return kind_of_title(match.group(1))
    if title is None and (AWARD_DECISION.search(text[:2000])
                          or LIST_REPORTED.search(text[:LIST_LEAD_SPAN])):
        return DocumentKind.NOTICE
    if title is None and len(ARTICLE.findall(text[:3000])) >= 2:
        return DocumentKind.MEASURES
    if is_news or (title is None and NEWS_BY_REPORTER.search(text[:_NEWS_LEAD_SPAN])):
        return DocumentKind.NEWS_REPORT
    return None


def _signature(text: str) -> tuple[str | None, str | None]:
    match = SIGNATURE.search(text)
    if not match:
        return None, None
    return match.group(1), _iso(match.group(2), match.group(3), match.group(4))


def _iso(year: str, month: str, day: str) -> str | None:
    """An ISO date, or None for a day the calendar does not have (2月31日)."""
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def written_year(text: str, meta: DocumentMeta) -> int | None:
    """The year ``text`` was written in, which its ``今年`` names: the year of a one-year
    plan, else of its date, else of the page's date or dateline (a news report's, which
    is not the plan's date)."""
    if meta.period and meta.period[0] == meta.period[1]:
        return meta.period[0]
    if meta.date:
        return int(meta.date[:4])
    head = text[:_DATELINE_SPAN]
    found = [m for pat in (PAGE_DATE, DATELINE) if (m := pat.search(head))
             and _iso(*m.groups())]
    return int(min(found, key=lambda m: m.start()).group(1)) if found else None


def _placed_issuer(issuer: str | None, region: str | None) -> str | None:
    """An issuer written by its level alone (``区人民政府办公室`` in a page's fields) named in
    full by the document's region of that level (``下陆区人民政府办公室``)."""
    bare = BARE_LEVEL_GOVERNMENT.match(issuer) if issuer else None
    if bare is None or not region or not region.endswith(bare.group("level")):
        return issuer
    return region + bare.group("rest")


def _publisher(text: str, title: str | None) -> str | None:
    """The page's publisher field.  ``泾县人民政府(办公室)`` names the office of the
    government, or the government itself where the title says it wrote the notice
    (``泾县人民政府关于…的通知``)."""
    publisher = PUBLISHER_FIELD.search(text[:3000])
    if publisher is None:
        return None
    name = publisher.group(1)
    office = re.fullmatch(r"(?P<body>.+?)[(（](?P<office>办公室|办公厅)[)）]?", name)
    if office is None:
        return name if _balanced(name) else None
    author = TITLE_AUTHOR.match(title) if title else None
    if author and author.group("issuer") == office.group("body"):
        return office.group("body")
    return office.group("body") + office.group("office")


def _balanced(name: str) -> bool:
    return name.count("(") + name.count("（") == name.count(")") + name.count("）")


def _page_date(head: str, *, posted: bool = False) -> str | None:
    """A date near the top of a page, unless a clock time follows it: that is when the page
    was posted (``发布时间:2017-11-24 10:12:15``), not when a document it reposts was
    issued — except where the page is the document (``posted``: an agency's interpretation
    on its own site is issued when posted)."""
    match = PAGE_DATE.search(head[:300])
    if match is None or (not posted and POSTING_TIME.match(head, match.end())):
        return None
    return _iso(*match.groups())


def _region(text: str, title: str | None, issuer: str | None) -> tuple[str | None, GovLevel | None]:
    """The region the document governs: the most specific division its title or issuer
    names, else the best-supported division of the text at the level it speaks of."""
    lines = [x for x in (issuer, title) if x]
    # the opening lines, but not an addressee line (各县(市、区)人民政府,…:)
    first = [line for line in text.split("\n")[:3]
             if line.strip() and not line.rstrip().endswith((":", "："))]
    named = named_region(lines) or named_region([*lines, *first])
    if named is not None:
        return named.name, named.level
    guess = document_region(text, [*lines, *first])
    if guess is not None:
        return guess.name, guess.level
    return None, speaks_of(text)


def _region_old(text: str, title: str | None, issuer: str | None,
                ) -> tuple[str | None, GovLevel | None]:
    for name in (issuer, title):
        if name and (found := _place_of(name)):
            return found
    local = LOCAL_REALITY.search(text[:3000])
    level = _level_from_pronouns(text)
    if local and local.group(1) not in ("省情", "市情", "县情", "区情", "本地", "当地", "我省", "我市",
                                        "我县", "我区", "我州", "本市", "本县", "本省"):
        place = local.group(1)
        if place in table.PROVINCES:
            return table.province_full_name(place), GovLevel.PROVINCE
        return place + ("市" if level != GovLevel.COUNTY else "县"), level or GovLevel.CITY
    if level == GovLevel.PROVINCE:
        counts = Counter({pv: text.count(pv) for pv in table.PROVINCES})
        best, n = counts.most_common(1)[0]
        if n:
            return table.province_full_name(best), GovLevel.PROVINCE
    if level in (GovLevel.CITY, None):
        cities = Counter(m.group(1) for m in CITY_MENTION.finditer(text)
                         if m.group(1)[0] not in "全我本各该城省市")
        if cities and (top := cities.most_common(1)[0])[1] >= MIN_CITY_MENTIONS:
            return top[0] + "市", GovLevel.CITY
    return None, level


def _place_of(name: str) -> tuple[str, GovLevel] | None:
    for province in table.PROVINCES:
        full = table.province_full_name(province)
        rest = name[len(full):] if name.startswith(full) else (
            name[len(province):] if name.startswith(province) else None)
        if rest is None:
            continue
        city = re.match(r"([\u4e00-\u9fff]{2,4}?市)", rest)
        if city and not rest.startswith(("市场", "市级")):
            return city.group(1), GovLevel.CITY
        district = re.match(r"([\u4e00-\u9fff]{2,4}?(?:区|县))(?!域|级)", rest)
        if district and full in table.PROVINCE_FULL_NAMES.values() and full.endswith("市"):
            return district.group(1), GovLevel.COUNTY  # a district of 北京/上海/天津/重庆
        return full, GovLevel.PROVINCE
    city = re.match(r"^([\u4e00-\u9fff]{2,5}?市)(?!场|级)", name)
    if city:
        county = re.match(r"([\u4e00-\u9fff]{1,4}?(?:县|区))(?!域|级)", name[city.end():])
        if county:
            # The county's own name, as the gold writes a county's region (顺德区).
            return county.group(1), GovLevel.COUNTY
        return city.group(1), GovLevel.CITY
    county = re.match(
        r"^([\u4e00-\u9fffA-Z]{2,4}?(?:[\u4e00-\u9fff]{1,3}族)?(?:自治县|县|区|旗))(?!域|级)", name)
    if county:
        return county.group(1), GovLevel.COUNTY
    return None


def _level_from_pronouns(text: str) -> GovLevel | None:
    counts = {
        GovLevel.PROVINCE: len(re.findall(r"我省|全省|省情", text)),
        GovLevel.CITY: len(re.findall(r"我市|全市", text)),
        GovLevel.COUNTY: len(re.findall(r"我县|全县|我区|全区", text)),
    }
    level, n = max(counts.items(), key=lambda kv: kv[1])
    return level if n else None


def _issuer_from_prose(text: str, region: str | None, level: GovLevel | None,
                       is_news: bool, is_interpretation: bool) -> str | None:
    if is_news and (gov := GOV_ISSUED.search(text)) and region:
        return region + "人民政府" + (gov.group(2) or "")
    if is_interpretation and (drafted := DRAFTED.search(text)) and region:
        return region + _long_form(drafted.group(2))
    return None


def _long_form(short: str) -> str:
    """The long name of a department, of the same kind of body: ``市场监管局`` →
    ``市场监督管理局``; ``农业农村局`` stays (its 委员会 form is another body)."""
    for group in table.AGENCY_GROUPS:
        if short in group.variants:
            same_kind = [v for v in group.variants if v[-1] == short[-1]]
            return max(same_kind, key=len)
    return short


def _implements(text: str, interpreted: str | None, title: str | None = None) -> list[str]:
    found: list[str] = [parent_title(interpreted)] if interpreted else []
    opening = text[:1500]
    short_names = set(SHORT_NAME.findall(text))
    for match in BASIS.finditer(opening):
        titles = [match.group(1)]
        number = _NUMBER_AFTER.match(opening, match.end(1) + 1)
        end = number.end() if number else match.end(1) + 1
        while (more := MORE_BASIS.match(opening, end)) is not None:
            titles.append(more.group(1))
            end = more.end()
        found.extend(parent_title(t) for t in titles if t not in short_names)
    for match in BASIS_UNQUOTED.finditer(opening):
        found.append(match.group(1))
    found.extend(m.group(1) for m in WORK_REPORT_CITED.finditer(opening))
    own = title and re.sub(r"[《》〈〉<>]", "", title)
    return [t for t in dict.fromkeys(found) if t != own]


def _doc_number(text: str) -> str | None:
    for match in DOC_NUMBER.finditer(text[:2000]):
        before = text[max(0, match.start() - 3):match.start()]
        if "》" in before or "(" in before[-1:] or "（" in before[-1:]:
            continue
        return match.group(0)
    return None


def _period(title: str) -> tuple[int, int] | None:
    match = PERIOD.search(title)
    if match:
        return int(match.group(1)), int(match.group(2))
    single = ONE_YEAR_PLAN.search(title)
    if single:
        return int(single.group(1)), int(single.group(1))
    five = FIVE_YEAR.search(title)
    if five:
        # The 14th five-year plan runs 2021-2025; each plan is five years.
        n = "一二三四五六七八九".index(five.group(1)) + 11
        start = 2021 + (n - 14) * 5
        return start, start + 4
    return None
