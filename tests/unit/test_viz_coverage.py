"""The coverage view and pages, on the hand-made extractions of the RDF tests."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from rdf_fixtures import ALL, DEZHOU_SOURCE, PROVINCE, PROVINCE_SOURCE, evidence

from api.app import create_app
from api.settings import ApiSettings, Backend
from graph.cascade import THRESHOLD
from graph.embedded import EmbeddedRepository
from graph.property_graph import from_rdf
from graph.rdf import build_graph
from ontology import identity as ident
from ontology.model import NodeKind, RelKind, Task
from viz import coverage_view
from viz.render import page_data
from viz.site import coverage_file, write_site
from viz.style import ALIGNED_BANDS, EDGE_STYLE, ViewRel, aligned_rel

with warnings.catch_warnings():
    # starlette asks for httpx2, which is not a project dependency (yet): not our concern here.
    warnings.filterwarnings("ignore", message=".*install `httpx2`")
    from starlette.testclient import TestClient

# The province gets a second measure no Dezhou task carries out: a gap.
FARMING = Task(id="二", title="发展现代农业", lead=("省市场监管局",),
               evidence=evidence(PROVINCE_SOURCE, 20, 30, "发展现代农业。"))
EXTRACTIONS = tuple(x.model_copy(update={"tasks": (*x.tasks, FARMING)}) if x is PROVINCE else x
                    for x in ALL)
PLAN_OF = ident.resolve_plan_keys(EXTRACTIONS)
PARENT = ident.plan_key(PROVINCE.document, PROVINCE_SOURCE)
MEASURE = ident.task_key(PARENT, "一")
GAP = ident.task_key(PARENT, "二")
CHILD_TASK = ident.task_key(PLAN_OF[DEZHOU_SOURCE], "二.(一)")


@pytest.fixture(scope="module")
def repo() -> EmbeddedRepository:
    return EmbeddedRepository(from_rdf(build_graph(EXTRACTIONS)))


def test_measures_left_child_tasks_and_plans_right_links_by_score(repo: EmbeddedRepository) -> None:
    view = coverage_view.coverage(repo.coverage(PARENT))
    nodes = {n.id: n for n in view.nodes}
    assert (nodes[MEASURE].level, nodes[CHILD_TASK].level, nodes[PLAN_OF[DEZHOU_SOURCE]].level) == (
        0, 1, 2)
    assert nodes[GAP].label.endswith(coverage_view.GAP_MARK)
    assert not nodes[MEASURE].label.endswith(coverage_view.GAP_MARK)
    [link] = [e for e in view.edges if e.end == MEASURE]
    score = repo.coverage(PARENT).children[0].covered[0].links[0].score
    assert (link.start, link.rel) == (CHILD_TASK, aligned_rel(score).value)
    assert (PLAN_OF[DEZHOU_SOURCE], CHILD_TASK, RelKind.HAS_TASK.value) in {
        (e.start, e.end, e.rel) for e in view.edges}
    assert any("落实 1/2 项措施" in note and "发展现代农业" in note for note in view.notes)
    assert dict(nodes[CHILD_TASK].details)["对应措施"].startswith("构建品牌体系 (")
    assert all(n.kind is NodeKind.TASK for k, n in nodes.items() if k.startswith("task/"))


def test_a_gap_points_to_its_nearest_task_only_when_they_share_anything(
        repo: EmbeddedRepository) -> None:
    [child] = repo.coverage(PARENT).children
    [gap] = child.gaps
    view = coverage_view.coverage(repo.coverage(PARENT))
    nearest = {(e.start, e.end) for e in view.edges if e.rel == ViewRel.NEAREST}
    assert nearest == ({(gap.nearest.task.key, GAP)} if gap.nearest else set())


def test_a_plan_nobody_implements_says_so(repo: EmbeddedRepository) -> None:
    jinan = ident.plan_key(ALL[0].document, ALL[0].source)
    view = coverage_view.coverage(repo.coverage(jinan))
    assert view.notes[0] == "没有落实这份文件的下级文件。"
    assert {n.level for n in view.nodes} == {0}


def test_score_bands_darken_and_widen_from_the_threshold() -> None:
    assert aligned_rel(THRESHOLD) is ViewRel.ALIGNED_WEAK
    assert aligned_rel(0.45) is ViewRel.ALIGNED and aligned_rel(0.9) is ViewRel.ALIGNED_STRONG
    widths = [EDGE_STYLE[rel].width for _, rel in ALIGNED_BANDS]
    assert widths == sorted(widths, reverse=True)
    assert f"{THRESHOLD:.2f}" in EDGE_STYLE[ViewRel.ALIGNED_WEAK].label


def test_the_offline_site_has_a_coverage_page_per_parent_plan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pages = write_site(from_rdf(build_graph(EXTRACTIONS)), tmp_path)
    names = [p.href for p in pages]
    assert coverage_file(PARENT) in names
    data = page_data((tmp_path / coverage_file(PARENT)).read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodeList"]} >= {MEASURE, GAP, CHILD_TASK}
    assert coverage_file(PARENT) in (tmp_path / "responsibility.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(repo: EmbeddedRepository) -> Iterator[TestClient]:
    settings = ApiSettings(_env_file=None, backend=Backend.EMBEDDED,  # type: ignore[call-arg]
                           api_key=None, cors_origins=(), neo4j_uri=None, host="127.0.0.1",
                           allowed_hosts=("testserver",))
    with TestClient(create_app(settings, repo)) as test_client:
        yield test_client


def test_the_coordinators_page_and_the_coverage_pages(client: TestClient) -> None:
    landing = client.get("/").text
    assert "上级措施落实情况" in landing and "落实 1/2 项措施，1 项未见落实" in landing
    page = client.get("/coverage", params={"key": PARENT}).text
    assert page.count('<tr class="covered">') == 1 and page.count('<tr class="gap">') == 1
    assert "发展现代农业" in page and "未见落实任务" in page
    assert "上级措施落实情况" in client.get("/coverage").text
    assert client.get("/coverage", params={"key": "plan/000000000000"}).status_code == 404
    assert client.get("/?q=品牌").text.count("上级措施落实情况") == 0  # answers come first


def test_the_live_coverage_network_is_the_view(client: TestClient, repo: EmbeddedRepository) -> None:
    expected = coverage_view.coverage(repo.coverage(PARENT))
    for url in (f"/viz/coverage?plan={PARENT}", "/viz/coverage"):
        data = page_data(client.get(url).text)
        assert sorted(n["id"] for n in data["nodeList"]) == sorted(n.id for n in expected.nodes)
    assert client.get("/viz/coverage", params={"plan": "plan/000000000000"}).status_code == 404
