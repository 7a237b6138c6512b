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


#: The label boxes vis-network drew (canvas units), and its label font size times the zoom.
_LABELS = """() => { const net = policygraph.network; const boxes = [];
  for (const id of policygraph.nodes.getIds()) {
    const label = net.body.nodes[id].labelModule;
    if (label.size.width > 0) {
      boxes.push({id: id, left: label.size.left, top: label.size.top, width: label.size.width,
                  height: label.size.height, px: label.fontOptions.size * net.getScale()});
    }
  }
  return boxes; }"""


def label_boxes(page: Any) -> list[dict[str, Any]]:
    """Every drawn label: its box (canvas units) and its on-screen font size in px."""
    return list(page.evaluate(_LABELS))


def overlapping_labels(boxes: list[dict[str, Any]], tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of labels whose drawn boxes overlap (by more than ``tolerance`` units each way)."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            w = min(a["left"] + a["width"], b["left"] + b["width"]) - max(a["left"], b["left"])
            h = min(a["top"] + a["height"], b["top"] + b["height"]) - max(a["top"], b["top"])
            if w > tolerance and h > tolerance:
                pairs.append((a["id"], b["id"]))
    return pairs


def positions(page: Any) -> dict[str, tuple[float, float]]:
    """Where vis-network placed every node (canvas units)."""
    raw = page.evaluate("() => policygraph.network.getPositions()")
    return {k: (round(v["x"], 1), round(v["y"], 1)) for k, v in raw.items()}
