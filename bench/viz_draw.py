"""Network page draw time: a 5,000-node / 10,000-edge page, precomputed layout vs physics.

Run: ``python -m bench.viz_draw [--nodes 5000 --edges 10000 --runs 3 --timeout 300]``.

A synthetic responsibility network (agencies leading and sharing tasks, lead counts
skewed as in real plans) is rendered twice by :mod:`viz.render`: once prepared the
way large views are served (layout precomputed in Python, physics off) and once
left to vis-network's physics in the browser.  Each page is opened from
``file://`` in headless Chromium (Debian's, via Playwright; ``POLICYGRAPH_CHROMIUM``
overrides the path) with every network request aborted.  Times are from navigation
start, read from the page itself: *first draw* is vis-network's first
``afterDrawing``; *interactive* is when the network is drawn, no longer moving
(physics off, or its stabilisation done) and the main thread answers a
``setTimeout(0)``; *redraw* is one zoom step's frame afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ontology.model import NodeKind, RelKind
from viz.layout import LayoutCache, PreparedView, prepare
from viz.model import ViewEdge, ViewGraph, ViewNode
from viz.render import render

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
_REDRAW = """() => new Promise(resolve => {
  const net = policygraph.network, start = performance.now();
  net.once('afterDrawing', () => resolve(performance.now() - start));
  net.moveTo({scale: net.getScale() * 1.25});
})"""


def synthetic(nodes: int, edges: int, seed: int = 7) -> ViewGraph:
    """Agencies (4 %) and tasks; each task one lead, the other edges co-responsibility."""
    rng = random.Random(seed)
    n_agencies = max(2, nodes // 25)
    agencies = [f"agency/{i:04d}" for i in range(n_agencies)]
    tasks = [f"task/{i:05d}" for i in range(nodes - n_agencies)]
    weights = [1 / (i + 1) ** 0.8 for i in range(n_agencies)]  # a few bureaus lead most
    rels: set[tuple[str, str, str]] = set()
    for task in tasks:
        rels.add((rng.choices(agencies, weights)[0], task, RelKind.LEADS.value))
    while len(rels) < edges:
        rels.add((rng.choice(agencies), rng.choice(tasks), RelKind.CO_RESPONSIBLE_FOR.value))
    leads: dict[str, int] = {}
    for start, _, rel in rels:
        if rel == RelKind.LEADS.value:
            leads[start] = leads.get(start, 0) + 1
    view_nodes = [ViewNode(a, NodeKind.AGENCY, f"部门{i}", f"第{i}号部门", weight=leads.get(a, 0))
                  for i, a in enumerate(agencies)]
    view_nodes += [ViewNode(t, NodeKind.TASK, f"任务{i}", f"第{i}项任务：加强某项工作",
                            sentence=f"（{i}）加强某项工作。") for i, t in enumerate(tasks)]
    return ViewGraph("responsibility", "合成网络", tuple(view_nodes),
                     tuple(ViewEdge(s, e, r) for s, e, r in sorted(rels)))


@dataclass
class Row:
    """One measured page."""

    mode: str
    page_mb: float
    python_s: float
    first_draw_s: list[float]
    interactive_s: list[float]
    redraw_ms: list[float]


def _open(browser: Any, path: Path, timeout_s: float) -> tuple[float, float, float] | None:
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("file:", "data:")) else route.abort())
    page = context.new_page()
    try:
        page.goto(path.as_uri(), timeout=timeout_s * 1000)
        page.wait_for_function("() => window.policygraph && policygraph.readyMs !== null",
                               timeout=timeout_s * 1000, polling=100)
        first, ready = page.evaluate("() => [policygraph.firstDrawMs, policygraph.readyMs]")
        return first / 1000, ready / 1000, float(page.evaluate(_REDRAW))
    except Exception as e:  # a timeout is a result here: physics may not settle in time
        if "Timeout" not in type(e).__name__:
            raise
        return None
    finally:
        context.close()


def measure(nodes: int, edges: int, runs: int, timeout_s: float, physics_runs: int) -> list[Row]:
    """Render both pages and time them in headless Chromium."""
    from playwright.sync_api import sync_playwright

    view = synthetic(nodes, edges)
    start = time.perf_counter()
    precomputed = prepare(view, cache=LayoutCache())
    layout_s = time.perf_counter() - start
    pages = {"precomputed layout": (precomputed, layout_s, runs),
             "browser physics": (PreparedView(view, physics=True), 0.0, physics_runs)}
    rows = []
    executable = os.environ.get("POLICYGRAPH_CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for mode, (prepared, python_s, n_runs) in pages.items():
            start = time.perf_counter()
            html = render(prepared)
            python_s += time.perf_counter() - start
            path = Path(tmp) / (mode.replace(" ", "-") + ".html")
            path.write_text(html, encoding="utf-8")
            row = Row(mode, len(html.encode()) / 1e6, python_s, [], [], [])
            for _ in range(n_runs):
                result = _open(browser, path, timeout_s)
                if result is None:
                    break
                row.first_draw_s.append(result[0])
                row.interactive_s.append(result[1])
                row.redraw_ms.append(result[2])
            rows.append(row)
        browser.close()
    return rows


def _fmt(values: list[float], timeout_s: float, unit: str = "") -> str:
    return f"{statistics.median(values):.2f}{unit}" if values else f">{timeout_s:.0f}{unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3, help="runs of the precomputed page")
    parser.add_argument("--physics-runs", type=int, default=1, help="runs of the physics page")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page load")
    args = parser.parse_args()
    rows = measure(args.nodes, args.edges, args.runs, args.timeout, args.physics_runs)
    print(f"{args.nodes} nodes, {args.edges} edges; headless Chromium, file://, network blocked; "
          "medians of the runs")
    print(f"{'mode':<20} {'runs':>4} {'page MB':>8} {'python s':>9} {'first draw s':>13} "
          f"{'interactive s':>14} {'redraw ms':>10}")
    for r in rows:
        print(f"{r.mode:<20} {len(r.interactive_s):>4} {r.page_mb:>8.2f} {r.python_s:>9.2f} "
              f"{_fmt(r.first_draw_s, args.timeout):>13} {_fmt(r.interactive_s, args.timeout):>14} "
              f"{statistics.median(r.redraw_ms) if r.redraw_ms else float('nan'):>10.0f}")
    fast, slow = rows[0], rows[1]
    if fast.interactive_s:
        slow_s = statistics.median(slow.interactive_s) if slow.interactive_s else args.timeout
        bound = "" if slow.interactive_s else "at least "
        print(f"speed-up to interactive (physics / precomputed): {bound}"
              f"{slow_s / statistics.median(fast.interactive_s):.1f}x")


if __name__ == "__main__":
    main()
