"""Extractions → one RDF graph in the policygraph ontology, and its canonical serialisation.

:func:`build_graph` is pure: the same extractions, in any order, give the same triples.
Every node has an IRI from :mod:`ontology.identity` (no blank nodes), so merging is a set
union: two sources of one plan give one plan node reported by two source nodes, and a task
read from both carries the evidence of both.  Where sources disagree on a single-valued
property, the first value wins in a fixed order (the plan's own document before its
duplicates, then by source name).  :func:`serialize` writes Turtle or JSON-LD that is
byte-identical for equal graphs.  :func:`build_traced` also tells which extracted facts
made each node (what :mod:`graph.admit` leaves out when a node breaks the shapes).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from graph.errors import UnsupportedFormat
from graph.rdf_base import Fact, decimal, issued, title, year, zh
from graph.rdf_cascade import add_alignments
from graph.rdf_enterprises import add_enterprises, add_register
from ontology import identity as ident
from ontology.model import (
    Agency,
    DocumentMeta,
    Evidence,
    Extraction,
    NodeKind,
    Register,
    Target,
    Task,
)
from ontology.vocab import CLASS_OF, DOCUMENT_KIND_ZH, PG, PREFIXES, bind_prefixes

_YEAR_QUOTA_PREFIX: Final = "每年"
"""A target metric that starts with 每年 and has no year is a yearly quota."""

FORMATS: Final = ("turtle", "json-ld")
#: When a single-valued property was set, in the order of the whole corpus's build: the
#: step (0 plans, 1 contents, 2 alignments, 3 registers), the document or list the step was
#: at (its place in that step's order) and a counter of the builder's calls.
Rank = tuple[int, str, str, str, int]
#: Joins a task's unit names in ``pg:unitOrder`` (a character no agency name contains).
UNIT_SEPARATOR: Final = "、"


def build_graph(extractions: Sequence[Extraction],
                registers: Sequence[Register] = ()) -> Graph:
    """Build the RDF graph of ``extractions`` and ``registers`` (pure and independent of
    input order)."""
    return build_traced(extractions, registers)[0]


def build_traced(
    extractions: Sequence[Extraction], registers: Sequence[Register] = (),
    ranks: dict[tuple[Node, Node], Rank] | None = None,
) -> tuple[Graph, Mapping[URIRef, frozenset[Fact]]]:
    """The graph of ``extractions`` and ``registers``, and for each node the facts that
    made it.

    A node's facts are those that own it (a task its task node, section and evidence, a
    task's lead the agency node …); a node no fact owns (a source only referred to by
    evidence) gets every fact that referred to it.  Documents come first, so where a
    document and a register both name a brand, the document's kind of brand is kept.

    ``ranks``, when given, receives for each single-valued property the :data:`Rank` of the
    call that set it: where a part of the corpus is built alone (:mod:`graph.shard`), the
    smallest rank over the parts is the value the whole corpus's build keeps.
    """
    builder = _Builder(extractions, ranks)
    for extraction in builder.ordered:
        builder.unit = (0, *builder.order_of(extraction))
        builder.add_plan(extraction)
    for extraction in builder.ordered:
        builder.unit = (1, *builder.order_of(extraction))
        builder.add_contents(extraction)
    add_alignments(builder, extractions)
    for register in sorted(registers, key=lambda r: r.source):
        builder.unit = (3, register.source, "", "")
        add_register(builder, register)
    builder.label_untitled_plans()
    made_by = {
        node: frozenset(f for f, owned in facts.items() if owned) or frozenset(facts)
        for node, facts in builder.made_by.items()
    }
    return builder.graph, made_by


def serialize(graph: Graph, fmt: str) -> bytes:
    """Serialise ``graph`` as ``turtle`` or ``json-ld``; equal graphs give equal bytes."""
    canonical = bind_prefixes(Graph())
    for triple in sorted(graph, key=lambda t: tuple(term.n3() for term in t)):
        canonical.add(triple)
    if fmt == "turtle":
        return canonical.serialize(format="turtle", encoding="utf-8")
    if fmt == "json-ld":
        return _canonical_json_ld(canonical)
    raise UnsupportedFormat(f"unsupported RDF format {fmt!r}; use one of {FORMATS}")


def graph_summary(graph: Graph) -> dict[str, int]:
    """Node counts per class and counts of lead and co-responsibility links."""
    return summary(lambda kind: len(set(graph.subjects(RDF.type, CLASS_OF[kind]))),
                   lambda predicate: len(list(graph.triples((None, predicate, None)))))


def summary(nodes: Callable[[NodeKind], int], links: Callable[[URIRef], int]) -> dict[str, int]:
    """:func:`graph_summary` from a count of the nodes of a kind and of a predicate's
    triples."""
    return {
        "plans": nodes(NodeKind.PLAN),
        "sources": nodes(NodeKind.SOURCE),
        "sections": nodes(NodeKind.SECTION),
        "tasks": nodes(NodeKind.TASK),
        "agencies": nodes(NodeKind.AGENCY),
        "regions": nodes(NodeKind.REGION),
        "targets": nodes(NodeKind.TARGET),
        "funding": nodes(NodeKind.FUNDING),
        "brands": nodes(NodeKind.BRAND),
        "enterprises": nodes(NodeKind.ENTERPRISE),
        "recognitions": nodes(NodeKind.RECOGNITION),
        "alignments": nodes(NodeKind.ALIGNMENT),
        "evidence": nodes(NodeKind.EVIDENCE),
        "lead_links": links(PG.leads),
        "co_links": links(PG.coResponsibleFor),
    }


def _canonical_json_ld(graph: Graph) -> bytes:
    out = {"@context": JSON_LD_CONTEXT, "@graph": json_ld_nodes(graph)}
    text = json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


#: The JSON-LD context of ``graph.jsonld``: the package's prefixes.
JSON_LD_CONTEXT: Final = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def json_ld_nodes(graph: Graph) -> list[dict[str, Any]]:
    """The nodes of ``graph`` as ``graph.jsonld`` writes them (values sorted), by ``@id``.

    A node depends on its own triples only, so the nodes of a graph are those of its
    subjects' parts (what :mod:`graph.stream_write` relies on)."""
    document = json.loads(graph.serialize(format="json-ld", context=JSON_LD_CONTEXT))
    nodes = document.get("@graph", [])
    if not nodes and "@id" in document:
        nodes = [{k: v for k, v in document.items() if k != "@context"}]
    canonical_nodes = [_sorted_node(node) for node in nodes]
    canonical_nodes.sort(key=lambda node: str(node.get("@id", "")))
    return canonical_nodes


def _sorted_node(node: dict[str, Any]) -> dict[str, Any]:
    def key(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    return {k: sorted(v, key=key) if isinstance(v, list) else v for k, v in node.items()}


# ---------------------------------------------------------------------------------------
# Builder
# ---------------------------------------------------------------------------------------


class _Builder:
    """Accumulates triples; single-valued properties keep the first value they get."""

    def __init__(self, extractions: Sequence[Extraction],
                 ranks: dict[tuple[Node, Node], Rank] | None = None) -> None:
        self.graph = bind_prefixes(Graph())
        self.ranks = ranks
        self.unit: tuple[int, str, str, str] = (0, "", "", "")
        self.calls = 0
        self.plan_of = ident.resolve_plan_keys(extractions)
        self.ordered = sorted(extractions, key=self._order)
        self.task_ids: dict[str, set[str]] = {}
        for extraction in extractions:
            ids = self.task_ids.setdefault(self.plan_of[extraction.source], set())
            ids.update(ident.normalize(task.id) for task in extraction.tasks)
        self.untitled_label: dict[URIRef, Literal] = {}
        self.fact: Fact | None = None
        self.made_by: dict[URIRef, dict[Fact, bool]] = {}

    def _order(self, extraction: Extraction) -> tuple[str, bool, str]:
        key = self.plan_of[extraction.source]
        own = ident.plan_key(extraction.document, extraction.source)
        return key, own != key, extraction.source

    def order_of(self, extraction: Extraction) -> tuple[str, str, str]:
        """:meth:`_order` as the strings of a :data:`Rank`."""
        key, duplicate, source = self._order(extraction)
        return key, "1" if duplicate else "0", source

    # -- primitives ---------------------------------------------------------------------

    def node(self, kind: NodeKind, key: str, *, owned: bool = True) -> URIRef:
        subject = ident.iri(key)
        self.graph.add((subject, RDF.type, CLASS_OF[kind]))
        if self.fact is not None:
            facts = self.made_by.setdefault(subject, {})
            facts[self.fact] = facts.get(self.fact, False) or owned
        return subject

    def first(self, subject: URIRef, predicate: URIRef, value: Node | None) -> None:
        if value is not None and self.graph.value(subject, predicate) is None:
            self.graph.add((subject, predicate, value))
            if self.ranks is not None:
                self.calls += 1
                self.ranks[subject, predicate] = (*self.unit, self.calls)

    def region(self, name: str | None) -> URIRef | None:
        if not name:
            return None
        subject = self.node(NodeKind.REGION, ident.region_key(name))
        self.first(subject, SKOS.prefLabel, zh(name))
        return subject

    def agency(self, extraction: Extraction, agency: Agency | str) -> URIRef:
        identity = ident.agency_identity(extraction, agency, self.plan_of[extraction.source])
        return self._agency_of(identity)

    def agency_node(self, agency: Agency, scope: str) -> URIRef:
        """The node of an agency record that belongs to no document (a register's agency):
        ``scope`` keys it when its region is unknown."""
        known = bool(ident.normalize(agency.region))
        return self._agency_of(ident.AgencyIdentity(
            agency.region if known else None, agency.level, agency.name,
            None if known else scope))

    def _agency_of(self, identity: ident.AgencyIdentity) -> URIRef:
        subject = self.node(NodeKind.AGENCY, identity.key)
        self.first(subject, SKOS.prefLabel, zh(identity.name))
        if identity.level is not None:
            self.first(subject, PG.level, Literal(str(identity.level)))
        region_node = self.region(identity.region)
        if region_node is not None:
            self.first(subject, PG.inRegion, region_node)
        return subject

    def named_agency(self, extraction: Extraction, name: str) -> URIRef:
        """The agency ``name`` stands for, attributed to the current fact naming it."""
        fact = self.fact
        if fact is not None:
            self.fact = Fact(fact.source, fact.part, fact.index, name)
        subject = self.agency(extraction, name)
        self.fact = fact
        return subject

    def source(self, file_name: str, *, owned: bool = True) -> URIRef:
        subject = self.node(NodeKind.SOURCE, ident.source_key(file_name), owned=owned)
        self.first(subject, PG.fileName, Literal(file_name))
        return subject

    def evidence(self, subject: URIRef, evidence: Evidence | None) -> None:
        if evidence is None:
            return
        key = ident.evidence_key(evidence.source, evidence.start, evidence.end)
        node = self.node(NodeKind.EVIDENCE, key)
        self.first(node, PROV.wasDerivedFrom, self.source(evidence.source, owned=False))
        self.first(node, PG.spanStart, Literal(evidence.start))
        self.first(node, PG.spanEnd, Literal(evidence.end))
        self.first(node, PG.sentence, zh(evidence.sentence))
        if evidence.section:
            self.first(node, PG.sectionPath, zh(evidence.section))
        self.graph.add((subject, PG.hasEvidence, node))

    # -- plans and their contents -------------------------------------------------------

    def add_plan(self, extraction: Extraction) -> None:
        meta = extraction.document
        self.fact = Fact(extraction.source, "document")
        plan = self.node(NodeKind.PLAN, self.plan_of[extraction.source])
        if meta.title:
            self.first(plan, DCTERMS.title, title(meta.title))
        elif plan not in self.untitled_label:
            self.untitled_label[plan] = _untitled_label(meta, extraction.source)
        if meta.kind is not None:
            self.first(plan, PG.kind, Literal(str(meta.kind)))
        if meta.level is not None:
            self.first(plan, PG.level, Literal(str(meta.level)))
        if meta.date:
            self.first(plan, DCTERMS.issued, issued(meta.date))
        if meta.doc_number:
            self.first(plan, DCTERMS.identifier, zh(meta.doc_number))
        if meta.period is not None:
            self.first(plan, PG.periodStart, year(meta.period[0]))
            self.first(plan, PG.periodEnd, year(meta.period[1]))
        region = self.region(meta.region)
        if region is not None:
            self.graph.add((plan, PG.governs, region))
        if meta.issuer:
            self.fact = Fact(extraction.source, "issuer")
            self.graph.add((plan, PG.issuedBy, self.named_agency(extraction, meta.issuer)))
            self.fact = Fact(extraction.source, "document")
        source = self.source(extraction.source)
        if extraction.source_title:
            self.first(source, DCTERMS.title, zh(extraction.source_title))
        if extraction.source_sha256:
            self.first(source, PG.sha256, Literal(extraction.source_sha256))
        self.graph.add((source, PG.reports, plan))
        self.fact = None

    def add_contents(self, extraction: Extraction) -> None:
        plan_key = self.plan_of[extraction.source]
        plan = ident.iri(plan_key)
        source = extraction.source
        for n, agency in enumerate(extraction.agencies):
            self.fact = Fact(source, "agencies", n)
            self.add_agency(extraction, agency)
        for n, task in enumerate(extraction.tasks):
            self.fact = Fact(source, "tasks", n)
            node = self.node(NodeKind.TASK, ident.task_key(plan_key, task.id))
            self.graph.add((plan, PG.hasTask, node))
            self.first(node, PG.taskId, zh(task.id))
            if task.title:
                self.first(node, DCTERMS.title, zh(task.title))
            self.add_schedule(node, task)
            if task.section:
                section = self.node(NodeKind.SECTION, ident.section_key(plan_key, task.section))
                self.first(section, SKOS.prefLabel, zh(task.section))
                self.graph.add((plan, PG.hasSection, section))
                self.graph.add((node, PG.inSection, section))
            self.link_agencies(extraction, node, PG.leads, task.lead)
            self.link_agencies(extraction, node, PG.coResponsibleFor, task.co)
            self.evidence(node, task.evidence)
        for n, target in enumerate(extraction.targets):
            self.fact = Fact(source, "targets", n)
            self.add_target(plan_key, target)
        for n, funding in enumerate(extraction.funding):
            self.fact = Fact(source, "funding", n)
            key = ident.funding_key(
                plan_key, funding.recipient, funding.amount, funding.unit, funding.per
            )
            node = self.node(NodeKind.FUNDING, key)
            self.graph.add((plan, PG.hasFunding, node))
            self.first(node, PG.amount, decimal(funding.amount))
            self.first(node, PG.unit, zh(funding.unit))
            self.first(node, PG.per, Literal(str(funding.per)))
            if funding.recipient:
                self.first(node, PG.recipient, zh(funding.recipient))
            self.evidence(node, funding.evidence)
        for n, brand in enumerate(extraction.brands):
            self.fact = Fact(source, "brands", n)
            node = self.node(NodeKind.BRAND, ident.brand_key(brand.name))
            self.first(node, SKOS.prefLabel, zh(brand.name))
            self.first(node, PG.brandKind, Literal(str(brand.kind)))
            self.graph.add((plan, PG.mentionsBrand, node))
            self.evidence(node, brand.evidence)
        for n, parent_title in enumerate(extraction.document.implements):
            self.fact = Fact(source, "implements", n)
            parent_key = ident.plan_key(DocumentMeta(title=parent_title), parent_title)
            if parent_key == plan_key:
                continue
            parent = self.node(NodeKind.PLAN, parent_key)
            self.first(parent, DCTERMS.title, title(parent_title))
            self.graph.add((plan, PG.implements, parent))
        add_enterprises(self, extraction, plan)
        self.fact = None

    def add_schedule(self, node: URIRef, task: Task) -> None:
        """A task's deadline and the document's order of its responsible units."""
        if task.deadline:
            self.first(node, PG.deadline, zh(task.deadline))
        if task.due_year is not None:
            self.first(node, PG.dueYear, year(task.due_year))
        if task.due_month is not None:
            self.first(node, PG.dueMonth, Literal(task.due_month))
        units = list(dict.fromkeys((*task.lead, *task.co)))
        if units:
            self.first(node, PG.unitOrder, zh(UNIT_SEPARATOR.join(units)))

    def add_agency(self, extraction: Extraction, agency: Agency) -> None:
        node = self.agency(extraction, agency)
        for alias in agency.aliases:
            if ident.normalize(alias) != ident.normalize(agency.name):
                self.graph.add((node, SKOS.altLabel, zh(alias)))
        self.evidence(node, agency.evidence)

    def link_agencies(
        self, extraction: Extraction, task: URIRef, predicate: URIRef, names: Iterable[str]
    ) -> None:
        for name in names:
            self.graph.add((self.named_agency(extraction, name), predicate, task))

    def add_target(self, plan_key: str, target: Target) -> None:
        known_ids = self.task_ids.get(plan_key, set())
        if target.task is not None and ident.normalize(target.task) in known_ids:
            owner_key = ident.task_key(plan_key, target.task)
        else:
            owner_key = plan_key
        key = ident.target_key(owner_key, target.metric, target.year, target.value)
        node = self.node(NodeKind.TARGET, key)
        self.graph.add((ident.iri(owner_key), PG.hasTarget, node))
        self.first(node, PG.metric, zh(target.metric))
        if target.year is not None:
            self.first(node, PG.deadlineYear, year(target.year))
        elif target.metric.strip().startswith(_YEAR_QUOTA_PREFIX):
            self.first(node, PG.perYear, Literal(True))
        if target.value is not None:
            self.first(node, PG.value, decimal(target.value))
        else:
            self.first(node, PG.qualitative, Literal(True))
        if target.unit:
            self.first(node, PG.unit, zh(target.unit))
        if target.qualifier is not None:
            self.first(node, PG.qualifier, Literal(str(target.qualifier)))
        self.evidence(node, target.evidence)

    def label_untitled_plans(self) -> None:
        for plan, label in self.untitled_label.items():
            if self.graph.value(plan, DCTERMS.title) is None:
                self.graph.add((plan, RDFS.label, label))


def _untitled_label(meta: DocumentMeta, source: str) -> Literal:
    kind = DOCUMENT_KIND_ZH[meta.kind] if meta.kind is not None else "文件"
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return zh(f"{meta.region or ''}{kind}（{stem}）")
