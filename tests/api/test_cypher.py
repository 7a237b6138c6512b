"""``POST /cypher``: analysts' read-only Cypher, and everything hostile refused or cut off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_support import assert_error, make_client, settings
from starlette.testclient import TestClient

from api.app import create_app
from graph.cypher_guard import check_read_only
from graph.embedded import EmbeddedRepository
from graph.repository import CypherLimits, CypherRejected, Repository

READS = [
    "MATCH (a:Agency)-[:LEADS]->(t:Task) RETURN a.name, t.title",
    "MATCH (t:Task) WHERE t.title CONTAINS 'CREATE' RETURN t",
    "RETURN 'MERGE (x) DETACH DELETE x' AS text, \"SET\" AS other",
    "MATCH (n) RETURN n.create, n.set LIMIT 1",
    "// CREATE (x) in a comment\nMATCH (n:Task) RETURN count(n)",
    "MATCH (n:`Create`) RETURN n",
    "MATCH (t:Task) WHERE t.title STARTS WITH '加' RETURN t.title;",
    "CALL db.labels()",
    "CALL db.index.fulltext.queryNodes('policygraph_text', $q) YIELD node RETURN node.key",
    "CALL { MATCH (n:Plan) RETURN n } RETURN count(n)",
]
HOSTILE = [
    "CREATE (n:Hacked)",
    "create (n:Hacked)",
    "MERGE (n:Hacked {key: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Task) SET n.title = 'x'",
    "MATCH (n:Task) REMOVE n.title",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL dbms.components()",
    "CALL dbms.security.createUser('x', 'y')",
    "CALL apoc.cypher.runWrite('CREATE (:Hacked)', {})",
    "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN n', {})",
    "CALL db.createLabel('Hacked')",
    "CALL `db`.`createLabel`('Hacked')",
    "MATCH (n) RETURN n /* harmless? */ CREATE (:Hacked)",
    "CREATE/**/(:Hacked)",
    "MATCH (n) RETURN n; CREATE (:Hacked)",
    "FOREACH (x IN [1] | CREATE (:Hacked))",
    "CALL { CREATE (:Hacked) } IN TRANSACTIONS",
    "MATCH (n) RETURN n /* never closed",
    "RETURN 'never closed",
    "CREATE INDEX hacked FOR (n:Task) ON (n.x)",
    "DROP INDEX policygraph_text",
    "SHOW USERS",
    "USE system SHOW DATABASES",
    "PROFILE MATCH (n) RETURN n",
]


@pytest.mark.parametrize("statement", READS)
def test_guard_lets_reads_through(statement: str) -> None:
    check_read_only(statement)


@pytest.mark.parametrize("statement", HOSTILE)
def test_guard_refuses_before_running(statement: str) -> None:
    with pytest.raises(CypherRejected):
        check_read_only(statement)


def test_embedded_backend_says_how_to_start_neo4j(embedded_repo: EmbeddedRepository) -> None:
    with make_client(create_app(settings("embedded"), repository=embedded_repo)) as client:
        response = client.post("/cypher", json={"query": "MATCH (n) RETURN count(n)"})
    assert_error(response, 501, "not_implemented", "policygraph neo4j start", "--neo4j")


@pytest.fixture(scope="module")
def neo4j(neo4j_repo: Repository) -> Iterator[TestClient]:
    """A client on Neo4j with small caps: 2 s, 100 rows."""
    app = create_app(settings("neo4j", cypher_timeout=2.0, cypher_max_rows=100),
                     repository=neo4j_repo)
    with make_client(app) as client:
        yield client


def counts(client: TestClient) -> dict[str, object]:
    body = client.get("/health").json()
    return {"nodes": body["nodes"], "relationships": body["relationships"]}


@pytest.mark.neo4j
def test_read_with_parameters(neo4j: TestClient) -> None:
    response = neo4j.post("/cypher", json={
        "query": "MATCH (a:Agency)-[:LEADS]->(t:Task) WHERE t.title CONTAINS $word "
                 "RETURN a.name AS lead, t AS task",
        "parameters": {"word": "科技研发"}})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["lead", "task"] and not body["truncated"]
    [[lead, task]] = body["rows"]
    assert lead == "市科技局" and task["labels"] == ["Task"]
    assert task["properties"]["title"] == "加大科技研发力度,完善技术创新体系"


@pytest.mark.neo4j
@pytest.mark.parametrize("statement", READS)
def test_reads_run(neo4j: TestClient, statement: str) -> None:
    response = neo4j.post("/cypher", json={"query": statement, "parameters": {"q": "科技"}})
    assert response.status_code == 200, response.text


@pytest.mark.neo4j
@pytest.mark.parametrize("statement", HOSTILE)
def test_hostile_statements_change_nothing(neo4j: TestClient, statement: str) -> None:
    before = counts(neo4j)
    assert_error(neo4j.post("/cypher", json={"query": statement}), 400, "cypher_rejected",
                 "refused before running" if "never closed" not in statement else "")
    assert counts(neo4j) == before
    labels = neo4j.post("/cypher", json={"query": "CALL db.labels()"}).json()["rows"]
    assert ["Hacked"] not in labels


@pytest.mark.neo4j
def test_the_repository_fences_by_itself(neo4j: TestClient, neo4j_repo: Repository) -> None:
    """Called directly, not through the route, the repository still refuses."""
    before = counts(neo4j)
    limits = CypherLimits(timeout=2.0, max_rows=10, max_bytes=10_000)
    for statement in ("CREATE (:Hacked)", "CALL db.createLabel('Hacked')",
                      "CALL dbms.components()"):
        with pytest.raises(CypherRejected, match="refused before running"):
            neo4j_repo.run_cypher(statement, {}, limits)
    assert counts(neo4j) == before


@pytest.mark.neo4j
def test_huge_results_are_cut_at_the_row_cap(neo4j: TestClient) -> None:
    response = neo4j.post("/cypher", json={"query": "UNWIND range(1, 100000000) AS i RETURN i"})
    body = response.json()
    assert response.status_code == 200 and body["truncated"] is True
    assert [row[0] for row in body["rows"]] == list(range(1, 101))
    fewer = neo4j.post("/cypher", json={"query": "UNWIND range(1, 50) AS i RETURN i",
                                        "limit": 10}).json()
    assert len(fewer["rows"]) == 10 and fewer["truncated"]
    capped = neo4j.post("/cypher", json={"query": "UNWIND range(1, 500) AS i RETURN i",
                                         "limit": 100_000}).json()
    assert len(capped["rows"]) == 100


@pytest.mark.neo4j
def test_runaway_query_is_stopped_by_the_timeout(neo4j: TestClient) -> None:
    response = neo4j.post("/cypher", json={
        "query": "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                 "WITH a, b WHERE a * b = -1 RETURN count(*)", "timeout": 1})
    assert_error(response, 400, "cypher_timeout", "1 s")
    assert neo4j.get("/health").status_code == 200


@pytest.mark.neo4j
def test_syntax_errors_are_400(neo4j: TestClient) -> None:
    assert_error(neo4j.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400,
                 "cypher_failed")
    assert_error(neo4j.post("/cypher", json={"query": "RETURN $missing"}), 400, "cypher_failed")
    assert_error(neo4j.post("/cypher", json={"query": ""}), 422, "invalid_parameter", "'query'")


@pytest.mark.neo4j
def test_api_key_required_when_set(neo4j_repo: Repository) -> None:
    app = create_app(settings("neo4j", api_key="s3cret"), repository=neo4j_repo)
    query = {"query": "RETURN 1 AS one"}
    with make_client(app) as client:
        assert_error(client.post("/cypher", json=query), 401, "unauthorized", "X-API-Key")
        assert_error(client.post("/cypher", json=query, headers={"X-API-Key": "guess"}), 401,
                     "unauthorized")
        ok = client.post("/cypher", json=query, headers={"X-API-Key": "s3cret"})
        assert ok.status_code == 200 and ok.json()["rows"] == [[1]]
        assert client.get("/tasks").status_code == 200  # only /cypher needs the key


@pytest.mark.neo4j
def test_values_become_json(neo4j: TestClient) -> None:
    response = neo4j.post("/cypher", json={"query": (
        "MATCH p = (a:Agency)-[r:LEADS]->(t:Task) WHERE t.title CONTAINS '科技研发' "
        "RETURN p, r, date('2025-01-02') AS day, duration('P1DT2H') AS span, "
        "point({x: 1.5, y: 2.0}) AS where, 0.0 / 0.0 AS nan, [1, 'a', null] AS mixed")})
    assert response.status_code == 200, response.text
    [[path, rel, day, span, where, nan, mixed]] = response.json()["rows"]
    assert [n["labels"] for n in path["nodes"]] == [["Agency"], ["Task"]]
    assert path["relationships"][0]["type"] == "LEADS" == rel["type"]
    assert rel["start"] == path["nodes"][0]["key"] and rel["end"] == path["nodes"][1]["key"]
    assert (day, span, nan, mixed) == ("2025-01-02", "P1DT2H", "NaN", [1, "a", None])
    assert where == {"srid": 7203, "x": 1.5, "y": 2.0}
