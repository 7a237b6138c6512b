"""Quantitative targets in normalised Simplified-Chinese plan text.

A target is a value with a unit that a plan promises by a deadline year
(``到2025年,新增省长质量奖1家以上``) or as a yearly quota
(``每年培育星级上云企业50家``, year None).  :func:`find_targets` returns spans;
the pipeline attaches them to tasks and builds :class:`ontology.model.Target`.

Rules, in the order the extractor applies them:

* **Year.**  A deadline (``到2025年``, ``2022年底前``, ``“十四五”末``, a plain
  year with an aim word opening the sentence ``2024年,力争…`` …, see
  ``patterns_targets``) holds for the rest of its sentence.  A paragraph that
  opens with one (``到2025年,…。`` followed by ``——…`` goal paragraphs) carries
  it to the following paragraphs; a deadline in the middle of a paragraph holds
  for its own sentence only (the next sentence states its own aim).  A top-level
  heading (``二、``, ``第三章``) or a short line without punctuation (a news
  report's sub-heading) ends every carried year.  A row of a task table takes
  the year of its deadline cell (``| 2024年6月底前``).
* **Value.**  A number with a unit from the units table; Chinese numerals only
  in composite form (see :func:`ingest.numbers.is_quantity_numeral`) or in
  ``进入前N``.  Not targets: numbers in 《》, “”, 〔〕; ordinals (``第1位``);
  names (``50强``); counts of the text (``19项重点任务``); thresholds (``15万元以下``,
  ``超过1亿元的企业…``); money tied to a giving verb (that is funding); and any
  clause reporting a result (``获评``, ``已有``, ``截至``); caps on money
  (``最高50万元``); values inside a ``对…的`` phrase (who is meant).
* **No year.**  A value without a deadline is kept as a recurring quota
  (``每年``, ``每季度``: year None) or as a *standing* target: an explicit
  qualifier (``确保办结率达到100%``, ``压缩在3个工作日以内``) in a clause that is
  not dated (``2023年,…``), not a headline and not about subsidies or
  eligibility (``给予``, ``补助``, ``申报`` …).
* **Headlines.**  A target in a headline (a line with no full stop and no
  closing punctuation) that repeats a target of the body is dropped.
* **Qualifier.**  ``以上``/``左右``/``以内`` written after the number win over a
  verb before it; otherwise the verb decides: 达到/达 → 达到, 超过/超 → 超过,
  突破, 稳定在/保持在 → 稳定在, 不低于/不少于 → 不低于, 不超过/不高于/控制在 → 以内;
  ``N余家`` → 以上; ``进入(全国)前N位`` → 进入前.  ``以下`` after a lowering verb
  (降至, 控制在) → 以内.  力争 is never a qualifier; 增加/新增 stay in the metric.
* **Metric.**  The clause before the value, from the last ``,;:`` boundary, the
  deadline or the previous target (after its ``、``/``和``), with the qualifier
  verb and leading modals (力争, 其中 …) removed; words after the value up to the
  next boundary are appended (``全市认定60家以上市级众创空间`` → ``全市认定市级众创空间``).
  A ``分别`` list is split item by item, the items borrowing the shared head
  noun (``主要农产品和食品合格率`` → ``主要农产品合格率``, ``食品合格率``).
* **Qualitative goals.**  Kept only as a *goal ladder*: a sentence with two or
  more deadlines, each followed by exactly one short clause without a number
  (``到2025年,竞争力位居全国区域品牌前列,到2030年,成为…区域品牌``).  A single
  dated clause, or a dated run of several clauses (``到2025年,全市形成一批…品牌,
  全面提升…``), is a general aim and is not recorded: wrong targets cost as much
  as missed ones.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest import patterns_targets as p
from ingest.funding import amount_spans
from ingest.numbers import is_quantity_numeral, parse_number, split_magnitude
from ingest.target_context import (
    Deadline,
    Sentence,
    TargetHit,
    clause_start,
    clean_metric,
    find_deadlines,
    iter_sentences,
    quota_year,
    split_coordinated,
    unknown_year_at,
    year_at,
)
from ingest.target_lists import (
    POST_QUALIFIER,
    VERB_QUALIFIER,
    ListGroup,
    group_hits,
    ladder,
    planned_quantity,
    respectively_groups,
    standing,
    yearly_quantity,
)
from ontology.model import Qualifier

__all__ = ["TargetHit", "find_targets"]

_INLINE_HEADING_MAX = 12  # a numbered sentence this short is an inline heading


def find_targets(text: str, cells: Sequence[tuple[int, int]] = (),
                 yearly: Sequence[tuple[int, int]] = (),
                 this_year: int | None = None) -> list[TargetHit]:
    """All targets of ``text`` (normalised Simplified Chinese), in text order.

    ``cells`` are the spans of tables whose cells stand on lines of their own: such a
    line is a cell, not a headline.  ``yearly`` are the spans of a one-year work list (a
    plan or a table whose year is known), where a year's quantities need no qualifier
    (:func:`ingest.target_lists.yearly_quantity`).  ``this_year`` is the year the text is
    written in, which ``今年`` names.  Deterministic and free of I/O; see the module
    docstring for the rules.
    """
    names = [(m.start(), m.end()) for m in p.NAME_REGION.finditer(text)]
    name_starts = [a for a, _ in names]
    hits: list[TargetHit] = []
    headline_hits: list[TargetHit] = []
    doc_year: int | None = None
    section_level: int | None = None
    carry_level: int | None = None
    after_inline_heading = False
    listed = False  # the carried year is a goal list's, whose goals may stand on short lines
    for sent in iter_sentences(text):
        if sent.headline and any(a <= sent.start < b for a, b in cells):
            sent = dataclasses.replace(sent, headline=False)
        # a goal paragraph may follow its numbered heading on the same line
        opens_paragraph = sent.opens_line or after_inline_heading
        after_inline_heading = (sent.opens_line and sent.level is not None
                                and sent.end - sent.start <= _INLINE_HEADING_MAX)
        if sent.opens_line and sent.level is not None:
            if carry_level is not None and sent.level <= carry_level:
                doc_year = None  # a sibling or higher section ends the carried year
            section_level = sent.level
        if sent.heading and not (listed and _list_line(text, sent)):
            doc_year = None
        deadlines = find_deadlines(text, sent.start, sent.end, this_year)
        carried = sent.row_year if sent.row_year is not None else doc_year
        in_year = any(a <= sent.start < b for a, b in yearly)
        found = _sentence_targets(text, sent, deadlines, carried, names, name_starts, in_year)
        (headline_hits if sent.headline else hits).extend(found)
        last = deadlines[-1] if deadlines else None
        label_ends = bool(last and last.labels_list and not text[last.end:sent.end].strip())
        if last and ((opens_paragraph and last.carries
                      and p.DEADLINE_OPENER.match(text[sent.start:deadlines[0].start]))
                     or label_ends):
            doc_year = last.year
            carry_level = section_level if sent.level is None else sent.level
            listed = label_ends
        elif doc_year is None:
            listed = False
    body = {(h.year, h.value, h.unit) for h in hits}
    hits.extend(h for h in headline_hits if (h.year, h.value, h.unit) not in body)
    return sorted(hits, key=lambda h: (h.start, h.end))


def _list_line(text: str, sent: Sentence) -> bool:
    """Whether a short line is a goal of a list rather than a heading: it states a value
    (``地区生产总值增长6%左右``) and opens no numbered part."""
    return (not p.TOP_HEADING.match(text, sent.start, sent.end)
            and p.VALUE_UNIT.search(text, sent.start, sent.end) is not None)


def _in_names(pos: int, names: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and names[i][0] <= pos < names[i][1]


@dataclass(frozen=True)
class _Item:
    """One value found in a sentence before its metric is built."""

    start: int
    end: int
    value: int | float
    unit: str | None
    qualifier: Qualifier | None
    #: The low end of a range (``8—10个``): a second target with the same metric.
    low: int | float | None = None


def _sentence_targets(
    text: str, sent: Sentence, deadlines: list[Deadline], carried: int | None,
    names: list[tuple[int, int]], name_starts: list[int], in_year: bool = False,
) -> list[TargetHit]:
    s, e = sent.start, sent.end
    funded = amount_spans(text, s, e)
    groups = respectively_groups(text, s, e)
    taken = [(g.start, g.end) for g in groups]
    events: list[_Item | ListGroup] = list(groups)
    for m in p.TOP_N.finditer(text, s, e):
        value = parse_number(m.group("num"))
        if value is not None and not _in_names(m.start(), names, name_starts):
            unit = m.group("unit") or p.TOP_N_DEFAULT_UNIT
            events.append(_Item(m.start(), m.end(), value, unit, Qualifier.TOP_N))
            taken.append((m.start(), m.end()))
    for m in p.INDEX_VALUE.finditer(text, s, e):
        value = parse_number(m.group("num"))
        if value is not None and not _in_names(m.start(), names, name_starts):
            post = m.group("post")
            qualifier = POST_QUALIFIER[post] if post else VERB_QUALIFIER.get(
                m.group("verb"), Qualifier.REACH)
            events.append(_Item(m.start("num"), m.end(), value, None, qualifier))
    for m in p.VALUE_UNIT.finditer(text, s, e):
        if any(a <= m.start() < b for a, b in taken + funded):
            continue
        item = _value_item(text, m, s, names, name_starts)
        if item is not None:
            events.append(item)
    hits: list[TargetHit] = []
    prev_end = s
    for event in sorted(events, key=lambda ev: (ev.start, isinstance(ev, _Item))):
        if isinstance(event, _Item):
            last_metric = hits[-1].metric if hits else ""
            hit = _single_hit(text, sent, event, deadlines, carried, prev_end, last_metric,
                              in_year, follows=bool(hits))
            found = _each(text, hit, event.start) if hit else []
            if event.low is not None:
                found = [h for one in found for h in (dataclasses.replace(one, value=event.low),
                                                      one)]
        else:
            found = group_hits(text, sent, event, deadlines, carried, prev_end)
        if found:
            hits.extend(found)
            prev_end = max(h.end for h in found)
    if not hits:
        hits.extend(ladder(text, sent, deadlines))
    return hits


def _value_item(
    text: str, m: re.Match[str], s: int, names: list[tuple[int, int]], name_starts: list[int],
) -> _Item | None:
    """Check a number+unit match and read its value and qualifier, or None."""
    token, unit = split_magnitude(m.group("num"), m.group("unit"))
    if not is_quantity_numeral(token) or _in_names(m.start(), names, name_starts):
        return None
    if p.ORDINAL_BEFORE.search(text, max(s, m.start() - 2), m.start()):
        return None
    after = text[m.end("unit"):m.end("unit") + 8]
    if p.NAME_AFTER_VALUE.match(after) or p.TEXT_COUNT_NOUN.match(after) \
            or p.SESSION_ORDINAL.match(text, m.end("unit") - 1):
        return None
    cut = p.CUT_AFTER_UNIT.match(text, m.end())
    if cut and (cut.group("rest") or unit in p.BARE_MAGNITUDES):
        return None  # the page was cut inside the unit (616亿…, 420亿立方…): unknown
    before = text[max(s, m.start() - 8):m.start()]
    if p.CAP_BEFORE.search(before) or p.RATE_BASIS.search(text, max(s, m.start() - 24), m.start()):
        return None  # a cap on money given (最高50万元) or a subsidy rate, not a target
    verb = p.PRE_QUALIFIER.search(before)
    post = m.group("post")
    qualifier: Qualifier | None
    if post == p.BELOW:
        if not (p.DOWN_TO.search(before) or (verb and VERB_QUALIFIER[verb["verb"]]
                                             == Qualifier.WITHIN)):
            return None
        qualifier = Qualifier.BELOW
    elif post:
        qualifier = POST_QUALIFIER[post]
    elif m.group("approx"):
        qualifier = Qualifier.AT_LEAST
    else:
        qualifier = VERB_QUALIFIER[verb["verb"]] if verb else None
    clause_rest = p.CLAUSE_BOUNDARY.split(text[m.end():m.end() + 40], maxsplit=1)[0]
    if clause_rest.startswith(p.ATTRIBUTIVE) and not p.WORK_DONE_BEFORE.search(before) and (
        post in p.THRESHOLD_WORDS_AFTER or p.THRESHOLD_VERB.search(before)
        or p.VALUE_UNIT.search(clause_rest)
    ):
        return None  # a threshold that qualifies a noun (revenue above N, the firms)
    value = parse_number(token)
    if value is None:
        return None
    low = p.RANGE_LOW.search(text, max(s, m.start() - 12), m.start())
    if low is not None and not post and not m.group("approx"):
        # 8—10个: both ends, the metric written before the range
        low_value = parse_number(low.group("low"))
        if low_value is not None and low_value < value:
            return _Item(low.start(), m.end(), value, unit, qualifier, low_value)
    return _Item(m.start(), m.end(), value, unit, qualifier)


def _each(text: str, hit: TargetHit, value_start: int) -> list[TargetHit]:
    """``A、B、C示范基地各10万亩``: one target per listed item, each with the shared value."""
    metric = hit.metric.rstrip("各").strip()
    if not p.EACH.search(text, max(0, value_start - 2), value_start) or "、" not in metric:
        return [dataclasses.replace(hit, metric=metric)]
    items = split_coordinated(metric, metric.count("、") + 1)
    if not items:
        return [dataclasses.replace(hit, metric=metric)]
    return [dataclasses.replace(hit, metric=item) for item in items]


def _single_hit(
    text: str, sent: Sentence, item: _Item, deadlines: list[Deadline], carried: int | None,
    prev_end: int, last_metric: str, in_year: bool = False, follows: bool = False,
) -> TargetHit | None:
    """A target for one value; a value with no words of its own in front of it
    (``到2030年,覆盖率达到25%;到2035年,达到30%``) repeats the previous metric.  In a
    one-year work list (``in_year``) a year's quantity needs no qualifier; ``follows``
    says a target of the same sentence comes before it."""
    s, e = sent.start, sent.end
    start = clause_start(text, s, item.start, deadlines, prev_end)
    if follows and start == prev_end and text.startswith("、", prev_end):
        # an indicator list enumerated by 、 (A增长5%、B同步、C500亿斤左右): an item with no
        # figure of its own is no part of the next item's metric
        start = max(start, text.rfind("、", start, item.start) + 1)
    clause_end = p.CLAUSE_BOUNDARY.search(text, item.end, e)
    end_of_clause = clause_end.start() if clause_end else e
    clause = text[start:end_of_clause]
    if p.PAST_MARKER.search(clause):
        return None
    if p.DUI_CLAUSE.match(text, start) and p.ATTRIBUTIVE in text[item.end:end_of_clause]:
        return None  # a value inside ``对…的`` describes who is meant
    year, dated = year_at(text, item.start, (s, start), deadlines, carried)
    metric, metric_start = clean_metric(text, start, item.start)
    year = quota_year(text, s, item.start, deadlines, year, metric)
    periodic = bool(p.PERIODIC_QUOTA.search(metric))
    # the aim word must open the value's own clause (力争A870万吨、B1600万吨: both items)
    seg = max((b.end() for b in p.CLAUSE_BOUNDARY.finditer(text, s, item.start)), default=s)
    # (a figure in digits with a unit of its own: not 十四届, not a cut 420亿)
    aimed = bool(p.AIM_OPENS.match(text, seg) and re.search(r"\d", text[item.start:item.end])
                 and item.unit and item.unit not in p.BARE_MAGNITUDES)
    if year is None and not periodic and not unknown_year_at(item.start, deadlines) \
            and not standing(
            text, sent, item.qualifier, item.unit, dated, aimed) and not (
            item.qualifier is None and planned_quantity(text, sent, start, item.start,
                                                         item.unit or "", dated)) and not (
            in_year and yearly_quantity(text, sent, start, item.start, dated, follows)):
        return None
    inherits = year is None and not periodic and not dated
    end = item.end
    if item.qualifier is not Qualifier.TOP_N:
        stop = p.POST_BOUNDARY.search(text, item.end, e)
        post_end = stop.start() if stop else e
        post_words = text[item.end:post_end].strip()
        if post_words:
            metric += post_words.removeprefix(p.ATTRIBUTIVE)
            end = post_end
    metric = metric or last_metric
    if not metric:
        return None
    return TargetHit(metric_start, end, s, e, year, metric, item.value, item.unit, item.qualifier,
                     inherits)



