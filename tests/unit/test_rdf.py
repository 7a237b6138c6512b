"""RDF build: merging, identity, validity, determinism and round trips."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdf_fixtures import (
    ALL,
    ALL_COUNTS,
    COPY_SOURCE,
    DEZHOU,
    DEZHOU_SOURCE,
    JINAN,
    JINAN_COPY,
    JINAN_SOURCE,
    JINAN_TITLE,
    PROVINCE,
    PROVINCE_TITLE,
    evidence,
)
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from graph.errors import GraphError, UnsupportedFormat, ValidationFailed
from graph.rdf import build_graph, graph_summary, serialize
from graph.validate import require_valid, validate
from ontology import identity as ident
from ontology.model import DocumentKind, DocumentMeta, Extraction, GovLevel, Target, Task
from ontology.vocab import PG, load_ontology

GRAPH = build_graph(ALL)
JINAN_PLAN = ident.iri(ident.plan_key(JINAN.document, JINAN_SOURCE))
DEZHOU_PLAN = ident.iri(ident.plan_key(DEZHOU.document, DEZHOU_SOURCE))
PROVINCE_PLAN = ident.iri(ident.plan_key(DocumentMeta(title=PROVINCE_TITLE), ""))


def agency(region: str, name: str, level: GovLevel = GovLevel.CITY) -> URIRef:
    return ident.iri(ident.agency_key(region, level, name))


def test_built_graph_conforms_to_the_shapes() -> None:
    report = require_valid(GRAPH)
    assert report.conforms
    assert report.violations == 0


def test_summary_counts() -> None:
    assert graph_summary(GRAPH) == ALL_COUNTS


def test_summary_of_an_empty_graph_is_all_zero() -> None:
    assert set(graph_summary(build_graph([])).values()) == {0}


def test_no_blank_nodes() -> None:
    assert not any(isinstance(term, BNode) for triple in GRAPH for term in triple)


def test_duplicate_sources_report_one_plan() -> None:
    reporters = set(GRAPH.subjects(PG.reports, JINAN_PLAN))
    assert reporters == {ident.iri(ident.source_key(s)) for s in (JINAN_SOURCE, COPY_SOURCE)}
    # the original's wording of the title wins over the copy's full-width brackets
    assert list(GRAPH.objects(JINAN_PLAN, DCTERMS.title)) == [Literal(JINAN_TITLE, lang="zh")]


def test_merged_task_carries_evidence_from_both_sources() -> None:
    task = ident.iri(ident.task_key(ident.plan_key(JINAN.document, JINAN_SOURCE), "三.1"))
    sources = {GRAPH.value(ev, PROV.wasDerivedFrom) for ev in GRAPH.objects(task, PG.hasEvidence)}
    assert sources == {ident.iri(ident.source_key(s)) for s in (JINAN_SOURCE, COPY_SOURCE)}
    assert (JINAN_PLAN, PG.hasTask, task) in GRAPH


def test_same_named_agencies_of_two_cities_stay_apart() -> None:
    jinan, dezhou = agency("济南市", "市市场监管局"), agency("德州市", "市市场监管局")
    assert jinan != dezhou
    assert GRAPH.value(jinan, PG.inRegion) == ident.iri(ident.region_key("济南市"))
    assert GRAPH.value(dezhou, PG.inRegion) == ident.iri(ident.region_key("德州市"))
    jinan_plans = {GRAPH.value(None, PG.hasTask, t) for t in GRAPH.objects(jinan, PG.leads)}
    dezhou_plans = {GRAPH.value(None, PG.hasTask, t) for t in GRAPH.objects(dezhou, PG.leads)}
    assert jinan_plans == {JINAN_PLAN}
    assert dezhou_plans == {DEZHOU_PLAN}


def test_lead_named_by_alias_resolves_to_the_canonical_agency() -> None:
    jinan = agency("济南市", "市市场监管局")
    assert len(set(GRAPH.objects(jinan, PG.leads))) == 2
    assert Literal("济南市市场监督管理局", lang="zh") in set(GRAPH.objects(jinan, SKOS.altLabel))


def test_plan_metadata() -> None:
    assert GRAPH.value(JINAN_PLAN, PG.kind) == Literal("action_plan")
    assert GRAPH.value(JINAN_PLAN, PG.periodStart) == Literal("2020", datatype=XSD.gYear)
    assert GRAPH.value(JINAN_PLAN, PG.issuedBy) == agency("济南市", "济南市人民政府")
    assert GRAPH.value(JINAN_PLAN, PG.governs) == ident.iri(ident.region_key("济南市"))
    assert GRAPH.value(DEZHOU_PLAN, DCTERMS.issued) == Literal("2021-09-02", datatype=XSD.date)
    assert GRAPH.value(PROVINCE_PLAN, DCTERMS.identifier) == Literal(
        "鲁政字〔2021〕25号", lang="zh"
    )


def test_untitled_plan_gets_a_label_from_region_kind_and_source() -> None:
    assert GRAPH.value(DEZHOU_PLAN, DCTERMS.title) is None
    assert GRAPH.value(DEZHOU_PLAN, RDFS.label) == Literal(
        "德州市实施意见（001_dezhou）", lang="zh"
    )


def test_implements_links_to_the_extracted_parent_plan() -> None:
    assert (DEZHOU_PLAN, PG.implements, PROVINCE_PLAN) in GRAPH
    assert GRAPH.value(PROVINCE_PLAN, PG.kind) == Literal("measures")
    # 《》 around the extracted title are dropped, so both spellings are one node
    assert list(GRAPH.objects(PROVINCE_PLAN, DCTERMS.title)) == [Literal(PROVINCE_TITLE, lang="zh")]


def test_parent_plan_known_only_by_title_is_a_valid_node() -> None:
    graph = build_graph([JINAN, DEZHOU])
    assert (DEZHOU_PLAN, PG.implements, PROVINCE_PLAN) in graph
    assert graph.value(PROVINCE_PLAN, DCTERMS.title) == Literal(PROVINCE_TITLE, lang="zh")
    assert graph.value(PROVINCE_PLAN, PG.kind) is None
    assert graph_summary(graph)["plans"] == 3
    assert validate(graph).conforms


def test_target_markers() -> None:
    dezhou_task = ident.task_key(ident.plan_key(DEZHOU.document, DEZHOU_SOURCE), "二.(一)")
    quota = ident.iri(ident.target_key(dezhou_task, "每年培育星级上云企业", None, 50))
    vague = ident.iri(ident.target_key(dezhou_task, "品牌竞争力位居全省前列", 2025, None))
    assert GRAPH.value(quota, PG.perYear) == Literal(True)
    assert GRAPH.value(quota, PG.value) == Literal("50.0", datatype=XSD.decimal)
    assert GRAPH.value(vague, PG.qualitative) == Literal(True)
    assert GRAPH.value(vague, PG.deadlineYear) == Literal("2025", datatype=XSD.gYear)


def test_target_without_a_task_hangs_off_the_plan() -> None:
    plan_key = ident.plan_key(JINAN.document, JINAN_SOURCE)
    target = ident.iri(ident.target_key(plan_key, "服务业顾客满意度", 2022, 88.5))
    assert (JINAN_PLAN, PG.hasTarget, target) in GRAPH
    assert GRAPH.value(target, PG.value) == Literal("88.5", datatype=XSD.decimal)


def test_every_term_of_the_built_graph_is_in_the_ontology() -> None:
    ontology = load_ontology()
    declared = set(ontology.subjects(RDF.type, None))
    predicates = set(GRAPH.predicates()) - {RDF.type, RDFS.label}
    assert predicates <= declared
    for cls in set(GRAPH.objects(None, RDF.type)):
        assert (cls, RDF.type, OWL.Class) in ontology


def test_serialisation_is_byte_identical_across_builds() -> None:
    for fmt in ("turtle", "json-ld"):
        assert serialize(build_graph(ALL), fmt) == serialize(build_graph(ALL), fmt)


def test_serialisation_does_not_depend_on_input_order() -> None:
    expected = {fmt: serialize(GRAPH, fmt) for fmt in ("turtle", "json-ld")}
    for order in itertools.permutations(ALL):
        graph = build_graph(order)
        for fmt, data in expected.items():
            assert serialize(graph, fmt) == data, [x.source for x in order]


def test_serialisation_does_not_depend_on_hash_seed() -> None:
    script = (
        "import sys; from rdf_fixtures import ALL; from graph.rdf import build_graph, serialize; "
        "sys.stdout.buffer.write(serialize(build_graph(ALL), 'turtle'))"
    )
    here = Path(__file__).parent
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(here)}
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, check=True
        )
        outputs.add(run.stdout)
    assert outputs == {serialize(GRAPH, "turtle")}


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_round_trip_is_isomorphic(fmt: str) -> None:
    parsed = Graph().parse(data=serialize(GRAPH, fmt).decode("utf-8"), format=fmt)
    assert isomorphic(parsed, GRAPH)


def test_unsupported_format_is_a_graph_error() -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        serialize(GRAPH, "xml")
    assert isinstance(caught.value, GraphError)
    assert isinstance(caught.value, ValueError)


def _without_task_evidence() -> Extraction:
    tasks = tuple(task.model_copy(update={"evidence": None}) for task in PROVINCE.tasks)
    return PROVINCE.model_copy(update={"tasks": tasks})


def test_require_valid_names_the_task_without_evidence() -> None:
    graph = build_graph([_without_task_evidence()])
    with pytest.raises(ValidationFailed) as caught:
        require_valid(graph)
    assert caught.value.report.violations == 1
    assert "id:task/" in str(caught.value)
    assert "evidence" in str(caught.value)


def test_span_ending_before_its_start_is_caught() -> None:
    broken = Task(
        id="一",
        lead=("省市场监管局",),
        evidence=evidence("000_province.txt", 30, 20, "构建品牌体系。"),
    )
    report = validate(build_graph([PROVINCE.model_copy(update={"tasks": (broken,)})]))
    assert not report.conforms
    assert any(result.path == "pg:spanStart" for result in report.results)


def _unknown_region(source: str, title: str) -> Extraction:
    """A notice that names 市市场监管局 as lead and has a target, but no region or year."""
    task = Task(id="一", lead=("市市场监管局",),
                evidence=evidence(source, 0, 9, "市市场监管局牵头负责。"))
    target = Target(metric="新增注册商标", value=100, unit="件", evidence=evidence(
        source, 10, 20, "新增注册商标100件。"))
    return Extraction(source=source, document=DocumentMeta(title=title, kind=DocumentKind.NOTICE),
                      tasks=(task,), targets=(target,))


def test_agencies_of_two_documents_of_unknown_region_stay_apart() -> None:
    graph = build_graph([_unknown_region("a.txt", "甲通知"), _unknown_region("b.txt", "乙通知")])
    leads = set(graph.subjects(PG.leads, None))
    assert len(leads) == 2
    for lead in leads:
        assert graph.value(lead, SKOS.prefLabel) == Literal("市市场监管局", lang="zh")
        assert graph.value(lead, PG.inRegion) is None
        assert graph.value(lead, PG.level) is None
        plans = {graph.value(None, PG.hasTask, task) for task in graph.objects(lead, PG.leads)}
        assert len(plans) == 1
    assert validate(graph).conforms


def test_agency_of_unknown_region_is_one_node_within_its_plan() -> None:
    # the copy of a plan (its duplicate) names the same 市市场监管局 as the original
    original = _unknown_region("a.txt", "甲通知")
    copy = _unknown_region("b.txt", "甲通知（转载）").model_copy(
        update={"document": DocumentMeta(title="甲通知（转载）", duplicate_of="a")})
    graph = build_graph([original, copy])
    assert len(set(graph.subjects(PG.leads, None))) == 1


def test_target_without_a_year_builds_as_a_target_without_a_year() -> None:
    graph = build_graph([_unknown_region("a.txt", "甲通知")])
    report = validate(graph)
    assert report.conforms, report.results
    (target,) = graph.subjects(RDF.type, PG.Target)
    assert graph.value(target, PG.deadlineYear) is None
    assert graph.value(target, PG.perYear) is None
    assert graph.value(target, PG.metric) == Literal("新增注册商标", lang="zh")


def test_copy_alone_is_its_own_plan() -> None:
    graph = build_graph([JINAN_COPY])
    assert graph_summary(graph)["plans"] == 1
    assert validate(graph).conforms
