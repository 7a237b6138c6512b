"""The graph read back through the repository interface draws the same views."""

from __future__ import annotations

from viz_graph import A1, B2, T1, small_graph

from graph.embedded import EmbeddedRepository
from viz import views
from viz.model import ViewGraph
from viz.snapshot import SnapshotCache, snapshot


def _same(a: ViewGraph, b: ViewGraph) -> bool:
    return a.node_ids() == b.node_ids() and {(e.start, e.end, e.rel) for e in a.edges} == {
        (e.start, e.end, e.rel) for e in b.edges}


def test_snapshot_draws_the_same_views_as_the_graph() -> None:
    graph = small_graph()
    copy = snapshot(EmbeddedRepository(graph))
    assert views.responsibility(copy) == views.responsibility(graph)
    assert views.hierarchy(copy) == views.hierarchy(graph)
    assert _same(views.brands(copy), views.brands(graph))
    assert _same(views.ego(copy, A1, depth=2), views.ego(graph, A1, depth=2))


def test_snapshot_keeps_sentences_for_tooltips() -> None:
    copy = snapshot(EmbeddedRepository(small_graph()))
    task = next(n for n in views.responsibility(copy).nodes if n.id == T1)
    assert task.sentence and "科技研发" in task.sentence
    assert next(n for n in views.brands(copy).nodes if n.id == B2).brand_kind is not None


class _Counting(EmbeddedRepository):
    plan_calls = 0

    def plan(self, key: str):  # type: ignore[no-untyped-def]
        self.plan_calls += 1
        return super().plan(key)


def test_snapshot_cache_reads_the_graph_once() -> None:
    repo = _Counting(small_graph())
    cache = SnapshotCache()
    first = cache.index(repo)
    assert cache.index(repo) is first
    assert repo.plan_calls == 3


def test_the_brand_view_shows_enterprises_around_brands_and_programmes() -> None:
    from rdf_fixtures import ALL, FIRM, REGISTERS

    from graph.property_graph import from_rdf
    from graph.rdf import build_graph
    from ontology.identity import brand_key, enterprise_key

    graph = from_rdf(build_graph(ALL, REGISTERS))
    view = views.brands(graph)
    firm, held = enterprise_key(FIRM), brand_key("德州扒鸡")
    edges = {(e.start, e.end, e.rel) for e in view.edges}
    assert (firm, held, "HOLDS_BRAND") in edges
    assert (firm, brand_key("好品山东"), "RECOGNISED_IN") in edges
    assert (firm, brand_key("中华老字号"), "RECOGNISED_IN") in edges
    # a regional brand listed without an enterprise is linked to its programme itself
    assert (brand_key("青州花卉"), brand_key("好品山东"), "RECOGNISED_IN") in edges
    # the live pages' snapshot draws the same links, the list's regional brand included
    live = views.brands(snapshot(EmbeddedRepository(graph)))
    live_edges = {(e.start, e.end, e.rel) for e in live.edges}
    assert {e for e in edges if e[2] in ("HOLDS_BRAND", "RECOGNISED_IN")} <= live_edges
