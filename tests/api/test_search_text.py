"""Query text: Traditional → Simplified, question words, CJK bigrams, ranking (no server)."""

from __future__ import annotations

import pytest

from graph.embedded import EmbeddedRepository
from graph.property_graph import NodeRow, PropertyGraph, RelRow
from graph.repository import PageRequest
from graph.search import match, parse_query, rank_key, tokens
from ontology.model import NodeKind, RelKind


def test_tokens_are_cjk_bigrams_and_words() -> None:
    assert tokens("科技研发") == ["科技", "技研", "研发"]
    assert tokens("局") == ["局"]
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in "Standard")  # full-width letters
    assert tokens(f"ISO 9001 and the {full_width}") == ["iso", "9001", "standard"]
    assert tokens("(2020-2022年)") == ["2020", "2022", "年"]
    assert tokens("“好品山东”") == ["好品", "品山", "山东"]


@pytest.mark.parametrize(("raw", "terms"), [
    ("科技研發", ("科技", "技研", "研发")),
    ("哪个部门负责科技研发？", ("科技", "技研", "研发")),
    ("標準化", ("标准", "准化")),
    ("负责", ("负责",)),  # only question words: kept as typed
])
def test_parse_query(raw: str, terms: tuple[str, ...]) -> None:
    assert parse_query(raw).terms == terms


def test_lucene_query_quotes_every_term() -> None:
    assert parse_query('科技" OR *:* iso\\').lucene() == '"科技" OR "iso"'


def test_rank_key_puts_title_matches_first() -> None:
    query = parse_query("品牌建设")
    in_title = match(query, ["品牌"], [])
    in_text = match(query, ["其他"], ["品牌建设", "品牌建设"])
    assert in_title is not None and in_text is not None
    assert rank_key(in_title, "品牌", "b") < rank_key(in_text, "其他", "a")


def _graph() -> PropertyGraph:
    def task(key: str, title: str, sentence: str) -> list[NodeRow]:
        return [NodeRow(NodeKind.TASK, key, {"title": title}),
                NodeRow(NodeKind.EVIDENCE, f"evidence/{key}", {"sentence": sentence})]

    nodes = [*task("task/a", "推进标准化工作", "标准化"),
             *task("task/b", "加强质量管理", "质量标准化体系建设"),
             *task("task/c", "完善标准体系", "无关"),
             *task("task/d", "标准化与品牌", "标准化")]
    rels = [RelRow(RelKind.HAS_EVIDENCE, k, f"evidence/{k}") for k in
            ("task/a", "task/b", "task/c", "task/d")]
    return PropertyGraph(tuple(nodes), tuple(rels))


def test_ranking_on_a_small_graph() -> None:
    repo = EmbeddedRepository(_graph())
    page = repo.tasks("标准化", PageRequest(limit=10))
    order = [t.key for t in page.data]
    # whole phrase in the title (shorter title first), then one bigram in the title, then text
    assert order == ["task/d", "task/a", "task/c", "task/b"]
    assert page.count == 4
    assert page.data[-1].match is not None and page.data[-1].match.title == ()
