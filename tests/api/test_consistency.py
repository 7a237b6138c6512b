"""One shape everywhere: blank queries refused alike, lists that name their page, plans by name."""

from __future__ import annotations

import pytest
from api_support import assert_error
from starlette.testclient import TestClient

#: Every list endpoint of the API (with the parameters it needs).
LISTS = [("/tasks", {}), ("/tasks", {"q": "体系"}), ("/agencies", {}),
         ("/agencies", {"q": "市场监管"}), ("/agencies/ranking", {}), ("/plans", {}),
         ("/targets", {}), ("/brands", {}), ("/search", {"q": "品牌"}), ("/enterprises", {}),
         ("/deadlines", {})]


@pytest.mark.parametrize("url", ["/tasks", "/search", "/agencies", "/enterprises"])
@pytest.mark.parametrize("q", ["", " ", "\u3000\t"])
def test_an_empty_or_blank_query_is_refused_by_every_search(client: TestClient, url: str,
                                                            q: str) -> None:
    message = assert_error(client.get(url, params={"q": q}), 422, "invalid_parameter", "'q'")
    assert "blank" in message


@pytest.mark.parametrize(("url", "params"), LISTS, ids=[f"{u}{sorted(p)}" for u, p in LISTS])
def test_count_is_all_matches_and_the_page_size_is_named_apart(
        client: TestClient, url: str, params: dict[str, str]) -> None:
    everything = client.get(url, params={**params, "limit": 200}).json()
    page = client.get(url, params={**params, "limit": 2, "offset": 1}).json()
    assert everything["count"] == len(everything["data"]) >= 3, url
    assert page["count"] == everything["count"]
    assert (page["limit"], page["offset"], len(page["data"])) == (2, 1, 2)
    assert page["data"] == everything["data"][1:3]


def test_plans_are_called_by_name_whole_and_as_references(client: TestClient) -> None:
    plans = client.get("/plans").json()["data"]
    names = {p["key"]: p["name"] for p in plans}
    assert all("title" not in p for p in plans)
    refs = [r for p in plans for r in p["implements"] + p["implemented_by"]]
    refs += [t["plan"] for t in client.get("/tasks", params={"limit": 200}).json()["data"]]
    assert refs and all(ref["name"] == names[ref["key"]] for ref in refs)
    tree = client.get(f"/plans/{plans[0]['key']}").json()
    assert tree["name"] == plans[0]["name"] and "title" not in tree
