"""The one style table of every network view: colour, shape and size by kind.

Every :class:`~ontology.model.NodeKind` has a :class:`NodeStyle`, every
:class:`~ontology.model.BrandKind` a colour variant of the brand style, every
:class:`~ontology.model.RelKind` (and the few relationships a view draws that the
graph does not store, :class:`ViewRel`) an :class:`EdgeStyle`, and every
:class:`~ontology.model.Role` the style of its relationship.  A unit test checks the
tables cover every enum member, so a new kind cannot reach a page unstyled.

Colours are the Okabe-Ito palette (distinguishable with colour-blindness and on a
washed-out projector); shapes differ as well, so colour is never the only cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from ontology.model import BrandKind, NodeKind, RelKind, Role


class ViewRel(StrEnum):
    """Relationships a view draws that the graph does not store."""

    #: A task or target whose text names a brand (found by the view, not extracted).
    NAMES = "NAMES"
    #: Several relationships merged when a large view is aggregated.
    AGGREGATED = "AGGREGATED"
    #: An enterprise (or a brand) listed in a programme: the graph's Recognition node, drawn
    #: as one link.
    RECOGNISED_IN = "RECOGNISED_IN"


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of node is drawn (``shape`` is a vis-network shape)."""

    color: str
    shape: str
    size: int
    label: str  # the kind's name in the legend (Chinese)


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of relationship is drawn."""

    color: str
    width: float
    dashes: bool
    label: str  # the relationship's name in the legend (Chinese)
    arrows: bool = True


NODE_STYLE: Final[MappingProxyType[NodeKind, NodeStyle]] = MappingProxyType({
    NodeKind.PLAN: NodeStyle("#0072B2", "square", 26, "规划文件"),
    NodeKind.SECTION: NodeStyle("#56B4E9", "triangle", 16, "章节"),
    NodeKind.TASK: NodeStyle("#009E73", "dot", 12, "任务"),
    NodeKind.AGENCY: NodeStyle("#E69F00", "diamond", 16, "部门"),
    NodeKind.REGION: NodeStyle("#7F7F7F", "hexagon", 20, "地区"),
    NodeKind.TARGET: NodeStyle("#CC79A7", "triangleDown", 11, "目标"),
    NodeKind.FUNDING: NodeStyle("#B59B00", "box", 10, "资金"),
    NodeKind.BRAND: NodeStyle("#D55E00", "star", 18, "品牌"),
    NodeKind.ENTERPRISE: NodeStyle("#117733", "square", 16, "企业"),
    NodeKind.RECOGNITION: NodeStyle("#88CCEE", "dot", 7, "入选记录"),
    NodeKind.SOURCE: NodeStyle("#4D4D4D", "database", 10, "来源文件"),
    NodeKind.EVIDENCE: NodeStyle("#A6A6A6", "ellipse", 8, "原文证据"),
})

#: Brands keep the star; the colour tells brand, programme, award and certification apart.
BRAND_STYLE: Final[MappingProxyType[BrandKind, NodeStyle]] = MappingProxyType({
    BrandKind.BRAND: NodeStyle("#D55E00", "star", 20, "品牌"),
    BrandKind.PROGRAMME: NodeStyle("#F28E2B", "star", 16, "品牌工程"),
    BrandKind.AWARD: NodeStyle("#B8860B", "star", 16, "奖项"),
    BrandKind.CERTIFICATION: NodeStyle("#8C564B", "star", 16, "认证"),
})

_STRUCTURE = "#8C8C8C"
EDGE_STYLE: Final[MappingProxyType[str, EdgeStyle]] = MappingProxyType({
    RelKind.LEADS: EdgeStyle("#1F1F1F", 3.5, False, "牵头"),
    RelKind.CO_RESPONSIBLE_FOR: EdgeStyle("#6B6B6B", 1.0, True, "配合"),
    RelKind.IMPLEMENTS: EdgeStyle("#0072B2", 2.5, False, "贯彻落实"),
    RelKind.HAS_TASK: EdgeStyle(_STRUCTURE, 1.0, False, "包含任务"),
    RelKind.HAS_SECTION: EdgeStyle(_STRUCTURE, 1.5, False, "包含章节"),
    RelKind.IN_SECTION: EdgeStyle(_STRUCTURE, 1.0, False, "所在章节"),
    RelKind.HAS_TARGET: EdgeStyle("#CC79A7", 1.0, False, "目标"),
    RelKind.HAS_FUNDING: EdgeStyle("#B59B00", 1.0, False, "资金"),
    RelKind.MENTIONS_BRAND: EdgeStyle("#D55E00", 1.5, False, "提及品牌"),
    RelKind.ISSUED_BY: EdgeStyle("#56B4E9", 1.0, True, "发文单位"),
    RelKind.GOVERNS: EdgeStyle("#7F7F7F", 1.0, True, "适用地区"),
    RelKind.IN_REGION: EdgeStyle("#BDBDBD", 0.8, True, "所在地区"),
    RelKind.REPORTS: EdgeStyle("#4D4D4D", 0.8, True, "报道"),
    RelKind.SUPPORTED_BY: EdgeStyle("#B59B00", 1.0, True, "资金支持"),
    RelKind.HAS_EVIDENCE: EdgeStyle("#BDBDBD", 0.6, True, "原文证据"),
    RelKind.FROM_SOURCE: EdgeStyle("#BDBDBD", 0.6, True, "出自"),
    RelKind.SUB_ORGANIZATION_OF: EdgeStyle("#E69F00", 1.0, True, "下属单位"),
    RelKind.MENTIONS_ENTERPRISE: EdgeStyle("#117733", 1.0, True, "提及企业"),
    RelKind.HOLDS_BRAND: EdgeStyle("#117733", 2.5, False, "拥有品牌"),
    RelKind.OF_ENTERPRISE: EdgeStyle("#88CCEE", 1.0, False, "入选企业"),
    RelKind.OF_BRAND: EdgeStyle("#88CCEE", 1.0, False, "入选品牌"),
    RelKind.IN_PROGRAMME: EdgeStyle("#F28E2B", 2.0, False, "入选品牌工程"),
    RelKind.RECOGNISED_BY: EdgeStyle("#E69F00", 0.8, True, "认定机关"),
    RelKind.WITHIN_REGION: EdgeStyle("#7F7F7F", 0.8, True, "隶属于"),
    ViewRel.NAMES: EdgeStyle("#D55E00", 1.0, True, "文中提到"),
    ViewRel.AGGREGATED: EdgeStyle("#6B6B6B", 2.0, False, "合并的关系", arrows=False),
    ViewRel.RECOGNISED_IN: EdgeStyle("#F28E2B", 1.5, True, "入选"),
})

#: An agency's role on a task is drawn as the relationship that stores it.
ROLE_REL: Final[MappingProxyType[Role, RelKind]] = MappingProxyType({
    Role.LEAD: RelKind.LEADS,
    Role.CO: RelKind.CO_RESPONSIBLE_FOR,
})
ROLE_STYLE: Final[MappingProxyType[Role, EdgeStyle]] = MappingProxyType(
    {role: EDGE_STYLE[rel] for role, rel in ROLE_REL.items()})

#: Dash pattern (vis-network ``dashes``) of a dashed relationship.
DASH_PATTERN: Final = (6, 4)
#: The highlight of the node a view is centred on.
CENTER_BORDER: Final = "#000000"
#: Fonts only from the system: pages must not fetch a web font.
FONT_FAMILY: Final = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", '
                      '"Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif')


def node_style(kind: NodeKind, brand_kind: BrandKind | None = None) -> NodeStyle:
    """The style of a node kind (a brand's own kind picks its colour)."""
    if kind is NodeKind.BRAND and brand_kind is not None:
        return BRAND_STYLE[brand_kind]
    return NODE_STYLE[kind]


def edge_style(rel: str) -> EdgeStyle:
    """The style of a relationship type (:class:`RelKind` or :class:`ViewRel` value)."""
    return EDGE_STYLE[rel]


def scaled_size(kind: NodeKind, weight: int) -> int:
    """Node size grown with a weight (an agency's lead tasks), by square root.

    The square root keeps the area roughly proportional to the weight, so one
    bureau leading 40 tasks does not swallow the screen.
    """
    base = NODE_STYLE[kind].size
    return base if weight <= 0 else round(base + 6 * math.sqrt(weight))


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a node (shape) or relationship (line) and its name."""

    item: str  # "node" | "edge"
    label: str
    color: str
    shape: str = ""
    width: float = 0.0
    dashes: bool = False


def legend(node_kinds: set[NodeKind], rels: set[str],
           brand_kinds: set[BrandKind] | None = None) -> list[LegendEntry]:
    """Legend of what a view actually shows, in the order of the style tables."""
    entries: list[LegendEntry] = []
    for kind, style in NODE_STYLE.items():
        if kind not in node_kinds:
            continue
        if kind is NodeKind.BRAND and brand_kinds:
            entries.extend(LegendEntry("node", s.label, s.color, s.shape)
                           for bk, s in BRAND_STYLE.items() if bk in brand_kinds)
        else:
            entries.append(LegendEntry("node", style.label, style.color, style.shape))
    entries.extend(LegendEntry("edge", s.label, s.color, width=s.width, dashes=s.dashes)
                   for rel, s in EDGE_STYLE.items() if rel in rels)
    return entries
