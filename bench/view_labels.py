"""Labels of every page of a site folder, as drawn: overlaps and on-screen type size.

Run: ``python -m bench.view_labels SITE_DIR [--screenshots OUT_DIR]``.

Opens each page of ``policygraph viz --out SITE_DIR`` (of this checkout or of an older one:
it reads only what vis-network drew) from ``file://`` at 1400×900 in Debian's headless
Chromium with the network blocked, and prints per page the number of labels, the pairs of
drawn label boxes that overlap, and the smallest label's font size times the opening zoom;
``--screenshots`` saves each page as OUT_DIR/<page>.png (the before/after pictures).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
_MEASURE = """() => { const net = policygraph.network; const boxes = []; let px = Infinity;
  for (const id of policygraph.nodes.getIds()) {
    const label = net.body.nodes[id].labelModule;
    if (label.size.width > 0) {
      boxes.push([label.size.left, label.size.top, label.size.width, label.size.height]);
      px = Math.min(px, label.fontOptions.size * net.getScale());
    }
  }
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
    const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
    if (w > 0.5 && h > 0.5) pairs++;
  }
  return [boxes.length, pairs, px]; }"""


def main() -> None:
    """Print one line per page and the total of overlapping pairs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a folder written by policygraph viz --out")
    parser.add_argument("--screenshots", type=Path, help="save each page here as PNG")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    pages = sorted(p.resolve() for p in args.site.glob("*.html") if p.name != "index.html")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("POLICYGRAPH_CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(("file:", "data:", "blob:"))
                      else route.abort())
        page = context.new_page()
        print(f"{'page':<36} {'labels':>6} {'overlapping pairs':>18} {'smallest px':>12}")
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_function("() => window.policygraph && policygraph.readyMs !== null",
                                   timeout=60_000)
            page.wait_for_timeout(200)
            labels, pairs, px = page.evaluate(_MEASURE)
            total += pairs
            print(f"{path.stem:<36} {labels:>6} {pairs:>18} {px:>12.1f}")
            if args.screenshots:
                page.screenshot(path=str(args.screenshots / f"{path.stem}.png"))
        browser.close()
    print(f"overlapping label pairs, all pages: {total}")


if __name__ == "__main__":
    main()
