"""The OWL ontology and SHACL shapes: they parse, cover the Python enums, and catch errors."""

from __future__ import annotations

from enum import StrEnum

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

from graph.validate import validate
from ontology.model import (
    BrandKind,
    DocumentKind,
    FundingPer,
    GovLevel,
    NodeKind,
    Qualifier,
    RelKind,
)
from ontology.vocab import (
    CLASS_OF,
    DOCUMENT_KIND_ZH,
    ID,
    NODE_KIND_OF,
    ONTOLOGY_IRI,
    PG,
    PREDICATE_OF,
    REL_KIND_OF,
    load_ontology,
    load_shapes,
)

ONTOLOGY = load_ontology()
SHAPES = load_shapes()
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype)
ENUM_OF_DATATYPE: dict[URIRef, type[StrEnum]] = {
    PG.DocumentKind: DocumentKind,
    PG.GovLevel: GovLevel,
    PG.Qualifier: Qualifier,
    PG.FundingPer: FundingPer,
    PG.BrandKind: BrandKind,
}
ENUM_OF_PROPERTY: dict[URIRef, type[StrEnum]] = {
    PG.kind: DocumentKind,
    PG.level: GovLevel,
    PG.qualifier: Qualifier,
    PG.per: FundingPer,
    PG.brandKind: BrandKind,
}


def declared_pg_terms() -> set[URIRef]:
    return {
        s
        for t in TERM_TYPES
        for s in ONTOLOGY.subjects(RDF.type, t)
        if isinstance(s, URIRef) and s.startswith(str(PG))
    }


def test_ontology_parses_and_names_itself() -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONTOLOGY
    assert len(declared_pg_terms()) > 40


def test_every_pg_term_has_english_and_chinese_labels_and_a_comment() -> None:
    for term in declared_pg_terms():
        labels = {
            label.language
            for label in ONTOLOGY.objects(term, RDFS.label)
            if isinstance(label, Literal)
        }
        assert {"en", "zh"} <= labels, term
        assert ONTOLOGY.value(term, RDFS.comment) is not None, term


def test_every_python_term_is_declared_in_the_ontology() -> None:
    python_terms = {PG[name] for name in PG.__annotations__}
    assert python_terms == declared_pg_terms()


def test_every_node_kind_maps_to_a_declared_class() -> None:
    assert set(CLASS_OF) == set(NodeKind)
    assert len(set(CLASS_OF.values())) == len(NodeKind)
    for kind, cls in CLASS_OF.items():
        assert (cls, RDF.type, OWL.Class) in ONTOLOGY, kind
        assert NODE_KIND_OF[cls] is kind


def test_every_rel_kind_maps_to_a_declared_object_property() -> None:
    assert set(PREDICATE_OF) == set(RelKind)
    assert len(set(PREDICATE_OF.values())) == len(RelKind)
    for kind, predicate in PREDICATE_OF.items():
        assert (predicate, RDF.type, OWL.ObjectProperty) in ONTOLOGY, kind
        assert REL_KIND_OF[predicate] is kind


def test_agency_is_an_org_organization() -> None:
    assert (PG.Agency, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in ONTOLOGY


@pytest.mark.parametrize("datatype", list(ENUM_OF_DATATYPE))
def test_enumerated_datatypes_equal_the_python_enums(datatype: URIRef) -> None:
    restriction = ONTOLOGY.value(datatype, OWL.equivalentClass)
    assert restriction is not None
    members = ONTOLOGY.value(restriction, OWL.oneOf)
    assert members is not None
    values = [str(v) for v in Collection(ONTOLOGY, members)]
    assert values == [member.value for member in ENUM_OF_DATATYPE[datatype]]


def test_document_kind_has_a_chinese_name_for_every_member() -> None:
    assert set(DOCUMENT_KIND_ZH) == set(DocumentKind)


def test_shapes_parse_and_use_only_declared_terms() -> None:
    assert set(SHAPES.subjects(RDF.type, SH.NodeShape))
    used = {
        term
        for triple in SHAPES
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(PG))
    }
    assert used <= declared_pg_terms()


def test_shape_value_lists_equal_the_python_enums() -> None:
    checked = set()
    for shape in SHAPES.subjects(SH["in"], None):
        path, members = SHAPES.value(shape, SH.path), SHAPES.value(shape, SH["in"])
        assert isinstance(path, URIRef)
        assert members is not None
        values = [str(v) for v in Collection(SHAPES, members)]
        assert values == [member.value for member in ENUM_OF_PROPERTY[path]], path
        checked.add(path)
    assert checked == set(ENUM_OF_PROPERTY)


# -- SHACL on small hand-built graphs --------------------------------------------------

PLAN, SOURCE, TASK, EVIDENCE = (
    ID["plan/p"],
    ID["source/s.txt"],
    ID["task/t"],
    ID["evidence/s.txt/0-5"],
)
TARGET, AGENCY, REGION = ID["target/g"], ID["agency/city-a"], ID["region/r"]


def minimal_graph() -> Graph:
    """A plan, its source, a task with evidence and a lead agency, and a target."""
    g = Graph()
    zh = lambda text: Literal(text, lang="zh")  # noqa: E731
    for triple in [
        (PLAN, RDF.type, PG.Plan),
        (PLAN, DCTERMS.title, zh("行动计划")),
        (PLAN, PG.kind, Literal("action_plan")),
        (SOURCE, RDF.type, PG.Source),
        (SOURCE, PG.fileName, Literal("s.txt")),
        (SOURCE, PG.reports, PLAN),
        (PLAN, PG.hasTask, TASK),
        (TASK, RDF.type, PG.Task),
        (TASK, PG.taskId, zh("一")),
        (TASK, PG.hasEvidence, EVIDENCE),
        (EVIDENCE, RDF.type, PG.Evidence),
        (EVIDENCE, PROV.wasDerivedFrom, SOURCE),
        (EVIDENCE, PG.spanStart, Literal(0)),
        (EVIDENCE, PG.spanEnd, Literal(5)),
        (EVIDENCE, PG.sentence, zh("实施品牌战略。")),
        (AGENCY, RDF.type, PG.Agency),
        (AGENCY, SKOS.prefLabel, zh("市市场监管局")),
        (AGENCY, PG.level, Literal("city")),
        (AGENCY, PG.inRegion, REGION),
        (AGENCY, PG.leads, TASK),
        (REGION, RDF.type, PG.Region),
        (REGION, SKOS.prefLabel, zh("济南市")),
        (TASK, PG.hasTarget, TARGET),
        (TARGET, RDF.type, PG.Target),
        (TARGET, PG.metric, zh("新增省长质量奖")),
        (TARGET, PG.deadlineYear, Literal("2025", datatype=XSD.gYear)),
        (TARGET, PG.value, Literal("1.0", datatype=XSD.decimal)),
    ]:
        g.add(triple)
    return g


def focus_of_violations(g: Graph) -> set[tuple[str, str | None]]:
    report = validate(g)
    assert not report.conforms
    assert report.violations == len(report.results)
    return {(r.focus, r.path) for r in report.results}


def test_minimal_graph_conforms() -> None:
    report = validate(minimal_graph())
    assert report.conforms, report.text
    assert report.violations == 0


def test_task_without_evidence_is_a_violation() -> None:
    g = minimal_graph()
    g.remove((TASK, PG.hasEvidence, EVIDENCE))
    assert ("id:task/t", "pg:hasEvidence") in focus_of_violations(g)


def test_target_without_year_is_valid_but_a_yearly_quota_has_no_year() -> None:
    g = minimal_graph()
    g.add((TARGET, PG.perYear, Literal(True)))
    assert ("id:target/g", None) in focus_of_violations(g)
    g.remove((TARGET, PG.deadlineYear, None))
    assert validate(g).conforms
    g.remove((TARGET, PG.perYear, None))
    assert validate(g).conforms  # a target without a year is a target without a year


def test_target_needs_a_value_or_the_qualitative_marker_but_not_both() -> None:
    g = minimal_graph()
    g.remove((TARGET, PG.value, None))
    assert ("id:target/g", None) in focus_of_violations(g)
    g.add((TARGET, PG.qualitative, Literal(True)))
    assert validate(g).conforms
    g.add((TARGET, PG.value, Literal("1.0", datatype=XSD.decimal)))
    assert ("id:target/g", None) in focus_of_violations(g)


def test_lead_agency_may_have_no_level_or_region_but_at_most_one_region() -> None:
    g = minimal_graph()
    g.remove((AGENCY, PG.level, None))
    g.remove((AGENCY, PG.inRegion, None))
    assert validate(g).conforms  # what the document does not say is left out, not invented
    g.add((AGENCY, PG.inRegion, REGION))
    g.add((AGENCY, PG.inRegion, ID["region/other"]))
    g.add((ID["region/other"], RDF.type, PG.Region))
    g.add((ID["region/other"], SKOS.prefLabel, Literal("德州市", lang="zh")))
    assert ("id:agency/city-a", "pg:inRegion") in focus_of_violations(g)


def test_evidence_span_must_not_end_before_it_starts() -> None:
    g = minimal_graph()
    g.set((EVIDENCE, PG.spanStart, Literal(9)))
    assert ("id:evidence/s.txt/0-5", "pg:spanStart") in focus_of_violations(g)


def test_funding_needs_amount_and_unit() -> None:
    g = minimal_graph()
    funding = ID["funding/f"]
    g.add((funding, RDF.type, PG.Funding))
    g.add((PLAN, PG.hasFunding, funding))
    found = focus_of_violations(g)
    assert {("id:funding/f", "pg:amount"), ("id:funding/f", "pg:unit")} <= found


def test_plan_needs_a_kind_and_a_source_unless_another_plan_implements_it() -> None:
    g = minimal_graph()
    parent = ID["plan/parent"]
    g.add((parent, RDF.type, PG.Plan))
    g.add((parent, DCTERMS.title, Literal("若干措施", lang="zh")))
    assert ("id:plan/parent", None) in focus_of_violations(g)
    g.add((PLAN, PG.implements, parent))
    assert validate(g).conforms


def test_plan_needs_a_title_or_a_label() -> None:
    g = minimal_graph()
    g.remove((PLAN, DCTERMS.title, None))
    assert ("id:plan/p", None) in focus_of_violations(g)
    g.add((PLAN, RDFS.label, Literal("德州市实施意见", lang="zh")))
    assert validate(g).conforms
