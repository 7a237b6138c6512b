"""Loader rows and their sources, from the hand-made extractions (no server)."""

from __future__ import annotations

from collections import Counter

import pytest
from rdf_fixtures import ALL, COPY_SOURCE, DEZHOU_SOURCE, JINAN_SOURCE, PROVINCE_SOURCE

from graph import cypher_write as q
from graph.errors import GraphError
from graph.property_graph import NodeRow, PropertyGraph, RelRow, from_rdf
from graph.rdf import build_graph
from graph.rows import (
    STATED_BY,
    batches,
    node_fields,
    node_rows,
    provenance,
    rel_fields,
    rel_ids,
    rel_rows,
)
from ontology.model import NodeKind, RelKind

JINAN_DOCS = [JINAN_SOURCE, COPY_SOURCE]


@pytest.fixture(scope="module")
def graph() -> PropertyGraph:
    return from_rdf(build_graph(ALL))


def _node(graph: PropertyGraph, kind: NodeKind, **props: object) -> NodeRow:
    (node,) = [
        n for n in graph.nodes
        if n.kind is kind and all(n.props.get(k) == v for k, v in props.items())
    ]
    return node


def _sources(graph: PropertyGraph, kind: NodeKind, **props: object) -> list[str]:
    key = _node(graph, kind, **props).key
    rows = node_rows(graph)[kind]
    return next(row["sources"] for row in rows if row["key"] == key)


def _rel_sources(graph: PropertyGraph, kind: RelKind, start: str, end: str) -> list[str]:
    for group, rows in rel_rows(graph).items():
        for row in rows:
            if group[0] is kind and (row["start"], row["end"]) == (start, end):
                return list(row["sources"])
    raise AssertionError(f"no {kind} {start} -> {end}")


def test_every_relationship_type_says_which_end_states_it() -> None:
    assert set(STATED_BY) == set(RelKind)


def test_node_rows_group_by_label_and_carry_the_key_in_props(graph: PropertyGraph) -> None:
    rows = node_rows(graph)
    assert {kind: len(group) for kind, group in rows.items()} == Counter(
        n.kind for n in graph.nodes
    )
    for group in rows.values():
        for row in group:
            assert row["props"]["key"] == row["key"]
            assert q.SOURCES not in row["props"]
            assert row["sources"] == sorted(row["sources"]) and row["sources"]


def test_rel_rows_group_by_type_and_end_labels(graph: PropertyGraph) -> None:
    rows = rel_rows(graph)
    assert sum(map(len, rows.values())) == len(graph.rels)
    # A target hangs off a task or, when no task is known, off the plan: two groups.
    assert (RelKind.HAS_TARGET, NodeKind.TASK, NodeKind.TARGET) in rows
    assert (RelKind.HAS_TARGET, NodeKind.PLAN, NodeKind.TARGET) in rows
    assert all(row["sources"] for group in rows.values() for row in group)


def test_a_source_is_its_own_document_and_its_evidence_too(graph: PropertyGraph) -> None:
    assert _sources(graph, NodeKind.SOURCE, fileName=DEZHOU_SOURCE) == [DEZHOU_SOURCE]
    evidence = _node(graph, NodeKind.EVIDENCE, sentence="实施标准引领工程。")
    assert provenance(graph).nodes[evidence.key] == (JINAN_SOURCE,)


def test_a_task_one_copy_states_belongs_to_that_copy(graph: PropertyGraph) -> None:
    assert _sources(graph, NodeKind.TASK, title="实施品牌培育工程") == JINAN_DOCS
    assert _sources(graph, NodeKind.TASK, title="实施标准引领工程") == [JINAN_SOURCE]


def test_a_lead_belongs_to_every_document_of_its_task(graph: PropertyGraph) -> None:
    # The copy names Jinan's 市市场监管局 without evidence: it still states the lead.
    task = _node(graph, NodeKind.TASK, title="实施品牌培育工程")
    agency = _node(graph, NodeKind.AGENCY, name="市市场监管局", aliases=["济南市市场监督管理局"])
    assert _rel_sources(graph, RelKind.LEADS, agency.key, task.key) == JINAN_DOCS
    assert provenance(graph).nodes[agency.key] == tuple(JINAN_DOCS)


def test_shared_nodes_belong_to_every_document_naming_them(graph: PropertyGraph) -> None:
    assert _sources(graph, NodeKind.BRAND, name="好品山东") == [DEZHOU_SOURCE, *JINAN_DOCS]
    # The provincial measures: reported by 000, implemented by Dezhou's opinion.
    province = _sources(graph, NodeKind.PLAN, title=_province_title(graph))
    assert province == [PROVINCE_SOURCE, DEZHOU_SOURCE]
    assert _sources(graph, NodeKind.AGENCY, name="德州市人民政府") == [DEZHOU_SOURCE]
    assert _sources(graph, NodeKind.REGION, name="济南市") == JINAN_DOCS


def test_a_mention_belongs_to_the_mentioning_plan_only(graph: PropertyGraph) -> None:
    brand = _node(graph, NodeKind.BRAND, name="好品山东")
    dezhou = _node(graph, NodeKind.PLAN, label="德州市实施意见（001_dezhou）")
    assert _rel_sources(graph, RelKind.MENTIONS_BRAND, dezhou.key, brand.key) == [DEZHOU_SOURCE]


def _province_title(graph: PropertyGraph) -> str:
    titles = [n.props.get("title", "") for n in graph.nodes if n.kind is NodeKind.PLAN]
    return next(t for t in titles if t.startswith("关于共建共享"))


def test_sources_do_not_depend_on_row_order(graph: PropertyGraph) -> None:
    shuffled = PropertyGraph(graph.nodes[::-1], graph.rels[::-1])
    assert provenance(shuffled) == provenance(graph)


def test_a_relationship_to_a_missing_node_is_an_error() -> None:
    lonely = PropertyGraph(
        (NodeRow(NodeKind.TASK, "task/a"),),
        (RelRow(RelKind.HAS_TARGET, "task/a", "target/missing"),),
    )
    with pytest.raises(GraphError, match="target/missing"):
        provenance(lonely)


def test_rel_ids_join_start_and_end(graph: PropertyGraph) -> None:
    ids = rel_ids(rel_rows(graph))
    assert sum(map(len, ids.values())) == len(graph.rels)
    rel = graph.rels[0]
    assert rel.start + q.REL_ID_SEPARATOR + rel.end in ids[rel.kind]


def test_batches() -> None:
    rows = [{"i": i} for i in range(7)]
    assert [len(b) for b in batches(rows, 3)] == [3, 3, 1]
    assert list(batches([], 3)) == []
    with pytest.raises(ValueError):
        list(batches(rows, 0))


def test_cypher_takes_labels_and_types_only_from_the_ontology() -> None:
    with pytest.raises(ValueError):
        q.merge_nodes("Task) DETACH DELETE (n")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        q.merge_rels(RelKind.LEADS, NodeKind.AGENCY, "Nope")  # type: ignore[arg-type]
    assert "MERGE (n:Task {key: key})" in q.merge_nodes(NodeKind.TASK)
    assert all("IF NOT EXISTS" in statement for statement in q.schema_statements())
    assert "'cjk'" in q.CREATE_FULLTEXT_INDEX and q.FULLTEXT_INDEX in q.CREATE_FULLTEXT_INDEX
    assert len(q.schema_statements()) == len(q.drop_schema_statements())


def test_rows_are_sent_as_plain_lists_in_the_statements_order() -> None:
    node = {"key": "task/1", "props": {"key": "task/1", "title": "推进"}, "sources": ["a.txt"]}
    rel = {"start": "plan/1", "end": "task/1", "sources": ["a.txt"]}
    assert node_fields([node]) == [["task/1", {"key": "task/1", "title": "推进"}, ["a.txt"]]]
    assert rel_fields([rel]) == [["plan/1", "task/1", ["a.txt"]]]
    assert "row[0] AS key, row[1] AS props, row[2] AS sources" in q.merge_nodes(NodeKind.TASK)
    assert "{key: row[0]}" in q.merge_rels(RelKind.HAS_TASK, NodeKind.PLAN, NodeKind.TASK)
