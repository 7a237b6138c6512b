"""Coverage records → :class:`~graph.cascade_results.Coverage`, the same on both backends.

The pure half of ``coverage``, like :mod:`graph.assemble`.  One record (plain dicts, shaped
like the rows of the Cypher in :mod:`graph.queries`) per asked plan:

* ``plan``: the plan's node dict;
* ``measures``: task records (:mod:`graph.assemble`) of its tasks and of the tasks of its
  interpretations;
* ``targets``: target dicts (with ``evidence``) of the plan and of its interpretations;
* ``alignments``: ``{alignment, task, measure, evidence}`` — the node dict, the child task's
  key, the measure's key and the alignment's evidence, for every alignment to a measure;
* ``children``: ``{plan, tasks, targets}`` for every plan implementing it (interpretations
  excepted) or holding an aligned task: node dict, task records, plan-level target dicts.

An alignment whose task or measure is not among them (one of its documents was removed
from Neo4j) is left out.  Scores of gaps and of target metrics are computed here, from the
same records on both backends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph import assemble as asm
from graph.cascade import METRIC_THRESHOLD, THRESHOLD, TaskText, scores
from graph.cascade_results import (
    AlignmentInfo,
    ChildCoverage,
    Coverage,
    MeasureCoverage,
    Nearest,
    TargetComparison,
    TaskRef,
)
from graph.repository import Ref
from ontology.model import NodeKind

Record = Mapping[str, Any]
Owned = tuple[Mapping[str, Any], str | None]  # a target dict and the key of its task, if any


def task_ref(record: Record) -> TaskRef:
    """A task record as a reference with its plan and first sentence."""
    task = record["task"]
    return TaskRef(key=task["key"], task_id=task.get("taskId"), title=task.get("title"),
                   plan=asm.first_ref(NodeKind.PLAN, record.get("plans")),
                   sentence=asm.first_sentence(record.get("evidence") or ()))


def task_text(record: Record) -> TaskText:
    """What the aligner reads of a task record (as the build read the extracted task)."""
    names = tuple(a.get("name") or "" for a in [*(record.get("leads") or ()),
                                                 *(record.get("cos") or ())] if a)
    return TaskText(record["task"]["key"], record["task"].get("title"),
                    asm.first_sentence(record.get("evidence") or ()), names)


def _sentence_of(evidence: Iterable[Mapping[str, Any]], own: Record) -> str | None:
    keys = {e["key"] for e in own.get("evidence") or () if e}
    return asm.first_sentence(e for e in evidence if e and e["key"] in keys)


def _alignment(found: Record, task: Record, measure: Record) -> AlignmentInfo:
    evidence = found.get("evidence") or ()
    return AlignmentInfo(key=found["alignment"]["key"],
                         score=float(found["alignment"].get("score") or 0.0),
                         task=task_ref(task), measure=task_ref(measure),
                         task_sentence=_sentence_of(evidence, task),
                         measure_sentence=_sentence_of(evidence, measure))


def _owned(task_records: Iterable[Record], plan_targets: Iterable[Mapping[str, Any]]
           ) -> list[Owned]:
    found: dict[str, Owned] = {}
    for record in task_records:
        for target in record.get("targets") or ():
            found.setdefault(target["key"], (target, record["task"]["key"]))
    for target in plan_targets:
        if target:
            found.setdefault(target["key"], (target, None))
    return sorted(found.values(), key=lambda t: asm.target_order(t[0]))


def comparisons(parent: Sequence[Owned], child: Sequence[Owned],
                refs: Mapping[str, TaskRef]) -> tuple[TargetComparison, ...]:
    """Child targets beside parent targets of the same year and unit whose metrics score
    :data:`~graph.cascade.METRIC_THRESHOLD` or more."""
    dated_parent = [t for t in parent if t[0].get("year") is not None and t[0].get("metric")]
    dated_child = [t for t in child if t[0].get("year") is not None and t[0].get("metric")]
    table = scores([TaskText(t["key"], t.get("metric")) for t, _ in dated_child],
                   [TaskText(t["key"], t.get("metric")) for t, _ in dated_parent])
    out = []
    for (c, c_task), row in zip(dated_child, table, strict=True):
        for (p, p_task), value in zip(dated_parent, row, strict=True):
            if (c["year"], c.get("unit")) != (p["year"], p.get("unit")) or value < METRIC_THRESHOLD:
                continue
            [p_info], [c_info] = asm.target_infos([p]), asm.target_infos([c])
            share = (round(c_info.value / p_info.value, 4)
                     if c_info.value is not None and p_info.value else None)
            out.append(TargetComparison(
                year=c["year"], metric_score=value, parent=p_info, child=c_info,
                measure=refs.get(p_task) if p_task else None,
                task=refs.get(c_task) if c_task else None, share=share))
    return tuple(sorted(out, key=lambda x: (x.year, x.parent.metric or "", x.parent.key,
                                            x.child.metric or "", x.child.key)))


def _child(child: Record, measures: Sequence[Record], alignments: Sequence[Record],
           parent_targets: Sequence[Owned]) -> ChildCoverage:
    tasks = sorted(child.get("tasks") or (), key=asm.task_order)
    by_key = {t["task"]["key"]: t for t in tasks}
    measure_by_key = {m["task"]["key"]: m for m in measures}
    links: dict[str, list[AlignmentInfo]] = {}
    for found in alignments:
        task, measure = by_key.get(found["task"]), measure_by_key.get(found["measure"])
        if task is not None and measure is not None:
            links.setdefault(found["measure"], []).append(_alignment(found, task, measure))
    table = scores([task_text(t) for t in tasks], [task_text(m) for m in measures])
    covered, gaps = [], []
    for j, measure in enumerate(measures):
        key = measure["task"]["key"]
        ranked = sorted(links.get(key, ()), key=lambda a: (-a.score, a.task.key))
        if ranked:
            covered.append(MeasureCoverage(measure=task_ref(measure), links=tuple(ranked),
                                           nearest=None))
            continue
        column = [(row[j], -i) for i, row in enumerate(table)]
        best = max(column, default=None)
        nearest = (Nearest(task=task_ref(tasks[-best[1]]), score=best[0])
                   if best is not None and best[0] > 0 else None)
        gaps.append(MeasureCoverage(measure=task_ref(measure), links=(), nearest=nearest))
    linked = {a.task.key for found in links.values() for a in found}
    refs = {t["task"]["key"]: task_ref(t) for t in [*tasks, *measures]}
    return ChildCoverage(
        plan=Ref(child["plan"]["key"], asm.name_of(NodeKind.PLAN, child["plan"])),
        covered=tuple(covered), gaps=tuple(gaps),
        unaligned=tuple(task_ref(t) for t in tasks if t["task"]["key"] not in linked),
        targets=comparisons(parent_targets, _owned(tasks, child.get("targets") or ()), refs))


def coverage(record: Record) -> Coverage:
    """What each implementing plan covers of the measures of ``record['plan']``."""
    plan = record["plan"]
    measures = sorted({m["task"]["key"]: m for m in record.get("measures") or ()}.values(),
                      key=asm.task_order)
    measure_plans = {p["key"] for m in measures for p in m.get("plans") or () if p}
    parent_targets = _owned(measures, record.get("targets") or ())
    alignments = sorted(record.get("alignments") or (), key=lambda a: a["alignment"]["key"])
    children = sorted((c for c in record.get("children") or ()
                       if c["plan"]["key"] != plan["key"]
                       and c["plan"]["key"] not in measure_plans),
                      key=lambda c: (asm.name_of(NodeKind.PLAN, c["plan"]), c["plan"]["key"]))
    unique = {c["plan"]["key"]: c for c in children}
    return Coverage(
        plan=Ref(plan["key"], asm.name_of(NodeKind.PLAN, plan)), threshold=THRESHOLD,
        measures=tuple(task_ref(m) for m in measures),
        children=tuple(_child(c, measures, alignments, parent_targets)
                       for c in unique.values()))
