"""``/tasks?q=`` on Neo4j takes its candidates from the full-text index, not from a scan.

The index finds a superset of what the scan found and the exact filter and ranking of
:mod:`graph.search` stay, so the answers are the scan's and the embedded backend's — for
Chinese questions, lone characters, Latin words, punctuation and Lucene's own syntax.
"""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from graph.embedded import EmbeddedRepository
from graph.repository import PageRequest, Repository
from graph.search import Query, parse_query

QUERIES = [
    # Chinese questions (bigrams), Traditional and Simplified
    "科技研发", "科技研發", "品牌", "哪个部门负责品牌监管", "标准化", "好品山东", "质量。",
    # lone characters: the sample's lone 一 二 三 四 五 六 省, and ones that occur only in words
    "一", "二", "三", "省", "六", "局", "市", "年", "（一）", "省 局",
    # Latin letters, digits, dotted words
    "iso", "ISO 9001", "e", "qc", "5g", "2025", "3.5", "A.1", "\uff29\uff33\uff2f", "a", "the",
    # punctuation and kana (marks the index drops)
    "，", "。", "・", "ー", "中・日", "ア", "…",
    # Lucene syntax: must be neither a syntax error nor an operator
    '"', "*:*", "*", "?", "OR", "AND (x", "\\", "品牌~2", "品牌^3", "title:品牌", "[a TO z]",
    "{品牌 TO 质量}", "/regex/", '+-&&||!(){}[]^"~*?:\\/', "品牌 AND", "NOT 品牌", "品牌 -质量",
    "品牌 && 质量", "(品牌", "品牌*", "*品牌", "品?", '"品牌', "品牌\\",
]

PAGE = PageRequest(limit=500)


def _scan_only(query: Query, *_: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The index plan of the code before the index: every term scanned for."""
    return (), query.terms


@pytest.mark.neo4j
@pytest.mark.parametrize("q", QUERIES)
def test_index_candidates_answer_as_the_scan_and_the_embedded_backend(
    q: str, neo4j_repo: Repository, embedded_repo: EmbeddedRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    indexed = neo4j_repo.tasks(q, PAGE)
    assert indexed == embedded_repo.tasks(q, PAGE)
    monkeypatch.setattr(Query, "index_plan", _scan_only)
    assert neo4j_repo.tasks(q, PAGE) == indexed


@pytest.mark.parametrize("q", QUERIES)
def test_a_hostile_query_is_answered(client: TestClient, q: str) -> None:
    response = client.get("/tasks", params={"q": q})
    assert response.status_code == 200, response.text


def test_the_index_plan_quotes_bigrams_and_wildcards_the_rest() -> None:
    assert parse_query("科技研发").index_plan() == (('"科技" OR "技研" OR "研发"',), ())
    assert parse_query("2025年 局").index_plan() == (("*2025* OR *年* OR *局*",), ())
    # a dotted word: its longest segment that is not a stop word (Lucene may split at a dot)
    assert parse_query("iso9001.a").index_plan() == (("*iso9001*",), ())
    # nothing Lucene keeps: left to the scan
    assert parse_query("・").index_plan() == ((), ("・",))
    assert parse_query("a.s").index_plan() == ((), ("a.s",))


def test_a_long_query_is_split_under_lucene_s_clause_limit() -> None:
    query = parse_query("".join(chr(0x4E00 + i) for i in range(600)))
    queries, scanned = query.index_plan()
    assert scanned == () and len(queries) == 3
    assert sum(part.count(" OR ") + 1 for part in queries) == len(query.terms)
