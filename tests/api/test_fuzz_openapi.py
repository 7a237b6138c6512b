"""Schemathesis over the OpenAPI schema, against both backends: no 500s, no hangs, one error shape.

Schemathesis generates requests from the schema the app serves (valid and invalid values for
every parameter of every operation) and sends them through the ASGI app in-process.  Every
response must come within :data:`ANSWER_WITHIN` seconds, with no status of 500 or above, and
every error must be the one JSON shape ``{"error": {"status", "code", "message"}}``.  The
number of examples per operation is bounded, so the run takes a bounded time.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import schemathesis
from api_support import make_client, settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from api.app import create_app
from graph.repository import Repository

ANSWER_WITHIN = 5.0


@pytest.fixture(scope="session")
def api_schema(backend: str, repo: Repository) -> Any:
    app = create_app(settings(backend), repository=repo)
    with make_client(app):  # run the lifespan once, as a served app would
        pass
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@hypothesis_settings(max_examples=30, deadline=None, derandomize=True,
                     suppress_health_check=list(HealthCheck))
def test_no_server_error_and_one_error_shape(case: Any) -> None:
    began = time.monotonic()
    response = case.call(headers={"host": "testserver"})
    taken = time.monotonic() - began
    assert taken < ANSWER_WITHIN, f"{case.method} {case.formatted_path} took {taken:.1f} s"
    if response.status_code == 503 and response.json()["error"]["code"] == "store_unavailable":
        # A read Neo4j did not answer within the service's deadline (graph.deadline): on a
        # shared, overloaded machine that can be the machine, not the request.  The same
        # request once more, after a pause, must be answered; a request that is always too
        # slow still fails here.
        time.sleep(2)
        response = case.call(headers={"host": "testserver"})
    # 501 is the documented answer of the embedded backend to POST /cypher (no Cypher there)
    allowed = response.status_code < 500 or (response.status_code == 501 and case.path == "/cypher")
    assert allowed, (case.method, case.formatted_path, case.query, response.status_code,
                     response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"}, body
        error = body["error"]
        assert set(error) == {"status", "code", "message"}, body
        assert error["status"] == response.status_code
        assert isinstance(error["code"], str) and isinstance(error["message"], str)
