"""Coordinators' endpoints: ledgers (XLSX, CSV), deadlines (JSON, iCalendar), workload."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import PageDep, RepoDep, listed, node_key
from api.errors import responses
from api.ics import calendar_bytes
from api.ledger_files import MEDIA_TYPES, ledger_bytes
from api.schemas import ListOut
from api.schemas_coordination import AgencyLoadOut, DeadlineOut, RankedAgencyOut
from graph import coordination, ledger
from graph.repository import Page
from ontology.model import NodeKind

# Registered before the /plans and /agencies detail routes, whose ``{key:path}`` would
# otherwise take ``…/ledger.xlsx`` as part of a key.
plans = APIRouter(prefix="/plans", tags=["plans"])
agencies = APIRouter(prefix="/agencies", tags=["agencies"])
deadlines = APIRouter(prefix="/deadlines", tags=["deadlines"])

Format = Literal["xlsx", "csv"]
_FILE: dict[int | str, dict[str, Any]] = {
    200: {"content": {MEDIA_TYPES["xlsx"]: {}, MEDIA_TYPES["csv"]: {}},
          "description": "The ledger file."}}


def _file(data: bytes, fmt: str, name: str) -> Response:
    return Response(data, media_type=MEDIA_TYPES[fmt], headers={
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _safe_name(key: str) -> str:
    return key.replace("/", "-")


@plans.get("/{key:path}/ledger.{fmt}", response_class=Response,
           responses={**responses(404), **_FILE})
def plan_ledger(repo: RepoDep, key: str, fmt: Format) -> Response:
    """The plan's 任务分解表: one row per task (序号, 任务, 牵头单位, 配合单位, 目标, 完成时限,
    所属规划, 原文, 出处), as XLSX or CSV (UTF-8 with BOM)."""
    plan_key = node_key(NodeKind.PLAN, key)
    sheet = ledger.plan_sheet(repo.plan(plan_key))
    return _file(ledger_bytes([sheet], fmt), fmt, f"ledger-{_safe_name(plan_key)}")


@agencies.get("/ranking", response_model=ListOut[RankedAgencyOut], responses=responses())
def agency_ranking(
    repo: RepoDep, page: PageDep,
    by: Annotated[coordination.RankBy, Query(
        description="Rank by lead tasks, co-owned tasks, all tasks or their targets; ties "
        "by lead tasks.")] = "total",
) -> Any:
    """Agencies with tasks, most loaded first by ``by``."""
    lines = coordination.ranking(repo, by)
    return listed(Page(page.slice(lines), len(lines)), page)


@agencies.get("/{key:path}/ledger.{fmt}", response_class=Response,
              responses={**responses(404), **_FILE})
def agency_ledger(repo: RepoDep, key: str, fmt: Format) -> Response:
    """The tasks an agency leads or co-owns as a ledger: one sheet per plan (XLSX), or one
    table (CSV)."""
    agency_key = node_key(NodeKind.AGENCY, key)
    repo.agency(agency_key)  # 404 for an unknown agency
    sheets = ledger.agency_sheets(repo, agency_key)
    return _file(ledger_bytes(sheets, fmt), fmt, f"ledger-{_safe_name(agency_key)}")


@agencies.get("/{key:path}/deadlines.ics", response_class=Response,
              responses={**responses(404),
                         200: {"content": {"text/calendar": {}},
                               "description": "An iCalendar feed."}})
def agency_calendar(repo: RepoDep, key: str) -> Response:
    """The agency's deadlines as an iCalendar feed: one all-day event per deadline."""
    agency_key = node_key(NodeKind.AGENCY, key)
    agency = repo.agency(agency_key)
    items = coordination.deadlines(repo, coordination.DeadlineFilter(agency=agency_key),
                                   date.today())
    return Response(calendar_bytes(agency.name, items), media_type="text/calendar",
                    headers={"Content-Disposition":
                             f'attachment; filename="{_safe_name(agency_key)}.ics"'})


@agencies.get("/{key:path}/workload", response_model=AgencyLoadOut, responses=responses(404))
def agency_workload(repo: RepoDep, key: str) -> Any:
    """Per plan: how many tasks the agency leads and co-owns, their targets, and its
    nearest deadlines."""
    return coordination.workload(repo, node_key(NodeKind.AGENCY, key), date.today())


@deadlines.get("", response_model=ListOut[DeadlineOut], responses=responses())
def list_deadlines(
    repo: RepoDep, page: PageDep,
    start: Annotated[int | None, Query(alias="from", ge=1949, le=2100,
                                       description="First due year.")] = None,
    end: Annotated[int | None, Query(alias="to", ge=1949, le=2100,
                                     description="Last due year.")] = None,
    agency: Annotated[str | None, Query(max_length=200,
                                        description="Agency key (lead or co).")] = None,
    region: Annotated[str | None, Query(max_length=200,
                                        description="Region key or name of the plan.")] = None,
) -> Any:
    """Dated tasks and targets by due date, with their owners, plan and status today."""
    filters = coordination.DeadlineFilter(
        start=start, end=end, region=region,
        agency=node_key(NodeKind.AGENCY, agency) if agency else None)
    items = coordination.deadlines(repo, filters, date.today())
    return listed(Page(page.slice(items), len(items)), page)
