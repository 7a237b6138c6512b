"""``/plans``: the documents and their structure."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import PageDep, RepoDep, listed, node_key
from api.errors import responses
from api.schemas import ListOut, PlanOut, PlanTreeOut
from ontology.model import NodeKind

router = APIRouter(prefix="/plans", tags=["plans"])


@router.get("", response_model=ListOut[PlanOut], responses=responses())
def list_plans(repo: RepoDep, page: PageDep) -> Any:
    """All plans, provincial first, with the plans they implement and that implement them."""
    return listed(repo.plans(page), page)


@router.get("/{key:path}", response_model=PlanTreeOut, responses=responses(404))
def get_plan(repo: RepoDep, key: str) -> Any:
    """One plan as a tree: sections → tasks → lead/co agencies → targets; funding, brands."""
    return repo.plan(node_key(NodeKind.PLAN, key))
