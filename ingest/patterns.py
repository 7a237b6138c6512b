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

#: Where a heading sentence ends.  Example: the ``。`` in ``(一)加强市场体系建设。推进…``.
HEADING_END = re.compile(r"[。！？!?]|[;；](?=\S)")

#: A table row written as text.  Example: ``1 | 建设品牌体系 | 市市场监管局、市商务局``.
TABLE_ROW = re.compile(r"^\s*(\d{1,3})\s*[|｜]\s*(.+?)\s*[|｜]\s*(.+?)\s*[|｜]?\s*$")
#: The header row of such a table.  Example: ``序号 | 重点任务 | 责任单位``.
TABLE_HEADER = re.compile(r"序号\s*[|｜].*[|｜]\s*(?:责任单位|牵头单位|责任部门)")

# --- responsibility ----------------------------------------------------------------

#: The label that opens a bracketed responsibility list.
#: Examples: ``(责任单位:市市场监管局、…)``, ``〔责任单位:省发展改革委…〕``, ``[牵头单位:…]``.
RESPONSIBILITY_LABEL = re.compile(
    r"(?:主要)?(?:责任单位|责任部门|牵头单位|牵头部门|责任主体|实施主体|负责单位|承办单位)"
    r"\s*[:：]"
)
#: Brackets that enclose a responsibility clause, open → close.
BRACKETS: dict[str, str] = {"(": ")", "（": "）", "〔": "〕", "[": "]", "【": "】", "［": "］"}

#: A bracketed prose clause that names a lead.  Example: ``[市科委牵头,会同市经信委负责]``.
PROSE_LEAD_CLAUSE = re.compile(r"牵头")
#: ``X牵头`` inside a clause.  Example: ``市发改委牵头,会同市经信委…``.
LEAD_MARK = re.compile(r"^(?P<units>.+?)(?:共同)?牵头(?:负责)?$")
#: Units working with the lead.  Example: ``会同市经信委、市发改委负责`` / ``市商务局配合``.
CO_MARK = re.compile(
    r"^(?:会同|协同|联合|配合单位[:：]?|协办单位[:：]?|参与单位[:：]?)(?P<units>.+?)"
    r"(?:等(?:单位|部门))?(?:共同)?(?:负责|配合|参与|落实|推进|实施)?$")
#: ``B、C配合`` at the end of a clause.  Example: ``市财政局、市税务局配合``.
CO_TRAILING = re.compile(r"^(?P<units>.+?)(?:按职责)?(?:配合|参与|协同|协助)(?:落实|推进|实施)?$")
#: Units sharing the work with no single lead.  Example: ``A、B按职责分工负责``.
SHARED_DUTY = re.compile(r"(?:按(?:照)?职责分工|按职能|分别)(?:负责|落实|推进)")
#: ``由A负责`` in running text.  Example: ``由市财政局负责``.
BY_UNIT = re.compile(r"由(?P<units>[^,，。;；]{2,40}?)(?:牵头)?负责")
#: The rule ``the first unit leads``.  Example: ``排在第一位的为牵头部门``.
FIRST_IS_LEAD = re.compile(r"(?:排在|排名|列)第一(?:位)?的?(?:为|是)牵头")
#: ``下同``: the rule of this clause holds for the rest of the document.
SAME_BELOW = re.compile(r"下同")
#: Separators inside a list of units.  Example: ``市商务局、市财政局,德州海关``.
UNIT_SEPARATOR = re.compile(r"[、,，;；/]|(?<=[局委办厅会院署心])(?:和|及|与)")
#: A trailing ``等有关部门`` on the last unit.  Examples: ``市财政局等有关部门``,
#: ``区财政局等区政府有关部门``, ``区经信局等``.
ETC_SUFFIX = re.compile(r"等(?:[\u4e00-\u9fff]{0,6}?(?:有关|相关|其他))?(?:部门|单位|机构)?$")
#: Generic groups that are not a named unit.  Example: ``各县区人民政府``, ``有关部门``.
GENERIC_UNIT = re.compile(
    r"^(?:各|有关|相关|其他|其它|市直|省直|县直)|有关部门|相关部门|各级|园区管委会|开发区管委会"
    r"|^(?:街道办事处|乡镇人民政府|镇人民政府|乡镇政府|村委会|居委会|社区)$"
    r"|^(?:市|省|县|区)?政府各部门"
)
#: A copy-to or send-to block, whose lists name agencies.  Example: ``抄送:市委有关部门,…``.
COPY_TO = re.compile(r"^(?:抄送|抄报|主送|分送)\s*[:：]")
