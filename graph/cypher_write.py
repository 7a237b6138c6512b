"""Every Cypher statement the loader and the exporter send: schema, batched writes, bulk reads.

Labels and relationship types are interpolated only from :class:`~ontology.model.NodeKind`
and :class:`~ontology.model.RelKind` members (the functions below accept nothing else);
every value is a ``$parameter``.  The statements are idempotent: the schema uses
``IF NOT EXISTS``, nodes and relationships are ``MERGE``\\ d on their keys.

Bookkeeping: every node and relationship the loader writes carries ``sources``, the file
names of the documents that state it (see :mod:`graph.loader`).  ``$documents`` is the set
of documents a statement (re)writes: their old claims are dropped from ``sources`` and the
rows' claims added, so claims of other documents are kept.
"""

from __future__ import annotations

from typing import Final

from ontology.model import NodeKind, RelKind

SOURCES: Final = "sources"
"""The bookkeeping property: file names of the documents a node or relationship came from."""

REL_ID_SEPARATOR: Final = "\x1f"
"""Joins start and end key into one string per relationship (keys never contain it)."""

FULLTEXT_INDEX: Final = "policygraph_text"
FULLTEXT_LABELS: Final = (
    NodeKind.PLAN,
    NodeKind.TASK,
    NodeKind.AGENCY,
    NodeKind.BRAND,
    NodeKind.ENTERPRISE,
    NodeKind.TARGET,
    NodeKind.SECTION,
    NodeKind.REGION,
    NodeKind.FUNDING,
    NodeKind.EVIDENCE,
)
FULLTEXT_PROPERTIES: Final = ("name", "title", "metric", "label", "recipient", "sentence")
FULLTEXT_ANALYZER: Final = "cjk"
"""Lucene's CJK analyzer indexes overlapping bigrams, so 科技研发 matches 加大科技研发力度."""

RANGE_INDEXES: Final = (
    (NodeKind.TARGET, "year"),
    (NodeKind.AGENCY, "level"),
    (NodeKind.PLAN, "kind"),
    (NodeKind.PLAN, "level"),
    (NodeKind.SOURCE, "fileName"),
    (NodeKind.RECOGNITION, "recognitionYear"),
)
"""(label, property) pairs that analysts' queries filter on."""


# -- schema ------------------------------------------------------------------------------


def constraint_name(kind: NodeKind) -> str:
    """``task_key`` for :attr:`NodeKind.TASK`."""
    return f"{NodeKind(kind).value.lower()}_key"


def index_name(kind: NodeKind, prop: str) -> str:
    """``target_year`` for (Target, year)."""
    return f"{NodeKind(kind).value.lower()}_{prop.lower()}"


def create_constraint(kind: NodeKind) -> str:
    """The uniqueness constraint on ``key`` of one label (it also backs MERGE lookups)."""
    label = NodeKind(kind).value
    return (
        f"CREATE CONSTRAINT {constraint_name(kind)} IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.key IS UNIQUE"
    )


def create_range_index(kind: NodeKind, prop: str) -> str:
    """A range index on one property of one label (``prop`` from :data:`RANGE_INDEXES`)."""
    if (kind, prop) not in RANGE_INDEXES:
        raise ValueError(f"no range index declared for {kind}.{prop}")
    label = NodeKind(kind).value
    return (
        f"CREATE RANGE INDEX {index_name(kind, prop)} IF NOT EXISTS "
        f"FOR (n:{label}) ON (n.{prop})"
    )


CREATE_FULLTEXT_INDEX: Final = (
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS "
    f"FOR (n:{'|'.join(k.value for k in FULLTEXT_LABELS)}) "
    f"ON EACH [{', '.join('n.' + p for p in FULLTEXT_PROPERTIES)}] "
    f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FULLTEXT_ANALYZER}'}}}}"
)

#: The full-text index as it stands: its labels and properties (no row if it is missing).
FULLTEXT_DEFINITION: Final = (
    f"SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties "
    f"WHERE name = '{FULLTEXT_INDEX}' RETURN labelsOrTypes, properties"
)
DROP_FULLTEXT_INDEX: Final = f"DROP INDEX {FULLTEXT_INDEX} IF EXISTS"

NODE_COUNT: Final = "MATCH (n) WITH count(n) AS count RETURN count"
"""How many nodes the database holds (from the count store)."""

AWAIT_INDEXES: Final = "CALL db.awaitIndexes($seconds)"
"""Blocks until every index is online (a fresh index is populated in the background)."""

SHOW_SCHEMA: Final = (
    "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options "
    "RETURN name, type, labelsOrTypes, properties, options ORDER BY name"
)


def schema_statements(*, fulltext: bool = True) -> list[str]:
    """All schema statements, constraints first (loading relies on their indexes);
    ``fulltext=False`` leaves out the full-text index (a first load makes it last)."""
    statements = [create_constraint(kind) for kind in NodeKind]
    statements += [create_range_index(kind, prop) for kind, prop in RANGE_INDEXES]
    if fulltext:
        statements.append(CREATE_FULLTEXT_INDEX)
    return statements


def drop_schema_statements(*, only_constraints: bool = False) -> list[str]:
    """Statements that drop what :func:`schema_statements` creates (benchmarks only)."""
    statements = [f"DROP CONSTRAINT {constraint_name(kind)} IF EXISTS" for kind in NodeKind]
    if only_constraints:
        return statements
    statements += [f"DROP INDEX {index_name(k, p)} IF EXISTS" for k, p in RANGE_INDEXES]
    statements.append(DROP_FULLTEXT_INDEX)
    return statements


# -- batched writes ----------------------------------------------------------------------


def merge_nodes(kind: NodeKind) -> str:
    """Upsert ``$rows`` (lists ``[key, props, sources]``, :func:`graph.rows.node_fields`)
    of one label.

    A node only ``$documents`` state is replaced (``SET n = props``: properties a
    document no longer gives go away); a node other documents state too keeps their
    properties and gets the rows' on top.  ``sources`` = other documents' + the row's.
    Rows are plain lists rather than maps: the driver packs and Neo4j unpacks them faster.
    """
    label = NodeKind(kind).value
    return (
        "UNWIND $rows AS row "
        "WITH row[0] AS key, row[1] AS props, row[2] AS sources "
        f"MERGE (n:{label} {{key: key}}) "
        f"WITH n, props, sources, [s IN coalesce(n.{SOURCES}, []) WHERE NOT s IN $documents] "
        "AS kept "
        "FOREACH (_ IN CASE WHEN kept = [] THEN [1] ELSE [] END | SET n = props) "
        "FOREACH (_ IN CASE WHEN kept = [] THEN [] ELSE [1] END | SET n += props) "
        f"SET n.{SOURCES} = kept + sources"
    )


def merge_rels(kind: RelKind, start: NodeKind, end: NodeKind) -> str:
    """Upsert ``$rows`` (lists ``[start, end, sources]``, :func:`graph.rows.rel_fields`) of
    one type between two labels.

    Both ends are matched by label and key, so the lookups use the key constraints' indexes;
    an end missing from the database leaves the row unwritten (the loader writes nodes first).
    """
    rel, a, b = RelKind(kind).value, NodeKind(start).value, NodeKind(end).value
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:{a} {{key: row[0]}}) "
        f"MATCH (b:{b} {{key: row[1]}}) "
        f"MERGE (a)-[r:{rel}]->(b) "
        f"SET r.{SOURCES} = [s IN coalesce(r.{SOURCES}, []) WHERE NOT s IN $documents] "
        "+ row[2]"
    )


def retract_rels(kind: RelKind) -> str:
    """Withdraw ``$documents``' claim on relationships of one type that ``$ids`` lacks.

    ``$ids`` are ``start + REL_ID_SEPARATOR + end`` of the relationships the documents state
    now; a relationship no document states any more is deleted.
    """
    rel = RelKind(kind).value
    return (
        f"MATCH (a)-[r:{rel}]->(b) "
        f"WHERE any(s IN r.{SOURCES} WHERE s IN $documents) "
        "AND NOT (a.key + $separator + b.key) IN $ids "
        f"SET r.{SOURCES} = [s IN r.{SOURCES} WHERE NOT s IN $documents] "
        f"WITH r WHERE r.{SOURCES} = [] "
        "DELETE r"
    )


def retract_nodes(kind: NodeKind) -> str:
    """Withdraw ``$documents``' claim on nodes of one label whose key is not in ``$keys``.

    A node no document states any more is deleted with its relationships.
    """
    label = NodeKind(kind).value
    return (
        f"MATCH (n:{label}) "
        f"WHERE any(s IN n.{SOURCES} WHERE s IN $documents) AND NOT n.key IN $keys "
        f"SET n.{SOURCES} = [s IN n.{SOURCES} WHERE NOT s IN $documents] "
        f"WITH n WHERE n.{SOURCES} = [] "
        "DETACH DELETE n"
    )


def retract_joint_nodes(kind: NodeKind) -> str:
    """Delete the nodes of a jointly stated label (:data:`graph.rows.JOINT`) that one of
    ``$documents`` states and whose key is not in ``$keys``, whatever else states them."""
    label = NodeKind(kind).value
    return (
        f"MATCH (n:{label}) "
        f"WHERE any(s IN n.{SOURCES} WHERE s IN $documents) AND NOT n.key IN $keys "
        "DETACH DELETE n"
    )


DOCUMENT_LOADED: Final = (
    f"MATCH (n:{NodeKind.SOURCE.value}) WHERE $document IN n.{SOURCES} "
    "RETURN count(n) AS count"
)
"""How many source nodes claim ``$document`` (0: the document is not in the database)."""

WIPE: Final = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS"
"""Delete every node, in batches (an auto-commit statement: test and benchmark servers only)."""


# -- bulk reads (export, counts) ---------------------------------------------------------


def read_nodes(kind: NodeKind) -> str:
    """Key and properties of every node of one label."""
    label = NodeKind(kind).value
    return f"MATCH (n:{label}) RETURN n.key AS key, properties(n) AS props ORDER BY key"


def read_rels(kind: RelKind) -> str:
    """Start key and end key of every relationship of one type between keyed nodes."""
    rel = RelKind(kind).value
    return (
        f"MATCH (a)-[:{rel}]->(b) WHERE a.key IS NOT NULL AND b.key IS NOT NULL "
        "RETURN a.key AS start, b.key AS end "
        "ORDER BY start, end"
    )


def count_nodes(kind: NodeKind) -> str:
    """The number of nodes of one label."""
    return f"MATCH (n:{NodeKind(kind).value}) RETURN count(n) AS count"


def count_rels(kind: RelKind) -> str:
    """The number of relationships of one type."""
    return f"MATCH ()-[r:{RelKind(kind).value}]->() RETURN count(r) AS count"


# -- whole-store reads (checksums of bulk and online loads, fault tests) -----------------

ALL_NODES: Final = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
"""Every node with its labels and properties (streamed, in no particular order)."""

ALL_RELS: Final = (
    "MATCH (a)-[r]->(b) "
    "RETURN type(r) AS type, a.key AS start, b.key AS end, properties(r) AS props"
)
"""Every relationship with its type, end keys and properties."""

SHOW_CONSTRAINTS: Final = (
    "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
    "RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name"
)
SHOW_INDEX_STATES: Final = (
    "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options, state "
    "RETURN name, type, entityType, labelsOrTypes, properties, options.indexConfig AS config, "
    "state ORDER BY name"
)
