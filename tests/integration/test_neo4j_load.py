"""The loader against a real Neo4j: schema, idempotence, per-document replace and removal."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import neo4j
import pytest
from _graph_support import CORPUS, TEST_DATABASE, build
from typer.testing import CliRunner

from graph import cypher_write as q
from graph.errors import GraphError, NotFound
from graph.export import count_by_kind, read_graph
from graph.loader import load, remove_document, wipe
from graph.property_graph import load_build
from graph.rows import JOINT
from ontology.identity import region_key
from ontology.model import NodeKind, RelKind

pytestmark = pytest.mark.neo4j

CHANGED = "001_078bf77ec9e1dfa3.txt"
#: The responsibility clause of task 二.(三) (加大科技研发力度…), removed in the changed copy.
DROPPED_CLAUSE = "(责任单位:市科技局、市总工会、市发展改革委、市人力资源社会保障局、市商务局、市市场监管局)"
OLD_TARGET, NEW_TARGET = "培育高新技术企业500家左右", "培育高新技术企业600家左右"
RESEARCH_TASK = "加大科技研发力度"
ONLY_IN_DROPPED_CLAUSE = "市人力资源社会保障局"


def _facts(driver: neo4j.Driver) -> dict[str, Any]:
    """Every node (with properties and sources) and relationship (with sources)."""
    graph = read_graph(driver, TEST_DATABASE, with_sources=True)
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS a, b.key AS b, r.sources AS s",
        database_=TEST_DATABASE,
    )
    return {
        "nodes": {node.key: (node.kind, node.props) for node in graph.nodes},
        "rels": {(r["type"], r["a"], r["b"]): tuple(r["s"]) for r in records},
    }


def _assert_untouched(before: dict[str, Any], after: dict[str, Any], document: str) -> None:
    """Every node and relationship ``document`` has no claim on is exactly as it was."""
    for key, (kind, props) in before["nodes"].items():
        if document not in props["sources"]:
            assert after["nodes"].get(key) == (kind, props), key
    for rel, sources in before["rels"].items():
        if document not in sources:
            assert after["rels"].get(rel) == sources, rel


@pytest.fixture(scope="module")
def changed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus with 001 changed: one task's 责任单位 removed, one target changed."""
    corpus = tmp_path_factory.mktemp("changed-corpus")
    for path in CORPUS.iterdir():
        shutil.copy(path, corpus / path.name)
    text = (CORPUS / CHANGED).read_text(encoding="utf-8")
    assert DROPPED_CLAUSE in text and OLD_TARGET in text
    changed = text.replace(DROPPED_CLAUSE, "").replace(OLD_TARGET, NEW_TARGET)
    (corpus / CHANGED).write_text(changed, encoding="utf-8")
    return corpus


def test_schema_has_key_constraints_range_and_cjk_fulltext_indexes(
    empty_db: neo4j.Driver, sample_build: Path
) -> None:
    load(empty_db, TEST_DATABASE, load_build(sample_build))
    records, _, _ = empty_db.execute_query(q.SHOW_SCHEMA, database_=TEST_DATABASE)
    indexes = {r["name"]: r for r in records}
    for kind in NodeKind:
        index = indexes[q.constraint_name(kind)]
        assert (index["labelsOrTypes"], index["properties"]) == ([kind.value], ["key"])
    for kind, prop in q.RANGE_INDEXES:
        assert indexes[q.index_name(kind, prop)]["type"] == "RANGE"
    fulltext = indexes[q.FULLTEXT_INDEX]
    assert fulltext["type"] == "FULLTEXT"
    assert fulltext["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    constraints, _, _ = empty_db.execute_query(
        "SHOW CONSTRAINTS YIELD name, type RETURN name, type", database_=TEST_DATABASE
    )
    types = {r["name"]: r["type"] for r in constraints}
    assert all("UNIQUENESS" in types[q.constraint_name(kind)] for kind in NodeKind)


def test_fulltext_cjk_finds_the_research_task(empty_db: neo4j.Driver, sample_build: Path) -> None:
    load(empty_db, TEST_DATABASE, load_build(sample_build))
    records, _, _ = empty_db.execute_query(
        "CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score "
        "WHERE node:Task RETURN node.title AS title ORDER BY score DESC",
        {"index": q.FULLTEXT_INDEX, "query": "科技研发"},
        database_=TEST_DATABASE,
    )
    assert records and records[0]["title"].startswith(RESEARCH_TASK)


def test_loading_twice_changes_nothing(empty_db: neo4j.Driver, sample_build: Path) -> None:
    graph = load_build(sample_build)
    first = load(empty_db, TEST_DATABASE, graph, batch_size=50)
    counts, facts = count_by_kind(empty_db, TEST_DATABASE), _facts(empty_db)
    second = load(empty_db, TEST_DATABASE, graph, batch_size=7)
    assert count_by_kind(empty_db, TEST_DATABASE) == counts
    assert _facts(empty_db) == facts
    assert (first.nodes_created, first.relationships_created) == (len(graph.nodes), len(graph.rels))
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert (second.nodes_deleted, second.relationships_deleted) == (0, 0)
    assert counts[NodeKind.TASK] == sum(1 for n in graph.nodes if n.kind is NodeKind.TASK)
    assert sum(counts[k] for k in RelKind) == len(graph.rels)


def test_reingesting_a_changed_document_replaces_only_its_facts(
    empty_db: neo4j.Driver, sample_build: Path, changed_corpus: Path, tmp_path: Path
) -> None:
    load(empty_db, TEST_DATABASE, load_build(sample_build))
    before = _facts(empty_db)
    only_changed = tmp_path / "only-001"
    only_changed.mkdir()
    shutil.copy(changed_corpus / CHANGED, only_changed / CHANGED)

    report = load(empty_db, TEST_DATABASE, load_build(build(only_changed, tmp_path / "b1")))

    assert report.documents == (CHANGED,)
    assert report.nodes_deleted > 0 and report.relationships_deleted > 0
    after = _facts(empty_db)
    # Nothing only other documents state has changed.
    _assert_untouched(before, after, CHANGED)
    # The stale links, the stale target and the agency only the dropped clause named are gone.
    records, _, _ = empty_db.execute_query(
        "MATCH (t:Task) WHERE t.title STARTS WITH $title "
        "OPTIONAL MATCH (a:Agency)-[r:LEADS|CO_RESPONSIBLE_FOR]->(t) RETURN count(r) AS links",
        {"title": RESEARCH_TASK}, database_=TEST_DATABASE,
    )
    assert records[0]["links"] == 0
    metrics, _, _ = empty_db.execute_query(
        "MATCH (t:Target {metric: '培育高新技术企业'}) RETURN t.value AS value",
        database_=TEST_DATABASE,
    )
    assert [r["value"] for r in metrics] == [600.0]
    names = {props.get("name") for kind, props in after["nodes"].values()}
    assert ONLY_IN_DROPPED_CLAUSE not in names
    # Same nodes and relationships as a fresh load of the changed corpus, but for the
    # alignments: computed from 001 and 000 together, they went with the old 001 (none is
    # left half-linked), and come back with a load of a build that holds both documents.
    fresh = load_build(build(changed_corpus, tmp_path / "b2"))
    joint = {n.key for n in fresh.nodes if n.kind in JOINT}
    assert joint and not any(kind in JOINT for kind, _ in after["nodes"].values())
    assert set(after["nodes"]) == {n.key for n in fresh.nodes} - joint
    assert set(after["rels"]) == {(r.kind.value, r.start, r.end) for r in fresh.rels
                                  if r.start not in joint}
    load(empty_db, TEST_DATABASE, fresh)
    again = _facts(empty_db)
    assert set(again["nodes"]) == {n.key for n in fresh.nodes}
    assert set(again["rels"]) == {(r.kind.value, r.start, r.end) for r in fresh.rels}


def test_removing_a_document_keeps_what_others_state(
    empty_db: neo4j.Driver, sample_build: Path, tmp_path: Path
) -> None:
    load(empty_db, TEST_DATABASE, load_build(sample_build))
    before = _facts(empty_db)

    report = remove_document(empty_db, TEST_DATABASE, CHANGED)

    after = _facts(empty_db)
    assert report.nodes_deleted > 0
    _assert_untouched(before, after, CHANGED)
    assert all(CHANGED not in props["sources"] for _, props in after["nodes"].values())
    assert all(CHANGED not in sources for sources in after["rels"].values())
    # A brand 001 shares with the Jinan plan survives, without 001 among its sources.
    shared = next(p for _, p in before["nodes"].values() if p.get("name") == "中国质量奖")
    assert CHANGED in shared["sources"]
    kept = next(p for _, p in after["nodes"].values() if p.get("name") == "中国质量奖")
    assert kept["sources"] == [s for s in shared["sources"] if s != CHANGED]
    # What is left is exactly what the other three documents build.
    others = tmp_path / "others"
    others.mkdir()
    for path in CORPUS.iterdir():
        if path.name != CHANGED:
            shutil.copy(path, others / path.name)
    rest = load_build(build(others, tmp_path / "b"))
    assert set(after["nodes"]) == {n.key for n in rest.nodes}
    assert set(after["rels"]) == {(r.kind.value, r.start, r.end) for r in rest.rels}
    with pytest.raises(NotFound):
        remove_document(empty_db, TEST_DATABASE, CHANGED)


PARENT_SOURCE = "000_85de7e62f5f80ffd.txt"  # the interpretation that restates the measures


def test_an_alignment_goes_with_either_of_its_documents(
    empty_db: neo4j.Driver, sample_build: Path
) -> None:
    load(empty_db, TEST_DATABASE, load_build(sample_build))
    before = _facts(empty_db)
    aligned = {k for k, (kind, _) in before["nodes"].items() if kind is NodeKind.ALIGNMENT}
    assert len(aligned) == 4
    assert all(before["nodes"][k][1]["sources"] == [PARENT_SOURCE, CHANGED] for k in aligned)
    remove_document(empty_db, TEST_DATABASE, PARENT_SOURCE)
    after = _facts(empty_db)
    assert not aligned & set(after["nodes"])
    assert not any(a in aligned or b in aligned for _, a, b in after["rels"])
    # 001's tasks stay, with nothing of 000 left on them
    assert count_by_kind(empty_db, TEST_DATABASE)[NodeKind.TASK] == 17


def test_wipe_refuses_any_server_but_the_test_one(neo4j_driver: neo4j.Driver) -> None:
    with pytest.raises(GraphError, match="refusing to wipe"):
        wipe(neo4j_driver, TEST_DATABASE, uri="bolt://example.org:7687",
             test_uri=os.environ.get("NEO4J_TEST_URI"))
    with pytest.raises(GraphError, match="refusing to wipe"):
        wipe(neo4j_driver, TEST_DATABASE, uri="bolt://127.0.0.1:7688", test_uri=None)


def test_cli_load_and_remove(empty_db: neo4j.Driver, neo4j_uri: str, sample_build: Path) -> None:
    from api.cli import app

    runner = CliRunner()
    loaded = runner.invoke(app, ["load", str(sample_build), "--uri", neo4j_uri, "-q"])
    assert loaded.exit_code == 0, loaded.output
    assert count_by_kind(empty_db, TEST_DATABASE)[NodeKind.SOURCE] == 4
    removed = runner.invoke(app, ["remove", CHANGED, "--uri", neo4j_uri])
    assert removed.exit_code == 0, removed.output
    assert removed.output.startswith(f"removed {CHANGED}")
    again = runner.invoke(app, ["remove", CHANGED, "--uri", neo4j_uri])
    assert again.exit_code == 1
    assert "is not in the graph" in again.output


def test_a_register_loads_with_the_documents_and_is_removed_like_one(
    empty_db: neo4j.Driver, full_build: Path, sample_build: Path
) -> None:
    load(empty_db, TEST_DATABASE, load_build(full_build))
    counts = count_by_kind(empty_db, TEST_DATABASE)
    assert (counts[NodeKind.ENTERPRISE], counts[NodeKind.RECOGNITION]) == (19, 31)
    remove_document(empty_db, TEST_DATABASE, "haopin_shandong.csv")
    after = count_by_kind(empty_db, TEST_DATABASE)
    # the Dezhou list's 8 recognitions and enterprises stay, 保龄宝 among them
    assert (after[NodeKind.ENTERPRISE], after[NodeKind.RECOGNITION]) == (8, 8)
    records, _, _ = empty_db.execute_query(
        "MATCH (e:Enterprise {name: '保龄宝生物股份有限公司'})<-[:OF_ENTERPRISE]-(c:Recognition)"
        "-[:IN_PROGRAMME]->(p:Brand) RETURN collect(p.name) AS programmes, e.sources AS sources",
        database_=TEST_DATABASE)
    assert records[0]["programmes"] == ["山东省知名农产品企业产品品牌"]
    assert records[0]["sources"] == ["dezhou_known_agri_brands.csv"]
    remove_document(empty_db, TEST_DATABASE, "dezhou_known_agri_brands.csv")
    left, fresh = _facts(empty_db), _facts_of(empty_db, sample_build)
    # What is left is what the documents alone build, but for the lists' region hierarchy
    # between regions the documents name too (济南市, 德州市 within 山东省): a link is stated
    # by its inner region, which the documents still state (an error towards keeping).
    assert set(left["rels"]) - set(fresh["rels"]) == {
        ("WITHIN_REGION", region_key("济南市"), region_key("山东省")),
        ("WITHIN_REGION", region_key("德州市"), region_key("山东省"))}
    assert set(fresh["rels"]) <= set(left["rels"])
    assert set(left["nodes"]) == set(fresh["nodes"])
    assert all(left["nodes"][k] == fresh["nodes"][k] for k in fresh["nodes"]
               if fresh["nodes"][k][0] is not NodeKind.REGION)


def _facts_of(driver: neo4j.Driver, build_dir: Path) -> dict[str, Any]:
    """The facts of a fresh load of ``build_dir`` (the database is wiped and reloaded)."""
    wipe(driver, TEST_DATABASE, uri=os.environ["NEO4J_TEST_URI"],
         test_uri=os.environ.get("NEO4J_TEST_URI"))
    load(driver, TEST_DATABASE, load_build(build_dir))
    return _facts(driver)


def test_an_older_full_text_index_is_made_again_with_every_label(
    empty_db: neo4j.Driver, full_build: Path
) -> None:
    empty_db.execute_query(q.DROP_FULLTEXT_INDEX, database_=TEST_DATABASE)
    empty_db.execute_query(  # what a build before the enterprises made
        f"CREATE FULLTEXT INDEX {q.FULLTEXT_INDEX} FOR (n:Plan|Task) ON EACH [n.title]",
        database_=TEST_DATABASE)
    load(empty_db, TEST_DATABASE, load_build(full_build))
    found, _, _ = empty_db.execute_query(q.FULLTEXT_DEFINITION, database_=TEST_DATABASE)
    assert set(found[0]["labelsOrTypes"]) == {k.value for k in q.FULLTEXT_LABELS}
    hits, _, _ = empty_db.execute_query(
        f"CALL db.index.fulltext.queryNodes('{q.FULLTEXT_INDEX}', '扒鸡') YIELD node "
        "RETURN labels(node) AS labels", database_=TEST_DATABASE)
    assert ["Enterprise"] in [h["labels"] for h in hits]
