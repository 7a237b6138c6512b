"""The coverage view: a parent plan's measures, the tasks of the plans implementing it, and
the links between them coloured by score.

Drawn from a :class:`~graph.cascade_results.Coverage` (what ``GET /plans/{key}/coverage``
answers), so the live page and the offline one show the same thing whichever backend made
it.  Left to right: the parent's measures, the child tasks, the child plans.  A link is
darker and wider the higher its score (:func:`viz.style.aligned_rel`); a measure no task
carries out is labelled 未落实, with a dashed grey line to its nearest task (below the
threshold, not a link).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from graph.cascade_results import ChildCoverage, Coverage, TaskRef
from graph.repository import PageRequest, PlanInfo, Repository
from ontology.model import NodeKind, RelKind
from viz.model import ViewEdge, ViewGraph, ViewNode, short_label, sorted_view
from viz.style import ViewRel, aligned_rel

GAP_MARK: Final = "（未落实）"


#: Plans read per request when looking for the plans others implement.
_PAGE: Final = 200


def parents(plans: Iterable[PlanInfo]) -> list[PlanInfo]:
    """The plans other plans implement: those a coverage view is drawn for."""
    return [p for p in plans if p.implemented_by]


def parent_coverages(repo: Repository, limit: int) -> list[Coverage]:
    """The coverage of the first ``limit`` plans other plans implement (provincial first)."""
    found: list[PlanInfo] = []
    offset = 0
    while len(found) < limit:
        page = repo.plans(PageRequest(limit=_PAGE, offset=offset))
        found += parents(page.data)
        offset += len(page.data)
        if not page.data or offset >= page.count:
            break
    return [repo.coverage(p.key) for p in found[:limit]]


def _task_node(task: TaskRef, level: int, details: list[tuple[str, str]],
               gap: bool = False) -> ViewNode:
    title = task.title or task.task_id or task.key
    label = short_label(title) + (GAP_MARK if gap else "")
    facts = [("文件", task.plan.name)] if task.plan else []
    facts += [("编号", task.task_id)] if task.task_id else []
    return ViewNode(id=task.key, kind=NodeKind.TASK, label=label, name=title,
                    details=tuple(facts + details), sentence=task.sentence, level=level)


def _summary(child: ChildCoverage) -> str:
    total = len(child.covered) + len(child.gaps)
    missing = "、".join(g.measure.title or g.measure.key for g in child.gaps)
    return (f"{child.plan.name}：落实 {len(child.covered)}/{total} 项措施"
            + (f"；未见落实：{missing}" if missing else ""))


def coverage(found: Coverage) -> ViewGraph:
    """Measures (left), child tasks and child plans (right), links by score band."""
    status: dict[str, list[tuple[str, str]]] = {m.key: [] for m in found.measures}
    gap_everywhere = {m.key for m in found.measures} if found.children else set()
    nodes: dict[str, ViewNode] = {}
    edges: set[ViewEdge] = set()
    for child in found.children:
        plan = child.plan
        nodes[plan.key] = ViewNode(id=plan.key, kind=NodeKind.PLAN, label=short_label(plan.name),
                                   name=plan.name, level=2)
        tasks: dict[str, TaskRef] = {t.key: t for t in child.unaligned}
        aligned: dict[str, list[tuple[str, str]]] = {}
        for measure in child.covered:
            gap_everywhere.discard(measure.measure.key)
            text = "、".join(f"{a.task.task_id or a.task.title} ({a.score:.2f})"
                            for a in measure.links)
            status[measure.measure.key].append((plan.name, f"落实：{text}"))
            for link in measure.links:
                tasks[link.task.key] = link.task
                aligned.setdefault(link.task.key, []).append(
                    ("对应措施", f"{link.measure.title} ({link.score:.2f})"))
                edges.add(ViewEdge(link.task.key, measure.measure.key, aligned_rel(link.score)))
        for gap in child.gaps:
            text = "未见落实任务"
            if gap.nearest is not None:
                near = gap.nearest
                tasks.setdefault(near.task.key, near.task)
                text += f"（最接近：{near.task.task_id or near.task.title} {near.score:.2f}，低于阈值）"
                edges.add(ViewEdge(near.task.key, gap.measure.key, ViewRel.NEAREST))
            status[gap.measure.key].append((plan.name, text))
        for key, task in tasks.items():
            nodes[key] = _task_node(task, 1, aligned.get(key, []))
            edges.add(ViewEdge(plan.key, key, RelKind.HAS_TASK.value))
    for parent in found.measures:
        nodes[parent.key] = _task_node(parent, 0, status[parent.key],
                                       gap=parent.key in gap_everywhere)
    notes = tuple(_summary(c) for c in found.children) or ("没有落实这份文件的下级文件。",)
    notes += (f"连线颜色越深、越粗，相似度越高；相似度低于 {found.threshold:.2f} 的不关联，"
              "灰色虚线只标出未落实措施最接近的任务。",)
    return sorted_view("coverage", f"措施落实：{found.plan.name}", nodes, edges,
                       hierarchical=True, params=(("plan", found.plan.name),), notes=notes)
