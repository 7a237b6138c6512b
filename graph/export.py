"""Read the graph back from Neo4j: as property-graph rows, as RDF, and as counts.

The inverse of :mod:`graph.loader`: nodes of every :class:`~ontology.model.NodeKind` label
and relationships of every :class:`~ontology.model.RelKind` type become
:class:`~graph.property_graph.NodeRow` / :class:`~graph.property_graph.RelRow`, and
:func:`~graph.property_graph.to_rdf` turns them into the same RDF ``policygraph build``
wrote.  The loader's bookkeeping (``sources``) is not part of the data and is left out.
Every read names the database and runs in a read transaction (routed to readers).
"""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j import NotificationDisabledClassification
from rdflib import Graph

from graph import cypher_write as q
from graph.driver import store_errors, uri_of
from graph.property_graph import NodeRow, PropertyGraph, RelRow, to_rdf
from ontology.model import NodeKind, RelKind

#: Properties the loader adds for itself; never exported.
BOOKKEEPING = frozenset({q.SOURCES, "key"})


def _read(driver: neo4j.Driver, database: str, query: str) -> list[neo4j.Record]:
    def work(tx: neo4j.ManagedTransaction) -> list[neo4j.Record]:
        return list(tx.run(query))

    # A type no document uses yet (SUPPORTED_BY) is not an error; silence its warning.
    with store_errors(uri_of(driver)), driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS,
        notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
    ) as session:
        return session.execute_read(work)


def _data(props: dict[str, Any], keep: frozenset[str] = frozenset()) -> dict[str, Any]:
    data = {k: v for k, v in props.items() if k not in BOOKKEEPING or k in keep}
    for name, value in data.items():
        if isinstance(value, list):
            data[name] = sorted(value)
    return data


def read_graph(
    driver: neo4j.Driver, database: str, *, with_sources: bool = False
) -> PropertyGraph:
    """Every policygraph node and relationship in ``database``, sorted, without bookkeeping.

    Relationships to nodes without a key (not written by the loader) are left out.
    ``with_sources`` keeps the nodes' ``sources`` (for inspection; :func:`to_rdf` rejects it).
    """
    keep = frozenset({q.SOURCES}) if with_sources else frozenset()
    nodes: list[NodeRow] = []
    for kind in NodeKind:
        for record in _read(driver, database, q.read_nodes(kind)):
            nodes.append(NodeRow(kind, record["key"], _data(dict(record["props"]), keep)))
    rels: list[RelRow] = []
    for rel_kind in RelKind:
        for record in _read(driver, database, q.read_rels(rel_kind)):
            rels.append(RelRow(rel_kind, record["start"], record["end"]))
    nodes.sort(key=lambda n: n.key)
    rels.sort(key=lambda r: (r.kind.value, r.start, r.end))
    return PropertyGraph(tuple(nodes), tuple(rels))


def export_rdf(driver: neo4j.Driver, database: str) -> Graph:
    """The RDF graph of ``database`` (serialise it with :func:`graph.rdf.serialize`)."""
    graph = read_graph(driver, database)
    return to_rdf(graph.nodes, graph.rels)


def count_by_kind(driver: neo4j.Driver, database: str) -> dict[str, int]:
    """Number of nodes per label and relationships per type (zeros included)."""
    counts: dict[str, int] = {}
    for kind in NodeKind:
        counts[kind.value] = _read(driver, database, q.count_nodes(kind))[0]["count"]
    for rel_kind in RelKind:
        counts[rel_kind.value] = _read(driver, database, q.count_rels(rel_kind))[0]["count"]
    return counts
