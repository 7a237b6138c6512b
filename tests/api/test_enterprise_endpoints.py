"""Enterprises, brand holders and target progress, on both backends.

The sample graph holds the sample corpus and the two sample registers of
``data/registers`` (好品山东 brands of batches 1 and 3; 山东省知名农产品企业产品品牌 of 德州市).
"""

from __future__ import annotations

from typing import Any

from api_support import assert_error
from starlette.testclient import TestClient

from ontology.identity import brand_key, enterprise_key

FIRM = "保龄宝生物股份有限公司"  # listed by both registers


def _all(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    body: dict[str, Any] = client.get(url, params={"limit": 200, **params}).json()
    return body


def test_enterprises_by_name_and_filters(client: TestClient) -> None:
    body = _all(client, "/enterprises")
    names = [e["name"] for e in body["data"]]
    assert body["count"] == len(names) == 19 and names == sorted(names)
    dezhou = _all(client, "/enterprises", region="德州市")
    assert dezhou["count"] == 8 and FIRM in [e["name"] for e in dezhou["data"]]
    # a province takes in its cities and the cities' counties
    shandong = _all(client, "/enterprises", region="山东省")
    assert {e["name"] for e in dezhou["data"]} < {e["name"] for e in shandong["data"]}
    assert "青州市隆盛食品有限公司" in {e["name"] for e in shandong["data"]}
    haopin = _all(client, "/enterprises", programme="好品山东")
    assert haopin["count"] == 12
    both = _all(client, "/enterprises", programme="好品山东", region="德州市")
    assert [e["name"] for e in both["data"]] == [FIRM]
    by_key = _all(client, "/enterprises", programme=brand_key("好品山东"), region="德州市")
    assert by_key == both


def test_enterprise_search_ranks_by_name(client: TestClient) -> None:
    found = _all(client, "/enterprises", q="扒鸡")
    assert [e["name"] for e in found["data"]] == ["山东德州扒鸡股份有限公司"]
    assert found["data"][0]["match"]["phrase"] is True
    assert _all(client, "/enterprises", q="火星矿业") == {"data": [], "count": 0, "limit": 200,
                                                     "offset": 0}


def test_one_enterprise_with_its_recognitions(client: TestClient) -> None:
    key = enterprise_key(FIRM)
    firm = client.get(f"/enterprises/{key}").json()
    assert firm["name"] == FIRM and firm["region"]["name"] == "德州市"
    assert {b["name"] for b in firm["brands"]} == {"保龄宝", "低聚异麦芽糖"}
    assert {p["name"] for p in firm["programmes"]} == {"好品山东", "山东省知名农产品企业产品品牌"}
    rows = [(r["programme"]["name"], r["year"], r["batch"], r["register_file"], r["product"])
            for r in firm["recognitions"]]
    assert rows == [
        ("山东省知名农产品企业产品品牌", 2016, 1, "dezhou_known_agri_brands.csv", "淀粉糖"),
        ("好品山东", 2024, 3, "haopin_shandong.csv", None)]
    assert all(r["register_row"] >= 5 for r in firm["recognitions"])
    assert client.get(f"/enterprises/{key.removeprefix('enterprise/')}").json() == firm
    assert_error(client.get("/enterprises/enterprise/000000000000"), 404, "not_found",
                 "enterprise/000000000000")


def test_holders_of_a_brand_and_of_a_programme(client: TestClient) -> None:
    own = _all(client, f"/brands/{brand_key('德州')}/holders")
    assert [e["name"] for e in own["data"]] == ["山东德州扒鸡股份有限公司"]
    programme = _all(client, f"/brands/{brand_key('山东省知名农产品企业产品品牌')}/holders")
    assert programme["count"] == 8
    assert _all(client, f"/brands/{brand_key('青州花卉')}/holders")["count"] == 0
    assert_error(client.get("/brands/brand/000000000000/holders"), 404, "not_found")


def _target(client: TestClient, metric: str) -> dict[str, Any]:
    targets = _all(client, "/targets")["data"]
    return next(t for t in targets if t["metric"] == metric)


def test_progress_of_a_sample_target_against_the_registers(client: TestClient) -> None:
    # 000 (山东省): 到2025年“好品山东”竞争力位居全国区域品牌前列
    target = _target(client, "竞争力位居全国区域品牌前列")
    progress = client.get(f"/targets/{target['key']}/progress").json()
    assert progress["region"]["name"] == "山东省" and progress["target"]["year"] == 2025
    [haopin] = progress["programmes"]
    assert haopin["programme"]["name"] == "好品山东"
    assert haopin["by_year"] == [{"year": 2022, "count": 8}, {"year": 2024, "count": 15}]
    assert haopin["counted"] == len(haopin["recognitions"]) == 23
    assert "区域品牌" in haopin["rule"] and "好品山东" in haopin["rule"]
    listed = {(r["brand"] or r["enterprise"])["name"] for r in haopin["recognitions"]}
    assert {"青州花卉", "金胚玉米油", "青州市隆盛食品有限公司"} <= listed


def test_a_target_counts_only_its_region_and_only_what_a_rule_names(client: TestClient) -> None:
    # 001 (德州市): “泰山品质”产品认证证书 — a rule names 泰山品质, no register lists it
    certificates = _target(client, "“泰山品质”产品认证证书")
    [taishan] = client.get(f"/targets/{certificates['key']}/progress").json()["programmes"]
    assert taishan["programme"]["name"] == "泰山品质" and taishan["counted"] == 0
    # 001: 培育高新技术企业 — no rule: no progress, nothing guessed
    hightech = _target(client, "培育高新技术企业")
    assert client.get(f"/targets/{hightech['key']}/progress").json()["programmes"] == []
    assert_error(client.get("/targets/target/000000000000/progress"), 404, "not_found")
