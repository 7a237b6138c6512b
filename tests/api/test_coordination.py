"""Deadlines, the iCalendar feed, workload and ledgers, on both backends."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from api_support import assert_error
from icalendar import Calendar
from starlette.testclient import TestClient

from graph.coordination import due_date, status

DEZHOU_SAMR_NAME = "市市场监管局"


def _dezhou_samr(client: TestClient) -> str:
    top = client.get("/agencies/ranking").json()["data"][0]
    assert top["name"] == DEZHOU_SAMR_NAME and top["region"]["name"] == "德州市"
    key: str = top["key"]
    return key


def test_deadlines_by_due_date_with_owners_and_status(client: TestClient) -> None:
    body = client.get("/deadlines", params={"limit": 200}).json()
    items = body["data"]
    assert body["count"] == len(items) > 20
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)
    today = date.today()
    for item in items:
        due = due_date(item["year"], item["month"])
        assert item["due"] == due.isoformat() and item["status"] == status(due, today)
    dezhou = [i for i in items if i["region"] and i["region"]["name"] == "德州市"]
    assert dezhou and all(i["year"] == 2025 and i["kind"] == "target" for i in dezhou)
    award = next(i for i in dezhou if i["what"] == "新增省长质量奖")
    assert award["agencies"][0]["role"] == "lead" and award["plan"] is not None
    assert award["target"]["value"] == 1 and award["written"] == "到2025年"


def test_deadline_filters(client: TestClient) -> None:
    def count(**params: object) -> int:
        return int(client.get("/deadlines", params={"limit": 200, **params}).json()["count"])

    everything = count()
    assert count(**{"from": 2025, "to": 2025}) + count(to=2024) + count(**{"from": 2026}) \
        == everything
    assert 0 < count(region="德州市") < everything
    key = _dezhou_samr(client)
    assert 0 < count(agency=key) <= count(region="德州市")
    assert count(region="火星市") == 0
    assert_error(client.get("/deadlines", params={"from": "soon"}), 422, "invalid_parameter")


def test_an_agencys_calendar_has_one_all_day_event_per_deadline(client: TestClient) -> None:
    key = _dezhou_samr(client)
    response = client.get(f"/agencies/{key}/deadlines.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    expected = client.get("/deadlines", params={"agency": key, "limit": 200}).json()
    assert len(events) == expected["count"] > 0
    for event, item in zip(sorted(events, key=lambda e: str(e["uid"])),
                           sorted(expected["data"],
                                  key=lambda i: f"{i['kind']}-{i['key'].replace('/', '-')}"),
                           strict=True):
        assert event.decoded("dtstart") == date.fromisoformat(item["due"])  # all-day
        assert item["what"] in str(event["summary"])
        assert "牵头：" in str(event["description"]) and "规划：" in str(event["description"])
    assert_error(client.get("/agencies/agency/city-000000000000/deadlines.ics"), 404,
                 "not_found")


def test_workload_per_plan(client: TestClient) -> None:
    key = _dezhou_samr(client)
    load = client.get(f"/agencies/{key}/workload").json()
    assert load["name"] == DEZHOU_SAMR_NAME
    [plan] = load["plans"]
    assert (plan["lead"], plan["co"]) == (7, 2)
    assert plan["targets"] and len(plan["deadlines"]) <= 3
    assert_error(client.get("/agencies/agency/city-000000000000/workload"), 404, "not_found")


def test_an_agencys_ledger_has_one_sheet_per_plan(client: TestClient) -> None:
    key = _dezhou_samr(client)
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"/agencies/{key}/ledger.xlsx").content))
    [sheet] = book.worksheets
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 9  # the 7 tasks it leads and the 2 it shares
    assert client.get(f"/agencies/{key}/ledger.pdf").status_code in (404, 422)
    assert_error(client.get("/plans/plan/000000000000/ledger.csv"), 404, "not_found")
