"""Identity keys: deterministic, URL-safe, and distinct where the domain says so."""

from __future__ import annotations

import re

import pytest
from rdflib import URIRef
from rdflib.term import _is_valid_uri

from ontology import identity as ident
from ontology.model import Agency, DocumentKind, DocumentMeta, Extraction, FundingPer, GovLevel
from ontology.vocab import ID

SAFE_KEY = re.compile(r"[a-z]+(/[A-Za-z0-9][A-Za-z0-9._-]*)+")


def all_kinds_of_key() -> list[str]:
    plan = ident.plan_key(DocumentMeta(title="济南市深入实施品牌战略三年行动计划"), "002.txt")
    task = ident.task_key(plan, "二.(一)")
    return [
        ident.region_key("济南市"),
        ident.agency_key("济南市", GovLevel.CITY, "市市场监管局"),
        ident.agency_key(None, None, "市市场监管局", scope=plan),
        ident.agency_key(None, None, "市市场监管局", scope=task),
        plan,
        ident.plan_key(
            DocumentMeta(region="德州市", kind=DocumentKind.IMPLEMENTATION_OPINION), "001.txt"
        ),
        ident.section_key(plan, "重点任务"),
        task,
        ident.target_key(task, "新增省长质量奖", 2025, 1),
        ident.target_key(plan, "每年培育星级上云企业", None, 50),
        ident.funding_key(plan, "新获得市长质量奖的组织", 50, "万元", FundingPer.ONCE),
        ident.brand_key("好品山东"),
        ident.source_key("002_74c2cbfde9540a99.txt"),
        ident.source_key("济南网 报道.txt"),
        ident.evidence_key("002_74c2cbfde9540a99.txt", 10, 42),
        ident.alignment_key(task, ident.task_key(plan, "三.1")),
        ident.alignment_key(ident.task_key(plan, "三.1"), task),
    ]


def test_keys_are_pinned() -> None:
    # A change here renames every node of every stored graph: change it on purpose only.
    assert ident.agency_key("济南市", GovLevel.CITY, "市市场监管局") == "agency/city-d8fccf295c8c"
    meta = DocumentMeta(title="济南市深入实施品牌战略三年行动计划(2020-2022年)")
    assert ident.plan_key(meta, "x.txt") == "plan/fea218d610d0"
    assert ident.evidence_key("002_jinan.txt", 10, 20) == "evidence/002_jinan.txt/10-20"
    assert ident.source_key("报道.txt") == "source/b8be49604581"


def test_an_alignment_is_the_ordered_pair_of_two_different_tasks() -> None:
    assert ident.alignment_key("task/a", "task/b") == ident.alignment_key("task/a", "task/b")
    assert ident.alignment_key("task/a", "task/b") != ident.alignment_key("task/b", "task/a")
    with pytest.raises(ValueError, match="two different tasks"):
        ident.alignment_key("task/a", "task/a")


def test_keys_are_stable_across_calls() -> None:
    assert all_kinds_of_key() == all_kinds_of_key()


def test_keys_are_url_safe_and_make_valid_iris() -> None:
    for key in all_kinds_of_key():
        assert SAFE_KEY.fullmatch(key), key
        assert key.isascii()
        iri = ident.iri(key)
        assert isinstance(iri, URIRef)
        assert str(iri) == f"{ID}{key}"
        assert _is_valid_uri(str(iri))


def test_keys_of_different_facts_differ() -> None:
    keys = all_kinds_of_key()
    assert len(set(keys)) == len(keys)


def test_same_named_agencies_of_two_cities_differ() -> None:
    jinan = ident.agency_key("济南市", GovLevel.CITY, "市市场监管局")
    dezhou = ident.agency_key("德州市", GovLevel.CITY, "市市场监管局")
    assert jinan != dezhou
    assert jinan == ident.agency_key("济南市", "city", "市市场监管局")


def test_agency_level_is_part_of_identity() -> None:
    city = ident.agency_key("济南市", GovLevel.CITY, "市场监管局")
    county = ident.agency_key("济南市", GovLevel.COUNTY, "市场监管局")
    assert city != county
    assert city.startswith("agency/city-")
    assert ident.agency_key("济南市", None, "市场监管局").startswith("agency/any-")


def test_agency_of_unknown_region_is_scoped_to_the_plan_that_names_it() -> None:
    one, other = "plan/aaaaaaaaaaaa", "plan/bbbbbbbbbbbb"
    first = ident.agency_key(None, GovLevel.CITY, "市市场监管局", scope=one)
    assert first != ident.agency_key(None, GovLevel.CITY, "市市场监管局", scope=other)
    assert first == ident.agency_key("", GovLevel.CITY, " 市市场监管局", scope=one)
    # a known region is the identity: the scope no longer matters
    jinan = ident.agency_key("济南市", GovLevel.CITY, "市市场监管局")
    assert jinan == ident.agency_key("济南市", GovLevel.CITY, "市市场监管局", scope=one)
    assert first != jinan


def test_agency_of_unknown_region_without_scope_is_refused() -> None:
    # the old key agency/any-… was shared by every document that did not name its region
    with pytest.raises(ValueError, match="no region"):
        ident.agency_key(None, None, "市市场监管局")


def test_width_and_spacing_do_not_change_identity() -> None:
    assert ident.agency_key("济南市", GovLevel.CITY, " 市市场监管局 ") == ident.agency_key(
        "济南市", GovLevel.CITY, "市市场监管局"
    )
    half = DocumentMeta(title="济南市深入实施品牌战略三年行动计划(2020-2022年)")
    full = DocumentMeta(title="《济南市深入实施品牌战略三年行动计划（2020-2022年）》")
    assert ident.plan_key(half, "a.txt") == ident.plan_key(full, "b.txt")


def test_untitled_plan_falls_back_to_region_kind_and_stem() -> None:
    meta = DocumentMeta(region="德州市", kind=DocumentKind.IMPLEMENTATION_OPINION)
    assert ident.plan_key(meta, "001_x.txt") == ident.plan_key(meta, "001_x")
    assert ident.plan_key(meta, "001_x.txt") != ident.plan_key(meta, "004_y.txt")
    other_region = meta.model_copy(update={"region": "济南市"})
    assert ident.plan_key(meta, "001_x.txt") != ident.plan_key(other_region, "001_x.txt")


def test_titled_plan_ignores_fallback_and_kind() -> None:
    a = DocumentMeta(title="关于共建共享“好品山东”推动高质量发展若干措施")
    b = a.model_copy(update={"kind": DocumentKind.MEASURES, "region": "山东省"})
    assert ident.plan_key(a, "000.txt") == ident.plan_key(b, "999.txt")


def test_target_value_is_compared_as_a_number() -> None:
    assert ident.target_key("task/x", "服务业顾客满意度", 2022, 85) == ident.target_key(
        "task/x", "服务业顾客满意度", 2022, 85.0
    )
    assert ident.target_key("task/x", "品牌价值总额", 2022, 6000) != ident.target_key(
        "task/x", "品牌价值总额", 2022, 2000
    )
    assert ident.target_key("task/x", "m", None, 1) != ident.target_key("task/x", "m", 2025, 1)


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (85, "85"), (85.0, "85"), (2.43, "2.43"), (0.5, "0.5"), (6000, "6000")],
)
def test_number_text(value: float | None, text: str) -> None:
    assert ident.number_text(value) == text


def test_evidence_key_is_readable() -> None:
    assert ident.evidence_key("002_jinan.txt", 5, 9) == "evidence/002_jinan.txt/5-9"
    assert ident.evidence_key("报道.txt", 5, 9).startswith("evidence/")


@pytest.mark.parametrize(
    "bad", ["", "plan", "plan/", "plan/济南", "plan/a b", "../x", "plan/..", "Plan/x"]
)
def test_iri_rejects_strings_that_are_not_keys(bad: str) -> None:
    with pytest.raises(ValueError, match="not a policygraph key"):
        ident.iri(bad)


def _extraction(source: str, title: str | None, duplicate_of: str | None = None) -> Extraction:
    meta = DocumentMeta(title=title, region="济南市", duplicate_of=duplicate_of)
    return Extraction(source=source, document=meta)


def test_duplicates_resolve_to_the_original_plan() -> None:
    original = _extraction("002_a.txt", None)
    copy = _extraction("003_b.txt", "Another title", duplicate_of="002_a")
    keys = ident.resolve_plan_keys([copy, original])
    assert keys["003_b.txt"] == keys["002_a.txt"] == ident.plan_key(original.document, "002_a.txt")


def test_duplicate_of_a_missing_source_keeps_its_own_plan() -> None:
    copy = _extraction("003_b.txt", "Title", duplicate_of="999_missing")
    assert ident.resolve_plan_keys([copy]) == {"003_b.txt": ident.plan_key(copy.document, "x")}


def test_duplicate_cycle_resolves_the_same_in_any_order() -> None:
    a = _extraction("a.txt", "A", duplicate_of="b")
    b = _extraction("b.txt", "B", duplicate_of="a.txt")
    forward, backward = ident.resolve_plan_keys([a, b]), ident.resolve_plan_keys([b, a])
    assert forward == backward
    assert forward["a.txt"] == forward["b.txt"]


def test_agency_identity_resolves_aliases_and_falls_back_to_the_document() -> None:
    meta = DocumentMeta(region="济南市", level=GovLevel.CITY)
    extraction = Extraction(
        source="s.txt",
        document=meta,
        agencies=(Agency(name="市市场监管局", aliases=("济南市市场监督管理局",)),),
    )
    expected = ("济南市", GovLevel.CITY, "市市场监管局", None)
    assert ident.agency_identity(extraction, "济南市市场监督管理局", "plan/p") == expected
    assert ident.agency_identity(extraction, "市财政局", "plan/p") == (
        "济南市", GovLevel.CITY, "市财政局", None)
    assert ident.agency_identity(extraction, extraction.agencies[0], "plan/p") == expected


def test_agency_identity_without_a_region_keeps_the_scope() -> None:
    extraction = Extraction(
        source="s.txt",
        document=DocumentMeta(title="某通知"),
        agencies=(Agency(name="市市场监管局", level=GovLevel.CITY),
                  Agency(name="市财政局", region="德州市")),
    )
    scoped = ident.agency_identity(extraction, "市市场监管局", "plan/p")
    assert scoped == (None, GovLevel.CITY, "市市场监管局", "plan/p")
    assert scoped.key == ident.agency_key(None, GovLevel.CITY, "市市场监管局", scope="plan/p")
    # an agency's own region wins over the document's silence
    assert ident.agency_identity(extraction, "市财政局", "plan/p") == ("德州市", None, "市财政局", None)
