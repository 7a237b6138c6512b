"""Layouts: fixed and seeded from the content, room for every label, the layered plan tree,
their cache, aggregation above the cap and refusal beyond it."""

from __future__ import annotations

import numpy as np
import pytest
from viz_graph import P0, P1, small_graph

from ontology.model import NodeKind, RelKind
from viz import placement, views
from viz.aggregate import aggregate
from viz.errors import ViewTooLarge
from viz.layout import LayoutCache, compute_positions, content_hash, prepare
from viz.model import ViewEdge, ViewGraph, ViewNode


def _star(tasks: int, agencies: int = 1) -> ViewGraph:
    """Agencies each leading ``tasks`` tasks."""
    nodes, edges = [], []
    for a in range(agencies):
        agency = f"agency/a{a:03d}"
        nodes.append(ViewNode(agency, NodeKind.AGENCY, f"部门{a}", f"部门{a}"))
        for t in range(tasks):
            task = f"task/a{a:03d}-t{t:04d}"
            nodes.append(ViewNode(task, NodeKind.TASK, f"任务{t}", f"任务{t}"))
            edges.append(ViewEdge(agency, task, RelKind.LEADS.value))
    return ViewGraph("responsibility", "责任网络", tuple(nodes), tuple(edges))


def _xy(view: ViewGraph) -> np.ndarray:
    return np.array([(n.x, n.y) for n in view.nodes], dtype=float)


@pytest.mark.parametrize("build", [views.responsibility, views.hierarchy, views.brands])
def test_every_view_gets_fixed_positions_physics_off(build) -> None:  # type: ignore[no-untyped-def]
    prepared = prepare(build(small_graph()), cache=LayoutCache())
    assert not prepared.physics
    assert all(n.x is not None and n.y is not None for n in prepared.view.nodes)


def test_same_content_same_picture_without_any_cache() -> None:
    first = compute_positions(views.ego(small_graph(), P1, depth=2))
    second = compute_positions(views.ego(small_graph(), P1, depth=2))
    assert first == second
    assert first != compute_positions(views.ego(small_graph(), P0, depth=2))


@pytest.mark.parametrize("view", [_star(30, agencies=5), _star(120, agencies=3)],
                         ids=["small", "crowded"])
def test_no_two_label_boxes_overlap(view: ViewGraph) -> None:
    prepared = prepare(view, cache=LayoutCache())
    boxes = placement.boxes(prepared.view.nodes)
    assert placement.overlaps(_xy(prepared.view), boxes) == 0
    # ... and the layout did real work: these nodes, left at the spring layout, would.
    assert len(prepared.view.nodes) >= 31


def test_separate_removes_every_overlap_and_moves_little() -> None:
    view = _star(12)
    boxes = placement.boxes(view.nodes)
    piled = np.zeros((len(view.nodes), 2))
    assert placement.overlaps(piled, boxes) == len(view.nodes) * (len(view.nodes) - 1) // 2
    apart = placement.separate(piled, boxes)
    assert placement.overlaps(apart, boxes) == 0
    spaced = np.array([(i * 1000.0, 0.0) for i in range(len(view.nodes))])
    assert np.abs(placement.separate(spaced, boxes) - spaced).max() < 0.01  # already apart


def test_layout_is_computed_once_per_content() -> None:
    cache = LayoutCache()
    view = _star(30, agencies=5)
    first = prepare(view, cache=cache)
    again = prepare(view, cache=cache)
    assert cache.computed == 1
    assert first == again
    prepare(_star(31, agencies=5), cache=cache)
    assert cache.computed == 2


def test_layout_cache_survives_in_a_directory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = _star(20, agencies=3)
    LayoutCache(directory=tmp_path).positions(view)
    fresh = LayoutCache(directory=tmp_path)
    assert fresh.positions(view) == LayoutCache().positions(view)
    assert fresh.computed == 0


def test_content_hash_follows_structure_and_labels_not_titles() -> None:
    view = _star(3)
    renamed = ViewGraph(view.name, "另一个标题", view.nodes, view.edges)
    assert content_hash(view) == content_hash(renamed)
    assert content_hash(view) != content_hash(_star(4))
    relabelled = ViewGraph(view.name, view.title, (view.nodes[0].__class__(
        view.nodes[0].id, view.nodes[0].kind, "一个长得多的部门名称", "x"), *view.nodes[1:]),
        view.edges)
    assert content_hash(view) != content_hash(relabelled)  # label boxes shape the layout


def test_large_component_layout_uses_the_grid_forces() -> None:
    positions = compute_positions(_star(600))
    assert len(positions) == 601
    assert len({(round(x), round(y)) for x, y in positions.values()}) > 550


def test_hierarchy_is_a_layered_tree_left_to_right() -> None:
    view = views.hierarchy(small_graph(), targets=True)
    positions = compute_positions(view)
    by_level: dict[int, set[float]] = {}
    for node in view.nodes:
        by_level.setdefault(node.level or 0, set()).add(positions[node.id][0])
    assert all(len(xs) == 1 for xs in by_level.values())  # one column per level
    columns = [next(iter(by_level[level])) for level in sorted(by_level)]
    assert columns == sorted(columns) and len(set(columns)) == len(columns)
    xy = np.array([positions[n.id] for n in view.nodes])
    assert placement.overlaps(xy, placement.boxes(view.nodes)) == 0


def test_hierarchy_collapses_several_targets_of_one_owner() -> None:
    full = views.hierarchy(small_graph(), targets=True)
    collapsed = views.hierarchy(small_graph())
    owners = [e.start for e in full.edges if e.rel == RelKind.HAS_TARGET.value]
    many = {o for o in owners if owners.count(o) >= 2}
    groups = [n for n in collapsed.nodes if n.group is not None]
    assert {g.group for g in groups} == many
    for group in groups:
        assert group.label == f"{owners.count(group.group)}个目标"
        assert dict(group.details)["包括"]
    assert len(collapsed.nodes) == len(full.nodes) - sum(owners.count(o) - 1 for o in many)


def test_aggregate_merges_tasks_under_their_lead_agency() -> None:
    view = aggregate(_star(50, agencies=4), cap=20)
    assert len(view.nodes) == 8
    groups = [n for n in view.nodes if n.group is not None]
    assert {g.weight for g in groups} == {50} and groups[0].label == "50个任务"
    assert {e.weight for e in view.edges} == {50}
    assert view.notes and "200" not in view.notes[0] and "204" in view.notes[0]


def test_views_over_the_cap_are_aggregated_before_drawing() -> None:
    prepared = prepare(_star(50, agencies=4), cap=20)
    assert len(prepared.view.nodes) == 8 and not prepared.physics


def test_views_that_cannot_be_aggregated_are_refused() -> None:
    lonely = tuple(ViewNode(f"task/{i}", NodeKind.TASK, str(i), str(i)) for i in range(30))
    with pytest.raises(ViewTooLarge, match="30 nodes"):
        prepare(ViewGraph("ego", "x", lonely, ()), cap=10)
