"""The network views on a small hand-made property graph."""

from __future__ import annotations

import pytest
from viz_graph import (
    A1,
    A2,
    A3,
    B1,
    B2,
    B3,
    E1,
    G1,
    G2,
    P0,
    P1,
    P2,
    R1,
    S1,
    T1,
    T1_SENTENCE,
    T1_TITLE,
    T2,
    T3,
    small_graph,
)

from ontology.model import NodeKind, Role
from viz import views
from viz.describe import GraphIndex, target_text
from viz.errors import UnknownNode
from viz.model import ViewGraph, short_label


def _edges(view: ViewGraph) -> set[tuple[str, str, str]]:
    return {(e.start, e.end, e.rel) for e in view.edges}


def _node(view: ViewGraph, key: str):  # type: ignore[no-untyped-def]
    return next(n for n in view.nodes if n.id == key)


def test_responsibility_links_agencies_to_tasks_by_role() -> None:
    view = views.responsibility(small_graph())
    assert view.node_ids() == {A1, A2, A3, T1, T2, T3}
    assert _edges(view) == {(A1, T1, "LEADS"), (A2, T2, "LEADS"), (A3, T3, "LEADS"),
                            (A2, T1, "CO_RESPONSIBLE_FOR"), (A3, T2, "CO_RESPONSIBLE_FOR")}
    assert {_node(view, a).weight for a in (A1, A2, A3)} == {1}


def test_responsibility_task_tooltip_names_plan_section_and_agencies() -> None:
    task = _node(views.responsibility(small_graph()), T1)
    details = dict(task.details)
    assert task.name == T1_TITLE and task.sentence == T1_SENTENCE
    assert details["规划"] == "德州市实施意见" and details["章节"] == "重点任务"
    assert details["牵头"] == "市科技局" and details["配合"] == "市市场监管局"


def test_responsibility_filter_by_plan() -> None:
    view = views.responsibility(small_graph(), plan=P1)
    assert view.node_ids() == {A1, A2, A3, T1, T2}
    assert ("plan", "德州市实施意见") in view.params


def test_responsibility_filter_by_role_keeps_lead_size() -> None:
    view = views.responsibility(small_graph(), plan=P1, role=Role.CO)
    assert _edges(view) == {(A2, T1, "CO_RESPONSIBLE_FOR"), (A3, T2, "CO_RESPONSIBLE_FOR")}
    assert _node(view, A2).weight == 1  # A2 leads T2 in this plan


def test_responsibility_filter_by_agency_keeps_partners_and_marks_the_centre() -> None:
    view = views.responsibility(small_graph(), agency=A1)
    assert view.node_ids() == {A1, A2, T1}
    assert _node(view, A1).center and not _node(view, A2).center


def test_responsibility_filter_by_region() -> None:
    view = views.responsibility(small_graph(), region=R1)
    assert _edges(view) == {(A3, T3, "LEADS"), (A3, T2, "CO_RESPONSIBLE_FOR")}


def test_responsibility_empty_filter_says_so() -> None:
    view = views.responsibility(small_graph(), agency=A1, role=Role.CO)
    assert not view.nodes and view.notes


@pytest.mark.parametrize("kwargs", [{"plan": "plan/none"}, {"plan": T1}, {"agency": P1},
                                    {"region": "region/none"}])
def test_responsibility_unknown_filter_is_an_error(kwargs: dict[str, str]) -> None:
    with pytest.raises(UnknownNode):
        views.responsibility(small_graph(), **kwargs)  # type: ignore[arg-type]


def test_hierarchy_levels_follow_what_implements_what() -> None:
    view = views.hierarchy(small_graph())
    levels = {n.id: n.level for n in view.nodes}
    assert levels == {P0: 0, P1: 1, P2: 0, S1: 2, T1: 3, T2: 3, T3: 2, G1: 4, G2: 1}
    assert view.hierarchical


def test_hierarchy_edges_go_through_sections_when_there_are_some() -> None:
    edges = _edges(views.hierarchy(small_graph()))
    assert (P1, P0, "IMPLEMENTS") in edges
    assert (P1, S1, "HAS_SECTION") in edges and (T1, S1, "IN_SECTION") in edges
    assert (P1, T1, "HAS_TASK") not in edges
    assert (P2, T3, "HAS_TASK") in edges  # no section: straight from the plan
    assert (T1, G1, "HAS_TARGET") in edges and (P2, G2, "HAS_TARGET") in edges


def test_hierarchy_shows_deadline_years() -> None:
    view = views.hierarchy(small_graph())
    assert _node(view, G1).label.startswith("2025年")
    assert _node(view, G1).name == "到2025年 培育高新技术企业 500家左右"


def test_hierarchy_of_one_plan_keeps_its_family() -> None:
    view = views.hierarchy(small_graph(), plan=P0)
    assert {n.id for n in view.nodes if n.kind is NodeKind.PLAN} == {P0, P1}
    assert _node(view, P0).center


def test_brands_links_stored_mentions_and_names_in_text() -> None:
    view = views.brands(small_graph())
    edges = _edges(view)
    assert (P1, B1, "MENTIONS_BRAND") in edges
    assert (T3, B2, "NAMES") in edges and (G2, B2, "NAMES") in edges
    assert (P0, B1, "NAMES") in edges  # its title names 好品山东
    assert B3 in view.node_ids()  # an award nothing names is still part of the system
    assert _node(view, B2).weight == 2
    assert _node(view, B2).brand_kind is not None


def test_brands_keeps_plan_task_links_among_shown_nodes() -> None:
    view = views.brands(small_graph())
    assert (P2, T3, "HAS_TASK") not in _edges(view)  # P2 names no brand: not shown
    one = views.brands(small_graph(), brand=B2)
    assert one.node_ids() == {B2, T3, G2}


def test_ego_depth_one_of_a_task() -> None:
    view = views.ego(small_graph(), T1, depth=1)
    assert view.node_ids() == {T1, A1, A2, S1, P1, G1}
    assert _node(view, T1).center


def test_ego_depth_zero_and_kinds() -> None:
    assert views.ego(small_graph(), T1, depth=0).node_ids() == {T1}
    with_evidence = views.ego(small_graph(), T1, depth=1, kinds=[NodeKind.EVIDENCE])
    assert with_evidence.node_ids() == {T1, E1}


def test_ego_depth_two_reaches_partners_and_is_capped() -> None:
    two = views.ego(small_graph(), A1, depth=2)
    assert {A2, S1, P1, G1} <= two.node_ids()
    assert views.ego(small_graph(), A1, depth=99).params[-1] == ("depth", str(views.MAX_DEPTH))


def test_ego_unknown_centre() -> None:
    with pytest.raises(UnknownNode, match="task/none"):
        views.ego(small_graph(), "task/none")


def test_views_are_deterministic_and_accept_an_index() -> None:
    graph = small_graph()
    assert views.responsibility(graph) == views.responsibility(GraphIndex(graph))
    assert views.hierarchy(graph).to_dict() == views.hierarchy(graph).to_dict()


def test_short_labels_drop_boilerplate_and_cut() -> None:
    assert short_label("部门解读|关于共建共享“好品山东”推动高质量发展若干措施") == "共建共享“好品山东…"
    assert short_label("市科技局") == "市科技局"


def test_target_text_puts_qualifiers_where_chinese_does() -> None:
    assert target_text({"metric": "满意度", "value": 88.0, "unit": "%", "qualifier": "以上",
                        "year": 2022}) == "到2022年 满意度 88%以上"
    assert target_text({"metric": "企业", "value": 29.0, "unit": "家",
                        "qualifier": "达到"}) == "企业 达到29家"
