"""Sentences, deadlines, clauses and coordinated phrases: the context of targets and funding.

Shared by :mod:`ingest.targets`, :mod:`ingest.target_lists` and :mod:`ingest.funding`.
Pure functions over normalised Simplified-Chinese text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest import patterns_targets as p
from ingest.numbers import five_year_plan_end, parse_cn_numeral
from ontology.model import Qualifier

_HEADING_MAX = 30
_OPENING_SPAN = 600  # how far into a document its opening goes (for the work year)
_GOAL_FIGURE_SPAN = 60  # how far into a sentence a plain year opens its goal figure stands
_SHORT_ITEM = 4  # a coordinated item this short borrows the first item's modifier
_PARALLEL_HEAD = 2  # parallel items share a head noun at least this long (研究生)


@dataclass(frozen=True)
class Sentence:
    """A sentence span, whether it opens its line and is a heading, and the
    nesting level of the line's number marker (``(二)`` → 2) when it opens one.

    ``headline`` marks a line with no full stop and no closing punctuation (a
    title or news headline, which restates the body); ``row_year`` is the year
    of the deadline cell when the line is a row of a text table."""

    start: int
    end: int
    opens_line: bool
    heading: bool
    level: int | None = None
    headline: bool = False
    row_year: int | None = None


@dataclass(frozen=True)
class TargetHit:
    """A target found in the text, with the span of its phrase and sentence."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    year: int | None
    metric: str
    value: float | int | None
    unit: str | None
    qualifier: Qualifier | None
    #: The text gives no year and the value is not a yearly quota: it takes the year of its
    #: context (a table row's deadline, a one-year plan), which the caller knows.
    inherits: bool = False


@dataclass(frozen=True)
class Deadline:
    """A deadline marker's span and the year it sets; ``carries`` is False for a
    plain year after a goal label (``主要目标:2023年,…``), a milestone that holds
    for its own sentence and is not carried to the paragraphs after it."""

    start: int
    end: int
    #: None for ``今年`` in a text that does not say when it was written: a deadline whose
    #: year is not known (its targets are targets, of no year).
    year: int | None
    carries: bool = True
    #: Whether the clause after the deadline starts a new metric (``到2025年,A达到…``); a
    #: month deadline inside a clause does not (``资金须于2017年6月底前下达60%``).
    cuts: bool = True
    #: Whether the marker is a goal list's label (``2024年主要预期目标是:``): when the label
    #: ends its line, the goals follow on the lines after it and take its year.
    labels_list: bool = False
    #: Where the deadline stops holding, when before its sentence's end: ``今年`` with an
    #: aim word dates its own clause up to the next ``;`` (``今年力争新增岗位18万个;计划
    #: 资助5000名…`` leaves the second quantity undated).
    until: int | None = None


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
        is_row = bool(p.TABLE_ROW.search(stripped))
        headline = (not is_row and p.FULL_STOP not in stripped
                    and not p.TERMINAL.search(stripped)
                    and not (line.end() >= len(text.rstrip()) and p.CUT_LINE.search(stripped)))
        row_year = _row_year(stripped) if is_row else None
        first = True
        for m in p.SENTENCE.finditer(text, line.start(), line.end()):
            raw = m.group()
            start = m.start() + len(raw) - len(raw.lstrip())
            end = m.end() - (len(raw) - len(raw.rstrip()))
            if start >= end:
                continue
            heading = (line_heading and first) or bool(p.TOP_HEADING.match(text, start, end))
            yield Sentence(start, end, first, heading, level if first else None,
                           headline, row_year)
            first = False


def _row_year(row: str) -> int | None:
    """The year of a table row's deadline cell (``2024年6月底前``), or None."""
    for cell in p.TABLE_CELL.split(row):
        m = p.TABLE_DEADLINE_CELL.fullmatch(cell)
        if m:
            return int(m.group("year"))
    return None


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
    shared_tail = _shared_tail(first, last)
    out = []
    for i, part in enumerate(parts):
        if i < count - 1:
            part = part + shared_tail if shared_tail else _borrow_head(part, last)
        mark = p.ATTRIBUTIVE
        if i > 0 and mark in first and mark not in part and len(part) <= _SHORT_ITEM:
            part = first[: first.rindex(mark) + 1] + part
        elif i > 0 and mark not in part and (cut := _parallel_cut(first, part)):
            part = first[:cut] + part
        if i > 0:
            part = _borrow_lead(part, first)
        out.append(part)
    return out


def _common_suffix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their end."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _parallel_cut(first: str, part: str) -> int:
    """Where ``first`` starts the words ``part`` replaces, when ``part`` is a
    parallel item (same head, ``_PARALLEL_HEAD`` characters or more) and the
    words before it in ``first`` are a shared ``的``-phrase or a shared verb:
    ``新认定的国家级龙头企业、自治区级龙头企业`` → ``新认定的``; ``主导或参与制修订
    国际标准、国家标准`` → ``主导或参与制修订``; 0 when there is none."""
    cut = len(first) - len(part)
    if _common_suffix(first, part) < _PARALLEL_HEAD:
        return 0
    mark = p.ATTRIBUTIVE
    if mark in first:
        return first.rindex(mark) + 1  # the whole 的-phrase, never part of a word
    lead = p.ACQUIRE_LEAD.match(first)
    return cut if cut > 0 and lead and lead.end() == cut else 0


def _shared_tail(first: str, last: str) -> str:
    """The ``的``-phrase that only the last item writes and every item shares:
    ``获得A奖、B奖的组织`` → ``的组织``; empty when the first item has its own."""
    mark = p.ATTRIBUTIVE
    if mark in first or mark not in last:
        return ""
    return last[last.rindex(mark):]


def _borrow_lead(part: str, first: str) -> str:
    """Give a later item the words only the first writes before the list:
    the verb of ``获得A奖、B奖的组织`` (→ ``获得B奖的组织``) or the frame of a value
    list ``首次突破10亿元、50亿元的企业`` (→ ``首次突破50亿元的企业``)."""
    if part[:1].isdigit():
        digit = p.DIGIT.search(first)
        if digit and digit.start() > 0:
            return first[: digit.start()] + part
        return part
    lead = p.ACQUIRE_LEAD.match(first)
    if lead and p.ATTRIBUTIVE in part and not p.ACQUIRE_LEAD.match(part):
        return lead.group() + part
    return part


def _borrow_head(item: str, last: str) -> str:
    """Give ``item`` the head noun that only the last coordinated item writes.

    The head starts after the longest end of ``item`` found in ``last``
    (``生产性服务业`` in ``生活性服务业顾客满意度`` → ``顾客满意度``); failing that,
    the modifiers are taken as parallel and equally long (``城镇、农村居民收入`` →
    ``城镇居民收入``), which misreads modifiers of unequal length (``蔬菜和水产品…``).
    """
    if p.MEASURE_END.search(item) or _common_suffix(item, last) >= _PARALLEL_HEAD:
        return item  # already names its measure, or writes the shared head itself
    for k in range(len(item), 0, -1):
        pos = last.find(item[-k:])
        if pos >= 0 and pos + k < len(last):
            return item + last[pos + k:]
    head = p.HEAD_NOUN.search(last)
    if head and head.start() > 0:
        return item + head.group()
    if len(last) > len(item):
        return item + last[len(item):]
    return item


def _goal_year(text: str, start: int, end: int, this_year: int | None) -> re.Match[str] | None:
    """A plain year that opens a sentence of goals: a figure with 以上/左右 follows early in
    it, nothing in it reports a year past, and the year is after the one the text is
    written in (``this_year``), or, where that is unknown, the sentence lists goals
    (two figures with 以上/左右 at least: ``2025年,地区生产总值达1.7万亿元以上,年均增长7%以上``)."""
    m = p.MILESTONE_YEAR.match(text, start, end)
    if m is None or p.YEAR_REPORT_WORDS.search(text, start, end) \
            or p.REPORT_PERIOD.search(text, start, end) \
            or not p.GOAL_FIGURE.search(text, m.end(), min(end, m.end() + _GOAL_FIGURE_SPAN)):
        return None
    if this_year is not None:
        return m if int(m.group("year")) > this_year else None
    return m if len(p.GOAL_FIGURE.findall(text, m.end(), end)) >= 2 else None


def _milestone(text: str, start: int, end: int,
               found: list[tuple[int, int, int | None, bool, bool]]) -> re.Match[str] | None:
    """A plain year opening the sentence before a later deadline of it: a milestone on the
    way (``2023年完成2家…;到2025年…``)."""
    m = p.MILESTONE_YEAR.match(text, start, end)
    if m is None or not any(a > m.end() and year is not None and year > int(m.group("year"))
                            for a, _, year, _, _ in found):
        return None
    return m


def find_deadlines(text: str, start: int = 0, end: int | None = None,
                   this_year: int | None = None) -> list[Deadline]:
    """Deadline markers in ``text[start:end]``, in order; ``start`` is taken as
    the start of a sentence, where a plain year followed by an aim word
    (``2024年,力争…``) is a deadline too, unless the sentence reports a result
    (``2023年,全市将12家企业列入…,目前已有…``).

    ``到2025年`` → 2025, ``2022年底前`` → 2022, ``到“十四五”末`` → 2025.  With
    ``this_year`` (the year the text is written in), ``今年`` with an aim word or a goal
    list's label is that year, ``明年`` the next.  Markers inside 《》 titles are ignored.
    """
    end = len(text) if end is None else end
    titles = [(m.start(), m.end()) for m in p.TITLE.finditer(text, start, end)]
    found: list[tuple[int, int, int | None, bool, bool]] = []
    lists: set[int] = set()
    scopes: dict[int, int] = {}
    for pattern in (p.DEADLINE_TO, p.DEADLINE_BEFORE, p.DEADLINE_FROM, p.DEADLINE_AIM,
                    p.DEADLINE_GOAL_LABEL, p.DEADLINE_MONTH, p.YEAR_GOAL_LIST):
        for m in pattern.finditer(text, start, end):
            carries = pattern not in (p.DEADLINE_GOAL_LABEL, p.DEADLINE_MONTH)
            found.append((m.start(), m.end(), int(m.group("year")), carries,
                          pattern is not p.DEADLINE_MONTH))
            if pattern is p.YEAR_GOAL_LIST:
                lists.add(m.start())
    for pattern in (p.RELATIVE_GOAL_LIST, p.RELATIVE_YEAR_AIM):
        for m in pattern.finditer(text, start, end):
            year = None if this_year is None else this_year + p.RELATIVE_YEARS[m.group("rel")]
            found.append((m.start(), m.end(), year, True, True))
            if pattern is p.RELATIVE_GOAL_LIST:
                lists.add(m.start())
            elif m.start() > start and (stop := p.SCOPE_BREAK.search(text, m.end(), end)):
                scopes[m.start()] = stop.start()
    bare = (p.DEADLINE_BARE_AIM.match(text, start, end) or _milestone(text, start, end, found)
            or _goal_year(text, start, end, this_year))
    if bare and not p.PAST_MARKER.search(text, start, end):
        found.append((bare.start("year"), bare.end(), int(bare.group("year")), True, True))
    for m in p.FIVE_YEAR_PLAN_END.finditer(text, start, end):
        ordinal = parse_cn_numeral(m.group("ordinal")) or 0
        found.append((m.start(), m.end(), five_year_plan_end(ordinal), True, True))
    result: list[Deadline] = []
    for a, b, year, carries, cuts in sorted(found, key=lambda d: (d[0], -d[1])):
        inside = any(x <= a < y for x, y in titles)
        if not inside and (not result or a >= result[-1].end):
            result.append(Deadline(a, b, year, carries, cuts, a in lists, scopes.get(a)))
    return result


def work_year(text: str) -> int | None:
    """The year of a work document: the year its opening says its tasks are for
    (``现就2013年《政府工作报告》确定的重点工作任务…``), else the one year its month
    deadlines name (``2017年3月底前…``, ``2017年6月底前…``) when no other deadline year
    differs.  Its undated targets are that year's."""
    opening = text[:_OPENING_SPAN]
    stated = {int(m.group("year")) for m in p.WORK_YEAR.finditer(opening)}
    if len(stated) == 1:
        return stated.pop()
    months = {int(m.group("year")) for m in p.DEADLINE_MONTH.finditer(text)}
    if len(months) != 1:
        return None
    horizons = {d.year for d in find_deadlines(text) if d.carries and d.year is not None}
    return months.pop() if horizons <= months else None


def this_year_plan(text: str) -> bool:
    """Whether the text opens with this year's goal list (``今年…主要预期目标是:``): a
    one-year plan or work report, whether or not it says which year."""
    return p.RELATIVE_GOAL_LIST.search(text, 0, _OPENING_SPAN) is not None


def unknown_year_at(pos: int, deadlines: list[Deadline]) -> bool:
    """Whether the deadline in force at ``pos`` is one whose year the text does not say
    (``今年…预期目标是:`` in a text of no known date): its values are targets of no year."""
    last = None
    for d in deadlines:
        if d.end <= pos:
            last = d
    return last is not None and last.year is None and (last.until is None or pos < last.until)


def clause_start(text: str, s: int, pos: int, deadlines: list[Deadline], prev_end: int) -> int:
    """Where the clause holding ``pos`` starts: after the last boundary, the last
    deadline before ``pos`` and the previous target (``prev_end``), not before ``s``."""
    start = max(s, prev_end)
    for b in p.CLAUSE_BOUNDARY.finditer(text, start, pos):
        start = b.end()
    for d in deadlines:
        if d.end <= pos and d.cuts:
            start = max(start, d.end)
    return start


def year_at(
    text: str, pos: int, starts: tuple[int, int], deadlines: list[Deadline], carried: int | None,
) -> tuple[int | None, bool]:
    """The deadline year in force at ``pos``, and whether the sentence or clause
    (``starts``) is led by a plain year (``2020年,…``): such a clause reports a
    past or baseline figure and is out of reach of a carried year."""
    dated = any(p.DATE_LEAD.match(text, a, pos) for a in starts)
    year = None if dated else carried
    for d in deadlines:
        if d.end <= pos:
            year, dated = (d.year, False) if d.until is None or pos < d.until else (carried, dated)
    return year, dated


def quota_year(text: str, s: int, pos: int, deadlines: list[Deadline], year: int | None,
               metric: str) -> int | None:
    """``year`` unless ``metric`` is a recurring quota (``每年…``) that a ``;``
    separates from the deadline in force: ``到2025年,A达到60%;每年开展培训3000人次``
    gives the quota no year (a yearly quota has none of its own)."""
    if year is None or not p.PERIODIC_QUOTA.search(metric):
        return year
    anchor = max((d.end for d in deadlines if d.end <= pos), default=s)
    return None if p.SCOPE_BREAK.search(text, anchor, pos) else year


def clean_metric(text: str, start: int, end: int) -> tuple[str, int]:
    """The words of ``text[start:end]`` that name what is counted, and where they
    start: modals, list markers, an actor with ``要将`` and the verb are dropped."""
    pre = text[start:end]
    verb = p.PRE_QUALIFIER.search(pre)
    if verb:
        pre = pre[: verb.start()]
    change = p.METRIC_CHANGE_TAIL.search(pre)
    if change:
        pre = pre[: change.start()]
    cut = 0
    while lead := p.METRIC_LEAD.match(pre[cut:]) or p.METRIC_DISPOSAL.match(pre[cut:]):
        if not lead.end():
            break
        cut += lead.end()
    return pre[cut:].strip(), start + cut
