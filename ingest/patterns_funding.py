"""Named patterns for funding (money a plan gives or allocates) in Chinese plans.

Every Chinese marker the funding extractor uses is a constant here, with an
example; each family has unit tests in ``tests/unit/test_funding.py`` and
``tests/unit/test_funding_forms.py``.  Numbers and money units come from
:mod:`ingest.patterns_targets`, so an amount reads the same in both extractors.
"""

from __future__ import annotations

import re

from ingest.patterns_targets import ARABIC_NUMBER, CN_NUMERAL_CHARS, MONEY_UNIT

#: An amount of money.  Examples: ``50万元``, ``2.43亿元``, ``五十万元``.
MONEY = rf"(?:{ARABIC_NUMBER}|[{CN_NUMERAL_CHARS}]+){MONEY_UNIT}"
#: One or more amounts joined by ``、``/``和``/``或``.  Example: ``200万元、500万元``.
MONEY_LIST = rf"{MONEY}(?:(?:、|和|或){MONEY})*"
#: Words between a giving verb and the amount.  Examples: ``一次性奖励`` in
#: ``给予一次性奖励50万元``, ``最高不超过`` in ``给予最高不超过30万元补助``,
#: ``每家企业`` in ``给予每家企业10万元补助``, ``经费`` in ``安排经费80万元``.
FUNDING_MODIFIER = (
    r"(?:一次性|最高|最多|不超过|不高于|资金|奖励|奖补|补助|补贴|扶持|专项资金|财政资金|专项|经费"
    r"|总规模|规模|总额|共计|累计|相应|为|了|人民币|每[家个户人项辆台套张次批][^\d,，;；:：。]{0,8}?)"
)
#: A giving verb written after 最高 in a cap.  Example: ``支持`` in ``最高支持3000万元``.
CAP_VERB = r"(?:支持|奖励|补助|补贴|资助|给予)"
#: A giving or allocating verb tied to one or more amounts.  Examples:
#: ``分别给予50万元、5万元``, ``每年拿出150万元``, ``设立2.43亿元``, ``一次性奖励10万元``,
#: ``每亩奖补500元``.
FUNDING_TRIGGER = re.compile(
    r"(?P<per>每年度?)?(?:(?P<each>分别|各)(?=(?:一次性)?(?:给予|奖励|奖补|补助|补贴|资助|扶持))(?:一次性)?)?"
    r"(?P<verb>给予|奖励|奖补|补助|补贴|资助|扶持|拿出|安排|设立|投入|下达"
    r"|拨付|筹措|整合)"
    rf"(?P<mods>{FUNDING_MODIFIER}*)(?P<amounts>{MONEY_LIST})"
)
#: Nouns that name a budget or fund.  Examples: ``专项资金``, ``引导基金``, ``工作经费``.
FUND_NOUN = r"(?:资金|基金|经费|前期费|工作费|费用)"
#: A floor written before a budget's amount.  Example: ``不低于`` in
#: ``每年安排就业补助资金不低于8000万元``.
BUDGET_FLOOR_WORD = r"(?:不低于|不少于)"
#: A fund named between the verb and its amount, the amount possibly a floor.
#: Examples: ``每年安排茶产业发展专项资金3000万元``, ``每年统筹安排创建工作经费80万元``,
#: ``每年安排乡村产业发展资金不少于1亿元`` (1亿元 a year).
FUNDING_FUND_FIRST = re.compile(
    r"(?P<per>每年度?)?(?:统筹|新增)?(?P<verb>安排|设立|拿出|投入|统筹|筹措)"
    rf"(?P<fund>[^,，;；:：。\d]{{2,30}}?{FUND_NOUN})"
    rf"(?P<mods>{BUDGET_FLOOR_WORD}?{FUNDING_MODIFIER}*)(?P<amounts>{MONEY})"
)
#: A fund named first, then what it holds each year after a comma.  Example:
#: ``设立了中小微企业品牌建设专项资金,每年2000万元`` (2000万元 a year).
FUNDING_FUND_THEN_AMOUNT = re.compile(
    rf"(?P<verb>设立|安排|拿出|筹措)了?(?P<fund>[^,，;；:：。\d]{{2,30}}?{FUND_NOUN})[,，]\s*"
    rf"(?P<per>每年度?)(?P<mods>{FUNDING_MODIFIER}*)(?P<amounts>{MONEY})"
)
#: A budget written as a floor before the fund it sets up.  Example:
#: ``每年安排不低于3亿元的产业转型专项资金`` (3亿元 a year).
FUNDING_BUDGET_FLOOR = re.compile(
    r"(?P<per>每年度?)?(?P<verb>安排|设立|拿出)(?P<mods>不低于|不少于)(?P<amounts>"
    rf"{MONEY})(?=的?[^,，;；:：。]{{0,30}}?{FUND_NOUN})"
)
#: The receiver named right after 给予, with one amount or a list.  Examples:
#: ``给予项目单位最高200万元奖励``, ``分别给予管理团队最高不超过80万元、160万元奖励``.
FUNDING_GIVEN_TO = re.compile(
    r"(?P<verb>给予)(?P<who>[^,，;；:：。\d]{2,20}?)"
    rf"(?P<mods>(?:最高|一次性|最多){FUNDING_MODIFIER}*)(?P<amounts>{MONEY_LIST})"
)
#: A person or body rewarded, named between 奖励 and the amount.  Example:
#: ``奖励企业负责人3万元``.
FUNDING_REWARD_WHO = re.compile(
    rf"(?P<verb>奖励)(?P<who>[\u4e00-\u9fff]{{2,10}}?(?:负责人|团队|个人|单位|企业|人员))(?P<amounts>{MONEY})"
)
#: Quoted names coordinated before 分别/各: each is its own recipient.  Example:
#: ``“地理标志证明商标”与“地理标志产品”`` in ``获得“…”与“…”认定的分别奖励10万元``.
QUOTED_COORDINATION = re.compile(r"“[^“”]{1,30}”(?:(?:与|和|、|及|或)“[^“”]{1,30}”)+")
#: Unquoted titles listed after a verb of winning, before 分别/各 with one amount: each
#: title is its own recipient.  Example: ``获得中国质量奖提名奖、中华老字号、中国驰名商标的``.
WON_TITLES = re.compile(
    r"^(?P<lead>[^、,，;；]*?(?:获得|荣获|被评为|被认定为|认定为|评为|入选))"
    r"(?P<items>[^、,，;；的]{2,30}(?:、[^、,，;；的]{2,30})+)(?P<tail>的[^、,，;；]{0,10})?$")
#: The count of winners after their names.  Examples: ``等2家企业``, ``5家企业`` (glued to
#: the last name), ``等单位``.
WINNER_COUNT = (r"(?:等?\s*[\d一二三四五六七八九十]+\s*家(?:企业|单位|组织)?"
                r"|等(?:企业|单位|组织))")
#: The edition before a quoted award.  Example: ``第五届`` in ``第五届“福州市政府质量奖”``.
EDITION_BEFORE = r"(?:首届|第[\d一二三四五六七八九十]+届|\d{4}年度?)"
#: What an award decision may say between the award and the money.  Examples:
#: ``现予以公布并``, ``予以表彰,并``.
AWARD_BRIDGE = r"(?:[,，]?\s*(?:现)?予以(?:公布|表彰|通报表彰)[,，]?)?"
#: How the money goes to every winner.  Examples: ``分别``, ``各``, ``每家获奖企业`` after 给予.
PER_WINNER = r"(?:每家|每个)(?:获奖)?(?:企业|单位)?"
#: An award decision: the winners named after 授予, the award in quotes, and the money
#: each gets (分别/各).  Examples: ``授予A公司、B公司等2家企业“2016年度某市市长质量奖”,
#: 各奖励100万元``, ``授予A公司、B公司2家企业第二届“某市政府质量奖”,现予以公布并给予
#: 每家获奖企业50万元奖励``.
AWARD_GRANT = re.compile(
    rf"授予(?P<who>[^“”。;；]{{2,300}}?){WINNER_COUNT}?{EDITION_BEFORE}?"
    rf"“(?P<award>[^“”]{{2,60}})”(?:称号|荣誉称号|荣誉)?{AWARD_BRIDGE}[,，]?\s*(?:并)?"
    rf"(?P<each>分别|各)?(?P<verb>奖励|给予)(?:{PER_WINNER})?(?:奖金|奖励)?(?:人民币)?"
    rf"(?P<amounts>{MONEY})"
)
#: The same without quotes: the winners end with a body's suffix (or a count, ``等单位``)
#: and the award is short.  Examples: ``授予某某管业股份有限公司叶县分公司县长质量贡献奖,
#: 奖励5万元``, ``授予甲公司、乙公司等单位2020年度某市市长质量奖,并分别给予人民币50万元``.
AWARD_GRANT_BARE = re.compile(
    r"授予(?P<who>[^“”。;；]{2,300}?(?:公司|集团|厂|院|馆|社|中心|所|站|队|学校|医院|店|行))"
    rf"{WINNER_COUNT}?"
    r"(?P<award>(?:\d{4}年度?)?(?:[\u4e00-\u9fff]{2,4}?[省市县区])?(?:县长|市长|省长|区长|州长|政府)?"
    rf"[\u4e00-\u9fff]{{0,6}}?奖){AWARD_BRIDGE}[,，]?\s*(?:并)?(?P<each>分别|各)?"
    rf"(?P<verb>奖励|给予)(?:{PER_WINNER})?(?:奖金|奖励)?(?:人民币)?(?P<amounts>{MONEY})"
)
#: A recipient that names an award's winners only as a group, as a news lead restating the
#: decision does.  Examples: ``获奖企业``, ``每家获奖单位``.
AWARD_RESTATED = re.compile(r"获奖(?:企业|单位|组织)|^每家")
#: The winners an exception after the amount excludes from the money.  Example:
#: ``(其中,C公司已荣获第七届提名奖,本届不重复颁发奖金)``.
AWARD_EXCEPTION = re.compile(
    r"\s*[(（]其中[,，]?(?P<names>[^()（）]{2,120}?)(?:已|曾)[^()（）]{0,60}?(?:不重复|不再)[^()（）]*[)）]")
#: The receiver right after 给予 with no modifier, when a subsidy noun follows
#: the amount.  Example: ``给予企业经营团队10万元奖励``; not ``给予房租补贴3万元``.
FUNDING_GIVEN_TO_PLAIN = re.compile(
    rf"(?P<verb>给予)(?P<who>[^,，;；:：。\d]{{2,20}}?)(?P<amounts>{MONEY_LIST})"
    r"(?=的?(?:一次性)?(?:奖励|补助|补贴|资助|扶持|支持|奖补))"
)
#: An amount per item (per trademark, per vehicle, per person …) before the
#: giving verb, which may name the subsidy first.  Examples: ``按每件最高5000元给予补助``,
#: ``按每台800元标准给予补贴``, ``按每人1000元标准给予一次性吸纳就业补贴``.
FUNDING_PER_UNIT = re.compile(
    r"按照?(?:每|单)[^\d,，;；:：。]{1,4}?(?P<mods>最高不超过|最高|不超过|最多)?"
    rf"(?P<amounts>{MONEY})的?(?:标准)?(?:(?:给予|予以)[^\d,，;；:：。]{{0,10}}?)?"
    r"(?P<verb>奖励|补助|补贴|资助|奖补|扶持|补偿)"
)
#: An amount per unit written as a rate (amount / unit) before the giving verb.  Example:
#: ``按照200元/亩的标准给予补贴``, ``按300元/人给予补助``.
FUNDING_RATE_PER_UNIT = re.compile(
    rf"按照?(?P<amounts>{MONEY})/[\u4e00-\u9fff]{{1,2}}的?(?:标准)?"
    r"(?:(?:给予|予以)[^\d,，;；:：。]{0,10}?)?(?P<verb>奖励|补助|补贴|资助|奖补|扶持|补偿)"
)
#: A share of a budget, after the budget's ``其中``: what it supports, then its amount.
#: Examples: ``支持高水平大学建设6.49亿元`` in ``安排13.06亿元,其中,支持甲4.26亿元,支持高水平
#: 大学建设6.49亿元``, ``用于农田建设3000万元`` in ``安排资金5000万元,其中用于农田建设3000万元``.
FUNDING_SHARE = re.compile(
    r"(?:(?<=其中)|(?<=其中[,，:：])|(?<=[,，;；]))(?P<verb>支持|用于)"
    rf"(?P<fund>[^,，;；:：。\d]{{2,40}}?)(?P<amounts>{MONEY})(?=[,，;；。]|$)")
#: The word that opens the shares of a budget.  Example: ``其中``.
SHARES_OPEN = "其中"
#: A subsidy's rate stated as its standard, per unit or not.  Examples:
#: ``补助标准为每亩200元``, ``补贴标准为每户最高3000元``, ``奖补标准:每个5万元``.
FUNDING_STANDARD = re.compile(
    r"(?P<verb>奖励|补助|补贴|资助|奖补|扶持)标准(?:为|是|:|：)?(?:每[^\d,，;；:：。]{1,6}?)?"
    rf"(?P<mods>最高不超过|最高|不超过|最多)?(?P<amounts>{MONEY_LIST})"
)
#: A ceiling on the sum of what is given, not a further payment.  Examples:
#: ``奖励总额不超过`` in ``单个企业年度奖励总额不超过100万元``, ``累计不超过``
#: in ``同一企业累计补助不超过300万元``.
AGGREGATE_CEILING = re.compile(r"(?:总额|累计|合计|总计)[^\d]{0,4}?(?:不超过|不高于|最高|最多|以内)")
#: Words that end a recipient but belong to the amount.  Example: ``一次性`` in
#: ``…龙头企业一次性奖励50万元``.
RECIPIENT_TAIL = re.compile(r"(?:一次性|最高|最多|不超过|分别|各|给予|将|可|均)+$")
#: A tier's label at the head of its condition.  Examples: ``奖励一`` in
#: ``奖励一入围…500强,奖励50万元``, ``第二档``, ``(三)``.
TIER_LABEL = re.compile(
    r"^(?:(?:奖励|补助|奖补|扶持|支持)[一二三四五六七八九十]+(?![次等])"
    r"|第?[一二三四五六七八九十]+(?:档|类|是)|[(（][一二三四五六七八九十]+[)）])")
#: A clause that only says what the amount is paid for each of.  Example: ``每件`` in
#: ``…商标注册,每件补助5万元``.
PER_ITEM_ONLY = re.compile(r"^\s*(?:每|单)[\u4e00-\u9fff]{1,2}\s*$")
#: Sentence words before a recipient's 对.  Example: ``其中`` in ``其中对A、B分别给予…``.
SENTENCE_LEAD_BEFORE_DUI = re.compile(r"^(?:其中|同时|此外)(?=对)")
#: Words that open a clause before a giving verb but are not part of whom it names.
#: Examples: ``规定对`` in ``规定对新增的高新技术企业给予50万元奖励``, ``其中,``.
RECIPIENT_LEAD = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?(?:规定|决定|明确|提出))?(?:并|再|还|要|可)?对?")
#: A cap written as its own clause after a subsidy rate, optionally with what it
#: is counted per.  Examples: ``按投资额的10%给予补助,最高不超过100万元``;
#: ``…给予补助,单个园区每年最高80万元``; ``…给予贴息,单户企业年度贴息最高不超过20万元``;
#: with its own verb: ``对…的投资项目,最高支持3000万元``; per unit: ``按实给予补助,最高不超过
#: 每盏4000元``, ``按农药款50%、最高不超过每亩80元补助``.
FUNDING_CAP = re.compile(
    r"(?<=[,，;；、])(?P<subject>[^,，;；:：。!！?？\d]{0,10}?)"
    rf"(?P<mods>(?:最高(?:不超过|可达)?|最多(?:不超过)?)(?P<capverb>{CAP_VERB})?(?:每[\u4e00-\u9fff]{{1,2}})?)"
    rf"(?P<amounts>{MONEY})"
)
#: Words before 最高 that make the cap a loan limit, not money given.  Example:
#: ``单笔贷款`` in ``…给予贴息,单笔贷款最高500万元``.
CAP_NOT_GIVEN = re.compile(r"贷款|额度|授信|担保|融资")
#: A cap counted per year, in the words before 最高.  Examples: ``每年`` in
#: ``单个园区每年最高80万元``, ``年度`` in ``单户企业年度贴息最高…``.
CAP_PER_YEAR = re.compile(r"每年度?|年度")
#: One amount inside ``amounts``.  Example: ``5万元`` in ``50万元、5万元``.
MONEY_ITEM = re.compile(rf"(?P<num>{ARABIC_NUMBER}|[{CN_NUMERAL_CHARS}]+)(?P<unit>{MONEY_UNIT})")
#: Any giving verb, for a cap clause to lean on.  Example: ``给予`` in ``给予补助,最高…``.
FUNDING_VERB = re.compile(r"给予|奖励|奖补|补助|补贴|资助|扶持|拿出|安排|设立|投入")
#: A yearly amount marked after it.  Example: ``/年`` in ``10万元/年``.
PER_YEAR_AFTER = re.compile(r"/年|每年")
#: ``分别`` closing a recipient.  Example: ``…的组织和个人分别``.
RESPECTIVELY_TAIL = re.compile(r"\s*分别\s*$")
#: Verbs that set up or budget a fund (the recipient may be the fund itself).
#: Example: ``设立`` in ``设立2.43亿元推动工业强市发展专项引导资金``.
#: A public budget allocated: what a plan's part sets aside for itself.  Examples:
#: ``市财政预算安排资金23.68亿元``, ``全市财政预算安排17.25亿元``; not ``安排专项资金``.
BUDGET_ALLOCATION = re.compile(r"(?:财政|预算)[\u4e00-\u9fff]{0,4}?安排")
#: A bracketed clause closing a heading.  Example: ``(由市科技局牵头实施)``.
HEADING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")
FUND_VERBS = frozenset({"设立", "安排", "拿出", "投入", "下达", "拨付", "筹措", "整合"})
#: The fund named right after its amount.  Examples: ``推动工业强市发展专项引导资金``,
#: ``的数字化转型专项资金`` after ``不低于2亿元``.
FUND_NAME = re.compile(
    rf"^的?(?P<fund>[^,，;；:：。!！?？]{{0,30}}?{FUND_NOUN})(?=$|[,，;；:：。!！?？])"
)
#: The purpose of a budget.  Example: ``用于品牌培育孵化、教育培训等``.
#: Example with the purpose in the next clause: ``安排1000万元专项资金,用于支持企业技改``.
PURPOSE = re.compile(
    r"^[^,，;；:：。]{0,20}?[,，]?\s*(?:主要|专门|专项)?用于(?P<purpose>[^,，;；:：。]{2,40})"
)
#: What a budget supports or pays for, in the clause after its amount, when no
#: fund is named (or only a generic one).  Examples: ``支持园区公共平台建设`` in
#: ``安排800万元专项资金,支持园区公共平台建设``; ``家电消费券`` in
#: ``安排500万元,分批次发放家电消费券``.
BUDGET_SUPPORT = re.compile(
    r"^的?(?:[^,，;；:：。]{0,12}?[,，]\s*|(?:专项)?资金)(?:重点|主要|专门)?(?:分批次|分批|分期)?"
    r"(?:支持|扶持|推动|发放)(?P<purpose>[^,，;；:：。]{2,40})"
)
#: A fund noun with no name of its own.  Examples: ``专项资金``, ``资金``, ``经费``.
GENERIC_FUND = re.compile(r"(?:专项|财政|专项财政)?(?:资金|经费)")
#: ``对X`` at the start of a clause: X receives the money.  Examples:
#: ``对新获得山东省优质产品基地的组织`` before ``给予20万元资金扶持``;
#: ``对符合条件的技改项目`` before ``,按投资额的10%给予补助,最高不超过200万元``.
RECIPIENT_DUI = re.compile(
    r"(?:^|(?<=[,，;；:：。\s)）])|(?<=[一二三四五六七八九十]、)|(?<=\d[.．、]))"
    r"(?:并|再|还|要|可)?对(?P<who>[^,，;；:：。]{2,60}?)"
    r"(?=[,，;；:：。]|分别|给予|按照|按|$)"
)
#: A clause naming the recipient with ``的`` before the verb clause.  Examples:
#: ``新认定为国家级技术中心的企业,`` before ``给予50万元奖励``; ``超基数额达到3000万美元以上的,``
#: before ``奖励10万元``.
RECIPIENT_DE = re.compile(
    r"(?:^|(?<=[,，;；:：。\s]))(?P<who>[^,，;；:：。]{2,40}的(?:[^,，;；:：。的]{1,8})?)[,，]\s*"
    r"(?:一次性|并|再|可|均)?\s*$"
)
#: Items a ``分别`` list of amounts pays, named in the clause before it after its verb.
#: Example: ``实施市级重点研发计划、科技攻关计划和自然科学资金项目,分别给予最高50万元、10万元、2万元``.
RESPECTIVE_ITEMS_LEAD = re.compile(r"^(?:实施|开展|支持|对|鼓励|组织)")
#: A bracketed gloss inside a recipient, which names no one.  Example:
#: ``(专利合作条约PATENT COOPERATION TREATY简称)`` after ``PCT``.
RECIPIENT_GLOSS = re.compile(r"[(（][^()（）]*(?:简称|下同|以下)[^()（）]*[)）]")
#: A recipient written between an earlier amount and the next verb, with or
#: without its own ``对``.  Examples: ``、省级龙头企业`` in
#: ``…奖励50万元、省级龙头企业一次性奖励20万元``; ``,对省级平台`` in
#: ``…给予奖励100万元,对省级平台给予奖励30万元``.
RECIPIENT_BETWEEN = re.compile(r"^[、,，](?:并|再|还)?对?(?P<who>[^,，;；:：。\d]{2,30})$")
