"""The coordinators' ledger (任务分解表 / 督办台账): one row per task, one sheet per plan.

Read through the :class:`~graph.repository.Repository` interface only, so both backends
give the same ledger.  Columns: 序号 (the document's own id), 任务, 牵头单位, 配合单位 (in the
document's order), 目标 (each target: year, metric, value, unit, qualifier), 完成时限, 所属规划,
原文 (the sentence) and 出处 (document and section).  Tasks come in document order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from graph.errors import NotFound
from graph.repository import PlanTree, Repository, TargetInfo, TaskInfo, every_page
from ontology.identity import number_text
from ontology.model import Role

HEADER: Final = ("序号", "任务", "牵头单位", "配合单位", "目标", "完成时限", "所属规划", "原文", "出处")
#: Joins several units or targets in one cell.
JOIN: Final = "、"
TARGET_JOIN: Final = "；"
#: Qualifiers written before the value (达到90%); the others follow it (60家以上).
_BEFORE_VALUE: Final = frozenset({"达到", "超过", "突破", "稳定在", "不低于", "进入前"})


@dataclass(frozen=True)
class Sheet:
    """The ledger of one plan: its name, key and rows (each as many cells as HEADER)."""

    plan: str
    plan_key: str
    rows: tuple[tuple[str, ...], ...]


def target_text(target: TargetInfo) -> str:
    """``2025年：新增省长质量奖1家以上`` (what a coordinator writes in the 目标 column)."""
    value = ""
    if target.value is not None:
        value = number_text(target.value) + (target.unit or "")
        if target.qualifier in _BEFORE_VALUE:
            value = f"{target.qualifier}{value}"
        elif target.qualifier:
            value += target.qualifier
    when = f"{target.year}年：" if target.year else ("每年：" if target.per_year else "")
    return f"{when}{target.metric or ''}{value}"


def row(task: TaskInfo, plan: str) -> tuple[str, ...]:
    """The ledger row of one task."""
    lead = [a.name for a in task.agencies if a.role is Role.LEAD]
    co = [a.name for a in task.agencies if a.role is Role.CO]
    first = task.evidence[0] if task.evidence else None
    where = " · ".join(x for x in (first.source if first else None,
                                   task.section.name if task.section else None,
                                   task.task_id) if x)
    return (task.task_id or "", task.title or "", JOIN.join(lead), JOIN.join(co),
            TARGET_JOIN.join(target_text(t) for t in task.targets), task.deadline or "",
            plan, task.sentence or "", where)


def plan_sheet(tree: PlanTree, keep: Iterable[str] | None = None) -> Sheet:
    """One plan's sheet: every task (or those with keys in ``keep``), in document order."""
    wanted = None if keep is None else set(keep)
    tasks = [t for section in tree.sections for t in section.tasks
             if wanted is None or t.key in wanted]
    return Sheet(tree.title, tree.key, tuple(row(t, tree.title) for t in tasks))


def all_sheets(repo: Repository) -> list[Sheet]:
    """Every plan with tasks, one sheet each (plans in the API's order)."""
    return [s for s in (plan_sheet(repo.plan(p.key)) for p in every_page(repo.plans)) if s.rows]


def region_sheets(repo: Repository, region: str) -> list[Sheet]:
    """The plans that govern ``region`` (a key or a name)."""
    plans = [p for p in every_page(repo.plans)
             if p.region is not None and region in (p.region.key, p.region.name)]
    if not plans:
        raise NotFound(f"no plan governs a region {region!r}")
    return [s for s in (plan_sheet(repo.plan(p.key)) for p in plans) if s.rows]


def agency_sheets(repo: Repository, key: str) -> list[Sheet]:
    """The tasks an agency leads or co-owns, one sheet per plan (plans by name)."""
    tasks = every_page(lambda page: repo.agency_tasks(key, None, page))
    by_plan: dict[str, set[str]] = {}
    for task in tasks:
        if task.plan is not None:
            by_plan.setdefault(task.plan.key, set()).add(task.key)
    sheets = [plan_sheet(repo.plan(plan), keys) for plan, keys in by_plan.items()]
    return sorted(sheets, key=lambda s: (s.plan, s.plan_key))
