"""What the browser tests ask a network page: did it draw, and is the canvas painted."""

from __future__ import annotations

from typing import Any

#: The page's own timings and vis DataSets (set by viz/static/network.js).
_STATE = """() => ({nodes: policygraph.nodes.length, edges: policygraph.edges.length,
                    firstDrawMs: policygraph.firstDrawMs, readyMs: policygraph.readyMs})"""
#: Pixels of the network canvas that are painted and not white.
_PAINTED = """() => {
  const canvas = document.querySelector('#mynetwork canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) painted++;
  }
  return painted;
}"""


def wait_drawn(page: Any, timeout_ms: float = 60_000) -> dict[str, Any]:
    """Wait until the network is drawn and still; its node and edge counts and timings."""
    page.wait_for_function("() => window.policygraph && policygraph.readyMs !== null",
                           timeout=timeout_ms)
    return dict(page.evaluate(_STATE))


def painted_pixels(page: Any) -> int:
    """How many canvas pixels the network painted (0 on a blank canvas)."""
    return int(page.evaluate(_PAINTED))


def node_point(page: Any, node_id: str) -> tuple[float, float]:
    """Where a node is on the page, in CSS pixels."""
    point = page.evaluate(
        """(id) => { const pos = policygraph.network.getPositions([id])[id];
                     const dom = policygraph.network.canvasToDOM(pos);
                     const box = document.getElementById('mynetwork').getBoundingClientRect();
                     return [box.left + dom.x, box.top + dom.y]; }""", node_id)
    return float(point[0]), float(point[1])


def block_network(context: Any, blocked: list[str]) -> None:
    """Abort every request that is not a local file (and record it)."""
    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", handle)
