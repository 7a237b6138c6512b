"""``/targets``, ``/brands``, ``/search``, ``/graph/subgraph`` and ``/health``, on both backends."""

from __future__ import annotations

import pytest
from api_support import assert_error
from starlette.testclient import TestClient

DEZHOU_SAMR = "agency/city-51c9c5c626c9"


def test_targets_by_year_then_plan(client: TestClient) -> None:
    body = client.get("/targets", params={"limit": 200}).json()
    assert body["count"] == 36 == len(body["data"])
    years = [t["year"] for t in body["data"] if t["year"] is not None]
    assert years == sorted(years)


def test_targets_filtered(client: TestClient) -> None:
    dezhou_2025 = client.get("/targets", params={"year": 2025, "region": "德州市",
                                                 "limit": 200}).json()
    assert dezhou_2025["count"] > 0
    assert all(t["year"] == 2025 and t["region"]["name"] == "德州市" for t in dezhou_2025["data"])
    region_key = dezhou_2025["data"][0]["region"]["key"]
    by_key = client.get("/targets", params={"year": 2025, "region": region_key, "limit": 200})
    assert by_key.json() == dezhou_2025
    samr = client.get("/targets", params={"agency": DEZHOU_SAMR, "limit": 200}).json()
    assert samr["count"] > 0
    assert all(DEZHOU_SAMR in [a["key"] for a in t["agencies"]] for t in samr["data"])
    plan = samr["data"][0]["plan"]["key"]
    in_plan = client.get("/targets", params={"plan": plan, "limit": 200}).json()
    assert all(t["plan"]["key"] == plan for t in in_plan["data"])
    assert client.get("/targets", params={"year": 1999}).json() == {
        "data": [], "count": 0, "limit": 20, "offset": 0}
    assert_error(client.get("/targets", params={"year": "soon"}), 422, "invalid_parameter",
                 "'year'")


def test_brands_and_what_names_them(client: TestClient) -> None:
    body = client.get("/brands", params={"limit": 200}).json()
    # 20 named by the sample documents; the sample registers add 28 brands they list and
    # the programme 山东省知名农产品企业产品品牌 (好品山东 is named by the documents too)
    assert body["count"] == 49
    counts = [b["plan_count"] for b in body["data"]]
    assert counts == sorted(counts, reverse=True)
    haopin = next(b for b in body["data"] if b["name"] == "好品山东")
    detail = client.get(f"/brands/{haopin['key']}").json()
    assert detail["plan_count"] == len(detail["plans"]) == haopin["plan_count"] >= 1
    assert detail["sentences"] and all("好品山东" in s for s in detail["sentences"])
    assert client.get(f"/brands/{haopin['key'].removeprefix('brand/')}").json() == detail
    assert_error(client.get("/brands/brand/000000000000"), 404, "not_found",
                 "brand/000000000000")


def test_search_across_kinds(client: TestClient) -> None:
    body = client.get("/search", params={"q": "好品山东", "limit": 200}).json()
    kinds = {hit["kind"] for hit in body["data"]}
    assert {"Plan", "Brand"} <= kinds
    top = body["data"][:3]
    assert all(hit["match"]["phrase"] for hit in top)
    brand = client.get("/search", params={"q": "好品山東", "kinds": "Brand"}).json()
    assert brand["data"][0]["name"] == "好品山东"
    assert {hit["kind"] for hit in brand["data"]} == {"Brand"}
    two = client.get("/search", params=[("q", "科技"), ("kinds", "Task"), ("kinds", "Agency")])
    assert {hit["kind"] for hit in two.json()["data"]} == {"Task", "Agency"}
    assert_error(client.get("/search"), 422, "invalid_parameter", "'q'")
    assert_error(client.get("/search", params={"q": "x", "kinds": "Bogus"}), 422,
                 "invalid_parameter", "'kinds")


def test_subgraph(client: TestClient) -> None:
    task = client.get("/tasks", params={"q": "科技研发"}).json()["data"][0]
    body = client.get("/graph/subgraph", params={"center": task["key"], "depth": 1}).json()
    keys = {n["key"] for n in body["nodes"]}
    assert body["center"] == task["key"] and not body["truncated"]
    assert {a["key"] for a in task["agencies"]} <= keys
    assert {(e["source"], e["kind"]) for e in body["edges"] if e["target"] == task["key"]} >= {
        (task["agencies"][0]["key"], "LEADS")}
    assert all(e["source"] in keys and e["target"] in keys for e in body["edges"])
    only = client.get("/graph/subgraph", params=[("center", task["key"]), ("depth", 2),
                                                 ("kinds", "Agency"), ("kinds", "Task")]).json()
    assert {n["kind"] for n in only["nodes"]} == {"Agency", "Task"}
    assert max(n["depth"] for n in only["nodes"]) == 2
    assert_error(client.get("/graph/subgraph", params={"center": "task/000000000000"}), 404,
                 "not_found", "task/000000000000")
    assert_error(client.get("/graph/subgraph", params={"center": task["key"], "depth": 9}), 422,
                 "invalid_parameter", "'depth'")


def test_health(client: TestClient, backend: str) -> None:
    body = client.get("/health").json()
    assert body["backend"] == backend and body["reachable"] is True
    # 17 tasks of the plans, 10 measures the interpretation (000) restates
    assert body["nodes"]["Task"] == 27 and body["nodes"]["Agency"] == 32
    assert body["nodes"]["Enterprise"] == 19 and body["nodes"]["Recognition"] == 31
    assert body["nodes"]["Alignment"] == 4  # 德州's tasks that carry out a measure
    assert body["relationships"] == 735  # 529 of the documents, 206 of the registers


@pytest.mark.parametrize("url", ["/tasks?q=科技", "/plans", "/agencies/ranking", "/search?q=品牌"])
def test_chinese_comes_back_as_utf8(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.headers["content-type"] == "application/json"
    assert "\\u" not in response.text and response.content.decode("utf-8")
