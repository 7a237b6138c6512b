"""``/agencies``: who they are and what they carry."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import NotBlank, PageDep, RepoDep, listed, node_key
from api.errors import responses
from api.schemas import AgencyOut, ListOut, TaskOut
from ontology.model import NodeKind, Role

router = APIRouter(prefix="/agencies", tags=["agencies"])


@router.get("", response_model=ListOut[AgencyOut], responses=responses())
def list_agencies(
    repo: RepoDep, page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias."),
                 NotBlank] = None,
) -> Any:
    """Agencies whose name or alias matches ``q`` (best first), or all agencies by name."""
    return listed(repo.agencies(q, page), page)


@router.get("/{key:path}/tasks", response_model=ListOut[TaskOut], responses=responses(404))
def agency_tasks(
    repo: RepoDep, key: str, page: PageDep,
    role: Annotated[Role | None, Query(description="Only tasks it leads, or co-owns.")] = None,
) -> Any:
    """Tasks the agency leads (first) and co-owns, in document order."""
    return listed(repo.agency_tasks(node_key(NodeKind.AGENCY, key), role, page), page)


@router.get("/{key:path}", response_model=AgencyOut, responses=responses(404))
def get_agency(repo: RepoDep, key: str) -> Any:
    """One agency: aliases, level, region, task counts (``agency/`` may be left out)."""
    return repo.agency(node_key(NodeKind.AGENCY, key))
