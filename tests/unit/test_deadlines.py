"""Task deadlines: as written, and the year and month they mean."""

from __future__ import annotations

import pytest

from graph.assemble import agency_roles
from ingest.deadlines import find_deadline, parse_cell
from ingest.pipeline import extract
from ontology.model import Role


@pytest.mark.parametrize(("text", "expected"), [
    ("2019年9月底前,基本完成全市整治任务", ("2019年9月底前", 2019, 9)),
    ("力争2022年底前全部完成", ("2022年底前", 2022, 12)),
    ("2024年12月31日前完成验收", ("2024年12月31日前", 2024, 12)),
    ("2023年前建成", ("2023年前", 2023, None)),
    ("6月底前完成摸底", ("6月底前", 2021, 6)),
    ("年底前全面完成", ("年底前", 2021, 12)),
    ("到2025年,培育企业60家以上", None),  # dates a target, not the task
    ("持续推进,长期坚持", None),
])
def test_deadlines_in_a_tasks_text(text: str, expected: tuple[str, int, int] | None) -> None:
    assert find_deadline(text, 2021) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("2016年12月", (2016, 12)), ("2025年底", (2025, 12)), ("12月底前", (2023, 12)),
    ("2024年6月底前", (2024, 6)), ("长期坚持", (None, None)), ("全年", (None, None)),
])
def test_deadline_cells_of_a_task_table(cell: str, expected: tuple[int, int]) -> None:
    assert parse_cell(cell, 2023) == expected


def test_a_numbered_item_dates_itself_and_an_item_without_a_date_has_none() -> None:
    text = ("某某市2021年质量工作要点\n一、重点任务\n"
            "1.完成质量基础设施摸底，6月底前形成报告。(牵头单位:市市场监管局;配合单位:市统计局)\n"
            "2.推进品牌建设。(牵头单位:市工业和信息化局)\n")
    tasks = {t.id: t for t in extract("plan.txt", text).tasks}
    assert (tasks["一.1"].deadline, tasks["一.1"].due_year, tasks["一.1"].due_month) == (
        "6月底前", 2021, 6)
    assert tasks["一.2"].deadline is None and tasks["一.2"].due_year is None


def test_a_table_row_takes_its_deadline_cell() -> None:
    text = ("某某县2016年民生实事\n序号\n项目名称\n责任单位\n完成时限\n"
            "1\n新建农村公路50公里\n县交通运输局\n2016年12月\n"
            "2\n改造中小学校舍\n县教育局\n9月底前\n")
    tasks = {t.id: t for t in extract("table.txt", text).tasks}
    assert (tasks["1"].deadline, tasks["1"].due_year, tasks["1"].due_month) == (
        "2016年12月", 2016, 12)
    assert (tasks["2"].due_year, tasks["2"].due_month) == (2016, 9)


def test_units_keep_the_documents_order_lead_first() -> None:
    leads = [{"key": "a/2", "name": "市商务局"}]
    cos = [{"key": "a/1", "name": "市财政局"}, {"key": "a/3", "name": "市发展改革委"}]
    order = ["市商务局", "市发展改革委", "市财政局"]
    roles = agency_roles(leads, cos, order)
    assert [(r.name, r.role) for r in roles] == [
        ("市商务局", Role.LEAD), ("市发展改革委", Role.CO), ("市财政局", Role.CO)]
    # without an order (older builds): by name
    assert [r.name for r in agency_roles(leads, cos)] == ["市商务局", "市发展改革委", "市财政局"]
