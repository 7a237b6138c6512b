"""Imports flow one way: ontology ← ingest, graph ← viz ← api; nothing imports api."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {
    "ontology": set(),
    "ingest": {"ontology"},
    "graph": {"ontology"},
    "viz": {"ontology", "graph"},
    "api": {"ontology", "ingest", "graph", "viz"},
}


def project_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(ALLOWED)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_imports_flow_one_way(layer: str):
    wrong = {}
    for path in sorted((ROOT / layer).rglob("*.py")):
        bad = project_imports(path) - ALLOWED[layer] - {layer}
        if bad:
            wrong[str(path.relative_to(ROOT))] = sorted(bad)
    assert wrong == {}
