"""Responsibility tables written as ``|`` rows (snippets written for the test)."""

from __future__ import annotations

from ingest.tables import table_rows

LEADER_AND_PROGRESS = """序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |
1 | 新建甲学校,增加学位500个。 | 张三 | 县教育局 各相关乡镇政府 | 甲校已建成,新增学位520个,前期已完成。 |
2 | 改造乙管网。 | 李四 | 县住建局 县水利局 | 已完工。 |
"""


def test_the_leader_column_is_no_units_column_and_progress_is_no_title():
    rows = table_rows(LEADER_AND_PROGRESS)
    # 责任领导 holds persons: the units are in 责任单位; 落实情况 reports, it names no task
    assert [(r.number, r.title, r.units) for r in rows] == [
        ("1", "新建甲学校,增加学位500个", "县教育局、各相关乡镇政府"),
        ("2", "改造乙管网", "县住建局、县水利局")]
