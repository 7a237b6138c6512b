"""Response models of the coordinators' endpoints: deadlines and workload."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from api.schemas import AgencyRoleOut, RefOut, TargetOut, _Out


class DeadlineOut(_Out):
    """A dated task or a target: when it is due, who owns it, and where it stands today."""

    kind: str = Field(description="task (a 完成时限) or target (a deadline year).")
    key: str
    what: str = Field(description="The task's title or the target's metric.")
    year: int
    month: int | None
    written: str | None = Field(description="The deadline as written (到2025年 for a target).")
    due: date = Field(description="Last day of the due month, or of the year.")
    status: str = Field(description="overdue, this_year, next_year or later, as of today.")
    task: RefOut | None
    plan: RefOut | None
    region: RefOut | None
    agencies: list[AgencyRoleOut]
    target: TargetOut | None


class RankedAgencyOut(_Out):
    """One line of the ranking."""

    key: str
    name: str
    level: str | None
    region: RefOut | None
    lead: int
    co: int
    total: int
    targets: int = Field(description="Targets of the tasks it leads or co-owns.")


class PlanLoadOut(_Out):
    """An agency's share of one plan."""

    plan: RefOut
    lead: int
    co: int
    targets: list[TargetOut]
    deadlines: list[DeadlineOut] = Field(description="Nearest deadlines, overdue ones last.")


class AgencyLoadOut(_Out):
    """An agency's workload, plan by plan (most lead tasks first)."""

    key: str
    name: str
    plans: list[PlanLoadOut]
