"""The cascade in the graph: which child task carries out which parent measure, scored.

For each document that implements a plan (``document.implements``), its tasks are aligned
(:func:`graph.cascade.align`) with that plan's *measures*: the tasks of the plan itself and
those an interpretation of it restates (000 interprets the provincial 若干措施 that 001
implements, and 000's tasks are those measures).  An interpretation is not a child of the
plan it interprets: it restates measures, it does not carry them out.

Relationships carry no properties here, so a scored link is a node of its own, like a
recognition:

    (Alignment)-[:IMPLEMENTING_TASK]->(Task)     the child task
    (Alignment)-[:IMPLEMENTED_MEASURE]->(Task)   the parent measure
    (Alignment)-[:HAS_EVIDENCE]->(Evidence)      the sentence of each of the two

with ``score`` (0–1) on the node.  Its key is the pair of task keys, so rebuilding gives the
same node, and its documents are those of the two sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from graph.cascade import Link, TaskText, align
from graph.rdf_base import Fact, decimal
from ontology import identity as ident
from ontology.model import DocumentKind, DocumentMeta, Extraction, NodeKind, Task
from ontology.vocab import PG

if TYPE_CHECKING:
    from graph.rdf import _Builder


def task_text(key: str, task: Task) -> TaskText:
    """What the aligner reads of a task: title, sentence and the agencies it names."""
    return TaskText(key=key, title=task.title,
                    sentence=task.evidence.sentence if task.evidence else None,
                    agencies=(*task.lead, *task.co))


def parent_key(title: str) -> str:
    """The plan key a document's ``implements`` entry names (as :mod:`graph.rdf` keys it)."""
    return ident.plan_key(DocumentMeta(title=title), title)


def measures_of(plan: str, extractions: Sequence[Extraction],
                plan_of: dict[str, str]) -> dict[str, tuple[Extraction, Task]]:
    """The measures of ``plan`` by task key: its own tasks, and those its interpretations
    restate."""
    found: dict[str, tuple[Extraction, Task]] = {}
    for extraction in sorted(extractions, key=lambda x: x.source):
        own = plan_of[extraction.source]
        interprets = (extraction.document.kind is DocumentKind.INTERPRETATION
                      and plan in {parent_key(t) for t in extraction.document.implements})
        if own == plan or interprets:
            for task in extraction.tasks:
                found.setdefault(ident.task_key(own, task.id), (extraction, task))
    return found


Aligned = tuple[Link, tuple[Extraction, Task], tuple[Extraction, Task]]


def alignments(extractions: Sequence[Extraction], plan_of: dict[str, str]) -> list[Aligned]:
    """Every link of every implementing document, with the child's and the parent's task."""
    out: list[Aligned] = []
    for child in sorted(extractions, key=lambda x: x.source):
        if child.document.kind is DocumentKind.INTERPRETATION or not child.tasks:
            continue
        own = plan_of[child.source]
        tasks = {ident.task_key(own, t.id): (child, t) for t in child.tasks}
        for title in sorted(set(child.document.implements)):
            plan = parent_key(title)
            measures = {k: v for k, v in measures_of(plan, extractions, plan_of).items()
                        if k not in tasks}
            links = align([task_text(k, t) for k, (_, t) in tasks.items()],
                          [task_text(k, t) for k, (_, t) in measures.items()])
            out.extend((link, tasks[link.child], measures[link.parent]) for link in links)
    return out


def add_alignments(builder: _Builder, extractions: Sequence[Extraction]) -> None:
    """The alignment nodes of every implementing document of ``extractions``."""
    for link, (child, task), (parent, measure) in alignments(extractions, builder.plan_of):
        # The child task makes the alignment (a broken one is blamed on it); each sentence
        # stays the fact of its own document.
        builder.fact = Fact(child.source, "tasks", child.tasks.index(task))
        builder.unit = (2, child.source, "", "")
        node = builder.node(NodeKind.ALIGNMENT, ident.alignment_key(link.child, link.parent))
        builder.first(node, PG.score, decimal(link.score))
        builder.graph.add((node, PG.implementingTask, ident.iri(link.child)))
        builder.graph.add((node, PG.implementedMeasure, ident.iri(link.parent)))
        builder.evidence(node, task.evidence)
        builder.fact = Fact(parent.source, "tasks", parent.tasks.index(measure))
        builder.evidence(node, measure.evidence)
    builder.fact = None

