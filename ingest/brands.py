"""Find brands, brand programmes, awards and certifications in normalised text.

The extractor is rule-based and pure.  It reads three kinds of evidence:

* quoted names in brand context: brand vocabulary right after the quotation or the
  quoted list (``“泉水人家”区域公用品牌``, ``“泰山品质”认证``, ``“甲”“乙”等本土老品牌``,
  ``“甲”“乙”获评农产品地理标志``), a brand-making verb right before it
  (``打造“国际消费中心城市”``, ``打响“济南品牌”``), or an exemplar frame in a paragraph
  about products (``以“甲”“乙”为重点``);
* quoted names that describe themselves: province labels (``“鲁字号”``), awards
  (``“鲁班奖”``), product titles (``“江西名牌农产品”``) and brand programmes
  (``“高原食品牌”``);
* names without quotes, read by :mod:`ingest.brands_unquoted`: awards (``中国质量奖``,
  ``江州市市长质量奖``, ``“省长杯”工业设计奖``), regional programmes
  (``山东省高端品牌培育企业``), regional certifications (``浙江制造认证``), and
  designations created in quotes (``创建“全国质量强市示范城市”``).

A quoted name is rejected when it is a numbered set, a clause, or ends in the head of
a non-brand category (campaigns, enterprise classes, talent titles, zones, slogans);
see :data:`ingest.patterns_brands.NON_BRAND_HEADS`.  Nothing inside ``《…》`` counts.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from ingest import patterns_brands as P
from ingest.brands_unquoted import unquoted_names
from ontology.model import BrandKind

__all__ = ["BrandHit", "find_brands"]

# When one name is seen with several kinds, the most specific wins.
_KIND_RANK = {
    BrandKind.BRAND: 0,
    BrandKind.PROGRAMME: 1,
    BrandKind.CERTIFICATION: 2,
    BrandKind.AWARD: 3,
}


@dataclass(frozen=True, slots=True)
class BrandHit:
    """One distinct brand name with the span of its first mention.

    ``text[start:end]`` is the name as written (for an award with a quoted prefix
    the quotes are part of the span; their style is normalised to ``“…”`` in ``name``).
    ``sentence_start``/``sentence_end`` delimit the sentence of that mention.
    """

    name: str
    kind: BrandKind
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class _Quote:
    """A quotation: ``start`` is the opening mark, ``end`` is past the closing mark."""

    start: int
    end: int
    inner: str


@dataclass(frozen=True, slots=True)
class _Mention:
    """One mention of a name, before mentions of the same name are merged."""

    name: str
    kind: BrandKind
    start: int
    end: int


def find_brands(text: str) -> list[BrandHit]:
    """Return the distinct brands of ``text``, ordered by first mention.

    Each hit carries the span and sentence of the name's first mention and the most
    specific kind any mention gave it (award > certification > programme > brand), so
    ``“甲”品牌 … “甲”认证`` gives one certification.

    >>> [h.name for h in find_brands("打造“泉水人家”区域公用品牌,争创中国质量奖。")]
    ['泉水人家', '中国质量奖']
    """
    titles = [(m.start(), m.end()) for m in P.BOOK_TITLE.finditer(text)]
    ends = [m.start() for m in P.SENTENCE_END.finditer(text)]
    mentions = [
        m
        for m in (*_quoted_mentions(text, titles, ends), *_unquoted_mentions(text))
        if not _inside(m.start, m.end, titles)
    ]
    first: dict[str, _Mention] = {}
    kinds: dict[str, BrandKind] = {}
    for m in _outermost(mentions):
        first.setdefault(m.name, m)
        if _KIND_RANK[m.kind] > _KIND_RANK[kinds.get(m.name, BrandKind.BRAND)]:
            kinds[m.name] = m.kind
    hits = []
    awards = [n for n, m in first.items() if kinds.get(n, m.kind) is BrandKind.AWARD]
    for name, m in first.items():
        kind = kinds.get(name, m.kind)
        if kind is BrandKind.AWARD and any(a != name and _names_more(a, name) for a in awards):
            continue  # 第八届市长质量奖 in a title is the 黄石市第八届市长质量奖 the text names
        s_start, s_end = _sentence(ends, m.start, len(text))
        hits.append(BrandHit(name, kind, m.start, m.end, s_start, s_end))
    return hits


def _names_more(longer: str, award: str) -> bool:
    """Whether ``longer`` is ``award`` with more of its title written: its place
    (``黄石市第八届市长质量奖`` for ``第八届市长质量奖``), also between an edition and the rest
    (``第六届荆门市市长质量奖`` for ``第六届市长质量奖``)."""
    if longer.endswith(award):
        return True
    edition = P.AWARD_EDITION_START.match(award)
    if edition is None:
        return False
    return longer.startswith(edition.group()) and longer.endswith(award[edition.end():])


# --- quoted names ------------------------------------------------------------------


def _quoted_mentions(
    text: str, titles: list[tuple[int, int]], ends: list[int]
) -> Iterator[_Mention]:
    """Mentions read from quotations and the words around them."""
    for run in _runs(text, _quotes(text, titles)):
        before = text[max(0, run[0].start - P.LEAD_WINDOW) : run[0].start]
        led = _led(text, before, run, ends)
        created = bool(P.CREATE_LEAD.search(before))
        exemplar = _exemplar(text, before, run)
        run_tail = P.BRAND_TAIL.match(text, run[-1].end)
        for quote in run:
            award = P.AWARD_AFTER_QUOTE.match(text, quote.end)
            if award and _is_name(quote.inner):
                name = f"“{quote.inner}”{award.group()}"
                yield _Mention(name, BrandKind.AWARD, quote.start, award.end())
                continue
            tail = P.BRAND_TAIL.match(text, quote.end) or run_tail
            for name, start in _parts(quote):
                kind = _title_kind(text, name) or _quoted_kind(
                    name, tail, led=led, created=created
                )
                if kind is None and exemplar and _is_exemplar(name):
                    kind = BrandKind.BRAND
                end = start + len(name)
                edition = (P.AWARD_EDITION.search(text, max(0, quote.start - 16), quote.start)
                           if kind is BrandKind.AWARD and start == quote.start + 1 else None)
                if edition:
                    # 第五届“福州市政府质量奖”: the award as written, edition included
                    name, start = text[edition.start():quote.start] + name, edition.start()
                if kind is not None:
                    yield _Mention(name, kind, start, end)


def _quoted_kind(
    name: str, tail: re.Match[str] | None, *, led: bool, created: bool
) -> BrandKind | None:
    """The kind of a quoted name in its context, or ``None`` if it is no brand."""
    if P.PROVINCE_LABEL.match(name):
        return BrandKind.BRAND
    if not _is_name(name):
        return None
    if P.AWARD_NAME.search(name):
        return BrandKind.AWARD
    if P.DESIGNATION_NAME.match(name):
        return BrandKind.CERTIFICATION
    if P.REGIONAL_LABEL.match(name):
        return BrandKind.PROGRAMME
    if P.PROGRAMME_NAME.search(name) and (tail or led or created):
        return BrandKind.PROGRAMME
    if created and P.QUALITY_VOCABULARY.search(name) and not P.NON_BRAND_HEAD.search(name):
        return BrandKind.PROGRAMME
    if P.NON_BRAND_HEAD.search(name) or P.GENERIC_TITLE.fullmatch(name):
        return None
    if P.PRODUCT_TITLE_NAME.search(name):
        return BrandKind.AWARD
    if P.SELF_BRAND_NAME.search(name):
        return BrandKind.PROGRAMME
    if tail:
        if tail.group("head") in P.CERTIFICATION_HEADS:
            return BrandKind.CERTIFICATION
        return BrandKind.BRAND
    return BrandKind.BRAND if led else None


def _title_kind(text: str, name: str) -> BrandKind | None:
    """The kind of a quoted name that is a title or certification in full, else ``None``.

    ``“中华老字号”``/``“吉林老字号”`` are old-brand titles (awards); ``“湾区认证”`` is a
    certification.  Neither needs brand context: the name says what it is.
    """
    if not _is_name(name):
        return None
    title = P.OLD_BRAND_TITLE.match(name)
    if title and _is_region(text, title.group("place")):
        return BrandKind.AWARD
    cert = P.CERTIFICATION_NAME.match(name)
    if (
        cert
        and cert.group("prefix") not in P.GENERIC_CERTIFICATION_PREFIXES
        and cert.group("prefix") not in P.GENERIC_NAMES
        and not P.GENERIC_TITLE.fullmatch(cert.group("prefix"))
    ):
        return BrandKind.CERTIFICATION
    return None


def _is_region(text: str, place: str) -> bool:
    """Whether ``place`` is 中华, a province, or a place the text names with its level."""
    return bool(P.TITLE_REGIONS.match(place)) or any(
        place + level in text for level in P.PLACE_LEVELS
    )


def _exemplar(text: str, before: str, run: list[_Quote]) -> bool:
    """Whether ``run`` is framed as an industry's exemplars (``以“甲”“乙”为重点``).

    The paragraph must speak of products or industries, and one name of the run must
    begin with a place the text names (``江口`` of ``江口县``).
    """
    if not P.EXEMPLAR_LEAD.search(before) or not P.EXEMPLAR_FOLLOW.match(text, run[-1].end):
        return False
    line_start = text.rfind("\n", 0, run[0].start) + 1
    line_end = text.find("\n", run[-1].end)
    if not P.INDUSTRY_WORD.search(text, line_start, line_end if line_end >= 0 else len(text)):
        return False
    # Products are named after their place (江口红 in a text about 江口县); slogans are not.
    return any(
        quote.inner[:k] + level in text
        for quote in run
        for k in P.PLACE_PREFIX_LENGTHS
        if len(quote.inner) > k
        for level in P.PLACE_LEVELS
    )


def _is_exemplar(name: str) -> bool:
    """Whether an exemplar reads as a product name (long enough, no action, no category)."""
    return (
        _is_name(name)
        and len(name) >= P.MIN_EXEMPLAR_LENGTH
        and not P.ACTION_CHARS.search(name)
        and not P.NON_BRAND_HEAD.search(name)
        and not P.GENERIC_TITLE.fullmatch(name)
    )


def _led(text: str, before: str, run: list[_Quote], ends: list[int]) -> bool:
    """Whether a brand-making verb leads the quoted list ``run``."""
    if P.FOLLOWER_STOP.match(text, run[-1].end):
        return False
    if P.STRONG_LEAD.search(before) or P.TITLE_LEAD.search(before):
        return True
    if not P.WEAK_LEAD.search(before):
        return False
    start, end = _sentence(ends, run[0].start, len(text))
    return bool(P.BRAND_WORD.search(text, start, end))


def _is_name(inner: str) -> bool:
    """Whether a quoted text can be a name at all (not a clause or a numbered set)."""
    return (
        len(inner) >= 2
        and inner not in P.GENERIC_NAMES
        and bool(P.HAN_CHAR.search(inner))
        and not P.CLAUSE_PUNCTUATION.search(P.YEAR_SPAN.sub("", inner))
        and not any(c in P.QUOTE_CHARS for c in inner)
        and not P.NUMBERED_SET.match(inner)
    )


def _quotes(text: str, titles: list[tuple[int, int]]) -> list[_Quote]:
    """All quotations outside document titles, in text order."""
    found = {
        (m.start(), m.end(), m.group("inner").strip())
        for regex in P.QUOTES
        for m in regex.finditer(text)
        if not _inside(m.start(), m.end(), titles)
    }
    return [_Quote(s, e, inner) for s, e, inner in sorted(found)]


def _runs(text: str, quotes: list[_Quote]) -> Iterator[list[_Quote]]:
    """Group quotations that form one list (``“甲”“乙”``, ``“甲”、“乙”``)."""
    run: list[_Quote] = []
    for quote in quotes:
        if (
            run
            and quote.start >= run[-1].end
            and P.RUN_SEPARATOR.fullmatch(text, run[-1].end, quote.start)
        ):
            run.append(quote)
            continue
        if run:
            yield run
        run = [quote]
    if run:
        yield run


def _parts(quote: _Quote) -> Iterator[tuple[str, int]]:
    """The names in a quotation with their offsets; ``甲·乙`` gives both parts."""
    offset = quote.start + 1
    raw = quote.inner
    cursor = 0
    for piece in P.NAME_JOINER.split(raw):
        at = raw.index(piece, cursor)
        cursor = at + len(piece)
        name = piece.strip()
        if name:
            yield name, offset + at + piece.index(name)


# --- unquoted names ----------------------------------------------------------------


def _unquoted_mentions(text: str) -> Iterator[_Mention]:
    """Named awards, regional programmes and certifications, which need no quotes."""
    for n in unquoted_names(text):
        yield _Mention(n.name, n.kind, n.start, n.end)


# --- helpers -----------------------------------------------------------------------


def _outermost(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions in text order, without those nested in a longer one.

    ``“中国质量奖提名奖”`` is one award; the ``中国质量奖`` inside it is not a second.
    """
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.end <= kept[-1].end and m.name != kept[-1].name:
            continue
        kept.append(m)
    return kept


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` lies within one of ``spans`` (sorted by start)."""
    i = bisect.bisect_right(spans, (start, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _sentence(ends: list[int], pos: int, size: int) -> tuple[int, int]:
    """The sentence around ``pos``: after the previous terminator, through the next."""
    i = bisect.bisect_left(ends, pos)
    start = ends[i - 1] + 1 if i > 0 else 0
    end = ends[i] + 1 if i < len(ends) else size
    return start, end
