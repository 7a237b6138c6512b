"""The coordinators' page and the live network views, served by a real uvicorn (embedded)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _pages import painted_pixels, wait_drawn

from graph.property_graph import load_build
from ontology.model import Role
from viz import views
from viz.layout import prepare

pytestmark = pytest.mark.browser


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page that may reach the test server and nothing else."""
    context = browser.new_context(viewport={"width": 412, "height": 915})  # a phone
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(server) else route.abort())
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield tab
    finally:
        context.close()
    assert not errors, errors


def test_search_shows_the_lead_agency_first_then_draws_the_task_network(
        page: Any, server: str, sample_build: Path, artifacts: Path) -> None:
    page.goto(server + "/")
    box = page.get_by_role("searchbox")
    box.fill("科技研发")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/\?q="))
    result = page.locator("li.result", has_text="加大科技研发力度").first
    result.wait_for(timeout=10_000)
    agencies = result.locator("ul.agencies > li")
    assert "市科技局" in agencies.first.inner_text()
    assert agencies.first.get_attribute("class") == "lead"
    assert "原文" in result.inner_text() and "重点任务" in result.inner_text()
    page.screenshot(path=str(artifacts / "live-search.png"), full_page=True)

    key = result.get_attribute("data-key")
    result.get_by_role("link", name="关联网络").click()
    page.wait_for_url(re.compile(r"/viz/ego\?center="))
    expected = prepare(views.ego(load_build(sample_build), key, depth=1)).view
    state = wait_drawn(page)
    assert state["nodes"] == len(expected.nodes)
    assert painted_pixels(page) > 500
    page.screenshot(path=str(artifacts / "live-ego.png"))


def test_live_view_with_filters_as_query_parameters(page: Any, server: str,
                                                    sample_build: Path) -> None:
    page.goto(server + "/viz/responsibility?role=lead")
    expected = views.responsibility(load_build(sample_build), role=Role.LEAD)
    assert wait_drawn(page)["nodes"] == len(expected.nodes)
    assert painted_pixels(page) > 200


def test_agency_page_lists_lead_tasks(page: Any, server: str) -> None:
    page.goto(server + "/?q=科技研发")
    page.locator("li.result ul.agencies li.lead a", has_text="市科技局").first.click()
    page.wait_for_url(re.compile(r"/agency\?key="))
    assert page.get_by_role("heading", level=1).inner_text() == "市科技局"
    assert page.locator("li.task", has_text="加大科技研发力度").count() == 1


def test_a_target_shows_what_the_published_lists_hold(page: Any, server: str,
                                                      artifacts: Path) -> None:
    """Sample 000's goal for 好品山东, beside the 好品山东 brands the sample register lists."""
    plans = page.request.get(server + "/plans?limit=200").json()["data"]
    [plan] = [p for p in plans if p["name"].endswith("关于共建共享“好品山东”推动高质量发展若干措施")
              and p["kind"]]
    page.goto(server + "/plan?key=" + plan["key"])
    line = page.locator(".progress", has_text="好品山东").first
    line.wait_for(timeout=10_000)
    text = line.inner_text()
    assert "山东省" in text and "23" in text and "2022年 8" in text and "2024年 15" in text
    page.screenshot(path=str(artifacts / "live-plan-progress.png"), full_page=True)
    line.get_by_role("link", name="名单").click()
    page.wait_for_url(re.compile(r"/target\?key="))
    assert "已录 23 个" in page.get_by_role("heading", level=2).first.inner_text()
    rows = page.locator("table.recognitions tr")
    assert rows.count() == 24  # the header and the 23 entries behind the number
    assert page.locator("table.recognitions", has_text="青州花卉").count() == 1
    page.screenshot(path=str(artifacts / "live-target-progress.png"), full_page=True)


def test_the_due_view_groups_deadlines_relative_to_today(page: Any, server: str,
                                                         artifacts: Path) -> None:
    """到期: from an agency's page to its deadlines, overdue ones first, with the calendar."""
    page.goto(server + "/?q=科技研发")
    page.locator("li.result ul.agencies li.lead a", has_text="市科技局").first.click()
    page.wait_for_url(re.compile(r"/agency\?key="))
    page.get_by_role("link", name="到期事项").click()
    page.wait_for_url(re.compile(r"/due\?agency="))
    expected = page.request.get(server + "/deadlines?limit=200&agency="
                                + page.url.split("agency=")[1]).json()
    items = page.locator("li.deadline")
    assert items.count() == expected["count"] > 0
    order = {"overdue": 0, "this_year": 1, "next_year": 2, "later": 3}
    statuses = [d["status"] for d in sorted(expected["data"],
                                            key=lambda d: (order[d["status"]], d["due"]))]
    headings = [h.inner_text() for h in page.locator("section h2").all()]
    labels = {"overdue": "已逾期", "this_year": "今年到期", "next_year": "明年到期", "later": "以后"}
    assert [h.split("（")[0] for h in headings] == [labels[s] for s in dict.fromkeys(statuses)]
    calendar = page.get_by_role("link", name="订阅日历（.ics）").get_attribute("href")
    assert calendar and page.request.get(server + calendar).body().startswith(b"BEGIN:VCALENDAR")
    page.screenshot(path=str(artifacts / "live-due.png"), full_page=True)


def test_coverage_from_the_coordinators_page_to_the_network(
        page: Any, server: str, sample_build: Path, artifacts: Path) -> None:
    """Does 德州's opinion (001) cover the provincial measures the interpretation (000) lists?"""
    from graph.embedded import EmbeddedRepository
    from viz import coverage_view
    from viz.style import ViewRel, edge_style

    page.goto(server + "/")
    item = page.locator("ul.coverage-index li.task", has_text="推动高质量发展若干措施").first
    item.wait_for(timeout=10_000)
    assert "德州市实施意见" in item.inner_text() and "落实 4/10 项措施" in item.inner_text()
    key = item.get_attribute("data-key")
    item.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/coverage\?key="))
    section = page.locator("section.child").first
    covered = section.locator("tr.covered")
    assert covered.count() == 4
    standard = section.locator("tr.covered", has_text="打造标准体系")
    assert "科学打造标准体系" in standard.inner_text() and "0.50" in standard.inner_text()
    assert "原文：提出打造标准体系" in standard.inner_text()  # both sentences
    gap = section.locator("tr.gap", has_text="创新评价体制")
    assert "未见落实任务" in gap.inner_text() and "最接近" in gap.inner_text()
    assert section.locator("tr.gap").count() == 6
    page.screenshot(path=str(artifacts / "live-coverage.png"), full_page=True)

    page.get_by_role("link", name="落实网络图").click()
    page.wait_for_url(re.compile(r"/viz/coverage\?plan="))
    expected = coverage_view.coverage(EmbeddedRepository(load_build(sample_build)).coverage(key))
    state = wait_drawn(page)
    assert (state["nodes"], state["edges"]) == (len(expected.nodes), len(expected.edges))
    colours = set(page.evaluate("() => policygraph.edges.get().map(e => e.color)"))
    assert {edge_style(r).color for r in (ViewRel.ALIGNED, ViewRel.ALIGNED_WEAK,
                                          ViewRel.NEAREST)} <= colours
    assert "未落实" in page.evaluate("() => policygraph.nodes.get().map(n => n.label).join()")
    assert painted_pixels(page) > 500
    page.screenshot(path=str(artifacts / "live-coverage-network.png"))
