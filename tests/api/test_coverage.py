"""``GET /plans/{key}/coverage`` on both backends: 德州 (001) against the provincial measures
the interpretation (000) restates."""

from __future__ import annotations

from typing import Any

from api_support import assert_error
from starlette.testclient import TestClient

from graph.cascade import THRESHOLD
from ontology.identity import plan_key
from ontology.model import DocumentMeta

MEASURES = plan_key(DocumentMeta(title="关于共建共享“好品山东”推动高质量发展若干措施"), "")


def _coverage(client: TestClient, key: str) -> dict[str, Any]:
    response = client.get(f"/plans/{key}/coverage")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _plan_key(client: TestClient, starts: str) -> str:
    plans = client.get("/plans", params={"limit": 200}).json()["data"]
    return next(p["key"] for p in plans if p["name"].startswith(starts))


def test_the_city_covers_four_provincial_measures_and_the_rest_are_gaps(client: TestClient) -> None:
    body = _coverage(client, MEASURES)
    assert body["plan"]["key"] == MEASURES and body["threshold"] == THRESHOLD
    assert len(body["measures"]) == 10  # restated by the interpretation
    [city] = body["children"]
    assert city["plan"]["name"].startswith("德州市")
    covered = {m["measure"]["title"]: [(a["task"]["task_id"], a["score"]) for a in m["links"]]
               for m in city["covered"]}
    assert set(covered) == {"构建品牌体系", "打造标准体系", "完善质量基础设施", "加强组织领导"}
    assert [task for task, _ in covered["打造标准体系"]] == ["二.(二)"]
    assert all(score >= THRESHOLD for links in covered.values() for _, score in links)
    gaps = {m["measure"]["title"]: m for m in city["gaps"]}
    assert "创新评价体制" in gaps and len(gaps) + len(covered) == 10
    assert all(g["links"] == [] for g in gaps.values())
    nearest = gaps["强化政策支持"]["nearest"]
    assert nearest["task"]["task_id"] == "二.(六)" and 0 < nearest["score"] < THRESHOLD
    linked = {task for links in covered.values() for task, _ in links}
    assert {t["task_id"] for t in city["unaligned"]} == {
        "二.(一)", "二.(二)", "二.(三)", "二.(四)", "二.(五)", "二.(六)",
        "三.(一)", "三.(二)", "三.(三)"} - linked
    assert city["targets"] == []  # 000 states no target of a metric 001 counts


def test_a_link_carries_both_sentences(client: TestClient) -> None:
    [city] = _coverage(client, MEASURES)["children"]
    [standard] = [m for m in city["covered"] if m["measure"]["title"] == "打造标准体系"]
    [link] = standard["links"]
    assert link["key"].startswith("alignment/")
    assert link["measure_sentence"] == "提出打造标准体系,引领品牌的前瞻性、规范性、统一性"
    assert link["task_sentence"].startswith("(二)大力实施标准化战略,科学打造标准体系")
    assert link["measure"]["plan"]["name"].startswith("部门解读|")


def test_the_interpretation_answers_for_the_measures_it_restates(client: TestClient) -> None:
    reading = _plan_key(client, "部门解读|")
    body = _coverage(client, reading)
    assert [m["key"] for m in body["measures"]] == [
        m["key"] for m in _coverage(client, MEASURES)["measures"]]
    assert [c["plan"]["name"][:3] for c in body["children"]] == ["德州市"]


def test_a_plan_nobody_implements_has_no_children(client: TestClient) -> None:
    jinan = _plan_key(client, "济南市")
    body = _coverage(client, jinan)
    assert body["children"] == [] and len(body["measures"]) > 0


def test_an_unknown_plan_is_a_404(client: TestClient) -> None:
    assert_error(client.get("/plans/plan/000000000000/coverage"), 404, "not_found", "plan")
    # the kind prefix may be left out, as on every resource
    assert client.get(f"/plans/{MEASURES.removeprefix('plan/')}/coverage").status_code == 200
