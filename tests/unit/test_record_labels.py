"""Records printed as label | value rows (snippets written for the test)."""

from __future__ import annotations

import pytest

from ingest.pipeline import extract
from ingest.record_labels import blank_record_labels

RECORD = ("某市2023年重点工作落实情况\n"
          "重点工作: | 12.推进老旧小区改造,完善社区服务设施。 |\n"
          "牵头单位: | 市住房城乡建设局 |\n"
          "配合单位: | 市财政局、市民政局 |\n"
          "年度阶段性工作目标: | 全年改造老旧小区30个以上。 |\n")


def test_offsets_are_kept_and_only_labels_and_bars_go() -> None:
    out = blank_record_labels(RECORD)
    assert len(out) == len(RECORD)
    assert "重点工作:" not in out and "|" not in out
    assert out.splitlines()[0] == "某市2023年重点工作落实情况"
    assert out.splitlines()[1].strip() == "12.推进老旧小区改造,完善社区服务设施。"
    assert "牵头单位:" in out and "市住房城乡建设局" in out


@pytest.mark.parametrize("sep", [": | ", "：", ":"])
def test_a_labelled_record_is_a_numbered_task_with_its_units(sep: str) -> None:
    text = RECORD.replace(": | ", sep).replace(" |\n", "\n")
    ex = extract("record.txt", text)
    [task] = ex.tasks
    assert task.id == "12"
    assert task.title == "推进老旧小区改造,完善社区服务设施"
    assert (list(task.lead), list(task.co)) == (["市住房城乡建设局"], ["市财政局", "市民政局"])
    assert [(t.task, t.value) for t in ex.targets] == [("12", 30)]


def test_a_label_before_prose_or_a_quantity_is_left_alone() -> None:
    text = "重点工作:推进改造。\n工作任务: 2023年完成30个。\n"
    assert blank_record_labels(text) == text
