"""The text fence on its own (no server): decoding as Neo4j does, the nesting bound."""

from __future__ import annotations

import pytest

from graph.cypher_guard import (
    MAX_DEPTH,
    MAX_SUBQUERY_DEPTH,
    MAX_UNIONS,
    check_read_only,
    decode_escapes,
    nesting,
    tokens,
)
from graph.repository import CypherRejected


@pytest.mark.parametrize(("text", "decoded"), [
    ("\\u004cOAD CSV", "LOAD CSV"),
    ("RETURN 'a\\u0027 AS x", "RETURN 'a' AS x"),  # the escape closes the string
    ("'a\\\\u0041'", "'a\\\\u0041'"),  # an escaped backslash: no escape follows
    ("'a\\\\\\u0041'", "'a\\\\A'"),  # three backslashes: the third starts one
    ("'a\\u005cu0041'", "'a\\u0041'"),  # a decoded backslash starts nothing
    ("no escapes", "no escapes"),
])
def test_escapes_are_decoded_as_neo4j_does(text: str, decoded: str) -> None:
    assert decode_escapes(text) == decoded


def test_a_malformed_escape_is_refused() -> None:
    with pytest.raises(CypherRejected, match="four hexadecimal digits"):
        decode_escapes("RETURN \\u12G4")


def depth(statement: str) -> int:
    return nesting(list(tokens(statement))).depth


@pytest.mark.parametrize(("statement", "expected"), [
    ("RETURN 1", 0),
    ("RETURN ((1))", 2),
    ("RETURN a.b.c", 2),
    ("RETURN 1 + 2 + 3", 2),
    ("RETURN count(a) + 1, count(b) + 1, count(c) + 1", 1),  # commas end expressions
    ("MATCH (a) WHERE a.x = 1 AND a.y = 2 AND a.z = 3 RETURN a", 2),  # Neo4j flattens AND
    ("WITH 1 AS and RETURN and + and + and", 2),  # a keyword as a variable ends nothing
    ("RETURN CASE WHEN a THEN CASE WHEN b THEN 1 END END", 2),
    ("WITH [[]] AS m RETURN m[0][0]", 2),
    ("MATCH (a)-->(b)-->(c) RETURN a", 7),  # each hop: -, -, > and a node
])
def test_nesting_depth_bounds_the_syntax_tree(statement: str, expected: int) -> None:
    assert depth(statement) == expected


def test_limits() -> None:
    check_read_only("RETURN " + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH)
    with pytest.raises(CypherRejected, match=f"at most {MAX_DEPTH}"):
        check_read_only("RETURN " + "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1))
    with pytest.raises(CypherRejected, match=f"at most {MAX_DEPTH}"):
        check_read_only("RETURN " + "(" * 5000)  # unclosed: Neo4j would recurse all the same
    exists = "MATCH (a) WHERE {} RETURN a"
    inner = "true"
    for _ in range(MAX_SUBQUERY_DEPTH):
        inner = f"EXISTS {{ MATCH (a) WHERE {inner} }}"
    check_read_only(exists.format(inner))
    with pytest.raises(CypherRejected, match="subqueries"):
        check_read_only(exists.format(f"EXISTS {{ MATCH (a) WHERE {inner} }}"))
    check_read_only(" UNION ".join(["RETURN 1 AS x"] * (MAX_UNIONS + 1)))
    with pytest.raises(CypherRejected, match="UNION"):
        check_read_only(" UNION ALL ".join(["RETURN 1 AS x"] * (MAX_UNIONS + 2)))


@pytest.mark.parametrize("statement", [
    "MATCH (e:Evidence) RETURN e.spanStart AS start, e.spanEnd AS end",  # aliases, not clauses
    "MATCH (n {set: 1, create: 2}) RETURN n.delete",
    "RETURN '\\u0043REATE' AS text",  # decoded, and still inside the string
])
def test_keywords_as_names_are_fine(statement: str) -> None:
    check_read_only(statement)


@pytest.mark.parametrize(("statement", "why"), [
    ("\\u0043ALL \\u0064b.stats.retrieve('QUERIES')", "db.stats.retrieve"),
    ("RETURN 1 // \rCREATE (:X)", "CREATE"),
    ("\uff2c\uff2f\uff21\uff24 CSV FROM 'x' AS l RETURN l", "LOAD"),
    ("INSERT (:X)", "INSERT"),
    (":param x => 1", ":param"),
    ("CALL tx.getMetaData()", "tx.*"),
])
def test_disguised_statements_are_refused(statement: str, why: str) -> None:
    with pytest.raises(CypherRejected, match="refused before running") as refused:
        check_read_only(statement)
    assert why in str(refused.value)
