"""``/tasks``: the coordinators' question, on both backends."""

from __future__ import annotations

import pytest
from api_support import assert_error
from starlette.testclient import TestClient

SCIENCE_TASK = "加大科技研发力度,完善技术创新体系"
STANDARD_TASK = "大力实施标准化战略,科学打造标准体系"


def titles(response: object) -> list[str]:
    body = response.json()  # type: ignore[attr-defined]
    return [item["title"] for item in body["data"]]


@pytest.mark.parametrize("q", ["科技研发", "科技研發", "科技", "研发", "哪个部门负责科技研发？",
                               "加大科技研發力度"])
def test_science_task_first_with_its_lead(client: TestClient, q: str) -> None:
    response = client.get("/tasks", params={"q": q})
    assert response.status_code == 200
    first = response.json()["data"][0]
    assert first["title"] == SCIENCE_TASK
    assert first["agencies"][0] == {"key": first["agencies"][0]["key"], "name": "市科技局",
                                    "role": "lead"}
    assert {a["role"] for a in first["agencies"][1:]} == {"co"}
    assert "市市场监管局" in [a["name"] for a in first["agencies"]]
    assert first["plan"]["name"].startswith("德州市")
    assert first["section"]["name"] == "重点任务"
    # The heading sentence, then the responsibility clause that names the units.
    assert first["sentence"].startswith("(三)加大科技研发力度,完善技术创新体系。")
    assert "(责任单位:市科技局、市总工会" in first["sentence"]
    assert {t["metric"] for t in first["targets"]} == {"培育高新技术企业", "全员创新企业"}
    assert first["match"]["title"]


@pytest.mark.parametrize("q", ["标准化", "標準化", "标准"])
def test_standardisation(client: TestClient, q: str) -> None:
    response = client.get("/tasks", params={"q": q})
    assert titles(response)[0] == STANDARD_TASK
    lead = response.json()["data"][0]["agencies"][0]
    assert (lead["name"], lead["role"]) == ("市市场监管局", "lead")


def test_a_task_an_agency_carries_out_ranks_before_a_restated_measure(client: TestClient) -> None:
    data = client.get("/tasks", params={"q": "标准体系", "limit": 200}).json()["data"]
    found = [item["title"] for item in data]
    assert found.index(STANDARD_TASK) < found.index("打造标准体系")  # 000 restates it, no agency
    assert data[found.index("打造标准体系")]["agencies"] == []


def test_title_matches_rank_before_text_matches(client: TestClient) -> None:
    data = client.get("/tasks", params={"q": "品牌", "limit": 200}).json()["data"]
    title_hits = [bool(item["match"]["title"]) for item in data]
    assert title_hits == sorted(title_hits, reverse=True)
    assert all("品牌" in item["title"] for item in data if item["match"]["title"])


def test_more_matched_bigrams_rank_higher(client: TestClient) -> None:
    data = client.get("/tasks", params={"q": "质量基础设施", "limit": 200}).json()["data"]
    counts = [len(item["match"]["title"]) for item in data]
    assert counts == sorted(counts, reverse=True)
    assert data[0]["title"] == "推动“一站式服务”,夯实质量基础设施建设体系"


def test_order_is_deterministic_and_pages_partition_it(client: TestClient) -> None:
    everything = client.get("/tasks", params={"q": "体系", "limit": 200}).json()
    assert everything == client.get("/tasks", params={"q": "体系", "limit": 200}).json()
    first = client.get("/tasks", params={"q": "体系", "limit": 2}).json()
    second = client.get("/tasks", params={"q": "体系", "limit": 2, "offset": 2}).json()
    assert first["count"] == second["count"] == everything["count"] == len(everything["data"])
    assert first["data"] + second["data"] == everything["data"][:4]


def test_without_a_query_all_tasks_in_document_order(client: TestClient) -> None:
    body = client.get("/tasks", params={"limit": 200}).json()
    assert body["count"] == 27 == len(body["data"])  # 17 of the plans, 10 measures of 000
    dezhou = [t["task_id"] for t in body["data"] if t["plan"]["name"].startswith("德州市")]
    assert dezhou[:3] == ["二.(一)", "二.(二)", "二.(三)"]


def test_no_match_is_an_empty_list(client: TestClient) -> None:
    empty = {"data": [], "count": 0, "count_capped": False, "limit": 20, "offset": 0}
    assert client.get("/tasks", params={"q": "宇宙飞船"}).json() == empty
    assert client.get("/tasks", params={"q": "？！"}).json() == empty


def test_one_task_by_short_or_full_key(client: TestClient) -> None:
    key = client.get("/tasks", params={"q": "科技研发"}).json()["data"][0]["key"]
    full = client.get(f"/tasks/{key}")
    assert full.status_code == 200 and full.json()["title"] == SCIENCE_TASK
    assert full.json()["match"] is None
    assert client.get(f"/tasks/{key.removeprefix('task/')}").json() == full.json()


def test_unknown_task_is_404_naming_it(client: TestClient) -> None:
    assert_error(client.get("/tasks/task/000000000000"), 404, "not_found", "task/000000000000")
    assert_error(client.get("/tasks/agency/city-51c9c5c626c9"), 404, "not_found")


@pytest.mark.parametrize(("params", "field"), [
    ({"limit": 0}, "limit"), ({"limit": 201}, "limit"), ({"offset": -1}, "offset"),
    ({"limit": "many"}, "limit"), ({"q": "字" * 201}, "q"),
])
def test_bad_parameters_are_422_naming_the_field(client: TestClient, params: dict[str, object],
                                                  field: str) -> None:
    assert_error(client.get("/tasks", params=params), 422, "invalid_parameter", f"'{field}'")
