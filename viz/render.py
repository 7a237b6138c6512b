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

from viz.layout import PreparedView
from viz.model import ViewGraph, ViewNode
from viz.style import (
    CENTER_BORDER,
    DASH_PATTERN,
    FONT_FAMILY,
    LegendEntry,
    edge_style,
    legend,
    node_style,
    scaled_size,
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
    size = scaled_size(node.kind, node.weight) if node.weight else style.size
    options: dict[str, Any] = {
        "label": node.label, "shape": style.shape, "color": style.color, "size": size,
        "title": tooltip_html(node), "kind": node.kind.value,
    }
    if node.center:
        options.update(borderWidth=4, color={"background": style.color, "border": CENTER_BORDER},
                       size=size + 8, font={"size": 18, "bold": True})
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
    large = not physics and any(n.x is not None for n in view.nodes)
    layout: dict[str, Any] = {"improvedLayout": not large and len(view.nodes) <= 150}
    if view.hierarchical and not large:
        # Left to right: a plan tree is wide (many targets) and shallow (five levels),
        # so its leaves stack down the screen instead of shrinking out of sight.
        layout["hierarchical"] = {"enabled": True, "direction": "LR", "levelSeparation": 230,
                                  "nodeSpacing": 42, "treeSpacing": 80,
                                  "sortMethod": "directed", "shakeTowards": "roots"}
        physics = False
    return {
        "autoResize": True,
        "nodes": {"font": {"size": 14, "face": FONT_FAMILY}, "borderWidth": 1},
        "edges": {"smooth": False if large else {"type": "continuous"},
                  "color": {"inherit": False},
                  # Thousands of arrowheads double a frame's cost; the line style
                  # already tells lead from co-responsible.
                  "arrows": {"to": {"enabled": not large, "scaleFactor": 0.5}}},
        "interaction": {"hover": not large, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -110, "springLength": 110,
                                         "avoidOverlap": 0.6},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "layout": layout,
    }


def legend_html(entries: list[LegendEntry]) -> str:
    """The legend as a list of inline SVG symbols (no images, nothing fetched)."""
    items = []
    for e in entries:
        color = html.escape(e.color)
        if e.item == "node":
            symbol = _svg_shape(e.shape, color)
        else:
            dash = f' stroke-dasharray="{DASH_PATTERN[0]} {DASH_PATTERN[1]}"' if e.dashes else ""
            symbol = (f'<svg width="28" height="14" aria-hidden="true"><line x1="1" y1="7" x2="27" '
                      f'y2="7" stroke="{color}" stroke-width="{e.width}"{dash}/></svg>')
        items.append(f"<li>{symbol}<span>{html.escape(e.label)}</span></li>")
    return "<ul>" + "".join(items) + "</ul>"


_SHAPES: Final = {
    "dot": '<circle cx="8" cy="8" r="6" fill="{c}"/>',
    "ellipse": '<ellipse cx="8" cy="8" rx="7" ry="4.5" fill="{c}"/>',
    "square": '<rect x="2" y="2" width="12" height="12" fill="{c}"/>',
    "box": '<rect x="1" y="4" width="14" height="8" rx="2" fill="{c}"/>',
    "database": '<rect x="3" y="2" width="10" height="12" rx="3" fill="{c}"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8" fill="{c}"/>',
    "triangle": '<polygon points="8,2 15,14 1,14" fill="{c}"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,14" fill="{c}"/>',
    "hexagon": '<polygon points="4,2 12,2 16,8 12,14 4,14 0,8" fill="{c}"/>',
    "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6" '
            'fill="{c}"/>',
}


def _svg_shape(shape: str, color: str) -> str:
    body = _SHAPES.get(shape, _SHAPES["dot"]).format(c=color)
    return f'<svg width="16" height="16" aria-hidden="true">{body}</svg>'


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
    net.edges = [_edge_row(e.start, e.end, e.rel, e.weight) for e in view.edges]
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
    }
    return strip_remote(net.generate_html())


def _edge_row(start: str, end: str, rel: str, weight: int) -> dict[str, Any]:
    style = edge_style(rel)
    row: dict[str, Any] = {
        "from": start, "to": end, "color": style.color,
        "width": style.width if weight <= 1 else min(style.width + weight ** 0.5, 12),
        "title": html.escape(style.label + (f" ×{weight}" if weight > 1 else "")),
    }
    if style.dashes:
        row["dashes"] = list(DASH_PATTERN)
    if not style.arrows:
        row["arrows"] = {"to": {"enabled": False}}
    return row


_PARAM_ZH: Final = {"plan": "规划", "region": "地区", "agency": "部门", "role": "角色",
                    "brand": "品牌", "center": "中心", "depth": "层数"}


def _params_zh(params: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(_PARAM_ZH.get(k, k), v) for k, v in params]


def render_message(title: str, message: str, *, nav: list[tuple[str, str]] | None = None) -> str:
    """A plain page saying why no network is drawn (a view over the cap, an empty filter)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("message.html").render(
        title=title, message=message, nav=nav or [], font=Markup(FONT_FAMILY))


def page_data(page: str) -> dict[str, Any]:
    """The nodes and edges embedded in a rendered page (for tests and tools)."""
    found = {name: re.search(rf"^var {name} = (.*);$", page, re.MULTILINE)
             for name in ("nodeList", "edgeList")}
    if not all(found.values()):
        raise ValueError("not a policygraph network page")
    return {name: json.loads(m.group(1)) for name, m in found.items() if m}
