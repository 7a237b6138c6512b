"""Response models of ``GET /plans/{key}/coverage``, in the conventions of :mod:`api.schemas`."""

from __future__ import annotations

from pydantic import Field

from api.schemas import RefOut, TargetOut, _Out


class TaskRefOut(_Out):
    """A task (a child task, or a measure of the parent plan) with its plan and sentence."""

    key: str
    task_id: str | None
    title: str | None
    plan: RefOut | None
    sentence: str | None


class AlignmentOut(_Out):
    """A child task carrying out a parent measure, with the two sentences it was scored on."""

    key: str
    score: float = Field(description="How alike the two tasks' texts are, 0-1 (from the "
                         "threshold up).")
    task: TaskRefOut = Field(description="The task of the implementing plan.")
    measure: TaskRefOut = Field(description="The measure of the parent plan.")
    task_sentence: str | None
    measure_sentence: str | None


class NearestOut(_Out):
    """The child task most alike a measure no task carries out: below the threshold, not a link."""

    task: TaskRefOut
    score: float


class MeasureCoverageOut(_Out):
    """A parent measure in one implementing plan: its links, or for a gap the nearest task."""

    measure: TaskRefOut
    links: list[AlignmentOut]
    nearest: NearestOut | None


class TargetComparisonOut(_Out):
    """A target of the implementing plan beside the parent's for the same metric and year."""

    year: int
    metric_score: float = Field(description="How alike the two metrics are, 0-1.")
    parent: TargetOut
    child: TargetOut
    measure: TaskRefOut | None = Field(description="The measure the parent target belongs to.")
    task: TaskRefOut | None = Field(description="The child task the child target belongs to.")
    share: float | None = Field(description="Child value / parent value (same unit).")


class ChildCoverageOut(_Out):
    """One implementing plan: measures it carries out, gaps, tasks aligned to nothing, targets."""

    plan: RefOut
    covered: list[MeasureCoverageOut]
    gaps: list[MeasureCoverageOut] = Field(description="Measures no task of this plan carries out.")
    unaligned: list[TaskRefOut] = Field(description="Its tasks that carry out no measure.")
    targets: list[TargetComparisonOut]


class CoverageOut(_Out):
    """A plan's measures and what each plan implementing it covers of them."""

    plan: RefOut
    threshold: float = Field(description="Lowest score of a link.")
    measures: list[TaskRefOut] = Field(
        description="Its tasks and those its interpretations restate, in document order.")
    children: list[ChildCoverageOut]
