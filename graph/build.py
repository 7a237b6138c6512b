"""Write a build directory: the graph as Turtle and JSON-LD, the extractions and registers.

``build/graph.ttl`` and ``build/graph.jsonld`` hold the validated RDF graph (the
input of the Neo4j loader and of the embedded backend); ``build/extractions.json``
holds the extractions it was built from, ``build/registers.json`` the published lists
imported into it (``policygraph register import``).  Same input, same bytes.  Files are
written to a temporary name first and renamed, so an interrupted build never
leaves a half-written file behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.admit import Rejected, admit
from graph.rdf import graph_summary, serialize
from ontology.model import Extraction, Register

TURTLE = "graph.ttl"
JSON_LD = "graph.jsonld"
EXTRACTIONS = "extractions.json"
REGISTERS = "registers.json"


def extractions_json(extractions: Sequence[Extraction]) -> bytes:
    """The extractions as canonical JSON (sorted by source)."""
    data = [e.model_dump(mode="json") for e in sorted(extractions, key=lambda e: e.source)]
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def read_extractions(build_dir: Path) -> list[Extraction]:
    """The extractions a build directory was made from."""
    path = build_dir / EXTRACTIONS
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Extraction.model_validate(item) for item in data]


def registers_json(registers: Sequence[Register]) -> bytes:
    """The registers as canonical JSON (sorted by name)."""
    data = [r.model_dump(mode="json") for r in sorted(registers, key=lambda r: r.source)]
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def read_registers(build_dir: Path) -> list[Register]:
    """The registers imported into a build directory (none when it has no registers file)."""
    path = build_dir / REGISTERS
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Register.model_validate(item) for item in data]


@dataclass(frozen=True)
class Built:
    """What a build wrote: summary counts, documents, and the facts left out."""

    summary: dict[str, int]
    documents: int
    rejected: tuple[Rejected, ...] = ()
    registers: int = 0


def write_build(extractions: Sequence[Extraction], out: Path,
                registers: Sequence[Register] = ()) -> Built:
    """Build the valid graph (:func:`graph.admit.admit`), write it, its extractions and
    its registers (``registers.json`` only when there are any).

    Nothing is written until the graph conforms to the shapes; then every file is written
    to a temporary name first and all are renamed, so an interrupted build never leaves a
    half-written file behind.  ``extractions.json`` holds what the graph was built from
    (without the facts left out), so rebuilding it gives the same graph.
    """
    admitted = admit(extractions, registers=registers)
    files = {
        TURTLE: serialize(admitted.graph, "turtle"),
        JSON_LD: serialize(admitted.graph, "json-ld"),
        EXTRACTIONS: extractions_json(admitted.extractions),
    }
    if admitted.registers:
        files[REGISTERS] = registers_json(admitted.registers)
    out.mkdir(parents=True, exist_ok=True)
    temporary = {out / name: out / f"{name}.tmp" for name in files}
    try:
        for name, data in files.items():
            temporary[out / name].write_bytes(data)
        for path, tmp in temporary.items():
            os.replace(tmp, path)
    finally:
        for tmp in temporary.values():
            tmp.unlink(missing_ok=True)
    if not admitted.registers:
        (out / REGISTERS).unlink(missing_ok=True)
    return Built(graph_summary(admitted.graph), len(admitted.extractions), admitted.rejected,
                 len(admitted.registers))
