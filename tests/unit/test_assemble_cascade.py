"""Coverage from records (graph.assemble_cascade): links, gaps, dangling alignments, targets."""

from __future__ import annotations

from typing import Any

from graph.assemble_cascade import comparisons, coverage

PARENT = {"key": "plan/p", "title": "某省若干措施", "kind": "measures"}
CITY = {"key": "plan/c", "title": "某市实施意见", "kind": "implementation_opinion"}


def _target(key: str, metric: str, year: int | None, value: float | None, unit: str | None
            ) -> dict[str, Any]:
    return {"key": key, "metric": metric, "year": year, "value": value, "unit": unit,
            "evidence": [{"key": f"evidence/{key}", "sentence": f"{metric}{value}{unit}",
                          "source": "x.txt", "spanStart": 0}]}


def _task(key: str, task_id: str, title: str, plan: dict[str, Any], sentence: str,
          targets: tuple[dict[str, Any], ...] = (), start: int = 0) -> dict[str, Any]:
    return {"task": {"key": key, "taskId": task_id, "title": title}, "plans": [plan],
            "sections": [], "leads": [{"key": "agency/a", "name": "市市场监管局"}], "cos": [],
            "targets": list(targets),
            "evidence": [{"key": f"evidence/{key}", "sentence": sentence, "source": plan["key"],
                          "spanStart": start}]}


BRAND = _task("task/p1", "一", "构建品牌体系", PARENT, "构建品牌体系。",
              (_target("target/p", "山东省高端品牌培育企业", 2025, 300, "家"),), 0)
STANDARD = _task("task/p2", "二", "打造标准体系", PARENT, "打造标准体系。", start=10)
CITY_BRAND = _task("task/c1", "(一)", "科学构建品牌体系", CITY, "科学构建品牌体系。市市场监管局",
                   (_target("target/c", "新增山东省高端品牌培育企业", 2025, 60, "家"),
                    _target("target/c2", "山东省高端品牌培育企业", 2022, 30, "家")), 0)
CITY_FARM = _task("task/c2", "(二)", "发展农业", CITY, "发展农业。", start=10)


def _record(**changes: Any) -> dict[str, Any]:
    record = {
        "plan": PARENT, "measures": [STANDARD, BRAND], "targets": [],
        "alignments": [{"alignment": {"key": "alignment/1", "score": 0.62}, "task": "task/c1",
                        "measure": "task/p1",
                        "evidence": [CITY_BRAND["evidence"][0], BRAND["evidence"][0]]}],
        "children": [{"plan": CITY, "tasks": [CITY_FARM, CITY_BRAND], "targets": []}],
    }
    return {**record, **changes}


def test_covered_measures_gaps_and_unaligned_tasks() -> None:
    result = coverage(_record())
    assert [m.title for m in result.measures] == ["构建品牌体系", "打造标准体系"]  # document order
    [city] = result.children
    [covered] = city.covered
    assert covered.measure.key == "task/p1" and covered.nearest is None
    [link] = covered.links
    assert (link.score, link.task.key, link.task_sentence, link.measure_sentence) == (
        0.62, "task/c1", "科学构建品牌体系。市市场监管局", "构建品牌体系。")
    [gap] = city.gaps
    assert gap.measure.key == "task/p2" and gap.links == ()
    assert [t.key for t in city.unaligned] == ["task/c2"]


def test_an_alignment_that_lost_a_task_is_left_out() -> None:
    dangling = [{"alignment": {"key": "alignment/2", "score": 0.5}, "task": "task/gone",
                 "measure": "task/p2", "evidence": []}]
    result = coverage(_record(alignments=_record()["alignments"] + dangling))
    assert [m.measure.key for m in result.children[0].gaps] == ["task/p2"]


def test_the_plan_itself_and_the_plans_holding_measures_are_no_children() -> None:
    reading = {"key": "plan/r", "title": "部门解读", "kind": "interpretation"}
    result = coverage(_record(children=[{"plan": PARENT, "tasks": [], "targets": []},
                                        {"plan": reading, "tasks": [], "targets": []}],
                              measures=[{**BRAND, "plans": [reading]}]))
    assert result.children == ()


def test_a_child_target_beside_the_parent_target_of_its_metric_and_year() -> None:
    [city] = coverage(_record()).children
    [pair] = city.targets  # the 2022 target has no parent target of that year
    assert (pair.year, pair.parent.value, pair.child.value, pair.share) == (2025, 300, 60, 0.2)
    assert pair.measure is not None and pair.measure.key == "task/p1"
    assert pair.task is not None and pair.task.key == "task/c1"
    assert pair.metric_score >= 0.5


def test_targets_of_other_units_years_or_metrics_are_not_compared() -> None:
    parent = [(_target("t/1", "高新技术企业", 2025, 500, "家"), None)]
    assert comparisons(parent, [(_target("t/2", "高新技术企业", 2025, 10, "%"), None)], {}) == ()
    assert comparisons(parent, [(_target("t/3", "高新技术企业", None, 10, "家"), None)], {}) == ()
    assert comparisons(parent, [(_target("t/4", "顾客满意度", 2025, 80, "家"), None)], {}) == ()
    [same] = comparisons(parent, [(_target("t/5", "培育高新技术企业", 2025, 50, "家"), None)], {})
    assert same.share == 0.1 and same.measure is None and same.task is None
