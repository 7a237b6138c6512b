"""Tables that lost their grid: one cell per line, or one row per line with spaces.

Scraped task tables (任务分解表, 责任分解表) and published lists (推荐名单, 品牌目录) arrive
without ``|`` between cells.  Two layouts are common:

* **one cell per line** — the header's cells on lines of their own (``序号`` / ``工作任务`` /
  ``牵头单位`` / ``配合单位``), a header cell sometimes broken over two lines (``区政府`` /
  ``分管领导``), then each row as its number on a line and one line per cell;
* **one row per line** — ``序号重点工作任务主要责任单位协同配合单位完成期限`` as one header
  line, then ``33 新培育… 区科技局 区经信局、… 2023年12月底`` with spaces between cells.

Both are read the same way: the header names the columns
(:data:`ingest.table_headers.COLUMN_WORDS`), the body is cut into *pieces* (lines, and lines
split at spaces), and a row starts at its number.  In a task table a piece is put in its
column by what it is, not by where it stands, because merged cells are printed once and empty
cells not at all: units go to the responsibility columns, a person's name to the leader
column, a date to the deadline, text to the task.  ``(1)`` starts a sub-row; a part row
(``一、…`` in a row of its own) numbers the rows under it.  In a list (企业名称 / 品牌
columns) the pieces of a row fill the columns in order.

Pure: the caller passes ``is_units`` (does a piece name responsible units?), which needs the
agency grammar of :mod:`ingest.agencies`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from ingest.patterns_targets import PER_HEAD, UNIT
from ingest.table_headers import (
    ASSESSOR,
    BRAND,
    CO,
    COLUMN_PATTERN,
    DEADLINE,
    ENTERPRISE,
    GROUP,
    HEADER_CELL_MAX,
    HEADER_START,
    INVEST,
    LEAD,
    LEADER,
    MEASURE,
    OTHER,
    TASK,
    UNITS,
    VALUE,
    header_cells,
    header_roles,
    is_table_header,
    role_of,
)
from ingest.table_headers import (
    PLACE as PLACE,  # re-exported: list readers name the place column by it
)

#: A row's number standing alone.  Example: ``12``.
ROW_NUMBER: Final = re.compile(r"^\d{1,3}$")
#: A part row between a table's rows: a numbered heading printed in a row of its own that
#: groups the rows after it.  Example: ``一、做大做强主导产业`` (the rows are then 一.1, 一.2 …).
PART_ROW: Final = re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]\s*([^。;；]{2,30})$")
#: A sub-row's marker opening a cell.  Example: ``(1)`` in ``(1)地区生产总值增长5%左右。``.
SUB_ROW: Final = re.compile(r"^[(（](\d{1,3})[)）]\s*")
#: A deadline cell.  Examples: ``2023年12月底``, ``6月底前``, ``全年``, ``长期坚持``.
DEADLINE_CELL: Final = re.compile(
    r"^(?:(?:20\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?(?:前|以前|完成)?"
    r"|(?:20\d{2}年)?(?:年底|年内|全年|上半年|下半年)(?:前|完成)?|长期坚持|长期|持续推进|持续"
    r"|常态化推进|常态化|每年|每季度|每月)$")
#: A person's name: two to four characters (a leader cell).  Example: ``王旭锋``.
PERSON: Final = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
#: What ends a table: the next attachment, a new header, the storage cut.
#: Example: ``附件2``.
TABLE_END: Final = re.compile(r"^(?:附件\s*\d+|附\s*件|\[…\]|（此件公开发布）|\(此件公开发布\))")
#: The label of an attachment line above a table.  Example: ``附件1``.
ATTACHMENT: Final = re.compile(r"^附件\s*(\d+)\s*$")

IsUnits = Callable[[str], bool]


@dataclass(frozen=True)
class Piece:
    """A stretch of a cell's text and its span in the document."""

    text: str
    start: int
    end: int


@dataclass
class FlatRow:
    """One row (or sub-row) of a task table, its pieces put in their columns."""

    number: str
    sub: str | None = None
    group: Piece | None = None
    texts: list[Piece] = field(default_factory=list)
    units: list[Piece] = field(default_factory=list)
    leaders: list[Piece] = field(default_factory=list)
    deadline: Piece | None = None
    start: int = 0
    end: int = 0
    #: Every piece of the row in the order written (for rows whose cells are all printed).
    raw: list[Piece] = field(default_factory=list)
    #: Numbers of the row's investment columns: (column header, piece).
    invest: list[tuple[str, Piece]] = field(default_factory=list)
    #: The units of the row's assessor column (评分部门): departments, not responsible.
    assessors: list[Piece] = field(default_factory=list)
    #: The cell of a leading group column printed once for several rows (考核项目), or the
    #: heading of the part row (:data:`PART_ROW`) the row stands under.
    section: Piece | None = None
    #: The number of that part row (``一``).
    part: str | None = None

    @property
    def id(self) -> str:
        """``1.(2)`` for a sub-row, ``12`` for a row, ``一.12`` under a part row."""
        own = f"{self.number}.({self.sub})" if self.sub else self.number
        return f"{self.part}.{own}" if self.part else own


@dataclass
class ListRow:
    """One row of a published list: each column's text by role."""

    number: str
    cells: dict[str, str]
    start: int
    end: int


@dataclass
class FlatTable:
    """A table found in the text: where it is, its title and header, and its rows."""

    start: int
    end: int
    title: str | None
    label: str | None
    roles: tuple[str, ...]
    rows: list[FlatRow] = field(default_factory=list)
    list_rows: list[ListRow] = field(default_factory=list)
    #: The header's cells one per line, with their roles, when it was printed so.
    columns: tuple[tuple[str, str], ...] = ()
    #: Whether a group column stands before 序号 (``考核项目`` / ``序号`` / …), its merged
    #: cells printed once, each before the first row it groups.
    leading_group: bool = False

    @property
    def is_list(self) -> bool:
        """A list of enterprises or brands rather than a table of tasks."""
        return ENTERPRISE in self.roles or BRAND in self.roles

    @property
    def has_lead_and_co(self) -> bool:
        """Separate 牵头 and 配合 columns: every unit of the lead column leads."""
        return LEAD in self.roles and (CO in self.roles or UNITS in self.roles)


def find_flat_tables(text: str, is_units: IsUnits) -> list[FlatTable]:
    """Every table of ``text`` that has a 序号 header and no ``|`` grid."""
    tables: list[FlatTable] = []
    lines = _lines(text)
    i = 0
    while i < len(lines):
        start, _, line = lines[i]
        if not HEADER_START.match(line) or "|" in line or "｜" in line:
            i += 1
            continue
        header, j = _header(lines, i)
        roles = header_roles(header)
        if not is_table_header(roles):
            i += 1
            continue
        leading = j > i + 1 and i > 0 and role_of(lines[i - 1][2]) == GROUP
        if leading:
            # the header ends at its last column word: the short line after it is the
            # leading group's first cell (农业高质高效), printed before the first row
            while j - 1 > i + 1 and role_of(lines[j - 1][2]) == OTHER:
                j -= 1
        above = i - 1 if leading else i
        table = FlatTable(start=start, end=start, title=_title_above(lines, above),
                          label=_label_above(lines, above), roles=roles, leading_group=leading)
        if j > i + 1:
            table.columns = header_cells([lines[k][2] for k in range(i, j)])
        read = _read_list if table.is_list else _read_body
        j = read(table, lines, i, j, is_units)
        if not table.is_list:
            _by_position(table, is_units)
            _carry_groups(table)
            _assessors(table)
        if table.rows or table.list_rows:
            tables.append(table)
        i = max(j, i + 1)
    return tables


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if stripped:
            lead = len(match.group()) - len(match.group().lstrip())
            out.append((match.start() + lead, match.start() + lead + len(stripped), stripped))
    return out


def _header(lines: list[tuple[int, int, str]], i: int) -> tuple[str, int]:
    """The header text from line ``i``, and the index of the first body line.  A one-line
    header holds several column words; otherwise short lines follow until the first row."""
    line = lines[i][2]
    if len(COLUMN_PATTERN.findall(re.sub(r"\s+", "", line))) >= 3:
        return line, i + 1
    parts = [line]
    j = i + 1
    while j < len(lines) and len(lines[j][2]) <= HEADER_CELL_MAX \
            and not ROW_NUMBER.match(lines[j][2]) and not _starts_with_number(lines[j][2]) \
            and not _opens_part(lines, j):
        parts.append(lines[j][2])
        j += 1
    return "".join(parts), j


def _starts_with_number(line: str) -> bool:
    return bool(re.match(r"^\d{1,3}\s", line))


def _title_above(lines: list[tuple[int, int, str]], i: int) -> str | None:
    """The table's title: the line above its header, unless that is an attachment label."""
    for k in range(i - 1, max(-1, i - 3), -1):
        line = lines[k][2]
        if ATTACHMENT.match(line):
            continue
        return line if len(line) <= 60 and "。" not in line else None
    return None


def _label_above(lines: list[tuple[int, int, str]], i: int) -> str | None:
    for k in range(i - 1, max(-1, i - 3), -1):
        found = ATTACHMENT.match(lines[k][2])
        if found:
            return f"附件{found.group(1)}"
    return None


def _pieces(start: int, line: str) -> list[Piece]:
    """A line cut at its spaces (the cell boundaries of a row-per-line table)."""
    out = []
    for match in re.finditer(r"\S+", line):
        out.append(Piece(match.group(), start + match.start(), start + match.end()))
    return out


def _list_columns(lines: list[tuple[int, int, str]], i: int, j: int,
                  ) -> tuple[list[str], list[Piece]]:
    """The columns of a list's header in order (a word the vocabulary does not know is a
    column too, role ``other``), and the pieces of the header line after it (a list
    flattened onto one line: ``序号 单位名称 字号名称 1 甲公司 甲 2 …``)."""
    start, _, line = lines[i]
    if j > i + 1:  # a header of one cell per line
        return [role_of(lines[k][2]) for k in range(i, j)], []
    pieces = _pieces(start, line)
    body_at = next((k for k, piece in enumerate(pieces) if ROW_NUMBER.match(piece.text)),
                   len(pieces))
    if body_at >= 3:  # cells separated by spaces
        return [role_of(piece.text) for piece in pieces[:body_at]], pieces[body_at:]
    return list(header_roles(line)), []


def _read_list(table: FlatTable, lines: list[tuple[int, int, str]], i: int, j: int,
               is_units: IsUnits) -> int:
    """Read a published list's rows, one cell per line or several cells per line; a row
    starts at its number, and its cells fill the header's columns in order."""
    columns, pieces = _list_columns(lines, i, j)
    table.roles = tuple(columns)
    one_cell_per_line = j > i + 1
    while j < len(lines) and not TABLE_END.match(lines[j][2]) \
            and not _ends_list(lines[j][2]):
        start, _, line = lines[j]
        if one_cell_per_line and not _starts_with_number(line):
            pieces.append(Piece(line, start, start + len(line)))
        else:
            pieces.extend(_pieces(start, line))
        j += 1
    rows: list[list[Piece]] = []
    expected: int | None = None
    for piece in pieces:
        if ROW_NUMBER.match(piece.text) and (expected is None or int(piece.text) == expected):
            rows.append([piece])
            expected = int(piece.text) + 1
        elif rows:
            rows[-1].append(piece)
    for row in rows:
        table.list_rows.append(_list_row(table.roles, row))
        table.end = max(table.end, row[-1].end)
    return j


def _ends_list(line: str) -> bool:
    """A sentence after the last row ends a list (a list's cells carry no full stop)."""
    return "。" in line and len(line) > 30


def _read_body(table: FlatTable, lines: list[tuple[int, int, str]], i: int, j: int,
               is_units: IsUnits) -> int:
    """Read rows from line ``j`` until the table ends; return the index after it."""
    expected: int | None = None
    row: FlatRow | None = None
    section: Piece | None = None
    part: str | None = None
    while j < len(lines):
        start, end, line = lines[j]
        if TABLE_END.match(line) or (HEADER_START.match(line) and j > 0):
            break
        if table.leading_group and _opens_group(table, lines, j, expected, is_units):
            section = Piece(line, start, end)
            j += 1
            continue
        found = PART_ROW.match(line) if _opens_part(lines, j, expected) else None
        if found:
            part = found.group(1)
            section = Piece(found.group(2), start + found.start(2), end)
            table.end = end
            j += 1
            continue
        pieces = _cells(table, start, line)
        first = pieces[0].text
        number = int(first) if ROW_NUMBER.match(first) else None
        if number is not None and (expected is None or number == expected):
            if table.is_list:
                table.list_rows.append(_list_row(table.roles, pieces))
                table.end = end
                expected = number + 1
                j += 1
                continue
            row = FlatRow(number=first, start=start, end=end, section=section, part=part)
            table.rows.append(row)
            expected = number + 1
            pieces = pieces[1:]
        elif row is None or table.is_list:
            break
        for piece in pieces:
            row = _place(table, row, piece, is_units)
        table.end = end
        j += 1
    return j


def _opens_group(table: FlatTable, lines: list[tuple[int, int, str]], j: int,
                 expected: int | None, is_units: IsUnits) -> bool:
    """Whether line ``j`` is a cell of a table's leading group column: a short heading right
    before the next row's number (the group's first row), not a unit."""
    line = lines[j][2]
    if not GROUP_CELL.match(line) or ROW_NUMBER.match(line) or is_units(line):
        return False
    following = lines[j + 1][2] if j + 1 < len(lines) else ""
    return bool(ROW_NUMBER.match(following)) and (
        expected is None or int(following) == expected)


def _opens_part(lines: list[tuple[int, int, str]], j: int, expected: int | None = None,
                ) -> bool:
    """Whether line ``j`` is a part row (:data:`PART_ROW`): the next line opens the next row
    (its number alone, or the number and its first cell)."""
    if not PART_ROW.match(lines[j][2]) or j + 1 >= len(lines):
        return False
    number = re.match(r"(\d{1,3})(?:\s|$)", lines[j + 1][2])
    return number is not None and (expected is None or int(number.group(1)) == expected)


def _cells(table: FlatTable, start: int, line: str) -> list[Piece]:
    """The pieces of a body line.  In a table whose header was printed one cell per line a
    line is one cell (``新建旅游厕所6 座。`` keeps its space), after a row number that may
    open it; otherwise the line is cut at its spaces."""
    if not table.columns:
        return _pieces(start, line)
    numbered = re.match(r"(\d{1,3})\s+(?=\S)", line)
    if numbered is None:
        return [Piece(line, start, start + len(line))]
    rest = numbered.end()
    return [Piece(numbered.group(1), start, start + len(numbered.group(1))),
            Piece(line[rest:], start + rest, start + len(line))]


#: A group cell: a short heading without sentence punctuation.  Example: ``公共文化服务``.
GROUP_CELL: Final = re.compile(r"^[^。;；,，:：]{2,16}$")


def _carry_groups(table: FlatTable) -> None:
    """A group column (``指标``, ``类别``) of a header printed one cell per line, its cell
    printed once for several rows: a row whose first text is a short heading followed by
    its task takes that heading as its group, and the rows after it keep that group until
    the next heading."""
    if not any(role == GROUP for _, role in table.columns):
        return
    current: Piece | None = None
    for row in table.rows:
        if row.sub is not None:
            continue
        if row.group is None and _opens_with_group(table, row):
            row.group = current = row.texts.pop(0)
        elif row.group is None:
            row.group = current


#: A cell of a quantity column: a unit (``万亩``, ``万元/人``, ``%``, ``-`` for none) or a
#: number with an optional comparison (``0.07``, ``≥2%``, ``42``).
QUANTITY_CELL: Final = re.compile(
    rf"(?:[≥≤>＞<＜]=?\s*)?\d+(?:\.\d+)?\s*(?:{UNIT}{PER_HEAD})?|(?:{UNIT}{PER_HEAD})|[-—/]")


def _opens_with_group(table: FlatTable, row: FlatRow) -> bool:
    """Whether a row prints its group cell before its task: its first text is a short heading
    and a task follows it.  In a table with a unit or quantity column the task is the text
    right before the row's first quantity cell, so a group stands before it only when two
    texts do (``确保粮食…供给`` / ``农林牧渔业增加值增幅`` / ``%`` / ``≥2%``)."""
    texts = row.texts
    if len(texts) < 2 or not GROUP_CELL.match(texts[0].text):
        return False
    if not any(role in (MEASURE, VALUE) for _, role in table.columns):
        return True
    first = next((k for k, piece in enumerate(texts)
                  if QUANTITY_CELL.fullmatch(piece.text)), len(texts))
    return first >= 2


def _assessors(table: FlatTable) -> None:
    """A table with an assessor column (评分部门) beside its responsibility column: each
    row's assessor cell is the unit piece on that column's side (the last piece when it
    follows the units, the first when it stands before them), when the row prints two or
    more; a single piece is the responsible unit."""
    roles = [role for _, role in table.columns]
    if ASSESSOR not in roles:
        return
    responsible = [k for k, role in enumerate(roles) if role in (LEAD, CO, UNITS)]
    if not responsible:
        return
    after = roles.index(ASSESSOR) > responsible[-1]
    for row in table.rows:
        if len(row.units) >= 2:
            row.assessors.append(row.units.pop(-1 if after else 0))


def _by_position(table: FlatTable, is_units: IsUnits) -> None:
    """A row that prints exactly one piece per header column is read by position: its
    place column (纸坊街道) is then not taken for a unit, nor its task for one.  Not when
    a piece cannot stand in its column: a quantity cell in the task or group column (a
    merged cell left out and a cell on two lines make up the count)."""
    columns = table.columns[1:]
    if not columns:
        return
    for row in table.rows:
        if row.sub is not None or len(row.raw) != len(columns):
            continue
        if any(role in (TASK, GROUP) and QUANTITY_CELL.fullmatch(piece.text)
               for (_, role), piece in zip(columns, row.raw, strict=True)):
            continue
        row.texts, row.units, row.leaders, row.deadline, row.group = [], [], [], None, None
        for (name, role), piece in zip(columns, row.raw, strict=True):
            if role in (TASK, MEASURE, VALUE):
                row.texts.append(piece)  # a quantity's cells after its task, in order
            elif role == GROUP:
                row.group = piece
            elif role in (LEAD, CO, UNITS):
                row.units.append(piece)
            elif role == ASSESSOR:
                row.assessors.append(piece)
            elif role == LEADER:
                row.leaders.append(piece)
            elif role == DEADLINE:
                row.deadline = piece
            elif role == INVEST and re.fullmatch(r"\d+(?:\.\d+)?", piece.text):
                row.invest.append((name, piece))


def _place(table: FlatTable, row: FlatRow, piece: Piece, is_units: IsUnits) -> FlatRow:
    """Put one piece into the row (or open a sub-row); return the row now being filled."""
    row.raw.append(piece)
    sub = SUB_ROW.match(piece.text)
    if sub:
        parent = row if row.sub is None else None
        new = FlatRow(number=row.number, sub=sub.group(1), start=piece.start, end=piece.end,
                      group=_group_of(row))
        if parent is not None and not parent.units and not parent.leaders:
            table.rows.remove(parent)  # the row's own cells were its group heading only
        table.rows.append(new)
        rest = piece.text[sub.end():]
        if rest:
            new.texts.append(Piece(rest, piece.start + sub.end(), piece.end))
        return new
    row.end = piece.end
    text = piece.text.rstrip("。;；")
    if DEADLINE_CELL.match(text) and text:
        row.deadline = piece
    elif is_units(piece.text):
        row.units.append(piece)
    elif LEADER in table.roles and PERSON.match(text) and row.texts:
        row.leaders.append(piece)
    elif LEADER in table.roles and len(text) == 1 and row.texts:
        row.leaders.append(piece)  # a two-character name padded with a space: 吴 伟
    elif row.units:
        pass  # text after the units of a row: a remark column, not the task
    else:
        row.texts.append(piece)
    return row


def _group_of(row: FlatRow) -> Piece | None:
    """The heading a sub-row belongs to: the last text its row printed before it."""
    if row.sub is not None:
        return row.group
    return row.texts[-1] if row.texts else row.group


def _list_row(roles: tuple[str, ...], pieces: list[Piece]) -> ListRow:
    """A list row: pieces fill the columns in order; the last column takes what is left
    (``石 花`` is one two-character mark padded with a space)."""
    cells: dict[str, str] = {}
    body = pieces[1:]
    columns = list(roles[1:])
    for k, role in enumerate(columns):
        if k >= len(body):
            break
        text = ("".join(p.text for p in body[k:]) if k == len(columns) - 1
                else body[k].text)
        if role != OTHER:
            cells.setdefault(role, text)
    return ListRow(pieces[0].text, cells, pieces[0].start, pieces[-1].end)


def split_unit_cells(table: FlatTable, row: FlatRow) -> tuple[list[Piece], list[Piece]]:
    """The row's unit pieces as (lead cells, co cells).

    With separate 牵头 and 配合 columns the lead cell may run over several lines (one unit
    each) and the co cell is a list: the pieces before the first later list are the lead
    cell.  Without a list after them, the first piece is the lead cell and the others are
    the co cell (a co cell printed one unit per line).  With a single 责任单位 column all
    pieces are one cell (the caller applies the first-unit rule)."""
    units = row.units
    if not units:
        return [], []
    if not table.has_lead_and_co:
        return units, []
    later_list = next((k for k in range(1, len(units)) if _is_list(units[k].text)), None)
    if later_list is not None:
        return units[:later_list], units[later_list:]
    return units[:1], units[1:]


def _is_list(text: str) -> bool:
    return bool(re.search(r"[、,，;；]", text.rstrip("。;；,，")))


def blank_out(text: str, tables: list[FlatTable]) -> str:
    """``text`` with every table's body replaced by spaces (line breaks kept), so that the
    numbered-structure reader does not take table cells for items; offsets are unchanged."""
    chars = list(text)
    for table in tables:
        for k in range(table.start, min(table.end, len(chars))):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)
