"""The one style table covers every kind, role and relationship, and builds the legend."""

from __future__ import annotations

import re

import pytest

from ontology.model import BrandKind, NodeKind, RelKind, Role
from viz.style import (
    ARROW_TYPES,
    BRAND_STYLE,
    EDGE_STYLE,
    NODE_STYLE,
    ROLE_STYLE,
    ViewRel,
    legend,
    node_style,
    scaled_size,
)

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_VIS_SHAPES = {"dot", "ellipse", "box", "database", "diamond", "square", "star", "triangle",
               "triangleDown", "hexagon", "text", "circle"}


def test_every_node_kind_has_a_style() -> None:
    assert set(NODE_STYLE) == set(NodeKind)


def test_every_brand_kind_has_a_style() -> None:
    assert set(BRAND_STYLE) == set(BrandKind)


def test_every_relationship_and_view_relationship_has_a_style() -> None:
    assert set(EDGE_STYLE) == {*RelKind, *ViewRel}


def test_every_role_has_a_style_lead_solid_thick_co_dashed_thin() -> None:
    assert set(ROLE_STYLE) == set(Role)
    lead, co = ROLE_STYLE[Role.LEAD], ROLE_STYLE[Role.CO]
    assert not lead.dashes and co.dashes
    assert lead.width > 2 * co.width


@pytest.mark.parametrize("style", [*NODE_STYLE.values(), *BRAND_STYLE.values()])
def test_node_styles_are_valid_vis_values(style) -> None:  # type: ignore[no-untyped-def]
    assert _COLOUR.match(style.color)
    assert style.shape in _VIS_SHAPES
    assert style.size > 0 and style.label


def test_node_kinds_differ_in_colour_and_the_main_kinds_in_shape() -> None:
    colours = [s.color for s in NODE_STYLE.values()]
    assert len(set(colours)) == len(colours)
    main = [NodeKind.PLAN, NodeKind.SECTION, NodeKind.TASK, NodeKind.AGENCY, NodeKind.TARGET,
            NodeKind.BRAND, NodeKind.REGION]
    assert len({NODE_STYLE[k].shape for k in main}) == len(main)


def test_brand_kind_picks_the_brand_colour() -> None:
    assert node_style(NodeKind.BRAND, BrandKind.AWARD) == BRAND_STYLE[BrandKind.AWARD]
    assert node_style(NodeKind.BRAND) == NODE_STYLE[NodeKind.BRAND]


def test_agency_size_grows_with_lead_tasks() -> None:
    sizes = [scaled_size(NodeKind.AGENCY, n) for n in (0, 1, 4, 16)]
    assert sizes == sorted(sizes) and len(set(sizes)) == 4
    assert sizes[0] == NODE_STYLE[NodeKind.AGENCY].size


def test_legend_lists_only_what_the_view_shows() -> None:
    entries = legend({NodeKind.TASK, NodeKind.AGENCY}, {RelKind.LEADS.value})
    assert [(e.item, e.label) for e in entries] == [("node", "任务"), ("node", "部门"),
                                                    ("edge", "牵头")]


def test_legend_splits_brands_by_kind() -> None:
    entries = legend({NodeKind.BRAND}, set(), {BrandKind.AWARD, BrandKind.BRAND})
    assert [e.label for e in entries] == ["品牌", "奖项"]


def test_every_relationship_has_its_own_colour_dash_and_arrowhead() -> None:
    styles = list(EDGE_STYLE.values())
    for attribute in ("color", "dashes"):
        values = [getattr(s, attribute) for s in styles]
        assert len(set(values)) == len(values), attribute
    heads = [(s.arrow, s.arrow_at) for s in styles]
    assert len(set(heads)) == len(heads)
    assert all(s.arrow in ARROW_TYPES for s in styles if s.arrow is not None)
    assert all(s.arrow_at in ("to", "middle", "both") for s in styles)
