"""A property graph as loader rows, with the documents each node and relationship came from.

Pure functions, no driver: :func:`node_rows` and :func:`rel_rows` turn a
:class:`~graph.property_graph.PropertyGraph` into the ``$rows`` parameters of
:mod:`graph.cypher_write`, grouped so that one statement serves one label (or one
relationship type between two labels).

**Sources.** Every row carries ``sources``: the file names of the documents that state the
fact, which is what lets the loader replace one document's facts and keep the others'.
They are derived from the graph's provenance structure:

1. *Direct provenance.* A ``Source`` node is its own file; an ``Evidence`` node is the file
   it is ``FROM_SOURCE``; a node with ``HAS_EVIDENCE`` is the files of its evidence.
2. *Stated by.* Each relationship type is stated by the document of one of its ends
   (:data:`STATED_BY`): a plan states its tasks, targets, brands, issuer and region; a task
   states who leads it and who shares it; a source states the plan it reports.  A
   relationship's sources are those of its stating end — narrowed, when the other end is a
   fact that carries the evidence of each document stating it (:data:`OWN_EVIDENCE`: a
   task, target, funding promise), to the documents of that evidence; a jointly stated
   node's (:data:`JOINT`: an alignment) links are never narrowed.  So a task only one
   of two copies of a plan states belongs to that copy alone, while an agency or a brand
   (whose evidence is only where it was first named) is never narrowed.
3. *Propagation.* A node's sources are its direct provenance plus the sources of every
   relationship that states it (the least fixpoint, so the order of rows does not matter):
   an agency named only as an issuer belongs to the plan's documents, a region to the
   documents of its plans and agencies, a parent plan to the documents implementing it.

Unless an extractor left out the evidence of a task, target or funding promise in one of the
documents stating it, any error is towards keeping a fact: one is removed only when no
loaded document can have stated it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Literal

from graph.cypher_write import REL_ID_SEPARATOR
from graph.errors import GraphError
from graph.property_graph import PropertyGraph
from ontology.model import NodeKind, RelKind

End = Literal["start", "end"]

#: Which end's document states a relationship of each type.
STATED_BY: Final[MappingProxyType[RelKind, End]] = MappingProxyType({
    RelKind.LEADS: "end",  # the task's document names its lead agency
    RelKind.CO_RESPONSIBLE_FOR: "end",
    RelKind.IMPLEMENTS: "start",  # the implementing plan names the plan it implements
    RelKind.HAS_TASK: "start",
    RelKind.HAS_SECTION: "start",
    RelKind.IN_SECTION: "start",
    RelKind.HAS_TARGET: "start",
    RelKind.HAS_FUNDING: "start",
    RelKind.MENTIONS_BRAND: "start",
    RelKind.ISSUED_BY: "start",
    RelKind.GOVERNS: "start",
    RelKind.IN_REGION: "start",
    RelKind.REPORTS: "start",
    RelKind.SUPPORTED_BY: "start",
    RelKind.HAS_EVIDENCE: "start",
    RelKind.FROM_SOURCE: "start",
    RelKind.SUB_ORGANIZATION_OF: "start",
    RelKind.MENTIONS_ENTERPRISE: "start",  # the plan's document names the enterprise
    RelKind.HOLDS_BRAND: "start",
    RelKind.OF_ENTERPRISE: "start",  # a recognition's list (or text) names who it is for
    RelKind.OF_BRAND: "start",
    RelKind.IN_PROGRAMME: "start",
    RelKind.RECOGNISED_BY: "start",
    RelKind.WITHIN_REGION: "start",
    RelKind.IMPLEMENTING_TASK: "start",  # an alignment states which tasks it joins
    RelKind.IMPLEMENTED_MEASURE: "start",
})

#: Kinds derived from several documents together (an alignment needs the child's task and the
#: parent's measure): reloading or removing any of their documents takes such a node out
#: whole, and the build that is loaded brings back the ones it can compute, so a node never
#: outlives one of the texts it was computed from.
JOINT: Final = frozenset({NodeKind.ALIGNMENT})

#: Kinds whose nodes carry the evidence of every document that states them.
OWN_EVIDENCE: Final = frozenset({NodeKind.TASK, NodeKind.TARGET, NodeKind.FUNDING,
                                 NodeKind.RECOGNITION, NodeKind.ALIGNMENT, NodeKind.EVIDENCE})

NodeRows = dict[NodeKind, list[dict[str, Any]]]
RelGroup = tuple[RelKind, NodeKind, NodeKind]
RelRows = dict[RelGroup, list[dict[str, Any]]]


@dataclass(frozen=True)
class Provenance:
    """Sorted source file names per node key and per relationship id."""

    nodes: dict[str, tuple[str, ...]]
    rels: dict[tuple[RelKind, str, str], tuple[str, ...]]

    @property
    def documents(self) -> tuple[str, ...]:
        """Every document the graph states anything for."""
        return tuple(sorted({s for sources in self.nodes.values() for s in sources}))


def _source_file(key: str, props: dict[str, Any]) -> str:
    return str(props.get("fileName") or key.split("/", 1)[-1])


def provenance(graph: PropertyGraph) -> Provenance:
    """The documents behind every node and relationship of ``graph`` (rules: module doc)."""
    kinds = {node.key: node.kind for node in graph.nodes}
    direct: dict[str, frozenset[str]] = defaultdict(frozenset)
    for node in graph.nodes:
        if node.kind is NodeKind.SOURCE:
            direct[node.key] = frozenset({_source_file(node.key, node.props)})
    for rel in graph.rels:
        if rel.start not in kinds or rel.end not in kinds:
            missing = rel.start if rel.start not in kinds else rel.end
            raise GraphError(f"{rel.kind} {rel.start} -> {rel.end}: no node {missing}")
        if rel.kind is RelKind.FROM_SOURCE:
            direct[rel.start] |= direct[rel.end]
    for rel in graph.rels:
        if rel.kind is RelKind.HAS_EVIDENCE:
            direct[rel.start] |= direct[rel.end]

    stating = [
        (rel.start, rel.end) if STATED_BY[rel.kind] == "start" else (rel.end, rel.start)
        for rel in graph.rels
    ]
    # What narrows a claim on each node: its evidence's documents, for kinds that have all.
    narrow = {key: direct[key] if kind in OWN_EVIDENCE else frozenset()
              for key, kind in kinds.items()}
    sources: dict[str, set[str]] = {key: set(direct[key]) for key in kinds}
    changed = True
    while changed:
        changed = False
        for by, other in stating:
            claim = sources[by]
            if not claim:
                continue
            stated = (claim & narrow[other]) or claim
            if not stated <= sources[other]:
                sources[other] |= stated
                changed = True

    rel_sources: dict[tuple[RelKind, str, str], tuple[str, ...]] = {}
    for rel, (by, other) in zip(graph.rels, stating, strict=True):
        # A jointly stated node's links are stated by all its documents, as it is.
        own = frozenset() if kinds[by] in JOINT else narrow[other]
        stated = (sources[by] & own) or sources[by] or sources[other]
        rel_sources[(rel.kind, rel.start, rel.end)] = tuple(sorted(stated))
    return Provenance(
        nodes={key: tuple(sorted(value)) for key, value in sources.items()},
        rels=rel_sources,
    )


def node_rows(graph: PropertyGraph, prov: Provenance | None = None) -> NodeRows:
    """``{key, props, sources}`` rows per label; ``props`` holds ``key`` too (``SET n = props``)."""
    prov = prov or provenance(graph)
    rows: NodeRows = defaultdict(list)
    for node in graph.nodes:
        props = {name: value for name, value in node.props.items() if value is not None}
        props["key"] = node.key
        rows[node.kind].append(
            {"key": node.key, "props": props, "sources": list(prov.nodes[node.key])}
        )
    return dict(rows)


def rel_rows(graph: PropertyGraph, prov: Provenance | None = None) -> RelRows:
    """``{start, end, sources}`` rows per (type, start label, end label)."""
    prov = prov or provenance(graph)
    kinds = {node.key: node.kind for node in graph.nodes}
    rows: RelRows = defaultdict(list)
    for rel in graph.rels:
        group = (rel.kind, kinds[rel.start], kinds[rel.end])
        sources = list(prov.rels[(rel.kind, rel.start, rel.end)])
        rows[group].append({"start": rel.start, "end": rel.end, "sources": sources})
    return dict(rows)


def rel_ids(rows: RelRows) -> dict[RelKind, list[str]]:
    """Per type, the ids (``start␟end``) the retract statements compare with."""
    ids: dict[RelKind, list[str]] = defaultdict(list)
    for (kind, _, _), group in rows.items():
        ids[kind].extend(row["start"] + REL_ID_SEPARATOR + row["end"] for row in group)
    return dict(ids)


def node_fields(rows: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """Node rows as the lists ``[key, props, sources]`` of ``merge_nodes``."""
    return [[row["key"], row["props"], row["sources"]] for row in rows]


def rel_fields(rows: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """Relationship rows as the lists ``[start, end, sources]`` of ``merge_rels``."""
    return [[row["start"], row["end"], row["sources"]] for row in rows]


def batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """``rows`` in consecutive lists of at most ``size``."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    for start in range(0, len(rows), size):
        yield list(rows[start:start + size])
