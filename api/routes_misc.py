"""``/targets``, ``/brands``, ``/search``, ``/graph/subgraph`` and ``/health``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import NotBlank, PageDep, RepoDep, listed, node_key
from api.errors import responses
from api.schemas import (
    BrandDetailOut,
    BrandOut,
    HealthOut,
    ListOut,
    SearchHitOut,
    SubgraphOut,
    TargetRowOut,
)
from graph.repository import TargetFilter
from ontology.model import NodeKind

targets = APIRouter(prefix="/targets", tags=["targets"])
brands = APIRouter(prefix="/brands", tags=["brands"])
search = APIRouter(prefix="/search", tags=["search"])
graph = APIRouter(prefix="/graph", tags=["graph"])
health = APIRouter(prefix="/health", tags=["health"])

#: Most hops ``/graph/subgraph`` follows.
MAX_DEPTH = 3

Kinds = Annotated[list[NodeKind] | None, Query(
    description="Only nodes of these kinds (repeat the parameter for several).")]


@targets.get("", response_model=ListOut[TargetRowOut], responses=responses())
def list_targets(
    repo: RepoDep, page: PageDep,
    year: Annotated[int | None, Query(ge=1949, le=2100, description="Deadline year.")] = None,
    region: Annotated[str | None, Query(max_length=200,
                                        description="Region key or name, e.g. 德州市.")] = None,
    plan: Annotated[str | None, Query(max_length=200, description="Plan key.")] = None,
    agency: Annotated[str | None, Query(max_length=200,
                                        description="Agency key (lead or co on the task).")]
    = None,
) -> Any:
    """Targets by deadline year, filtered by year, region, plan or responsible agency."""
    filters = TargetFilter(
        year=year, region=region,
        plan=node_key(NodeKind.PLAN, plan) if plan else None,
        agency=node_key(NodeKind.AGENCY, agency) if agency else None)
    return listed(repo.targets(filters, page), page)


@brands.get("", response_model=ListOut[BrandOut], responses=responses())
def list_brands(repo: RepoDep, page: PageDep) -> Any:
    """Brands, programmes, awards and certifications, most often named first."""
    return listed(repo.brands(page), page)


@brands.get("/{key:path}", response_model=BrandDetailOut, responses=responses(404))
def get_brand(repo: RepoDep, key: str) -> Any:
    """One brand and the plans, tasks and targets naming it (``brand/`` may be left out)."""
    return repo.brand(node_key(NodeKind.BRAND, key))


@search.get("", response_model=ListOut[SearchHitOut], responses=responses())
def search_all(
    repo: RepoDep, page: PageDep,
    q: Annotated[str, Query(max_length=200, description="Words to find (not blank)."),
                 NotBlank],
    kinds: Kinds = None,
) -> Any:
    """Nodes of every kind whose names (or sentences) match ``q``, best first."""
    return listed(repo.search(q, frozenset(kinds) if kinds else None, page), page)


@graph.get("/subgraph", response_model=SubgraphOut, responses=responses(404))
def subgraph(
    repo: RepoDep,
    center: Annotated[str, Query(min_length=1, max_length=300, description="A node key.")],
    depth: Annotated[int, Query(ge=0, le=MAX_DEPTH, description="Hops from the center.")] = 1,
    kinds: Kinds = None,
) -> Any:
    """Nodes and edges around ``center`` as JSON for the network views."""
    return repo.subgraph(center, depth, frozenset(kinds) if kinds else None)


@health.get("", response_model=HealthOut, responses=responses())
def get_health(repo: RepoDep) -> Any:
    """The backend and the graph's size; 503 (the error shape) when Neo4j does not answer."""
    return repo.health()
