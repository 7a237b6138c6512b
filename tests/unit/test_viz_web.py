"""The web pages (api/routes_web.py) through the app, on the embedded hand-made graph."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest
from viz_graph import A1, P1, T1, T1_TITLE, small_graph

import api.routes_web
from api.app import create_app
from api.settings import ApiSettings, Backend
from graph.embedded import EmbeddedRepository
from viz import views
from viz.errors import ViewTooLarge
from viz.render import page_data

with warnings.catch_warnings():
    # starlette asks for httpx2, which is not a project dependency (yet): not our concern here.
    warnings.filterwarnings("ignore", message=".*install `httpx2`")
    from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The app on the hand-made graph, settings independent of the environment."""
    settings = ApiSettings(_env_file=None, backend=Backend.EMBEDDED,  # type: ignore[call-arg]
                           api_key=None, cors_origins=(), neo4j_uri=None, host="127.0.0.1",
                           allowed_hosts=("testserver",))
    with TestClient(create_app(settings, EmbeddedRepository(small_graph()))) as test_client:
        yield test_client


def test_search_page_has_one_box(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text.count('name="q"') == 1 and "哪个部门负责" in page.text
    assert 'name="viewport"' in page.text


def test_search_lists_the_lead_agency_first(client: TestClient) -> None:
    page = client.get("/", params={"q": "科技研发"}).text
    result = page[page.index(f'data-key="{T1}"'):]
    result = result[:result.index("</ol>")]
    agencies = re.findall(r'<li class="(lead|co)">[^<]*<a href="[^"]*">([^<]+)</a>', result)
    assert agencies == [("lead", "市科技局"), ("co", "市市场监管局")]
    assert T1_TITLE in result and "德州市实施意见" in result and "重点任务" in result
    assert "到2025年 培育高新技术企业 500家左右" in result
    assert "原文：(三)加大科技研发力度" in result
    assert f"/viz/ego?center={T1}&amp;depth=1" in result


def test_search_echo_is_escaped(client: TestClient) -> None:
    page = client.get("/", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_agency_and_plan_pages(client: TestClient) -> None:
    agency = client.get("/agency", params={"key": A1})
    assert agency.status_code == 200 and "<h1>市科技局</h1>" in agency.text
    assert T1_TITLE in agency.text
    plan = client.get("/plan", params={"key": P1})
    assert plan.status_code == 200 and "<h2>重点任务</h2>" in plan.text and T1_TITLE in plan.text


def test_unknown_keys_are_404(client: TestClient) -> None:
    assert client.get("/agency", params={"key": "agency/none"}).status_code == 404
    assert client.get("/viz/ego", params={"center": "task/none"}).status_code == 404
    assert client.get("/viz/responsibility", params={"plan": "plan/none"}).status_code == 404


def test_bad_parameters_are_422(client: TestClient) -> None:
    assert client.get("/viz/responsibility", params={"role": "boss"}).status_code == 422
    assert client.get("/viz/ego", params={"center": T1, "depth": 99}).status_code == 422


def test_live_views_match_the_view_functions(client: TestClient) -> None:
    graph = small_graph()
    cases = {
        "/viz/responsibility?plan=" + P1: views.responsibility(graph, plan=P1),
        "/viz/responsibility?role=lead": views.responsibility(graph, role=views.Role.LEAD),
        "/viz/hierarchy": views.hierarchy(graph),
        "/viz/brands": views.brands(graph),
        f"/viz/ego?center={T1}&depth=2": views.ego(graph, T1, depth=2),
    }
    for url, view in cases.items():
        page = client.get(url)
        assert page.status_code == 200, url
        assert {n["id"] for n in page_data(page.text)["nodeList"]} == view.node_ids(), url
        assert "<script src" not in page.text and "<link" not in page.text


def test_live_nodes_link_to_recentre_and_details(client: TestClient) -> None:
    nodes = page_data(client.get("/viz/responsibility").text)["nodeList"]
    task = next(n for n in nodes if n["id"] == T1)
    agency = next(n for n in nodes if n["id"] == A1)
    assert task["ego_url"] == f"/viz/ego?center={T1}&depth=1"
    assert task["api_url"] == f"/tasks/{T1}" and agency["api_url"] == f"/agency?key={A1}"
    assert client.get(task["api_url"]).status_code == 200


def test_views_over_the_cap_are_refused_with_a_message(client: TestClient,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def too_large(*_: object, **__: object) -> None:
        raise ViewTooLarge(9000, 6000)

    monkeypatch.setattr(api.routes_web, "prepare", too_large)
    page = client.get("/viz/responsibility")
    assert page.status_code == 422 and "9000" in page.text and "筛选" in page.text
