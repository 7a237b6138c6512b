"""Values Neo4j returns → JSON-ready Python values, and a byte budget against huge results.

Nodes become ``{"labels", "key", "properties"}``, relationships ``{"type", "start", "end",
"properties"}`` (start and end as node keys), paths ``{"nodes", "relationships"}``; dates,
times and durations become ISO 8601 text, points ``{"srid", "x", "y"[, "z"]}``, bytes
base64 text, and non-finite floats the text ``"NaN"``/``"Infinity"`` (JSON has no such numbers).
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from neo4j import Record
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.errors import GraphError

#: Deepest nesting of lists and maps in one value (pydantic refuses to write past ~250).
MAX_NESTING: Final = 100


class ValueTooDeep(GraphError):
    """A value nests lists or maps deeper than :data:`MAX_NESTING`."""


def _node(node: Node, depth: int) -> dict[str, Any]:
    props = dict(node.items())
    return {"labels": sorted(node.labels), "key": props.get("key"),
            "properties": to_json(props, depth + 1)}


def _relationship(rel: Relationship, depth: int) -> dict[str, Any]:
    start, end = rel.start_node, rel.end_node
    return {"type": rel.type,
            "start": start.get("key") if start is not None else None,
            "end": end.get("key") if end is not None else None,
            "properties": to_json(dict(rel.items()), depth + 1)}


def to_json(value: Any, depth: int = 0) -> Any:
    """``value`` with every Neo4j type replaced by plain JSON-ready values.

    Raises :class:`ValueTooDeep` past :data:`MAX_NESTING` levels of lists and maps.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value).replace("inf", "Infinity").replace(
            "nan", "NaN")
    if depth >= MAX_NESTING:
        raise ValueTooDeep(f"a value nests deeper than {MAX_NESTING} levels of lists and maps")
    if isinstance(value, Node):  # before Mapping: a Node is one
        return _node(value, depth)
    if isinstance(value, Relationship):
        return _relationship(value, depth)
    if isinstance(value, Path):
        return {"nodes": [_node(n, depth + 1) for n in value.nodes],
                "relationships": [_relationship(r, depth + 1) for r in value.relationships]}
    if isinstance(value, Date | DateTime | Time | Duration):  # a Duration is a tuple
        return value.iso_format()
    if isinstance(value, Point):  # so is a Point
        return {"srid": value.srid, **dict(zip(("x", "y", "z"), value, strict=False))}
    if isinstance(value, Mapping):
        return {str(k): to_json(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v, depth + 1) for v in value]
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    return str(value)


class _NotPlain(Exception):
    """A value :func:`record_json`'s fast path leaves to :func:`to_json`."""


def _plain(value: Any, depth: int) -> Any:
    """``value`` if it holds only maps, lists, text, integers, booleans, finite floats and
    nulls within :data:`MAX_NESTING`; raises :class:`_NotPlain` otherwise."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float and math.isfinite(value):
        return value
    if depth >= MAX_NESTING:
        raise _NotPlain
    if kind is dict:
        return {k: _plain(v, depth + 1) for k, v in value.items()}
    if kind is list:
        return [_plain(v, depth + 1) for v in value]
    raise _NotPlain


def record_json(record: Record) -> dict[str, Any]:
    """``to_json(record.data())``, without its two walks over every value when the record
    holds only plain values (every named read's rows: maps of properties, lists, text).

    ``record.data()`` and :func:`to_json` each walk every value in Python; for the 20 task
    records of one ``/tasks`` page that was 6 ms, twice what Neo4j took to answer.
    """
    try:
        return {key: _plain(value, 1) for key, value in zip(record.keys(), record.values(),
                                                             strict=True)}
    except _NotPlain:
        return to_json(record.data())  # type: ignore[no-any-return]


def json_size(value: Any) -> int:
    """Bytes of a JSON-ready value in the response (UTF-8, compact, as Starlette writes it)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _least_size(value: Any) -> int:
    """A lower bound of :func:`json_size` that copies nothing (so a huge string costs nothing)."""
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, dict):
        return 1 + sum(len(k) + 4 + _least_size(v) for k, v in value.items())
    if isinstance(value, list):
        return 1 + sum(_least_size(v) + 1 for v in value)
    return 1


@dataclass
class ByteBudget:
    """Counts the JSON bytes of the rows taken so far; refuses a row that would exceed them."""

    remaining: int

    def take(self, row: list[Any]) -> bool:
        """True (and the row's bytes counted) if ``row`` fits in what is left."""
        if _least_size(row) > self.remaining:
            return False
        cost = json_size(row) + 1  # and the comma between rows
        if cost > self.remaining:
            return False
        self.remaining -= cost
        return True
