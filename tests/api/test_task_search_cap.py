"""``/tasks?q=`` matching more tasks than a search ranks: a capped count, the same window.

A search ranks at most ``search_cap`` matches: those matching in the title first, then by
key (:func:`graph.search.window_key`).  The sample graph is small, so the cap is lowered
here to make questions broad; the expected answer is computed from the uncapped one (the
ranking is a total order, so the window's ranking is the uncapped ranking restricted to
it).  Neo4j reads the window from the full-text index when it finds few hits and walks the
tasks in key order when it finds many; both must answer as the embedded backend.
"""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from graph.embedded import EmbeddedRepository
from graph.queries import TASK_TITLE_WALK
from graph.repository import Page, PageRequest, Repository, TaskInfo
from graph.search import TASK_SEARCH_CAP, Query

QUERIES = ["品牌", "哪个部门负责品牌监管", "质量", "标准化", "科技研发", "一", "省 局", "2025",
           "iso", "质量基础设施", "高新技术企业", "加强", "好品山东"]
CAPS = [1, 3, 10, 40]
EVERYTHING = PageRequest(limit=100_000)


def _expected(full: Page[TaskInfo], cap: int, page: PageRequest) -> Page[TaskInfo]:
    """The capped answer, from the uncapped one."""
    assert not full.capped
    if full.count <= cap:
        return Page(page.slice(list(full.data)), full.count)
    window = {t.key for t in sorted(full.data, key=lambda t: (not t.match or not t.match.title,
                                                             t.key))[:cap]}
    return Page(page.slice([t for t in full.data if t.key in window]), cap, True)


def _scan_only(query: Query, *_: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (), query.terms


@pytest.mark.neo4j
@pytest.mark.parametrize("cap", CAPS)
@pytest.mark.parametrize("q", QUERIES)
def test_a_capped_search_answers_alike_on_both_backends(
    q: str, cap: int, neo4j_repo: Repository, embedded_repo: EmbeddedRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(embedded_repo, "search_cap", 100_000)
    full = embedded_repo.tasks(q, EVERYTHING)
    monkeypatch.setattr(embedded_repo, "search_cap", cap)
    monkeypatch.setattr(neo4j_repo, "search_cap", cap)
    for page in (PageRequest(limit=cap), PageRequest(limit=2, offset=1),
                 PageRequest(limit=5, offset=cap)):
        expected = _expected(full, cap, page)
        assert embedded_repo.tasks(q, page) == expected
        for probe in (400, 2):  # candidates from the index; a walk after two index hits
            monkeypatch.setattr(neo4j_repo, "index_probe", probe)
            assert neo4j_repo.tasks(q, page) == expected, probe
    monkeypatch.setattr(Query, "index_plan", _scan_only)  # every term scanned for
    assert neo4j_repo.tasks(q, PageRequest(limit=cap)) == _expected(full, cap,
                                                                  PageRequest(limit=cap))


@pytest.mark.neo4j
def test_a_broad_question_walks_the_tasks_and_a_selective_one_reads_the_index(
    neo4j_repo: Repository, embedded_repo: EmbeddedRepository, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(neo4j_repo, "search_cap", 3)
    monkeypatch.setattr(neo4j_repo, "index_probe", 2)
    walked: list[str] = []
    walk = neo4j_repo._walk  # type: ignore[attr-defined]
    monkeypatch.setattr(neo4j_repo, "_walk", lambda cypher, *a, **k: walked.append(cypher)
                        or walk(cypher, *a, **k))
    broad = neo4j_repo.tasks("品牌", PageRequest())
    assert broad.capped and broad.count == 3 and len(broad.data) == 3
    assert all(t.match and t.match.title for t in broad.data)  # title matches come first
    assert walked == [TASK_TITLE_WALK]  # more than 2 titles hold 品牌: walked, 4 enough
    walked.clear()
    monkeypatch.setattr(neo4j_repo, "index_probe", 400)
    monkeypatch.setattr(embedded_repo, "search_cap", 3)
    selective = neo4j_repo.tasks("好品山东", PageRequest())
    assert selective == embedded_repo.tasks("好品山东", PageRequest()) and selective.count == 3
    assert walked == []  # few index hits: read from the index


def test_the_default_cap_leaves_the_sample_answers_whole(repo: Repository) -> None:
    found = repo.tasks("品牌", EVERYTHING)
    assert 0 < found.count < TASK_SEARCH_CAP and not found.capped
    assert len(found.data) == found.count


def test_the_answer_says_count_capped(client: TestClient, repo: Repository,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    whole = client.get("/tasks", params={"q": "品牌", "limit": 200}).json()
    assert whole["count_capped"] is False and whole["count"] == len(whole["data"]) > 2
    monkeypatch.setattr(repo, "search_cap", 2)
    capped = client.get("/tasks", params={"q": "品牌"}).json()
    assert capped["count_capped"] is True and capped["count"] == 2
    assert [t["key"] for t in capped["data"]] == [
        t["key"] for t in whole["data"] if t["key"] in {c["key"] for c in capped["data"]}]
    assert client.get("/tasks", params={"q": "品牌", "offset": 2}).json()["data"] == []
    assert "count_capped" not in client.get("/agencies").json()
    page = client.get("/", params={"q": "品牌"}).text
    assert "超过 2 项任务" in page


def test_the_schema_states_the_cap(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    described = schema["TaskListOut"]["properties"]
    assert str(TASK_SEARCH_CAP) in described["count_capped"]["description"]
    assert "count_capped" in schema["TaskListOut"]["required"]
