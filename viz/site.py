"""A folder of offline network pages: every view plus an index (``policygraph viz --out``).

Each page is self-contained (see :mod:`viz.render`), so the folder can be copied
to a presenter's laptop and opened from ``file://``.  Besides the three whole-graph
views, a coverage page is written for every plan other plans implement (its measures and the
tasks carrying them out, :mod:`viz.coverage_view`), and ego networks for every plan, every
agency that leads a task and every brand named by two or more plans, tasks or targets; nodes
with an ego page link to it (double-click re-centres).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from graph.embedded import EmbeddedRepository
from graph.property_graph import PropertyGraph
from ontology.model import NodeKind, RelKind
from viz import coverage_view, fonts, views
from viz.describe import GraphIndex
from viz.errors import ViewTooLarge
from viz.layout import LayoutCache, prepare
from viz.model import ViewGraph, ViewNode
from viz.render import TEMPLATES, Linker, NodeLinks, render, render_message
from viz.style import FONT_FAMILY

INDEX: Final = "index.html"
#: Depth of the ego networks written to the site.
EGO_DEPTH: Final = 2


@dataclass(frozen=True)
class SitePage:
    """One written page: file name, title and what it shows."""

    href: str
    title: str
    count: str


def ego_file(key: str) -> str:
    """The file name of a node's ego page (keys become safe file names)."""
    return "ego-" + re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") + ".html"


def coverage_file(key: str) -> str:
    """The file name of a plan's coverage page."""
    return "coverage-" + re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") + ".html"


def ego_centres(index: GraphIndex) -> list[str]:
    """Nodes worth an ego page: plans, agencies that lead, brands named twice or more."""
    centres = [n.key for n in index.of_kind(NodeKind.PLAN)]
    centres += [n.key for n in index.of_kind(NodeKind.AGENCY) if index.out(n.key, RelKind.LEADS)]
    namers = Counter(e.end for e in views.brands(index).edges
                     if index.nodes[e.end].kind is NodeKind.BRAND)
    centres += [n.key for n in index.of_kind(NodeKind.BRAND) if namers[n.key] >= 2]
    return centres


def write_site(graph: PropertyGraph, out: Path, *, cache: LayoutCache | None = None,
               ego_depth: int = EGO_DEPTH) -> list[SitePage]:
    """Write every view and an index page to ``out``; returns the pages (index last)."""
    out.mkdir(parents=True, exist_ok=True)
    index = GraphIndex(graph)
    centres = ego_centres(index)
    files = {key: ego_file(key) for key in centres}

    def linker(node: ViewNode) -> NodeLinks:
        # A merged node ("5个目标") leads to its owner's page, where the members are.
        return NodeLinks(ego_url=files.get(node.id) or files.get(node.group or ""))

    covered = coverage_view.parent_coverages(EmbeddedRepository(graph), len(graph.nodes))
    nav = [("首页", INDEX), ("责任网络", "responsibility.html"), ("规划层级", "hierarchy.html"),
           ("品牌体系", "brands.html")]
    if covered:
        nav.append(("措施落实", coverage_file(covered[0].plan.key)))
    whole = [("responsibility.html", views.responsibility(index)),
             ("hierarchy.html", views.hierarchy(index)),
             ("brands.html", views.brands(index))]
    whole += [(coverage_file(c.plan.key), coverage_view.coverage(c)) for c in covered]
    pages = [_write(out / name, view, nav, linker, cache) for name, view in whole]
    egos = [_write(out / files[key], views.ego(index, key, depth=ego_depth), nav, linker, cache)
            for key in centres]
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    summary = (f"{len(graph.nodes)} 个节点，{len(graph.rels)} 条关系；"
               f"{len(index.of_kind(NodeKind.PLAN))} 份规划，"
               f"{len(index.of_kind(NodeKind.TASK))} 项任务，"
               f"{len(index.of_kind(NodeKind.AGENCY))} 个部门")
    (out / INDEX).write_text(fonts.embed(env.get_template("index.html").render(
        views=pages, egos=egos, summary=summary, font=Markup(FONT_FAMILY))), encoding="utf-8")
    return [*pages, *egos, SitePage(INDEX, "policygraph 网络视图", summary)]


def _write(path: Path, view: ViewGraph, nav: list[tuple[str, str]],
           linker: Linker, cache: LayoutCache | None) -> SitePage:
    count = f"{len(view.nodes)} 个节点，{len(view.edges)} 条关系"
    try:
        page = render(prepare(view, cache=cache), nav=nav, linker=linker)
    except ViewTooLarge as e:
        page = render_message(view.title, f"这个视图有 {e.nodes} 个节点，超过上限 {e.cap}，"
                              "无法在浏览器中流畅显示；请在服务端用筛选条件缩小范围。", nav=nav)
        count = f"{e.nodes} 个节点（超过上限，未绘制）"
    path.write_text(page, encoding="utf-8")
    return SitePage(path.name, view.title, count)
