"""List announcements: the programme their title names, given to the enterprises listed."""

from __future__ import annotations

from ingest.pipeline import extract
from ingest.recognitions import announced
from ontology.model import Brand, BrandKind, DocumentMeta, Enterprise
from ontology.model import Recognition as R

META = DocumentMeta(issuer="某某省商务厅")
LAOZIHAO = Brand(name="中华老字号", kind=BrandKind.PROGRAMME)


def test_a_list_title_naming_a_programme_gives_batch_year_and_issuer() -> None:
    assert announced("2023年第三批“中华老字号”拟推荐名单", META, [LAOZIHAO]) == R(
        programme="中华老字号", batch=3, year=2023, agency="某某省商务厅")


def test_an_award_written_with_its_place_matches_a_title_without_it() -> None:
    award = Brand(name="黄石市第八届市长质量奖", kind=BrandKind.AWARD)
    found = announced("关于颁发第八届市长质量奖的决定", META, [award])
    assert found is not None and found.programme == "黄石市第八届市长质量奖"


def test_no_list_word_no_programme_or_a_plain_brand_gives_nothing() -> None:
    assert announced("关于加快老字号发展的实施意见", META, [LAOZIHAO]) is None
    assert announced("第三批“中华老字号”拟推荐名单", META, []) is None
    assert announced("“德州扒鸡”入选名单", META, [Brand(name="德州扒鸡")]) is None


def test_the_enterprises_of_an_announcement_are_recognised_in_it() -> None:
    text = ("第二批“中华老字号”认定名单\n"
            "经审核，现将认定名单公布如下：\n"
            "1.某某市一品斋食品有限公司\n2.某某市老酱园酿造有限公司\n")
    extraction = extract("list.txt", text)
    firms: tuple[Enterprise, ...] = extraction.enterprises
    assert len(firms) == 2
    assert all(f.recognitions and f.recognitions[0].programme == "中华老字号"
               and f.recognitions[0].batch == 2 for f in firms)
