"""GraphML, GEXF and the CSV pair: written from the graph, read back, nothing lost."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner
from viz_graph import A2, P1, T1, small_graph

from api.cli import app
from graph.interchange import LIST_SEPARATOR, display_name, write_csv, write_gexf, write_graphml
from graph.property_graph import NodeRow, PropertyGraph, to_rdf
from ontology.model import NodeKind

UNTITLED = "plan/untitled"


def _graph() -> PropertyGraph:
    """The hand-made graph plus a plan known only by its label, with a document kind."""
    base = small_graph()
    extra = NodeRow(NodeKind.PLAN, UNTITLED, {"label": "德州市实施意见（001）",
                                             "kind": "implementation_opinion"})
    return PropertyGraph(tuple(sorted((*base.nodes, extra), key=lambda n: n.key)), base.rels)


def _check_read_back(read: nx.MultiDiGraph, graph: PropertyGraph) -> None:
    assert set(read.nodes) == {n.key for n in graph.nodes}
    assert read.number_of_edges() == len(graph.rels)
    pairs = {(u, v, d["relationship"]) for u, v, d in read.edges(data=True)}
    assert pairs == {(r.start, r.end, r.kind.value) for r in graph.rels}
    for node in graph.nodes:
        attrs = read.nodes[node.key]
        assert attrs["label"] == display_name(node) and attrs["node_kind"] == node.kind.value
    assert read.nodes[UNTITLED]["kind"] == "implementation_opinion"
    assert read.nodes[A2]["aliases"] == LIST_SEPARATOR.join(["市场监管局"])
    assert read.nodes[T1]["label"] == "加大科技研发力度,完善技术创新体系"


def test_graphml_reads_back(tmp_path: Path) -> None:
    graph = _graph()
    write_graphml(graph, tmp_path / "g.graphml")
    _check_read_back(nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True), graph)


def test_gexf_reads_back(tmp_path: Path) -> None:
    graph = _graph()
    write_gexf(graph, tmp_path / "g.gexf")
    _check_read_back(nx.MultiDiGraph(nx.read_gexf(tmp_path / "g.gexf")), graph)


def test_csv_pair_reads_back_with_the_columns_gephi_expects(tmp_path: Path) -> None:
    graph = _graph()
    nodes, edges = write_csv(graph, tmp_path / "csv")
    assert nodes.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8
    with open(nodes, encoding="utf-8-sig", newline="") as f:
        rows = {row["Id"]: row for row in csv.DictReader(f)}
    with open(edges, encoding="utf-8-sig", newline="") as f:
        links = list(csv.DictReader(f))
    assert set(rows) == {n.key for n in graph.nodes}
    assert rows[P1]["Label"] == "德州市实施意见" and rows[P1]["node_kind"] == "Plan"
    assert rows[UNTITLED]["kind"] == "implementation_opinion"
    assert rows[A2]["aliases"] == "市场监管局"
    assert {(e["Source"], e["Target"], e["relationship"]) for e in links} == {
        (r.start, r.end, r.kind.value) for r in graph.rels}
    assert {e["Type"] for e in links} == {"Directed"}


@pytest.fixture()
def build_dir(tmp_path: Path) -> Path:
    graph = _graph()
    path = tmp_path / "build"
    path.mkdir()
    to_rdf(graph.nodes, graph.rels).serialize(path / "graph.ttl", format="turtle")
    return path


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_cli_export_from_a_build(build_dir: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--build", str(build_dir),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    if fmt == "csv":
        assert (out / "nodes.csv").is_file() and (out / "edges.csv").is_file()
    else:
        read = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        assert read.number_of_nodes() == len(_graph().nodes)


def test_cli_export_to_a_tool_format_needs_out(build_dir: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--build", str(build_dir)])
    assert result.exit_code == 2 and "needs --out FOLDER" in result.output
