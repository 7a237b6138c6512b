"""A checksum of everything a Neo4j database holds: every fact and the schema.

Two loads of the same graph — online and bulk, interrupted and clean — must leave the same
database.  :func:`store_checksum` reads every node (labels and properties), every
relationship (type, end keys, properties) and the constraints and indexes, turns each into
one canonical line, and adds up their SHA-256 digests modulo 2**256: the sum does not depend
on the order the store returns them in, and no line needs to be kept in memory, so it works
on a graph of millions of facts.  Counts are kept beside it, so a difference can be told
from a duplicate.  ``sources`` counts as the set it is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import neo4j

from graph import cypher_write as q
from graph.driver import store_errors, uri_of

_MODULUS = 2**256


@dataclass(frozen=True)
class Checksum:
    """Counts of nodes and relationships, the digest of all facts, the schema's lines."""

    nodes: int
    relationships: int
    facts: str
    schema: tuple[str, ...]


def canonical(value: Any) -> str:
    """One line of JSON, keys sorted, floats as Python writes them."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _as_set(props: dict[str, Any]) -> dict[str, Any]:
    """``sources`` is a set of file names (its order records only which load came first)."""
    if isinstance(props.get(q.SOURCES), list):
        return {**props, q.SOURCES: sorted(props[q.SOURCES])}
    return props


def _digest(line: str) -> int:
    return int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest(), "big")


def store_checksum(driver: neo4j.Driver, database: str) -> Checksum:
    """The :class:`Checksum` of ``database`` (reads everything; no write)."""
    total = nodes = rels = 0
    with store_errors(uri_of(driver)), driver.session(
            database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for record in session.run(q.ALL_NODES):
            total = (total + _digest(canonical(["node", sorted(record["labels"]),
                                                _as_set(record["props"])]))) % _MODULUS
            nodes += 1
        for record in session.run(q.ALL_RELS):
            total = (total + _digest(canonical(["rel", record["type"], record["start"],
                                                record["end"], _as_set(record["props"])]))
                     ) % _MODULUS
            rels += 1
        schema = [canonical(["constraint", r.data()]) for r in session.run(q.SHOW_CONSTRAINTS)]
        schema += [canonical(["index", r.data()]) for r in session.run(q.SHOW_INDEX_STATES)]
    return Checksum(nodes, rels, f"{total:064x}", tuple(schema))
