"""Neo4j Browser, served by the test server: it connects, opens our guide, runs its query."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.neo4j_tools import CYPHER_DOC, doc_queries

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from _require import require

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

QUERY = "Workload ranking of agencies"


@pytest.fixture(scope="module")
def browser_url(sample_build: Path) -> str:
    """Browser's address on the test server, whose database holds exactly the sample build."""
    import neo4j

    from api.cli import app
    from graph.loader import wipe

    uri = os.environ.get("NEO4J_TEST_URI", "")
    url = os.environ.get("NEO4J_TEST_BROWSER_URL", "")
    require(uri and url, "NEO4J_TEST_URI / NEO4J_TEST_BROWSER_URL not set "
                         "(run the tests through scripts/with-neo4j.sh)")
    with neo4j.GraphDatabase.driver(uri, auth=None) as driver:
        wipe(driver, "neo4j", uri=uri, test_uri=uri)
    result = CliRunner().invoke(app, ["load", str(sample_build), "--uri", uri, "-q"])
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture()
def page(browser: Any, browser_url: str) -> Iterator[Any]:
    """A 1400x900 page that may reach the local servers only (Browser's fonts and usage
    statistics come from the internet; they are refused)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1"))
                  else route.abort())
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def test_browser_connects_plays_the_guide_and_shows_a_result_table(
        page: Any, browser_url: str, sample_build: Path, artifacts: Path) -> None:
    from graph.embedded import EmbeddedRepository
    from graph.property_graph import load_build
    from graph.repository import PageRequest

    page.goto(browser_url)
    # Log in as an analyst would: the local server has no authentication.
    form = page.locator("[data-testid=frame]", has_text="Connect to Neo4j").first
    form.get_by_label("Authentication type").select_option(label="No authentication")
    form.get_by_role("button", name="Connect").click()
    # Connected, Browser plays the guide of docs/cypher.md (browser.post_connect_cmd).
    guide = page.locator("[data-testid=frame]", has=page.locator("pre.runnable")).first
    guide.wait_for(timeout=60_000)
    titles = [q.title for q in doc_queries(CYPHER_DOC.read_text(encoding="utf-8"))]
    for _ in range(titles.index(QUERY) + 1):  # slide 0 is the title slide
        guide.get_by_test_id("nextSlide").click()
    slide = guide.locator("h3", has_text=QUERY)
    slide.wait_for(timeout=10_000)
    guide.locator("pre.runnable", has_text="count(r) AS total").click()
    page.get_by_test_id("editor-Run").click()
    table = page.locator("[data-testid=frame]", has_text="count(r) AS total").locator(
        "[role=table]").first
    table.wait_for(timeout=30_000)
    header = table.locator("[role=columnheader]").all_inner_texts()
    assert [h.strip() for h in header if h.strip()] == ["agency", "region", "leads",
                                                        "coResponsible", "total"]
    first_row = table.locator("[role=row]").nth(1).inner_text()
    # The query's own order (total, then leads, then name), from the embedded backend.
    ranking = EmbeddedRepository(load_build(sample_build)).agency_ranking(PageRequest(limit=200))
    busiest = min(ranking.data, key=lambda a: (-a.total, -a.lead, a.name))
    assert busiest.name in first_row and re.search(rf"\b{busiest.total}\b", first_row)
    page.screenshot(path=str(artifacts / "neo4j-browser-guide-query.png"))
