"""What coordinators track: deadlines by due date and the workload of each agency.

Built from the :class:`~graph.repository.Repository` interface only (tasks, targets,
plans, the agency ranking), so both backends answer alike.  A deadline is a dated task
(its 完成时限, :attr:`~graph.repository.TaskInfo.due_year` / ``due_month``) or a target
(its deadline year); its status is relative to ``today``: overdue once its month (or
year) has ended, else due this year, next year or later.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Final, Literal

from graph.errors import GraphError
from graph.repository import (
    AgencyRole,
    AgencyWorkload,
    PlanInfo,
    Ref,
    Repository,
    TargetFilter,
    TargetInfo,
    TaskInfo,
    every_page,
)
from ontology.model import Role

Status = Literal["overdue", "this_year", "next_year", "later"]
RankBy = Literal["lead", "co", "total", "targets"]
RANK_BY: Final = ("lead", "co", "total", "targets")


@dataclass(frozen=True, kw_only=True)
class Deadline:
    """A dated task or a target, with its owners, plan and status."""

    kind: Literal["task", "target"]
    key: str
    what: str
    year: int
    month: int | None
    written: str | None
    due: date
    status: Status
    task: Ref | None
    plan: Ref | None
    region: Ref | None
    agencies: tuple[AgencyRole, ...]
    target: TargetInfo | None


@dataclass(frozen=True)
class DeadlineFilter:
    """Due years ``start``..``end`` (inclusive, None: open), an agency key (lead or co),
    a region key or name (of the plan)."""

    start: int | None = None
    end: int | None = None
    agency: str | None = None
    region: str | None = None


@dataclass(frozen=True, kw_only=True)
class Workload(AgencyWorkload):
    """One agency's line of the ranking: the repository's line and the targets of its tasks."""

    targets: int


@dataclass(frozen=True, kw_only=True)
class PlanLoad:
    """An agency's share of one plan: lead and co task counts, their targets, and the
    nearest deadlines (those not overdue first)."""

    plan: Ref
    lead: int
    co: int
    targets: tuple[TargetInfo, ...]
    deadlines: tuple[Deadline, ...]


@dataclass(frozen=True, kw_only=True)
class AgencyLoad:
    """An agency's workload, plan by plan."""

    key: str
    name: str
    plans: tuple[PlanLoad, ...]


def due_date(year: int, month: int | None) -> date:
    """The last day of the due month (of the year when no month is written)."""
    month = month or 12
    return date(year, month, calendar.monthrange(year, month)[1])


def status(due: date, today: date) -> Status:
    """Where a due date stands relative to ``today``."""
    if due < today:
        return "overdue"
    if due.year == today.year:
        return "this_year"
    return "next_year" if due.year == today.year + 1 else "later"


def _task_deadline(task: TaskInfo, plans: dict[str, PlanInfo], today: date) -> Deadline | None:
    if task.due_year is None:
        return None
    due = due_date(task.due_year, task.due_month)
    plan = plans.get(task.plan.key) if task.plan else None
    return Deadline(kind="task", key=task.key, what=task.title or task.task_id or task.key,
                    year=task.due_year, month=task.due_month, written=task.deadline, due=due,
                    status=status(due, today), task=Ref(task.key, task.title or task.key),
                    plan=task.plan, region=plan.region if plan else None,
                    agencies=task.agencies, target=None)


def _target_deadline(target: TargetInfo, task: Ref | None, plan: Ref | None,
                     region: Ref | None, agencies: tuple[AgencyRole, ...],
                     today: date) -> Deadline | None:
    if target.year is None:
        return None
    due = due_date(target.year, None)
    info = TargetInfo(**{f.name: getattr(target, f.name) for f in fields(TargetInfo)})
    return Deadline(kind="target", key=target.key, what=target.metric or target.key,
                    year=target.year, month=None, written=f"到{target.year}年", due=due,
                    status=status(due, today), task=task, plan=plan, region=region,
                    agencies=agencies, target=info)


def _order(d: Deadline) -> tuple[date, str, str, str]:
    return (d.due, d.plan.name if d.plan else "", d.kind, d.key)


def deadlines(repo: Repository, filters: DeadlineFilter, today: date) -> list[Deadline]:
    """Dated tasks and targets by due date, then plan, kind and key."""
    plans = {p.key: p for p in every_page(repo.plans)}
    found: list[Deadline] = []
    for task in every_page(lambda page: repo.tasks(None, page)):
        if (d := _task_deadline(task, plans, today)) is not None:
            found.append(d)
    for row in every_page(lambda page: repo.targets(TargetFilter(), page)):
        if (d := _target_deadline(row, row.task, row.plan, row.region, row.agencies,
                                  today)) is not None:
            found.append(d)
    return sorted((d for d in found if _passes(d, filters)), key=_order)


def _passes(d: Deadline, f: DeadlineFilter) -> bool:
    if (f.start is not None and d.year < f.start) or (f.end is not None and d.year > f.end):
        return False
    if f.agency is not None and all(a.key != f.agency for a in d.agencies):
        return False
    return f.region is None or (d.region is not None and f.region in (d.region.key,
                                                                      d.region.name))


def ranking(repo: Repository, by: RankBy) -> list[Workload]:
    """Agencies with tasks, by ``by`` (most first); ties by lead tasks, total, name, key."""
    if by not in RANK_BY:
        raise GraphError(f"cannot rank by {by!r}; use one of {', '.join(RANK_BY)}")
    targets: dict[str, set[str]] = {}
    for task in every_page(lambda page: repo.tasks(None, page)):
        for agency in task.agencies:
            targets.setdefault(agency.key, set()).update(t.key for t in task.targets)
    lines = [Workload(**{f.name: getattr(w, f.name) for f in fields(w)},
                      targets=len(targets.get(w.key, ())))
             for w in every_page(repo.agency_ranking)]
    return sorted(lines, key=lambda w: (-getattr(w, by), -w.lead, -w.total, w.name, w.key))


def workload(repo: Repository, key: str, today: date, nearest: int = 3) -> AgencyLoad:
    """An agency's tasks per plan: lead and co counts, targets, nearest deadlines."""
    agency = repo.agency(key)
    tasks = every_page(lambda page: repo.agency_tasks(key, None, page))
    plans = {p.key: p for p in every_page(repo.plans)}
    by_plan: dict[str, list[TaskInfo]] = {}
    for task in tasks:
        if task.plan is not None:
            by_plan.setdefault(task.plan.key, []).append(task)
    loads = []
    for plan_key, group in by_plan.items():
        roles = [_role(t, key) for t in group]
        dated = sorted((d for t in group
                        if (d := _task_deadline(t, plans, today)) is not None), key=_order)
        dated += [d for t in group for target in t.targets
                  if (d := _target_deadline(
                      target, Ref(t.key, t.title or t.key), t.plan,
                      plans[plan_key].region if plan_key in plans else None, t.agencies,
                      today)) is not None]
        upcoming = sorted(dated, key=lambda d: (d.status == "overdue", d.due, d.key))
        loads.append(PlanLoad(
            plan=group[0].plan or Ref(plan_key, plan_key), lead=roles.count(Role.LEAD),
            co=roles.count(Role.CO),
            targets=tuple(sorted({t.key: t for task in group for t in task.targets}.values(),
                                 key=lambda t: (t.year is None, t.year or 0, t.metric or ""))),
            deadlines=tuple(upcoming[:nearest])))
    loads.sort(key=lambda p: (-p.lead, -(p.lead + p.co), p.plan.name, p.plan.key))
    return AgencyLoad(key=agency.key, name=agency.name, plans=tuple(loads))


def _role(task: TaskInfo, key: str) -> Role:
    return next((a.role for a in task.agencies if a.key == key), Role.CO)


def of_agency(items: Iterable[Deadline], key: str) -> list[Deadline]:
    """The deadlines an agency leads or shares."""
    return [d for d in items if any(a.key == key for a in d.agencies)]
