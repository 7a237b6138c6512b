"""The graph for the tools analysts already use: GraphML, GEXF and a node/edge CSV pair.

GraphML (yEd, Cytoscape, Gephi) and GEXF (Gephi) are written by networkx from one
:class:`networkx.MultiDiGraph` built by :func:`to_networkx`: a node per graph node
(attributes ``label`` — the display name —, ``node_kind`` — its Neo4j label — and its
properties; a plan's own ``kind`` is its document kind), an edge per relationship, keyed
and attributed (``relationship``) by its type.  Those formats hold scalars only, so a list
property (an agency's ``aliases``) is joined with ``; `` and missing values are left out.

The CSV pair uses the column names Gephi's spreadsheet import expects (``Id``, ``Label``;
``Source``, ``Target``, ``Type``) and one column per property; it is UTF-8 with a BOM,
so spreadsheet programs read the Chinese text as written.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Final

import networkx as nx

from graph.property_graph import NodeRow, PropertyGraph

#: Joins the items of a list property in formats that hold scalars only.
LIST_SEPARATOR: Final = "; "
#: The properties tried, in order, for a node's display name.
_NAME_PROPS: Final = ("title", "name", "label", "metric", "recipient", "fileName", "sentence")
NODES_CSV: Final = "nodes.csv"
EDGES_CSV: Final = "edges.csv"


def display_name(node: NodeRow) -> str:
    """What a node is called: its title, name, label … or, failing all, its key."""
    for prop in _NAME_PROPS:
        value = node.props.get(prop)
        if value:
            return str(value)
    return node.key


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value if isinstance(value, str | int | float | bool) else str(value)


def to_networkx(graph: PropertyGraph) -> nx.MultiDiGraph:
    """The graph as a networkx multigraph of scalar attributes (see the module docstring)."""
    out = nx.MultiDiGraph()
    for node in graph.nodes:
        attrs = {k: _scalar(v) for k, v in sorted(node.props.items()) if v is not None}
        attrs.update(label=display_name(node), node_kind=node.kind.value)
        out.add_node(node.key, **attrs)
    for rel in graph.rels:
        out.add_edge(rel.start, rel.end, key=rel.kind.value, relationship=rel.kind.value)
    return out


def write_graphml(graph: PropertyGraph, path: Path) -> None:
    """GraphML, UTF-8 (networkx infers each attribute's type)."""
    nx.write_graphml(to_networkx(graph), path, encoding="utf-8")


def write_gexf(graph: PropertyGraph, path: Path) -> None:
    """GEXF 1.2, UTF-8: node ``label`` is what Gephi shows."""
    nx.write_gexf(to_networkx(graph), path, encoding="utf-8")


def write_csv(graph: PropertyGraph, folder: Path) -> tuple[Path, Path]:
    """``nodes.csv`` and ``edges.csv`` in ``folder``; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    props = sorted({name for node in graph.nodes for name in node.props} - {"label"})
    nodes, edges = folder / NODES_CSV, folder / EDGES_CSV
    with open(nodes, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Id", "Label", "node_kind", *props])
        for node in graph.nodes:
            values = [node.props.get(p) for p in props]
            writer.writerow([node.key, display_name(node), node.kind.value,
                             *("" if v is None else _scalar(v) for v in values)])
    with open(edges, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Source", "Target", "Type", "relationship"])
        for rel in graph.rels:
            writer.writerow([rel.start, rel.end, "Directed", rel.kind.value])
    return nodes, edges
