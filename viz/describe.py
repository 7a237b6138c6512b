"""Look-ups over a property graph and how each node presents itself in a view.

:class:`GraphIndex` answers the neighbourhood questions the views ask (a task's
plan, section, agencies; a node's source sentence) in constant time, and
:meth:`GraphIndex.describe` gives any node its short label, full name and details.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from graph.property_graph import NodeRow, PropertyGraph, RelRow
from ontology.model import BrandKind, NodeKind, Qualifier, RelKind
from viz.model import ViewNode, short_label
from viz.style import node_style

#: Qualifiers written after the value (``500家左右``); the others go before it.
_QUALIFIER_AFTER: Final = {Qualifier.AT_LEAST.value, Qualifier.ABOUT.value, Qualifier.WITHIN.value}
_LEVEL_ZH: Final = {"national": "国家", "province": "省级", "city": "市级", "county": "县级"}


class GraphIndex:
    """Adjacency and properties of a :class:`PropertyGraph`, indexed once."""

    def __init__(self, graph: PropertyGraph) -> None:
        self.graph = graph
        self.nodes: dict[str, NodeRow] = {n.key: n for n in graph.nodes}
        self._out: dict[tuple[str, RelKind], list[str]] = defaultdict(list)
        self._in: dict[tuple[str, RelKind], list[str]] = defaultdict(list)
        self.neighbours: dict[str, list[RelRow]] = defaultdict(list)
        for rel in graph.rels:
            self._out[(rel.start, rel.kind)].append(rel.end)
            self._in[(rel.end, rel.kind)].append(rel.start)
            self.neighbours[rel.start].append(rel)
            self.neighbours[rel.end].append(rel)

    def out(self, key: str, kind: RelKind) -> list[str]:
        """Ends of ``key``'s outgoing relationships of one kind."""
        return self._out.get((key, kind), [])

    def into(self, key: str, kind: RelKind) -> list[str]:
        """Starts of the relationships of one kind that point at ``key``."""
        return self._in.get((key, kind), [])

    def of_kind(self, kind: NodeKind) -> list[NodeRow]:
        """All nodes with one label, in key order."""
        return [n for n in self.graph.nodes if n.kind is kind]

    def prop(self, key: str | None, name: str) -> str:
        """A property as text ('' when the node or property is missing)."""
        node = self.nodes.get(key) if key else None
        value = node.props.get(name) if node else None
        return "" if value is None else str(value)

    def first(self, key: str, kind: RelKind, incoming: bool = False) -> str | None:
        """The first (in key order) neighbour over one relationship kind."""
        keys = self.into(key, kind) if incoming else self.out(key, kind)
        return min(keys) if keys else None

    def sentence(self, key: str) -> str | None:
        """The source sentence of a node: its earliest evidence, if any."""
        evidence = [self.nodes[e] for e in self.out(key, RelKind.HAS_EVIDENCE) if e in self.nodes]
        if not evidence:
            return None
        best = min(evidence, key=lambda e: (e.props.get("spanStart", 0), e.key))
        text = best.props.get("sentence")
        return str(text) if text else None

    def name(self, key: str) -> str:
        """The full human name of any node."""
        node = self.nodes[key]
        p = node.props
        if node.kind is NodeKind.TARGET:
            return target_text(p)
        if node.kind is NodeKind.FUNDING:
            amount = f"{p.get('amount', 0):g}{p.get('unit', '')}"
            return f"{p.get('recipient') or '资金'}：{amount}"
        if node.kind is NodeKind.EVIDENCE:
            return str(p.get("sentence", key))
        for prop in ("title", "name", "label", "metric", "fileName"):
            if p.get(prop):
                return str(p[prop])
        return key

    def label(self, key: str) -> str:
        """A short canvas label for any node."""
        node = self.nodes[key]
        p = node.props
        if node.kind is NodeKind.TARGET:
            year = f"{p['year']}年·" if p.get("year") else ""
            return year + short_label(str(p.get("metric", "")), 8)
        if node.kind is NodeKind.FUNDING:
            return f"{p.get('amount', 0):g}{p.get('unit', '')}"
        if node.kind is NodeKind.AGENCY:
            return short_label(self.name(key), 12)
        return short_label(self.name(key))

    def plan_of(self, task: str) -> str | None:
        """The plan a task belongs to."""
        return self.first(task, RelKind.HAS_TASK, incoming=True)

    def section_of(self, task: str) -> str | None:
        """The section a task stands in."""
        return self.first(task, RelKind.IN_SECTION)

    def region_of(self, key: str) -> str | None:
        """An agency's region (IN_REGION) or a plan's (GOVERNS)."""
        return self.first(key, RelKind.IN_REGION) or self.first(key, RelKind.GOVERNS)

    def details(self, key: str) -> tuple[tuple[str, str], ...]:
        """Tooltip lines (field name, value) beyond the full name."""
        node = self.nodes[key]
        p = node.props
        rows: list[tuple[str, str]] = [("类型", _kind_zh(node))]
        if node.kind is NodeKind.TASK:
            plan = self.plan_of(key)
            rows += [("编号", self.prop(key, "taskId")),
                     ("规划", self.name(plan) if plan else ""),
                     ("章节", self.prop(self.section_of(key), "name")),
                     ("牵头", "、".join(self._names(self.into(key, RelKind.LEADS)))),
                     ("配合", "、".join(self._names(self.into(key, RelKind.CO_RESPONSIBLE_FOR))))]
        elif node.kind is NodeKind.AGENCY:
            rows += [("别名", "、".join(p.get("aliases", []))),
                     ("层级", _LEVEL_ZH.get(str(p.get("level", "")), "")),
                     ("地区", self.prop(self.region_of(key), "name")),
                     ("牵头任务", str(len(self.out(key, RelKind.LEADS)))),
                     ("配合任务", str(len(self.out(key, RelKind.CO_RESPONSIBLE_FOR))))]
        elif node.kind is NodeKind.PLAN:
            period = (f"{p['periodStart']}–{p['periodEnd']}"
                      if p.get("periodStart") and p.get("periodEnd") else "")
            rows += [("文号", str(p.get("docNumber", ""))), ("发布", str(p.get("issued", ""))),
                     ("层级", _LEVEL_ZH.get(str(p.get("level", "")), "")), ("期限", period),
                     ("地区", self.prop(self.region_of(key), "name")),
                     ("发文单位", self.prop(self.first(key, RelKind.ISSUED_BY), "name"))]
        elif node.kind is NodeKind.TARGET:
            rows += [("截止年份", str(p.get("year", "")))]
        return tuple((k, v) for k, v in rows if v)

    def _names(self, keys: Iterable[str]) -> list[str]:
        return sorted(self.name(k) for k in keys)

    def describe(self, key: str, **extra: object) -> ViewNode:
        """The view node of a graph node (``extra`` sets weight, level, center …)."""
        node = self.nodes[key]
        brand_kind = None
        if node.kind is NodeKind.BRAND and node.props.get("brandKind"):
            brand_kind = BrandKind(node.props["brandKind"])
        sentence = (None if node.kind is NodeKind.EVIDENCE else self.sentence(key))
        return ViewNode(id=key, kind=node.kind, label=self.label(key), name=self.name(key),
                        details=self.details(key), sentence=sentence,
                        brand_kind=brand_kind, **extra)  # type: ignore[arg-type]


def _kind_zh(node: NodeRow) -> str:
    brand_kind = node.props.get("brandKind")
    return node_style(node.kind, BrandKind(brand_kind) if brand_kind else None).label


def target_text(props: dict[str, object]) -> str:
    """A target as a sentence: ``到2025年 培育高新技术企业 500家左右``."""
    value = props.get("value")
    amount = ""
    if isinstance(value, int | float):
        amount = f"{value:g}{props.get('unit') or ''}"
        qualifier = str(props.get("qualifier") or "")
        amount = amount + qualifier if qualifier in _QUALIFIER_AFTER else qualifier + amount
    year = f"到{props['year']}年 " if props.get("year") else ""
    return f"{year}{props.get('metric', '')} {amount}".strip()
