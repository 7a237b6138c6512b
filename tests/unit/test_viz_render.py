"""Rendered pages: self-contained (no remote script or stylesheet), escaped tooltips, legend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner
from viz_graph import A1, T1, small_graph

from api.cli import app
from graph.property_graph import to_rdf
from ontology.model import NodeKind
from viz import views
from viz.layout import prepare
from viz.model import ViewGraph, ViewNode
from viz.render import NodeLinks, page_data, render, render_message, strip_remote, tooltip_html
from viz.site import ego_file, write_site

_REMOTE = re.compile(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//",
                     re.IGNORECASE)
_EVIL = "</script><script>alert('x')</script><img src=x onerror=alert(1)>"


def assert_self_contained(page: str) -> None:
    """No script, stylesheet, image or frame is loaded from the network; no web font."""
    assert not _REMOTE.search(page)
    assert "@import" not in page
    # A font face only as the page's own data: URL, never fetched.
    assert all(src.startswith("data:") for src in re.findall(r"src:\s*url\(([^)]*)\)", page))
    assert re.search(r"<script>\s*/\*\*?[^<]{0,200}vis", page) or "vis.Network" in page


def _page(view: ViewGraph, **kwargs: object) -> str:
    return render(prepare(view), **kwargs)  # type: ignore[arg-type]


def test_page_inlines_vis_network_and_has_no_remote_reference() -> None:
    page = _page(views.responsibility(small_graph()))
    assert_self_contained(page)
    assert "<script src" not in page and "<link" not in page
    assert page.count("<script>") >= 2  # vis-network itself and the page's own script


def test_page_embeds_every_node_and_edge_of_the_view() -> None:
    view = views.responsibility(small_graph())
    data = page_data(_page(view))
    assert {n["id"] for n in data["nodeList"]} == view.node_ids()
    assert len(data["edgeList"]) == len(view.edges)
    lead = next(e for e in data["edgeList"] if e["from"] == A1)
    co = next(e for e in data["edgeList"] if e["to"] == T1 and e["from"] != A1)
    assert lead["dashes"] is False and co["dashes"] and lead["width"] > co["width"]
    assert lead["arrows"]["to"]["type"] != co["arrows"]["to"]["type"]


def test_document_text_is_escaped_in_tooltips() -> None:
    node = ViewNode("task/evil", NodeKind.TASK, "任务", "名称" + _EVIL,
                    details=(("规划", _EVIL),), sentence="原文" + _EVIL)
    tip = tooltip_html(node)
    assert "<script>" not in tip and "<img" not in tip
    assert "&lt;/script&gt;&lt;script&gt;alert(&#x27;x&#x27;)" in tip
    page = _page(ViewGraph("ego", "标题" + _EVIL, (node,), ()))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert page_data(page)["nodeList"][0]["title"] == tip
    assert "<title>标题&lt;/script&gt;" in page


def test_short_label_on_canvas_full_name_and_sentence_in_tooltip() -> None:
    data = page_data(_page(views.responsibility(small_graph())))
    task = next(n for n in data["nodeList"] if n["id"] == T1)
    assert task["label"] == "加大科技研发力度,…"
    assert "加大科技研发力度,完善技术创新体系</b>" in task["title"]
    assert "原文：(三)加大科技研发力度" in task["title"]


def test_legend_is_on_the_page() -> None:
    page = _page(views.responsibility(small_graph()))
    legend = page[page.index('id="pg-legend"'):]
    for label in ("任务", "部门", "牵头", "配合"):
        assert f"<span>{label}</span>" in legend
    assert "stroke-dasharray" in legend


def test_links_for_recentring_and_api_detail() -> None:
    def linker(node: ViewNode) -> NodeLinks:
        return NodeLinks(ego_url=f"/viz/ego?center={node.id}", api_url=f"/tasks/{node.id}")

    data = page_data(_page(views.responsibility(small_graph()), linker=linker))
    assert all(n["ego_url"].startswith("/viz/ego?center=") for n in data["nodeList"])


def test_strip_remote_removes_cdn_tags() -> None:
    page = ('<head><link rel="stylesheet" href="https://cdn.example/x.css" />'
            '<script src="http://cdn.example/x.js"></script><script src="//cdn/x.js"></script>'
            "<style>@import url(https://fonts.example/css);</style><script>var a;</script></head>")
    stripped = strip_remote(page)
    assert not _REMOTE.search(stripped) and "@import" not in stripped
    assert "<script>var a;</script>" in stripped


def test_message_page_is_escaped() -> None:
    page = render_message("太大" + _EVIL, "请筛选")
    assert "<script>alert" not in page and "请筛选" in page


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build directory holding the hand-made graph as Turtle."""
    graph = small_graph()
    path = tmp_path_factory.mktemp("build")
    to_rdf(graph.nodes, graph.rels).serialize(path / "graph.ttl", format="turtle")
    return path


def test_site_writes_every_view_and_an_index(tmp_path: Path) -> None:
    pages = write_site(small_graph(), tmp_path)
    names = {p.href for p in pages}
    assert {"index.html", "responsibility.html", "hierarchy.html", "brands.html",
            ego_file(A1)} <= names
    for page in pages:
        text = (tmp_path / page.href).read_text(encoding="utf-8")
        assert not _REMOTE.search(text)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in index for name in names - {"index.html"})


def test_viz_command_writes_the_site(build_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["viz", "--out", str(out), "--build", str(build_dir)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "responsibility.html").is_file()
    assert "wrote" in result.output


def test_viz_command_without_a_build_fails_clearly(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["viz", "--out", str(tmp_path), "--build",
                                      str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "policygraph build" in result.output
