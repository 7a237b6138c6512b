"""Exceptions of the graph layer: one base class, :class:`GraphError`, and its kinds.

Callers (the API) catch :class:`GraphError` or a subclass and choose the HTTP status in
one place; driver and library errors are wrapped at the boundary (``raise … from e``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.validate import ValidationReport


class GraphError(Exception):
    """Base of every error the graph layer raises."""


class ValidationFailed(GraphError):
    """A graph does not conform to the SHACL shapes; ``report`` holds the details."""

    def __init__(self, report: ValidationReport, message: str) -> None:
        super().__init__(message)
        self.report = report


class UnsupportedFormat(GraphError, ValueError):
    """An RDF serialisation format the project does not write."""


class NotFound(GraphError):
    """A node asked for by key does not exist in the graph."""


class StoreUnavailable(GraphError):
    """The graph store (e.g. the Neo4j server) cannot be reached."""
