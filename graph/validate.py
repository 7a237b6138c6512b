"""SHACL validation of a policygraph RDF graph against the package's shapes.

pySHACL runs with ``inference="none"``: :func:`graph.rdf.build_graph` asserts every type
and predicate the shapes look at, so entailment would only cost time (see the header of
``ontology/shapes.ttl``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.errors import GraphError, ValidationFailed
from ontology.vocab import PREFIXES, SHAPES, load_shapes

_NAMED_IN_ERROR: Final = 5
"""How many violations :func:`require_valid` names in its exception message."""
_DISPLAY_PREFIXES: Final = sorted(
    ((prefix, str(namespace)) for prefix, namespace in PREFIXES.items()),
    key=lambda item: -len(item[1]),
)


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: the node, the property path (if any), the message, the severity.

    ``shape`` names the node shape that failed (for a property shape, the node shape that
    holds it); ``node`` is the focus node itself, ``focus`` its display name.
    """

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str = "?"
    node: Node | None = None

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating a graph."""

    conforms: bool
    text: str
    violations: int
    results: tuple[Violation, ...] = ()


def validate(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` against the SHACL shapes (``ontology/shapes.ttl`` by default)."""
    shapes_graph = shapes if shapes is not None else load_shapes()
    conforms, results_graph, text = shacl_validate(
        graph,
        shacl_graph=shapes_graph,
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
    )
    if not isinstance(results_graph, Graph):
        raise GraphError("pySHACL returned no results graph")
    results = _results(results_graph, shapes_graph)
    violations = sum(1 for result in results if result.severity == "Violation")
    return ValidationReport(
        conforms=bool(conforms), text=str(text), violations=violations, results=results
    )


def require_valid(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` and raise :class:`ValidationFailed` naming the first violations."""
    report = validate(graph, shapes)
    if not report.conforms:
        named = "; ".join(str(result) for result in report.results[:_NAMED_IN_ERROR])
        more = report.violations - min(report.violations, _NAMED_IN_ERROR)
        suffix = f" (and {more} more)" if more > 0 else ""
        raise ValidationFailed(
            report, f"graph violates the SHACL shapes {report.violations} times: {named}{suffix}"
        )
    return report


def _results(results_graph: Graph, shapes_graph: Graph) -> tuple[Violation, ...]:
    found = []
    for result in results_graph.subjects(SH.resultSeverity, None):
        severity = results_graph.value(result, SH.resultSeverity)
        focus = results_graph.value(result, SH.focusNode)
        path = results_graph.value(result, SH.resultPath)
        message = results_graph.value(result, SH.resultMessage)
        found.append(
            Violation(
                focus=_name(focus) if focus is not None else "?",
                path=_path(results_graph, path),
                message=str(message) if message is not None else "violates a shape",
                severity=str(severity).rsplit("#", 1)[-1],
                shape=_shape(shapes_graph, results_graph.value(result, SH.sourceShape)),
                node=focus,
            )
        )
    return tuple(sorted(set(found), key=lambda v: (v.focus, v.path or "", v.message, v.shape)))


def _shape(shapes_graph: Graph, shape: Node | None) -> str:
    """The node shape a result came from (the holder of a property shape)."""
    if shape is None:
        return "?"
    holder = shapes_graph.value(None, SH.property, shape)
    node = holder if holder is not None else shape
    if isinstance(node, URIRef) and node.startswith(str(SHAPES)):
        return f"pgsh:{node[len(str(SHAPES)) :]}"
    return _name(node)


def _name(node: Node) -> str:
    """A compact display name: ``id:task/…``, ``pg:leads``; not necessarily valid Turtle."""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in _DISPLAY_PREFIXES:
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
    return node.n3()


def _path(results_graph: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, BNode):
        inverse = results_graph.value(path, SH.inversePath)
        if inverse is not None:
            return f"^{_name(inverse)}"
        return "(path)"
    return _name(path)
