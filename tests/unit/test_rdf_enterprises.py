"""Enterprises, brands they hold and recognitions in programmes, from text and from lists."""

from __future__ import annotations

from rdf_fixtures import (
    ALL,
    DEZHOU_SOURCE,
    FIRM,
    REGISTER,
    REGISTER_COUNTS,
    REGISTER_SOURCE,
    REGISTERS,
)
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SKOS

from graph.admit import admit
from graph.property_graph import from_rdf, key_of
from graph.rdf import build_graph, graph_summary
from graph.rows import provenance
from graph.validate import require_valid
from ontology import identity as ident
from ontology.vocab import PG, load_shapes

GRAPH = build_graph(ALL, REGISTERS)
FIRM_NODE = ident.iri(ident.enterprise_key(FIRM))
BRAND = ident.iri(ident.brand_key("德州扒鸡"))
PROGRAMME = ident.iri(ident.brand_key("好品山东"))
LISTED = ident.iri(ident.recognition_key("好品山东", FIRM, "德州扒鸡", 1, 2022))
REGIONAL = ident.iri(ident.recognition_key("好品山东", None, "青州花卉", 1, 2022))


def region(name: str) -> URIRef:
    return ident.iri(ident.region_key(name))


def test_a_graph_with_a_register_conforms_and_counts() -> None:
    assert require_valid(GRAPH).conforms
    assert graph_summary(GRAPH) == REGISTER_COUNTS


def test_the_text_and_the_list_name_one_enterprise_holding_one_brand() -> None:
    assert list(GRAPH.objects(FIRM_NODE, SKOS.prefLabel)) == [Literal(FIRM, lang="zh")]
    assert set(GRAPH.objects(FIRM_NODE, PG.holdsBrand)) == {BRAND}
    assert list(GRAPH.objects(FIRM_NODE, PG.inRegion)) == [region("德州市")]
    plans = set(GRAPH.subjects(PG.mentionsEnterprise, FIRM_NODE))
    assert len(plans) == 1  # the Dezhou opinion


def test_a_row_is_a_recognition_of_its_enterprise_and_brand_in_the_programme() -> None:
    assert set(GRAPH.objects(LISTED, PG.ofEnterprise)) == {FIRM_NODE}
    assert set(GRAPH.objects(LISTED, PG.ofBrand)) == {BRAND}
    assert set(GRAPH.objects(LISTED, PG.inProgramme)) == {PROGRAMME}
    assert GRAPH.value(LISTED, PG.batch) == Literal(1)
    assert str(GRAPH.value(LISTED, PG.recognitionYear)) == "2022"
    assert GRAPH.value(LISTED, PG.product) == Literal("扒鸡", lang="zh")
    assert GRAPH.value(LISTED, PG.registerRow) == Literal(2)
    assert GRAPH.value(LISTED, PROV.wasDerivedFrom) == ident.iri(ident.source_key(REGISTER_SOURCE))
    agency = ident.iri(ident.agency_key("山东省", "province", "省市场监管局"))
    assert GRAPH.value(LISTED, PG.recognisedBy) == agency


def test_a_regional_brand_without_an_enterprise_is_counted_in_its_region_chain() -> None:
    assert set(GRAPH.objects(REGIONAL, PG.ofEnterprise)) == set()
    assert GRAPH.value(REGIONAL, PG.inRegion) == region("青州市")
    assert GRAPH.value(region("青州市"), PG.withinRegion) == region("潍坊市")
    assert GRAPH.value(region("潍坊市"), PG.withinRegion) == region("山东省")
    assert GRAPH.value(region("德州市"), PG.withinRegion) == region("山东省")


def test_the_text_names_a_programme_the_enterprise_is_listed_in() -> None:
    listed = ident.iri(ident.recognition_key("中华老字号", FIRM, None, None, None))
    assert set(GRAPH.objects(listed, PG.ofEnterprise)) == {FIRM_NODE}
    assert GRAPH.value(listed, PG.hasEvidence) is not None


def test_building_is_independent_of_order_and_a_second_import_changes_nothing() -> None:
    again = build_graph(list(reversed(ALL)), [REGISTER, REGISTER])
    assert isomorphic(again, GRAPH)


def test_a_recognition_belongs_to_its_register_only() -> None:
    prov = provenance(from_rdf(GRAPH))
    assert prov.nodes[key_of(LISTED)] == (REGISTER_SOURCE,)
    assert set(prov.nodes[key_of(FIRM_NODE)]) == {DEZHOU_SOURCE, REGISTER_SOURCE}


def test_a_row_that_breaks_a_shape_is_left_out_and_the_rest_of_the_list_kept() -> None:
    # The model already refuses what the shipped shapes forbid in a row, so a stricter
    # shape stands in for a broken row: rows after 2 are refused.
    shapes = load_shapes().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix pg: <https://policygraph.example/ontology#> .
        <urn:test:RowShape> a sh:NodeShape ; sh:targetClass pg:Recognition ;
            sh:property [ sh:path pg:registerRow ; sh:maxInclusive 2 ;
                          sh:message "row after 2" ] .
        """, format="turtle")
    admitted = admit(ALL, shapes=shapes, registers=REGISTERS)
    assert [e.row for e in admitted.registers[0].entries] == [2]
    assert [str(r) for r in admitted.rejected] == [
        f"{REGISTER_SOURCE}: left out row 3 (青州花卉): row after 2"]
    assert len(admitted.extractions) == len(ALL)
