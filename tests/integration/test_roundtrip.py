"""RDF round trip: the Turtle ``policygraph build`` writes and the graph read back from Neo4j."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import neo4j
import pytest
from _graph_support import TEST_DATABASE
from rdflib import RDF, Graph
from typer.testing import CliRunner

from graph import cypher_write as q
from graph.export import export_rdf, read_graph
from graph.loader import load
from graph.property_graph import load_build

pytestmark = pytest.mark.neo4j

SAMPLE = 40


@pytest.fixture
def loaded(empty_db: neo4j.Driver, full_build: Path) -> neo4j.Driver:
    load(empty_db, TEST_DATABASE, load_build(full_build))
    return empty_db


def test_counts_per_type_and_sampled_facts_agree_both_ways(
    loaded: neo4j.Driver, full_build: Path
) -> None:
    built = Graph().parse(full_build / "graph.ttl", format="turtle")
    exported = export_rdf(loaded, TEST_DATABASE)

    assert Counter(built.objects(None, RDF.type)) == Counter(exported.objects(None, RDF.type))
    assert Counter(built.predicates()) == Counter(exported.predicates())
    rng = random.Random(3)
    for triple in rng.sample(sorted(built), SAMPLE):
        assert triple in exported, triple
    for triple in rng.sample(sorted(exported), SAMPLE):
        assert triple in built, triple
    assert set(built) == set(exported)  # no blank nodes: set equality is graph equality


def test_bookkeeping_does_not_leak(loaded: neo4j.Driver) -> None:
    assert all(q.SOURCES not in node.props for node in read_graph(loaded, TEST_DATABASE).nodes)
    with_sources = read_graph(loaded, TEST_DATABASE, with_sources=True)
    assert all(node.props[q.SOURCES] for node in with_sources.nodes)


@pytest.mark.parametrize(("fmt", "built_file"), [("ttl", "graph.ttl"), ("jsonld", "graph.jsonld")])
def test_cli_export_writes_the_bytes_build_wrote(
    loaded: neo4j.Driver, neo4j_uri: str, full_build: Path, tmp_path: Path,
    fmt: str, built_file: str,
) -> None:
    from api.cli import app

    out = tmp_path / built_file
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out),
                                      "--uri", neo4j_uri])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (full_build / built_file).read_bytes()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_cli_export_for_graph_tools_reads_neo4j_as_the_build(
    loaded: neo4j.Driver, neo4j_uri: str, full_build: Path, tmp_path: Path, fmt: str,
) -> None:
    import networkx as nx

    from api.cli import app

    written = {}
    for source, args in (("neo4j", ["--uri", neo4j_uri]),
                         ("build", ["--build", str(full_build)])):
        out = tmp_path / f"{source}.{fmt}"
        result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), *args])
        assert result.exit_code == 0, result.output
        written[source] = out
    if fmt == "csv":
        for name in ("nodes.csv", "edges.csv"):
            assert (written["neo4j"] / name).read_bytes() == (written["build"] / name).read_bytes()
        return
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    from_neo4j, from_build = (read(written[s]) for s in ("neo4j", "build"))
    assert dict(from_neo4j.nodes(data=True)) == dict(from_build.nodes(data=True))
    assert from_neo4j.number_of_nodes() == len(load_build(full_build).nodes)
    assert sorted(from_neo4j.edges()) == sorted(from_build.edges())
