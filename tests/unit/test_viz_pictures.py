"""Pictures for slides and the pages' own font: SVG and PNG of a view, font subsets."""

from __future__ import annotations

import base64
import io
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from typer.testing import CliRunner
from viz_graph import A1, small_graph

from api.cli import app
from graph.property_graph import to_rdf
from viz import export, fonts, svg, views
from viz.layout import LayoutCache, prepare
from viz.render import render

SVG_NS = "{http://www.w3.org/2000/svg}"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def test_svg_picture_has_every_node_edge_and_the_legend() -> None:
    view = views.responsibility(small_graph())
    root = ET.fromstring(svg.picture(prepare(view, cache=LayoutCache())))
    ids = {g.get("data-id") for g in root.iter(f"{SVG_NS}g") if g.get("class") == "node"}
    assert ids == view.node_ids()
    edges = [p for p in root.iter(f"{SVG_NS}path") if p.get("class") == "edge"]
    assert len(edges) == len(view.edges)
    legend = next(g for g in root.iter(f"{SVG_NS}g") if g.get("id") == "pg-legend")
    texts = [t.text for t in legend.iter(f"{SVG_NS}text")]
    assert {"图例", "任务", "部门", "牵头", "配合"} <= set(texts)
    labels = {t.text for t in root.iter(f"{SVG_NS}text")}
    assert {n.label for n in view.nodes} <= labels


@pytest.mark.skipif(fonts.font_file() is None, reason="no CJK font installed")
def test_font_subset_holds_exactly_the_page_glyphs() -> None:
    page = render(prepare(views.responsibility(small_graph()), cache=LayoutCache()))
    data = re.search(r"data:font/ttf;base64,([A-Za-z0-9+/=]+)", page)
    assert data, "the page embeds its font"
    face = TTFont(io.BytesIO(base64.b64decode(data.group(1))))
    cmap = face.getBestCmap()
    for label in ("市科技局", "加大科技研发力度", "牵头", "配合", "责任网络"):
        assert all(ord(c) in cmap for c in label), label
    assert ord("鑫") not in cmap  # a glyph the page does not use stays out
    assert len(base64.b64decode(data.group(1))) < 300_000


def test_text_width_follows_the_font() -> None:
    assert fonts.text_width("部门部门", 14) == pytest.approx(2 * fonts.text_width("部门", 14))
    assert fonts.text_width("市科技局", 14) > fonts.text_width("ABCD", 14) > 0


@pytest.mark.skipif(fonts.font_file() is None, reason="no CJK font installed")
def test_png_is_drawn_at_twice_the_svg_size() -> None:
    prepared = prepare(views.ego(small_graph(), A1, depth=2), cache=LayoutCache())
    root = ET.fromstring(export.to_svg(prepared))
    width, height = float(root.get("width") or 0), float(root.get("height") or 0)
    assert "@font-face" in export.to_svg(prepared)
    png_w, png_h = _png_size(export.to_png(prepared))
    assert (png_w, png_h) == (round(2 * width), round(2 * height))


@pytest.fixture()
def build_dir(tmp_path: Path) -> Path:
    graph = small_graph()
    path = tmp_path / "build"
    path.mkdir()
    to_rdf(graph.nodes, graph.rels).serialize(path / "graph.ttl", format="turtle")
    return path


@pytest.mark.parametrize(("option", "view"), [("--svg", "hierarchy"), ("--png", "responsibility"),
                                              ("--svg", A1)])
def test_cli_writes_one_view_as_a_picture(build_dir: Path, tmp_path: Path, option: str,
                                          view: str) -> None:
    out = tmp_path / f"picture.{option[2:]}"
    result = CliRunner().invoke(app, ["viz", option, view, "--build", str(build_dir),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if option == "--png":
        assert min(_png_size(data)) > 200
    else:
        assert ET.fromstring(data).tag == f"{SVG_NS}svg"


def test_cli_names_an_unknown_view(build_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["viz", "--png", "nonsense", "--build", str(build_dir),
                                      "--out", str(tmp_path / "x.png")])
    assert result.exit_code == 1 and "no view or node 'nonsense'" in result.output
