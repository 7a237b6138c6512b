"""The measures an interpretation lists (``提出X，…；提出Y，…``), on snippets written for the test."""

from __future__ import annotations

import pytest

from ingest.pipeline import extract
from ingest.proposed_measures import CLAUSE_END, HEAD_END, PROPOSES, find_proposals

LIST = ("三是打下基础。围绕品牌建设，提出构建品牌体系，强化品牌的系统性；提出打造标准体系，引领品牌的规范性；"
        "提出做好宣传推广，确保品牌的传播力。")


@pytest.mark.parametrize(("pattern", "text", "matches"), [
    (PROPOSES, "；提出打造标准体系，引领…", True),
    (PROPOSES, "围绕品牌建设，提出构建品牌体系", True),
    (PROPOSES, "提出了到2025年的目标", False),
    (PROPOSES, "按照省政府提出的要求", False),
    (PROPOSES, "已提出申请", False),
    (CLAUSE_END, "层次性；提出打造", True),
    (HEAD_END, "构建品牌体系，强化", True),
])
def test_patterns(pattern, text, matches):
    assert bool(pattern.search(text)) is matches


def _titles(text: str) -> list[str]:
    return [p.title(text) for p in find_proposals(text)]


def test_a_run_of_three_proposals_is_a_list_of_measures():
    assert _titles(LIST) == ["构建品牌体系", "打造标准体系", "做好宣传推广"]
    first = find_proposals(LIST)[0]
    assert LIST[first.clause_start:first.clause_end] == "围绕品牌建设，提出构建品牌体系，强化品牌的系统性"


def test_one_or_two_proposals_are_prose():
    assert _titles("二是做强增量。提出做优存量，做强增量。提出将品牌建设扩展至各领域。其他内容。") == []


def test_short_verb_phrases_joined_by_the_enumeration_comma_are_one_measure_each():
    text = ("提出加强组织领导，坚持统筹。提出强化政策支持、严格品牌监管，促进参与。"
            "提出加强权益保护，支持维权。")
    assert _titles(text) == ["加强组织领导", "强化政策支持", "严格品牌监管", "加强权益保护"]
    # a long head with 、 stays one measure
    text = ("提出加强组织领导，坚持统筹。提出将区域品牌建设由某一产业、某一领域扩展，促进参与。"
            "提出加强权益保护，支持。")
    assert _titles(text)[1] == "将区域品牌建设由某一产业、某一领域扩展"


def test_a_clause_without_a_proposal_ends_the_run():
    text = "提出构建品牌体系，强化。提出打造标准体系，引领。另有说明。提出做好宣传推广，确保。"
    assert _titles(text) == []


def test_an_interpretation_without_numbered_tasks_yields_the_measures_as_tasks():
    text = ("部门解读|《关于推动品牌建设若干措施》\n"
            "近日，省政府印发《关于推动品牌建设若干措施》，现解读如下。\n一、主要内容\n" + LIST + "\n")
    extraction = extract("interpretation.txt", text)
    assert extraction.document.kind is not None and extraction.document.kind.value == "interpretation"
    tasks = [(t.id, t.section, t.title) for t in extraction.tasks]
    # numbered in order inside the innermost part that lists them: the 三是 heading
    assert tasks == [("三.1", "打下基础", "构建品牌体系"), ("三.2", "打下基础", "打造标准体系"),
                     ("三.3", "打下基础", "做好宣传推广")]
    evidence = extraction.tasks[1].evidence
    assert evidence is not None
    assert evidence.sentence == "提出打造标准体系，引领品牌的规范性"
    assert text[evidence.start:evidence.end] == "打造标准体系"


def test_a_plan_that_proposes_is_not_read_as_an_interpretation():
    text = ("关于推动品牌建设的实施方案\n一、主要内容\n" + LIST + "\n")
    assert extract("plan.txt", text).tasks == ()
