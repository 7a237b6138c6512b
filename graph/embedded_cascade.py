"""The cascade read of the embedded backend, gathered the way :mod:`graph.queries` gathers
it on Neo4j and shaped by :mod:`graph.assemble_cascade`.

Mixed into :class:`graph.embedded.EmbeddedRepository`, whose graph and helpers it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph import assemble_cascade as asm_c
from graph.cascade_results import Coverage
from ontology.model import DocumentKind, NodeKind, RelKind

Record = dict[str, Any]
_INTERPRETATION = DocumentKind.INTERPRETATION.value


class EmbeddedCascade:
    """Coverage of a plan's measures by the plans implementing it, over the in-memory graph."""

    if TYPE_CHECKING:
        _tasks: dict[str, Record]

        def _node(self, key: str) -> Record: ...
        def _out(self, key: str, rel: RelKind, kind: NodeKind) -> list[Record]: ...
        def _in(self, key: str, rel: RelKind, kind: NodeKind) -> list[Record]: ...
        def _evidence(self, key: str) -> list[Record]: ...
        def _with_evidence(self, nodes: list[Record]) -> list[Record]: ...
        def _require(self, key: str, kind: NodeKind) -> None: ...

    def _plan_targets(self, key: str) -> list[Record]:
        return self._with_evidence(self._out(key, RelKind.HAS_TARGET, NodeKind.TARGET))

    def coverage(self, key: str) -> Coverage:
        """Which measures of a plan each plan implementing it carries out, and the gaps."""
        self._require(key, NodeKind.PLAN)
        implementing = self._in(key, RelKind.IMPLEMENTS, NodeKind.PLAN)
        holders = [key] + [p["key"] for p in implementing if p.get("kind") == _INTERPRETATION]
        measures = [self._tasks[t["key"]] for h in holders
                    for t in self._out(h, RelKind.HAS_TASK, NodeKind.TASK)]
        children = {p["key"] for p in implementing if p.get("kind") != _INTERPRETATION}
        alignments = []
        for measure in measures:
            measure_key = measure["task"]["key"]
            for found in self._in(measure_key, RelKind.IMPLEMENTED_MEASURE, NodeKind.ALIGNMENT):
                for task in self._out(found["key"], RelKind.IMPLEMENTING_TASK, NodeKind.TASK):
                    alignments.append({"alignment": found, "task": task["key"],
                                       "measure": measure_key,
                                       "evidence": self._evidence(found["key"])})
                    children.update(p["key"] for p in
                                    self._in(task["key"], RelKind.HAS_TASK, NodeKind.PLAN))
        return asm_c.coverage({
            "plan": self._node(key), "measures": measures,
            "targets": [t for h in holders for t in self._plan_targets(h)],
            "alignments": alignments,
            "children": [{"plan": self._node(c),
                          "tasks": [self._tasks[t["key"]]
                                    for t in self._out(c, RelKind.HAS_TASK, NodeKind.TASK)],
                          "targets": self._plan_targets(c)} for c in sorted(children)],
        })
