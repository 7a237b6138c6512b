"""Every SHACL shape can fail: one broken graph per shape, and a check that none is missing.

The shapes say what a valid fact is (ontology/shapes.ttl); a shape no graph can break would
be dead weight that only looks like a check.  Each case below breaks one built graph in one
way and expects a violation from one shape (the node shape, and for a property shape its
path).  ``test_every_shape_is_broken_by_a_case`` fails when a shape is added without a case.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdf_fixtures import (
    ALL,
    DEZHOU,
    DEZHOU_SOURCE,
    FIRM,
    JINAN,
    JINAN_SOURCE,
    PROVINCE,
    PROVINCE_SOURCE,
    REGISTER_SOURCE,
    REGISTERS,
)
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SH, SKOS, XSD

from graph.rdf import build_graph
from graph.validate import validate
from ontology import identity as ident
from ontology.vocab import PG, SHAPES, load_shapes

JINAN_PLAN_KEY = ident.plan_key(JINAN.document, JINAN_SOURCE)
PLAN = ident.iri(JINAN_PLAN_KEY)
SOURCE = ident.iri(ident.source_key(JINAN_SOURCE))
TASK = ident.iri(ident.task_key(JINAN_PLAN_KEY, "三.1"))
EVIDENCE = ident.iri(ident.evidence_key(JINAN_SOURCE, 100, 130))
SECTION = ident.iri(ident.section_key(JINAN_PLAN_KEY, "主要任务"))
AGENCY = ident.iri(ident.agency_key("济南市", "city", "市市场监管局"))
REGION = ident.iri(ident.region_key("济南市"))
FUNDING = ident.iri(ident.funding_key(JINAN_PLAN_KEY, "新获得市长质量奖的组织", 50, "万元", "once"))
BRAND = ident.iri(ident.brand_key("泰山品质"))
DEZHOU_TASK = ident.task_key(ident.plan_key(DEZHOU.document, DEZHOU_SOURCE), "二.(一)")
QUOTA = ident.iri(ident.target_key(DEZHOU_TASK, "每年培育星级上云企业", None, 50))
GOAL = ident.iri(ident.target_key(DEZHOU_TASK, "新增省长质量奖", 2025, 1))
FIRM_NODE = ident.iri(ident.enterprise_key(FIRM))
LISTED = ident.iri(ident.recognition_key("好品山东", FIRM, "德州扒鸡", 1, 2022))
LIST_SOURCE = ident.iri(ident.source_key(REGISTER_SOURCE))
QINGZHOU = ident.iri(ident.region_key("青州市"))
MEASURE = ident.task_key(ident.plan_key(PROVINCE.document, PROVINCE_SOURCE), "一")
ALIGNED = ident.iri(ident.alignment_key(DEZHOU_TASK, MEASURE))

Break = Callable[[Graph], None]


def _set(node: URIRef, predicate: URIRef, value: Literal | URIRef) -> Break:
    return lambda g: g.set((node, predicate, value))


def _add(node: URIRef, predicate: URIRef, value: Literal | URIRef) -> Break:
    return lambda g: g.add((node, predicate, value))


def _remove(node: URIRef | None, predicate: URIRef, value: URIRef | None = None) -> Break:
    return lambda g: g.remove((node, predicate, value))


def _both(first: Break, second: Break) -> Break:
    def breaks(graph: Graph) -> None:
        first(graph)
        second(graph)
    return breaks


#: (node shape, property path or None for a constraint of the node shape itself, the break)
CASES: list[tuple[str, str | None, Break]] = [
    ("PlanShape", None, _remove(PLAN, DCTERMS.title)),
    ("PlanShape", "pg:kind", _set(PLAN, PG.kind, Literal("memo"))),
    ("PlanShape", "pg:level", _set(PLAN, PG.level, Literal("galactic"))),
    ("PlanShape", "dcterms:title", _add(PLAN, DCTERMS.title, Literal("另一个标题", lang="zh"))),
    ("PlanShape", "dcterms:identifier", _set(PLAN, DCTERMS.identifier, Literal("no language"))),
    ("PlanShape", "pg:periodStart", _set(PLAN, PG.periodStart, Literal("2020"))),
    ("PlanShape", "pg:periodEnd", _add(PLAN, PG.periodEnd, Literal("2030", datatype=XSD.gYear))),
    ("PlanProvenanceShape", None, _remove(None, PG.reports, PLAN)),
    ("SourceShape", "pg:fileName", _remove(SOURCE, PG.fileName)),
    ("SourceShape", "pg:reports", _add(SOURCE, PG.reports, TASK)),
    ("EvidenceShape", "prov:wasDerivedFrom", _remove(EVIDENCE, PROV.wasDerivedFrom)),
    ("EvidenceShape", "pg:spanStart", _set(EVIDENCE, PG.spanStart, Literal(500))),
    ("EvidenceShape", "pg:spanEnd", _set(EVIDENCE, PG.spanEnd, Literal(-1))),
    ("EvidenceShape", "pg:sentence", _remove(EVIDENCE, PG.sentence)),
    ("TaskShape", "pg:hasEvidence", _remove(TASK, PG.hasEvidence)),
    ("TaskShape", "pg:taskId", _remove(TASK, PG.taskId)),
    ("TaskShape", "^pg:hasTask", _remove(PLAN, PG.hasTask, TASK)),
    ("TaskShape", "pg:deadline", _set(TASK, PG.deadline, Literal("2022年底前"))),
    ("TaskShape", "pg:dueYear", _set(TASK, PG.dueYear, Literal(2022))),
    ("TaskShape", "pg:dueMonth", _set(TASK, PG.dueMonth, Literal(13))),
    ("TaskShape", "pg:unitOrder", _add(TASK, PG.unitOrder, Literal("市财政局", lang="zh"))),
    ("ResponsibleAgencyShape", None, _add(REGION, PG.leads, TASK)),
    ("AgencyShape", "skos:prefLabel", _remove(AGENCY, SKOS.prefLabel)),
    ("AgencyShape", "pg:level", _set(AGENCY, PG.level, Literal("galactic"))),
    ("AgencyShape", "pg:inRegion", _add(AGENCY, PG.inRegion, PLAN)),
    ("AgencyShape", "pg:leads", _add(AGENCY, PG.leads, PLAN)),
    ("AgencyShape", "pg:coResponsibleFor", _add(AGENCY, PG.coResponsibleFor, PLAN)),
    ("TargetShape", "pg:metric", _remove(GOAL, PG.metric)),
    ("TargetShape", "pg:deadlineYear", _set(GOAL, PG.deadlineYear, Literal("2025"))),
    ("TargetShape", "pg:perYear", _set(QUOTA, PG.perYear, Literal("yes"))),
    ("TargetShape", "pg:value", _add(GOAL, PG.value, Literal("2.0", datatype=XSD.decimal))),
    ("TargetShape", "pg:unit", _set(GOAL, PG.unit, Literal("家"))),
    ("TargetShape", "pg:qualifier", _set(GOAL, PG.qualifier, Literal("大约"))),
    ("TargetShape", "^pg:hasTarget", _remove(None, PG.hasTarget, GOAL)),
    ("YearlyQuotaShape", None, _add(GOAL, PG.perYear, Literal(True))),
    ("TargetValueShape", None, _add(GOAL, PG.qualitative, Literal(True))),
    ("FundingShape", "pg:amount", _set(FUNDING, PG.amount, Literal("-5.0", datatype=XSD.decimal))),
    ("FundingShape", "pg:unit", _remove(FUNDING, PG.unit)),
    ("FundingShape", "pg:per", _set(FUNDING, PG.per, Literal("monthly"))),
    ("FundingShape", "^pg:hasFunding", _remove(PLAN, PG.hasFunding, FUNDING)),
    ("BrandShape", "skos:prefLabel", _remove(BRAND, SKOS.prefLabel)),
    ("BrandShape", "pg:brandKind", _set(BRAND, PG.brandKind, Literal("company"))),
    ("SectionShape", "skos:prefLabel", _remove(SECTION, SKOS.prefLabel)),
    ("SectionShape", "^pg:hasSection", _remove(PLAN, PG.hasSection, SECTION)),
    ("RegionShape", "skos:prefLabel", _remove(REGION, SKOS.prefLabel)),
    ("RegionShape", "pg:withinRegion", _add(QINGZHOU, PG.withinRegion, REGION)),
    ("EnterpriseShape", "skos:prefLabel", _add(FIRM_NODE, SKOS.prefLabel, Literal("别名", lang="zh"))),
    ("EnterpriseShape", "pg:inRegion", _add(FIRM_NODE, PG.inRegion, QINGZHOU)),
    ("EnterpriseShape", "pg:holdsBrand", _add(FIRM_NODE, PG.holdsBrand, REGION)),
    ("RecognitionShape", None, _both(_remove(LISTED, PG.ofBrand),
                                     _remove(LISTED, PG.ofEnterprise))),
    ("RecognitionShape", "pg:inProgramme", _remove(LISTED, PG.inProgramme)),
    ("RecognitionShape", "pg:ofEnterprise", _add(LISTED, PG.ofEnterprise, REGION)),
    ("RecognitionShape", "pg:ofBrand", _add(LISTED, PG.ofBrand, BRAND)),
    ("RecognitionShape", "pg:recognisedBy", _add(LISTED, PG.recognisedBy, PLAN)),
    ("RecognitionShape", "pg:inRegion", _add(LISTED, PG.inRegion, QINGZHOU)),
    ("RecognitionShape", "pg:batch", _set(LISTED, PG.batch, Literal(0))),
    ("RecognitionShape", "pg:recognitionYear", _set(LISTED, PG.recognitionYear, Literal(2022))),
    ("RecognitionShape", "pg:registerRow", _set(LISTED, PG.registerRow, Literal("2"))),
    ("RecognitionProvenanceShape", None, _remove(LISTED, PROV.wasDerivedFrom, LIST_SOURCE)),
    ("AlignmentShape", "pg:implementingTask", _remove(ALIGNED, PG.implementingTask)),
    ("AlignmentShape", "pg:implementedMeasure",
     _set(ALIGNED, PG.implementedMeasure, ident.iri(DEZHOU_TASK))),  # its own task
    ("AlignmentShape", "pg:score", _set(ALIGNED, PG.score, Literal("1.5", datatype=XSD.decimal))),
    ("AlignmentShape", "pg:hasEvidence", _remove(ALIGNED, PG.hasEvidence)),
]


def _graph() -> Graph:
    graph = build_graph(ALL, REGISTERS)
    assert validate(graph).conforms
    return graph


def _display(shapes: Graph, path: URIRef) -> str:
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + shapes.namespace_manager.normalizeUri(inverse)
    return shapes.namespace_manager.normalizeUri(path)


def every_shape() -> set[tuple[str, str | None]]:
    """(node shape, path) of every property shape, and (node shape, None) of every node
    shape that has a constraint of its own (besides its targets and property shapes)."""
    shapes = load_shapes()
    found: set[tuple[str, str | None]] = set()
    own = {SH["class"], SH["or"], SH.xone, SH["not"], SH["and"]}
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert isinstance(shape, URIRef) and shape.startswith(str(SHAPES)), shape
        name = shape.removeprefix(str(SHAPES))
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            assert path is not None
            found.add((name, _display(shapes, path)))  # type: ignore[arg-type]
        if own & set(shapes.predicates(shape)):
            found.add((name, None))
    return found


def test_every_shape_is_broken_by_a_case() -> None:
    assert every_shape() == {(shape, path) for shape, path, _ in CASES}


@pytest.mark.parametrize(("shape", "path", "breaks"), CASES,
                         ids=[f"{s}-{p or 'node'}" for s, p, _ in CASES])
def test_shape_fails_on_a_broken_graph(shape: str, path: str | None, breaks: Break) -> None:
    graph = _graph()
    breaks(graph)
    report = validate(graph)
    assert not report.conforms
    assert (f"pgsh:{shape}", path) in {(v.shape, v.path) for v in report.results}, report.results
