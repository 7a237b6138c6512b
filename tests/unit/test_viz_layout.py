"""Precomputed layouts, their cache, aggregation above the cap and refusal beyond it."""

from __future__ import annotations

import pytest
from viz_graph import small_graph

from ontology.model import NodeKind, RelKind
from viz import views
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


def test_small_views_keep_browser_physics() -> None:
    prepared = prepare(views.responsibility(small_graph()))
    assert prepared.physics
    assert all(n.x is None for n in prepared.view.nodes)


def test_large_views_get_fixed_positions_and_physics_off() -> None:
    cache = LayoutCache()
    prepared = prepare(_star(40, agencies=10), cache=cache, physics_max=100)
    assert not prepared.physics
    assert all(n.x is not None and n.y is not None for n in prepared.view.nodes)
    xy = {(round(n.x or 0), round(n.y or 0)) for n in prepared.view.nodes}
    assert len(xy) > 0.9 * len(prepared.view.nodes)  # not piled on one spot


def test_layout_is_computed_once_per_content() -> None:
    cache = LayoutCache()
    view = _star(30, agencies=5)
    first = prepare(view, cache=cache, physics_max=10)
    again = prepare(view, cache=cache, physics_max=10)
    assert cache.computed == 1
    assert first == again
    prepare(_star(31, agencies=5), cache=cache, physics_max=10)
    assert cache.computed == 2


def test_layout_cache_survives_in_a_directory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = _star(20, agencies=3)
    LayoutCache(directory=tmp_path).positions(view)
    fresh = LayoutCache(directory=tmp_path)
    assert fresh.positions(view) == LayoutCache().positions(view)
    assert fresh.computed == 0


def test_content_hash_ignores_labels_but_not_structure() -> None:
    view = _star(3)
    renamed = ViewGraph(view.name, "另一个标题", view.nodes, view.edges)
    assert content_hash(view) == content_hash(renamed)
    assert content_hash(view) != content_hash(_star(4))


def test_large_component_layout_uses_the_grid_forces() -> None:
    positions = compute_positions(_star(600))
    assert len(positions) == 601
    assert len({(round(x), round(y)) for x, y in positions.values()}) > 550


def test_hierarchy_layout_puts_levels_in_rows() -> None:
    view = views.hierarchy(small_graph())
    positions = compute_positions(view)
    by_level: dict[int, set[float]] = {}
    for node in view.nodes:
        by_level.setdefault(node.level or 0, set()).add(positions[node.id][1])
    assert all(len(ys) == 1 for ys in by_level.values())
    assert len({next(iter(ys)) for ys in by_level.values()}) == len(by_level)


def test_aggregate_merges_tasks_under_their_lead_agency() -> None:
    view = aggregate(_star(50, agencies=4), cap=20)
    assert len(view.nodes) == 8
    groups = [n for n in view.nodes if n.group is not None]
    assert {g.weight for g in groups} == {50} and groups[0].label == "50个任务"
    assert {e.weight for e in view.edges} == {50}
    assert view.notes and "200" not in view.notes[0] and "204" in view.notes[0]


def test_views_over_the_cap_are_aggregated_before_drawing() -> None:
    prepared = prepare(_star(50, agencies=4), cap=20, physics_max=5)
    assert len(prepared.view.nodes) == 8 and not prepared.physics


def test_views_that_cannot_be_aggregated_are_refused() -> None:
    lonely = tuple(ViewNode(f"task/{i}", NodeKind.TASK, str(i), str(i)) for i in range(30))
    with pytest.raises(ViewTooLarge, match="30 nodes"):
        prepare(ViewGraph("ego", "x", lonely, ()), cap=10)
