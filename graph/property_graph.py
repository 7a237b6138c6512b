"""The RDF graph as a labelled property graph, and back.

Neo4j and the embedded backend both hold the graph as nodes with one label
(:class:`~ontology.model.NodeKind`), a ``key`` and camelCase properties, and
typed relationships (:class:`~ontology.model.RelKind`).  This module is the one
mapping between that shape and the RDF of ``graph.ttl``; both directions are
pure, and ``to_rdf(from_rdf(g))`` is isomorphic to ``g``.

Property names (per predicate) — the contract the queries and the API rely on:

=====================  ==================  ==========================================
predicate              property            value
=====================  ==================  ==========================================
dcterms:title          ``title``           str (Plan, Task, Source)
skos:prefLabel         ``name``            str (Agency, Region, Brand, Section, Enterprise)
skos:altLabel          ``aliases``         list[str] (Agency, Enterprise)
rdfs:label             ``label``           str (a Plan without a title)
dcterms:issued         ``issued``          ISO date str
dcterms:identifier     ``docNumber``       str
pg:kind                ``kind``            DocumentKind value
pg:level               ``level``           GovLevel value
pg:periodStart/End     ``periodStart/End`` int
pg:taskId              ``taskId``          str (``二.(一)``)
pg:metric, unit        ``metric, unit``    str
pg:value, amount       ``value, amount``   float
pg:qualifier, per      ``qualifier, per``  str
pg:deadlineYear        ``year``            int
pg:perYear             ``perYear``         bool
pg:qualitative         ``qualitative``     bool
pg:recipient           ``recipient``       str
pg:brandKind           ``brandKind``       BrandKind value
pg:fileName, sha256    ``fileName, sha256``str
pg:spanStart/End       ``spanStart/End``   int
pg:sentence            ``sentence``        str
pg:sectionPath         ``section``         str
pg:batch               ``batch``           int (Recognition)
pg:recognitionYear     ``recognitionYear`` int (Recognition)
pg:product, category   ``product, category`` str (Recognition)
pg:registerRow         ``registerRow``     int (Recognition)
pg:deadline            ``deadline``        str (Task: as written)
pg:dueYear, dueMonth   ``dueYear, dueMonth`` int (Task)
pg:unitOrder           ``unitOrder``       str (Task: lead and co names, 、-joined)
pg:score               ``score``           float (Alignment)
=====================  ==================  ==========================================
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from graph.errors import GraphError
from ontology.model import NodeKind, RelKind
from ontology.vocab import CLASS_OF, ID, NODE_KIND_OF, PG, PREDICATE_OF, REL_KIND_OF, bind_prefixes


@dataclass(frozen=True)
class Prop:
    """How one datatype predicate becomes a property: name, Python type, RDF form."""

    name: str
    kind: str  # "str" | "zh" | "int" | "year" | "decimal" | "bool" | "date"
    multi: bool = False


#: Every datatype predicate of the graph and the property it becomes.
PROPERTIES: Final[MappingProxyType[URIRef, Prop]] = MappingProxyType({
    DCTERMS.title: Prop("title", "zh"),
    SKOS.prefLabel: Prop("name", "zh"),
    SKOS.altLabel: Prop("aliases", "zh", multi=True),
    RDFS.label: Prop("label", "zh"),
    DCTERMS.issued: Prop("issued", "date"),
    DCTERMS.identifier: Prop("docNumber", "zh"),
    PG.kind: Prop("kind", "str"),
    PG.level: Prop("level", "str"),
    PG.periodStart: Prop("periodStart", "year"),
    PG.periodEnd: Prop("periodEnd", "year"),
    PG.taskId: Prop("taskId", "zh"),
    PG.metric: Prop("metric", "zh"),
    PG.value: Prop("value", "decimal"),
    PG.unit: Prop("unit", "zh"),
    PG.qualifier: Prop("qualifier", "str"),
    PG.deadlineYear: Prop("year", "year"),
    PG.perYear: Prop("perYear", "bool"),
    PG.qualitative: Prop("qualitative", "bool"),
    PG.amount: Prop("amount", "decimal"),
    PG.per: Prop("per", "str"),
    PG.recipient: Prop("recipient", "zh"),
    PG.brandKind: Prop("brandKind", "str"),
    PG.fileName: Prop("fileName", "str"),
    PG.sha256: Prop("sha256", "str"),
    PG.spanStart: Prop("spanStart", "int"),
    PG.spanEnd: Prop("spanEnd", "int"),
    PG.sentence: Prop("sentence", "zh"),
    PG.sectionPath: Prop("section", "zh"),
    PG.batch: Prop("batch", "int"),
    PG.recognitionYear: Prop("recognitionYear", "year"),
    PG.product: Prop("product", "zh"),
    PG.category: Prop("category", "zh"),
    PG.registerRow: Prop("registerRow", "int"),
    PG.deadline: Prop("deadline", "zh"),
    PG.dueYear: Prop("dueYear", "year"),
    PG.dueMonth: Prop("dueMonth", "int"),
    PG.unitOrder: Prop("unitOrder", "zh"),
    PG.score: Prop("score", "decimal"),
})
PREDICATE_OF_PROPERTY: Final = MappingProxyType({p.name: iri for iri, p in PROPERTIES.items()})


@dataclass(frozen=True)
class NodeRow:
    """A node: its label, its key (the IRI without the instance base) and properties."""

    kind: NodeKind
    key: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RelRow:
    """A relationship between two node keys."""

    kind: RelKind
    start: str
    end: str


@dataclass(frozen=True)
class PropertyGraph:
    """All nodes and relationships, sorted (deterministic)."""

    nodes: tuple[NodeRow, ...]
    rels: tuple[RelRow, ...]

    def by_kind(self) -> dict[NodeKind, list[NodeRow]]:
        """Nodes grouped by label."""
        groups: dict[NodeKind, list[NodeRow]] = defaultdict(list)
        for node in self.nodes:
            groups[node.kind].append(node)
        return groups

    def rels_by_kind(self) -> dict[RelKind, list[RelRow]]:
        """Relationships grouped by type."""
        groups: dict[RelKind, list[RelRow]] = defaultdict(list)
        for rel in self.rels:
            groups[rel.kind].append(rel)
        return groups


def key_of(iri: URIRef) -> str:
    """``https://policygraph.example/id/agency/…`` → ``agency/…``."""
    text = str(iri)
    if not text.startswith(str(ID)):
        raise GraphError(f"not an instance IRI of this graph: {text}")
    return text[len(str(ID)):]


def _python(literal: Literal, prop: Prop) -> Any:
    if prop.kind in ("int", "year"):
        return int(str(literal))
    if prop.kind == "decimal":
        return float(str(literal))
    if prop.kind == "bool":
        return str(literal).lower() == "true"
    return str(literal)


def _literal(value: Any, prop: Prop) -> Literal:
    if prop.kind == "zh":
        return Literal(str(value), lang="zh")
    if prop.kind == "year":
        return Literal(f"{int(value):04d}", datatype=XSD.gYear)
    if prop.kind == "int":
        return Literal(int(value))
    if prop.kind == "decimal":
        text = repr(float(value))
        return Literal(text, datatype=XSD.decimal)
    if prop.kind == "bool":
        return Literal(bool(value))
    if prop.kind == "date" and len(str(value)) == 10:
        return Literal(str(value), datatype=XSD.date)
    return Literal(str(value))


def from_rdf(graph: Graph) -> PropertyGraph:
    """The property graph of an RDF graph in the policygraph ontology."""
    nodes: dict[str, tuple[NodeKind, dict[str, Any]]] = {}
    for subject, kind_iri in graph.subject_objects(RDF.type):
        kind = NODE_KIND_OF.get(kind_iri)  # type: ignore[call-overload]
        if kind is not None and isinstance(subject, URIRef):
            nodes[key_of(subject)] = (kind, {})
    rels: set[RelRow] = set()
    for subject, predicate, obj in graph:
        if predicate == RDF.type or not isinstance(subject, URIRef):
            continue
        key = key_of(subject)
        if key not in nodes:
            continue
        props = nodes[key][1]
        if isinstance(obj, Literal):
            prop = PROPERTIES.get(predicate)  # type: ignore[call-overload]
            if prop is None:
                raise GraphError(f"no property mapping for predicate {predicate}")
            value = _python(obj, prop)
            if prop.multi:
                props.setdefault(prop.name, []).append(value)
            else:
                props[prop.name] = value
        elif isinstance(obj, URIRef) and (rel := REL_KIND_OF.get(predicate)):  # type: ignore[call-overload]
            rels.add(RelRow(rel, key, key_of(obj)))
    for _, props in nodes.values():
        for name, value in props.items():
            if isinstance(value, list):
                props[name] = sorted(value)
    return PropertyGraph(
        nodes=tuple(NodeRow(kind, key, props) for key, (kind, props) in sorted(nodes.items())),
        rels=tuple(sorted(rels, key=lambda r: (r.kind.value, r.start, r.end))),
    )


def to_rdf(nodes: Iterable[NodeRow], rels: Iterable[RelRow]) -> Graph:
    """The RDF graph of property-graph rows (the inverse of :func:`from_rdf`)."""
    graph = bind_prefixes(Graph())
    for node in nodes:
        subject = URIRef(str(ID) + node.key)
        graph.add((subject, RDF.type, CLASS_OF[node.kind]))
        for name, value in node.props.items():
            if value is None or name == "key":
                continue
            predicate = PREDICATE_OF_PROPERTY.get(name)
            if predicate is None:
                raise GraphError(f"no predicate for property {name!r}")
            prop = PROPERTIES[predicate]
            for item in (value if prop.multi else [value]):
                graph.add((subject, predicate, _literal(item, prop)))
    for rel in rels:
        graph.add((URIRef(str(ID) + rel.start), PREDICATE_OF[rel.kind],
                   URIRef(str(ID) + rel.end)))
    return graph


def load_build(build_dir: Path) -> PropertyGraph:
    """The property graph of a build directory's ``graph.ttl``."""
    path = build_dir / "graph.ttl"
    if not path.is_file():
        raise GraphError(f"{path}: no built graph here (run `policygraph build` first)")
    return from_rdf(Graph().parse(path, format="turtle"))
