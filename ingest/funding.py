"""Funding amounts in normalised Simplified-Chinese plan text.

Funding is money a plan gives or allocates: an amount in 元/万元/亿元 tied to a
giving or allocating verb (给予, 奖励, 补助, 补贴, 扶持, 拿出, 安排, 设立, 投入 …),
written right after the verb or after its modifiers (``给予一次性奖励10万元``,
``给予最高不超过30万元补助``), or as a cap clause after a subsidy rate
(``按…给予补助,最高不超过100万元``).  Amounts not tied to such a verb are
thresholds or targets (``月销售额15万元以下``, ``品牌价值总额超过6000亿元``) and
percentages are rates (``给予20%补贴``): neither is funding.

Recipient, first rule that applies:

1. the purpose of a budget: ``每年拿出150万元…用于品牌培育孵化、教育培训等`` →
   ``品牌培育孵化、教育培训等``;
2. ``对X`` in the clause before the verb: ``对新获得山东省优质产品基地的组织给予…``;
   with several amounts (``对…的组织和个人分别给予50万元、5万元``) X is split
   item by item;
3. the fund set up or budgeted, named right after the amount:
   ``设立2.43亿元推动工业强市发展专项引导资金`` → ``推动工业强市发展专项引导资金``;
4. a ``…的企业,`` clause right before the verb;
5. otherwise None.

``per`` is ``year`` when ``每年``/``每年度`` governs the verb's clause or ``/年``
follows the amount, else ``once``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import patterns_targets as p
from ingest.numbers import parse_number, split_magnitude
from ingest.target_context import Sentence, iter_sentences, split_coordinated
from ontology.model import FundingPer

_MAX_CLAUSES_TO_VERB = 2


@dataclass(frozen=True)
class FundingHit:
    """A funding amount found in the text, with its phrase and sentence spans."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    recipient: str | None
    amount: float | int
    unit: str
    per: FundingPer


def find_funding(text: str) -> list[FundingHit]:
    """All funding amounts of ``text`` (normalised Simplified Chinese), in text order.

    Deterministic and free of I/O; see the module docstring for the rules.
    """
    hits: list[FundingHit] = []
    for sent in iter_sentences(text):
        spans: list[tuple[int, int]] = []
        for pattern in (p.FUNDING_FUND_FIRST, p.FUNDING_GIVEN_TO):
            for m in pattern.finditer(text, sent.start, sent.end):
                hits.extend(_hits(text, sent, m, m.group("verb")))
                spans.append((m.start(), m.end()))
        spans.sort()
        for m in p.FUNDING_TRIGGER.finditer(text, sent.start, sent.end):
            if any(a <= m.start() < b for a, b in spans):
                continue
            hits.extend(_hits(text, sent, m, m.group("verb"), previous=spans[-1][1]
                              if spans and spans[-1][1] > sent.start else None))
            spans.append((m.start(), m.end()))
        for m in p.FUNDING_CAP.finditer(text, sent.start, sent.end):
            inside = any(a <= m.start() < b for a, b in spans)
            if not inside and p.FUNDING_VERB.search(text, sent.start, m.start()):
                hits.extend(_hits(text, sent, m, None))
    return sorted(hits, key=lambda h: (h.start, h.end))


def _amounts(group: str) -> list[tuple[int | float, str]]:
    amounts = []
    for item in p.MONEY_ITEM.finditer(group):
        token, unit = split_magnitude(item["num"], item["unit"])
        value = parse_number(token)
        if value is None or value == 0:
            return []
        amounts.append((value, unit))
    return amounts


def _recipient_dui(before: str) -> re.Match[str] | None:
    """The last ``对X`` clause before the verb, unless other money or more than
    one further clause (``对X,按…给予补助,最高…``) comes between."""
    found = None
    for m in p.RECIPIENT_DUI.finditer(before):
        found = m
    if found is None or p.FUNDING_TRIGGER.search(before, found.end()):
        return None
    between = len(p.CLAUSE_BOUNDARY.findall(before, found.end()))
    return found if between <= _MAX_CLAUSES_TO_VERB else None


def _hits(text: str, sent: Sentence, m: re.Match[str], verb: str | None,
          previous: int | None = None) -> list[FundingHit]:
    """The funding items of one trigger match (one per amount).  ``previous`` is
    where an earlier amount of the same sentence ended: ``…奖励50万元、省级企业
    一次性奖励20万元`` names the second recipient between the two."""
    amounts = _amounts(m.group("amounts"))
    if not amounts:
        return []
    s, e = sent.start, sent.end
    before = text[s:m.start()]
    clause_before = p.CLAUSE_BOUNDARY.split(before)[-1]
    per_year = bool(
        m.groupdict().get("per")
        or p.PER_YEAR.search(clause_before)
        or p.PER_YEAR_AFTER.match(text, m.end(), e)
    )
    per = FundingPer.YEAR if per_year else FundingPer.ONCE
    rest = text[m.end():e]
    recipients: list[str | None] = [None] * len(amounts)
    start, end = m.start(), m.end()
    purpose = p.PURPOSE.match(rest)
    dui = _recipient_dui(before)
    fund = p.FUND_NAME.match(rest) if verb in p.FUND_VERBS else None
    named_fund = m.groupdict().get("fund")
    given_to = m.groupdict().get("who")
    de = p.RECIPIENT_DE.search(before)
    after_previous = _between(text, previous, m.start())
    if named_fund:
        recipients = [named_fund.strip()] * len(amounts)
    elif after_previous:
        recipients = [after_previous] * len(amounts)
    elif given_to and dui:
        # ``对…的,给予X`` names the kind in the 对 clause and the receiver after 给予.
        who = dui["who"] + given_to if dui["who"].endswith("的") else dui["who"]
        recipients = [who] * len(amounts)
        start = s + dui.start("who") - 1
    elif given_to:
        recipients = [given_to] * len(amounts)
    elif purpose:
        recipients = [purpose["purpose"].strip()] * len(amounts)
        end = m.end() + purpose.end()
    elif dui and not p.FUNDING_TRIGGER.search(dui["who"]):
        who = p.RESPECTIVELY_TAIL.sub("", dui["who"]).strip()
        split = split_coordinated(who, len(amounts)) if len(amounts) > 1 else None
        recipients = list(split) if split else [who] * len(amounts)
        start = s + dui.start("who") - 1
    elif fund:
        recipients = [fund["fund"].strip()] * len(amounts)
        end = m.end() + fund.end()
    elif de and not p.FUNDING_TRIGGER.search(de["who"]):
        recipients = [de["who"].strip()] * len(amounts)
        start = s + de.start("who")
    return [
        FundingHit(start, end, s, e, _clean(who), value, unit, per)
        for (value, unit), who in zip(amounts, recipients, strict=True)
    ]


def _clean(recipient: str | None) -> str | None:
    if recipient is None:
        return None
    return p.RECIPIENT_TAIL.sub("", recipient.strip()) or None


def _between(text: str, previous: int | None, verb_at: int) -> str | None:
    """The recipient written between an earlier amount and this verb (after ``、``)."""
    if previous is None or verb_at <= previous:
        return None
    gap = text[previous:verb_at]
    match = re.match(r"^[、,，](?P<who>[^,，;；:：。\d]{2,30})$", gap)
    return _clean(match["who"]) if match else None
