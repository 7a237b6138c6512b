"""``/tasks``: the coordinators' question — which agency owns this task?"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import NotBlank, PageDep, RepoDep, listed, node_key
from api.errors import responses
from api.schemas import TaskListOut, TaskOut
from ontology.model import NodeKind

router = APIRouter(prefix="/tasks", tags=["tasks"])

QueryText = Annotated[str | None, Query(
    max_length=200, description="Words of a question, e.g. 科技研发, 标准化 or 哪个部门负责科技研發 "
    "(Simplified or Traditional, partial words too); blank is refused."), NotBlank]


@router.get("", response_model=TaskListOut, responses=responses())
def list_tasks(repo: RepoDep, page: PageDep, q: QueryText = None) -> Any:
    """Tasks matching the question, title matches first, with their agencies (100 at most)."""
    found = repo.tasks(q, page)
    return {**listed(found, page), "count_capped": found.capped}


@router.get("/{key:path}", response_model=TaskOut, responses=responses(404))
def get_task(repo: RepoDep, key: str) -> Any:
    """One task by key (``task/…``; the ``task/`` prefix may be left out)."""
    return repo.task(node_key(NodeKind.TASK, key))
