"""Every view's layout, computed in Python: the same content always gives the same picture.

:func:`prepare` fixes every node's position and the page draws them with physics off, so
the served page and the offline page of one view are one picture, on every load.  The
layout is seeded from the view's content (:func:`content_hash`), and leaves room for every
label (:mod:`viz.placement`): the boxes a node's shape and label cover never overlap, for
views up to :data:`LABEL_LAYOUT_MAX` nodes.  The plan hierarchy is a layered tree, left to
right.  Positions are cached by that hash (:class:`LayoutCache`): a live page asked for
again, or the same filter from another user, never recomputes a layout.  Above
:data:`NODE_CAP` nodes a view is aggregated first (:mod:`viz.aggregate`) and refused if
still too large.

Force-directed layouts use networkx for graph structure and its spring layout
for small components; for components of hundreds of nodes or more networkx's
spring layout takes over a minute at 5,000 nodes here, so
:func:`_grid_force_layout` does the same Fruchterman-Reingold forces with
repulsion summed over grid cells (a one-level Barnes-Hut), in numpy.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import networkx as nx
import numpy as np

from viz import placement
from viz.aggregate import aggregate
from viz.errors import ViewTooLarge
from viz.model import ViewGraph

#: Up to this many nodes no two labels overlap (label boxes are part of the layout).
LABEL_LAYOUT_MAX: Final = 600
#: Above this many nodes a view is aggregated, and refused if that is not enough.
NODE_CAP: Final = 6000
#: Bumped whenever the algorithm changes, so cached layouts are not reused across versions.
ALGORITHM_VERSION: Final = 2
#: Canvas units: vis-network draws a 12-pixel dot at scale 1.
_SPACING: Final = 60.0
_NX_SPRING_MAX: Final = 400

Positions = dict[str, tuple[float, float]]


@dataclass(frozen=True)
class PreparedView:
    """A view ready to render: with positions (physics off), or left to the browser's
    physics (``physics=True``, which only the drawing benchmark still asks for)."""

    view: ViewGraph
    physics: bool


class LayoutCache:
    """Positions by content hash: in memory (LRU), and optionally in a directory."""

    def __init__(self, maxsize: int = 64, directory: Path | None = None) -> None:
        self.maxsize = maxsize
        self.directory = directory
        self._memory: OrderedDict[str, Positions] = OrderedDict()
        self._lock = threading.Lock()
        self.computed = 0  # how many layouts were actually computed (tests read it)

    def positions(self, view: ViewGraph) -> Positions:
        """The layout of a view, computed at most once per content."""
        key = content_hash(view)
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        positions = self._load(key)
        if positions is None:
            positions = compute_positions(view)
            self.computed += 1
            self._store(key, positions)
        with self._lock:
            self._memory[key] = positions
            while len(self._memory) > self.maxsize:
                self._memory.popitem(last=False)
        return positions

    def _path(self, key: str) -> Path | None:
        return self.directory / f"{key}.json" if self.directory else None

    def _load(self, key: str) -> Positions | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {k: (float(x), float(y)) for k, (x, y) in raw.items()}

    def _store(self, key: str, positions: Positions) -> None:
        path = self._path(key)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(positions), encoding="utf-8")


#: The process-wide cache the site writer and the live pages share.
DEFAULT_CACHE: Final = LayoutCache()


def content_hash(view: ViewGraph) -> str:
    """A hash of what determines a layout: nodes (level, label, drawn size), edges, algorithm."""
    payload = {
        "v": ALGORITHM_VERSION, "h": view.hierarchical,
        "n": sorted((n.id, n.level if n.level is not None else -1, n.label,
                     placement.node_size(n), n.center) for n in view.nodes),
        "e": sorted((e.start, e.end) for e in view.edges),
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def prepare(view: ViewGraph, *, cache: LayoutCache | None = None,
            cap: int = NODE_CAP) -> PreparedView:
    """Make a view safe to draw: aggregate or refuse above ``cap``, then fix every position.

    Raises :class:`~viz.errors.ViewTooLarge` when even the aggregated view is over the cap.
    """
    if len(view.nodes) > cap:
        view = aggregate(view, cap)
        if len(view.nodes) > cap:
            raise ViewTooLarge(len(view.nodes), cap)
    positions = (cache or DEFAULT_CACHE).positions(view)
    return PreparedView(view.with_positions(positions), physics=False)


def compute_positions(view: ViewGraph) -> Positions:
    """Positions of every node in canvas units (the same for the same content)."""
    if view.hierarchical and all(n.level is not None for n in view.nodes):
        if len(view.nodes) <= LABEL_LAYOUT_MAX:
            return placement.layered_tree(view)
        return _tree_layout(view)
    seed = int(content_hash(view)[:8], 16)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(n.id for n in view.nodes))
    graph.add_edges_from((e.start, e.end) for e in view.edges if e.start != e.end)
    if len(view.nodes) > LABEL_LAYOUT_MAX:
        return _pack_components(graph, seed)
    by_id = {n.id: n for n in view.nodes}
    parts = []
    for nodes in _components(graph):
        part = ViewGraph(view.name, view.title, tuple(by_id[k] for k in nodes), ())
        raw = _component_layout(graph.subgraph(nodes), seed)
        parts.append((part, placement.spread_for_labels(part, raw)))
    return _shelve(parts)


def _components(graph: nx.Graph) -> list[list[str]]:
    """Connected components, largest first, each in key order."""
    return sorted((sorted(c) for c in nx.connected_components(graph)),
                  key=lambda c: (-len(c), c[0]))


def _shelve(parts: list[tuple[ViewGraph, Positions]]) -> Positions:
    """Separately laid-out components in rows (largest first), their label boxes apart."""
    extents = []
    for part, xy in parts:
        box = placement.boxes(part.nodes)
        pts = np.array([xy[n.id] for n in part.nodes])
        lo = np.stack([pts[:, 0] - box.half_w, pts[:, 1] + box.offset - box.half_h], axis=1)
        hi = np.stack([pts[:, 0] + box.half_w, pts[:, 1] + box.offset + box.half_h], axis=1)
        extents.append((lo.min(axis=0), hi.max(axis=0)))
    gap = 3 * placement.MARGIN
    area = sum(float(np.prod(hi - lo + gap)) for lo, hi in extents)
    row_width = max(math.sqrt(area * 1.6), max(float(hi[0] - lo[0]) for lo, hi in extents))
    placed: Positions = {}
    x = y = row_height = 0.0
    for (part, xy), (lo, hi) in zip(parts, extents, strict=True):
        w, h = float(hi[0] - lo[0]) + gap, float(hi[1] - lo[1]) + gap
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n in part.nodes:
            px, py = xy[n.id]
            placed[n.id] = (round(x + px - float(lo[0]), 1), round(y + py - float(lo[1]), 1))
        x += w
        row_height = max(row_height, h)
    return placed


def _tree_layout(view: ViewGraph) -> Positions:
    """Levels as rows; in each row nodes in depth-first order from the roots, so links rarely cross."""
    level = {n.id: n.level or 0 for n in view.nodes}
    children: dict[str, list[str]] = defaultdict(list)
    has_parent: set[str] = set()
    for e in view.edges:
        upper, lower = sorted((e.start, e.end), key=lambda k: (level[k], k))
        if level[upper] < level[lower]:
            children[upper].append(lower)
            has_parent.add(lower)
    order: list[str] = []
    seen: set[str] = set()
    roots = sorted(level, key=lambda k: (level[k], k))
    for root in [r for r in roots if r not in has_parent] + roots:
        stack = [root]
        while stack:
            key = stack.pop()
            if key in seen:
                continue
            seen.add(key)
            order.append(key)
            stack.extend(sorted(children[key], reverse=True))
    rows: dict[int, list[str]] = defaultdict(list)
    for key in order:
        rows[level[key]].append(key)
    width = max(len(r) for r in rows.values())
    positions: Positions = {}
    for lvl, keys in rows.items():
        offset = (width - len(keys)) / 2
        for i, key in enumerate(keys):
            positions[key] = ((offset + i) * _SPACING, lvl * _SPACING * 4)
    return positions


def _pack_components(graph: nx.Graph, seed: int) -> Positions:
    """Lay out each connected component, then shelve them in rows, largest first."""
    components = _components(graph)
    placed: Positions = {}
    row_width = _SPACING * math.sqrt(graph.number_of_nodes()) * 1.2
    x = y = row_height = 0.0
    for nodes in components:
        local = _component_layout(graph.subgraph(nodes), seed)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        w, h = max(xs) - min(xs) + _SPACING, max(ys) - min(ys) + _SPACING
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        left, top = min(xs), min(ys)
        for key, (px, py) in local.items():
            placed[key] = (round(x + px - left, 1), round(y + py - top, 1))
        x += w
        row_height = max(row_height, h)
    return placed


def _component_layout(component: nx.Graph, seed: int) -> Positions:
    """A connected component's layout, scaled so neighbours sit about ``_SPACING`` apart."""
    n = component.number_of_nodes()
    nodes = list(component.nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n <= _NX_SPRING_MAX:
        raw = nx.spring_layout(component, seed=seed, iterations=60)
        array = np.array([raw[k] for k in nodes])
    else:
        index = {k: i for i, k in enumerate(nodes)}
        edges = np.array([(index[u], index[v]) for u, v in component.edges], dtype=np.int64)
        array = _grid_force_layout(n, edges.T.reshape(2, -1), seed)
    array = array - array.mean(axis=0)
    radius = float(np.abs(array).max()) or 1.0
    array = array / radius * _SPACING * math.sqrt(n) * 0.8
    return {k: (float(x), float(y)) for k, (x, y) in zip(nodes, array, strict=True)}


def _grid_force_layout(n: int, edges: np.ndarray, seed: int,
                       iterations: int = 80) -> np.ndarray:
    """Fruchterman-Reingold with repulsion from grid-cell centroids: O(n·cells) per step.

    Each node is repelled by every occupied cell's centroid, weighted by how many
    nodes the cell holds; its own cell counts without itself, so nodes sharing a
    cell still push apart.  Attraction acts along edges as usual.
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    cells = int(min(16, max(2, math.sqrt(n) / 3)))
    for _ in range(iterations):
        disp = _repulsion(pos, cells) * (k * k)
        delta = pos[edges[0]] - pos[edges[1]]
        pull = delta * np.sqrt((delta * delta).sum(axis=1))[:, None] / k
        np.subtract.at(disp, edges[0], pull)
        np.add.at(disp, edges[1], pull)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temperature)
        temperature -= cooling
    return pos


def _repulsion(pos: np.ndarray, cells: int) -> np.ndarray:
    """Sum of mass/distance repulsion from occupied cells, own cell corrected for self."""
    lo = pos.min(axis=0)
    span = pos.max(axis=0) - lo + 1e-12
    cell = np.minimum(((pos - lo) / span * cells).astype(np.int64), cells - 1)
    cid = cell[:, 0] * cells + cell[:, 1]
    count = np.bincount(cid, minlength=cells * cells).astype(float)
    sums = np.stack([np.bincount(cid, weights=pos[:, d], minlength=cells * cells)
                     for d in (0, 1)], axis=1)
    occupied = np.nonzero(count)[0]
    centroids = sums[occupied] / count[occupied, None]
    mass = count[occupied]
    # sum_j m_j (p - c_j) / |p - c_j|^2 = p * sum_j w_j - sum_j w_j c_j with w_j = m_j / d2_j:
    # two matrix products instead of an n x cells x 2 temporary.
    dist2 = ((pos * pos).sum(axis=1)[:, None] + (centroids * centroids).sum(axis=1)[None, :]
             - 2.0 * pos @ centroids.T)
    own = np.searchsorted(occupied, cid)
    weights = mass / np.maximum(dist2, 1e-9)
    weights[np.arange(len(pos)), own] = 0.0  # the own cell is handled exactly, below
    disp = pos * weights.sum(axis=1)[:, None] - weights @ centroids
    others = mass[own] - 1
    without_self = np.where(others[:, None] > 0,
                            (sums[cid] - pos) / np.maximum(others, 1)[:, None], pos)
    disp += _push(pos, without_self, others)
    return disp


def _push(pos: np.ndarray, source: np.ndarray, mass: np.ndarray) -> np.ndarray:
    delta = pos - source
    dist2 = np.maximum((delta * delta).sum(axis=1), 1e-9)
    return delta * (mass / dist2)[:, None]
