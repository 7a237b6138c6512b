"""Pages written by ``policygraph viz --out`` draw from file:// with the network blocked."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _pages import block_network, node_point, painted_pixels, wait_drawn

from graph.property_graph import load_build
from viz import views
from viz.describe import GraphIndex
from viz.layout import prepare
from viz.site import ego_centres, ego_file

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, check=True,
                   capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def site(sample_build: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The sample corpus written as a site by ``policygraph viz``; node count per page."""
    work = tmp_path_factory.mktemp("viz")
    _cli("viz", "--out", str(work / "site"), "--build", str(sample_build))
    index = GraphIndex(load_build(sample_build))
    expected = {"responsibility.html": views.responsibility(index),
                "hierarchy.html": views.hierarchy(index), "brands.html": views.brands(index)}
    expected.update({ego_file(k): views.ego(index, k, depth=2) for k in ego_centres(index)})
    return work / "site", {name: len(prepare(v).view.nodes) for name, v in expected.items()}


@pytest.fixture()
def offline(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page whose every non-file request is aborted; the list of what it tried."""
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    blocked: list[str] = []
    block_network(context, blocked)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield page, blocked
    finally:
        context.close()
    assert not errors, errors


def test_every_page_draws_offline(site: tuple[Path, dict[str, int]],
                                  offline: tuple[Any, list[str]], artifacts: Path) -> None:
    folder, expected = site
    page, blocked = offline
    assert {"responsibility.html", "hierarchy.html", "brands.html"} <= expected.keys()
    for name, nodes in sorted(expected.items()):
        page.goto((folder / name).as_uri())
        state = wait_drawn(page)
        assert state["nodes"] == nodes > 0, name
        assert painted_pixels(page) > 500, f"{name}: blank canvas"
        page.screenshot(path=str(artifacts / f"offline-{name}.png"))
    assert blocked == []


def test_index_links_to_the_views(site: tuple[Path, dict[str, int]],
                                  offline: tuple[Any, list[str]]) -> None:
    folder, expected = site
    page, blocked = offline
    page.goto((folder / "index.html").as_uri())
    page.get_by_role("link", name="责任网络").first.click()
    assert wait_drawn(page)["nodes"] == expected["responsibility.html"]
    assert page.url.endswith("responsibility.html") and blocked == []


def test_tooltip_shows_full_name_and_source_sentence(site: tuple[Path, dict[str, int]],
                                                      offline: tuple[Any, list[str]],
                                                      artifacts: Path) -> None:
    folder, _ = site
    page, _ = offline
    page.goto((folder / "responsibility.html").as_uri())
    wait_drawn(page)
    task = page.evaluate("""() => policygraph.nodes.get({filter: n =>
        n.kind === 'Task' && n.label.startsWith('加大科技研发')})[0].id""")
    page.mouse.move(*node_point(page, task))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.inner_text()
    assert "加大科技研发力度,完善技术创新体系" in text and "原文" in text and "市科技局" in text
    assert tooltip.locator("script").count() == 0
    page.screenshot(path=str(artifacts / "offline-tooltip.png"))


def test_click_shows_details_and_double_click_recentres(site: tuple[Path, dict[str, int]],
                                                        offline: tuple[Any, list[str]]) -> None:
    folder, expected = site
    page, _ = offline
    page.goto((folder / "responsibility.html").as_uri())
    wait_drawn(page)
    agency = page.evaluate("""() => policygraph.nodes.get({filter: n =>
        n.kind === 'Agency' && n.label === '市科技局'})[0]""")
    point = node_point(page, agency["id"])
    page.mouse.click(*point)
    page.locator("#pg-info").get_by_text("以此为中心查看").wait_for(timeout=5000)
    page.wait_for_timeout(600)  # the click moves the view to the node (300 ms animation)
    point = node_point(page, agency["id"])
    page.mouse.dblclick(*point)
    page.wait_for_url("**/" + agency["ego_url"], timeout=10_000)
    assert wait_drawn(page)["nodes"] == expected[agency["ego_url"]]
