"""Load a property graph into Neo4j: schema first, then batched ``UNWIND … MERGE``.

:func:`load` is idempotent (loading twice leaves identical nodes, relationships and
properties) and replaces documents: the documents of the loaded graph (its ``Source``
nodes) lose every claim the new graph no longer makes, so a changed document's stale tasks,
links and targets disappear, while nodes other documents state too (an agency, a brand)
only lose that document from their ``sources``.  Documents not in the graph are untouched.
:func:`remove_document` withdraws one document the same way.

Each batch is one managed write transaction (``execute_write``), which the driver retries
on transient errors; the load as a whole is not one transaction, so an interrupted load
leaves a partial state that the next load completes.  Row building is pure and lives in
:mod:`graph.rows`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import NotificationDisabledClassification, RoutingControl

from graph import cypher_write as q
from graph.driver import store_errors, uri_of
from graph.errors import GraphError, NotFound
from graph.property_graph import PropertyGraph
from graph.rows import (
    JOINT,
    batches,
    node_fields,
    node_rows,
    provenance,
    rel_fields,
    rel_ids,
    rel_rows,
)
from ontology.model import NodeKind, RelKind

__all__ = [
    "LoadReport",
    "Progress",
    "RemoveReport",
    "drop_schema",
    "ensure_schema",
    "load",
    "node_rows",
    "rel_rows",
    "remove_document",
    "wipe",
]

Progress = Callable[[int, int, str], None]
"""Called after each batch with (rows written, rows in total, what is being written)."""

DEFAULT_BATCH_SIZE = 5000
EQUIVALENT_SCHEMA_EXISTS = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"
INDEX_WAIT_SECONDS = 300


@dataclass(frozen=True)
class LoadReport:
    """What one load did: rows sent, what was created, what stale facts were removed."""

    documents: tuple[str, ...]
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    seconds: float = 0.0

    @property
    def node_count(self) -> int:
        """Node rows written."""
        return sum(self.nodes.values())

    @property
    def relationship_count(self) -> int:
        """Relationship rows written."""
        return sum(self.relationships.values())


@dataclass(frozen=True)
class RemoveReport:
    """What removing one document did."""

    document: str
    nodes_deleted: int
    relationships_deleted: int
    seconds: float


def _write(
    driver: neo4j.Driver, database: str, query: str, **params: Any
) -> neo4j.SummaryCounters:
    def work(tx: neo4j.ManagedTransaction) -> neo4j.SummaryCounters:
        return tx.run(query, params).consume().counters

    # Retracting a type no document uses yet (SUPPORTED_BY) is not an error; no warning.
    with store_errors(uri_of(driver)), driver.session(
        database=database,
        default_access_mode=neo4j.WRITE_ACCESS,
        notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
    ) as session:
        return session.execute_write(work)


def ensure_schema(driver: neo4j.Driver, database: str, *, fulltext: bool = True) -> None:
    """Create the key constraints, range indexes and full-text index; wait until online.

    A full-text index left by an older version with other labels or properties is dropped
    and made again (``IF NOT EXISTS`` alone would keep the old one, and search would miss
    the new labels).  ``fulltext=False`` leaves the full-text index alone."""
    with store_errors(uri_of(driver)):
        found, _, _ = driver.execute_query(q.FULLTEXT_DEFINITION, database_=database,
                                           routing_=RoutingControl.WRITE)
        wanted = ({k.value for k in q.FULLTEXT_LABELS}, set(q.FULLTEXT_PROPERTIES))
        if fulltext and found and (
                set(found[0]["labelsOrTypes"]), set(found[0]["properties"])) != wanted:
            driver.execute_query(q.DROP_FULLTEXT_INDEX, database_=database,
                                 routing_=RoutingControl.WRITE)
        for statement in q.schema_statements(fulltext=fulltext):
            try:
                driver.execute_query(statement, database_=database,
                                     routing_=RoutingControl.WRITE)
            except neo4j.exceptions.ClientError as e:
                # Two loads creating the same index at once: IF NOT EXISTS is checked before
                # the other's commit, and the loser is told it exists — what it wanted.
                if e.code != EQUIVALENT_SCHEMA_EXISTS:
                    raise
        driver.execute_query(
            q.AWAIT_INDEXES, {"seconds": INDEX_WAIT_SECONDS},
            database_=database, routing_=RoutingControl.WRITE,
        )


def _is_empty(driver: neo4j.Driver, database: str) -> bool:
    with store_errors(uri_of(driver)):
        records, _, _ = driver.execute_query(q.NODE_COUNT, database_=database,
                                             routing_=RoutingControl.WRITE)
    return not records or records[0]["count"] == 0


def drop_schema(driver: neo4j.Driver, database: str, *, only_constraints: bool = False) -> None:
    """Drop what :func:`ensure_schema` creates, or only the key constraints (benchmarks)."""
    with store_errors(uri_of(driver)):
        for statement in q.drop_schema_statements(only_constraints=only_constraints):
            driver.execute_query(statement, database_=database, routing_=RoutingControl.WRITE)


def load(
    driver: neo4j.Driver,
    database: str,
    graph: PropertyGraph,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    *,
    schema: bool = True,
) -> LoadReport:
    """Write ``graph`` into ``database``, replacing the facts of its documents.

    ``schema=False`` skips :func:`ensure_schema` (the benchmark measures loads without it).
    Into an empty database the full-text index is made after the rows: populating it once
    from the store is cheaper than updating it with every batch (and a load interrupted
    before the end makes it first the next time, when the database is no longer empty).
    """
    began = time.perf_counter()
    first = schema and _is_empty(driver, database)
    if first:
        # A wiped database keeps its schema: the index would still be updated batch by batch.
        with store_errors(uri_of(driver)):
            driver.execute_query(q.DROP_FULLTEXT_INDEX, database_=database,
                                 routing_=RoutingControl.WRITE)
    if schema:
        ensure_schema(driver, database, fulltext=not first)
    prov = provenance(graph)
    nodes, rels = node_rows(graph, prov), rel_rows(graph, prov)
    documents = list(prov.documents)
    total = sum(map(len, nodes.values())) + sum(map(len, rels.values()))
    done = 0
    created_nodes = created_rels = 0
    for kind in sorted(nodes):
        for batch in batches(nodes[kind], batch_size):
            counters = _write(
                driver, database, q.merge_nodes(kind), rows=node_fields(batch),
                documents=documents,
            )
            created_nodes += counters.nodes_created
            done += len(batch)
            if progress is not None:
                progress(done, total, kind.value)
    for group in sorted(rels):
        for batch in batches(rels[group], batch_size):
            counters = _write(
                driver, database, q.merge_rels(*group), rows=rel_fields(batch),
                documents=documents,
            )
            created_rels += counters.relationships_created
            done += len(batch)
            if progress is not None:
                progress(done, total, group[0].value)
    keys = {kind: [row["key"] for row in rows] for kind, rows in nodes.items()}
    deleted_nodes, deleted_rels = _retract(driver, database, documents, keys, rel_ids(rels))
    if first:
        ensure_schema(driver, database)
    return LoadReport(
        documents=tuple(documents),
        nodes={kind.value: len(rows) for kind, rows in sorted(nodes.items())},
        relationships=_count_by_type(rels),
        nodes_created=created_nodes,
        relationships_created=created_rels,
        nodes_deleted=deleted_nodes,
        relationships_deleted=deleted_rels,
        seconds=time.perf_counter() - began,
    )


def _count_by_type(rels: Mapping[tuple[RelKind, NodeKind, NodeKind], list[Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for (kind, _, _), rows in sorted(rels.items()):
        counts[kind.value] = counts.get(kind.value, 0) + len(rows)
    return counts


def _retract(
    driver: neo4j.Driver,
    database: str,
    documents: list[str],
    keys: Mapping[NodeKind, list[str]],
    ids: Mapping[RelKind, list[str]],
) -> tuple[int, int]:
    """Withdraw ``documents``' claims on facts not in ``keys``/``ids``; (nodes, rels) deleted."""
    deleted_nodes = deleted_rels = 0
    for rel_kind in RelKind:
        counters = _write(
            driver, database, q.retract_rels(rel_kind), documents=documents,
            ids=ids.get(rel_kind, []), separator=q.REL_ID_SEPARATOR,
        )
        deleted_rels += counters.relationships_deleted
    for kind in NodeKind:
        retract = q.retract_joint_nodes(kind) if kind in JOINT else q.retract_nodes(kind)
        counters = _write(driver, database, retract, documents=documents,
                          keys=keys.get(kind, []))
        deleted_nodes += counters.nodes_deleted
        deleted_rels += counters.relationships_deleted
    return deleted_nodes, deleted_rels


def remove_document(driver: neo4j.Driver, database: str, file_name: str) -> RemoveReport:
    """Withdraw everything ``file_name`` states; delete what no other document states.

    Raises :class:`~graph.errors.NotFound` if no loaded node comes from ``file_name``.
    """
    began = time.perf_counter()
    with store_errors(uri_of(driver)):
        records, _, _ = driver.execute_query(
            q.DOCUMENT_LOADED, {"document": file_name},
            database_=database, routing_=RoutingControl.READ,
        )
    if not records or records[0]["count"] == 0:
        raise NotFound(f"document {file_name!r} is not in the graph")
    nodes, rels = _retract(driver, database, [file_name], {}, {})
    return RemoveReport(file_name, nodes, rels, time.perf_counter() - began)


def wipe(driver: neo4j.Driver, database: str, *, uri: str, test_uri: str | None) -> None:
    """Delete every node of ``database`` — only when ``uri`` is the test server's URI.

    The schema stays. Tests pass ``$NEO4J_TEST_URI`` as ``test_uri``; the benchmark the URI
    of the server it started itself.
    """
    if not test_uri or uri != test_uri:
        raise GraphError(f"refusing to wipe {uri}: only the test server ({test_uri}) may be wiped")
    with store_errors(uri), driver.session(database=database) as session:
        session.run(q.WIPE, {"batch": 10_000}).consume()
