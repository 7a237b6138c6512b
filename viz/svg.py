"""A view as an SVG picture for slides: the laid-out graph, its legend on the picture.

The same positions, colours, dashes, arrowheads and labels the page draws, as plain SVG
(straight edges, as on the page).  ``policygraph viz --svg`` writes it with the embedded
font's ``@font-face`` inside; ``--png`` rasterises it at 2× with resvg; the page's own
export buttons take the same SVG (shipped in the page) and move its nodes to where the
viewer has dragged them (``viz/static/network.js``), then save it or draw it at 2×.
"""

from __future__ import annotations

import html
import math
from typing import Final

from viz import placement
from viz.layout import PreparedView
from viz.model import ViewNode
from viz.style import (
    CENTER_BORDER,
    FONT_FAMILY,
    LegendEntry,
    edge_style,
    legend,
    node_style,
)

PADDING: Final = 24.0
_LEGEND_ROW: Final = 24.0
_LEGEND_WIDTH: Final = 170.0
_ARROW: Final = 10.0

#: Arrowheads pointing along +x with the tip at (0, 0), in units of the arrow length.
_ARROW_PATHS: Final = {
    "arrow": ("M0,0 L-1,-0.45 L-0.75,0 L-1,0.45 Z", True),
    "triangle": ("M0,0 L-1,-0.5 L-1,0.5 Z", True),
    "inv_triangle": ("M-1,0 L0,-0.5 L0,0.5 Z", True),
    "vee": ("M-1,-0.5 L0,0 L-1,0.5", False),
    "bar": ("M0,-0.6 L0,0.6", False),
    "box": ("M0,-0.35 L-0.7,-0.35 L-0.7,0.35 L0,0.35 Z", True),
    "circle": ("M0,0 A0.35,0.35 0 1,1 -0.7,0 A0.35,0.35 0 1,1 0,0 Z", True),
    "diamond": ("M0,0 L-0.5,-0.4 L-1,0 L-0.5,0.4 Z", True),
    "crow": ("M-1,0 L0,-0.5 M-1,0 L0,0 M-1,0 L0,0.5", False),
    "curve": ("M-0.6,-0.6 Q0,0 -0.6,0.6", False),
    "inv_curve": ("M0,-0.6 Q-0.6,0 0,0.6", False),
}


def arrow_path(kind: str, color: str, length: float = _ARROW) -> str:
    """An SVG path drawing one arrowhead (tip at 0,0, pointing right)."""
    d, filled = _ARROW_PATHS[kind]
    width = 1.5 / length
    paint = f'fill="{color}" stroke="none"' if filled else (
        f'fill="none" stroke="{color}" stroke-width="{width:.3f}"')
    return f'<path d="{d}" {paint} transform="scale({length})"/>'


def head_places(arrow_at: str, middle: float, end: float) -> tuple[float, ...]:
    """Where a legend line shows its arrowheads (in the middle, at the end, or both)."""
    return {"to": (end,), "middle": (middle,), "both": (middle, end)}[arrow_at]


def _points(pairs: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)


def shape_svg(shape: str, size: float, color: str, stroke: str = "") -> str:
    """A vis-network node shape centred on (0, 0)."""
    s = size
    if shape in ("dot", "circle"):
        return f'<circle r="{s}" fill="{color}"{stroke}/>'
    if shape == "square":
        return f'<rect x="{-s}" y="{-s}" width="{2 * s}" height="{2 * s}" fill="{color}"{stroke}/>'
    if shape == "diamond":
        body = _points([(0, -s), (s, 0), (0, s), (-s, 0)])
    elif shape in ("triangle", "triangleDown"):
        sign = 1 if shape == "triangle" else -1
        body = _points([(0, -sign * s), (s * 0.87, sign * s * 0.5), (-s * 0.87, sign * s * 0.5)])
    elif shape == "star":
        body = _points([((s if i % 2 == 0 else s * 0.42) * math.sin(i * math.pi / 5),
                         -(s if i % 2 == 0 else s * 0.42) * math.cos(i * math.pi / 5))
                        for i in range(10)])
    elif shape == "hexagon":
        body = _points([(s * math.cos(i * math.pi / 3), s * math.sin(i * math.pi / 3))
                        for i in range(6)])
    else:
        return f'<circle r="{s}" fill="{color}"{stroke}/>'
    return f'<polygon points="{body}" fill="{color}"{stroke}/>'


def _node_svg(node: ViewNode, half_w: float, half_h: float, offset: float) -> str:
    style = node_style(node.kind, node.brand_kind)
    size = placement.node_size(node)
    font = placement.font_size(node)
    width, height = placement.label_size(node)
    stroke = f' stroke="{CENTER_BORDER}" stroke-width="4"' if node.center else ""
    weight = ' font-weight="bold"' if node.center else ""
    label = html.escape(node.label)
    if style.shape in ("box", "ellipse", "database"):
        w, h = width + 10, height + 10
        body = (f'<ellipse rx="{w / 2:.1f}" ry="{h / 2:.1f}" fill="{style.color}"{stroke}/>'
                if style.shape == "ellipse" else
                f'<rect x="{-w / 2:.1f}" y="{-h / 2:.1f}" width="{w:.1f}" height="{h:.1f}" '
                f'rx="4" fill="{style.color}"{stroke}/>')
        text_y = font * 0.35
    else:
        body = shape_svg(style.shape, size, style.color, stroke)
        text_y = size + placement.LABEL_GAP + font * 0.9
    radius = _radius(node)
    x, y = node.x or 0.0, node.y or 0.0
    # data-*: where edges stop, and the box the node and its label cover (for re-framing).
    return (f'<g class="node" data-id="{html.escape(node.id)}" data-r="{radius:.1f}" '
            f'data-hw="{half_w:.1f}" data-top="{offset - half_h:.1f}" '
            f'data-bottom="{offset + half_h:.1f}" transform="translate({x:.1f} {y:.1f})">{body}'
            f'<text y="{text_y:.1f}" font-size="{font}"{weight} text-anchor="middle" '
            f'fill="#1f1f1f">{label}</text></g>')


def _edge_svg(start: ViewNode, end: ViewNode, rel: str, r0: float, r1: float) -> str:
    style = edge_style(rel)
    x0, y0, x1, y1 = trimmed(start.x or 0.0, start.y or 0.0, end.x or 0.0, end.y or 0.0, r0, r1)
    dash = (f' stroke-dasharray="{" ".join(map(str, style.dashes))}"' if style.dashes else "")
    marker = ""
    if style.arrow is not None:
        where = {"to": ("marker-end",), "middle": ("marker-mid",),
                 "both": ("marker-mid", "marker-end")}[style.arrow_at]
        marker = "".join(f' {w}="url(#m-{rel})"' for w in where)
    return (f'<path class="edge" data-from="{html.escape(start.id)}" '
            f'data-to="{html.escape(end.id)}" d="M{x0:.1f},{y0:.1f} L{(x0 + x1) / 2:.1f},'
            f'{(y0 + y1) / 2:.1f} L{x1:.1f},{y1:.1f}" fill="none" stroke="{style.color}" '
            f'stroke-width="{style.width}"{dash}{marker}/>')


def trimmed(x0: float, y0: float, x1: float, y1: float, r0: float,
            r1: float) -> tuple[float, float, float, float]:
    """A straight edge from shape edge to shape edge (arrowheads touch the shape)."""
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= r0 + r1:
        return x0, y0, x1, y1
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    return x0 + ux * r0, y0 + uy * r0, x1 - ux * r1, y1 - uy * r1


def _marker(rel: str) -> str:
    style = edge_style(rel)
    if style.arrow is None:
        return ""
    return (f'<marker id="m-{rel}" viewBox="-12 -8 14 16" refX="0" refY="0" markerWidth="14" '
            f'markerHeight="16" markerUnits="userSpaceOnUse" orient="auto">'
            f"{arrow_path(style.arrow, style.color)}</marker>")


def legend_svg(entries: list[LegendEntry]) -> tuple[str, float]:
    """The legend as an SVG group (at 0, 0) and its height."""
    rows = [f'<rect width="{_LEGEND_WIDTH}" height="{(len(entries) + 1.4) * _LEGEND_ROW:.0f}" '
            'rx="6" fill="#ffffff" fill-opacity="0.92" stroke="#cccccc"/>',
            f'<text x="12" y="{_LEGEND_ROW * 0.95:.0f}" font-size="15" font-weight="bold" '
            'fill="#1f1f1f">图例</text>']
    for i, e in enumerate(entries, start=1):
        y = (i + 0.5) * _LEGEND_ROW
        if e.item == "node":
            glyph = f'<g transform="translate(24 {y:.0f})">{shape_svg(e.shape, 7, e.color)}</g>'
        else:
            dash = f' stroke-dasharray="{" ".join(map(str, e.dashes))}"' if e.dashes else ""
            glyph = (f'<line x1="10" y1="{y:.0f}" x2="44" y2="{y:.0f}" stroke="{e.color}" '
                     f'stroke-width="{max(e.width, 1.2)}"{dash}/>')
            if e.arrow is not None:
                glyph += "".join(f'<g transform="translate({at} {y:.0f})">'
                                 f"{arrow_path(e.arrow, e.color, 9)}</g>"
                                 for at in head_places(e.arrow_at, 30, 44))
        rows.append(f'{glyph}<text x="54" y="{y + 5:.0f}" font-size="14" fill="#1f1f1f">'
                    f"{html.escape(e.label)}</text>")
    return "".join(rows), (len(entries) + 1.4) * _LEGEND_ROW


def picture(prepared: PreparedView, font_css: str = "") -> str:
    """The SVG of a laid-out view: edges, nodes, labels, the legend at the top left."""
    view = prepared.view
    nodes = {n.id: n for n in view.nodes}
    box = placement.boxes(view.nodes)
    xs = [n.x or 0.0 for n in view.nodes] or [0.0]
    ys = [n.y or 0.0 for n in view.nodes] or [0.0]
    left = min(x - w for x, w in zip(xs, box.half_w, strict=True)) if view.nodes else 0.0
    right = max(x + w for x, w in zip(xs, box.half_w, strict=True)) if view.nodes else 0.0
    top = min(y + o - h for y, o, h in zip(ys, box.offset, box.half_h, strict=True)) \
        if view.nodes else 0.0
    bottom = max(y + o + h for y, o, h in zip(ys, box.offset, box.half_h, strict=True)) \
        if view.nodes else 0.0
    entries = legend({n.kind for n in view.nodes}, {e.rel for e in view.edges},
                     {n.brand_kind for n in view.nodes if n.brand_kind is not None})
    legend_group, legend_height = legend_svg(entries)
    shift_x = PADDING * 2 + _LEGEND_WIDTH - left
    shift_y = PADDING - top
    width = shift_x + right + PADDING
    height = max(bottom + shift_y + PADDING, legend_height + 2 * PADDING)
    radius = {n.id: _radius(n) for n in view.nodes}
    edges = "".join(_edge_svg(nodes[e.start], nodes[e.end], e.rel, radius[e.start],
                              radius[e.end]) for e in view.edges)
    markers = "".join(_marker(rel) for rel in sorted({e.rel for e in view.edges}))
    family = html.escape(FONT_FAMILY, quote=True)
    drawn = "".join(_node_svg(n, float(w), float(h), float(o)) for n, w, h, o
                    in zip(view.nodes, box.half_w, box.half_h, box.offset, strict=True))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{family}">'
            f"<title>{html.escape(view.title)}</title>"
            f'<style id="pg-svg-font">{font_css}</style><defs>{markers}</defs>'
            f'<rect width="100%" height="100%" fill="#ffffff"/>'
            f'<g id="pg-graph" data-pad="{PADDING}" data-left="{_LEGEND_WIDTH + PADDING * 2}" '
            f'transform="translate({shift_x:.1f} {shift_y:.1f})">'
            f'<g class="edges">{edges}</g>'
            f'<g class="nodes">{drawn}</g></g>'
            f'<g id="pg-legend" transform="translate({PADDING} {PADDING})">{legend_group}</g>'
            "</svg>")


def _radius(node: ViewNode) -> float:
    """How far from its centre an edge stops at a node (its shape's reach)."""
    if node_style(node.kind, node.brand_kind).shape in ("box", "ellipse", "database"):
        w, h = placement.label_size(node)
        return max(w + 10, h + 10) / 2
    return float(placement.node_size(node))
