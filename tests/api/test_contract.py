"""The two backends give the same answers: every listed request, byte for byte."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_support import make_client, settings
from starlette.testclient import TestClient

from api.app import create_app
from graph.embedded import EmbeddedRepository
from graph.repository import PageRequest, Repository

pytestmark = pytest.mark.neo4j

QUESTIONS = ["科技研发", "科技研發", "标准化", "品牌", "质量", "好品山东", "哪个部门负责品牌监管",
             "市场监管", "2025", "体系建设", "高新技术企业"]
LISTS = ["/tasks?limit=200", "/agencies?limit=200", "/agencies/ranking?limit=200",
         "/plans?limit=200", "/targets?limit=200", "/brands?limit=200",
         "/targets?year=2025&region=德州市&limit=200", "/targets?region=济南市&limit=200",
         "/tasks?q=体系&limit=3&offset=2", "/enterprises?limit=200",
         "/enterprises?region=山东省&limit=200", "/enterprises?region=德州市&limit=200",
         "/enterprises?programme=好品山东&limit=200", "/enterprises?q=公司&limit=5&offset=3",
         "/deadlines?limit=200", "/deadlines?from=2025&to=2025&region=德州市&limit=200",
         "/agencies/ranking?by=targets&limit=200", "/agencies/ranking?by=co&limit=200"]


@pytest.fixture(scope="module")
def both(embedded_repo: EmbeddedRepository, neo4j_repo: Repository
         ) -> Iterator[tuple[TestClient, TestClient]]:
    with make_client(create_app(settings("embedded"), repository=embedded_repo)) as a, \
            make_client(create_app(settings("neo4j"), repository=neo4j_repo)) as b:
        yield a, b


def urls(client: TestClient) -> list[str]:
    """Every list, question and detail page of the sample graph."""
    found = list(LISTS)
    found += [f"/tasks?q={q}&limit=200" for q in QUESTIONS]
    found += [f"/agencies?q={q}&limit=200" for q in QUESTIONS]
    found += [f"/search?q={q}&limit=200" for q in QUESTIONS]
    for resource in ("tasks", "agencies", "plans", "brands", "enterprises"):
        for item in client.get(f"/{resource}?limit=200").json()["data"]:
            found.append(f"/{resource}/{item['key']}")
    for brand in client.get("/brands?limit=200").json()["data"]:
        found.append(f"/brands/{brand['key']}/holders?limit=200")
    for target in client.get("/targets?limit=200").json()["data"]:
        found.append(f"/targets/{target['key']}/progress")
    for agency in client.get("/agencies/ranking?limit=200").json()["data"]:
        found += [f"/agencies/{agency['key']}/tasks?limit=200{role}"
                  for role in ("", "&role=lead", "&role=co")]
        found.append(f"/targets?agency={agency['key']}&limit=200")
        found.append(f"/agencies/{agency['key']}/workload")
        found.append(f"/deadlines?agency={agency['key']}&limit=200")
    for plan in client.get("/plans?limit=200").json()["data"]:
        found.append(f"/targets?plan={plan['key']}&limit=200")
        found.append(f"/plans/{plan['key']}/coverage")
        found += [f"/graph/subgraph?center={plan['key']}&depth={d}" for d in (0, 1, 2, 3)]
    return found


def test_same_answers_on_both_backends(both: tuple[TestClient, TestClient]) -> None:
    embedded, neo4j = both
    checked = urls(embedded)
    assert len(checked) > 150
    different = []
    for url in checked:
        a, b = embedded.get(url), neo4j.get(url)
        if (a.status_code, a.json()) != (b.status_code, b.json()):
            different.append(url)
    assert different == []


def test_same_ledgers_and_calendars_on_both_backends(
        both: tuple[TestClient, TestClient]) -> None:
    embedded, neo4j = both
    files = [f"/plans/{p['key']}/ledger.csv"
             for p in embedded.get("/plans?limit=200").json()["data"]]
    for agency in embedded.get("/agencies/ranking?limit=200").json()["data"]:
        files += [f"/agencies/{agency['key']}/ledger.csv",
                  f"/agencies/{agency['key']}/deadlines.ics"]
    different = []
    for url in files:
        a, b = embedded.get(url), neo4j.get(url)
        # a calendar's DTSTAMP is the time it was written
        same = [[line for line in r.content.splitlines() if not line.startswith(b"DTSTAMP")]
                for r in (a, b)]
        if a.status_code != 200 or (a.status_code, same[0]) != (b.status_code, same[1]):
            different.append(url)
    assert len(files) > 20 and different == []


def test_health_counts_agree(both: tuple[TestClient, TestClient]) -> None:
    embedded, neo4j = both
    a, b = embedded.get("/health").json(), neo4j.get("/health").json()
    assert (a["nodes"], a["relationships"]) == (b["nodes"], b["relationships"])


def test_a_routing_uri_reads_the_same(neo4j_repo: Repository) -> None:
    """``neo4j://`` (routing, reads sent to readers) answers like ``bolt://``."""
    from api_support import neo4j_repository, neo4j_test_uri

    routing = neo4j_repository(neo4j_test_uri().replace("bolt://", "neo4j://", 1))
    try:
        assert routing.health().nodes == neo4j_repo.health().nodes
        assert routing.tasks("科技研发", PageRequest()) == neo4j_repo.tasks("科技研发",
                                                                           PageRequest())
    finally:
        routing.close()
