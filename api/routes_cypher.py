"""``POST /cypher``: analysts' read-only Cypher, fenced (Neo4j backend only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import RepoDep, SettingsDep
from api.errors import responses
from api.schemas import CypherIn, CypherOut
from graph.repository import CypherLimits

router = APIRouter(prefix="/cypher", tags=["cypher"])


@router.post("", response_model=CypherOut, responses=responses(400, 401, 413, 429, 501))
def run_cypher(body: CypherIn, repo: RepoDep, settings: SettingsDep) -> Any:
    """Run one read-only query with $parameters: refused if it could write, cut at the caps."""
    limits = CypherLimits(
        timeout=min(body.timeout or settings.cypher_timeout, settings.cypher_timeout),
        max_rows=min(body.limit or settings.cypher_max_rows, settings.cypher_max_rows),
        max_bytes=settings.cypher_max_bytes)
    return repo.run_cypher(body.query, body.parameters, limits)
