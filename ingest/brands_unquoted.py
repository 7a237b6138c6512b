"""Find the brand names that need no quotation marks: awards, programmes, certifications.

:mod:`ingest.brands` reads quoted names and merges every mention; this module reads
the names that describe themselves by their wording:

* named awards (``中国质量奖``, ``中国质量奖提名奖``, ``省长质量奖``), with the place of a
  local award kept (``获得江州市市长质量奖`` gives ``江州市市长质量奖``, never ``得江州…``);
* quality awards with a proper name in an award context
  (``争创中国质量奖和天府质量奖`` gives ``天府质量奖``);
* regional quality-brand programmes (``山东省高端品牌培育企业``);
* certifications named after a province's products (``浙江制造认证`` gives ``浙江制造``);
* geographical-indication products listed before ``等地理标志产品``
  (``支持当雄牦牛、尼木藏香等地理标志产品`` gives ``当雄牦牛`` and ``尼木藏香``);
* the items of a list closed as brands (``甲、乙、丙等茶叶品牌``, ``甲、乙两个核心品牌``);
* the items of a brand list a report names without quotes, entered into the list
  (``甲、乙等入选时代优品``) or introduced by ``包括`` (``43个区域品牌,包括甲醋、乙茶等``),
  where the words before speak of brands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest import patterns_brands as P
from ingest.numbers import parse_number
from ingest.regions import gazetteer
from ingest.segment import cued_sentences
from ontology.model import BrandKind

__all__ = ["UnquotedName", "unquoted_names"]

_HAN = re.compile(rf"[{P.HAN}]")


@dataclass(frozen=True, slots=True)
class UnquotedName:
    """One mention of a self-describing name; ``text[start:end] == name``."""

    name: str
    kind: BrandKind
    start: int
    end: int


def unquoted_names(text: str) -> Iterator[UnquotedName]:
    """Yield every award, programme and certification named without quotes, in pattern order.

    >>> [n.name for n in unquoted_names("对获得河州市政府质量奖的企业,争创天府质量奖。")]
    ['河州市政府质量奖', '天府质量奖']
    """
    for m in P.AWARD.finditer(text):
        if P.AWARD_PART_OF.match(text, m.end()):
            continue  # 市长质量奖评审委员会: a committee, not the award
        start = _place_start(text, m.start(), m.group())
        yield UnquotedName(text[start : m.end()], BrandKind.AWARD, start, m.end())
    for m in P.NAMED_QUALITY_AWARD.finditer(text):
        if m.group("prefix") in P.GENERIC_AWARD_PREFIXES or not _award_context(text, m.start()):
            continue
        yield UnquotedName(m.group("name"), BrandKind.AWARD, m.start("name"), m.end("name"))
    for m in P.PROGRAMME.finditer(text):
        yield UnquotedName(m.group(), BrandKind.PROGRAMME, m.start(), m.end())
    for m in P.REGIONAL_CERTIFICATION.finditer(text):
        name = m.group("name")
        yield UnquotedName(name, BrandKind.CERTIFICATION, m.start("name"), m.end("name"))
    for m in P.GI_LIST.finditer(text):
        yield from _gi_items(text, m)
    for m in (m for a, b in cued_sentences(text, P.BRAND_CLOSED_CUE)
              for m in P.BRAND_CLOSED_LIST.finditer(text, a, b)):
        items = m.group("items").split("、")
        if any(P.NOT_LISTED_BRAND.search(item) for item in items[1:]):
            continue
        marks = _counted_marks(text, m, items)
        if marks is not None:
            yield from marks
            continue
        names = list(_gi_items(text, m))
        if len(names) >= len(items) - 1 and len(names) >= 2:
            # only the first item may go (its start unknown); a list with other items that
            # are no product names (家电、家具、机械装备等…品牌) is one of classes
            yield from names
    for m in P.BRAND_LIST.finditer(text):
        yield from _listed_brands(text, m)
    for m in (m for a, b in cued_sentences(text, P.COUNTED_CUE)
              for m in P.COUNTED_LIST.finditer(text, a, b)):
        yield from _counted_brands(text, m)
    for m in P.BRANDS_ARE_LIST.finditer(text):
        counts = _counts(text, max(0, m.start() - P.BRAND_COUNT_SPAN), m.start())
        if not counts or len(m.group("items").split("、")) in counts:
            yield from _named_items(m)  # 这4个品牌是: only with four of them
    for m in P.SENTENCE_COUNTED_LIST.finditer(text):
        sentence = max(text.rfind(stop, 0, m.start()) for stop in "。\n") + 1
        if P.BRAND_LIST_CUE.search(text, sentence, m.start()) \
                and len(m.group("items").split("、")) in _counts(text, sentence, m.start()):
            yield from _named_items(m)
    for m in P.REGISTERED_MARK.finditer(text):
        yield UnquotedName(m.group("mark"), BrandKind.BRAND, m.start("mark"), m.end("mark"))
    for m in P.BRAND_CATALOGUE_END.finditer(text):
        placed = _catalogue_place(text, m.start())
        if placed is not None:
            yield UnquotedName(text[placed:m.end()], BrandKind.PROGRAMME, placed, m.end())
    for m in P.DESIGNATION_UNQUOTED.finditer(text):
        yield UnquotedName(m.group(), BrandKind.CERTIFICATION, m.start(), m.end())
    for m in P.OLD_BRAND_WORD.finditer(text):
        placed = _title_place(text, m.start())
        if placed is not None:
            yield UnquotedName(text[placed:m.end()], BrandKind.AWARD, placed, m.end())


def _counts(text: str, start: int, end: int) -> list[int | float | None]:
    """The counts of items (``11个``) written in ``text[start:end]``."""
    return [parse_number(c) for c in P.ITEM_COUNT.findall(text, start, end)]


def _named_items(m: re.Match[str]) -> Iterator[UnquotedName]:
    """Every item of a list that states brands, when every one reads as a product's name
    (not a firm, place, class or category): all or none."""
    items = m.group("items").split("、")
    if any(P.NOT_LISTED_BRAND.search(item) or item in P.PRODUCT_CLASSES
           or not _is_gi_name(item, P.STATED_BRAND_LENGTH) for item in items):
        return
    offset = m.start("items")
    for item in items:
        yield UnquotedName(item, BrandKind.BRAND, offset, offset + len(item))
        offset += len(item) + 1


def _catalogue_place(text: str, end: int) -> int | None:
    """Where a named catalogue of brands starts: at 中国 or a division's name a few words
    before ``品牌目录`` (``中国农业品牌目录``), the farthest that fits; None without a place."""
    places = gazetteer()
    floor = max(0, end - P.BRAND_CATALOGUE_SPAN)
    for start in range(floor, end):
        if not all(_HAN.match(ch) for ch in text[start:end]):
            continue
        head = text[start:start + 4]
        if head.startswith("中国") or any(head[:n] in places.forms or head[:n] in P.PROVINCES
                                          for n in (4, 3, 2)):
            return start
    return None


def _title_place(text: str, end: int) -> int | None:
    """Where the place before a 老字号 title starts (中华, a province, a division's name),
    the longest that fits; None when no place stands there (老字号 alone is generic)."""
    places = gazetteer()
    for length in (4, 3, 2):
        place = text[max(0, end - length):end]
        if len(place) == length and (place in ("中华", *P.PROVINCES) or place in places.forms):
            return end - length
    return None


def _gi_items(text: str, m: re.Match[str]) -> Iterator[UnquotedName]:
    """The product names of an unquoted ``、`` list before ``等地理标志产品``.

    The first item may carry the verb that leads the list (``支持当雄牦牛``); the verb is
    cut off, and a first item whose start cannot be told (a longer run of characters
    before it, no verb) is dropped rather than guessed.
    """
    placed = _placed_items(m)
    bare_limit = max([P.GI_BARE_FIRST_LENGTH, *(len(item) for item, _ in placed[1:])])
    for index, (item, start) in enumerate(placed):
        if index == 0:
            cut = _lead_cut(item, glued=start > 0 and bool(_HAN.match(text[start - 1])))
            if cut is None or (cut == 0 and len(item) > bare_limit):
                continue
            item, start = item[cut:], start + cut
        if _is_gi_name(item) and item not in P.PRODUCT_CLASSES:
            yield UnquotedName(item, BrandKind.BRAND, start, start + len(item))


def _listed_brands(text: str, m: re.Match[str]) -> Iterator[UnquotedName]:
    """The items of an unquoted list that a report of a brand list enters into it
    (``甲、乙等入选时代优品``), when the words before it speak of brands."""
    if m.group("lead"):
        # 包括 opens many lists: the sentence itself must say it lists brands
        sentence_start = max(text.rfind(mark, 0, m.start()) for mark in "。\n") + 1
        if not P.BRAND_LIST_CUE.search(text, sentence_start, m.start()):
            return
    elif not P.BRAND_LIST_CUE.search(text, max(0, m.start() - P.BRAND_LIST_CONTEXT),
                                     m.start()) or P.PERSON_TITLE_AFTER.match(text, m.end() + 2):
        return  # no brand word before, or persons entered into a title (等入选劳动模范)
    sentence = max(text.rfind(stop, 0, m.start()) for stop in "。\n;；") + 1
    if P.COUNTED_HOUSES.search(text, sentence, m.start()):
        return  # N家 … 包括甲、乙: the houses counted, enterprises rather than brands
    items = m.group("items").split("、")
    if any(P.NOT_LISTED_BRAND.search(item) or item in P.GENERIC_NAMES
           or P.NON_BRAND_HEAD.search(item) for item in items):
        return  # a list of firms, places or categories, not of brands
    offset = m.start("items")
    for item in items:
        yield UnquotedName(item, BrandKind.BRAND, offset, offset + len(item))
        offset += len(item) + 1


def _counted_marks(text: str, m: re.Match[str], items: list[str]) -> list[UnquotedName] | None:
    """``甲记、乙花、丙林等3个品牌入选``: where the count after 等 matches the items (the first
    after a clause mark or with its lead words cut), each is a brand, two-character marks
    too; None when the list is not read so (the GI reading may still take it)."""
    if not m.group("counted") or parse_number(m.group("counted")) != len(items):
        return None
    placed = _placed_items(m)
    first, start = placed[0]
    # after 的 (来自某省的甲、乙…) a name starts: only other characters glue to it
    glued = start > 0 and bool(_HAN.match(text[start - 1])) and text[start - 1] != "的"
    cut = _lead_cut(first, glued=glued) if len(first) > 2 else 0
    if cut is None:
        return None
    marks = [(first[cut:], start + cut), *placed[1:]]
    if any(len(x) < 2 or x in P.GENERIC_NAMES or x in P.PRODUCT_CLASSES
           or P.NOT_LISTED_BRAND.search(x) or P.NON_BRAND_HEAD.search(x) for x, _ in marks):
        return None
    return [UnquotedName(mark, BrandKind.BRAND, at, at + len(mark)) for mark, at in marks]


def _placed_items(m: re.Match[str]) -> list[tuple[str, int]]:
    """The items of a match's ``、`` list with where each starts, without the space a page
    may leave after a ``、`` (``甲、 乙``)."""
    placed, offset = [], m.start("items")
    for item in m.group("items").split("、"):
        bare = item.lstrip()
        placed.append((bare, offset + len(item) - len(bare)))
        offset += len(item) + 1
    return placed


def _counted_brands(text: str, m: re.Match[str]) -> Iterator[UnquotedName]:
    """The items of ``N个,分别是A、B…`` when there are exactly N of them (or no more than N
    where the stored text stops inside the list: all but the last, which may be cut), they
    are counted as brands and every item reads as a product's name (not a firm, place or
    class)."""
    items = m.group("items").split("、")
    count = parse_number(m.group("count"))
    if P.TEXT_CUT.fullmatch(text, m.end()) and isinstance(count, int) and len(items) <= count:
        items = items[:-1]  # the storage limit cut the list: its last item may be cut too
    elif count != len(items):
        return
    sentence = max(text.rfind(stop, 0, m.start()) for stop in "。\n") + 1
    noun = m.group("noun")
    if not (P.BRAND_LIST_CUE.search(noun) if noun.strip()
            else P.BRAND_LIST_CUE.search(text, sentence, m.start())):
        return  # 三个重点分别为…: what is counted is no brand
    if any(P.NOT_LISTED_BRAND.search(item) or not _is_gi_name(item) for item in items):
        return
    offset = m.start("items")
    for item in items:
        yield UnquotedName(item, BrandKind.BRAND, offset, offset + len(item))
        offset += len(item) + 1


def _lead_cut(item: str, *, glued: bool) -> int | None:
    """How many leading characters of a list's first item are its lead verbs.

    ``支持当雄牦牛`` gives 2, ``重点做强当雄牦牛`` 4; ``当雄牦牛`` after a comma gives 0.  An
    item glued to the characters before it needs a verb to mark its start; ``None`` when
    no start can be told or what is left is no product name (``发展绿色食品``).
    """
    verbs = sorted(P.GI_LEAD_VERBS, key=len, reverse=True)
    cut = 0
    if glued:
        found = [item.rfind(v) + len(v) for v in verbs if item.rfind(v) >= 0]
        if not found:
            return None
        cut = max(found)
    while verb := next((v for v in verbs if item.startswith(v, cut)), None):
        cut += len(verb)
    return cut if _is_gi_name(item[cut:]) else None


def _is_gi_name(item: str, longest: int | None = None) -> bool:
    """Whether a list item reads as a product name, not a category or a measure; a list
    that says it names brands may hold longer ones (``longest``)."""
    shortest, usual = P.GI_NAME_LENGTHS
    return (
        shortest <= len(item) <= (longest or usual)
        and item not in P.GENERIC_NAMES
        and not P.GENERIC_TITLE.fullmatch(item)
        and not P.NON_BRAND_HEAD.search(item)
        and not P.NUMBERED_SET.match(item)
    )


def _place_start(text: str, start: int, award: str) -> int:
    """Where a local award begins once the place before it is included.

    ``市长质量奖`` after ``获得江州市`` begins at ``江``; a place is 2-4 characters ending in
    the award's level (``市`` for 市长 and 市政府) and is preceded by a word boundary, so
    neither ``得`` of ``获得`` nor ``全`` of ``全市`` is taken as part of it.
    """
    head = P.LOCAL_AWARD_HEAD.match(award)
    if head is None:
        return start
    edition = P.AWARD_EDITION.search(text, max(0, start - 16), start)
    if edition:
        # 黄石市第七届市长质量奖: the place stands before the edition.
        placed = _place_start(text, edition.start(), award)
        return placed if placed < edition.start() else start
    if head.group("level"):
        # 市长 needs the place with its level before it: 江州 + 市 + 市长.
        if start < 1 or text[start - 1] != head.group("level"):
            return start
        name_end = start - 1
    else:
        # 市政府 carries the level itself: 河州 + 市政府.
        name_end = start
    for length in P.PLACE_LENGTHS:
        place_start = name_end - length
        if place_start < 0:
            break
        place = text[place_start:name_end]
        if (
            not all(_HAN.match(c) for c in place)
            or place[0] in P.NOT_PLACE_START
            or any(c in P.PLACE_LEFT_BOUNDARY for c in place)
        ):
            break
        before = text[place_start - 1] if place_start > 0 else ""
        if not before or not _HAN.match(before) or before in P.PLACE_LEFT_BOUNDARY:
            return place_start
        edition = P.AWARD_EDITION.search(text, max(0, place_start - 16), place_start)
        if edition:
            # 2012年度广州市市长质量奖: the edition stands before the place.
            return edition.start()
    return start


def _award_context(text: str, start: int) -> bool:
    """Whether an award verb stands before ``start`` in the same clause."""
    window = text[max(0, start - P.AWARD_CONTEXT_WINDOW) : start]
    clause = re.split(r"[。;；!！?？\n]", window)[-1]
    return bool(P.AWARD_CONTEXT.search(clause))
