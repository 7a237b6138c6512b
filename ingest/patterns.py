"""Named patterns for the structure and responsibility markers of Chinese
government documents.  Every constant carries an example; each has a unit test
in ``tests/unit/test_patterns.py``.

The text these run on is normalised (Simplified characters, half-width digits)
but keeps both bracket families, so patterns accept ``(`` and ``（`` alike.
"""

from __future__ import annotations

import re

CN_DIGITS = "一二三四五六七八九十百零〇两"
OPEN = "(（"
CLOSE = ")）"

# --- structure -----------------------------------------------------------------

#: A chapter heading.  Example: ``第二章 重点任务``.
CHAPTER = re.compile(rf"^第[{CN_DIGITS}]+章\s*")
#: An article heading.  Example: ``第三条 本办法所称…``.
ARTICLE = re.compile(rf"^第[{CN_DIGITS}\d]+条\s*")
#: A top-level numbered part.  Example: ``二、重点任务``.
PART = re.compile(rf"^([{CN_DIGITS}]+)[、.．]\s*")
#: A news report's ordinal heading on a line of its own.  Example: ``二是品牌建设目标量化指标具体``.
ORDINAL_HEADING = re.compile(rf"^([{CN_DIGITS}]+)是(?=\S)")
#: A bracketed Chinese number.  Example: ``(一)大力实施…`` or ``（三）``.
SUBPART = re.compile(rf"^[{OPEN}]([{CN_DIGITS}]+)[{CLOSE}]\s*")
#: An Arabic-numbered item.  Example: ``1.大力发展众创空间。`` (not ``2022.10``).
ITEM = re.compile(r"^(\d{1,3})(?:[.．、](?!\d)|\s)\s*")
#: A bracketed Arabic number.  Example: ``(1)`` or ``（2）``.
SUBITEM = re.compile(rf"^[{OPEN}](\d{{1,3}})[{CLOSE}]\s*")
#: A circled number.  Example: ``①加强…``.
CIRCLED = re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")
#: Unicode's one-character forms of ``(1)``…``(20)`` and ``1.``…``20.``, which some documents
#: number with (``⑴九年义务教育巩固率…``, ``⒈加强…``): the same families as their spelt-out
#: forms, so ``⑴`` gets the id ``(1)``.
PAREN_DIGITS = "".join(chr(c) for c in range(0x2474, 0x2488))
STOP_DIGITS = "".join(chr(c) for c in range(0x2488, 0x249C))
ENCLOSED_SUBITEM = re.compile(rf"^([{PAREN_DIGITS}])\s*")
ENCLOSED_ITEM = re.compile(rf"^([{STOP_DIGITS}])\s*")

#: Where a heading sentence ends.  Example: the ``。`` in ``(一)加强市场体系建设。推进…``.
HEADING_END = re.compile(r"[。！？!?]|[;；](?=\S)")

#: A table row written as text.  Example: ``1 | 建设品牌体系 | 市市场监管局、市商务局``.
TABLE_ROW = re.compile(r"^\s*(\d{1,3})\s*[|｜]\s*(.+?)\s*[|｜]\s*(.+?)\s*[|｜]?\s*$")
#: The header row of such a table.  Example: ``序号 | 重点任务 | 责任单位``.
TABLE_HEADER = re.compile(r"序号\s*[|｜].*[|｜]\s*(?:责任单位|牵头单位|责任部门)")

# --- responsibility ----------------------------------------------------------------

#: The label that opens a bracketed responsibility list.
#: Examples: ``(责任单位:市市场监管局、…)``, ``〔责任单位:省发展改革委…〕``, ``[牵头单位:…]``,
#: ``(总牵头单位:…)`` (a heading's lead).
RESPONSIBILITY_LABEL = re.compile(
    r"(?:主要|总)?(?:责任单位|责任部门|牵头单位|牵头部门|责任主体|实施主体|负责单位|承办单位"
    r"|配合单位|协同单位|协办单位|参与单位)\s*[:：]"
)
#: Brackets that enclose a responsibility clause, open → close.
BRACKETS: dict[str, str] = {"(": ")", "（": "）", "〔": "〕", "[": "]", "【": "】", "［": "］"}

#: A bracketed prose clause that names a lead.  Example: ``[市科委牵头,会同市经信委负责]``.
PROSE_LEAD_CLAUSE = re.compile(r"牵头")
#: The verb 负责 and the word a spun repost puts in its place (卖力).  Example:
#: ``(省发展改革委牵头卖力)`` in a copy whose words were swapped for synonyms.
DUTY = r"(?:负责|卖力)"
#: ``X牵头`` inside a clause.  Examples: ``市发改委牵头,会同市经信委…``, ``(由市科技局牵头实施)``.
LEAD_MARK = re.compile(
    rf"^(?P<units>.+?)(?:共同)?(?:牵头|主办)(?:{DUTY}|督导|抓总|落实|推进|(?:组织)?实施)?$")
#: The words that state a lead.  Examples: ``牵头``, ``主办`` (``省财政厅主办,省国税局协办``).
LEAD_WORD = re.compile(r"牵头|主办")
#: Units working with the lead.  Example: ``会同市经信委、市发改委负责`` / ``市商务局配合``.
CO_MARK = re.compile(
    r"^(?:会同|协同|联合|配合单位[:：]?|协办单位[:：]?|参与单位[:：]?)(?P<units>.+?)"
    r"(?:等(?:单位|部门))?(?:共同)?(?:负责|配合|参与|落实|推进|实施|组织实施|抓好落实)?$")
#: ``B、C配合`` at the end of a clause.  Example: ``市财政局、市税务局配合``.
CO_TRAILING = re.compile(r"^(?P<units>.+?)(?:按职责)?(?:配合|参与|协同|协助|协办)(?:落实|推进|实施)?$")
#: Units sharing the work with no single lead.  Example: ``A、B按职责分工负责``.
SHARED_DUTY = re.compile(rf"(?:按(?:照)?职责分工|按职能|分别)(?:{DUTY}|落实|推进)")
#: ``由A负责`` in running text.  Example: ``由市财政局负责``.
BY_UNIT = re.compile(r"由(?P<units>[^,，。;；]{2,40}?)(?:牵头)?负责(?!的)")
#: A heading that names who owns the items under it.  Example: ``省监察厅牵头的工作``.
HEADING_OWNER = re.compile(r"^(?P<units>[^,，。;；]{2,40}?)(?:牵头|负责|主办)的(?:工作|任务|事项)$")
#: The rule ``the first unit leads``.  Example: ``排在第一位的为牵头部门``.
FIRST_IS_LEAD = re.compile(r"(?:排在|排名|列)第一(?:位)?的?(?:为|是)牵头")
#: ``下同``: the rule of this clause holds for the rest of the document.
SAME_BELOW = re.compile(r"下同")
#: Separators inside a list of units.  Examples: ``市商务局、市财政局,德州海关``;
#: ``等部门及`` in ``省农业农村厅等部门及各市、县级政府`` (a trailing group, then more units),
#: ``等省有关部门和`` in ``能源局等省有关部门和各地级以上市人民政府``.
UNIT_SEPARATOR = re.compile(
    r"等(?:[省市县区]?(?:有关|相关))?(?:部门|单位)(?:及|和|以及|,|，|、)|[、,，;；/]|(?<=[局委办厅会院署心])(?:和|及|与)")
#: Two units glued after a section's name (股 never heads a body of its own; 股份 and 控股
#: are no sections).  Example: ``文化宣传股文化馆`` → ``文化宣传股`` + ``文化馆``.
GLUED_AFTER_SECTION = re.compile(
    r"(?P<first>[\u4e00-\u9fff]{2,8}(?<![控参持入])股)(?P<second>(?!份)[\u4e00-\u9fff]{3,12})")
#: Two bureaus glued where a table cell's lines ran together, the second opening with its
#: level.  Example: ``市海洋渔业局市农业农村局`` → ``市海洋渔业局`` + ``市农业农村局``; not
#: ``区委区政府办公室`` (a 委 is no bureau) nor ``县市场监管局`` (one name).
GLUED_BUREAUS = re.compile(
    r"(?P<first>[省市县区][\u4e00-\u9fff]{2,10}?[局厅])(?P<second>[省市县区][\u4e00-\u9fff]{2,12}[局厅委办])")
#: A named place's government, the last unit of a list whose places before it share its
#: suffix.  Examples: ``绥芬河市政府`` after ``哈尔滨、黑河``, ``吴忠市人民政府`` after
#: ``银川市、石嘴山市``.
PLACE_GOVERNMENT = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?P<level>市|县|区|州)(?P<suffix>(?:人民)?政府)$")
#: A bare place that may share the government suffix of the unit after it.  Examples:
#: ``哈尔滨``, ``银川市``.
BARE_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?:市|县|区|州)?$")
#: A trailing ``等有关部门`` on the last unit.  Examples: ``市财政局等有关部门``,
#: ``区财政局等区政府有关部门``, ``区经信局等``.
ETC_SUFFIX = re.compile(r"等(?:[\u4e00-\u9fff]{0,6}?(?:有关|相关|其他))?(?:部门|单位|机构)?$")
#: Generic groups that are not a named unit.  Example: ``各县区人民政府``, ``有关部门``.
GENERIC_UNIT = re.compile(
    r"^(?:各|有关|相关|其他|其它|市直|省直|县直)|有关部门|相关部门|各级|园区管委会|开发区管委会"
    r"|^(?:街道办事处|乡镇人民政府|镇人民政府|乡镇政府|村委会|居委会|社区|开发园区|园区|开发区|产业园区)$"
    r"|成员单位$|主管部门$|^[\u4e00-\u9fff]{0,8}各[\u4e00-\u9fff]{0,6}(?:单位|部门|国企|企业|街道|乡镇|管委会)$"
    r"|^(?:市|省|县|区)?政府各部门|^(?:委属|局属|厅属|直属|所属)[\u4e00-\u9fff]{0,4}(?:单位|部门)$"
    r"|各(?:部委|委办|厅局|委局|办局)"
)
#: The organ suffixes a Chinese body's name ends with: government organs, party and mass
#: organisations, offices, centres, committees, zones that act as units, firms and banks.
#: Examples: ``局`` (市商务局), ``管委会`` (谯城经开区管委会), ``政治部`` (淄博军分区政治部),
#: ``指挥部`` (哈尔滨机场扩建指挥部), ``分局`` (市生态环境局咸安分局), ``集团`` (新运集团),
#: a county bureau's section ``股`` (文化宣传股) and a public venue ``馆`` (县文化馆).
ORGAN_SUFFIX = (
    r"(?:管理委员会|管委会|委员会|办公室|办公厅|领导小组(?:办公室)?|指挥部|工作专班|总工会|工商联"
    r"|联合会|妇联|残联|科协|供销社|联社|街道办事处|街道办|街道|分局|支局|中心支行|分行|支行"
    r"|分公司|有限公司|公司|集团|银行|研究院|研究所|中心|院|署|局|厅|委|办|所|站|队|部|处|社|会|股|馆"
    r"|海关|法院|检察院|军分区|报社|电视台|示范区|开发区|经开区|高新区|高新园|新区|园区|镇|乡)"
)
#: A body's name by its grammar: up to 30 characters of place and domain, then an organ
#: suffix (:data:`ORGAN_SUFFIX`), with a second name plate in brackets allowed.
#: Examples: ``区商务局(区药发中心)``, ``团市委``, ``钟楼生态环境局``.
ORGAN_NAME = re.compile(
    rf"(?=\w{{2}})[\u4e00-\u9fffA-Za-z]{{0,30}}?{ORGAN_SUFFIX}(?:[(（][\u4e00-\u9fff]{{2,20}}[)）])?")
#: The end of a body's name that a page's cut is unlikely to leave inside a longer name:
#: a last unit of a cut list ending so is kept.  Example: ``局`` in ``中国铁路南宁局``; not
#: ``社`` in ``省人力资源社`` (cut from ``…社会保障厅``).
WHOLE_ORGAN_END = re.compile(r"(?:局|厅|委|办|中心|委员会|办公室|管委会|领导小组)$")
#: A market body rather than an agency: it may share a responsibility list, but it is an
#: enterprise.  Examples: ``区药投公司``, ``新运集团``, ``国家开发银行云南省分行``; not the
#: central bank's branches (``人行郑州中心支行``, ``人民银行…``).
FIRM = re.compile(r"(?:公司|集团|合作社|(?<!人民)银行(?:[\u4e00-\u9fff]{1,10}?(?:分行|支行))?)$")
#: A copy-to or send-to block, whose lists name agencies.  Example: ``抄送:市委有关部门,…``.
COPY_TO = re.compile(r"^(?:抄送|抄报|主送|分送)\s*[:：]")
