"""RDF vocabulary of policygraph: namespaces, terms, and the enum ↔ OWL mapping.

``ontology/policygraph.ttl`` is the source of truth; this module names its terms for
Python (``PG.Task``, ``PG.leads`` …) and states, in two dicts, which OWL class each
:class:`~ontology.model.NodeKind` is and which predicate each
:class:`~ontology.model.RelKind` is.  ``tests/unit/test_ontology.py`` checks that both
dicts cover every enum member and that every term here is declared in the Turtle file.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Final

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

from ontology.model import DocumentKind, NodeKind, RelKind

ONTOLOGY_IRI: Final = URIRef("https://policygraph.example/ontology")
ID: Final = Namespace("https://policygraph.example/id/")
"""Base of every instance IRI; keys from :mod:`ontology.identity` are appended to it."""
SHAPES: Final = Namespace("https://policygraph.example/shapes#")


class PG(DefinedNamespace):
    """Terms of the policygraph ontology (``pg:``); an undefined name raises AttributeError."""

    _NS = Namespace("https://policygraph.example/ontology#")
    _fail = True

    # Classes
    Plan: URIRef
    Section: URIRef
    Task: URIRef
    Agency: URIRef
    Region: URIRef
    Target: URIRef
    Funding: URIRef
    Brand: URIRef
    Enterprise: URIRef
    Recognition: URIRef
    Alignment: URIRef
    Source: URIRef
    Evidence: URIRef

    # Datatypes of closed value sets (the StrEnums of ontology.model)
    DocumentKind: URIRef
    GovLevel: URIRef
    Qualifier: URIRef
    FundingPer: URIRef
    BrandKind: URIRef

    # Object properties
    implements: URIRef
    issuedBy: URIRef
    governs: URIRef
    hasSection: URIRef
    inSection: URIRef
    hasTask: URIRef
    leads: URIRef
    coResponsibleFor: URIRef
    hasTarget: URIRef
    hasFunding: URIRef
    supportedBy: URIRef
    mentionsBrand: URIRef
    partOfBrandSystem: URIRef
    reports: URIRef
    inRegion: URIRef
    hasEvidence: URIRef
    mentionsEnterprise: URIRef
    holdsBrand: URIRef
    ofEnterprise: URIRef
    ofBrand: URIRef
    inProgramme: URIRef
    recognisedBy: URIRef
    withinRegion: URIRef
    implementingTask: URIRef
    implementedMeasure: URIRef

    # Datatype properties
    kind: URIRef
    level: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    taskId: URIRef
    metric: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
    deadlineYear: URIRef
    perYear: URIRef
    qualitative: URIRef
    amount: URIRef
    per: URIRef
    recipient: URIRef
    brandKind: URIRef
    fileName: URIRef
    sha256: URIRef
    spanStart: URIRef
    spanEnd: URIRef
    sentence: URIRef
    sectionPath: URIRef
    batch: URIRef
    recognitionYear: URIRef
    product: URIRef
    category: URIRef
    registerRow: URIRef
    deadline: URIRef
    dueYear: URIRef
    dueMonth: URIRef
    unitOrder: URIRef
    score: URIRef


#: Prefixes bound on every graph the project writes, so serialisations read the same.
PREFIXES: Final = MappingProxyType(
    {
        "pg": URIRef(str(PG)),
        "id": URIRef(str(ID)),
        "org": URIRef(str(ORG)),
        "prov": URIRef(str(PROV)),
        "skos": URIRef(str(SKOS)),
        "dcterms": URIRef(str(DCTERMS)),
        "time": URIRef(str(TIME)),
        "owl": URIRef(str(OWL)),
        "rdf": URIRef(str(RDF)),
        "rdfs": URIRef(str(RDFS)),
        "xsd": URIRef(str(XSD)),
    }
)

#: The OWL class of every node kind.
CLASS_OF: Final[MappingProxyType[NodeKind, URIRef]] = MappingProxyType(
    {
        NodeKind.PLAN: PG.Plan,
        NodeKind.SECTION: PG.Section,
        NodeKind.TASK: PG.Task,
        NodeKind.AGENCY: PG.Agency,
        NodeKind.REGION: PG.Region,
        NodeKind.TARGET: PG.Target,
        NodeKind.FUNDING: PG.Funding,
        NodeKind.BRAND: PG.Brand,
        NodeKind.ENTERPRISE: PG.Enterprise,
        NodeKind.RECOGNITION: PG.Recognition,
        NodeKind.ALIGNMENT: PG.Alignment,
        NodeKind.SOURCE: PG.Source,
        NodeKind.EVIDENCE: PG.Evidence,
    }
)

#: The predicate of every relationship kind; W3C terms where one fits.
PREDICATE_OF: Final[MappingProxyType[RelKind, URIRef]] = MappingProxyType(
    {
        RelKind.LEADS: PG.leads,
        RelKind.CO_RESPONSIBLE_FOR: PG.coResponsibleFor,
        RelKind.IMPLEMENTS: PG.implements,
        RelKind.HAS_TASK: PG.hasTask,
        RelKind.HAS_SECTION: PG.hasSection,
        RelKind.IN_SECTION: PG.inSection,
        RelKind.HAS_TARGET: PG.hasTarget,
        RelKind.HAS_FUNDING: PG.hasFunding,
        RelKind.MENTIONS_BRAND: PG.mentionsBrand,
        RelKind.ISSUED_BY: PG.issuedBy,
        RelKind.GOVERNS: PG.governs,
        RelKind.IN_REGION: PG.inRegion,
        RelKind.REPORTS: PG.reports,
        RelKind.SUPPORTED_BY: PG.supportedBy,
        RelKind.HAS_EVIDENCE: PG.hasEvidence,
        RelKind.FROM_SOURCE: PROV.wasDerivedFrom,
        RelKind.SUB_ORGANIZATION_OF: ORG.subOrganizationOf,
        RelKind.MENTIONS_ENTERPRISE: PG.mentionsEnterprise,
        RelKind.HOLDS_BRAND: PG.holdsBrand,
        RelKind.OF_ENTERPRISE: PG.ofEnterprise,
        RelKind.OF_BRAND: PG.ofBrand,
        RelKind.IN_PROGRAMME: PG.inProgramme,
        RelKind.RECOGNISED_BY: PG.recognisedBy,
        RelKind.WITHIN_REGION: PG.withinRegion,
        RelKind.IMPLEMENTING_TASK: PG.implementingTask,
        RelKind.IMPLEMENTED_MEASURE: PG.implementedMeasure,
    }
)

#: Reverse lookups, for readers that turn RDF back into labelled nodes and typed edges.
NODE_KIND_OF: Final = MappingProxyType({iri: kind for kind, iri in CLASS_OF.items()})
REL_KIND_OF: Final = MappingProxyType({iri: kind for kind, iri in PREDICATE_OF.items()})

#: Chinese name of each document kind, used to label a plan that has no title.
DOCUMENT_KIND_ZH: Final[MappingProxyType[DocumentKind, str]] = MappingProxyType(
    {
        DocumentKind.MEASURES: "若干措施",
        DocumentKind.IMPLEMENTATION_OPINION: "实施意见",
        DocumentKind.ACTION_PLAN: "行动计划",
        DocumentKind.INTERPRETATION: "政策解读",
        DocumentKind.NEWS_REPORT: "新闻报道",
        DocumentKind.NOTICE: "通知",
    }
)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


@cache
def _resource_text(name: str) -> str:
    return files("ontology").joinpath(name).read_text(encoding="utf-8")


def load_ontology() -> Graph:
    """A fresh graph holding the OWL ontology (``policygraph.ttl``, package data)."""
    return Graph().parse(data=_resource_text("policygraph.ttl"), format="turtle")


def load_shapes() -> Graph:
    """A fresh graph holding the SHACL shapes (``shapes.ttl``, package data)."""
    return Graph().parse(data=_resource_text("shapes.ttl"), format="turtle")
