"""What a network view is: nodes and edges ready to be laid out and drawn.

A view holds data only (names, details, the source sentence); turning it into
HTML, and escaping document text on the way, is :mod:`viz.render`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Final

from ontology.model import BrandKind, NodeKind

#: Longest short label, in characters: about what fits under a node on a projector.
LABEL_CHARS: Final = 10
_TITLE_NOISE = re.compile(r"^(?:(?:部门解读|政策解读|解读)\s*[|｜:：]\s*)?(?:关于)?")


@dataclass(frozen=True)
class ViewNode:
    """A node of a view: short label on the canvas, full name and details in the tooltip."""

    id: str
    kind: NodeKind
    label: str
    name: str
    details: tuple[tuple[str, str], ...] = ()
    sentence: str | None = None
    weight: int = 0
    level: int | None = None
    brand_kind: BrandKind | None = None
    center: bool = False
    group: str | None = None
    x: float | None = None
    y: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        data = {k: v for k, v in self.__dict__.items() if v is not None}
        data["kind"] = self.kind.value
        data["details"] = [list(pair) for pair in self.details]
        if self.brand_kind is not None:
            data["brand_kind"] = self.brand_kind.value
        return data


@dataclass(frozen=True)
class ViewEdge:
    """A drawn relationship; ``rel`` is a RelKind or ViewRel value."""

    start: str
    end: str
    rel: str
    weight: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {"start": self.start, "end": self.end, "rel": self.rel, "weight": self.weight}


@dataclass(frozen=True)
class ViewGraph:
    """One network view: what to draw, and how it was chosen."""

    name: str  # responsibility | hierarchy | brands | ego
    title: str  # Chinese page title
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    hierarchical: bool = False
    params: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default=())

    def node_ids(self) -> set[str]:
        """The ids of all nodes."""
        return {n.id for n in self.nodes}

    def with_positions(self, positions: dict[str, tuple[float, float]]) -> ViewGraph:
        """The same view with fixed coordinates (nodes absent from ``positions`` keep none)."""
        nodes = tuple(replace(n, x=positions[n.id][0], y=positions[n.id][1])
                      if n.id in positions else n for n in self.nodes)
        return replace(self, nodes=nodes)

    def with_note(self, note: str) -> ViewGraph:
        """The same view with one more note shown above the network."""
        return replace(self, notes=(*self.notes, note))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (what the API or a test compares)."""
        return {
            "name": self.name, "title": self.title, "hierarchical": self.hierarchical,
            "params": dict(self.params), "notes": list(self.notes),
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """A label that fits under a node: boilerplate prefix dropped, cut with an ellipsis.

    >>> short_label("关于共建共享“好品山东”推动高质量发展若干措施")
    '共建共享“好品山东…'
    """
    cleaned = _TITLE_NOISE.sub("", text.strip(), count=1).strip() or text.strip()
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def sorted_view(name: str, title: str, nodes: dict[str, ViewNode], edges: set[ViewEdge],
                **kwargs: Any) -> ViewGraph:
    """A view with nodes and edges in a stable order (pages and tests are deterministic)."""
    kept = {e for e in edges if e.start in nodes and e.end in nodes}
    return ViewGraph(
        name=name, title=title,
        nodes=tuple(nodes[k] for k in sorted(nodes)),
        edges=tuple(sorted(kept, key=lambda e: (e.rel, e.start, e.end))),
        **kwargs,
    )
