"""Named patterns that tell which family of formats a fact is written in (for ``eval --explain``).

These describe how the TEXT around a fact looks, deliberately more broadly than the extraction
rules read it: a missed fact should land in the family of formats a rule has to learn, also
when no rule knows that wording yet.  Each constant has an example; the families are tested in
``tests/unit/test_explain.py``.
"""

from __future__ import annotations

import re

# --- layout ------------------------------------------------------------------------------

#: A column header of a task or list table.  Examples: ``序号``, ``牵头单位``, ``完成时限``,
#: ``2022年预期目标``, ``代表性注册商标``.
HEADER_CELL = re.compile(
    r"序号|(?:主要|协同)?(?:责任|牵头|配合|协办|主办)(?:配合)?(?:单位|部门)|工作任务|重点工作任务|目标任务"
    r"|目标名称|工作标准|分管领导|责任领导|完成(?:时限|期限|时间)|时间节点|(?:\d{4}年)?预期目标"
    r"|企业名称|品牌名称|(?:代表性)?注册商标|所在地|地区|城市|类别|产品名称|备注"
)
#: A line that holds one header cell and nothing else.  Example: ``牵头单位``.
HEADER_CELL_LINE = re.compile(rf"^\s*(?:{HEADER_CELL.pattern})\s*$")
#: A Markdown or pipe-separated table row: two cell bars on one line.
#: Example: ``| 1 | 建设品牌体系 | 市市场监管局 |``.
PIPE_ROW = re.compile(r"[|｜][^|｜\n]*[|｜]")
#: A header that names a column of responsible units.  Examples: ``牵头单位``, ``主要责任单位``.
UNIT_COLUMN = re.compile(r"(?:责任|牵头|配合|协办|主办)(?:单位|部门)")
#: How far back (non-blank lines) a table's header is looked for.
HEADER_REACH = 80

# --- responsibility ----------------------------------------------------------------------

#: A label line that names the lead.  Examples: ``牵头单位:团市委``, ``牵头部门：市商务局``.
LEAD_LABEL = re.compile(r"^\s*(?:主要)?牵头(?:单位|部门)\s*[:：]")
#: A label line that lists the responsible or cooperating units.
#: Examples: ``责任单位:市教育局、团市委``, ``配合单位：市财政局``.
UNIT_LABEL = re.compile(r"^\s*(?:主要|协同|协办)?(?:责任|配合|协办|参与|负责)(?:单位|部门)\s*[:：]")
#: Labels written inside one clause.  Example: ``(牵头单位:市商务局 责任单位:市编办、…)``.
INLINE_LEAD_LABEL = re.compile(r"牵头(?:单位|部门)\s*[:：]")
#: A responsibility list opened by a label inside a clause.  Example: ``(责任单位:市发改委、…)``.
INLINE_UNIT_LABEL = re.compile(r"(?:责任|配合|协办)(?:单位|部门)\s*[:：]")
#: A stated lead or co role in a clause.  Examples: ``市商务局牵头``, ``市财政局配合``,
#: ``会同市经信委``, ``参与``.
ROLE_WORD = re.compile(r"牵头|配合|参与|协助|协同|会同")
#: The stated lead of a clause.  Example: ``X、Y牵头`` or ``牵头督导``.
LEAD_WORD = re.compile(r"牵头")
#: Shared work: every named unit leads.  Examples: ``按职责分工负责``, ``分别负责``, ``各自负责``.
SHARED_WORK = re.compile(r"按(?:照)?职责(?:分工)?(?:负责|落实)|分别负责|各自负责|按职能分工")
#: A convention that makes the first unit of a list the lead, in any usual wording.
#: Examples: ``列第一位的为牵头单位``, ``排名第一位为牵头单位``, ``列第一位者为牵头单位``,
#: ``第一个为牵头单位``, ``首位为牵头单位``.
FIRST_IS_LEAD_RULE = re.compile(
    r"(?:列|排|排在|排名|列在|位列)?(?:第一位|第一个|首位)(?:的|者)?(?:单位|部门)?(?:为|是)牵头")
#: A unit list closed by ``负责``.  Example: ``(市人社局、市财政局负责)``.
DUTY_WORD = re.compile(r"负责|承担|落实")
#: Prose that assigns work.  Examples: ``由市商务局牵头``, ``市财政局负责``, ``会同``.
PROSE_ROLE = re.compile(r"由\S{2,40}?(?:牵头|负责)|牵头|负责|会同|配合")

# --- targets ---------------------------------------------------------------------------

#: The end of a five-year plan as a deadline.  Examples: ``到“十四五”末``, ``十四五期末``.
FIVE_YEAR_END = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|规划期)?(?:末|期末)")
#: An explicit deadline year.  Examples: ``到2025年``, ``至2022年底``, ``2023年底前``.
TO_YEAR = re.compile(r"(?:到|至|截至|截止到?)\s*(?:19|20)\d\d年|(?:19|20)\d\d年(?:底|末)?(?:以)?前")
#: The whole year of a yearly plan.  Example: ``全年新增市场主体1万户``.
WHOLE_YEAR = re.compile(r"全年|年内|年度")

# --- funding ---------------------------------------------------------------------------

#: A ceiling on an amount.  Examples: ``最高20万元``, ``不超过50万元``.
FUNDING_CAP = re.compile(r"最高|最多|不超过|不高于")
#: Amounts for several recipients or tiers.  Examples: ``分别奖励40万元、20万元``, ``各奖励``.
FUNDING_TIERS = re.compile(r"分别|各奖励|各给予|各补助|每件|每项|每家")
#: A reward.  Examples: ``给予一次性奖励50万元``, ``奖励100万元``.
FUNDING_REWARD = re.compile(r"奖励|奖补|奖金")
#: A subsidy.  Examples: ``给予补助``, ``补贴``, ``资助``.
FUNDING_SUBSIDY = re.compile(r"补助|补贴|资助|扶持|贴息")
#: A budget or fund.  Examples: ``安排专项资金3000万元``, ``设立引导基金``.
FUNDING_BUDGET = re.compile(r"资金|基金|经费|预算|安排|设立|投入")

# --- brands ----------------------------------------------------------------------------

#: An award name.  Examples: ``市长质量奖``, ``中国专利奖``, ``提名奖``.
AWARD_NAME = re.compile(r"奖$|奖项$|提名奖|称号$")
#: A designation a register grants.  Examples: ``中华老字号``, ``中国驰名商标``,
#: ``福建省著名商标``, ``地理标志产品``.
DESIGNATION_NAME = re.compile(r"老字号|驰名商标|著名商标|知名商标|地理标志|名牌|知名品牌|示范基地")
#: A brand written as ``X牌``.  Example: ``“梨花”牌小麦粉``.
BRAND_MARK = re.compile(r"牌")

# --- departments and enterprises --------------------------------------------------------

#: A party organ, mass organisation or other non-government body.
#: Examples: ``市委宣传部``, ``团市委``, ``市妇联``, ``市总工会``, ``市科协``, ``市残联``, ``市委农办``.
PARTY_OR_MASS = re.compile(r"[市省县区州]委|团[市省县区]委|妇联|总工会|科协|工商联|残联|文联|侨联|红十字会")
#: A cooperative.  Example: ``仁怀市某某种植专业合作社``.
COOPERATIVE = re.compile(r"合作社(?:联合社)?$")
#: A company name.  Examples: ``…股份有限公司``, ``…有限责任公司``, ``…(集团)有限公司``,
#: ``区国投公司``, ``新运集团``.
COMPANY = re.compile(r"(?:有限|股份|责任)?公司$|集团(?:[)）])?(?:有限公司)?$|分行$|支行$")
#: A named shop or house.  Examples: ``…牛肉馆``, ``…酱园``, ``…酒厂``, ``…大药房``.
SHOP = re.compile(r"[馆店坊铺厂庄行楼园号斋堂]$|药房$")

# --- tasks -----------------------------------------------------------------------------

#: An ordinal of news prose.  Example: ``一是加强品牌建设``.
NEWS_ORDINAL = re.compile(r"^[一二三四五六七八九十]+是")
