"""The embedded backend says at start-up when a graph is past the size it is right for."""

from __future__ import annotations

import logging

import pytest
from api_support import make_client, settings

from api.app import create_app
from graph.embedded import EMBEDDED_NODE_LIMIT, EmbeddedRepository, size_advice
from graph.property_graph import NodeRow, PropertyGraph
from ontology.model import NodeKind


def test_no_advice_up_to_the_limit_and_advice_naming_neo4j_beyond() -> None:
    assert size_advice(EMBEDDED_NODE_LIMIT) is None
    advice = size_advice(EMBEDDED_NODE_LIMIT + 1)
    assert advice is not None
    assert f"{EMBEDDED_NODE_LIMIT + 1:,} nodes" in advice and "serve --neo4j" in advice


def _graph(nodes: int) -> PropertyGraph:
    return PropertyGraph(nodes=tuple(NodeRow(NodeKind.REGION, f"region/{n:06d}", {"name": str(n)})
                                     for n in range(nodes)), rels=())


@pytest.mark.parametrize(("nodes", "warned"), [(10, False), (EMBEDDED_NODE_LIMIT + 5, True)])
def test_the_service_warns_at_start_up_beyond_the_limit(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        nodes: int, warned: bool) -> None:
    import api.app

    repo = EmbeddedRepository(_graph(nodes))
    monkeypatch.setattr(api.app, "open_repository", lambda _settings: repo)
    with caplog.at_level(logging.WARNING, logger="api.app"), make_client(
            create_app(settings("embedded"))):
        pass
    assert any("embedded backend holds" in r.message for r in caplog.records) is warned
