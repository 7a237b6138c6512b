"""The cascade: child tasks aligned to parent measures, scored, and built as Alignment nodes."""

from __future__ import annotations

import random

from rdf_fixtures import ALL, DEZHOU, DEZHOU_SOURCE, PROVINCE, PROVINCE_SOURCE, PROVINCE_TITLE, evidence
from rdflib import Literal

from graph.cascade import DIGITS, THRESHOLD, Link, TaskText, align, best_per_child, scores
from graph.property_graph import from_rdf
from graph.rdf import build_graph, serialize
from graph.rdf_cascade import alignments, measures_of, parent_key, task_text
from graph.rows import JOINT, provenance
from ontology import identity as ident
from ontology.model import DocumentKind, DocumentMeta, Extraction, NodeKind, RelKind, Task
from ontology.vocab import PG

PARENTS = [TaskText("p/brand", "构建品牌体系", "提出构建品牌体系，强化品牌的系统性、完整性"),
           TaskText("p/standard", "打造标准体系", "提出打造标准体系，引领品牌的规范性"),
           TaskText("p/lead", "加强组织领导", "提出加强组织领导，加强上下联动")]
CHILDREN = [TaskText("c/1", "大力实施标准化战略，科学打造标准体系", "鼓励企业参与标准制修订"),
            TaskText("c/2", "加强组织领导，建立综合协调机制", "统筹领导品牌建设"),
            TaskText("c/3", "开展农村人居环境整治", "推进厕所革命和垃圾分类")]


def test_a_restated_measure_scores_above_the_threshold_and_an_unrelated_task_below() -> None:
    links = align(CHILDREN, PARENTS)
    assert {(link.child, link.parent) for link in links} == {("c/1", "p/standard"),
                                                             ("c/2", "p/lead")}
    assert all(THRESHOLD <= link.score <= 1 for link in links)
    table = scores(CHILDREN, PARENTS)
    assert max(table[2]) < THRESHOLD  # 人居环境 carries out none of them


def test_scores_are_rounded_and_the_same_in_any_input_order() -> None:
    links = align(CHILDREN, PARENTS)
    shuffled = CHILDREN[::-1], PARENTS[::-1]
    assert align(*shuffled) == links
    assert all(round(link.score, DIGITS) == link.score for link in links)


def test_who_does_it_is_not_what_is_done() -> None:
    named = TaskText("c/x", "科学打造标准体系", "科学打造标准体系。（责任单位:市市场监管局、市商务局）",
                     agencies=("市市场监管局", "市商务局"))
    bare = TaskText("c/x", "科学打造标准体系", "科学打造标准体系。（责任单位:、）")
    assert named.text() == bare.text()
    assert scores([named], PARENTS) == scores([bare], PARENTS)


def test_nothing_to_align_gives_nothing() -> None:
    assert align([], PARENTS) == [] and align(CHILDREN, []) == []
    assert scores([TaskText("c", None)], [TaskText("p", "")]) == [[0.0]]


def test_the_threshold_is_a_floor() -> None:
    assert align(CHILDREN, PARENTS, threshold=1.01) == []
    assert len(align(CHILDREN, PARENTS, threshold=0.0)) == len(CHILDREN) * len(PARENTS)


def test_best_per_child() -> None:
    links = [Link("c", "p1", 0.4), Link("c", "p2", 0.6), Link("d", "p1", 0.5), Link("d", "p0", 0.5)]
    assert best_per_child(links) == {"c": Link("c", "p2", 0.6), "d": Link("d", "p0", 0.5)}


# -- the build ------------------------------------------------------------------------------

PLAN_OF = ident.resolve_plan_keys(ALL)
DEZHOU_TASK = ident.task_key(PLAN_OF[DEZHOU_SOURCE], "二.(一)")
PROVINCE_MEASURE = ident.task_key(PLAN_OF[PROVINCE_SOURCE], "一")
INTERPRETATION = Extraction(
    source="000_reading.txt",
    document=DocumentMeta(title="部门解读|" + PROVINCE_TITLE, kind=DocumentKind.INTERPRETATION,
                          region="山东省", implements=(PROVINCE_TITLE,)),
    tasks=(Task(id="三.1", title="打造标准体系",
                evidence=evidence("000_reading.txt", 10, 16, "提出打造标准体系，引领品牌的规范性")),
           Task(id="三.2", title="构建品牌体系",
                evidence=evidence("000_reading.txt", 30, 36, "提出构建品牌体系，强化品牌的系统性"))),
)


def test_a_plan_has_its_own_tasks_and_those_its_interpretations_restate_as_measures() -> None:
    extractions = (*ALL, INTERPRETATION)
    plan_of = ident.resolve_plan_keys(extractions)
    found = measures_of(parent_key(PROVINCE_TITLE), extractions, plan_of)
    reading = plan_of["000_reading.txt"]
    assert sorted(found) == sorted([PROVINCE_MEASURE, ident.task_key(reading, "三.1"),
                                    ident.task_key(reading, "三.2")])


def test_an_implementing_plan_is_aligned_and_an_interpretation_is_not_a_child() -> None:
    extractions = (*ALL, INTERPRETATION)
    plan_of = ident.resolve_plan_keys(extractions)
    links = alignments(extractions, plan_of)
    assert {x.source for _, (x, _), _ in links} == {DEZHOU_SOURCE}
    reading_brand = ident.task_key(plan_of["000_reading.txt"], "三.2")
    pairs = {(link.child, link.parent) for link, _, _ in links}
    assert pairs == {(DEZHOU_TASK, PROVINCE_MEASURE), (DEZHOU_TASK, reading_brand)}


def test_an_alignment_node_ties_two_tasks_with_a_score_and_both_sentences() -> None:
    graph = build_graph(ALL)
    node = ident.iri(ident.alignment_key(DEZHOU_TASK, PROVINCE_MEASURE))
    assert graph.value(node, PG.implementingTask) == ident.iri(DEZHOU_TASK)
    assert graph.value(node, PG.implementedMeasure) == ident.iri(PROVINCE_MEASURE)
    score = graph.value(node, PG.score)
    assert isinstance(score, Literal) and THRESHOLD <= float(score) <= 1
    sentences = {str(graph.value(e, PG.sentence)) for e in graph.objects(node, PG.hasEvidence)}
    assert sentences == {DEZHOU.tasks[0].evidence.sentence,  # type: ignore[union-attr]
                         PROVINCE.tasks[0].evidence.sentence}  # type: ignore[union-attr]


def test_an_alignment_belongs_to_the_documents_of_both_sentences() -> None:
    pg = from_rdf(build_graph(ALL))
    key = ident.alignment_key(DEZHOU_TASK, PROVINCE_MEASURE)
    assert [n.kind for n in pg.nodes if n.key == key] == [NodeKind.ALIGNMENT]
    assert provenance(pg).nodes[key] == (PROVINCE_SOURCE, DEZHOU_SOURCE)
    kinds = {r.kind for r in pg.rels if r.start == key}
    assert kinds == {RelKind.IMPLEMENTING_TASK, RelKind.IMPLEMENTED_MEASURE, RelKind.HAS_EVIDENCE}
    # its links are stated by both documents too (a joint node's links are not narrowed),
    # while each task stays its own document's
    prov = provenance(pg)
    assert NodeKind.ALIGNMENT in JOINT
    assert {prov.rels[(r.kind, r.start, r.end)] for r in pg.rels if r.start == key} == {
        (PROVINCE_SOURCE, DEZHOU_SOURCE)}
    assert prov.nodes[PROVINCE_MEASURE] == (PROVINCE_SOURCE,)
    assert prov.nodes[DEZHOU_TASK] == (DEZHOU_SOURCE,)


def test_alignments_are_built_the_same_whatever_the_order_of_documents() -> None:
    shuffled = list(ALL)
    random.Random(7).shuffle(shuffled)
    assert serialize(build_graph(shuffled), "turtle") == serialize(build_graph(ALL), "turtle")


def test_a_child_of_no_known_parent_is_aligned_to_nothing() -> None:
    alone = DEZHOU.model_copy(update={"document": DEZHOU.document.model_copy(
        update={"implements": ("另一份没有收录的文件",)})})
    extractions = (alone, PROVINCE)
    assert alignments(extractions, ident.resolve_plan_keys(extractions)) == []
    assert task_text("k", alone.tasks[0]).agencies == ("市市场监管局", "德州海关", "市发展改革委")
