"""The full-text candidates of ``/tasks?q=`` on texts where Lucene and the Python tokens
part ways (dots, underscores, accents, numbers with commas, full-width letters, kana marks,
lone characters, Kangxi radicals, ℃ and Ⅱ): the answers are those of the scan the index
replaced — or, where the scan missed a text it cannot fold (full-width ``QC`` is not ``qc`` to
``toLower``) and Lucene's width folding finds it, the embedded backend's."""

from __future__ import annotations

import os

import neo4j
import pytest
from _graph_support import TEST_DATABASE

from graph.driver import open_driver
from graph.embedded import EmbeddedRepository
from graph.loader import load
from graph.neo4j_repo import Neo4jRepository
from graph.property_graph import NodeRow, PropertyGraph, RelRow
from graph.repository import PageRequest
from graph.search import Query, tokens
from graph.settings import Neo4jSettings
from ontology.model import NodeKind, RelKind

TEXTS = [
    ("推进ISO 9001认证", "执行a.1条款和iso_9001规范。"),
    ("café 咖啡品牌", "到2025年，培育1,000家企业，增长3.5%。"),
    ("\uff31\uff23小组活动", "开展5G网络和v2.0平台建设。"),
    ("（一）加强组织领导", "由市局负责，省局配合。"),
    ("中・日合作", "カタカナ和ひらがな，ー号。"),
    ("⼀方面加强", "温度10℃，Ⅱ期工程，面积100㎡。"),
    ("局", "市 局 年"),
    ("the and of", "a.s 与 it.is 标准。"),
]
EXTRA = ["局", "市", "年", "一", "ii", "c", "m2", "1", "000", "a", "s", "9001", "a.1", "iso_9001",
         "caf", "café", "・", "ー", "ア", "ひ", "面", "⼀方", "一方", "qc", "\uff51\uff43", "v2", "2.0"]


def _graph() -> PropertyGraph:
    nodes, rels = [], []
    for i, (title, sentence) in enumerate(TEXTS):
        task, evidence, target = f"task/{i}", f"evidence/{i}", f"target/{i}"
        nodes += [NodeRow(NodeKind.TASK, task, {"title": title}),
                  NodeRow(NodeKind.EVIDENCE, evidence, {"sentence": sentence}),
                  NodeRow(NodeKind.TARGET, target, {"metric": sentence[::-1]})]
        rels += [RelRow(RelKind.HAS_EVIDENCE, task, evidence),
                 RelRow(RelKind.HAS_TARGET, task, target)]
    return PropertyGraph(tuple(nodes), tuple(rels))


def _queries() -> list[str]:
    found = {t for title, sentence in TEXTS for t in tokens(title) + tokens(sentence)}
    return sorted(found) + EXTRA


@pytest.fixture(scope="module")
def repo(neo4j_driver: neo4j.Driver, neo4j_uri: str) -> Neo4jRepository:
    from graph.loader import wipe

    wipe(neo4j_driver, TEST_DATABASE, uri=neo4j_uri, test_uri=os.environ.get("NEO4J_TEST_URI"))
    load(neo4j_driver, TEST_DATABASE, _graph())
    settings = Neo4jSettings(uri=neo4j_uri, username="neo4j", password="",
                             database=TEST_DATABASE)
    return Neo4jRepository(lambda: open_driver(settings, verify=False), TEST_DATABASE, neo4j_uri)


@pytest.mark.parametrize("q", _queries())
def test_index_candidates_answer_as_the_scan(
    repo: Neo4jRepository, q: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = PageRequest(limit=100)
    indexed = repo.tasks(q, page)
    monkeypatch.setattr(Query, "index_plan", lambda query, *_: ((), query.terms))
    scanned = repo.tasks(q, page)
    assert {t.key for t in scanned.data} <= {t.key for t in indexed.data}
    assert indexed in (scanned, EmbeddedRepository(_graph()).tasks(q, page))


def test_without_the_index_the_scan_answers(
    repo: Neo4jRepository, neo4j_driver: neo4j.Driver
) -> None:
    """A first load makes the full-text index after the rows: meanwhile search scans."""
    from graph import cypher_write as q
    from graph.loader import ensure_schema

    page = PageRequest(limit=100)
    indexed = repo.tasks("局 品牌", page)
    neo4j_driver.execute_query(q.DROP_FULLTEXT_INDEX, database_=TEST_DATABASE)
    try:
        assert repo.tasks("局 品牌", page) == indexed
    finally:
        ensure_schema(neo4j_driver, TEST_DATABASE)
