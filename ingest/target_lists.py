"""Targets written as lists: ``分别`` lists and qualitative goal ladders.

* A ``分别`` list (``城市、农村生活污水处理率分别稳定在96%、70%以上``) gives one
  target per value; the subject is split item by item and the items borrow the
  shared head noun; a qualifier written after the last value holds for every
  value, and a change verb (``分别压缩至…``) leaves the qualifier to that word.
* A goal ladder (``到2025年,A,到2030年,B``) gives one qualitative target per rung.

Used by :mod:`ingest.targets`; pure functions over normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest import patterns_targets as p
from ingest.numbers import parse_number
from ingest.target_context import (
    Deadline,
    Sentence,
    TargetHit,
    clause_start,
    clean_metric,
    quota_year,
    split_coordinated,
    unknown_year_at,
    year_at,
)
from ontology.model import Qualifier

VERB_QUALIFIER = {verb: Qualifier(q) for verb, q in p.QUALIFIER_VERBS.items()}
POST_QUALIFIER = {word: Qualifier(q) for word, q in p.QUALIFIER_WORDS_AFTER.items()}
_LADDER_MAX = 30


@dataclass(frozen=True)
class ListGroup:
    """A ``分别`` list: its span, the verb's qualifier, and (value, unit, word after)."""

    start: int
    end: int
    qualifier: Qualifier | None
    items: tuple[tuple[int | float, str | None, str | None], ...]


def respectively_groups(text: str, s: int, e: int) -> list[ListGroup]:
    """The ``分别[verb]V1、V2[以上]`` lists of a sentence (two values or more)."""
    groups: list[ListGroup] = []
    for m in p.RESPECTIVELY.finditer(text, s, e):
        pos = m.end()
        verb = p.RESPECTIVELY_VERB.match(text, pos, e)
        qualifier = VERB_QUALIFIER[verb["verb"]] if verb and verb["verb"] else None
        pos = verb.end() if verb else pos
        items: list[tuple[int | float, str | None, str | None]] = []
        end = pos
        while True:
            item = p.LIST_VALUE.match(text, pos, e)
            if not item:
                break
            value = parse_number(item["num"])
            if value is None:
                break
            items.append((value, item["unit"], item["post"]))
            end = item.end()
            sep = p.VALUE_LIST_SEPARATOR.match(text, end, e)
            if not sep:
                break
            pos = sep.end()
        if len(items) >= 2 and items[-1][1]:
            groups.append(ListGroup(m.start(), end, qualifier, tuple(items)))
    return groups


def group_hits(
    text: str, sent: Sentence, group: ListGroup, deadlines: list[Deadline], carried: int | None,
    prev_end: int,
) -> list[TargetHit]:
    """One target per value of a ``分别`` list; the subject is split item by item."""
    start, end, verb_qualifier, items = group.start, group.end, group.qualifier, group.items
    s, e = sent.start, sent.end
    first = clause_start(text, s, start, deadlines, prev_end)
    subject, metric_start = clean_metric(text, first, start)
    clause_end = p.CLAUSE_BOUNDARY.search(text, end, e)
    if p.PAST_MARKER.search(text[first:clause_end.start() if clause_end else e]):
        return []
    year, dated = year_at(text, start, (s, first), deadlines, carried)
    year = quota_year(text, s, start, deadlines, year, subject)
    trailing = items[-1][2]
    shared = POST_QUALIFIER[trailing] if trailing else verb_qualifier
    periodic = bool(p.PERIODIC_QUOTA.search(subject))
    if not subject or (year is None and not periodic and not unknown_year_at(start, deadlines)
                       and not standing(text, sent, shared, items[-1][1], dated)):
        return []
    inherits = year is None and not periodic
    metrics = split_coordinated(subject, len(items)) or [subject] * len(items)
    hits = []
    unit: str | None = None
    for (value, item_unit, post), metric in reversed(list(zip(items, metrics, strict=True))):
        unit = item_unit or unit
        word = post or trailing
        qualifier = POST_QUALIFIER[word] if word else verb_qualifier
        hits.append(TargetHit(metric_start, end, s, e, year, metric, value, unit, qualifier,
                              inherits))
    return hits[::-1]


def ladder(text: str, sent: Sentence, deadlines: list[Deadline]) -> list[TargetHit]:
    """Qualitative goals of a goal ladder (``到2025年,A,到2030年,B``), else []."""
    if len(deadlines) < 2:
        return []
    s, e = sent.start, sent.end
    hits = []
    for i, d in enumerate(deadlines):
        skip = p.LEADING_COMMAS.match(text, d.end, e)
        start = skip.end() if skip else d.end
        stop = p.CLAUSE_BOUNDARY.search(text, start, e)
        end = stop.start() if stop else e
        if i + 1 < len(deadlines):
            if not p.LADDER_JOINER.fullmatch(text, end, deadlines[i + 1].start):
                return []
        elif stop and p.CLAUSE_GOES_ON.match(stop.group()):
            return []
        tail = p.APPOSITION_TAIL.search(text, start, end)
        end = tail.start() if tail else end
        clause = text[start:end].strip()
        if not 2 <= len(clause) <= _LADDER_MAX or p.DIGIT.search(clause):
            return []
        hits.append(TargetHit(start, end, s, e, d.year, clause, None, None, None))
    return hits


def planned_quantity(text: str, sent: Sentence, clause_start: int, value_start: int,
                     unit: str, dated: bool) -> bool:
    """Whether a value with no year and no qualifier is still a target: a quantity that a
    verb of doing governs in the same clause (``招引数字经济项目30个``), in a sentence that
    is not dated, not a headline, not about money given or rules, and not a report."""
    if dated or sent.headline or not p.ACTION_UNIT.search(unit):
        return False
    clause = text[clause_start:value_start]
    # 建设机电井7座、农桥5座: the verb of the clause governs every 、-joined quantity of it
    reach = max(text.rfind(ch, sent.start, value_start) for ch in ",，;；:：")
    verb = p.ACTION_VERB.search(text, max(reach + 1, sent.start), value_start)
    if verb is not None and p.WEAK_ACTION_VERB.fullmatch(verb.group()):
        value = p.VALUE_UNIT.match(text, value_start)
        ends = value is not None and p.PHRASE_END.match(text, value.end())
        if not ends:
            verb = None  # 实施三江干流、8条主要支流治理…: the number counts projects
    if verb is None or p.NOT_ACTION.search(clause) or p.ENUMERATION_COUNT.search(clause):
        return False
    if unit.endswith(p.MONEY_SUFFIX) and not p.INVEST_VERB.search(clause):
        return False
    words = p.QUOTED.sub("", text[sent.start:sent.end])
    return not any(pat.search(words) for pat in (p.NOT_STANDING, p.PAST_MARKER, p.REPORTED,
                                                 p.REPORT_PERIOD))


def yearly_quantity(text: str, sent: Sentence, clause_start: int, value_start: int,
                    dated: bool, follows: bool) -> bool:
    """Whether a value with no year and no qualifier is a target of a one-year work list:
    its clause opens with the year's frame (``全年接待游客140万人次``, ``实现全年…``), states
    a rate of change (``同比增长1%``, ``较上年增长15%``, a plan's figure, not a statistic
    here), or follows a target of the same sentence (``…,旅游综合收入6.8亿元``); never in a
    dated, headline or reporting sentence (``前三季度…同比增长8%``), nor about money given
    or rules."""
    if dated or sent.headline:
        return False
    words = p.QUOTED.sub("", text[sent.start:sent.end])
    if any(pat.search(words) for pat in (p.NOT_STANDING, p.PAST_MARKER, p.REPORT_PERIOD)):
        return False
    clause = text[clause_start:value_start]
    if p.NOT_ACTION.search(clause) or p.ENUMERATION_COUNT.search(clause):
        return False
    return bool(follows or p.YEAR_FRAME.match(clause) or p.AIM_OPENS.match(clause)
                or p.RATE_OF_CHANGE.search(clause))


def standing(text: str, sent: Sentence, qualifier: Qualifier | None, unit: str | None,
             dated: bool, aimed: bool = False) -> bool:
    """Whether a value with no deadline and no quota is a standing target: an
    explicit qualifier (or, ``aimed``, an aim word opening its clause: 力争…870万吨), not
    dated, not a headline, and nothing in the sentence (quoted names aside) about
    subsidies, loans, eligibility, past results or year-on-year statistics; a money
    ceiling is a limit on support, not a target."""
    if dated or sent.headline or (qualifier is None and not aimed):
        return False
    if qualifier in (Qualifier.WITHIN, Qualifier.BELOW) and (unit or "").endswith(p.MONEY_SUFFIX):
        return False
    words = p.QUOTED.sub("", text[sent.start:sent.end])
    # 比上年增长4.5%以上 is a target; 同比增长6% (no 以上/左右) reports a statistic
    reported = p.REPORTED.search(words) and qualifier not in (Qualifier.AT_LEAST, Qualifier.ABOUT)
    return not reported and not any(pat.search(words) for pat in (p.NOT_STANDING, p.PAST_MARKER))
