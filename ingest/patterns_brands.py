"""Named patterns for brands, brand programmes, awards and certifications.

Every marker, word list and regular expression that :mod:`ingest.brands` uses is
a constant here, with an example; each family has unit tests in
``tests/unit/test_brands.py``.  The text is normalised Simplified Chinese that
keeps Chinese punctuation, so quotes may be ``“…”``, single curly quotes (U+2018/U+2019),
``「…」`` or ``"…"``, and commas may be full- or half-width.

The rules mirror the judgements of the hand-made gold: a quoted name counts as a
brand only in brand context (brand vocabulary right after it, or a brand-making
verb right before it); named awards and provincial quality-brand programmes
count without quotes; enterprise classifications, campaigns, talent titles,
zones, slogans and numbered sets never count.
"""

from __future__ import annotations

import re

from ingest.patterns_enterprises import FIRM_COUNT


def _words(table: str) -> tuple[str, ...]:
    """Split a space-separated word table, which reads better than a column of literals."""
    return tuple(table.split())


HAN = r"\u3400-\u9fff"
"""Character class body for CJK ideographs (Extension A and the basic block)."""

# --- spans the extractor reads or skips --------------------------------------------

#: One regex per quote style; group ``inner`` is the quoted text.
#: Examples: ``“好品山东”``, ``「泰山品质」``, ``"济南服务"``, and 鲁字号 in single curly quotes.
QUOTES: tuple[re.Pattern[str], ...] = (
    re.compile(r"“(?P<inner>[^“”\n]{1,24})”"),
    re.compile("\u2018(?P<inner>[^\u2018\u2019\n]{1,24})\u2019"),
    re.compile(r"「(?P<inner>[^「」\n]{1,24})」"),
    re.compile(r"『(?P<inner>[^『』\n]{1,24})』"),
    re.compile(r"\"(?P<inner>[^\"\n]{1,24})\""),
)
#: Characters that open or close a quotation.  Example: the ``“`` of ``“好品山东”``.
QUOTE_CHARS = '“”\u2018\u2019「」『』"'
#: A document title; nothing inside it is a mention.
#: Example: ``《关于共建共享“好品山东”推动高质量发展若干措施》``.
BOOK_TITLE = re.compile(r"《[^《》\n]{0,120}》")
#: Where a sentence ends.  Example: the ``。`` in ``打造“泉水人家”区域公用品牌。``.
SENTENCE_END = re.compile(r"[。！？!?\n]")
#: What may stand between the quoted names of one list.
#: Examples: ``“在泉城全办成”“泉城公共服务”`` (nothing), ``“甲”、“乙”``, ``“甲”和“乙”``.
RUN_SEPARATOR = re.compile(r"\s*(?:[、,，]|和|与|及)?\s*")
#: Joins two brands into one brand system; the parts are the brands.
#: Example: ``好客山东·好品山东``.
NAME_JOINER = re.compile(r"[·•・‧]")

# --- what a quoted name must look like ----------------------------------------------

#: A span of years inside a name, whose dash is not a clause's.  Example: ``2015—2016年度``
#: in ``“2015—2016年度许昌市市长质量奖”``.
YEAR_SPAN = re.compile(r"\d{4}\s*[—–-]\s*\d{4}年度?")
#: An edition or year written between a local award's place and its name.  Examples:
#: ``第七届`` in ``黄石市第七届市长质量奖提名奖``, ``2015—2016年度``.
AWARD_EDITION = re.compile(r"(?:首届|第[一二三四五六七八九十百\d]+届|(?:\d{4}\s*[—–-]\s*)?\d{4}年度?)$")
#: An edition or year opening an award's title.  Example: ``第六届`` in ``第六届市长质量奖``.
AWARD_EDITION_START = re.compile(r"^(?:首届|第[一二三四五六七八九十百\d]+届|(?:\d{4}\s*[—–-]\s*)?\d{4}年度?)")
#: Words after an award that make it part of another name (a rule, a committee).
#: Example: ``评审委员会`` in ``市长质量奖评审委员会``.
AWARD_PART_OF = re.compile(
    r"(?:评审|评定|评选)?(?:委员会|办公室|领导小组)|(?:评定|评选)?(?:管理|实施)?办法")
#: Punctuation that makes a quotation a slogan or a clause, not a name.
#: Examples: ``“服务零距离、质量零缺陷”``, ``“来源:中国质量新闻网”``.
CLAUSE_PUNCTUATION = re.compile(r"[，,。；;：:！!？?、《》()（）…—]")
#: A Han character, required in every name.  Example: ``12345市民服务热线`` has one.
HAN_CHAR = re.compile(rf"[{HAN}]")
#: Classifiers that turn a leading numeral into a counted set (``五个``, ``五朵``, ``两区``).
#: ``只`` is left out: ``三只松鼠`` is a brand.
SET_CLASSIFIERS = "个大项类地强化位星级朵张条片种批支区园带链城核圈群"
#: Numbered sets, plan periods and formulas, never brands: a numeral with a classifier,
#: numerals alone, or a formula that alternates numerals.  A numeral that begins a place
#: name (``五常大米``, ``十堰``, ``三门峡``) makes no set.
#: Examples: ``五个济南``, ``三个品牌``, ``一大工程``, ``十强``, ``四地``, ``五朵金花``,
#: ``十四五``, ``1+10+N``, ``互联网+``; and formulas: ``一带一路``, ``双随机一公开``,
#: ``三位一体``, ``两区一城``.
NUMBERED_SET = re.compile(
    rf"^(?:[0-9一二三四五六七八九十百千万两双]+[{SET_CLASSIFIERS}]"
    r"|(?:[一二三四五六七八九十两双][^一二三四五六七八九十两双]{1,2}){2,}"
    r"|[一二三四五六七八九十百千万两]+$"
    r"|[0-9A-Za-z+\uff0b\-]+$"
    r"|.*[+\uff0b]$)"
)

#: Generic brand words and certification classes that name a category, not one brand.
#: Examples: ``“老字号”``, ``“自主品牌”``, ``“绿色食品”认证``, ``“地理标志产品”``,
#: ``“碳足迹”认证``.
GENERIC_NAMES = frozenset(
    _words(
        "老字号 老品牌 品牌 名牌 知名品牌 自主品牌 区域品牌 精品 名品 名优产品"
        " 绿色食品 有机食品 有机产品 有机农产品 无公害农产品 地理标志 地理标志产品 驰名商标"
        " 著名商标 质量品牌 特色品牌 无公害 绿色 有机 低碳 节能 环保 碳标签 碳足迹 能效 清真"
    )
)

#: Heads that mark a quoted term as something other than a brand, by category.
#: Examples: ``“旗舰企业”`` (enterprise class), ``“智改数转”行动`` (campaign), ``“链长制”``,
#: ``“首席质量官”`` (talent title), ``“一站式”`` (method), ``“雁阵效应”`` (metaphor).
NON_BRAND_HEADS: dict[str, tuple[str, ...]] = {
    "campaign or measure": _words(
        "计划 行动 工程 改革 模式 机制 体系 制度 方案 政策 工作 活动 战略 专项 项目 监管 登记 许可"
        " 办结 通办 制"
    ),
    "method label": _words("式 一体 一公开 即入 分离 合一"),
    "enterprise classification": _words("企业 冠军 巨人 瞪羚 独角兽 强 上云 标杆 专精特新"),
    "talent title": _words("官 工匠 人才 大师 能手 标兵 名匠"),
    "zone or place": _words("示范区 试验区 小镇 园区 开发区 新区 自贸区"),
    "slogan or metaphor": _words("效应 证 名片 招牌 引擎 高地 格局"),
    "document": _words("规划 纲要 意见 办法 细则 通知 条例 措施"),
}
#: The same heads as one anchored regex.  Example: matches ``“旗舰企业”``'s ``企业``.
NON_BRAND_HEAD = re.compile(
    "(?:"
    + "|".join(
        sorted({h for heads in NON_BRAND_HEADS.values() for h in heads}, key=len, reverse=True)
    )
    + ")$"
)

# --- brand context around a quotation -----------------------------------------------

#: Words that may stand between a quoted name and its brand word, up to three in a row.
#: Examples: ``“泉水人家”区域公用品牌``, ``“泰山品质”产品认证``, ``“甲”“乙”等本土老品牌``,
#: ``“甲”等企业品牌``, ``“甲”等特色农产品品牌``, ``“甲”城市名片``, ``“甲”中华老字号``,
#: ``“甲”美食品牌``, ``“甲”“乙”等劳务品牌``.
#: (``地理标志`` is a head, below, not a modifier.)
TAIL_MODIFIERS = _words(
    "区域公用 公用 公共 区域 高端 知名 自主 产品 服务 形象 系列 质量 城市 文旅 旅游 农业"
    " 农产品 特色 企业 本土 本地 地方 传统 老 金字 中华 著名 驰名 优质 名优 工业 国家 集体 证明"
    " 美食 餐饮 文化 电商 消费 生态 乡村 夜间 会展 体育 康养 劳务 家政 技能"
)
#: Words between a quoted list's ``等`` and its modifiers.  Example: ``“甲”“乙”等一批特色品牌``.
TAIL_QUANTIFIERS = _words("一批 一系列 多个 众多 诸多 一大批")
#: Demonstratives between a quoted name and its brand word.  Example: ``“甲”这张金字招牌``.
TAIL_DEMONSTRATIVES = _words("这张 这块 这一 一张 这个")
#: Verbs that give a quoted product a brand designation right after it.
#: Examples: ``“甲”“乙”获评农产品地理标志``, ``“甲”被认定为中华老字号``.
TAIL_VERBS = _words(
    "被认定为 被评为 认定为 评为 获评 荣获 获得 获批 入选 成功注册为 成功注册 注册为 成为"
)
#: Brand words that end a brand tail; the longer wins (``品牌认证`` before ``品牌``).
#: Examples: ``“甲”品牌认证``, ``“甲”地理标志证明商标``, ``“甲”城市名片``, ``“甲”金字招牌``.
TAIL_HEADS = _words("品牌认证 认证 品牌 标识 商标 地理标志 老字号 名片 招牌")


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first so that no word hides a longer one."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


#: Brand vocabulary right after a quotation (or after a quoted list, behind ``等``).
#: Examples: ``“好品山东”品牌``, ``“泰山品质”高端认证品牌``, ``“青字号”品牌培育行动``,
#: ``“在泉城全办成”“泉城公共服务”等品牌``, ``“潍县萝卜”地理标志``,
#: ``“甲”“乙”等一批特色农产品品牌``, ``“甲”“乙”获评农产品地理标志``.
BRAND_TAIL = re.compile(
    r"\s*(?:等" + _alternation(TAIL_QUANTIFIERS) + "?|" + _alternation(TAIL_DEMONSTRATIVES)
    + "|" + _alternation(TAIL_VERBS) + ")?"
    + _alternation(TAIL_MODIFIERS) + "{0,3}"
    + "(?P<head>" + "|".join(sorted(TAIL_HEADS, key=len, reverse=True)) + ")"
)
#: The tail words that make the name a certification.  Example: ``“泰山品质”认证``.
CERTIFICATION_HEADS = frozenset({"认证", "品牌认证"})
#: Verbs that make a quoted name known as a brand, with an optional ``…的`` modifier.
#: Examples: ``打响“济南品牌”``, ``共建共享“好品山东”``, ``擦亮“甲”``.
STRONG_LEAD = re.compile(
    rf"(?:打响|擦亮|叫响|唱响|共建共享|共享共建)(?:(?![成为])[{HAN}]{{1,8}}的)?\s*$"
)
#: Verbs that build many things; they count only in a sentence with :data:`BRAND_WORD`.
#: Examples: ``打造有温度的“济南服务”`` (brand sentence); not ``打造成质量管理的“健康证”``.
WEAK_LEAD = re.compile(rf"(?:打造|塑造)(?:(?![成为])[{HAN}]{{1,8}}的)?\s*$")
#: Brand vocabulary that a sentence needs for :data:`WEAK_LEAD`.
#: Example: ``品牌`` in ``打造有温度的“济南服务”,提出了打造…品牌``.
BRAND_WORD = re.compile(r"品牌|名片|招牌|字号|商标")
#: How many characters before a quotation the lead patterns look at.
LEAD_WINDOW = 14
#: A creation verb before a quoted designation.  Example: ``创建“全国质量强市示范城市”``.
CREATE_LEAD = re.compile(rf"创建(?:[{HAN}]{{1,4}}的)?\s*$")
#: Quality-brand vocabulary a created designation must contain.
#: Example: ``全国质量强市示范城市`` (has ``质量``); not ``平安市场``.
QUALITY_VOCABULARY = re.compile(r"质量|品牌|品质|名牌|优质|知名")
#: Words right after a verb-led quotation that make it a campaign, goal or place.
#: Examples: ``打造“五个济南”目标定位``, ``打造“一站式”服务平台``.
FOLLOWER_STOP = re.compile(
    r"(?:计划|行动|工程|改革|模式|机制|体系|服务|平台|活动|项目|目标|定位|战略|示范区"
    r"|试验区|中心|企业|人才|专班|资金)"
)

# --- self-describing names ----------------------------------------------------------

#: One-character province abbreviations, used by collective ``X字号`` labels.
#: Example: ``鲁`` in ``鲁字号``; ``新`` is left out because ``新字号`` is generic.
PROVINCE_ABBREVIATIONS = (
    "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁港澳台"
)
#: A quoted collective label of a province's products.  Examples: ``“鲁字号”``, ``“青字号”``;
#: not ``“老字号”``.
PROVINCE_LABEL = re.compile(rf"^[{PROVINCE_ABBREVIATIONS}]字号$")
#: Province-level names (without 省/市/自治区), for programme prefixes.
#: Example: ``山东`` in ``山东省优质产品基地``.
PROVINCES = _words(
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北"
    " 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾"
)
_PROVINCE = "(?:" + "|".join(PROVINCES) + ")(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?"

#: Characters an award's middle may not contain (verbs, particles, list marks, 奖 itself),
#: nor a second local head (``市长``), which starts an award of its own.
#: Examples: stops ``省市场监管局对获奖`` from reading as an award, and ``省长沙市市长质量奖``
#: (in ``湖南省长沙市市长质量奖``) from reading as a 省长 award.
_AWARD_MIDDLE = (
    rf"(?:(?![的对和与及或获给予在将为是等把被从向于以奖局厅委办级]|[省市州县区盟]长)[{HAN}])"
)
#: Words that turn ``奖`` into money or a generic noun.  Examples: ``奖补``, ``奖励``, ``奖项``.
AWARD_NOT_FOLLOWED = "补励金惩项状章学"
#: The tier that follows a named award and makes a second award.  Example: ``中国质量奖提名奖``.
AWARD_TIER = "提名奖"
#: A named award: a proper prefix, up to six more characters, then ``奖``/``大奖``, and an
#: optional :data:`AWARD_TIER`.
#: Examples: ``中国质量奖``, ``中国工业大奖``, ``中国优秀工业设计奖``, ``省长质量奖``,
#: ``贵州省省长质量奖``, ``重庆市市长质量管理奖``, ``市长质量奖``, ``市政府质量奖``,
#: ``中国质量奖提名奖``; not ``国家奖补资金``, ``全国一等奖``,
#: ``国家级质量奖``.
AWARD = re.compile(
    rf"(?:{_PROVINCE}(?:[省市]长)?|中国|全国|国家|省长|市长|州长|县长|区长|盟长"
    rf"|[省市州县区](?:人民)?政府)"
    rf"{_AWARD_MIDDLE}{{0,6}}?(?:大奖|奖)(?:{AWARD_TIER})?(?![{AWARD_NOT_FOLLOWED}])"
)
#: An award named after a local head or government, whose place may stand before it.
#: Examples: ``市长质量奖`` (``江州市`` before it), ``市政府质量奖`` (``河州`` before it).
#: Group ``level`` is the administrative level the place must end in.
LOCAL_AWARD_HEAD = re.compile(r"(?P<level>[市州县区盟])长|(?P<gov>[市州县区])(?:人民)?政府")
#: Characters that end the word before a place name: verbs of winning, particles, list marks.
#: Example: ``得`` in ``获得江州市市长质量奖`` ends ``获得``; the place is ``江州``.
PLACE_LEFT_BOUNDARY = "得获评创选增对的和及与或在为是向将了由从至计省"
#: Characters that start no place name (``全市``, ``本市``, ``我市``, ``各市`` are no places).
NOT_PLACE_START = "全本我各该其此每"
#: Lengths a place name may have before its level character, tried shortest first.
#: Examples: ``江州`` (2), ``哈尔滨`` (3), ``呼和浩特`` (4).
PLACE_LENGTHS = (2, 3, 4)

#: Verbs that put the awards after them in an award context.
#: Examples: ``争创中国质量奖和天府质量奖``, ``对获得…的组织``, ``鼓励企业参评…``.
AWARD_CONTEXT = re.compile(r"争创|获得|荣获|获评|参评|申报|评选|角逐|问鼎|夺得|新增|表彰|授予|颁发")
#: A quality award with a two-character proper name, at a list or verb boundary.
#: Examples: ``天府质量奖`` (in ``争创中国质量奖和天府质量奖``), ``钱江质量奖``, ``长江质量金奖``;
#: group ``name`` is the award.
NAMED_QUALITY_AWARD = re.compile(
    rf"(?:(?<=[和及与或、,，;；:：\s(（])|(?<=争创|获得|荣获|获评|参评|申报|评选|表彰|授予|颁发)|^)"
    rf"(?P<name>(?:首届|第[一二三四五六七八九十]+届)?(?P<prefix>{_AWARD_MIDDLE}{{2}})质量(?:管理)?金?奖"
    rf"(?:{AWARD_TIER})?)(?![{AWARD_NOT_FOLLOWED}])"
)
#: Two-character prefixes that make :data:`NAMED_QUALITY_AWARD` generic, not a proper name.
#: Examples: ``政府质量奖``, ``各类质量奖``, ``更高质量奖``.
GENERIC_AWARD_PREFIXES = frozenset(
    _words(
        "政府 人民 各类 更高 相关 有关 企业 行业 国家 全国 中国 地方 本市 本省 全省 全市 优秀 首届"
        " 省市 市县 县区 省部 国际 世界 团体 协会 社会"
    )
)
#: How many characters before a named quality award :data:`AWARD_CONTEXT` may stand.
AWARD_CONTEXT_WINDOW = 30
#: The rest of an award named after a quoted prefix.  Example: ``工业设计奖`` after ``“省长杯”``.
AWARD_AFTER_QUOTE = re.compile(rf"{_AWARD_MIDDLE}{{0,6}}?(?:大奖|奖)(?![{AWARD_NOT_FOLLOWED}])")
#: A quoted name that is itself an award.  Example: ``“鲁班奖”``.
AWARD_NAME = re.compile(r"奖$")
#: A quoted title given to products, a kind of award.
#: Examples: ``“江西名牌农产品”``, ``“湖北省十大名品”``, ``“江城名牌产品”``.
#: A designation written without quotes: a trademark title with a national, provincial or
#: level prefix, or a province's 名牌 / 名牌产品 / 优质产品 (not a base, list or firm of it).
#: Examples: ``中国驰名商标``, ``省著名商标``, ``陕西名牌``, ``河北省名牌产品``; not ``驰名商标``
#: alone, ``山东省优质产品基地``.
DESIGNATION_UNQUOTED = re.compile(
    rf"(?:中国|{_PROVINCE}|(?<![\u3400-\u9fff])省|(?<![\u3400-\u9fff])市)(?:驰名商标|著名商标|知名商标)"
    rf"|{_PROVINCE}(?:名牌(?!产品)|名牌产品|优质产品)(?![\u4e00-\u9fff]{{0,2}}(?:基地|示范|企业|目录))")
#: An old-brand title with its place before it (checked against the divisions).  Examples:
#: ``中华老字号``, ``郑州老字号``, ``贵州老字号``; not ``老字号`` alone.
OLD_BRAND_WORD = re.compile(r"老字号(?!企业)")
#: A quoted label of a place's products.  Examples: ``“陕西制造”``, ``“陕西创造”``, ``“天府好品”``.
REGIONAL_LABEL = re.compile(rf"^(?:{_PROVINCE}|中国)(?:制造|创造|智造|精品|品质|好品|优品|服务)$")
#: A word right before a quotation that names what the quoted name is.  Example:
#: ``中华老字号“长春药店”``.
TITLE_LEAD = re.compile(r"(?:老字号|注册商标)\s*$")
#: A quoted name that is a national or provincial trademark designation.  Examples:
#: ``“中国驰名商标”``, ``“福建省著名商标”``, ``“山东名牌”``; not ``“驰名商标”`` alone.
DESIGNATION_NAME = re.compile(
    rf"^(?:中国|{_PROVINCE})(?:驰名商标|著名商标|知名商标|名牌)$")
PRODUCT_TITLE_NAME = re.compile(r"(?:名牌(?:农|工业)?产品|名牌|名品)$")
#: A quoted name that calls itself a brand: a brand programme.
#: Examples: ``“高原食品牌”``, ``“江城品牌”``; generic ``“企业品牌”`` is left out by
#: :data:`GENERIC_TITLE`.
SELF_BRAND_NAME = re.compile(r"品牌$")
#: A quoted title made only of modifiers and a brand or title word: a category, not a name.
#: Examples: ``“区域公用品牌”``, ``“特色农产品品牌”``, ``“知名品牌”``.
GENERIC_TITLE = re.compile(
    _alternation(TAIL_MODIFIERS) + "*(?:品牌|名牌(?:农|工业)?产品|名牌|名品)"
)

#: The word right before a quoted list that presents it as the exemplars of an industry.
#: Example: ``以`` in ``以“江口红”为引领``.
EXEMPLAR_LEAD = re.compile(r"以\s*$")
#: The words right after such a list.  Examples: ``以“甲”“乙”为重点``, ``以“甲”为龙头``.
EXEMPLAR_FOLLOW = re.compile(r"\s*为(?:引领|龙头|重点|代表|主导|核心|主体|统领)")
#: Words the paragraph of an exemplar list must hold: it speaks of products or industries.
#: Example: ``产业`` in ``发展生态茶业产业。以“江口红”为引领``.
INDUSTRY_WORD = re.compile(r"产业|产品|品牌|特产|名优|农业")
#: Characters that mark a quoted exemplar as an action or reform slogan, not a product.
#: Examples: ``“放管服”``, ``“数字赋能”``, ``“智改数转”``.
ACTION_CHARS = re.compile(r"[改转赋融促提升治管放办建抓稳惠减降优化强]")
#: The shortest exemplar name taken without brand vocabulary.  Example: ``江口红`` (3).
MIN_EXEMPLAR_LENGTH = 3
#: Level characters that show a word is a place where the text names it as one.
#: Example: ``江口`` is a place in a text that writes ``江口县``, so ``“江口红”`` begins with one.
PLACE_LEVELS = "省市县区州旗镇"
#: Lengths of the place a product name may begin with.  Examples: ``江口`` (2), ``哈尔滨`` (3).
PLACE_PREFIX_LENGTHS = (2, 3)

#: A certification named after a province's products, without quotes.
#: Examples: ``浙江制造认证``, ``江苏精品认证``, ``四川优品品牌认证``; group ``name`` is the
#: certification without ``认证``.
REGIONAL_CERTIFICATION = re.compile(
    "(?P<name>" + _alternation(PROVINCES) + r"(?:制造|精品|优品|好品|品质))(?:品牌)?认证"
)

#: Heads of quality-brand programmes whose members a plan counts.
#: Examples: ``高端品牌培育企业``, ``优质产品基地``, ``质量强市示范城市``.
PROGRAMME_HEADS = (
    r"(?:高端|知名|重点)?品牌培育(?:示范)?企业",
    r"优质产品基地",
    r"知名品牌(?:创建)?示范区",
    r"质量强[省市县区]示范(?:城市|县|区)?",
)
_PROGRAMME_HEAD = "(?:" + "|".join(PROGRAMME_HEADS) + ")"
#: A programme named with its region.  Examples: ``山东省高端品牌培育企业``,
#: ``山东省优质产品基地``, ``全国质量强市示范城市``; not ``山东省制造业单项冠军企业``.
PROGRAMME = re.compile(rf"(?:{_PROVINCE}|全国|国家){_PROGRAMME_HEAD}")
#: A quoted designation that names a programme.  Example: ``“全国质量强市示范城市”``.
PROGRAMME_NAME = re.compile(rf"(?:{_PROGRAMME_HEAD}|示范城市)$")

# --- titles and certifications named in full inside quotes ---------------------------

#: A quoted old-brand title: a region (``中华``, a province, or a place) before ``老字号``.
#: Group ``place`` is the region; a place other than 中华 or a province must be named in the
#: text with a level (``长春`` of ``长春市``).  Examples: ``认定“中华老字号”``,
#: ``申报“吉林老字号”``, ``“长春老字号”``; not ``“老字号”``, ``“百年老字号”``.
OLD_BRAND_TITLE = re.compile(rf"^(?P<place>中华|{_PROVINCE}|[{HAN}]{{2,4}}?)老字号$")
#: The regions an :data:`OLD_BRAND_TITLE` may name without the text naming them as places.
#: Example: ``中华`` in ``“中华老字号”``.
TITLE_REGIONS = re.compile(rf"^(?:中华|{_PROVINCE})$")

#: A quoted name that is itself a certification: a proper prefix before ``认证``.
#: Group ``prefix`` is the part before ``认证``.  Examples: ``推广“湾区认证”``,
#: ``“江城优品认证”``; not ``“有机认证”``, ``“高级认证”``, ``“3C认证”``.
CERTIFICATION_NAME = re.compile(rf"^(?P<prefix>[{HAN}]{{2,8}}?)(?:品牌)?认证$")
#: Prefixes that make a :data:`CERTIFICATION_NAME` a class or grade, not one certification.
#: Examples: ``高级认证`` (a customs grade), ``产品认证``, ``体系认证``, ``有机产品认证``.
GENERIC_CERTIFICATION_PREFIXES = frozenset(
    _words(
        "高级 一般 初级 中级 产品 体系 管理体系 质量 质量管理体系 服务 强制性 自愿性 第三方"
        " 国际 国内 企业 品牌 资质 能力 等级 星级 标准 合格 有机产品 绿色产品"
    )
)

# --- geographical-indication products listed without quotes ------------------------

#: Words after a ``、`` list that name its items as geographical-indication products.
#: Examples: ``等地理标志产品``, ``等国家地理标志农产品``, ``等农产品地理标志``,
#: ``等地理标志证明商标``.
GI_TAIL = r"等(?:一批)?(?:国家|农产品|国家农产品)?地理标志(?:保护)?(?:农产品|产品|证明商标|商标)?"
#: One unquoted item of such a list: Han characters without particles or list words.
#: Example: ``尼木藏香``.
GI_ITEM = rf"(?:(?![的和与及或等对在为是将])[{HAN}]){{2,12}}"
#: An unquoted ``、`` list before :data:`GI_TAIL`; group ``items`` is the list.
#: Example: ``支持当雄牦牛、尼木藏香、林周青稞等地理标志产品``.
GI_LIST = re.compile(rf"(?P<items>{GI_ITEM}(?:、{GI_ITEM})*){GI_TAIL}")
#: Verbs that may lead the first item of a GI list; they are not part of the name.
#: Examples: ``支持`` in ``支持当雄牦牛、…``, ``做强`` in ``做强林周青稞等…``.
GI_LEAD_VERBS = _words(
    "支持 推动 推进 培育 打造 擦亮 做强 做大 做优 发展 保护 推广 加强 提升 壮大 扩大 宣传"
    " 推介 鼓励 引导 重点 依托 围绕 包括 拥有 新增 认定 申报 注册 登记 开发 做精"
    " 我省 我市 我县 我区 全省 全市 全县 全区 了 推出 先后 形成 创建 叫响 唱响"
)
#: A ``、`` list closed as brands: by ``等`` or a count of them (``3个``), maybe a class word
#: between, then ``品牌`` and a clause end or a verb that enters them in a list.  The list
#: is read like a GI list (lead verbs cut, items that are no product names dropped).
#: Examples: ``培育恩施硒茶、武当道茶、青砖茶等茶叶品牌,``, ``重点打造甲龙虾、乙蕲艾两个核心
#: 品牌``, ``我省甲黄精、乙大米5个品牌上榜``, ``甲记、乙花、丙林等3个品牌入选`` (a count that
#: matches the items admits two-character marks), ``甲毛尖、甲红茶成为响亮茶叶品牌``; not
#: ``…等品牌企业``, ``…等品牌建设``.
BRAND_CLOSED_LIST = re.compile(
    rf"(?P<items>{GI_ITEM}(?:、\s?{GI_ITEM})+)"
    r"(?:(?:等\s*(?P<counted>[\d一二两三四五六七八九十]{1,3})个|等|(?P<count>[\d一二两三四五六七八九十]{1,3})个)"
    r"(?:一批)?(?:(?!企业|产业|争|创|打造)[\u4e00-\u9fff“”]){0,8}?"
    r"|(?:成为|跻身|入选)(?:(?!企业|产业|争|创|打造)[\u4e00-\u9fff“”]){0,10}?)品牌"
    r"(?=[,，。;；\n]|上榜|入选|获|被评|荣获|榜上|在列|$)")
#: Where :data:`BRAND_CLOSED_LIST` may stand (a cheap test of the sentence first).
#: Example: ``等茶叶品牌``, ``两个核心品牌``.
BRAND_CLOSED_CUE = re.compile(r"(?:等|个|成为|跻身|入选)[^。\n]{0,12}?品牌")
#: Where :data:`COUNTED_LIST` may stand.  Example: ``6个,分别是``.
COUNTED_CUE = re.compile(r"个[^。\n]{0,24}?分别[为是]")
#: Product classes, which a list of brands does not hold: a list with one is a list of
#: classes (``中药材、食用菌、畜禽等特色品牌``).
PRODUCT_CLASSES = frozenset(
    _words(
        "中药材 食用菌 畜禽 茶叶 水果 蔬菜 粮油 水产 果品 林特 花卉 苗木 家禽 生猪 肉类 奶业"
        " 水产品 农产品 林产品 畜产品 中药 特产 土特产 工业品 消费品 服务业 制造业 旅游"
        " 食品 纺织 服装 家电 家具 机械 化工 医药 建材 电子 汽车 钢铁 粮食 酒类 饮料 乳品 餐饮"
    )
)
#: Item lengths a GI product name may have, shortest and longest.  Examples: ``陕茶`` is too
#: short; ``当雄牦牛`` (4) and ``三门峡苹果`` (5) fit.
GI_NAME_LENGTHS = (3, 8)
#: The longest item of a list that states it names brands (``品牌为…``): a place of four
#: or five characters and a product (``某托克阿尔巴斯绒山羊``).
STATED_BRAND_LENGTH = 12
#: The longest first item taken with no lead verb before it, unless another item of the list
#: is as long: a longer one may hide an unknown verb.  Examples: ``,当雄牦牛、…`` (4) is
#: taken; ``,着力打好河州香梨、江口萝卜`` (8 against 4) is not.
GI_BARE_FIRST_LENGTH = 5

# --- brands listed without quotes in a report of a brand list ---------------------

#: One unquoted item of a brand list: Han characters without particles or list words.
#: Example: ``某某香醋``.
BRAND_ITEM = r"[^\W\dA-Za-z_的和与及或等对在为是将]{2,8}"
#: An unquoted ``、`` list of brands: after a word that opens a list (``包括``, ``分别是``) or
#: a clause mark, and closed by ``等`` + a verb that enters them into a list (``等入选``) or,
#: after an opening word, by ``等`` and the clause's end.  Examples: ``甲、乙、丙等入选时代优品``,
#: ``43个区域品牌,包括甲醋、乙茶等``.
BRAND_LIST = re.compile(
    rf"(?:(?P<lead>包括|分别是|分别为)[:：]?|(?<=[,，。;；:：\n]))"
    rf"(?P<items>{BRAND_ITEM}(?:、{BRAND_ITEM})+)"
    r"等(?:(?=入选|上榜|获评|被评为|荣获)|(?(lead)(?=[,，。;；\n]|具有|在内)|(?!)))")
#: What is left after a list the storage limit cut: nothing, or the cut mark.  Example:
#: ``\n[…]``.
TEXT_CUT = re.compile(r"\s*(?:\[…\]|\[\.\.\.\]|…)?\s*")
#: A counted list without 等: a count, 分别是/分别为, then exactly that many items up to the
#: clause's end.  Read as brands when what is counted is brands (``N个品牌``), or nothing is
#: named after the count and the sentence speaks of brands.  Examples:
#: ``这4个品牌分别是:甲蜜橘、乙龙虾、丙鱼糕、丁莲藕。``, ``品牌包括“一级”3个,分别是甲、乙、丙;``.
COUNTED_LIST = re.compile(
    r"(?P<count>[\d一二两三四五六七八九十]{1,3})个(?P<noun>[^。;；\n,，]{0,20}?)[,，]?\s*分别[为是][:：]?"
    r"(?P<items>[^\W\dA-Za-z_]{2,10}(?:、[^\W\dA-Za-z_]{2,10})+)(?=[。;；\n]|$)")
#: What a list of persons or groups is entered into (a title, not a brand list).  Example:
#: ``劳动模范`` in ``张某、李某等入选全国劳动模范``.
PERSON_TITLE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:模范|工匠|人才|标兵|先进|个人|集体|代表|专家|名师|能手|榜样)")
#: A brand list stated as what the brands are: ``品牌为`` (or 是, 分别为) and an unquoted
#: ``、`` list up to the clause's end.  Example: ``入选的特色农产品区域公用品牌为甲羊肉、乙牛、
#: 丙马铃薯。``
BRANDS_ARE_LIST = re.compile(
    rf"品牌(?:名单)?(?:为|是)[:：]?\s*(?P<items>{GI_ITEM}(?:、{GI_ITEM})+)(?=[。;；\n]|$)")
#: How far before such a list a count of its brands may stand (``这4个品牌是``).
BRAND_COUNT_SPAN = 8
#: A list after ``分别为`` whose count stands earlier in its sentence, which speaks of
#: brands.  Example: ``11个“川字号”品牌涉及果品、蔬菜等种类,分别为:甲柠檬、乙猕猴桃…``
SENTENCE_COUNTED_LIST = re.compile(
    rf"[,，]\s*分别[为是][:：]?\s*(?P<items>{GI_ITEM}(?:、{GI_ITEM})+)(?=[。;；\n]|$)")
#: A count of items in a sentence.  Example: ``11个``.
ITEM_COUNT = re.compile(r"(?P<count>[\d一二两三四五六七八九十]{1,3})个")
#: A registered mark a list entry gives in brackets.  Example: ``(注册商标:某某酒)`` in
#: ``1.四川某某酒业有限公司(注册商标:某某酒)``.
REGISTERED_MARK = re.compile(
    r"[(（](?:代表性)?(?:注册商标|商标|品牌)[:：]\s*(?P<mark>[^()（）、,，;；:：\s]{2,12})[)）]")
#: The end of a named catalogue of brands, whose place stands a few words before it.
#: Examples: ``中国农业品牌目录``, ``江苏农产品品牌目录``, ``四川省农业品牌目录``.
BRAND_CATALOGUE_END = re.compile(r"品牌目录")
#: How far before :data:`BRAND_CATALOGUE_END` a catalogue's place may start.
BRAND_CATALOGUE_SPAN = 10
#: Words before such a list that say it names brands.  Examples: ``品牌``, ``名品``,
#: ``名牌``, ``老字号``; looked for in :data:`BRAND_LIST_CONTEXT` characters before it.
BRAND_LIST_CUE = re.compile(r"品牌|名品|名牌|老字号|商标")
BRAND_LIST_CONTEXT = 300
#: Items of such a list that are not brands: firms, places, sites, categories.
#: Examples: ``某某公司``, ``某某镇``, ``某某景区``.
NOT_LISTED_BRAND = re.compile(
    r"(?:公司|集团|合作社|企业|协会|政府|镇|乡|村|县|市|区|省|景区|基地|园|中心|行业|产品|品牌"
    r"|厂|店|馆|庄|铺|坊|楼|酒家|研究所)$")
#: A count of houses or firms (``35家``, ``十家``) in the sentence before such a list: its
#: items are the enterprises counted (老字号 houses), not brands.  Example: ``老字号共有68家,
#: 最终仅有35家入围,包括甲、乙等``.
COUNTED_HOUSES = re.compile(FIRM_COUNT)
