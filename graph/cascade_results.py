"""Result types of the cascade read: does an implementing plan cover the parent's measures?

Like the rest of :mod:`graph.repository`'s types, both backends build them from the same
records with :mod:`graph.assemble_cascade`, so they answer alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.repository import Ref, TargetInfo


@dataclass(frozen=True, kw_only=True)
class TaskRef:
    """A task (a child task or a parent measure): id, title, plan and its sentence."""

    key: str
    task_id: str | None
    title: str | None
    plan: Ref | None
    sentence: str | None


@dataclass(frozen=True, kw_only=True)
class AlignmentInfo:
    """A child task carrying out a parent measure: the score and the two sentences it was
    scored on (the alignment's evidence)."""

    key: str
    score: float
    task: TaskRef
    measure: TaskRef
    task_sentence: str | None
    measure_sentence: str | None


@dataclass(frozen=True, kw_only=True)
class Nearest:
    """The child task most alike a measure no task carries out: below the threshold, not a
    link, shown so a reader can judge the gap."""

    task: TaskRef
    score: float


@dataclass(frozen=True, kw_only=True)
class MeasureCoverage:
    """A parent measure in one implementing plan: its links, or (a gap) the nearest task."""

    measure: TaskRef
    links: tuple[AlignmentInfo, ...]
    nearest: Nearest | None


@dataclass(frozen=True, kw_only=True)
class TargetComparison:
    """A target of the implementing plan beside the parent's target for the same metric and
    year; ``share`` is child value / parent value when both are numbers in one unit."""

    year: int
    metric_score: float
    parent: TargetInfo
    child: TargetInfo
    measure: TaskRef | None
    task: TaskRef | None
    share: float | None


@dataclass(frozen=True, kw_only=True)
class ChildCoverage:
    """One implementing plan: the measures it carries out, the gaps, its tasks that carry
    out none, and its targets beside the parent's."""

    plan: Ref
    covered: tuple[MeasureCoverage, ...]
    gaps: tuple[MeasureCoverage, ...]
    unaligned: tuple[TaskRef, ...]
    targets: tuple[TargetComparison, ...]


@dataclass(frozen=True, kw_only=True)
class Coverage:
    """A plan's measures (its own tasks and those its interpretations restate) and, for each
    plan implementing it, what of them it covers; links score ``threshold`` or more."""

    plan: Ref
    threshold: float
    measures: tuple[TaskRef, ...]
    children: tuple[ChildCoverage, ...]
