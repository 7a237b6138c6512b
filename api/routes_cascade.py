"""``/plans/{key}/coverage``: does an implementing plan cover the parent's measures?"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import RepoDep, node_key
from api.errors import responses
from api.schemas_cascade import CoverageOut
from ontology.model import NodeKind

# Registered before the /plans detail route: its ``{key:path}`` would otherwise take
# ``…/coverage`` as part of the key.
router = APIRouter(prefix="/plans", tags=["plans"])


@router.get("/{key:path}/coverage", response_model=CoverageOut, responses=responses(404))
def plan_coverage(repo: RepoDep, key: str) -> Any:
    """Per implementing plan: the measures it carries out, the gaps, and targets side by side."""
    return repo.coverage(node_key(NodeKind.PLAN, key))
