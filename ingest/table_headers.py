"""The header of a table whose grid was lost: its column words and the role of each column.

A header names its columns with a small vocabulary (:data:`COLUMN_WORDS`): ``序号`` (the row
number), the task, the lead and co-responsible units, the leader, the deadline, and for
published lists the enterprise, brand, product and place.  :mod:`ingest.flat_tables` reads the
body of the table by these roles.
"""

from __future__ import annotations

import re
from typing import Final

#: Column roles of a header.
ID, GROUP, TASK, LEADER, LEAD, CO, UNITS, DEADLINE, PLACE, ENTERPRISE, BRAND, PRODUCT, OTHER = (
    "id", "group", "task", "leader", "lead", "co", "units", "deadline", "place", "enterprise",
    "brand", "product", "other")
#: A column of planned investment (a quantity of the row's task).
INVEST = "invest"
#: A column of the bodies that score or assess the row (评分部门): departments, never
#: responsible for the task.
ASSESSOR = "assessor"
#: A column of the row's yearly quantity (年度目标 ``0.07``, ``≥2%``) and of its unit (单位).
VALUE, MEASURE = "value", "measure"

#: Header words and the role of their column, longest first where one contains another.
#: Examples: ``协同配合单位`` (co), ``主要责任单位`` (lead), ``区政府分管领导`` (leader).
COLUMN_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("序号", ID), ("编号", ID),
    ("考核评价单位", ASSESSOR), ("评分部门", ASSESSOR), ("评分单位", ASSESSOR),
    ("考核部门", ASSESSOR), ("考核单位", ASSESSOR), ("考评部门", ASSESSOR), ("考评单位", ASSESSOR),
    ("考核内容", TASK), ("考核项目", GROUP),
    ("年度目标值", VALUE), ("年度目标", VALUE), ("目标值", VALUE),
    ("协同配合单位", CO), ("配合单位", CO), ("配合部门", CO), ("协办单位", CO), ("协同单位", CO),
    ("参与单位", CO), ("协助单位", CO),
    ("主要责任单位", LEAD), ("牵头单位", LEAD), ("牵头部门", LEAD), ("主责单位", LEAD),
    ("责任单位", UNITS), ("责任部门", UNITS), ("负责单位", UNITS), ("承办单位", UNITS),
    ("责任股室", UNITS), ("责任科室", UNITS), ("责任处室", UNITS),
    ("责任领导", LEADER), ("分管领导", LEADER), ("牵头领导", LEADER), ("联系领导", LEADER),
    ("责任人", LEADER),
    ("完成时限", DEADLINE), ("完成期限", DEADLINE), ("完成时间", DEADLINE), ("时间节点", DEADLINE),
    ("建设时间", DEADLINE), ("实施时间", DEADLINE), ("建设年限", DEADLINE),
    ("年度投资金额", INVEST), ("计划投资", INVEST), ("投资金额", INVEST), ("总投资", INVEST),
    ("建设地点", PLACE), ("实施地点", PLACE), ("项目地点", PLACE),
    ("建设内容", TASK), ("建设规模", TASK),
    ("时间要求", DEADLINE), ("时限要求", DEADLINE), ("时限", DEADLINE),
    ("目标名称", GROUP), ("任务类别", GROUP), ("类别", GROUP), ("领域", GROUP),
    ("重点工作任务", TASK), ("主要工作任务", TASK), ("工作任务", TASK), ("重点任务", TASK),
    ("主要任务", TASK), ("目标任务", TASK), ("任务内容", TASK), ("工作内容", TASK),
    ("主要内容", TASK), ("具体内容", TASK), ("工作标准", TASK), ("工作目标", TASK),
    ("预期目标", TASK), ("具体措施", TASK), ("工作措施", TASK), ("重点工作", TASK),
    ("主要工作举措", TASK), ("工作举措", TASK), ("主要举措", TASK), ("具体举措", TASK),
    ("主要指标", TASK), ("指标名称", TASK), ("项目名称", TASK), ("任务", TASK),
    ("企业名称", ENTERPRISE), ("单位名称", ENTERPRISE), ("申报单位", ENTERPRISE),
    ("企业", ENTERPRISE),
    ("代表性注册商标", BRAND), ("注册商标", BRAND), ("品牌名称", BRAND), ("商标", BRAND),
    ("品牌", BRAND), ("字号名称", BRAND), ("字号", BRAND),
    ("产品名称", PRODUCT), ("主要产品", PRODUCT), ("产品", PRODUCT),
    ("所在城市", PLACE), ("所在地区", PLACE), ("所在地", PLACE), ("所属地区", PLACE),
    ("城市", PLACE), ("地区", PLACE), ("市州", PLACE), ("地市", PLACE), ("县市区", PLACE),
    ("辖市区", PLACE), ("所属区县", PLACE), ("区县", PLACE), ("县区", PLACE), ("属地", PLACE),
    ("创立时间", OTHER), ("成立时间", OTHER), ("始创年代", OTHER), ("联系人", OTHER),
    ("备注", OTHER),
)
#: A header word that names a row group beside a task column, else the task itself.
#: Example: ``指标`` in ``序号 指标 工作任务 完成时限…`` (``公共文化服务`` groups the rows).
GROUP_OR_TASK: Final = "指标"
COLUMN_PATTERN: Final = re.compile(
    "|".join(re.escape(word) for word, _ in COLUMN_WORDS) + "|" + GROUP_OR_TASK)
ROLE: Final = dict(COLUMN_WORDS)
#: The first header cell.  Example: ``序号`` (or ``序 号`` before spaces are joined).
HEADER_START: Final = re.compile(r"^(?:序\s*号|编\s*号)")
#: A header cell written over two lines, or a short header cell on its own line.
HEADER_CELL_MAX: Final = 12


def header_roles(header: str) -> tuple[str, ...]:
    """The column roles a header names, in order; words it does not know are skipped.

    ``序号重点工作任务主要责任单位协同配合单位完成期限`` → (id, task, lead, co, deadline).
    With a 牵头 column, a 责任单位 column holds the co-responsible units.
    """
    words = COLUMN_PATTERN.findall(re.sub(r"\s+", "", header))
    roles = _group_or_task([ROLE.get(w, w) for w in words])
    if LEAD in roles:
        roles = [CO if r == UNITS else r for r in roles]
    if roles.count(TASK) >= 2 and GROUP not in roles:
        roles[roles.index(TASK)] = GROUP
    return tuple(roles)


def is_table_header(roles: tuple[str, ...]) -> bool:
    """A header of a task table or a list: 序号 first, then a responsibility or listing column."""
    responsibility = {LEAD, CO, UNITS} & set(roles)
    listing = {ENTERPRISE, BRAND} & set(roles)
    return len(roles) >= 3 and roles[0] == ID and bool(responsibility or listing)


#: A header line that continues the cell above it.  Example: ``(单位)`` under ``责任股室``.
HEADER_CONTINUES: Final = re.compile(r"^[(（]")
#: A header line that qualifies the cell below it.  Examples: ``区政府`` above ``分管领导``,
#: ``县级`` above ``责任单位``.
HEADER_QUALIFIES: Final = re.compile(r"^(?:[省市县区]政府|[省市县区]委|[省市县区]级)$")


def header_cells(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """The cells of a header printed one per line, with their roles: a cell broken over
    two lines (``责任股室`` / ``(单位)``, ``区政府`` / ``分管领导``) is one cell."""
    cells: list[str] = []
    joins_next = False
    for line in lines:
        if cells and (joins_next or HEADER_CONTINUES.match(line)):
            cells[-1] += line
        else:
            cells.append(line)
        joins_next = bool(HEADER_QUALIFIES.match(line))
    roles = _group_or_task([role_of(cell) for cell in cells])
    return tuple(zip(cells, roles, strict=True))


def _group_or_task(roles: list[str]) -> list[str]:
    """Roles with :data:`GROUP_OR_TASK` read as a group beside a task column, else a task."""
    role = GROUP if TASK in roles else TASK
    return [role if r == GROUP_OR_TASK else r for r in roles]


#: A header cell that names the unit of the row's quantity.  Examples: ``单位``, ``计量单位``
#: (never a word inside another cell: ``责任单位`` is a column of units).
MEASURE_CELL: Final = re.compile(r"^(?:计量)?单位$")


def role_of(cell: str) -> str:
    """The role of one header cell (:data:`COLUMN_WORDS`; ``other`` for a word it does not know)."""
    if MEASURE_CELL.match(cell):
        return MEASURE
    found = COLUMN_PATTERN.search(re.sub(r"\s+", "", cell))
    return ROLE.get(found.group(), found.group()) if found else OTHER
