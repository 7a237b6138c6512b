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
