"""The last fence: whatever gets past the others, the caller has its answer in time.

With the text fence switched off, 2,000 nested parentheses reach the real Neo4j, whose
parser overflows its stack; the connection then stays silent until the driver's read
timeout (120 s).  The runner must answer after the timeout plus its grace all the same,
and keep serving other statements meanwhile.
"""

from __future__ import annotations

import time

import pytest
from api_support import neo4j_repository, neo4j_test_uri

import graph.cypher_run
from graph.cypher_run import GRACE
from graph.repository import CypherLimits, CypherTimeout

pytestmark = pytest.mark.neo4j


def test_a_silent_neo4j_is_abandoned_in_time(neo4j_repo: object,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    repo = neo4j_repository(neo4j_test_uri())  # its own driver: one connection is lost
    limits = CypherLimits(timeout=1.0, max_rows=10, max_bytes=10_000)
    try:
        monkeypatch.setattr(graph.cypher_run, "check_read_only", lambda statement: None)
        began = time.perf_counter()
        with pytest.raises(CypherTimeout, match="abandoned"):
            repo.run_cypher("RETURN " + "(" * 2000 + "1" + ")" * 2000, {}, limits)
        assert time.perf_counter() - began < limits.timeout + GRACE + 0.5
        assert repo.run_cypher("RETURN 1 AS one", {}, limits).rows == [[1]]
    finally:
        repo.close()
