"""``/agencies`` and ``/plans``, on both backends."""

from __future__ import annotations

import pytest
from api_support import assert_error
from starlette.testclient import TestClient

DEZHOU_SAMR = "agency/city-51c9c5c626c9"


def test_agency_search_by_name_and_alias(client: TestClient) -> None:
    body = client.get("/agencies", params={"q": "市场监管"}).json()
    names = [a["name"] for a in body["data"]]
    assert body["count"] == len(names) >= 3
    assert set(names[:3]) == {"市市场监管局", "省市场监管局"}
    alias = client.get("/agencies", params={"q": "济南市市场监督管理局"}).json()["data"][0]
    assert "济南市市场监督管理局" in alias["aliases"] and alias["region"]["name"] == "济南市"


def test_all_agencies_by_name(client: TestClient) -> None:
    body = client.get("/agencies", params={"limit": 200}).json()
    names = [a["name"] for a in body["data"]]
    # 30 named by the sample documents, 2 that published the sample registers
    assert body["count"] == 32 and names == sorted(names)


def test_one_agency(client: TestClient) -> None:
    agency = client.get(f"/agencies/{DEZHOU_SAMR}").json()
    assert agency["name"] == "市市场监管局" and agency["region"]["name"] == "德州市"
    assert (agency["lead"], agency["co"], agency["level"]) == (7, 2, "city")
    assert client.get("/agencies/city-51c9c5c626c9").json() == agency


def test_agency_tasks_lead_first_and_by_role(client: TestClient) -> None:
    both = client.get(f"/agencies/{DEZHOU_SAMR}/tasks", params={"limit": 200}).json()
    lead = client.get(f"/agencies/{DEZHOU_SAMR}/tasks", params={"role": "lead"}).json()
    co = client.get(f"/agencies/{DEZHOU_SAMR}/tasks", params={"role": "co"}).json()
    assert (lead["count"], co["count"], both["count"]) == (7, 2, 9)
    assert both["data"] == lead["data"] + co["data"]
    for task in lead["data"]:
        assert task["agencies"][0]["key"] == DEZHOU_SAMR
    for task in co["data"]:
        assert {"key": DEZHOU_SAMR, "name": "市市场监管局", "role": "co"} in task["agencies"]
    assert_error(client.get(f"/agencies/{DEZHOU_SAMR}/tasks", params={"role": "boss"}),
                 422, "invalid_parameter", "'role'")
    assert_error(client.get("/agencies/agency/city-000000000000/tasks"), 404, "not_found",
                 "agency/city-000000000000")


def test_ranking_who_carries_the_most(client: TestClient) -> None:
    body = client.get("/agencies/ranking", params={"limit": 200}).json()
    top = body["data"][0]
    assert (top["key"], top["lead"], top["co"], top["total"]) == (DEZHOU_SAMR, 7, 2, 9)
    # by default by all tasks, lead tasks breaking a tie
    order = [(-a["total"], -a["lead"]) for a in body["data"]]
    assert order == sorted(order)
    assert all(a["total"] == a["lead"] + a["co"] > 0 for a in body["data"])
    for by in ("lead", "co", "targets"):
        ranked = client.get("/agencies/ranking", params={"limit": 200, "by": by}).json()
        assert ranked["count"] == body["count"]
        values = [(-a[by], -a["lead"]) for a in ranked["data"]]
        assert values == sorted(values), by
    assert_error(client.get("/agencies/ranking", params={"by": "size"}), 422,
                 "invalid_parameter", "'by'")


def test_plans_and_implementation_links(client: TestClient) -> None:
    body = client.get("/plans").json()
    assert body["count"] == 4
    assert [p["level"] for p in body["data"]][:3] == ["province", "city", "city"]
    by_title = {p["name"]: p for p in body["data"]}
    measures = by_title["关于共建共享“好品山东”推动高质量发展若干措施"]
    assert len(measures["implemented_by"]) == 2
    dezhou = next(p for p in body["data"] if p["name"].startswith("德州市"))
    assert dezhou["implements"] == [{"key": measures["key"], "name": measures["name"]}]
    assert dezhou["region"]["name"] == "德州市" and dezhou["task_count"] == 9


def test_plan_tree(client: TestClient) -> None:
    dezhou = next(p for p in client.get("/plans").json()["data"]
                  if p["name"].startswith("德州市"))
    tree = client.get(f"/plans/{dezhou['key']}").json()
    assert [s["name"] for s in tree["sections"]] == ["重点任务", "保障措施"]
    first = tree["sections"][0]["tasks"][0]
    assert first["task_id"] == "二.(一)" and first["agencies"][0]["role"] == "lead"
    assert sum(len(s["tasks"]) for s in tree["sections"]) == tree["task_count"] == 9
    assert any(t["targets"] for s in tree["sections"] for t in s["tasks"])
    assert tree["implements"] and tree["sources"][0]["file_name"].startswith("001_")
    jinan = next(p for p in client.get("/plans").json()["data"] if p["name"].startswith("济南"))
    assert client.get(f"/plans/{jinan['key'].removeprefix('plan/')}").json()["funding"]


@pytest.mark.parametrize("url", ["/plans/plan/000000000000", "/agencies/agency/nope"])
def test_unknown_ids(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 404, "not_found", url.split("/", 2)[2])
