"""The plan fence on its own: real ``EXPLAIN`` plans of Neo4j, judged without the text fence.

Whatever spelling got past the text fence, Neo4j's plan names what would run: these
statements are refused on their plan alone, and the walk over a plan never recurses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from api_support import TEST_DATABASE, neo4j_test_uri
from security_support import Canary

from graph.cypher_plan import MAX_PLAN_DEPTH, judge_plan, procedure_name
from graph.repository import CypherRejected


@pytest.fixture(scope="module")
def explain(neo4j_repo: object) -> Iterator[Any]:
    """``EXPLAIN`` a statement in a read transaction: (query type, plan)."""
    driver = neo4j.GraphDatabase.driver(neo4j_test_uri(), auth=None)

    def explained(statement: str) -> tuple[str | None, dict[str, Any] | None]:
        with driver.session(database=TEST_DATABASE, default_access_mode=neo4j.READ_ACCESS,
                            notifications_min_severity="OFF") as session:
            tx = session.begin_transaction(timeout=10)
            try:
                summary = tx.run("EXPLAIN " + statement).consume()
            finally:
                tx.close()
        return summary.query_type, summary.plan

    yield explained
    driver.close()


@pytest.mark.neo4j
@pytest.mark.parametrize(("statement", "why"), [
    ("CALL db.stats.retrieve('QUERIES')", "db.stats.retrieve"),  # classified r
    ("CALL db.stats.stop('QUERIES')", "db.stats.stop"),
    ("CALL db.prepareForReplanning()", "db.prepareforreplanning"),
    ("CALL db.ping()", "db.ping"),  # harmless, but not on the allow-list
    ("WITH 1 AS x LOAD CSV FROM '{canary}/x.csv' AS l RETURN l", "LoadCSV"),
    ("SHOW TRANSACTIONS", "ShowTransactions"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TerminateTransactions"),  # also r
    ("SHOW INDEXES", "ShowIndexes"),
    ("UNWIND [1] AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y", "TransactionApply"),
    ("INSERT (:Hacked)", "write-only"),
    ("MATCH (n:Task) SET n.title = 'x' RETURN n", "read-write"),
    ("CALL dbms.components()", "schema-write"),
    ("SHOW USERS", "schema-write"),
])
def test_refused_on_the_plan_alone(explain: Any, canary: Canary, statement: str,
                                   why: str) -> None:
    query_type, plan = explain(statement.replace("{canary}", canary.url))
    with pytest.raises(CypherRejected, match="refused by Neo4j's plan") as refused:
        judge_plan(query_type, plan)
    assert why in str(refused.value)
    assert canary.requests == []  # EXPLAIN plans LOAD CSV without fetching


@pytest.mark.neo4j
@pytest.mark.parametrize("statement", [
    "MATCH (a:Agency)-[:LEADS]->(t:Task) RETURN a.name, t.title",
    "CALL db.labels()",
    "CALL db.schema.visualization()",
    "CALL db.index.fulltext.queryNodes('policygraph_text', '科技') YIELD node RETURN node.key",
    "CALL () { MATCH (n:Plan) RETURN n } RETURN count(n)",
    "MATCH (n) RETURN n LIMIT 0",
])
def test_reads_pass_the_plan(explain: Any, statement: str) -> None:
    judge_plan(*explain(statement))


def test_procedure_names_from_details() -> None:
    assert procedure_name("db.labels() :: (label :: STRING)") == "db.labels"
    assert procedure_name("`db`.`stats`.retrieve($autostring_0) :: (x)") == "db.stats.retrieve"
    assert procedure_name(None) is None and procedure_name("no call here") is None


def test_a_plan_is_walked_without_recursion() -> None:
    plan: dict[str, Any] = {"operatorType": "Argument@neo4j"}
    for _ in range(100_000):
        plan = {"operatorType": "Apply@neo4j", "children": [plan]}
    with pytest.raises(CypherRejected, match=f"{MAX_PLAN_DEPTH} deep"):
        judge_plan("r", plan)
    wide = {"operatorType": "Union@neo4j",
            "children": [{"operatorType": "Argument@neo4j"}] * 20_000}
    with pytest.raises(CypherRejected, match="too large"):
        judge_plan("r", wide)
