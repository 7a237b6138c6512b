"""Responsibility tables written as text rows: ``序号 | 任务 | 责任单位``.

Scraped pages flatten a table into lines with ``|`` between cells.  After a
header row that names a responsibility column, each row whose first cell is a
number is a task: the number is its id, the widest middle cell its title and
the responsibility cell its units (the first unit leads, as in lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import patterns as p

_CELL_SPLIT = re.compile(r"\s*[|｜]\s*")
#: The rule under a Markdown table's header.  Example: ``| --- | :---: | --- |``.
MARKDOWN_RULE = re.compile(r"[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?")
#: A section row inside a table.  Example: ``一、提升政务服务效能 | | |``.
_SECTION_ROW = re.compile(r"^(?:([一二三四五六七八九十]+)[、.．]|[(（]([一二三四五六七八九十]+)[)）])")
#: Columns that are never the task's title.  Examples: ``完成时限``, ``备注``, the leader
#: (``责任领导``) and a progress report beside the task (``落实情况``, ``进展情况``).
_NOT_TITLE = r"时限|时间|期限|备注|序号|领导|责任人|落实情况|进展情况|完成情况|推进情况"
#: A column of the responsible units.  Example: ``责任单位``, ``牵头单位`` (not ``责任领导``:
#: a person, nor ``责任人``).
_UNIT_COLUMN = re.compile(r"(?:责任|牵头)(?!领导|人)")


def _cell(text: str) -> str:
    """A cell's text, with a dash or 无 meaning empty."""
    return "" if re.fullmatch(r"[-—–/无\s]*", text) else text


#: A space between two names in a units cell: the cell's line break, lost.  Example: the
#: space in ``县教体局 各相关乡镇政府``.
_UNIT_GAP = re.compile(r"(?<=[\u4e00-\u9fff)）])\s+(?=[\u4e00-\u9fff])")


def _units_cell(text: str) -> str:
    """A units cell, names that stood on lines of their own joined by ``、``."""
    return _UNIT_GAP.sub("、", _cell(text))


@dataclass(frozen=True)
class TableRow:
    """One task row: its number, title, raw units and the span of the line."""

    number: str
    title: str
    units: str
    start: int
    end: int
    #: Units of a separate 配合单位 column, when the table has one.
    co_units: str = ""
    #: Whether the table has a separate co-responsible column (then every lead cell unit leads).
    has_co_column: bool = False
    #: The part a section row inside the table opened (``一`` for ``一、提升效能 | |``).
    part: str | None = None


def table_rows(text: str) -> list[TableRow]:
    """Task rows of every responsibility table in ``text``."""
    rows: list[TableRow] = []
    for header in p.TABLE_HEADER.finditer(text):
        line_start = text.rfind("\n", 0, header.start()) + 1
        line_end = text.find("\n", header.end())
        cells = _CELL_SPLIT.split(text[line_start:line_end if line_end >= 0 else len(text)].strip("|｜ "))
        unit_col = next((i for i, c in enumerate(cells) if _UNIT_COLUMN.search(c)), len(cells) - 1)
        co_col = next((i for i, c in enumerate(cells) if re.search(r"配合|协同|参与|协办", c)), None)
        skip = {unit_col, co_col} | {i for i, c in enumerate(cells) if re.search(_NOT_TITLE, c)}
        pos = line_end + 1 if line_end >= 0 else len(text)
        part: str | None = None
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end].strip()
            if not line:
                pos = end + 1
                continue
            parts = _CELL_SPLIT.split(line.strip("|｜ "))
            if MARKDOWN_RULE.fullmatch(line):
                pos = end + 1
                continue
            section = _SECTION_ROW.match(parts[0])
            # A section row may have lost its empty cells (and pipes) in normalisation.
            if section and (len(parts) >= 2 or (len(line) <= 40 and "。" not in line)):
                part = section.group(1) or section.group(2)
                pos = end + 1
                continue
            if len(parts) < 2 or not parts[0].isdigit():
                break
            units = parts[unit_col] if unit_col < len(parts) else parts[-1]
            co_units = parts[co_col] if co_col is not None and co_col < len(parts) else ""
            middle = [c for i, c in enumerate(parts[1:], 1) if i not in skip]
            title = max(middle, key=len) if middle else ""
            rows.append(TableRow(parts[0], title.rstrip("。"), _units_cell(units), pos, end,
                                 _units_cell(co_units), co_col is not None, part))
            pos = end + 1
    return rows
