"""``/enterprises``, ``/brands/{key}/holders`` and ``/targets/{key}/progress``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.deps import NotBlank, PageDep, RepoDep, listed, node_key
from api.errors import responses
from api.schemas import ListOut
from api.schemas_enterprises import EnterpriseDetailOut, EnterpriseOut, TargetProgressOut
from graph.enterprise_results import EnterpriseFilter
from graph.progress import ProgrammeTable
from ontology.model import NodeKind

enterprises = APIRouter(prefix="/enterprises", tags=["enterprises"])
# Registered before the /brands and /targets detail routes: their ``{key:path}`` would
# otherwise take ``…/holders`` and ``…/progress`` as part of the key.
holders = APIRouter(prefix="/brands", tags=["brands"])
progress = APIRouter(prefix="/targets", tags=["targets"])


def get_programmes(request: Request) -> ProgrammeTable:
    """The programme table the app was created with."""
    table: ProgrammeTable = request.state.programmes
    return table


ProgrammesDep = Annotated[ProgrammeTable, Depends(get_programmes)]


@enterprises.get("", response_model=ListOut[EnterpriseOut], responses=responses())
def list_enterprises(
    repo: RepoDep, page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="Words of the name."),
                 NotBlank] = None,
    region: Annotated[str | None, Query(
        max_length=200, description="Region key or name; takes in the regions within it.")]
    = None,
    programme: Annotated[str | None, Query(
        max_length=200, description="Programme (brand) key or name, e.g. 好品山东.")] = None,
) -> Any:
    """Enterprises by name, filtered by words of the name, region and programme."""
    return listed(repo.enterprises(EnterpriseFilter(query=q, region=region, programme=programme),
                                   page), page)


@enterprises.get("/{key:path}", response_model=EnterpriseDetailOut, responses=responses(404))
def get_enterprise(repo: RepoDep, key: str) -> Any:
    """One enterprise: brands, programmes, region, plans naming it, recognitions, evidence."""
    return repo.enterprise(node_key(NodeKind.ENTERPRISE, key))


@holders.get("/{key:path}/holders", response_model=ListOut[EnterpriseOut],
             responses=responses(404))
def brand_holders(repo: RepoDep, page: PageDep, key: str) -> Any:
    """Enterprises holding a brand, or recognised in it when it is a programme."""
    return listed(repo.brand_holders(node_key(NodeKind.BRAND, key), page), page)


@progress.get("/{key:path}/progress", response_model=TargetProgressOut,
              responses=responses(404))
def target_progress(repo: RepoDep, programmes: ProgrammesDep, key: str) -> Any:
    """What published lists hold for the programmes a target counts, by year, in the
    target's region, against the target, with the list behind the number."""
    return repo.target_progress(node_key(NodeKind.TARGET, key), programmes)
