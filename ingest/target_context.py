"""Sentences, deadlines and coordinated phrases: the context of targets and funding.

Shared by :mod:`ingest.targets` and :mod:`ingest.funding`.  Pure functions over
normalised Simplified-Chinese text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest import patterns_targets as p
from ingest.numbers import five_year_plan_end, parse_cn_numeral

_HEADING_MAX = 30
_SHORT_ITEM = 4  # a coordinated item this short borrows the first item's modifier


@dataclass(frozen=True)
class Sentence:
    """A sentence span, whether it opens its line and is a heading, and the
    nesting level of the line's number marker (``(二)`` → 2) when it opens one."""

    start: int
    end: int
    opens_line: bool
    heading: bool
    level: int | None = None


@dataclass(frozen=True)
class Deadline:
    """A deadline marker's span and the year it sets."""

    start: int
    end: int
    year: int


def iter_sentences(text: str) -> Iterator[Sentence]:
    """Sentences of ``text`` line by line; spans exclude surrounding whitespace.

    A sentence is a heading when its line is a top-level heading (``二、重点任务``)
    or a short line without punctuation, or when it starts with a top-level
    ordinal inside a run-together line (``… 三、主要内容 …``).
    """
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group().strip()
        if not stripped:
            continue
        line_heading = bool(p.TOP_HEADING.match(stripped)) or (
            len(stripped) <= _HEADING_MAX and not p.SENTENCE_PUNCTUATION.search(stripped)
        )
        level = next((lv for lv, pat in p.HEADING_LEVELS if pat.match(stripped)), None)
        first = True
        for m in p.SENTENCE.finditer(text, line.start(), line.end()):
            raw = m.group()
            start = m.start() + len(raw) - len(raw.lstrip())
            end = m.end() - (len(raw) - len(raw.rstrip()))
            if start >= end:
                continue
            heading = (line_heading and first) or bool(p.TOP_HEADING.match(text, start, end))
            yield Sentence(start, end, first, heading, level if first else None)
            first = False


def split_coordinated(phrase: str, count: int) -> list[str] | None:
    """Split ``A、B`` / ``A和B`` into ``count`` items that share a head or modifier.

    ``主要农产品和食品合格率`` → ``[主要农产品合格率, 食品合格率]``;
    ``新获得市长质量奖的组织和个人`` → ``[…的组织, 新获得市长质量奖的个人]``.
    Returns None when the phrase does not have ``count`` items.
    """
    parts: list[str] = []
    for splitter in (p.ENUMERATION_COMMA, p.COORDINATION):
        parts = [x.strip() for x in splitter.split(phrase)]
        if len(parts) == count and all(parts):
            break
    else:
        return None
    first, last = parts[0], parts[-1]
    out = []
    for i, part in enumerate(parts):
        if i < count - 1:
            part = _borrow_head(part, last)
        mark = p.ATTRIBUTIVE
        if i > 0 and mark in first and mark not in part and len(part) <= _SHORT_ITEM:
            part = first[: first.rindex(mark) + 1] + part
        out.append(part)
    return out


def _borrow_head(item: str, last: str) -> str:
    """Give ``item`` the head noun that only the last coordinated item writes.

    The head starts after the longest end of ``item`` found in ``last``
    (``生产性服务业`` in ``生活性服务业顾客满意度`` → ``顾客满意度``); failing that,
    the modifiers are taken as parallel and equally long (``城镇、农村居民收入`` →
    ``城镇居民收入``), which misreads modifiers of unequal length (``蔬菜和水产品…``).
    """
    if p.MEASURE_END.search(item):
        return item
    for k in range(len(item), 0, -1):
        pos = last.find(item[-k:])
        if pos >= 0 and pos + k < len(last):
            return item + last[pos + k:]
    if len(last) > len(item):
        return item + last[len(item):]
    return item


def find_deadlines(text: str, start: int = 0, end: int | None = None) -> list[Deadline]:
    """Deadline markers in ``text[start:end]``, in order.

    ``到2025年`` → 2025, ``2022年底前`` → 2022, ``到“十四五”末`` → 2025.
    Markers inside 《》 titles are ignored.
    """
    end = len(text) if end is None else end
    titles = [(m.start(), m.end()) for m in p.TITLE.finditer(text, start, end)]
    found: list[tuple[int, int, int]] = []
    for pattern in (p.DEADLINE_TO, p.DEADLINE_BEFORE, p.DEADLINE_FROM, p.DEADLINE_AIM):
        for m in pattern.finditer(text, start, end):
            found.append((m.start(), m.end(), int(m.group("year"))))
    for m in p.FIVE_YEAR_PLAN_END.finditer(text, start, end):
        ordinal = parse_cn_numeral(m.group("ordinal")) or 0
        found.append((m.start(), m.end(), five_year_plan_end(ordinal)))
    result: list[Deadline] = []
    for a, b, year in sorted(found, key=lambda d: (d[0], -d[1])):
        inside = any(x <= a < y for x, y in titles)
        if not inside and (not result or a >= result[-1].end):
            result.append(Deadline(a, b, year))
    return result
