"""``record_json``: the named reads' fast path gives exactly ``to_json(record.data())``."""

from __future__ import annotations

import math

import pytest
from neo4j import Record
from neo4j.spatial import CartesianPoint
from neo4j.time import Date, Duration

from graph.cypher_json import MAX_NESTING, ValueTooDeep, record_json, to_json

PLAIN = {
    "task": {"key": "task/1", "title": "推进品牌培育", "dueYear": 2025, "value": 3.5,
             "owned": True, "deadline": None},
    "targets": [{"metric": "培育品牌企业", "evidence": [{"sentence": "到2025年", "spanStart": 0}]}],
    "keys": ["a", "b"],
    "empty": [],
}
ODD = [
    float("nan"), math.inf, -math.inf,  # JSON has no such numbers: text
    Date(2025, 6, 1), Duration(days=3), CartesianPoint((1.0, 2.0)), b"\x00\xff",
    [1, {"when": Date(2021, 1, 1)}],  # deep inside a plain value
]


def _nested(levels: int) -> object:
    value: object = 1
    for _ in range(levels):
        value = [value]
    return value


def test_plain_values_are_returned_as_to_json_returns_them() -> None:
    record = Record(PLAIN)
    assert record_json(record) == to_json(record.data()) == PLAIN
    assert type(record_json(record)["task"]["owned"]) is bool


@pytest.mark.parametrize("value", ODD, ids=repr)
def test_other_values_take_to_json_s_way(value: object) -> None:
    record = Record({"plain": "x", "odd": value})
    assert record_json(record) == to_json(record.data())


def test_nesting_is_bounded_as_before() -> None:
    ok = Record({"v": _nested(MAX_NESTING - 2)})
    assert record_json(ok) == to_json(ok.data())
    deep = Record({"v": _nested(MAX_NESTING + 1)})
    with pytest.raises(ValueTooDeep):
        to_json(deep.data())
    with pytest.raises(ValueTooDeep):
        record_json(deep)
