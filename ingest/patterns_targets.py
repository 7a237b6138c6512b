"""Named patterns for quantitative targets and funding in Chinese plans.

Every Chinese marker the target and funding extractors use is a constant here,
with an example; each family has unit tests in ``tests/unit/test_targets.py``
and ``tests/unit/test_funding.py``.  The text is normalised (Simplified
characters, half-width digits and ``%``) but keeps both comma, semicolon and
bracket families, so character classes accept ``,`` and ``，`` alike.
"""

from __future__ import annotations

import re

# --- numbers and units ----------------------------------------------------------

#: Chinese numeral characters.  Example: ``三百``, ``两千``, ``十二``.
CN_NUMERAL_CHARS = "零〇一二三四五六七八九十百千万亿两"

#: An Arabic number, with optional thousands commas and decimals; not inside a
#: longer number or a code.  Examples: ``4400``, ``2.43``, ``1,200``; not the
#: ``2.5`` of ``PM2.5``.
ARABIC_NUMBER = r"(?<![A-Za-z\d.])(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"

#: A Chinese numeral.  Example: ``三百`` in ``三百家``.
CN_NUMBER = rf"[{CN_NUMERAL_CHARS}]+"

#: Base units of counted quantities, longest first (a magnitude such as 万 may
#: precede them: ``7万件``).  Examples: ``家``, ``个``, ``项``, ``件``, ``人次``,
#: ``场次`` (before ``场``, so ``8场次以上`` keeps its qualifier), ``架`` (racks,
#: ``标准机架10万架``; after ``架次``), ``列`` (trains, ``开行1500列``).
BASE_UNITS: tuple[str, ...] = (
    "个百分点", "百分点", "个工作日", "工作日", "吨标准煤", "平方公里", "平方米", "立方米", "兆瓦时",
    "千瓦时", "千瓦", "兆瓦", "GWh", "MWh", "GW", "MW", "批次", "场次", "班次", "架次", "户次",
    "件次",
    "人次", "公里", "公顷", "美元", "小时", "分钟",
    "家", "个", "张", "项", "件", "位", "人", "户", "次", "所", "座", "条", "吨", "亩",
    "元", "台", "套", "辆", "艘", "处", "场", "篇", "部", "款", "栋", "床", "天", "名",
    "批", "支", "只", "头", "株", "份", "期", "届", "间", "分", "架", "列", "根", "棵", "口", "斤",
    "%", "‰", "倍", "微克/立方米", "微克每立方米", "毫克每立方米", "毫克/立方米",
)
#: A magnitude written between a number and its base unit.  Example: ``万`` in ``7万件``.
UNIT_MAGNITUDE = r"(?:万亿|亿|万|千)"
#: Units that a magnitude never precedes.  Example: ``%`` (never ``万%``).
_PLAIN_ONLY = {
    "%", "‰", "倍", "微克/立方米", "微克每立方米", "毫克每立方米", "毫克/立方米", "个百分点", "百分点",
    "个工作日", "工作日", "小时", "分钟", "天",
    "分", "GWh", "MWh", "GW", "MW",
}

#: Any unit of a counted quantity; a bare magnitude only where no base unit
#: follows.  Examples: ``家``, ``万件``, ``亿元``, ``%``, ``亿`` in ``突破1万亿,``.
UNIT = (
    "(?:"
    + "|".join(re.escape(u) for u in BASE_UNITS if u in _PLAIN_ONLY)
    + "|"
    + UNIT_MAGNITUDE
    + "?(?:"
    + "|".join(re.escape(u) for u in BASE_UNITS if u not in _PLAIN_ONLY)
    + ")|万亿|亿)"
)

#: Money units.  Examples: ``元``, ``万元``, ``亿元``.
MONEY_UNIT = r"(?:万亿|亿|万|千)?元"

#: A unit per head or area written after a slash.  Example: ``/千人`` in ``1.5批次/千人``.
PER_HEAD = r"(?:/(?:千|万|百)?(?:人|户|平方公里))?"
#: A number, an optional ``余``/``多`` (N-plus), a unit and an optional trailing
#: qualifier.  Examples: ``60家以上``, ``500家左右``, ``7万件``, ``94%以上``; one space
#: may stand between a digit and its unit, as a table cell pads it (``6 座``).
VALUE_UNIT = re.compile(
    rf"(?P<num>{ARABIC_NUMBER}|{CN_NUMBER})(?P<approx>余|多)?(?:(?<=\d) )?"
    rf"(?P<unit>{UNIT}{PER_HEAD})"
    r"(?P<post>以上|左右|以内|以下)?"
)

#: An index to reach, whose value has no unit.  Example: ``制造业质量竞争力指数达到86.5``
#: (value 86.5, unit none); not ``指数达到86.5%`` (a percentage, read with its unit).
INDEX_VALUE = re.compile(
    rf"指数(?:力争)?(?P<verb>达到|达|超过|突破|稳定在|保持在|提高到|提升到|提高至|提升至)"
    rf"(?P<num>{ARABIC_NUMBER})(?![\d.年]|\s*{UNIT})(?P<post>以上|左右)?"
)
#: Rank targets, with any scope between the verb and 前 and an adverb before
#: the verb.  Examples: ``进入全国前10位`` (value 10, unit 位), ``进入前三名``,
#: ``稳定进入全省同类城市前5位``, ``跻身全国农产品区域公用品牌前20位``; not
#: ``位居全省前3位`` (a standing, usually a result).
TOP_N = re.compile(
    r"(?:稳定|持续|继续|保持|力争|争取)?(?:进入|跻身|迈入)"
    rf"[^,，;；:：。、\d前第]{{0,24}}?前(?P<num>\d+|[{CN_NUMERAL_CHARS}]+)(?P<unit>位|名)?"
)
#: The unit of a rank target written without one.  Example: ``进入前三`` → 位.
TOP_N_DEFAULT_UNIT = "位"

# --- qualifiers -------------------------------------------------------------------

#: An aim word opening the clause of a value with no qualifier and no deadline: a goal
#: stated as such (a work report's year is often never printed).  Examples: ``力争`` in
#: ``力争全区果品产量870万吨``, ``确保`` in ``确保粮食产量400万吨``.
AIM_OPENS = re.compile(r"\s*(?:力争|确保|争取)")
#: Magnitudes that are no unit by themselves (a value whose unit the page cut).
#: Example: ``亿`` in ``天然气产量420亿`` (立方米 cut off).
BARE_MAGNITUDES = frozenset({"万", "亿", "万亿", "千", "百", "十万", "百万", "千万"})
#: A qualifier verb written right before a value, with the modal 力争/争取 it may
#: carry; anchored at the end of the text before the number.  Examples:
#: ``达到`` in ``达到8个``, ``力争达`` in ``力争达90%以上``, ``保持在`` in ``保持在98%以上``.
PRE_QUALIFIER = re.compile(
    r"(?:力争|争取|确保|努力)?(?P<verb>达到|超过|突破|稳定在|保持在|不低于|不少于|不超过|不高于"
    r"|控制在|达|超|约)\s*$"
)
#: Qualifier verbs and what they mean (a value of ``ontology.model.Qualifier``):
#: ``保持在`` reads as ``稳定在``, ``不少于`` as ``不低于``, and a ceiling as ``以内``.
QUALIFIER_VERBS: dict[str, str] = {
    "达到": "达到", "达": "达到", "超过": "超过", "超": "超过", "突破": "突破",
    "稳定在": "稳定在", "保持在": "稳定在", "不低于": "不低于", "不少于": "不低于",
    "不超过": "以内", "不高于": "以内", "控制在": "以内", "约": "左右",
}
#: Qualifier words written after a value.  Example: ``以上`` in ``60家以上``.
QUALIFIER_WORDS_AFTER: dict[str, str] = {"以上": "以上", "左右": "左右", "以内": "以内"}
#: Verbs that bring a value *down* to a level; with a trailing ``以下`` they
#: make a ``以内`` target.  Example: ``降至`` in ``降至0.5吨以下``.
DOWN_TO = re.compile(r"(?:降至|降到|降低到|降低至|下降到|下降至|压缩到|压缩至|压减至|减少到)\s*$")
#: Verbs that change a value to a level without saying which side of it is
#: promised; after ``分别`` the list's trailing word decides.  Example:
#: ``压缩至`` in ``分别压缩至20小时、2小时以内``.
CHANGE_TO = (
    r"(?:压缩至|压缩到|压缩在|降至|降到|降低到|降低至|下降到|下降至|压减至|减少到"
    r"|提高到|提高至|提升到|提升至)"
)
#: ``分别`` followed by a list of values.  Example: ``分别稳定在85%、80%以上``.
RESPECTIVELY = re.compile(r"分别")
#: The qualifier verb right after ``分别``.  Example: ``稳定在`` in ``分别稳定在85%、80%以上``.
RESPECTIVELY_VERB = re.compile(
    r"(?:力争|争取)?(?:(?P<verb>达到|超过|突破|稳定在|保持在|不低于|不少于|不超过|控制在|达)"
    rf"|{CHANGE_TO}|下降|增长|提高|降低|减少|增加|提升)"
)
#: One value of a ``分别`` list, its unit optional (``85、80%``).  Example: ``80%以上``.
LIST_VALUE = re.compile(rf"(?P<num>{ARABIC_NUMBER})(?P<unit>{UNIT})?(?P<post>以上|左右|以内)?")
#: The separator between the values of a ``分别`` list.  Example: ``、`` in ``85%、80%``.
VALUE_LIST_SEPARATOR = re.compile(r"\s*(?:、|和|及|与|,|，)\s*")

# --- deadlines --------------------------------------------------------------------

#: ``到/至 YYYY年(底|末)(前)``, optionally with a modal, but not a period
#: (``2021年至2025年``) nor an as-of date (``截至2020年底``).
#: Examples: ``到2025年``, ``力争到2018年``, ``至2025年底``.
DEADLINE_TO = re.compile(
    r"(?:力争|争取|预计|计划)?(?<![截止直年\d-])(?:到|至)(?P<year>(?:19|20)\d\d)年"
    r"(?:底|末|年底|年末)?(?:前|以前)?(?![\d月])"
)
#: ``YYYY年(底)前``.  Examples: ``2022年底前``, ``2025年前``; not ``2025年前三季度``.
DEADLINE_BEFORE = re.compile(
    r"(?<![\d-])(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:以)?前(?![一二三四五六七八九十两\d个季半月年周天期])"
)
#: A year an aim verb sets as the deadline, or the last year of a span it sets (its first
#: year may be lost in a copy).  Examples: ``力争2022年``, ``确保2024年底``, ``计划2009—2011年``
#: (→ 2011), ``计划-2011年``; not ``力争2022年3月``.
DEADLINE_AIM = re.compile(
    r"(?:力争|争取|确保|计划|预计|力求)(?:在|于|用)?(?:(?:19|20)\d\d年?\s*)?[-—–~至]?\s*"
    r"(?P<year>(?:19|20)\d\d)年(?:底|末|年底)?(?:前)?"
    r"(?![\d月])(?![一二三四]季度|上半年|下半年)"
)
#: A plain year that opens a sentence and an aim word soon after it: the year
#: is a deadline.  Examples: ``2024年,力争…``, ``2025年全市将…``; not a past
#: statement (``2023年,全市已有…``, ``2023年,我市已将…``).
DEADLINE_BARE_AIM = re.compile(
    r"\s*(?:——|-|●|·|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]+是)?"
    r"\s*(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:前)?(?![\d月])[,，]?"
    r"(?=(?:(?!已|曾)[^,，;；。！？!?\d]){0,10}?(?:力争|争取|确保|预计|计划|将|要|努力|目标))"
)
#: A plain year that opens a sentence, a milestone when a later deadline of the sentence
#: follows it.  Example: ``2023年`` in ``2023年完成2家评定,…;到2025年,…达到3个以上``.
MILESTONE_YEAR = re.compile(r"\s*(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:前)?(?![\d月])[,，]?")
#: A figure with the qualifier of a goal (``以上``, ``左右``) early in a sentence a plain
#: year opens: the year is a deadline.  Example: ``1.7万亿元以上`` in ``2025年,福州地区生产
#: 总值达1.7万亿元以上,…``; not a report (``2022年,全市生产总值同比增长5%``).
GOAL_FIGURE = re.compile(r"\d(?:\.\d+)?\s*[\u4e00-\u9fff%‰]{0,4}?(?:以上|左右)")
#: Words of a report of a year past, which such a sentence must not hold.  Examples:
#: ``同比``, ``比上年``, ``完成了``.
YEAR_REPORT_WORDS = re.compile(r"同比|比上年|较上年|比去年|(?<!为)了|全年完成|累计完成|实际完成")
#: A plain year right after a goal label: the label makes it a deadline.
#: Examples: ``主要目标:2023年,…``, ``发展目标:2025年底前…``; not ``目标:2023年3月``.
DEADLINE_GOAL_LABEL = re.compile(
    r"(?:主要|总体|发展|工作|年度)?目标(?:是|为)?[:：]\s*(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:前)?"
    r"(?![\d月])"
)
#: The year a work document's opening says its tasks are for.  Examples:
#: ``2013年《政府工作报告》确定的重点工作任务``, ``2024年重点工作任务``, a title broken
#: over lines: ``《2023年\n省〈政府工作报告〉任务分解``, ``2023年省《政府工作报告》``.
WORK_YEAR = re.compile(
    r"(?P<year>20\d{2})年度?\s*(?:(?:区|市|县|省)?[《〈]?(?:区|市|县|省)?政府工作报告[》〉]?"
    r"|[^。《》]{0,10}?"
    r"(?:重点工作任务|工作目标任务|目标任务|重点工作)"
    # a report's opening on its year: ``2025年是…收官之年,…报告提出2025年…将…``
    r"|是[^。]{2,40}?(?:关键|收官|开局|攻坚|决胜|起步|奋进)之年)")
#: What joins a goal list's label to its goals: a verb of setting (a colon after it or not,
#: the goals may follow at once) or a bare colon.  Examples: ``是:``, ``是,``, ``确定为:``,
#: ``建议为``, ``设定为``, ``包括:``, ``:``.
_GOAL_LINK = (r"(?:(?:建议|拟|初步)?(?:是|为|确定为|设定为|定为|安排为|调整为|包括)\s*[:：,，]?"
              r"|\s*[:：])")
#: The label of a goal list, after its year: the goals or indicators of a plan, however worded.
#: Examples: ``全区经济社会发展主要预期目标``, ``的主要目标``, ``发展主要预期指标``, ``目标任务``.
_GOAL_LABEL = r"[^。:：;；]{0,30}?(?:主要|预期|发展|工作|增长)*(?:目标|指标)(?:任务)?"
#: A year heading a list of goals that follows its label: the goals are that year's.
#: Examples: ``2020年全区经济社会发展主要预期目标是:地区生产总值增长6%左右;…``, ``建议2024年全旗
#: 经济社会发展主要预期目标确定为:…``, ``2024年经济增长预期目标设定为5%左右``, ``提出2024年经济
#: 社会发展主要预期目标:`` (the goals in the paragraphs after it); not ``2023年主要目标任务圆满
#: 完成,诸如:…`` (a report of the year past).
YEAR_GOAL_LIST = re.compile(rf"(?P<year>(?:19|20)\d\d)年度?{_GOAL_LABEL}{_GOAL_LINK}")
#: Years named relative to the year a text is written, and their offset from it.
RELATIVE_YEARS: dict[str, int] = {"今年": 0, "本年度": 0, "本年": 0, "明年": 1}
_RELATIVE_YEAR = r"(?P<rel>今年|本年度|本年|明年)"
#: A goal list of this year or the next, as a work report or a yearly plan's report words it;
#: the year is the one the text is written in (or the next).  Examples: ``今年发展主要预期目标
#: 是:国内生产总值增长5%左右;…``, ``建议今年全市经济社会发展的主要预期目标是:…``,
#: ``今年经济增长目标确定为9.5%左右``; not ``今年以来`` (a report of the months past).
RELATIVE_GOAL_LIST = re.compile(rf"{_RELATIVE_YEAR}(?!以来){_GOAL_LABEL}{_GOAL_LINK}")
#: This year with an aim word soon after it, at the start of a sentence or clause: a deadline
#: of the year the text is written in.  Examples: ``今年力争新增就业岗位18万个以上``,
#: ``今年,全市将新建5G基站3000个``; not ``今年以来,…``, ``今年已完成…``, ``今年,财政安排3亿元``.
RELATIVE_YEAR_AIM = re.compile(
    rf"(?<![\u4e00-\u9fff\d]){_RELATIVE_YEAR}(?!以来)[,，]?"
    r"(?=(?:(?!已|曾)[^,，;；。！？!?\d]){0,10}?(?:力争|争取|确保|预计|计划|将|要|努力))")
#: The clause separator past which a deadline's scope does not reach a
#: recurring quota.  Example: ``;`` in ``到2025年,覆盖率达到60%;每年开展培训3000人次``.
SCOPE_BREAK = re.compile(r"[;；]")
#: ``YYYY年起``: a quota that starts in a year.  Example: ``自2023年起``.
DEADLINE_FROM = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)年(?:起|开始)")
#: A deadline by month: it holds for its own sentence (the work it dates), and later
#: values of the sentence that name only a month keep its year.  Examples:
#: ``2017年6月底前`` in ``须于2017年6月底前下达60%以上、9月底前下达80%以上``.
DEADLINE_MONTH = re.compile(
    r"(?<![\d-])(?P<year>(?:19|20)\d\d)年\d{1,2}月(?:\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?(?:之|以)?前")
#: The end of a five-year-plan period.  Examples: ``到“十四五”末`` (→ 2025), ``“十三五”期末``.
FIVE_YEAR_PLAN_END = re.compile(
    r"(?:到|至)?[“\"]?(?P<ordinal>十[一二三四五六七八九])五[”\"]?(?:时期|规划期)?(?:末|期末)"
)
#: What may precede a deadline that opens a sentence.  Examples: ``主要目标是``
#: in ``主要目标是到2022年,…``, ``——`` in ``——到2025年,…``, ``(一)``, ``1.``.
DEADLINE_OPENER = re.compile(
    r"^\s*(?:——|-|●|·|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]+是)?"
    r"\s*(?:(?:主要|总体|发展|工作)?目标(?:是|为)?[:：,，]?)?\s*(?:其中|同时)?[,，]?\s*$"
)
#: An as-of or past marker: a clause with one reports a result, not a target.
#: Examples: ``截至2020年底``, ``59家企业获评``, ``目前已有``, ``加上已发展的4.2万亩`` (what
#: is done, in a ``的``-phrase), ``近三年…累计超过5亿元``.
PAST_MARKER = re.compile(
    r"截至|截止|(?<!项)目前|现有|已有|已经|已达|共有|获评|被评为|先后|近[\d一二三四五六七八九十两]+年"
    r"|近日|(?<!\d)日前|揭晓|榜上有名|已[\u4e00-\u9fff]{1,3}的")

# --- structure ----------------------------------------------------------------------

#: A top-level heading, at the start of a line or sentence.  Examples: ``二、重点任务``, ``第三章``.
TOP_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百零\d]+[章节篇部分])"
)
#: Numbered line markers and their nesting level (lower is higher up).
#: Examples: ``第二章`` (0), ``二、`` (1), ``(二)`` (2), ``2.`` (3), ``(2)`` (4).
HEADING_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(r"\s*第[一二三四五六七八九十百零\d]+[章篇]")),
    (1, re.compile(r"\s*[一二三四五六七八九十]+[、．.]")),
    (2, re.compile(r"\s*[(（][一二三四五六七八九十]+[)）]")),
    (3, re.compile(r"\s*\d{1,2}[.．、](?!\d)")),
    (4, re.compile(r"\s*[(（]\d{1,2}[)）]")),
)
#: A clause dated by a plain year (a past or baseline statement), which a
#: carried deadline year does not reach.  Examples: ``2020年,全市…``, ``今年…``.
DATE_LEAD = re.compile(r"\s*(?:(?:19|20)\d\d年|今年|去年|上年|近年来|近\d+年)")
#: Punctuation whose absence marks a short line as a heading.  Example:
#: ``产品更高端`` or ``品牌建设目标 量化指标具体`` (no punctuation) is a heading.
SENTENCE_PUNCTUATION = re.compile(r"[。,，;；:：!！?？]")
#: Where a sentence ends.  Example: the ``。`` of ``…10家以上。``.
SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
#: Where a clause ends inside a sentence; a table cell ends at ``|``.
#: Example: ``,`` and ``;`` in ``A1家,B2家;C3个``.
CLAUSE_BOUNDARY = re.compile(r"[,，;；:：。！？!?\[\]【】|｜]")
#: Where the words after a value stop: a clause boundary, ``、`` or a bracket.
#: Example: ``、`` in ``500家左右、全员创新企业200家左右``.
POST_BOUNDARY = re.compile(r"[,，;；:：。！？!?、(（)）\[\]【】|｜]"
                           r"|[和及与](?=[0-9一二三四五六七八九十两百千万.]+[个家项所座处条])")
#: A row of a text table: cells between ``|``.  Example:
#: ``3 | 新增集成事项20项以上 | 市数据局 | 2024年10月底前``.
TABLE_ROW = re.compile(r"[|｜][^|｜\n]*[|｜]")
#: The cell separator of a text table.  Example: ``|``.
TABLE_CELL = re.compile(r"[|｜]")
#: A deadline cell of a task table (the 完成时限 column): the row's targets take
#: its year.  Examples: ``2024年6月底前``, ``2025年底``, ``2024年12月31日前``.
TABLE_DEADLINE_CELL = re.compile(
    r"\s*(?:到|至)?(?P<year>(?:19|20)\d\d)年(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:底|末|上旬|中旬|下旬|内)?(?:前|以前|完成)?\s*"
)
#: Terminal punctuation: a line without it and without ``。`` is a headline.
#: Example: the ``。`` of ``…达到90%。``; ``出台方案 到2026年产值突破400亿元`` has none.
TERMINAL = re.compile(r"[。！？!?;；…]\s*$")
#: A last line of a text with a clause break inside and a word at its end: the storage cut
#: the page there, in the middle of a sentence, and the line is body text, not a headline.
#: Example: ``▲增加值可比增长14%左右,其中,第三产业`` (the page's last line); not
#: ``附件:主要指标(共8项,略)``.
CUT_LINE = re.compile(r"[,，;；][^\n]*[\u4e00-\u9fff\d%]$")
#: The full stop, whose presence makes a line body text.
FULL_STOP = "。"
#: A title in 《》, whose deadlines and numbers are part of a name.
#: Example: ``《关于到2025年…的通知》``.
TITLE = re.compile(r"《[^》\n]{0,80}》")
#: Regions whose numbers are names, not quantities.  Examples: ``《…2020-2022年…》``,
#: ``“工业企业50强”``, ``〔2021〕25号``.
NAME_REGION = re.compile(r"《[^》\n]{0,80}》|“[^”\n]{0,30}”|〔[^〕\n]{0,12}〕")

# --- what is not a target -------------------------------------------------------------

#: Words after a value that make it an ordinal, a name or a class.  Examples: ``50强``,
#: ``12345市民服务热线`` (no unit), ``1+10+N``, ``五百亿级产业集群`` (a class of cluster).
NAME_AFTER_VALUE = re.compile(r"^(?:强|大|佳|级|\+)")
#: The unit and words of an assembly's session: an ordinal.  Examples: ``届人大`` in
#: ``十四届人大``, ``届一中全会`` in ``二十届一中全会``, ``次会议`` in ``三次会议``.
SESSION_ORDINAL = re.compile(
    r"届(?:[一二三四五六七八九十]{1,3}[中次])?(?:人大|政协|党代会|全会|代表大会|委员会|中央)"
    r"|次(?:会议|全会|全体会议|常务会议|代表大会)")
#: What follows a value's unit that the page's cut ended: a few characters at most, then
#: the end of the stored text or its cut mark.  Example: ``立方`` + ``[…]`` after
#: ``天然气产量420亿``; a bare magnitude there (``616亿``, :data:`BARE_MAGNITUDES`) lost
#: its unit to the cut.
CUT_AFTER_UNIT = re.compile(r"(?P<rest>[\u4e00-\u9fff]{0,3})\s*(?:\[…\]|\[\.\.\.\])?\s*$")
#: The low end of a range written before its high end and unit: one target per end.
#: Examples: ``8—`` in ``培育8—10个百亿企业``, ``2-`` in ``2-3处``, ``5至`` in ``5至8家``.
RANGE_LOW = re.compile(rf"(?P<low>{ARABIC_NUMBER})\s*[—–\-~～至到]\s*$")
#: Nouns that count parts of the text itself.  Examples: ``19项重点任务``,
#: ``11项量化指标``, ``12项内容``, ``五个方面``.
TEXT_COUNT_NOUN = re.compile(
    r"^(?:重点|主要|具体|政策)?(?:任务|措施|内容|指标|量化指标|方面|部分|原则|条款|举措|章节|创新点)"
)
#: An ordinal before a number.  Example: ``第100次``, ``第1位``.
ORDINAL_BEFORE = re.compile(r"第\s*$")
#: Comparison verbs that, with ``的`` after the value, make it a threshold.
#: Example: ``超过`` in ``年营业收入超过1亿元的企业``.
THRESHOLD_VERB = re.compile(r"(?:超过|超|突破|不低于|不少于|达到|达|在)\s*$")
#: Verbs of work done right before a value, which stays the work's share even with ``的``
#: after it.  Example: ``完成`` in ``完成80%以上的村庄改造``.
WORK_DONE_BEFORE = re.compile(r"(?:完成|实现)\s*$")
#: The word after a value that makes it a ceiling or a threshold.  Example: ``15万元以下``.
BELOW = "以下"
#: Words after a value that, followed by ``的``, make it a threshold.  Example: ``1亿元以上的企业``.
THRESHOLD_WORDS_AFTER = frozenset({"以上", "以下"})
#: The attributive particle.  Example: ``的`` in ``新获得市长质量奖的组织``.
ATTRIBUTIVE = "的"
#: A yearly quota.  Example: ``每年培育星级上云企业50家``.
PER_YEAR = re.compile(r"每年度?|/年")
#: A recurring quota, yearly or shorter: a target without a deadline year.
#: Examples: ``每年培育…50家``, ``每季度召开座谈会不少于1次``, ``每月…2场``.
PERIODIC_QUOTA = re.compile(r"每年度?|每半年|每季度?|每月|/年")
#: Words right before a value that make it a cap on money given, not a target.
#: Example: ``最高`` in ``单个企业每年最高50万元``, ``最高不超过`` in ``最高不超过30万元``.
CAP_BEFORE = re.compile(r"(?:最高|最多)(?:不超过|可达|不高于)?(?:支持|奖励|补助|补贴|资助)?\s*$")
#: The basis of a rate written right before it: the value is a subsidy or
#: refund rate, not a target.  Example: ``按设备投资额的`` in ``按设备投资额的10%给予补助``.
RATE_BASIS = re.compile(r"按照?[^,，;；:：。\d]{1,20}的\s*$|(?:标准|税额|费率|基数|价格|工资)的\s*$")
#: A clause that opens with ``对``: values in it describe who is meant
#: (``对年营业收入首次突破10亿元的企业``), they are not targets; not ``对标``,
#: ``对接``, ``对照``, ``对外``, ``对于``.
DUI_CLAUSE = re.compile(r"\s*(?:并|再|还|要|可)?对(?!标|接|照|外|于)")
#: Words of a sentence that make a value without a year a subsidy, a loan or
#: an eligibility rule rather than a standing target.  Examples: ``给予``,
#: ``补助``, ``贴息``, ``贷款``, ``申报`` / ``条件`` / ``须满足`` (eligibility).
NOT_STANDING = re.compile(
    r"给予|予以|补助|补贴|奖励|奖补|贴息|返还|资助|扶持|申报|条件|应当|不得|额度|贷款"
    r"|(?<!必)须(?:达到|满足|具备|符合)|每届|每批次?评|成立于|始建于|距今"
)
#: A verb of doing or building that governs a planned quantity in a plan's task, the value
#: following it in the same clause (with the object between or after).  Examples:
#: ``完成`` in ``年内完成37个老旧小区改造任务``, ``招引`` in ``招引数字经济项目30个``,
#: ``推广`` in ``推广杂交稻旱种50万亩``, ``投资`` in ``今明两年投资530亿元``.
ACTION_VERB = re.compile(
    r"(?:新改扩建|新增|新建|建设|建成|完成|推广|引进|招引|培育|认定|创建|打造|改造|投资|新开工|开工"
    r"|扩种|种植|培训|新创|安置|开行|开通|设立|搭建|招募|吸纳|带动|孵化|扶持培育|增加|增长|发展|组织"
    r"|举办|实施|修复|布设|整治|治理|硬化|铺设|安装|配备|抓好|建立|创成)")
#: Verbs that govern a quantity only when it follows their object (``实施田块整治500亩``),
#: not a count inside a list of projects (``实施三江干流、8条主要支流治理…工程``).
WEAK_ACTION_VERB = re.compile(r"实施|抓好|建立|治理|整治")
#: What may follow a quantity that ends its phrase.  Example: ``,`` after ``整治500亩``.
PHRASE_END = re.compile(r"\s*(?:[,，;；。、]|以上|左右|$)")
#: The count of an enumeration just written (``…、售后服务等12个领域``): it counts the items
#: listed, it is not a quantity to reach.  Matched on the text before the value.
ENUMERATION_COUNT = re.compile(r"(?:[^、,，;；。]+、){2,}[^、,，;；。]+等\s*$")
#: ``各`` before a value shared by a list of items: one target per item.  Example:
#: ``建设稻谷、玉米、马铃薯示范基地各10万亩``.
EACH = re.compile(r"各\s*$")
#: Units of a planned quantity a task may state without a qualifier.  Examples: ``个``, ``万亩``,
#: ``公里``, ``亿元`` (with 投资 only: see :data:`INVEST_VERB`).
ACTION_UNIT = re.compile(r"(?:万|千)?(?:个|家|项|所|座|条|亩|公里|公顷|吨|户|人|人次|场|场次|批|处|套"
                         r"|栋|间|台|辆|名|期|株|根|棵|眼|口|%)$|亿元$|万元$")
#: The verb that makes money a planned quantity rather than a payment.  Example: ``投资``.
INVEST_VERB = re.compile(r"投资|产值|规模|收入|营业额|交易额|销售额")
#: Words of a clause that make its value a rule, a rate or a limit rather than a planned
#: quantity.  Examples: ``工作日内``, ``费率``, ``比例``, ``标准``, ``以下(不含``.
NOT_ACTION = re.compile(r"工作日|费率|比例|标准|以下|不含|不超过|门槛|起|每件|每家|每个|最高|补|奖")
#: What opens a clause of a one-year work list that states the year's quantity.
#: Examples: ``全年`` in ``全年接待游客140万人次``, ``实现全年`` in ``实现全年…收入同比增长1%``.
YEAR_FRAME = re.compile(r"\s*(?:力争|争取|确保)?(?:实现)?(?:全年|年内|年度)")
#: A part of a year whose figures a sentence reports (a statistic, not the year's target).
#: Examples: ``前三季度``, ``上半年``, ``1-9月``, ``去年``, ``一年来``, ``今年以来``.
REPORT_PERIOD = re.compile(
    r"[前一二三四]季度|上半年|下半年|\d{1,2}\s*[-—至~]\s*\d{1,2}月|去年|上年同期|过去|年来|以来")
#: A rate of change right before a value.  Examples: ``同比增长`` in ``收入同比增长1%``,
#: ``较上年增长`` in ``服务人次较上年增长15%``, ``下降`` in ``能耗下降2%``.
RATE_OF_CHANGE = re.compile(r"(?:同比|比上年|较上年)?(?:增长|下降|提高|降低|增加|减少)\s*$")
#: A comparison with the year before: the sentence reports statistics.
#: Example: ``同比`` in ``工业增加值达到800亿元,同比增长6%``.
REPORTED = re.compile(r"同比|比上年|较上年")
#: A short quoted name, left out when a sentence's words are weighed.  Example:
#: ``“提前申报”`` (a procedure's name, not an eligibility rule).
QUOTED = re.compile(r"“[^”\n]{0,30}”")
#: The last character of every money unit.  Example: ``元`` of ``万元``.
MONEY_SUFFIX = "元"

# --- metric clean-up --------------------------------------------------------------------

#: Leading words that are not part of what is counted.  Examples: ``力争`` in
#: ``力争注册商标总量达到7万件``, ``、`` after a previous value, ``其中``,
#: an article number ``第三条``, a bullet (``▲增加值可比增长14%左右``).
METRIC_LEAD = re.compile(
    r"^(?:\s|——|-|[●▲△■□◆◇•]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|\d{1,3}\s+"
    r"|第[一二三四五六七八九十百零\d]+条"
    r"|、|和|及|以及|并且|并|且|其中|同时|力争|争取|确保|努力|实现了?|[,，;；:：])+"
)
#: A change verb closing a metric: the value it reaches is the target, the verb
#: is not part of what is counted.  Example: ``压缩至`` in ``审批时间压缩至3个工作日``.
METRIC_CHANGE_TAIL = re.compile(rf"{CHANGE_TO}$")
#: An actor with a modal before the thing counted: the disposal ``(要)将``/``把``
#: or an obligation with an aim verb.  Examples: ``市税务局要将`` in
#: ``市税务局要将退税办理时间压缩在5个工作日以内``; ``各镇要确保`` in
#: ``各镇要确保垃圾分类覆盖率达到100%``.
METRIC_DISPOSAL = re.compile(
    r"^[^,，;；:：。将把]{0,20}?(?:(?:要|应|须|需|必须)?(?:将|把(?!关|握))"
    r"|(?:要|应当?|须|必须)(?:确保|力争|争取))(?=..)"
)
#: Last characters of a word that already names a measure, so a coordinated
#: item does not borrow the head of the last item.  Example: ``研发投入`` in
#: ``研发投入、专利申请量分别…`` stays as written.
MEASURE_END = re.compile(r"[率度量数额值入比重例积模]$")
#: Head nouns of planned things that coordinated modifiers share, longest first: the
#: head a short item borrows from the last one.  Example: ``示范基地`` in
#: ``稻谷、玉米、马铃薯示范基地`` (→ ``玉米示范基地``).
HEAD_NOUN = re.compile(
    r"(?:示范基地|示范区|示范园|示范村|示范点|基地|园区|企业|项目|中心|工厂|平台|品牌|标准|学校|医院|站点)$")
#: An Arabic digit.  Example: the ``1`` of ``突破10亿元``.
DIGIT = re.compile(r"\d")
#: A verb of obtaining or drafting that opens a list and is shared by its items.
#: Examples: ``新获得`` in ``新获得省长质量奖、省长质量奖提名奖的企业``; ``主导制定``
#: in ``主导制定国际标准、国家标准的企业``; ``主导或参与制修订`` in
#: ``主导或参与制修订国际标准、国家标准``.
ACQUIRE_LEAD = re.compile(
    r"(?:新|首次)?(?:获得|获评|荣获|认定为|评为|入选|取得)"
    r"|(?:(?:主导|参与|牵头)(?:或|和|、)?)*(?:制定|制修订|修订|起草)"
)
#: The enumeration comma, tried first when splitting coordinated items.
ENUMERATION_COMMA = re.compile("、")
#: Commas and spaces before a goal clause.  Example: ``,`` after ``到2025年``.
LEADING_COMMAS = re.compile(r"[,，\s]*")
#: What may join two rungs of a goal ladder.  Example: ``,`` in ``…前列,到2030年``.
LADDER_JOINER = re.compile(r"[,，;；\s]*")
#: A boundary after which a clause goes on (so the goal is not one clause).
CLAUSE_GOES_ON = re.compile(r"[,，:：]")
#: Separators of coordinated items.  Example: ``、`` and ``和`` in ``主要农产品和食品合格率``.
#: ``与`` inside ``参与`` is part of a verb, not a separator.
COORDINATION = re.compile(r"、|以及|和|及|(?<!参)与")
#: A demonstrative tail after a qualitative goal.  Example: ``这具有…的目标``
#: after ``成为具备国际竞争力的区域品牌``.
APPOSITION_TAIL = re.compile(r"(?:这|此)(?:一|些|个|种|是|具有|将|为)")

#: A task's deadline in its text: a year and/or month before which the work is done.
#: Examples: ``2019年9月底前``, ``2022年底前``, ``2024年12月31日前``, ``2023年前``, ``6月底前``
#: (the plan's year), ``年底前`` (the end of the plan's year).  ``到2025年`` dates a target,
#: not the task, and is not one.
TASK_DEADLINE = re.compile(
    r"(?:(?<![\d-])(?P<year>(?:19|20)\d\d)年(?:(?P<month>\d{1,2})月(?:\d{1,2}日)?"
    r"(?:底|末|上旬|中旬|下旬)?|底|末)?"
    r"|(?<![\d年])(?P<bare_month>\d{1,2})月(?:\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?"
    r"|(?<![\d])(?P<year_end>年(?:底|末)))(?:之|以)?前")
#: A deadline cell of a task table: a year, a year and month, or the year's end.
#: Examples: ``2016年12月``, ``2025年底``, ``2024年6月底前``, ``12月底``.
DEADLINE_IN_CELL = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)年)?(?:(?P<month>\d{1,2})月|(?P<year_end>底|末))?")
