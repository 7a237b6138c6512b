"""Values Neo4j returns → JSON-ready Python values, with a budget against huge results.

Nodes become ``{"labels", "key", "properties"}``, relationships ``{"type", "start", "end",
"properties"}`` (start and end as node keys), paths ``{"nodes", "relationships"}``; dates,
times and durations become ISO 8601 text, points ``{"srid", "x", "y"[, "z"]}``, bytes
base64 text, and non-finite floats the text ``"NaN"``/``"Infinity"`` (JSON has no such numbers).
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

#: Most scalar values one analyst's result may hold in all (rows beyond are cut).
MAX_VALUES: Final = 200_000


def _node(node: Node) -> dict[str, Any]:
    props = dict(node.items())
    return {"labels": sorted(node.labels), "key": props.get("key"),
            "properties": to_json(props)}


def _relationship(rel: Relationship) -> dict[str, Any]:
    start, end = rel.start_node, rel.end_node
    return {"type": rel.type,
            "start": start.get("key") if start is not None else None,
            "end": end.get("key") if end is not None else None,
            "properties": to_json(dict(rel.items()))}


def to_json(value: Any) -> Any:
    """``value`` with every Neo4j type replaced by plain JSON-ready values."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value).replace("inf", "Infinity").replace(
            "nan", "NaN")
    if isinstance(value, Node):  # before Mapping: a Node is one
        return _node(value)
    if isinstance(value, Relationship):
        return _relationship(value)
    if isinstance(value, Path):
        return {"nodes": [_node(n) for n in value.nodes],
                "relationships": [_relationship(r) for r in value.relationships]}
    if isinstance(value, Date | DateTime | Time | Duration):  # a Duration is a tuple
        return value.iso_format()
    if isinstance(value, Point):  # so is a Point
        return {"srid": value.srid, **dict(zip(("x", "y", "z"), value, strict=False))}
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    return str(value)


def size(value: Any) -> int:
    """How many scalar values a JSON-ready value holds."""
    if isinstance(value, dict):
        return sum(size(v) for v in value.values()) or 1
    if isinstance(value, list):
        return sum(size(v) for v in value) or 1
    return 1


@dataclass
class ValueBudget:
    """Counts the values of the rows taken so far; refuses a row that would exceed it."""

    remaining: int = MAX_VALUES

    def take(self, row: list[Any]) -> list[Any] | None:
        """``row`` if it fits in what is left of the budget, else None."""
        cost = size(row)
        if cost > self.remaining:
            return None
        self.remaining -= cost
        return row
