"""Web pages: the coordinators' search page, agency and plan pages, live network views.

Plain HTML from jinja2 templates (``api/templates``), readable on a phone, no build
step.  The network views are the same pages ``policygraph viz`` writes, drawn from
whatever backend the repository runs on, with filters as query parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Annotated, Final, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from api.deps import RepoDep
from api.routes_enterprises import ProgrammesDep
from graph import coordination
from graph.enterprise_results import TargetProgress
from graph.errors import NotFound
from graph.progress import ProgrammeTable
from graph.repository import PageRequest, Repository, TaskInfo
from ontology.model import NodeKind, Role
from viz import coverage_view, fonts, views
from viz.describe import target_text as _target_props_text
from viz.errors import UnknownNode, ViewTooLarge
from viz.layout import prepare
from viz.model import ViewGraph, ViewNode
from viz.render import STATIC, Linker, NodeLinks, render, render_message
from viz.snapshot import SnapshotCache
from viz.style import aligned_rel, edge_style

router = APIRouter()
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")

#: Results on the search page; a coordinator reads the first few.
SEARCH_LIMIT: Final = 20
AGENCY_TASKS_LIMIT: Final = 100
#: Plans other plans implement shown on the coordinators' page and the coverage index.
COVERAGE_LIMIT: Final = 20
_LEVEL_ZH: Final = {"national": "国家", "province": "省级", "city": "市级", "county": "县级"}
_snapshots = SnapshotCache()


def _target_text(target: object) -> str:
    fields = ("metric", "value", "unit", "qualifier", "year")
    return _target_props_text({f: getattr(target, f, None) for f in fields})


def _score_colour(score: float) -> str:
    return edge_style(aligned_rel(score)).color


templates.env.globals.update(target_text=_target_text, score_colour=_score_colour,
                             level_zh=lambda level: _LEVEL_ZH.get(level, level))


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _page(request: Request, name: str, **context: object) -> HTMLResponse:
    page = templates.get_template(name).render({"request": request, "root": _root(request),
                                                **context})
    return HTMLResponse(fonts.embed(page))  # its own CJK glyphs: readable on any machine


def _progress(repo: Repository, table: ProgrammeTable,
              keys: Iterable[str]) -> dict[str, TargetProgress]:
    """Progress of the targets shown on a page that a programme-table rule matches."""
    found = {key: repo.target_progress(key, table) for key in dict.fromkeys(keys)}
    return {key: progress for key, progress in found.items() if progress.programmes}


def _task_target_keys(tasks: Iterable[TaskInfo]) -> list[str]:
    return [t.key for task in tasks for t in task.targets]


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """The site's icon (SVG: every browser the pages support draws it)."""
    return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, repo: RepoDep, programmes: ProgrammesDep,
                q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """The coordinators' page: which agency is responsible for a task."""
    query = (q or "").strip()
    found = repo.tasks(query, PageRequest(limit=SEARCH_LIMIT)) if query else None
    results = found.data if found else ()
    return _page(request, "search.html", q=query, results=results,
                 count=found.count if found else 0, capped=found.capped if found else False,
                 progress=_progress(repo, programmes, _task_target_keys(results)),
                 cascades=[] if query else coverage_view.parent_coverages(repo, COVERAGE_LIMIT))


@router.get("/agency", response_class=HTMLResponse, include_in_schema=False)
def agency_page(request: Request, repo: RepoDep, programmes: ProgrammesDep,
                key: str) -> HTMLResponse:
    """An agency: names, region, and the tasks it leads and shares."""
    tasks = repo.agency_tasks(key, None, PageRequest(limit=AGENCY_TASKS_LIMIT))
    return _page(request, "agency.html", agency=repo.agency(key), tasks=tasks.data,
                 count=tasks.count,
                 progress=_progress(repo, programmes, _task_target_keys(tasks.data)))


@router.get("/plan", response_class=HTMLResponse, include_in_schema=False)
def plan_page(request: Request, repo: RepoDep, programmes: ProgrammesDep,
              key: str) -> HTMLResponse:
    """A plan: sections, tasks with their agencies, targets (with what the published lists
    hold for them) and funding."""
    plan = repo.plan(key)
    keys = [t.key for t in plan.targets] + _task_target_keys(
        task for section in plan.sections for task in section.tasks)
    return _page(request, "plan.html", plan=plan, progress=_progress(repo, programmes, keys))


_STATUS_ZH: Final = (("overdue", "已逾期"), ("this_year", "今年到期"), ("next_year", "明年到期"),
                     ("later", "以后"))


@router.get("/due", response_class=HTMLResponse, include_in_schema=False)
def due_page(request: Request, repo: RepoDep,
             agency: Annotated[str | None, Query(max_length=200)] = None,
             region: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """到期: dated tasks and targets, overdue first, then due this year, next year, later."""
    today = date.today()
    items = coordination.deadlines(repo, coordination.DeadlineFilter(agency=agency,
                                                                     region=region), today)
    groups = [(label, [d for d in items if d.status == code]) for code, label in _STATUS_ZH]
    who = repo.agency(agency).name if agency else None
    return _page(request, "due.html", groups=groups, today=today, agency=agency, who=who,
                 region=region, count=len(items))


@router.get("/target", response_class=HTMLResponse, include_in_schema=False)
def target_page(request: Request, repo: RepoDep, programmes: ProgrammesDep,
                key: str) -> HTMLResponse:
    """A target beside the published lists of the programmes it counts: per year, and the
    list behind the number."""
    return _page(request, "target.html", progress=repo.target_progress(key, programmes))


@router.get("/coverage", response_class=HTMLResponse, include_in_schema=False)
def coverage_page(request: Request, repo: RepoDep, key: str | None = None) -> HTMLResponse:
    """Does the city's plan cover the province's measures: one plan's coverage, or (no key)
    every plan other plans implement."""
    if key is None:
        return _page(request, "coverage_index.html",
                     cascades=coverage_view.parent_coverages(repo, COVERAGE_LIMIT))
    return _page(request, "coverage.html", coverage=repo.coverage(key))


#: Where a clicked node's details are: the HTML pages for agencies and plans, the JSON API else.
_DETAIL: Final = {NodeKind.AGENCY: "/agency?key=", NodeKind.PLAN: "/plan?key=",
                  NodeKind.TASK: "/tasks/", NodeKind.BRAND: "/brands/"}


def _linker(root: str, depth: int) -> Linker:
    def link(node: ViewNode) -> NodeLinks:
        key = quote(node.id, safe="/")
        detail = _DETAIL.get(node.kind)
        return NodeLinks(ego_url=f"{root}/viz/ego?center={key}&depth={depth}",
                         api_url=f"{root}{detail}{key}" if detail else None)

    return link


def _network(request: Request, view: ViewGraph, depth: int = 1) -> HTMLResponse:
    root = _root(request)
    nav = [("查询", f"{root}/"), ("责任网络", f"{root}/viz/responsibility"),
           ("规划层级", f"{root}/viz/hierarchy"), ("品牌体系", f"{root}/viz/brands"),
           ("措施落实", f"{root}/viz/coverage")]
    try:
        prepared = prepare(view)
    except ViewTooLarge as e:
        message = (f"这个视图有 {e.nodes} 个节点，超过上限 {e.cap}，无法在浏览器中流畅显示。"
                   "请加上筛选条件（规划、地区、部门或角色）缩小范围。")
        return HTMLResponse(render_message(view.title, message, nav=nav), status_code=422)
    return HTMLResponse(render(prepared, nav=nav, linker=_linker(root, depth)))


def _view(build: Callable[..., ViewGraph], *args: object, **kwargs: object) -> ViewGraph:
    """Run a view; an unknown key becomes the graph layer's NotFound (404 in one place)."""
    try:
        return build(*args, **kwargs)
    except UnknownNode as e:
        raise NotFound(f"no {e.what} with key {e.key!r}") from e


@router.get("/viz/responsibility", response_class=HTMLResponse, include_in_schema=False)
def responsibility_view(request: Request, repo: RepoDep, plan: str | None = None,
                        region: str | None = None, agency: str | None = None,
                        role: Role | None = None) -> HTMLResponse:
    """Agencies and tasks: lead links solid and thick, co-responsible dashed and thin."""
    index = _snapshots.index(repo)
    return _network(request, _view(views.responsibility, index, plan=plan, region=region,
                                   agency=agency, role=role))


@router.get("/viz/hierarchy", response_class=HTMLResponse, include_in_schema=False)
def hierarchy_view(request: Request, repo: RepoDep, plan: str | None = None,
                   targets: Literal["all"] | None = None) -> HTMLResponse:
    """Measures → implementing plans → sections → tasks → targets with deadline years
    (several targets of one owner as one node, unless ``targets=all``)."""
    return _network(request, _view(views.hierarchy, _snapshots.index(repo), plan=plan,
                                   targets=targets == "all"))


@router.get("/viz/brands", response_class=HTMLResponse, include_in_schema=False)
def brands_view(request: Request, repo: RepoDep, brand: str | None = None) -> HTMLResponse:
    """Brands, programmes, awards and certifications, and what names them."""
    return _network(request, _view(views.brands, _snapshots.index(repo), brand=brand))


@router.get("/viz/coverage", response_class=HTMLResponse, include_in_schema=False)
def coverage_network(request: Request, repo: RepoDep, plan: str | None = None) -> HTMLResponse:
    """A parent plan's measures, the tasks of the plans implementing it, links by score
    (no plan: the first plan other plans implement)."""
    if plan is None:
        found = coverage_view.parent_coverages(repo, 1)
        if not found:
            return HTMLResponse(render_message("措施落实", "还没有下级文件落实的上级文件。"))
        return _network(request, coverage_view.coverage(found[0]))
    return _network(request, coverage_view.coverage(repo.coverage(plan)))


@router.get("/viz/ego", response_class=HTMLResponse, include_in_schema=False)
def ego_view(request: Request, repo: RepoDep, center: str,
             depth: Annotated[int, Query(ge=0, le=views.MAX_DEPTH)] = 1) -> HTMLResponse:
    """The neighbourhood of any node, ``depth`` links deep."""
    view = _view(views.ego, _snapshots.index(repo), center, depth=depth)
    return _network(request, view, depth)
