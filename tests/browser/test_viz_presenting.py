"""Diagrams fit for a slide, in Debian's Chromium at 1400x900: the same picture on every load
and from the server as offline, no two labels overlapping, readable type, presentation mode,
PNG/SVG export, and Chinese drawn by the page's own font on a machine without one."""

from __future__ import annotations

import base64
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _pages import block_network, label_boxes, overlapping_labels, positions, wait_drawn
from conftest import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VIEWPORT = {"width": 1400, "height": 900}
#: The smallest label on screen at a page's opening zoom (the page never opens below 0.85).
READABLE_PX = 11.5


@pytest.fixture(scope="module")
def site(sample_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("slides") / "site"
    subprocess.run([sys.executable, "-m", "api.cli", "viz", "--out", str(out), "--build",
                    str(sample_build)], cwd=ROOT, check=True, capture_output=True, timeout=600)
    return out


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    """A 1400x900 page that may open local files and the test server, nothing else."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("file:", "data:", "blob:", "http://127.0.0.1"))
                  else route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors


def _open(page: Any, url: str) -> dict[str, Any]:
    page.goto(url)
    return wait_drawn(page)


def test_no_two_labels_overlap_and_all_are_readable_on_every_sample_view(
        tab: Any, site: Path, artifacts: Path) -> None:
    pages = sorted(p for p in site.glob("*.html") if p.name != "index.html")
    assert len(pages) >= 10
    for path in pages:
        _open(tab, path.as_uri())
        boxes = label_boxes(tab)
        assert len(boxes) == tab.evaluate("() => policygraph.nodes.length"), path.name
        assert overlapping_labels(boxes) == [], path.name
        smallest = min(b["px"] for b in boxes)
        assert smallest >= READABLE_PX, f"{path.name}: {smallest:.1f} px labels"
        tab.screenshot(path=str(artifacts / f"after-{path.stem}.png"))


@pytest.mark.parametrize("name", ["responsibility", "hierarchy", "brands"])
def test_same_graph_same_picture_on_every_load_and_served_as_offline(
        tab: Any, site: Path, server: str, name: str) -> None:
    _open(tab, (site / f"{name}.html").as_uri())
    offline = positions(tab)
    _open(tab, (site / f"{name}.html").as_uri())
    assert positions(tab) == offline, f"{name}: another picture on reload"
    assert len(set(offline.values())) == len(offline)
    _open(tab, f"{server}/viz/{name}")
    assert positions(tab) == offline, f"{name}: the served page differs from the offline one"


def test_presentation_mode_fills_the_window_with_larger_type_and_the_legend(
        tab: Any, site: Path, artifacts: Path) -> None:
    _open(tab, (site / "responsibility.html").as_uri())
    normal = min(b["px"] for b in label_boxes(tab))
    tab.get_by_role("button", name="演示").click()
    tab.wait_for_function("() => policygraph.presenting")
    tab.wait_for_timeout(500)
    canvas = tab.locator("#mynetwork").bounding_box()
    assert (canvas["width"], canvas["height"]) == (VIEWPORT["width"], VIEWPORT["height"])
    assert not tab.locator("header").is_visible() and not tab.locator("aside").is_visible()
    legend = tab.locator("#pg-overlay")
    assert legend.is_visible() and "牵头" in legend.inner_text() and "配合" in legend.inner_text()
    box = legend.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"]
    boxes = label_boxes(tab)
    assert min(b["px"] for b in boxes) >= 1.3 * normal
    assert overlapping_labels(boxes) == []
    tab.screenshot(path=str(artifacts / "after-presentation-responsibility.png"))
    tab.keyboard.press("Escape")
    tab.wait_for_function("() => !policygraph.presenting")
    assert tab.locator("header").is_visible()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", ["responsibility", "hierarchy"])
def test_png_at_2x_and_svg_from_the_page_buttons_offline(browser: Any, site: Path, tmp_path: Path,
                                                         artifacts: Path, name: str) -> None:
    context = browser.new_context(viewport=VIEWPORT, offline=True, accept_downloads=True)
    blocked: list[str] = []
    block_network(context, blocked)
    page = context.new_page()
    try:
        _open(page, (site / f"{name}.html").as_uri())
        saved = {}
        for fmt in ("svg", "png"):
            with page.expect_download() as download:
                page.get_by_role("button", name=fmt.upper()).click()
            saved[fmt] = tmp_path / download.value.suggested_filename
            download.value.save_as(saved[fmt])
        root = ET.parse(saved["svg"]).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        width, height = int(root.get("width") or 0), int(root.get("height") or 0)
        assert width > 300 and height > 300
        labels = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
        assert "图例" in labels and "@font-face" in (root.find(
            "{http://www.w3.org/2000/svg}style").text or "")
        png = saved["png"].read_bytes()
        assert _png_size(png) == (2 * width, 2 * height)
        # Open the PNG in the browser: it has that size and the picture is really drawn.
        drawn = page.evaluate("""async (src) => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas'); c.width = img.naturalWidth;
            c.height = img.naturalHeight; const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
            const d = ctx.getImageData(0, 0, c.width, c.height).data; let ink = 0;
            for (let i = 0; i < d.length; i += 4) {
              if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++; }
            return [img.naturalWidth, img.naturalHeight, ink]; }""",
            "data:image/png;base64," + base64.b64encode(png).decode())
        assert tuple(drawn[:2]) == (2 * width, 2 * height) and drawn[2] > 20_000
        (artifacts / f"export-{name}.png").write_bytes(png)
        assert blocked == []
    finally:
        context.close()


#: A font configuration with no CJK font at all: Debian's DejaVu only.
_NO_CJK_FONTS = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{cache}</cachedir></fontconfig>
"""
#: Pixels of two characters drawn alone in a family: distinct glyphs differ, boxes do not.
_GLYPHS = """([family, a, b]) => { const draw = (ch) => { const c = document.createElement('canvas');
  c.width = 64; c.height = 64; const ctx = c.getContext('2d'); ctx.font = '48px ' + family;
  ctx.fillText(ch, 4, 52); return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(','); };
  return draw(a) !== draw(b); }"""


def test_chinese_is_drawn_on_a_machine_without_a_cjk_font(playwright: Any, site: Path,
                                                          tmp_path: Path, artifacts: Path) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(_NO_CJK_FONTS.format(cache=tmp_path / "cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    bare = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS,
                                      env=env)
    try:
        page = bare.new_page(viewport=VIEWPORT)
        _open(page, (site / "responsibility.html").as_uri())
        # This Chromium really has no Chinese: two characters come out as the same box.
        assert not page.evaluate(_GLYPHS, ["sans-serif", "责", "任"])
        assert page.evaluate("() => document.fonts.check('14px pg-cjk', '责任网络')")
        assert page.evaluate(_GLYPHS, ["pg-cjk", "责", "任"])
        page.screenshot(path=str(artifacts / "after-responsibility-no-system-cjk-font.png"))
    finally:
        bare.close()
