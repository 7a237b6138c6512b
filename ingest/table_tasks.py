"""Tasks, target zones and list entries from tables whose grid was lost (:mod:`ingest.flat_tables`).

A task table's row (or sub-row) is a task: its id is the table's 序号 (``1.(2)`` for a
sub-row), prefixed with the attachment label when several labelled tables would otherwise
give two tasks one id (``附件2.1``).  Its units come from the responsibility cells (see
:func:`ingest.flat_tables.split_unit_cells`); a single 责任单位 column follows the first-unit
rule.  Each row is also a *zone* for targets: a target inside it belongs to the row's task
and, when the text gives no year, takes the year of the row's deadline cell, else the year
of the table's title, else the plan's own year, else the one year the cells of a table with
month deadlines name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.flat_tables import VALUE, FlatRow, FlatTable, Piece, split_unit_cells
from ingest.patterns_targets import PER_HEAD, UNIT
from ingest.responsibility import split_units
from ontology.model import Qualifier

#: A year written in a table title or deadline cell.  Example: ``2022`` in ``2022年预期目标``.
YEAR_IN_TEXT = re.compile(r"(20\d{2})年")
#: Where a task title ends: the first full stop of its cell.
_TITLE_END = re.compile(r"[。;；]")

Names = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True)
class RowTask:
    """A task read from a table row, before agencies are resolved to their canonical names."""

    id: str
    section: str | None
    title: str | None
    lead: list[str]
    co: list[str]
    start: int
    end: int
    title_start: int
    title_end: int
    deadline: str | None = None


@dataclass(frozen=True)
class Zone:
    """A stretch of text whose targets belong to one task and default to one year."""

    start: int
    end: int
    task: str
    year: int | None


def table_year(table: FlatTable) -> int | None:
    """The one year a table's title names (``2022年区政府工作报告…分解表`` → 2022)."""
    years = set(YEAR_IN_TEXT.findall(table.title or ""))
    return int(years.pop()) if len(years) == 1 else None


#: A deadline cell naming a month of no stated year.  Example: ``12月底前``.
MONTH_DEADLINE = re.compile(r"^\d{1,2}月")


def undated_table_year(table: FlatTable) -> int | None:
    """The year of a one-year table that prints it only inside a row: its deadline cells
    name months without a year (``12月底前``, ``5月底``) and its cells name one year only
    (``精心策划2019年…活动``) → 2019."""
    deadlines = [row.deadline.text for row in table.rows if row.deadline]
    if not any(MONTH_DEADLINE.match(d) for d in deadlines) \
            or any(YEAR_IN_TEXT.search(d) for d in deadlines):
        return None
    years = {year for row in table.rows for piece in (*row.raw, *row.texts)
             for year in YEAR_IN_TEXT.findall(piece.text)}
    return int(years.pop()) if len(years) == 1 else None


def row_tasks(tables: list[FlatTable], names: Names) -> list[RowTask]:
    """Every task row of the task tables, with raw lead and co unit names resolved by ``names``."""
    task_tables = [t for t in tables if not t.is_list]
    labels = [t.label for t in task_tables]
    prefixed = len(task_tables) > 1 and all(labels) and len(set(labels)) == len(labels)
    out = []
    for table in task_tables:
        prefix = f"{table.label}." if prefixed else ""
        for row in table.rows:
            lead, co = _roles(table, row, names)
            title_piece = row.texts[0] if row.texts else None
            title = _title(title_piece) if title_piece else None
            heading = row.section or row.group
            section = heading.text if heading else table.title
            out.append(RowTask(
                id=prefix + row.id, section=section, title=title, lead=lead, co=co,
                start=row.start, end=row.end,
                title_start=title_piece.start if title_piece else row.start,
                title_end=title_piece.end if title_piece else row.end,
                deadline=row.deadline.text if row.deadline else None))
    return out


def zones(tables: list[FlatTable], tasks: list[RowTask], plan_year: int | None) -> list[Zone]:
    """The target zone of every task row, in text order."""
    rows = [(t, r) for t in tables if not t.is_list for r in t.rows]
    out = []
    for (table, row), task in zip(rows, tasks, strict=True):
        deadline = YEAR_IN_TEXT.search(row.deadline.text) if row.deadline else None
        year = int(deadline.group(1)) if deadline else (
            table_year(table) or plan_year or undated_table_year(table))
        out.append(Zone(row.start, row.end, task.id, year))
    return out


@dataclass(frozen=True)
class CellTarget:
    """A planned investment or a yearly quantity a table's column states for a row's task."""

    task: str
    year: int | None
    metric: str
    value: float | int
    unit: str
    start: int
    end: int
    qualifier: Qualifier | None = None


#: The unit a column header gives its numbers.  Example: ``(万元)`` in ``年度投资金额 (万元)``.
HEADER_UNIT = re.compile(r"[(（]\s*(?P<unit>[\u4e00-\u9fff%]{1,4})\s*[)）]")


#: A quantity cell of a 年度目标 column: a number with an optional comparison and unit.
#: Examples: ``0.07``, ``42``, ``≥2%``; not ``全市统筹`` or ``良好以上`` (no number).
VALUE_CELL = re.compile(
    rf"(?P<cmp>[≥≤>＞<＜]=?)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>(?:{UNIT}){PER_HEAD})?")
#: A unit cell of a 单位 column.  Examples: ``万亩``, ``万元/人``, ``%``.
UNIT_CELL = re.compile(rf"(?:{UNIT}){PER_HEAD}")
#: What a comparison sign before a quantity means.  Example: ``≥`` in ``≥2%`` → 以上.
COMPARISON_QUALIFIER: dict[str, Qualifier] = {
    "≥": Qualifier.AT_LEAST, ">": Qualifier.AT_LEAST, "＞": Qualifier.AT_LEAST,
    "≤": Qualifier.WITHIN, "<": Qualifier.WITHIN, "＜": Qualifier.WITHIN}


def cell_targets(tables: list[FlatTable], row_zones: list[Zone]) -> list[CellTarget]:
    """Planned investments of the rows read by position (``年度投资金额(万元)`` | ``300``):
    targets of the row's task with the unit the header names (none without one); and the
    quantity of a 年度目标 column (:func:`_value_target`)."""
    task_tables = [t for t in tables if not t.is_list]
    rows = [(t, r) for t in task_tables for r in t.rows]
    out = []
    for (table, row), zone in zip(rows, row_zones, strict=True):
        if (found := _value_target(table, row, zone)) is not None:
            out.append(found)
        for header, piece in row.invest:
            unit = HEADER_UNIT.search(header)
            if unit is None:
                continue
            value = float(piece.text) if "." in piece.text else int(piece.text)
            metric = HEADER_UNIT.sub("", header).strip()
            out.append(CellTarget(zone.task, zone.year, metric, value, unit.group("unit"),
                                  piece.start, piece.end))
    return out


def _value_target(table: FlatTable, row: FlatRow, zone: Zone) -> CellTarget | None:
    """The yearly quantity of a row of a table with a 年度目标 column: the first cell after
    the task that is a number (``0.07``, ``≥2%``), with its own unit or the 单位 cell before
    it (``万亩``), the task as metric.  A zero quota (``0``: the row sets no task here), a
    text (``全市统筹``) or a number without a unit is none."""
    if VALUE not in {role for _, role in table.columns} or not row.texts:
        return None
    unit: str | None = None
    for piece in row.texts[1:]:
        text = piece.text.strip()
        if UNIT_CELL.fullmatch(text):
            unit = text
            continue
        value = VALUE_CELL.fullmatch(text)
        if value is None:
            continue
        unit = value.group("unit") or unit
        number = float(value.group("num"))
        if not unit or number == 0:
            return None
        qualifier = COMPARISON_QUALIFIER.get((value.group("cmp") or "")[:1])
        return CellTarget(zone.task, zone.year, _title(row.texts[0]),
                          int(number) if number.is_integer() else number, unit,
                          piece.start, piece.end, qualifier)
    return None


def _roles(table: FlatTable, row: FlatRow, names: Names) -> tuple[list[str], list[str]]:
    lead_cells, co_cells = split_unit_cells(table, row)
    lead = names([u for piece in lead_cells for u in split_units(_cell(piece))])
    co = [u for u in names([u for piece in co_cells for u in split_units(_cell(piece))])
          if u not in lead]
    if table.has_lead_and_co:
        return lead, co
    return lead[:1], lead[1:]


def _cell(piece: Piece) -> str:
    return piece.text.strip().rstrip("。;；,，")


def _title(piece: Piece) -> str:
    found = _TITLE_END.search(piece.text)
    return (piece.text[:found.start()] if found else piece.text).strip()
