"""Aggregation of views too large to draw: many similar nodes become one counted node.

The most numerous kind goes first (in a whole-province responsibility network:
tasks).  Each of its nodes is grouped under its *anchor*, the neighbour of another
kind reached over its strongest link (a task under its lead agency, a target under
its task), and every group of two or more becomes one node "N个任务".  Links are
redirected to the groups and merged, their weights added.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Final

from ontology.model import NodeKind
from viz.model import ViewEdge, ViewGraph, ViewNode, sorted_view
from viz.style import NODE_STYLE, ViewRel, edge_style

#: How many member names a group's tooltip lists.
_LISTED: Final = 8


def aggregate(view: ViewGraph, cap: int) -> ViewGraph:
    """Merge nodes kind by kind (most numerous first) until the view has at most ``cap`` nodes.

    The result may still exceed ``cap`` (nothing left to merge); the caller decides.
    """
    before = len(view.nodes)
    done: set[NodeKind] = set()
    while len(view.nodes) > cap:
        counts = Counter(n.kind for n in view.nodes if n.group is None and n.kind not in done)
        if not counts:
            break
        kind = max(counts, key=lambda k: (counts[k], k.value))
        done.add(kind)
        view = _merge_kind(view, kind)
    if len(view.nodes) < before:
        view = view.with_note(f"节点过多（{before}个），已合并为{len(view.nodes)}个；"
                              "请用筛选条件缩小范围查看明细。")
    return view


def _anchor(view: ViewGraph, kinds: dict[str, NodeKind]) -> dict[str, str]:
    """Each node's strongest neighbour of another kind (ties: smallest key)."""
    best: dict[str, tuple[float, str]] = {}
    for e in view.edges:
        width = edge_style(e.rel).width
        for a, b in ((e.start, e.end), (e.end, e.start)):
            if kinds[a] is not kinds[b]:
                candidate = (-width, b)
                if a not in best or candidate < best[a]:
                    best[a] = candidate
    return {k: anchor for k, (_, anchor) in best.items()}


def _merge_kind(view: ViewGraph, kind: NodeKind) -> ViewGraph:
    by_id = {n.id: n for n in view.nodes}
    anchors = _anchor(view, {n.id: n.kind for n in view.nodes})
    members: dict[str, list[ViewNode]] = defaultdict(list)
    for node in view.nodes:
        if node.kind is kind and not node.center and node.group is None and node.id in anchors:
            members[anchors[node.id]].append(node)
    target: dict[str, str] = {}
    nodes: dict[str, ViewNode] = {n.id: n for n in view.nodes}
    kind_zh = NODE_STYLE[kind].label
    for anchor, group in members.items():
        if len(group) < 2:
            continue
        gid = f"group:{kind.value}:{anchor}"
        names = sorted(n.name for n in group)
        listed = "、".join(names[:_LISTED]) + ("……" if len(names) > _LISTED else "")
        levels = [n.level for n in group if n.level is not None]
        nodes[gid] = ViewNode(
            id=gid, kind=kind, label=f"{len(group)}个{kind_zh}",
            name=f"{by_id[anchor].name}：{len(group)}个{kind_zh}",
            details=(("类型", f"合并的{kind_zh}"), ("包括", listed)),
            weight=len(group), level=min(levels) if levels else None, group=anchor)
        for n in group:
            target[n.id] = gid
            del nodes[n.id]
    merged: dict[tuple[str, str], list[ViewEdge]] = defaultdict(list)
    for e in view.edges:
        start, end = target.get(e.start, e.start), target.get(e.end, e.end)
        if start != end:
            merged[(start, end)].append(e)
    edges = set()
    for (start, end), group_edges in merged.items():
        rels = {e.rel for e in group_edges}
        rel = rels.pop() if len(rels) == 1 else ViewRel.AGGREGATED.value
        edges.add(ViewEdge(start, end, rel, sum(e.weight for e in group_edges)))
    return sorted_view(view.name, view.title, nodes, edges, hierarchical=view.hierarchical,
                       params=view.params, notes=view.notes)
