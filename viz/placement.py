"""Room for every label: node boxes as drawn, overlap removal, the layered plan tree.

vis-network draws a node's label below its shape (dot, square, diamond, triangles, star,
hexagon: ``size`` px from the centre, then 3 px, then the text) or inside it (box, ellipse,
database).  :func:`boxes` gives each node the rectangle its shape and label cover, measured
with the embedded font's advance widths (:mod:`viz.fonts`); :func:`separate` moves nodes the
least it can until no two rectangles overlap (with a margin), and the page draws exactly
these positions with physics off, so no two labels overlap on the screen either.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Final

import numpy as np

from viz.fonts import text_width
from viz.model import ViewGraph, ViewNode
from viz.style import node_style, scaled_size

#: Label font size in canvas px (vis-network ``font.size``), and the centre node's.
FONT_SIZE: Final = 14
CENTER_FONT_SIZE: Final = 18
#: How much taller than its font size vis-network makes a label line.
LINE_HEIGHT: Final = 1.3
#: Gap between two boxes, canvas px.
MARGIN: Final = 8.0
#: vis-network puts a label this far below its shape.
LABEL_GAP: Final = 3.0
_INSIDE: Final = frozenset({"box", "ellipse", "database", "circle", "text"})
_INSIDE_PADDING: Final = 5.0
_ROUNDS: Final = 300


@dataclass(frozen=True)
class Boxes:
    """Per node: half width, half height, and the box centre's offset below the node centre."""

    half_w: np.ndarray
    half_h: np.ndarray
    offset: np.ndarray


def node_size(node: ViewNode) -> int:
    """The vis-network ``size`` a node is drawn with (viz.render uses the same)."""
    style = node_style(node.kind, node.brand_kind)
    size = scaled_size(node.kind, node.weight) if node.weight else style.size
    return size + 8 if node.center else size


def font_size(node: ViewNode) -> int:
    """The label's font size (the centre of an ego network is larger and bold)."""
    return CENTER_FONT_SIZE if node.center else FONT_SIZE


def label_size(node: ViewNode) -> tuple[float, float]:
    """Width and height of a node's label as drawn (bold is about 6 % wider)."""
    size = font_size(node)
    width = text_width(node.label, size) * (1.06 if node.center else 1.0)
    return width, size * LINE_HEIGHT


def boxes(nodes: tuple[ViewNode, ...], scale: float = 1.0) -> Boxes:
    """The rectangle each node's shape and label cover (fonts ``scale`` times larger)."""
    half_w, half_h, offset = [], [], []
    for node in nodes:
        width, height = (v * scale for v in label_size(node))
        size = node_size(node)
        if node_style(node.kind, node.brand_kind).shape in _INSIDE:
            half_w.append(width / 2 + _INSIDE_PADDING)
            half_h.append(height / 2 + _INSIDE_PADDING)
            offset.append(0.0)
        else:
            half_w.append(max(size, width / 2))
            half_h.append(size + (LABEL_GAP + height) / 2)
            offset.append((LABEL_GAP + height) / 2)
    return Boxes(np.array(half_w), np.array(half_h), np.array(offset))


def overlaps(xy: np.ndarray, box: Boxes, margin: float = MARGIN) -> int:
    """How many pairs of boxes overlap (closer than ``margin``) at positions ``xy``."""
    return int(_overlap_mask(xy, box, margin)[0].sum())


def _overlap_mask(xy: np.ndarray, box: Boxes,
                  margin: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    cx, cy = xy[:, 0], xy[:, 1] + box.offset
    dx = cx[:, None] - cx[None, :]
    dy = cy[:, None] - cy[None, :]
    over_x = box.half_w[:, None] + box.half_w[None, :] + margin - np.abs(dx)
    over_y = box.half_h[:, None] + box.half_h[None, :] + margin - np.abs(dy)
    mask = np.triu((over_x > 0) & (over_y > 0), k=1)
    return mask, dx, dy, over_x, over_y


def separate(xy: np.ndarray, box: Boxes, margin: float = MARGIN + 1) -> np.ndarray:
    """Positions near ``xy`` where no two boxes overlap: each overlapping pair is pushed apart
    along the axis where it overlaps least, half each way, until none is left; if that does
    not settle, the whole layout is spread 15 % and it starts again (which always ends).
    The default margin is a pixel more than :func:`overlaps` asks for: rounding the
    positions to 0.1 px must not bring two boxes closer than that."""
    xy = np.array(xy, dtype=float)
    n = len(xy)
    if n < 2:
        return xy
    # Nodes on one spot cannot be told apart: spread them by their order, deterministically.
    order = np.arange(n, dtype=float)
    xy += np.stack([np.cos(order), np.sin(order)], axis=1) * 1e-3
    while True:
        for _ in range(_ROUNDS):
            mask, dx, dy, over_x, over_y = _overlap_mask(xy, box, margin)
            if not mask.any():
                return xy
            along_x = mask & (over_x <= over_y)
            along_y = mask & ~along_x
            sign_x = np.where(dx >= 0, 1.0, -1.0)
            sign_y = np.where(dy >= 0, 1.0, -1.0)
            push_x = np.where(along_x, over_x * sign_x, 0.0) / 2 + 0.5 * along_x * sign_x
            push_y = np.where(along_y, over_y * sign_y, 0.0) / 2 + 0.5 * along_y * sign_y
            xy[:, 0] += push_x.sum(axis=1) - push_x.sum(axis=0)
            xy[:, 1] += push_y.sum(axis=1) - push_y.sum(axis=0)
        centre = xy.mean(axis=0)
        xy = centre + (xy - centre) * 1.15


def layered_tree(view: ViewGraph) -> dict[str, tuple[float, float]]:
    """A plan tree left to right: one column per level, as wide as its widest box; leaves
    stacked in depth-first order one box height apart; a parent level with the middle of
    its children.  Nodes with several parents hang under the first (by key)."""
    nodes = view.nodes
    index = {n.id: i for i, n in enumerate(nodes)}
    box = boxes(nodes)
    level = {n.id: n.level or 0 for n in nodes}
    children: dict[str, list[str]] = defaultdict(list)
    parent: dict[str, str] = {}
    for e in sorted(view.edges, key=lambda e: (e.start, e.end)):
        upper, lower = sorted((e.start, e.end), key=lambda k: (level[k], k))
        if level[upper] < level[lower] and lower not in parent:
            parent[lower] = upper
            children[upper].append(lower)
    columns = sorted(set(level.values()))
    widths = {c: max(2 * box.half_w[index[k]] for k in level if level[k] == c) for c in columns}
    x_of, x = {}, 0.0
    for c in columns:
        x_of[c] = x + widths[c] / 2
        x += widths[c] + 4 * MARGIN
    slot = float(2 * box.half_h.max() + MARGIN)
    y_of: dict[str, float] = {}
    next_slot = [0.0]

    def place(key: str) -> float:
        kids = sorted(children[key])
        if not kids:
            y_of[key] = next_slot[0]
            next_slot[0] += slot
        else:
            ys = [place(k) for k in kids]
            y_of[key] = (ys[0] + ys[-1]) / 2
        return y_of[key]

    for root in sorted((k for k in level if k not in parent), key=lambda k: (level[k], k)):
        place(root)
        next_slot[0] += slot / 2  # a little air between two plans' trees
    xy = np.array([(x_of[level[n.id]], y_of[n.id] - box.offset[index[n.id]]) for n in nodes])
    xy = separate(xy, box)
    return {n.id: (round(float(px), 1), round(float(py), 1))
            for n, (px, py) in zip(nodes, xy, strict=True)}


def spread_for_labels(view: ViewGraph, xy: dict[str, tuple[float, float]],
                      scale: float = 1.0) -> dict[str, tuple[float, float]]:
    """A force layout's positions (any units) scaled to the boxes' size, then separated."""
    nodes = view.nodes
    box = boxes(nodes, scale)
    raw = np.array([xy[n.id] for n in nodes], dtype=float)
    raw -= raw.mean(axis=0)
    extent = float(np.abs(raw).max()) or 1.0
    area = float((4 * (box.half_w + MARGIN) * (box.half_h + MARGIN)).sum())
    # The boxes fill about a third of the square the layout spans: compact, yet with air.
    raw *= math.sqrt(3 * area) / 2 / extent
    placed = separate(raw, box)
    return {n.id: (round(float(px), 1), round(float(py), 1))
            for n, (px, py) in zip(nodes, placed, strict=True)}
