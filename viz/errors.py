"""Errors of the viz layer (one base class; the API maps them to HTTP statuses)."""

from __future__ import annotations


class VizError(Exception):
    """Base class of every error the viz layer raises."""


class UnknownNode(VizError):
    """A view was asked about a node key the graph does not hold."""

    def __init__(self, key: str, what: str = "node") -> None:
        super().__init__(f"unknown {what}: {key!r}")
        self.key = key
        self.what = what


class ViewTooLarge(VizError):
    """A view has more nodes than a browser can draw, even aggregated."""

    def __init__(self, nodes: int, cap: int) -> None:
        super().__init__(f"the view has {nodes} nodes, more than the cap of {cap}; "
                         "narrow it with a filter")
        self.nodes = nodes
        self.cap = cap
