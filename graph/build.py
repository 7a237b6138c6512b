"""Write a build directory: the graph as Turtle and JSON-LD, and the extractions.

``build/graph.ttl`` and ``build/graph.jsonld`` hold the validated RDF graph;
``build/extractions.json`` holds the extractions it was built from (the input
of the Neo4j loader and of the embedded backend).  Same input, same bytes.
Files are written to a temporary name first and renamed, so an interrupted
build never leaves a half-written file behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from graph.rdf import build_graph, graph_summary, serialize
from graph.validate import require_valid
from ontology.model import Extraction

TURTLE = "graph.ttl"
JSON_LD = "graph.jsonld"
EXTRACTIONS = "extractions.json"


def extractions_json(extractions: Sequence[Extraction]) -> bytes:
    """The extractions as canonical JSON (sorted by source)."""
    data = [e.model_dump(mode="json") for e in sorted(extractions, key=lambda e: e.source)]
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def read_extractions(build_dir: Path) -> list[Extraction]:
    """The extractions a build directory was made from."""
    path = build_dir / EXTRACTIONS
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Extraction.model_validate(item) for item in data]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_build(extractions: Sequence[Extraction], out: Path) -> dict[str, int]:
    """Build, validate and write the graph; return its summary counts.

    Validation runs before anything is written, so a graph that breaks the
    shapes leaves an existing build untouched."""
    graph = build_graph(extractions)
    require_valid(graph)
    files = {
        TURTLE: serialize(graph, "turtle"),
        JSON_LD: serialize(graph, "json-ld"),
        EXTRACTIONS: extractions_json(extractions),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        _write_atomic(out / name, data)
    return graph_summary(graph)
