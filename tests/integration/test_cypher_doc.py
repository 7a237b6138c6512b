"""Every query of docs/cypher.md runs on the sample graph and returns rows."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import neo4j
import pytest
from _graph_support import ROOT, TEST_DATABASE
from typer.testing import CliRunner

pytestmark = pytest.mark.neo4j

DOC = ROOT / "docs" / "cypher.md"
MIN_QUERIES = 12
_BLOCK = re.compile(r"^### (?P<title>.+?)\n.*?^```cypher\n(?P<body>.*?)^```", re.M | re.S)
_PARAM = re.compile(r"^//\s*:param\s+(?P<name>\w+)\s*=>\s*(?P<value>.+?)\s*$", re.M)


def doc_queries() -> list[tuple[str, str, dict[str, Any]]]:
    """(heading, query, sample parameters) of every cypher block under a ### heading."""
    text = DOC.read_text(encoding="utf-8")
    queries = []
    for match in _BLOCK.finditer(text):
        body = match["body"]
        params = {m["name"]: ast.literal_eval(m["value"]) for m in _PARAM.finditer(body)}
        queries.append((match["title"].strip(), body, params))
    return queries


QUERIES = doc_queries()


def test_the_doc_has_enough_queries_and_each_block_is_found() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert len(QUERIES) >= MIN_QUERIES
    assert text.count("```cypher") == len(QUERIES)


def test_every_parameter_has_a_sample_value() -> None:
    for title, body, params in QUERIES:
        used = set(re.findall(r"\$(\w+)", body))
        assert used == set(params), title


@pytest.fixture(scope="module")
def sample_graph(neo4j_driver: neo4j.Driver, neo4j_uri: str, full_build: Path) -> neo4j.Driver:
    """The test database holding exactly the sample build, loaded by `policygraph load`."""
    import os

    from api.cli import app
    from graph.loader import wipe

    wipe(neo4j_driver, TEST_DATABASE, uri=neo4j_uri, test_uri=os.environ.get("NEO4J_TEST_URI"))
    result = CliRunner().invoke(app, ["load", str(full_build), "--uri", neo4j_uri, "-q"])
    assert result.exit_code == 0, result.output
    return neo4j_driver


@pytest.mark.parametrize(("title", "query", "params"), QUERIES, ids=[q[0] for q in QUERIES])
def test_query_returns_rows(
    sample_graph: neo4j.Driver, title: str, query: str, params: dict[str, Any]
) -> None:
    records, _, _ = sample_graph.execute_query(
        query, params, database_=TEST_DATABASE, routing_=neo4j.RoutingControl.READ
    )
    assert records, f"{title}: no rows"
