"""The ledger of sample 001, opened with openpyxl, against its hand-made gold.

Sample 001 (德州's implementation opinion) has 9 tasks; the gold lists each one's lead and
co-responsible units in the document's order — the order a coordinator's 任务分解表 keeps.
"""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import openpyxl
import pytest
from starlette.exceptions import StarletteDeprecationWarning

from api.app import corpus_graph, create_app
from api.settings import ApiSettings, Backend
from graph.embedded import EmbeddedRepository
from graph.ledger import HEADER

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

pytestmark = pytest.mark.gold

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "001_078bf77ec9e1dfa3"


@pytest.fixture(scope="module")
def client() -> TestClient:
    settings = ApiSettings(_env_file=None, backend=Backend.EMBEDDED,  # type: ignore[call-arg]
                           api_key=None, neo4j_uri=None, allowed_hosts=("testserver",))
    repo = EmbeddedRepository(corpus_graph(ROOT / "data" / "corpus"))
    with TestClient(create_app(settings, repository=repo)) as test_client:
        yield test_client


def _plan_of_001(client: TestClient) -> str:
    task = client.get("/tasks", params={"q": "加大科技研发力度"}).json()["data"][0]
    key: str = task["plan"]["key"]
    return key


def test_the_xlsx_ledger_of_001_has_its_gold_tasks_and_units_in_order(
        client: TestClient, shared_eval: Path) -> None:
    gold = json.loads((shared_eval / "gold" / f"{SAMPLE}.json").read_text(encoding="utf-8"))
    response = client.get(f"/plans/{_plan_of_001(client)}/ledger.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    [sheet] = book.worksheets
    assert sheet.freeze_panes == "A2"
    rows = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == HEADER
    body = rows[1:]
    assert len(body) == len(gold["tasks"]) == 9
    expected = [(t["id"], "、".join(t["lead"]), "、".join(t["co"])) for t in gold["tasks"]]
    assert [(r[0], r[2], r[3]) for r in body] == expected
    assert all(r[6] and r[7] and SAMPLE in r[8] for r in body)  # plan, sentence, source
    research = next(r for r in body if r[0] == "二.(三)")
    assert "培育高新技术企业500家左右" in research[4].replace("2025年：", "")


def test_the_csv_ledger_has_the_same_rows_with_a_bom(client: TestClient) -> None:
    plan = _plan_of_001(client)
    xlsx = openpyxl.load_workbook(io.BytesIO(client.get(f"/plans/{plan}/ledger.xlsx").content))
    csv_bytes = client.get(f"/plans/{plan}/ledger.csv").content
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    import csv

    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert rows == [[c or "" for c in r] for r in xlsx.worksheets[0].iter_rows(values_only=True)]
