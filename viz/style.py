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
from viz.fonts import FAMILY


class ViewRel(StrEnum):
    """Relationships a view draws that the graph does not store."""

    #: A task or target whose text names a brand (found by the view, not extracted).
    NAMES = "NAMES"
    #: Several relationships merged when a large view is aggregated.
    AGGREGATED = "AGGREGATED"
    #: An enterprise (or a brand) listed in a programme: the graph's Recognition node, drawn
    #: as one link.
    RECOGNISED_IN = "RECOGNISED_IN"
    #: A child task carrying out a parent measure (the graph's Alignment node, drawn as one
    #: link), in three bands of its score (:func:`aligned_rel`).
    ALIGNED_STRONG = "ALIGNED_STRONG"
    ALIGNED = "ALIGNED"
    ALIGNED_WEAK = "ALIGNED_WEAK"
    #: The child task most alike a measure no task carries out: below the threshold, no link.
    NEAREST = "NEAREST"


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of node is drawn (``shape`` is a vis-network shape)."""

    color: str
    shape: str
    size: int
    label: str  # the kind's name in the legend (Chinese)


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of relationship is drawn: no two kinds share a colour, a dash or an arrow."""

    color: str
    width: float
    dashes: tuple[int, ...]  # vis-network / SVG dash pattern; () is a solid line
    label: str  # the relationship's name in the legend (Chinese)
    arrow: str | None = "arrow"  # a vis-network arrow type; None: no arrowhead
    arrow_at: str = "to"  # "to" (at the end), "middle", or "both" (a head at each)


#: The arrowheads vis-network draws (and viz/svg.py draws the same way).
ARROW_TYPES: Final = ("arrow", "bar", "box", "circle", "crow", "curve", "diamond", "inv_curve",
                      "inv_triangle", "triangle", "vee")

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
    NodeKind.ALIGNMENT: NodeStyle("#332288", "dot", 7, "落实对应"),
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

# Colour, dash and arrowhead each tell every relationship from every other one (a unit test
# checks it), so a legend entry is unambiguous on a washed-out projector and in greyscale.
EDGE_STYLE: Final[MappingProxyType[str, EdgeStyle]] = MappingProxyType({
    RelKind.LEADS: EdgeStyle("#1F1F1F", 3.5, (), "牵头", "arrow"),
    RelKind.CO_RESPONSIBLE_FOR: EdgeStyle("#7A7A7A", 1.2, (6, 4), "配合", "vee"),
    RelKind.IMPLEMENTS: EdgeStyle("#0072B2", 2.5, (12, 3, 3, 3), "贯彻落实", "triangle"),
    RelKind.HAS_TASK: EdgeStyle("#44AA99", 1.2, (2, 3), "包含任务", "circle"),
    RelKind.HAS_SECTION: EdgeStyle("#332288", 1.5, (10, 4), "包含章节", "box"),
    RelKind.IN_SECTION: EdgeStyle("#5FA8D3", 1.2, (4, 4), "所在章节", "bar"),
    RelKind.HAS_TARGET: EdgeStyle("#CC79A7", 1.2, (1, 4), "目标", "diamond"),
    RelKind.HAS_FUNDING: EdgeStyle("#999933", 1.2, (8, 2), "资金", "crow"),
    RelKind.MENTIONS_BRAND: EdgeStyle("#D55E00", 1.5, (10, 4, 2, 4), "提及品牌", "curve"),
    RelKind.ISSUED_BY: EdgeStyle("#56B4E9", 1.2, (3, 6), "发文单位", "inv_curve"),
    RelKind.GOVERNS: EdgeStyle("#117733", 1.2, (14, 4, 2, 4, 2, 4), "适用地区", "inv_triangle"),
    RelKind.IN_REGION: EdgeStyle("#A0A0A0", 1.0, (6, 2, 2, 2), "所在地区", "arrow", "middle"),
    RelKind.REPORTS: EdgeStyle("#4D4D4D", 1.0, (16, 4), "报道", "vee", "middle"),
    RelKind.SUPPORTED_BY: EdgeStyle("#C9A227", 1.2, (2, 2), "资金支持", "triangle", "middle"),
    RelKind.HAS_EVIDENCE: EdgeStyle("#AA4499", 0.8, (8, 4, 2, 4, 2, 4), "原文证据", "circle",
                                    "middle"),
    RelKind.FROM_SOURCE: EdgeStyle("#882255", 0.8, (5, 8), "出自", "box", "middle"),
    RelKind.SUB_ORGANIZATION_OF: EdgeStyle("#E69F00", 1.2, (10, 2, 2, 2, 2, 2), "下属单位", "bar",
                                           "middle"),
    RelKind.MENTIONS_ENTERPRISE: EdgeStyle("#2E8B57", 1.0, (1, 2), "提及企业", "curve", "middle"),
    RelKind.HOLDS_BRAND: EdgeStyle("#1B7837", 2.5, (12, 4), "拥有品牌", "arrow", "both"),
    RelKind.OF_ENTERPRISE: EdgeStyle("#88CCEE", 1.0, (4, 2, 1, 2), "入选企业", "crow", "middle"),
    RelKind.OF_BRAND: EdgeStyle("#4393C3", 1.0, (18, 3, 3, 3), "入选品牌", "inv_curve", "middle"),
    RelKind.IN_PROGRAMME: EdgeStyle("#F28E2B", 2.0, (7, 3), "入选品牌工程", "triangle", "both"),
    RelKind.RECOGNISED_BY: EdgeStyle("#B35806", 0.8, (2, 5), "认定机关", "inv_triangle",
                                     "middle"),
    RelKind.WITHIN_REGION: EdgeStyle("#BDBDBD", 0.8, (9, 3, 3, 3, 3, 3), "隶属于", "bar", "both"),
    ViewRel.NAMES: EdgeStyle("#CC6677", 1.2, (20, 5), "文中提到", "diamond", "middle"),
    ViewRel.AGGREGATED: EdgeStyle("#8C564B", 2.0, (3, 3, 9, 3), "合并的关系", None),
    ViewRel.RECOGNISED_IN: EdgeStyle("#FDB863", 1.5, (11, 2, 2, 2), "入选", "vee", "both"),
    RelKind.IMPLEMENTING_TASK: EdgeStyle("#6A3D9A", 1.2, (13, 3), "落实任务", "box", "both"),
    RelKind.IMPLEMENTED_MEASURE: EdgeStyle("#9970AB", 1.2, (13, 3, 1, 3), "对应措施", "circle",
                                           "both"),
    # Darker and wider the higher the score: colour is never the only cue.
    ViewRel.ALIGNED_STRONG: EdgeStyle("#08306B", 4.0, (30, 2), "落实（相似度 ≥ 0.50）",
                                      "inv_triangle", "both"),
    ViewRel.ALIGNED: EdgeStyle("#2171B5", 2.5, (22, 3), "落实（相似度 0.40–0.50）", "diamond",
                               "both"),
    ViewRel.ALIGNED_WEAK: EdgeStyle("#6BAED6", 1.5, (15, 4), "落实（相似度 0.30–0.40）", "curve",
                                    "both"),
    ViewRel.NEAREST: EdgeStyle("#969696", 1.0, (2, 7), "最接近但未达阈值（未关联）", "inv_curve",
                               "both"),
})

#: Lowest score of each band of an alignment's link, highest band first.
ALIGNED_BANDS: Final = ((0.5, ViewRel.ALIGNED_STRONG), (0.4, ViewRel.ALIGNED),
                        (0.0, ViewRel.ALIGNED_WEAK))

#: An agency's role on a task is drawn as the relationship that stores it.
ROLE_REL: Final[MappingProxyType[Role, RelKind]] = MappingProxyType({
    Role.LEAD: RelKind.LEADS,
    Role.CO: RelKind.CO_RESPONSIBLE_FOR,
})
ROLE_STYLE: Final[MappingProxyType[Role, EdgeStyle]] = MappingProxyType(
    {role: EDGE_STYLE[rel] for role, rel in ROLE_REL.items()})

#: The highlight of the node a view is centred on.
CENTER_BORDER: Final = "#000000"
#: The page's own embedded face first (viz.fonts), then the usual system CJK fonts.
FONT_FAMILY: Final = (f'"{FAMILY}", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", '
                      '"Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif')


def node_style(kind: NodeKind, brand_kind: BrandKind | None = None) -> NodeStyle:
    """The style of a node kind (a brand's own kind picks its colour)."""
    if kind is NodeKind.BRAND and brand_kind is not None:
        return BRAND_STYLE[brand_kind]
    return NODE_STYLE[kind]


def aligned_rel(score: float) -> ViewRel:
    """The band of an alignment's score (links exist from the cascade's threshold up)."""
    return next(rel for low, rel in ALIGNED_BANDS if score >= low)


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
    dashes: tuple[int, ...] = ()
    arrow: str | None = None
    arrow_at: str = "to"


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
    entries.extend(LegendEntry("edge", s.label, s.color, width=s.width, dashes=s.dashes,
                               arrow=s.arrow, arrow_at=s.arrow_at)
                   for rel, s in EDGE_STYLE.items() if rel in rels)
    return entries
