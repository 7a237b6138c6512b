"""A view as one self-contained HTML page (the only module that imports pyvis).

The page is pyvis' ``generate_html()`` over our template (``viz/templates/network.html``)
rather than pyvis' own, because that one links Bootstrap from a CDN and has no
room for a legend or an info panel.  vis-network's script and styles are read
from the files pyvis ships and inlined, so a page works from ``file://`` with
the network unplugged; :func:`strip_remote` then removes any ``http(s)`` script
or stylesheet reference that could still slip in.

Tooltips are HTML built here from document text that is always escaped
(:func:`tooltip_html`); the page turns them into elements because vis-network
shows string titles as plain text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from viz import fonts, placement, svg
from viz.layout import LABEL_LAYOUT_MAX, PreparedView
from viz.model import ViewGraph, ViewNode
from viz.style import (
    CENTER_BORDER,
    FONT_FAMILY,
    LegendEntry,
    edge_style,
    legend,
    node_style,
)

_HERE: Final = Path(__file__).parent
TEMPLATES: Final = _HERE / "templates"
STATIC: Final = _HERE / "static"
#: The vis-network build pyvis ships (and its template inlines).
VIS_DIR: Final = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
_REMOTE_TAG: Final = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script>"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>"
    r"|@import\s+(?:url\()?[\"']?\s*(?:https?:)?//[^;]*;", re.IGNORECASE)
_SENTENCE_CHARS: Final = 300
#: The page never opens zoomed out further than this, so labels stay readable (14 px × 0.85
#: ≈ 12 px); a view too large for the window at that scale opens on its top left part.
MIN_SCALE: Final = 0.85


@dataclass(frozen=True)
class NodeLinks:
    """Where a node leads: its ego network (re-centre) and its API detail."""

    ego_url: str | None = None
    api_url: str | None = None


Linker = Callable[[ViewNode], NodeLinks]


def tooltip_html(node: ViewNode) -> str:
    """The tooltip of a node: full name, details and source sentence, all text escaped."""
    parts = [f"<b>{html.escape(node.name)}</b>"]
    if node.details:
        rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>"
                       for k, v in node.details)
        parts.append(f"<dl>{rows}</dl>")
    if node.sentence:
        sentence = node.sentence
        if len(sentence) > _SENTENCE_CHARS:
            sentence = sentence[:_SENTENCE_CHARS] + "…"
        parts.append(f"<blockquote>原文：{html.escape(sentence)}</blockquote>")
    return "".join(parts)


def _node_options(node: ViewNode, links: NodeLinks) -> dict[str, Any]:
    style = node_style(node.kind, node.brand_kind)
    options: dict[str, Any] = {
        "label": node.label, "shape": style.shape, "color": style.color,
        "size": placement.node_size(node), "title": tooltip_html(node), "kind": node.kind.value,
    }
    if node.center:
        options.update(borderWidth=4, color={"background": style.color, "border": CENTER_BORDER},
                       font={"size": placement.font_size(node), "bold": True})
    if node.level is not None:
        options["level"] = node.level
    if node.x is not None and node.y is not None:
        options.update(x=node.x, y=node.y)
    if links.ego_url:
        options["ego_url"] = links.ego_url
    if links.api_url:
        options["api_url"] = links.api_url
    return options


def _options(view: ViewGraph, physics: bool) -> dict[str, Any]:
    # Beyond the label layout's reach the page keeps a frame cheap: no arrowheads, no hover.
    large = len(view.nodes) > LABEL_LAYOUT_MAX
    return {
        "autoResize": True,
        "nodes": {"font": {"size": placement.FONT_SIZE, "face": FONT_FAMILY}, "borderWidth": 1},
        # Straight edges, as the exported SVG draws them.
        "edges": {"smooth": False, "color": {"inherit": False}},
        "interaction": {"hover": not large, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -110, "springLength": 110,
                                         "avoidOverlap": 0.6},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "layout": {"improvedLayout": False},
    }


def legend_html(entries: list[LegendEntry]) -> str:
    """The legend as a list of inline SVG symbols (no images, nothing fetched)."""
    items = []
    for e in entries:
        color = html.escape(e.color)
        if e.item == "node":
            symbol = (f'<svg width="16" height="16" aria-hidden="true"><g transform="translate(8 8)">'
                      f"{svg.shape_svg(e.shape, 6.5, color)}</g></svg>")
        else:
            dash = f' stroke-dasharray="{" ".join(map(str, e.dashes))}"' if e.dashes else ""
            head = ""
            if e.arrow is not None:
                head = "".join(f'<g transform="translate({at} 7)">'
                               f"{svg.arrow_path(e.arrow, color, 8)}</g>"
                               for at in svg.head_places(e.arrow_at, 22, 38))
            symbol = (f'<svg width="40" height="14" aria-hidden="true"><line x1="1" y1="7" x2="38" '
                      f'y2="7" stroke="{color}" stroke-width="{max(e.width, 1.2)}"{dash}/>'
                      f"{head}</svg>")
        items.append(f"<li>{symbol}<span>{html.escape(e.label)}</span></li>")
    return "<ul>" + "".join(items) + "</ul>"


@lru_cache(maxsize=1)
def _assets() -> dict[str, Markup]:
    """vis-network's script and styles (from pyvis' package files) and ours, read once."""
    return {
        "vis_js": Markup((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        "vis_css": Markup((VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        "page_js": Markup((STATIC / "network.js").read_text(encoding="utf-8")),
        "page_css": Markup((STATIC / "network.css").read_text(encoding="utf-8")),
    }


def strip_remote(page: str) -> str:
    """Remove every script, stylesheet or import that would load from the network."""
    return _REMOTE_TAG.sub("", page)


def render(prepared: PreparedView, *, nav: list[tuple[str, str]] | None = None,
           linker: Linker | None = None, height: str = "100%") -> str:
    """The self-contained HTML page of a prepared view."""
    view = prepared.view
    net = Network(height=height, width="100%", directed=True, heading=view.title,
                  cdn_resources="in_line")
    for node in view.nodes:
        links = linker(node) if linker else NodeLinks()
        options = _node_options(node, links)
        net.add_node(node.id, **options)
    # pyvis' add_edge scans every node and edge per call (quadratic); the rows are
    # the same dicts add_edge would build, and the view is already consistent.
    large = len(view.nodes) > LABEL_LAYOUT_MAX
    net.edges = [_edge_row(e.start, e.end, e.rel, e.weight, large) for e in view.edges]
    net.options = _options(view, prepared.physics)  # type: ignore[assignment]
    net.set_template_dir(str(TEMPLATES) + "/", "network.html")
    env = net.templateEnv
    env.autoescape = True
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    kinds = {n.kind for n in view.nodes}
    brand_kinds = {n.brand_kind for n in view.nodes if n.brand_kind is not None}
    entries = legend(kinds, {e.rel for e in view.edges}, brand_kinds)
    env.globals.update(_assets())
    env.globals["page"] = {
        "nav": nav or [], "params": _params_zh(view.params), "notes": view.notes,
        "legend_html": Markup(legend_html(entries)), "font": Markup(FONT_FAMILY),
        "count_text": f"{len(view.nodes)} 个节点，{len(view.edges)} 条关系",
        "can_recentre": linker is not None,
        # What the page's export buttons start from (viz.svg), and its file name.
        "picture": Markup(svg.picture(prepared)), "name": view.name,
        "min_scale": MIN_SCALE,
    }
    page = strip_remote(net.generate_html())
    # The glyphs the page draws: its text, not vis-network's own script.
    return fonts.embed(page, page.replace(_assets()["vis_js"], ""))



def _edge_row(start: str, end: str, rel: str, weight: int, large: bool) -> dict[str, Any]:
    style = edge_style(rel)
    row: dict[str, Any] = {
        "from": start, "to": end, "color": style.color, "rel": rel,
        "width": style.width if weight <= 1 else min(style.width + weight ** 0.5, 12),
        "title": html.escape(style.label + (f" ×{weight}" if weight > 1 else "")),
        "dashes": list(style.dashes) if style.dashes else False,
    }
    drawn = style.arrow is not None and not large  # thousands of heads double a frame's cost
    row["arrows"] = {at: {"enabled": drawn and style.arrow_at in (at, "both"),
                          "type": style.arrow or "arrow",
                          "scaleFactor": 0.6} for at in ("to", "middle")}
    return row


_PARAM_ZH: Final = {"plan": "规划", "region": "地区", "agency": "部门", "role": "角色",
                    "brand": "品牌", "center": "中心", "depth": "层数"}


def _params_zh(params: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(_PARAM_ZH.get(k, k), v) for k, v in params]


def render_message(title: str, message: str, *, nav: list[tuple[str, str]] | None = None) -> str:
    """A plain page saying why no network is drawn (a view over the cap, an empty filter)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return fonts.embed(env.get_template("message.html").render(
        title=title, message=message, nav=nav or [], font=Markup(FONT_FAMILY)))


def page_data(page: str) -> dict[str, Any]:
    """The nodes and edges embedded in a rendered page (for tests and tools)."""
    found = {name: re.search(rf"^var {name} = (.*);$", page, re.MULTILINE)
             for name in ("nodeList", "edgeList")}
    if not all(found.values()):
        raise ValueError("not a policygraph network page")
    return {name: json.loads(m.group(1)) for name, m in found.items() if m}
