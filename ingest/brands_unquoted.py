"""Find the brand names that need no quotation marks: awards, programmes, certifications.

:mod:`ingest.brands` reads quoted names and merges every mention; this module reads
the names that describe themselves by their wording:

* named awards (``中国质量奖``, ``中国质量奖提名奖``, ``省长质量奖``), with the place of a
  local award kept (``获得江州市市长质量奖`` gives ``江州市市长质量奖``, never ``得江州…``);
* quality awards with a proper name in an award context
  (``争创中国质量奖和天府质量奖`` gives ``天府质量奖``);
* regional quality-brand programmes (``山东省高端品牌培育企业``);
* certifications named after a province's products (``浙江制造认证`` gives ``浙江制造``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest import patterns_brands as P
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


def _place_start(text: str, start: int, award: str) -> int:
    """Where a local award begins once the place before it is included.

    ``市长质量奖`` after ``获得江州市`` begins at ``江``; a place is 2-4 characters ending in
    the award's level (``市`` for 市长 and 市政府) and is preceded by a word boundary, so
    neither ``得`` of ``获得`` nor ``全`` of ``全市`` is taken as part of it.
    """
    head = P.LOCAL_AWARD_HEAD.match(award)
    if head is None:
        return start
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
    return start


def _award_context(text: str, start: int) -> bool:
    """Whether an award verb stands before ``start`` in the same clause."""
    window = text[max(0, start - P.AWARD_CONTEXT_WINDOW) : start]
    clause = re.split(r"[。;；!！?？\n]", window)[-1]
    return bool(P.AWARD_CONTEXT.search(clause))
