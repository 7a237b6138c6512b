"""The network views: pure functions from a property graph to a :class:`ViewGraph`.

* :func:`responsibility` — agencies ↔ tasks, lead and co-responsible links;
* :func:`hierarchy` — provincial measures → implementing plans → sections → tasks → targets;
* :func:`brands` — brands, programmes, awards and certifications ↔ what names them;
* :func:`ego` — the neighbourhood of any node up to a depth.

Each accepts a :class:`PropertyGraph` or an already built :class:`GraphIndex`
(callers that draw many views index once).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from typing import Final

from graph.property_graph import PropertyGraph
from ontology.model import NodeKind, RelKind, Role
from viz.describe import GraphIndex
from viz.errors import UnknownNode
from viz.model import ViewEdge, ViewGraph, ViewNode, sorted_view
from viz.style import ROLE_REL, ViewRel

#: Kinds an ego network leaves out unless asked: provenance is in every tooltip already.
EGO_DEFAULT_KINDS: Final = frozenset(NodeKind) - {NodeKind.EVIDENCE, NodeKind.SOURCE}
#: Deepest ego network: depth 3 already reaches most of a plan.
MAX_DEPTH: Final = 4
_ROLE_ZH: Final = {Role.LEAD: "牵头", Role.CO: "配合"}


def _index(graph: PropertyGraph | GraphIndex) -> GraphIndex:
    return graph if isinstance(graph, GraphIndex) else GraphIndex(graph)


def _require(index: GraphIndex, key: str | None, kind: NodeKind, what: str) -> None:
    if key is not None and (key not in index.nodes or index.nodes[key].kind is not kind):
        raise UnknownNode(key, what)


def responsibility(graph: PropertyGraph | GraphIndex, *, plan: str | None = None,
                   region: str | None = None, agency: str | None = None,
                   role: Role | None = None) -> ViewGraph:
    """Agencies and the tasks they lead (solid, thick) or share (dashed, thin).

    Filters combine: ``plan`` keeps that plan's tasks; ``region`` keeps links whose
    agency is in the region or whose task's plan governs it; ``agency`` keeps that
    agency's tasks with every agency on them; ``role`` keeps one kind of link.
    An agency's size is the number of tasks it leads within the plan, region and
    agency filters (the role filter does not shrink it).  With both ``agency``
    and ``role``, the agency's tasks are those where it has that role.
    """
    index = _index(graph)
    _require(index, plan, NodeKind.PLAN, "plan")
    _require(index, region, NodeKind.REGION, "region")
    _require(index, agency, NodeKind.AGENCY, "agency")
    links = [(a, t, r) for r in Role for t in _task_keys(index)
             for a in index.into(t, ROLE_REL[r])]
    if plan is not None:
        plan_tasks = set(index.out(plan, RelKind.HAS_TASK))
        links = [link for link in links if link[1] in plan_tasks]
    if region is not None:
        links = [link for link in links if index.region_of(link[0]) == region
                 or region in index.out(index.plan_of(link[1]) or "", RelKind.GOVERNS)]
    if agency is not None:
        own = {t for a, t, r in links if a == agency and role in (None, r)}
        links = [link for link in links if link[1] in own]
    leads = Counter(a for a, _, r in links if r is Role.LEAD)
    if role is not None:
        links = [link for link in links if link[2] is role]
    nodes: dict[str, ViewNode] = {}
    edges: set[ViewEdge] = set()
    for a, t, r in links:
        nodes.setdefault(a, index.describe(a, weight=leads[a], center=a == agency))
        nodes.setdefault(t, index.describe(t))
        edges.add(ViewEdge(a, t, ROLE_REL[r].value))
    params = _params(plan=_named(index, plan), region=_named(index, region),
                     agency=_named(index, agency), role=_ROLE_ZH[role] if role else None)
    notes = () if nodes else ("没有符合条件的任务。",)
    return sorted_view("responsibility", "责任网络：部门与任务", nodes, edges,
                       params=params, notes=notes)


def _task_keys(index: GraphIndex) -> list[str]:
    return [n.key for n in index.of_kind(NodeKind.TASK)]


def _plan_levels(index: GraphIndex) -> dict[str, int]:
    """How far each plan is from the measures it (transitively) implements."""
    levels: dict[str, int] = {}

    def level(key: str, seen: frozenset[str]) -> int:
        if key not in levels:
            parents = [p for p in index.out(key, RelKind.IMPLEMENTS) if p not in seen]
            levels[key] = 1 + max((level(p, seen | {key}) for p in parents), default=-1)
        return levels[key]

    for node in index.of_kind(NodeKind.PLAN):
        level(node.key, frozenset())
    return levels


def _plan_family(index: GraphIndex, plan: str) -> set[str]:
    """A plan, the plans it implements and the plans implementing it, transitively."""
    family = {plan}
    for kind, incoming in ((RelKind.IMPLEMENTS, False), (RelKind.IMPLEMENTS, True)):
        queue = deque([plan])
        while queue:
            key = queue.popleft()
            for nxt in (index.into(key, kind) if incoming else index.out(key, kind)):
                if nxt not in family:
                    family.add(nxt)
                    queue.append(nxt)
    return family


def hierarchy(graph: PropertyGraph | GraphIndex, *, plan: str | None = None,
              targets: bool = False) -> ViewGraph:
    """Plans by what they implement, then sections, tasks and dated targets.

    Provincial measures sit on top (level 0), the plans implementing them one
    level down; each plan's sections, tasks and targets follow below it.  Target
    labels start with their deadline year.  ``plan`` keeps that plan's family
    (what it implements and what implements it).  The tree is collapsed below the
    tasks: a plan or task with two or more targets shows one "N个目标" node listing
    them, unless ``targets`` asks for every target.
    """
    index = _index(graph)
    _require(index, plan, NodeKind.PLAN, "plan")
    levels = _plan_levels(index)
    plans = _plan_family(index, plan) if plan else set(levels)
    nodes: dict[str, ViewNode] = {}
    edges: set[ViewEdge] = set()

    def add(key: str, level: int) -> None:
        nodes.setdefault(key, index.describe(key, level=level, center=key == plan))

    for p in plans:
        depth = levels[p]
        add(p, depth)
        for parent in index.out(p, RelKind.IMPLEMENTS):
            edges.add(ViewEdge(p, parent, RelKind.IMPLEMENTS.value))
        for section in index.out(p, RelKind.HAS_SECTION):
            add(section, depth + 1)
            edges.add(ViewEdge(p, section, RelKind.HAS_SECTION.value))
        for target in index.out(p, RelKind.HAS_TARGET):
            add(target, depth + 1)
            edges.add(ViewEdge(p, target, RelKind.HAS_TARGET.value))
        for task in index.out(p, RelKind.HAS_TASK):
            add(task, depth + 2)
            home = index.section_of(task)
            if home is not None and home in nodes:
                edges.add(ViewEdge(task, home, RelKind.IN_SECTION.value))
            else:
                edges.add(ViewEdge(p, task, RelKind.HAS_TASK.value))
            for target in index.out(task, RelKind.HAS_TARGET):
                add(target, depth + 3)
                edges.add(ViewEdge(task, target, RelKind.HAS_TARGET.value))
    view = sorted_view("hierarchy", "规划层级：措施 → 实施方案 → 章节 → 任务 → 目标", nodes, edges,
                       hierarchical=True, params=_params(plan=_named(index, plan)))
    return view if targets else _collapse_targets(index, view)


def _collapse_targets(index: GraphIndex, view: ViewGraph) -> ViewGraph:
    """Each owner's two or more targets as one node that lists them (deadline first)."""
    owned: dict[str, list[ViewNode]] = {}
    by_id = {n.id: n for n in view.nodes}
    for e in view.edges:
        if e.rel == RelKind.HAS_TARGET.value:
            owned.setdefault(e.start, []).append(by_id[e.end])
    nodes = {n.id: n for n in view.nodes}
    edges = set(view.edges)
    for owner, group in owned.items():
        if len(group) < 2:
            continue
        gid = f"group:{NodeKind.TARGET.value}:{owner}"
        listed = "；".join(index.name(t.id) for t in sorted(group, key=lambda t: t.label))
        level = min(t.level for t in group if t.level is not None)
        nodes[gid] = ViewNode(id=gid, kind=NodeKind.TARGET, label=f"{len(group)}个目标",
                              name=f"{index.name(owner)}：{len(group)}个目标",
                              details=(("类型", "合并的目标"), ("包括", listed)),
                              weight=len(group), level=level, group=owner)
        for target in group:
            del nodes[target.id]
        edges = {e for e in edges if not (e.start == owner and e.end in {t.id for t in group})}
        edges.add(ViewEdge(owner, gid, RelKind.HAS_TARGET.value))
    notes = ("每个规划或任务的多个目标合并为一个节点（悬停查看全部）；"
             "加上参数 targets=all 展开全部目标。",) if len(nodes) < len(view.nodes) else ()
    return sorted_view(view.name, view.title, nodes, edges, hierarchical=True,
                       params=view.params, notes=(*view.notes, *notes))


def brands(graph: PropertyGraph | GraphIndex, *, brand: str | None = None) -> ViewGraph:
    """Brands, programmes, awards and certifications, the plans, tasks and targets naming
    them, and the enterprises around them.

    A plan's stored MENTIONS_BRAND link is drawn solid; a task, target or plan
    whose own text names the brand is linked by a dashed NAMES edge.  Tasks and
    targets keep the link to their plan or task when both are shown.  An enterprise is
    linked to the brands it holds and to the programmes it is listed in (RECOGNISED_IN,
    one link per recognition node of the graph).
    """
    index = _index(graph)
    _require(index, brand, NodeKind.BRAND, "brand")
    brand_keys = [brand] if brand else [n.key for n in index.of_kind(NodeKind.BRAND)]
    texts = {n.key: _own_text(index, n.key) for n in index.graph.nodes
             if n.kind in (NodeKind.PLAN, NodeKind.TASK, NodeKind.TARGET)}
    edges: set[ViewEdge] = set()
    for b in brand_keys:
        mentioned = set(index.into(b, RelKind.MENTIONS_BRAND))
        edges.update(ViewEdge(m, b, RelKind.MENTIONS_BRAND.value) for m in mentioned)
        name = index.prop(b, "name")
        edges.update(ViewEdge(k, b, ViewRel.NAMES.value) for k, text in texts.items()
                     if k not in mentioned and name and name in text)
    edges.update(_holders(index, brand_keys))
    namers = Counter(e.end for e in edges)
    nodes = {b: index.describe(b, weight=namers[b], center=b == brand) for b in brand_keys}
    for key in {e.start for e in edges}:
        nodes[key] = index.describe(key)
    for key in list(nodes):
        for rel in (RelKind.HAS_TASK, RelKind.HAS_TARGET):
            edges.update(ViewEdge(key, end, rel.value) for end in index.out(key, rel)
                         if end in nodes)
    # The title names the brand the view centres on, else the one most named in this
    # corpus: never a brand of one sample document.
    focus = brand or max(brand_keys, key=lambda b: (namers[b], b), default=None)
    focus_name = index.prop(focus, "name") if focus else None
    title = f"品牌体系：{focus_name}与相关品牌、奖项、认证" if focus_name else "品牌体系：品牌、奖项与认证"
    return sorted_view("brands", title, nodes, edges, params=_params(brand=_named(index, brand)))


def _holders(index: GraphIndex, brand_keys: list[str]) -> set[ViewEdge]:
    """Enterprises around their brands and programmes: a held brand is a HOLDS_BRAND link,
    a recognition (an enterprise, or a brand, listed in a programme) one RECOGNISED_IN link
    from what it is of to the programme."""
    edges: set[ViewEdge] = set()
    for b in brand_keys:
        edges.update(ViewEdge(e, b, RelKind.HOLDS_BRAND.value)
                     for e in index.into(b, RelKind.HOLDS_BRAND))
        for recognition in index.into(b, RelKind.IN_PROGRAMME):
            who = (index.out(recognition, RelKind.OF_ENTERPRISE)
                   or index.out(recognition, RelKind.OF_BRAND))
            edges.update(ViewEdge(w, b, ViewRel.RECOGNISED_IN.value) for w in who)
    return edges


def _own_text(index: GraphIndex, key: str) -> str:
    """The text a node was extracted from: its name plus its source sentence."""
    return index.name(key) + "\n" + (index.sentence(key) or "")


def ego(graph: PropertyGraph | GraphIndex, center: str, *, depth: int = 1,
        kinds: Iterable[NodeKind] | None = None) -> ViewGraph:
    """Every node within ``depth`` links of ``center`` (either direction) and the links among them.

    ``kinds`` limits the node kinds walked through and shown (default: all but
    evidence and source files); the centre is always shown.
    """
    index = _index(graph)
    if center not in index.nodes:
        raise UnknownNode(center)
    depth = max(0, min(depth, MAX_DEPTH))
    allowed = frozenset(kinds) if kinds is not None else EGO_DEFAULT_KINDS
    seen = {center: 0}
    queue = deque([center])
    while queue:
        key = queue.popleft()
        if seen[key] >= depth:
            continue
        for rel in index.neighbours[key]:
            other = rel.end if rel.start == key else rel.start
            if other not in seen and index.nodes[other].kind in allowed:
                seen[other] = seen[key] + 1
                queue.append(other)
    leads = {k: len(index.out(k, RelKind.LEADS)) for k in seen
             if index.nodes[k].kind is NodeKind.AGENCY}
    nodes = {k: index.describe(k, weight=leads.get(k, 0), center=k == center) for k in seen}
    edges = {ViewEdge(r.start, r.end, r.kind.value) for k in seen for r in index.neighbours[k]}
    title = f"关联网络：{index.label(center)}"
    return sorted_view("ego", title, nodes, edges,
                       params=_params(center=index.name(center), depth=str(depth)))


def _named(index: GraphIndex, key: str | None) -> str | None:
    return index.name(key) if key is not None else None


def _params(**values: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in values.items() if v is not None)
