"""Enterprises, their brands and recognitions → triples, for the builder of :mod:`graph.rdf`.

Two inputs make the same shape of graph.  A document's text names enterprises (with the
brands it gives them, and, in a list announcement, the programme they are listed in); a
published list (a :class:`~ontology.model.Register`) names one recognition per row.  Either
way a recognition is one node that ties the enterprise and/or its brand to a programme,
with batch, year and the recognising agency where stated, and the region it is counted in:

    (Plan)-[:MENTIONS_ENTERPRISE]->(Enterprise)-[:HOLDS_BRAND]->(Brand)
    (Recognition)-[:OF_ENTERPRISE]->(Enterprise)   (Recognition)-[:OF_BRAND]->(Brand)
    (Recognition)-[:IN_PROGRAMME]->(Brand)          (Recognition)-[:IN_REGION]->(Region)
    (Region)-[:WITHIN_REGION]->(Region)             (Recognition)-[:FROM_SOURCE]->(Source)

A row's recognition is derived from (``prov:wasDerivedFrom``) its register's source node,
so removing a register from Neo4j removes exactly what only it stated.  A row that names
no place is counted in the region of the agency that published the list (a province's
list counts for the province).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.rdf_base import Fact, year, zh
from ontology import identity as ident
from ontology.model import (
    BrandKind,
    Enterprise,
    Extraction,
    NodeKind,
    Recognition,
    Register,
    RegisterEntry,
)
from ontology.vocab import PG

if TYPE_CHECKING:
    from graph.rdf import _Builder


def enterprise(builder: _Builder, name: str, region: str | None) -> URIRef:
    """The enterprise node of ``name`` (its first stated region wins)."""
    node = builder.node(NodeKind.ENTERPRISE, ident.enterprise_key(name))
    builder.first(node, SKOS.prefLabel, zh(name))
    region_node = builder.region(region)
    if region_node is not None:
        builder.first(node, PG.inRegion, region_node)
    return node


def brand(builder: _Builder, name: str, kind: BrandKind) -> URIRef:
    """The brand node of ``name``; a kind already given (by a document) is kept."""
    node = builder.node(NodeKind.BRAND, ident.brand_key(name))
    builder.first(node, SKOS.prefLabel, zh(name))
    builder.first(node, PG.brandKind, Literal(str(kind)))
    return node


def recognition(builder: _Builder, recognised: Recognition, who: str | None,
                brand_name: str | None) -> URIRef:
    """The recognition node of ``who`` / ``brand_name`` in ``recognised.programme``."""
    key = ident.recognition_key(recognised.programme, who, brand_name, recognised.batch,
                                recognised.year)
    node = builder.node(NodeKind.RECOGNITION, key)
    builder.graph.add((node, PG.inProgramme,
                       brand(builder, recognised.programme, BrandKind.PROGRAMME)))
    if recognised.batch is not None:
        builder.first(node, PG.batch, Literal(recognised.batch))
    if recognised.year is not None:
        builder.first(node, PG.recognitionYear, year(recognised.year))
    return node


def add_enterprises(builder: _Builder, extraction: Extraction, plan: URIRef) -> None:
    """The enterprises a document names: node, region, brands, recognitions, evidence."""
    for n, found in enumerate(extraction.enterprises):
        builder.fact = Fact(extraction.source, "enterprises", n)
        node = _text_enterprise(builder, found)
        builder.graph.add((plan, PG.mentionsEnterprise, node))
        for recognised in found.recognitions:
            hub = recognition(builder, recognised, found.name, None)
            builder.graph.add((hub, PG.ofEnterprise, node))
            region_node = builder.region(found.region)
            if region_node is not None:
                builder.first(hub, PG.inRegion, region_node)
            if recognised.agency:
                builder.first(hub, PG.recognisedBy,
                              builder.named_agency(extraction, recognised.agency))
            builder.evidence(hub, found.evidence)


def _text_enterprise(builder: _Builder, found: Enterprise) -> URIRef:
    node = enterprise(builder, found.name, found.region)
    for alias in found.aliases:
        if ident.normalize(alias) != ident.normalize(found.name):
            builder.graph.add((node, SKOS.altLabel, zh(alias)))
    for held in found.brands:
        builder.graph.add((node, PG.holdsBrand, brand(builder, held, BrandKind.BRAND)))
    builder.evidence(node, found.evidence)
    return node


def add_register(builder: _Builder, register: Register) -> None:
    """A published list: its source node and one recognition per row."""
    builder.fact = Fact(register.source, "register")
    source = builder.source(register.source)
    if register.title:
        builder.first(source, DCTERMS.title, zh(register.title))
    if register.sha256:
        builder.first(source, PG.sha256, Literal(register.sha256))
    for n, entry in enumerate(register.entries):
        builder.fact = Fact(register.source, "entries", n)
        _register_entry(builder, register, entry, source)
    builder.fact = None


def _register_entry(builder: _Builder, register: Register, entry: RegisterEntry,
                    source: URIRef) -> None:
    hub = recognition(builder, register.recognition(entry), entry.enterprise, entry.brand)
    builder.first(hub, PROV.wasDerivedFrom, source)
    builder.first(hub, PG.registerRow, Literal(entry.row))
    if entry.product:
        builder.first(hub, PG.product, zh(entry.product))
    if entry.category:
        builder.first(hub, PG.category, zh(entry.category))
    holder = enterprise(builder, entry.enterprise, entry.region) if entry.enterprise else None
    held = brand(builder, entry.brand, BrandKind.BRAND) if entry.brand else None
    if holder is not None:
        builder.graph.add((hub, PG.ofEnterprise, holder))
    if held is not None:
        builder.graph.add((hub, PG.ofBrand, held))
    if holder is not None and held is not None:
        builder.graph.add((holder, PG.holdsBrand, held))
    # a row that says no place is counted in the region of the agency that lists it
    region_node = _region_chain(builder, entry) or (
        builder.region(register.agency.region) if register.agency is not None else None)
    if region_node is not None:
        builder.first(hub, PG.inRegion, region_node)
    if register.agency is not None:
        builder.first(hub, PG.recognisedBy, builder.agency_node(
            register.agency, ident.source_key(register.source)))


def _region_chain(builder: _Builder, entry: RegisterEntry) -> URIRef | None:
    """The entry's region, linked to each enclosing division in turn."""
    inner = builder.region(entry.region)
    child = inner
    for name in reversed(entry.region_path):
        parent = builder.region(name)
        if child is not None and parent is not None and parent != child:
            builder.first(child, PG.withinRegion, parent)
        child = parent
    return inner
