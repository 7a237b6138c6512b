"""The plan fence of analysts' Cypher: what Neo4j's ``EXPLAIN`` says the statement would do.

The text fence (:mod:`graph.cypher_guard`) reads the statement; this one reads Neo4j's own
verdict, which no spelling can disguise.  ``EXPLAIN`` plans the statement without running
it, and the summary gives

* the query type, which must be ``r`` (read-only: not ``rw``, ``w`` or ``s``);
* the plan, a tree of operators (``{"operatorType": "ProcedureCall@neo4j", "args":
  {"Details": "db.labels() :: (label :: STRING)"}, "children": [...]}``), in which
  no operator may load files or URLs (``LoadCSV``), write, change the schema, administer,
  show or terminate what other sessions run (``ShowTransactions``, ``TerminateTransactions``
  are classified ``r``), or commit in batches (``TransactionApply``), and every procedure
  called — named in its ``Details`` after Neo4j decoded the text — is one of
  :data:`graph.cypher_guard.ALLOWED_PROCEDURES`.

The tree is walked with an explicit stack, never by recursion, and its size is capped.
"""

from __future__ import annotations

import re
from typing import Any, Final

from graph.cypher_guard import ALLOWED_PROCEDURES
from graph.repository import CypherRejected

#: Operator names (without ``@database``) starting with these are refused.
REFUSED_OPERATORS: Final = (
    "LoadCSV", "Create", "Merge", "Delete", "DetachDelete", "Set", "Remove", "Foreach",
    "Transaction", "Show", "Terminate", "Administration", "Drop", "Alter", "Grant", "Deny",
    "Revoke", "Start", "Stop", "Enable", "Rename",
)
#: Most operators of one plan, and its deepest nesting.
MAX_PLAN_OPERATORS: Final = 10_000
MAX_PLAN_DEPTH: Final = 1_000
_QUERY_TYPES: Final = {"rw": "read-write", "w": "write-only", "s": "schema-write"}
_PROCEDURE_NAME: Final = re.compile(r"\s*((?:`[^`]*`|[\w$]+)(?:\.(?:`[^`]*`|[\w$]+))*)\s*\(")


def _refuse(what: str) -> CypherRejected:
    return CypherRejected(f"refused by Neo4j's plan: {what}; only read-only queries may run "
                          "here (MATCH … RETURN, with $parameters)")


def procedure_name(details: object) -> str | None:
    """The procedure a ``ProcedureCall``'s ``Details`` names, lower case (None if unreadable)."""
    found = _PROCEDURE_NAME.match(details) if isinstance(details, str) else None
    return found.group(1).replace("`", "").lower() if found else None


def _judge_operator(operator: dict[str, Any]) -> None:
    kind = str(operator.get("operatorType", "")).split("@", 1)[0]
    if kind.startswith(REFUSED_OPERATORS):
        raise _refuse(f"it would run {kind}")
    if "Procedure" in kind:
        name = procedure_name((operator.get("args") or {}).get("Details"))
        if name not in ALLOWED_PROCEDURES:
            raise _refuse(f"it calls {name or 'a procedure'}, not one of the allowed read "
                          f"procedures ({', '.join(sorted(ALLOWED_PROCEDURES))})")


def judge_plan(query_type: str | None, plan: dict[str, Any] | None) -> None:
    """Raise :class:`CypherRejected` unless the ``EXPLAIN`` summary describes a plain read."""
    if query_type != "r":
        raise _refuse(f"Neo4j classifies it as "
                      f"{_QUERY_TYPES.get(query_type or '', query_type or 'unknown')}")
    if plan is None:
        raise _refuse("Neo4j gave no plan")
    stack: list[tuple[dict[str, Any], int]] = [(plan, 1)]
    seen = 0
    while stack:
        operator, depth = stack.pop()
        seen += 1
        if seen > MAX_PLAN_OPERATORS or depth > MAX_PLAN_DEPTH:
            raise _refuse(f"the plan is too large (at most {MAX_PLAN_OPERATORS} operators, "
                          f"{MAX_PLAN_DEPTH} deep)")
        _judge_operator(operator)
        stack.extend((child, depth + 1) for child in operator.get("children") or ())
