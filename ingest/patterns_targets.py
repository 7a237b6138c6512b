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
#: precede them: ``7万件``).  Examples: ``家``, ``个``, ``项``, ``件``, ``人次``.
BASE_UNITS: tuple[str, ...] = (
    "个百分点", "百分点", "个工作日", "工作日", "吨标准煤", "平方公里", "平方米", "立方米", "兆瓦时",
    "千瓦时", "千瓦", "兆瓦", "GWh", "MWh", "GW", "MW", "批次",
    "人次", "公里", "公顷", "美元", "小时", "分钟",
    "家", "个", "张", "项", "件", "位", "人", "户", "次", "所", "座", "条", "吨", "亩",
    "元", "台", "套", "辆", "艘", "处", "场", "篇", "部", "款", "栋", "床", "天", "名",
    "批", "支", "只", "头", "株", "份", "期", "届", "间", "分",
    "%", "‰", "倍", "微克/立方米",
)
#: A magnitude written between a number and its base unit.  Example: ``万`` in ``7万件``.
UNIT_MAGNITUDE = r"(?:万亿|亿|万|千)"
#: Units that a magnitude never precedes.  Example: ``%`` (never ``万%``).
_PLAIN_ONLY = {
    "%", "‰", "倍", "微克/立方米", "个百分点", "百分点", "个工作日", "工作日", "小时", "分钟", "天",
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

#: A number, an optional ``余``/``多`` (N-plus), a unit and an optional trailing
#: qualifier.  Examples: ``60家以上``, ``500家左右``, ``7万件``, ``94%以上``.
VALUE_UNIT = re.compile(
    rf"(?P<num>{ARABIC_NUMBER}|{CN_NUMBER})(?P<approx>余|多)?(?P<unit>{UNIT})"
    r"(?P<post>以上|左右|以内|以下)?"
)

#: Rank targets.  Examples: ``进入全国前10位`` (value 10, unit 位), ``进入前三名``.
TOP_N = re.compile(
    rf"进入(?:全国|全省|全市|全球|世界|国内|全国同类城市)?前(?P<num>\d+|[{CN_NUMERAL_CHARS}]+)"
    r"(?P<unit>位|名)?"
)
#: The unit of a rank target written without one.  Example: ``进入前三`` → 位.
TOP_N_DEFAULT_UNIT = "位"

# --- qualifiers -------------------------------------------------------------------

#: A qualifier verb written right before a value, with the modal 力争/争取 it may
#: carry; anchored at the end of the text before the number.  Examples:
#: ``达到`` in ``达到8个``, ``力争达`` in ``力争达90%以上``, ``保持在`` in ``保持在98%以上``.
PRE_QUALIFIER = re.compile(
    r"(?:力争|争取|确保|努力)?(?P<verb>达到|超过|突破|稳定在|保持在|不低于|不少于|不超过|不高于"
    r"|控制在|达|超)\s*$"
)
#: Qualifier verbs and what they mean (a value of ``ontology.model.Qualifier``):
#: ``保持在`` reads as ``稳定在``, ``不少于`` as ``不低于``, and a ceiling as ``以内``.
QUALIFIER_VERBS: dict[str, str] = {
    "达到": "达到", "达": "达到", "超过": "超过", "超": "超过", "突破": "突破",
    "稳定在": "稳定在", "保持在": "稳定在", "不低于": "不低于", "不少于": "不低于",
    "不超过": "以内", "不高于": "以内", "控制在": "以内",
}
#: Qualifier words written after a value.  Example: ``以上`` in ``60家以上``.
QUALIFIER_WORDS_AFTER: dict[str, str] = {"以上": "以上", "左右": "左右", "以内": "以内"}
#: Verbs that bring a value *down* to a level; with a trailing ``以下`` they
#: make a ``以内`` target.  Example: ``降至`` in ``降至0.5吨以下``.
DOWN_TO = re.compile(r"(?:降至|降到|降低到|降低至|下降到|下降至|压缩到|压缩至|压减至|减少到)\s*$")
#: ``分别`` followed by a list of values.  Example: ``分别稳定在85%、80%以上``.
RESPECTIVELY = re.compile(r"分别")
#: The qualifier verb right after ``分别``.  Example: ``稳定在`` in ``分别稳定在85%、80%以上``.
RESPECTIVELY_VERB = re.compile(
    r"(?:力争|争取)?(?P<verb>达到|超过|突破|稳定在|保持在|不低于|不少于|不超过|控制在|达)"
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
#: A year an aim verb sets as the deadline.  Examples: ``力争2022年``, ``确保2024年底``;
#: not ``力争2022年3月``.
DEADLINE_AIM = re.compile(
    r"(?:力争|争取|确保|计划|预计|力求)(?:在|于)?(?P<year>(?:19|20)\d\d)年(?:底|末|年底)?(?:前)?"
    r"(?![\d月])(?![一二三四]季度|上半年|下半年)"
)
#: ``YYYY年起``: a quota that starts in a year.  Example: ``自2023年起``.
DEADLINE_FROM = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)年(?:起|开始)")
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
#: Examples: ``截至2020年底``, ``59家企业获评``, ``目前已有``.
PAST_MARKER = re.compile(r"截至|截止|目前|现有|已有|已经|已达|共有|获评|被评为|先后|近\d+年")

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
#: Where a clause ends inside a sentence.  Example: ``,`` and ``;`` in ``A1家,B2家;C3个``.
CLAUSE_BOUNDARY = re.compile(r"[,，;；:：。！？!?\[\]【】]")
#: Where the words after a value stop: a clause boundary, ``、`` or a bracket.
#: Example: ``、`` in ``500家左右、全员创新企业200家左右``.
POST_BOUNDARY = re.compile(r"[,，;；:：。！？!?、(（)）\[\]【】]")
#: A title in 《》, whose deadlines and numbers are part of a name.
#: Example: ``《关于到2025年…的通知》``.
TITLE = re.compile(r"《[^》\n]{0,80}》")
#: Regions whose numbers are names, not quantities.  Examples: ``《…2020-2022年…》``,
#: ``“工业企业50强”``, ``〔2021〕25号``.
NAME_REGION = re.compile(r"《[^》\n]{0,80}》|“[^”\n]{0,30}”|〔[^〕\n]{0,12}〕")

# --- what is not a target -------------------------------------------------------------

#: Words after a value that make it an ordinal or a name.  Examples: ``50强``,
#: ``12345市民服务热线`` (no unit), ``1+10+N``.
NAME_AFTER_VALUE = re.compile(r"^(?:强|大|佳|\+)")
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
#: The word after a value that makes it a ceiling or a threshold.  Example: ``15万元以下``.
BELOW = "以下"
#: Words after a value that, followed by ``的``, make it a threshold.  Example: ``1亿元以上的企业``.
THRESHOLD_WORDS_AFTER = frozenset({"以上", "以下"})
#: The attributive particle.  Example: ``的`` in ``新获得市长质量奖的组织``.
ATTRIBUTIVE = "的"
#: A yearly quota.  Example: ``每年培育星级上云企业50家``.
PER_YEAR = re.compile(r"每年度?|/年")

# --- metric clean-up --------------------------------------------------------------------

#: Leading words that are not part of what is counted.  Examples: ``力争`` in
#: ``力争注册商标总量达到7万件``, ``、`` after a previous value, ``其中``.
METRIC_LEAD = re.compile(
    r"^(?:\s|——|-|●|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)"
    r"|、|和|及|以及|并且|并|且|其中|同时|力争|争取|确保|努力|实现了?|[,，;；:：])+"
)
#: Last characters of a word that already names a measure, so a coordinated
#: item does not borrow the head of the last item.  Example: ``研发投入`` in
#: ``研发投入、专利申请量分别…`` stays as written.
MEASURE_END = re.compile(r"[率度量数额值入比重例积模]$")
#: The enumeration comma, tried first when splitting coordinated items.
ENUMERATION_COMMA = re.compile("、")
#: Commas and spaces before a goal clause.  Example: ``,`` after ``到2025年``.
LEADING_COMMAS = re.compile(r"[,，\s]*")
#: What may join two rungs of a goal ladder.  Example: ``,`` in ``…前列,到2030年``.
LADDER_JOINER = re.compile(r"[,，;；\s]*")
#: A boundary after which a clause goes on (so the goal is not one clause).
CLAUSE_GOES_ON = re.compile(r"[,，:：]")
#: Separators of coordinated items.  Example: ``、`` and ``和`` in ``主要农产品和食品合格率``.
COORDINATION = re.compile(r"、|以及|和|及|与")
#: A demonstrative tail after a qualitative goal.  Example: ``这具有…的目标``
#: after ``成为具备国际竞争力的区域品牌``.
APPOSITION_TAIL = re.compile(r"(?:这|此)(?:一|些|个|种|是|具有|将|为)")

# --- funding -------------------------------------------------------------------------------

#: An amount of money.  Examples: ``50万元``, ``2.43亿元``, ``五十万元``.
MONEY = rf"(?:{ARABIC_NUMBER}|[{CN_NUMERAL_CHARS}]+){MONEY_UNIT}"
#: Words between a giving verb and the amount.  Examples: ``一次性奖励`` in
#: ``给予一次性奖励50万元``, ``最高不超过`` in ``给予最高不超过30万元补助``,
#: ``每家企业`` in ``给予每家企业10万元补助``.
FUNDING_MODIFIER = (
    r"(?:一次性|最高|最多|不超过|不高于|资金|奖励|奖补|补助|补贴|扶持|专项资金|财政资金|专项"
    r"|总规模|规模|总额|共计|累计|相应|为|了|每[家个户人项辆台套张次批][^\d,，;；:：。]{0,8}?)"
)
#: A giving or allocating verb tied to one or more amounts.  Examples:
#: ``分别给予50万元、5万元``, ``每年拿出150万元``, ``设立2.43亿元``, ``一次性奖励10万元``.
FUNDING_TRIGGER = re.compile(
    r"(?P<per>每年度?)?(?:分别)?(?P<verb>给予|奖励|补助|补贴|资助|扶持|拿出|安排|设立|投入|下达|拨付)"
    rf"(?P<mods>{FUNDING_MODIFIER}*)(?P<amounts>{MONEY}(?:(?:、|和|或){MONEY})*)"
)
#: A fund named between the verb and its amount.  Example:
#: ``每年安排茶产业发展专项资金3000万元``.
FUNDING_FUND_FIRST = re.compile(
    r"(?P<per>每年度?)?(?P<verb>安排|设立|拿出|投入|统筹)(?P<fund>[^,，;；:：。\d]{2,30}?(?:资金|基金))"
    rf"(?P<mods>{FUNDING_MODIFIER}*)(?P<amounts>{MONEY})"
)
#: The receiver named right after 给予.  Example: ``给予项目单位最高200万元奖励``.
FUNDING_GIVEN_TO = re.compile(
    r"(?P<verb>给予)(?P<who>[^,，;；:：。\d]{2,20}?)"
    rf"(?P<mods>(?:最高|一次性|最多){FUNDING_MODIFIER}*)(?P<amounts>{MONEY})"
)
#: Words that end a recipient but belong to the amount.  Example: ``一次性`` in
#: ``…龙头企业一次性奖励50万元``.
RECIPIENT_TAIL = re.compile(r"(?:一次性|最高|最多|不超过|分别|给予)+$")
#: A cap written as its own clause after a subsidy rate.  Example:
#: ``按投资额的10%给予补助,最高不超过100万元``.
FUNDING_CAP = re.compile(
    rf"(?<=[,，;；])(?P<mods>最高(?:不超过|可达)?|单个项目最高)(?P<amounts>{MONEY})"
)
#: One amount inside ``amounts``.  Example: ``5万元`` in ``50万元、5万元``.
MONEY_ITEM = re.compile(rf"(?P<num>{ARABIC_NUMBER}|[{CN_NUMERAL_CHARS}]+)(?P<unit>{MONEY_UNIT})")
#: Any giving verb, for a cap clause to lean on.  Example: ``给予`` in ``给予补助,最高…``.
FUNDING_VERB = re.compile(r"给予|奖励|补助|补贴|资助|扶持|拿出|安排|设立|投入")
#: A yearly amount marked after it.  Example: ``/年`` in ``10万元/年``.
PER_YEAR_AFTER = re.compile(r"/年|每年")
#: ``分别`` closing a recipient.  Example: ``…的组织和个人分别``.
RESPECTIVELY_TAIL = re.compile(r"\s*分别\s*$")
#: Verbs that set up or budget a fund (the recipient may be the fund itself).
#: Example: ``设立`` in ``设立2.43亿元推动工业强市发展专项引导资金``.
FUND_VERBS = frozenset({"设立", "安排", "拿出", "投入", "下达", "拨付"})
#: The fund named right after its amount.  Example: ``推动工业强市发展专项引导资金``.
FUND_NAME = re.compile(
    r"^的?(?P<fund>[^,，;；:：。!！?？]{0,30}?(?:资金|基金))(?=$|[,，;；:：。!！?？])"
)
#: The purpose of a budget.  Example: ``用于品牌培育孵化、教育培训等``.
#: Example with the purpose in the next clause: ``安排1000万元专项资金,用于支持企业技改``.
PURPOSE = re.compile(
    r"^[^,，;；:：。]{0,20}?[,，]?\s*(?:主要|专门|专项)?用于(?P<purpose>[^,，;；:：。]{2,40})"
)
#: ``对X`` at the start of a clause: X receives the money.  Examples:
#: ``对新获得山东省优质产品基地的组织`` before ``给予20万元资金扶持``;
#: ``对符合条件的技改项目`` before ``,按投资额的10%给予补助,最高不超过200万元``.
RECIPIENT_DUI = re.compile(
    r"(?:^|(?<=[,，;；:：。\s]))(?:并|再|还|要|可)?对(?P<who>[^,，;；:：。]{2,60}?)"
    r"(?=[,，;；:：。]|分别|给予|按照|按|$)"
)
#: A clause naming the recipient with ``的`` before the verb clause.  Example:
#: ``新认定为国家级技术中心的企业,`` before ``给予50万元奖励``.
RECIPIENT_DE = re.compile(
    r"(?:^|(?<=[,，;；:：。\s]))(?P<who>[^,，;；:：。]{2,40}的[^,，;；:：。的]{1,8})[,，]\s*$"
)
