"""A fact that breaks a shape is reported and left out; the rest of the corpus builds."""

from __future__ import annotations

import json
from pathlib import Path

from rdf_fixtures import ALL, JINAN, evidence
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from graph.admit import admit
from graph.build import EXTRACTIONS, TURTLE, write_build
from graph.rdf import build_graph, serialize
from graph.validate import validate
from ontology import identity as ident
from ontology.model import Agency, Extraction, Funding, Target, Task
from ontology.vocab import PG

SOURCE = "r99_broken.txt"
BROKEN_SENTENCE = "由市商务局牵头，做好老字号保护工作。"
GOOD_SENTENCE = "由市市场监管局牵头，开展品牌培育。"


def _broken() -> Extraction:
    """Two good facts and three broken ones: a task whose evidence span ends before it
    starts, a funding promise of a negative amount, an agency whose evidence is reversed."""
    good = Task(id="一", lead=("市市场监管局",), evidence=evidence(SOURCE, 0, 17, GOOD_SENTENCE))
    broken = Task(id="二", lead=("市商务局",), evidence=evidence(SOURCE, 60, 40, BROKEN_SENTENCE))
    return JINAN.model_copy(update={
        "source": SOURCE,
        "document": JINAN.document.model_copy(update={"title": "某市品牌建设工作方案"}),
        "tasks": (good, broken),
        "targets": (Target(task="二", year=None, metric="认定老字号", value=10, unit="家",
                           evidence=evidence(SOURCE, 70, 80, "认定老字号10家。")),),
        "funding": (Funding(amount=-5, unit="万元",
                            evidence=evidence(SOURCE, 90, 99, "给予-5万元奖励。")),),
        "brands": (),
        "agencies": (Agency(name="市商务局", evidence=evidence(SOURCE, 120, 110, "市商务局")),),
    })


def test_a_valid_corpus_is_admitted_whole() -> None:
    admitted = admit(ALL)
    assert admitted.rejected == ()
    assert admitted.extractions == ALL
    assert serialize(admitted.graph, "turtle") == serialize(build_graph(ALL), "turtle")


def test_broken_facts_are_reported_and_left_out_and_the_rest_builds() -> None:
    admitted = admit([*ALL, _broken()])
    assert admitted.report.conforms
    assert validate(admitted.graph).conforms
    lines = [str(r) for r in admitted.rejected]
    assert len(lines) == 3, lines
    task_line = next(line for line in lines if "task 二" in line)
    assert task_line.startswith(f"{SOURCE}: left out task 二")
    assert BROKEN_SENTENCE in task_line
    assert "span start, not after its span end" in task_line
    assert any(line.startswith(f"{SOURCE}: left out funding -5万元") and "above zero" in line
               for line in lines), lines
    assert any(line.startswith(f"{SOURCE}: left out agency 市商务局") for line in lines), lines
    # what was left out is gone; the other documents and the good task are all there
    plan = ident.plan_key(_broken().document, SOURCE)
    graph = admitted.graph
    assert (None, PG.hasTask, ident.iri(ident.task_key(plan, "一"))) in graph
    assert (None, PG.hasTask, ident.iri(ident.task_key(plan, "二"))) not in graph
    assert len(list(graph.subjects(RDF.type, PG.Funding))) == 1  # Jinan's, not the broken one
    assert set(build_graph(ALL)) <= set(graph)


def test_a_target_of_a_task_left_out_stays_on_its_plan() -> None:
    admitted = admit([_broken()])
    plan = ident.plan_key(_broken().document, SOURCE)
    target = ident.iri(ident.target_key(plan, "认定老字号", None, 10))
    assert (ident.iri(plan), PG.hasTarget, target) in admitted.graph


def test_an_agency_left_out_as_a_record_is_kept_where_a_task_names_it() -> None:
    # the agency record broke a shape (its evidence); a task that names it still names it
    extraction = _broken().model_copy(update={"tasks": (
        Task(id="三", lead=("市商务局",), evidence=evidence(SOURCE, 0, 5, "市商务局牵头。")),)})
    admitted = admit([extraction])
    assert {r.what for r in admitted.rejected} == {"funding -5万元", "agency 市商务局"}
    names = set(admitted.graph.objects(None, SKOS.prefLabel))
    assert Literal("市商务局", lang="zh") in names


def test_admission_does_not_depend_on_input_order() -> None:
    forward = admit([*ALL, _broken()])
    backward = admit([_broken(), *reversed(ALL)])
    assert [str(r) for r in forward.rejected] == [str(r) for r in backward.rejected]
    assert serialize(forward.graph, "turtle") == serialize(backward.graph, "turtle")


def test_build_writes_the_valid_graph_and_what_it_was_built_from(tmp_path: Path) -> None:
    built = write_build([*ALL, _broken()], tmp_path)
    assert len(built.rejected) == 3
    assert built.documents == len(ALL) + 1
    graph = Graph().parse(tmp_path / TURTLE, format="turtle")
    assert validate(graph).conforms
    kept = json.loads((tmp_path / EXTRACTIONS).read_text(encoding="utf-8"))
    broken = next(e for e in kept if e["source"] == SOURCE)
    assert [t["id"] for t in broken["tasks"]] == ["一"]
    assert broken["funding"] == []
    assert not list(tmp_path.glob("*.tmp"))
    # rebuilding from what was written gives the same graph
    again = write_build([Extraction.model_validate(e) for e in kept], tmp_path / "again")
    assert again.rejected == ()
    assert (tmp_path / "again" / TURTLE).read_bytes() == (tmp_path / TURTLE).read_bytes()


def test_reported_sentence_is_one_short_line() -> None:
    long_sentence = "由市商务局牵头，\n做好老字号保护工作" + "。" * 200
    extraction = _broken().model_copy(update={"tasks": (
        Task(id="二", lead=(), evidence=evidence(SOURCE, 9, 1, long_sentence)),)})
    (line,) = [str(r) for r in admit([extraction]).rejected if "task" in r.what]
    assert "\n" not in line
    assert "由市商务局牵头， 做好老字号保护工作" in line
    assert len(line) < 250
