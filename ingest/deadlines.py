"""The deadline of each task: as written, and the year and month it means.

A task table's 完成时限 cell dates its row; a numbered item dates itself in its own text
(``2019年9月底前,基本完成全市整治任务``, :data:`~ingest.patterns_targets.TASK_DEADLINE`).  A
deadline without a year (``6月底前``, ``年底前``) takes the plan's year when the plan is a
one-year plan, and stays without a year otherwise; a written deadline that names no date
(``长期坚持``) is kept as written.  ``到2025年`` dates the targets of a task, not the task.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ingest import patterns_targets as p
from ingest.segment import Section
from ontology.model import Task

Due = tuple[int | None, int | None]


def parse_cell(cell: str, plan_year: int | None) -> Due:
    """(year, month) a 完成时限 cell means; (None, None) when it names no date."""
    text = cell.strip().rstrip("。;；")
    m = p.DEADLINE_IN_CELL.search(text)
    while m is not None and not m.group(0):
        m = p.DEADLINE_IN_CELL.search(text, m.end() + 1) if m.end() < len(text) else None
    if m is None:
        return None, None
    year = int(m["year"]) if m["year"] else None
    month = int(m["month"]) if m["month"] and 1 <= int(m["month"]) <= 12 else None
    if year is None and (month is not None or m["year_end"]):
        year = plan_year
    return year, 12 if m["year_end"] and month is None and year else month


def find_deadline(text: str, plan_year: int | None) -> tuple[str, int | None, int | None] | None:
    """The first deadline a task's own text writes: (as written, year, month)."""
    m = p.TASK_DEADLINE.search(text)
    if m is None:
        return None
    year: int | None
    month: int | None
    if m["year"]:
        year = int(m["year"])
        month = int(m["month"]) if m["month"] else (12 if m.group(0).rstrip("之以前")
                                                     .endswith(("底", "末")) else None)
    elif m["bare_month"]:
        year, month = plan_year, int(m["bare_month"])
    else:
        year, month = plan_year, 12
    if month is not None and not 1 <= month <= 12:
        return None
    return m.group(0), year, month


def with_deadlines(tasks: Sequence[Task], text: str, sections: Sequence[Section],
                   cells: Mapping[str, tuple[str, int | None]],
                   plan_year: int | None) -> tuple[Task, ...]:
    """``tasks`` with the deadline of their table cell or of their own text.  ``cells``
    maps a row task's id to its 完成时限 cell and the year its table gives (a year-less
    cell takes it)."""
    own = {s.id: text[s.text_start:s.own_end or s.end] for s in sections}
    out = []
    for task in tasks:
        if task.id in cells:
            cell, table_year = cells[task.id]
            year, month = parse_cell(cell, table_year or plan_year)
            task = task.model_copy(update={"deadline": cell.strip(),
                                           "due_year": year, "due_month": month})
        elif (found := find_deadline(own.get(task.id, ""), plan_year)) is not None:
            written, year, month = found
            task = task.model_copy(update={"deadline": written, "due_year": year,
                                           "due_month": month})
        out.append(task)
    return tuple(out)
