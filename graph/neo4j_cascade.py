"""The cascade read of the Neo4j backend: the named queries of :mod:`graph.queries`, shaped
by :mod:`graph.assemble_cascade` exactly as on the embedded backend.

Mixed into :class:`graph.neo4j_repo.Neo4jRepository`, whose ``_read`` and ``_one`` it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph import assemble_cascade as asm_c
from graph import queries as q
from graph.cascade_results import Coverage
from graph.errors import NotFound
from ontology.model import DocumentKind

Record = dict[str, Any]


class Neo4jCascade:
    """Coverage of a plan's measures by the plans implementing it, over Neo4j."""

    if TYPE_CHECKING:
        def _read(self, cypher: str, /, **params: Any) -> list[Record]: ...
        def _task_records(self, keys: list[str]) -> dict[str, Record]: ...

    def coverage(self, key: str) -> Coverage:
        """Which measures of a plan each plan implementing it carries out, and the gaps."""
        interpretation = DocumentKind.INTERPRETATION.value
        rows = self._read(q.COVERAGE_PLAN, key=key, interpretation=interpretation)
        if not rows:
            raise NotFound(f"no plan with id {key!r}")
        plan = rows[0]
        alignments = self._read(q.ALIGNMENT_RECORDS, keys=sorted(set(plan["measureKeys"])))
        children = set(plan["childKeys"]) | {k for a in alignments for k in a.pop("planKeys")}
        child_rows = self._read(q.CHILD_PLAN_RECORDS, keys=sorted(children)) if children else []
        tasks = self._task_records(sorted(set(plan["measureKeys"])
                                          | {k for c in child_rows for k in c["taskKeys"]}))
        return asm_c.coverage({
            "plan": plan["plan"],
            "measures": [tasks[k] for k in plan["measureKeys"] if k in tasks],
            "targets": plan["targets"], "alignments": alignments,
            "children": [{"plan": c["plan"], "tasks": [tasks[k] for k in c["taskKeys"]
                                                        if k in tasks],
                          "targets": c["targets"]} for c in child_rows],
        })
