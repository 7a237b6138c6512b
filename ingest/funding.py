"""Funding amounts in normalised Simplified-Chinese plan text.

Funding is money a plan gives or allocates: an amount in 元/万元/亿元 tied to a
giving or allocating verb (给予, 奖励, 补助, 补贴, 扶持, 拿出, 安排, 设立, 投入 …),
written right after the verb or after its modifiers (``给予一次性奖励10万元``,
``给予最高不超过30万元补助``), after the fund it sets up (``安排工作经费80万元``),
as a floor of a budget (``安排不低于2亿元的专项资金``), per item before the verb
(``按每件最高5000元给予补助``), or as a cap clause after a subsidy rate
(``按…给予补助,最高不超过100万元``, ``…,单个园区每年最高80万元``): a rate with
a cap is one item, the cap, and the cap is yearly when ``每年``/``年度`` counts it.
Amounts not tied to such a verb are thresholds or targets (``月销售额15万元以下``,
``品牌价值总额超过6000亿元``) and percentages are rates (``给予20%补贴``): neither is funding.

Recipient, first rule that applies (after a fund named between the verb and
the amount, ``安排茶产业发展专项资金3000万元``, and a receiver named after 给予,
``给予项目单位最高200万元``):

1. the purpose of a budget: ``每年拿出150万元…用于品牌培育孵化、教育培训等`` →
   ``品牌培育孵化、教育培训等``;
2. ``对X`` in the clause before the verb: ``对新获得山东省优质产品基地的组织给予…``;
   with several amounts (``对…的组织和个人分别给予50万元、5万元``) X is split
   item by item;
3. what a budget supports when it names no fund of its own (``安排800万元专项资金,
   重点支持…``, ``安排500万元,分批次发放…消费券``);
4. the fund set up or budgeted, named right after the amount:
   ``设立2.43亿元推动工业强市发展专项引导资金`` → ``推动工业强市发展专项引导资金``;
5. a ``…的企业,`` clause right before the verb;
6. a generic fund named before the amount (``安排专项经费200万元``);
7. otherwise None.

``per`` is ``year`` when ``每年``/``每年度`` governs the verb's clause, ``每年``/``年度``
counts a cap (``单个企业每年最高…``) or ``/年`` follows the amount, else ``once``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest import patterns_funding as p
from ingest import patterns_targets as pt
from ingest.numbers import parse_number, split_magnitude
from ingest.target_context import Sentence, iter_sentences, split_coordinated
from ingest.wrapped_lines import View, unwrap
from ontology.model import FundingPer

_MAX_CLAUSES_TO_VERB = 2
#: Forms tried before the plain trigger, which would read them only in part.
_FIRST_PASS = (p.FUNDING_FUND_FIRST, p.FUNDING_FUND_THEN_AMOUNT, p.FUNDING_BUDGET_FLOOR,
               p.FUNDING_GIVEN_TO, p.FUNDING_REWARD_WHO, p.FUNDING_PER_UNIT,
               p.FUNDING_RATE_PER_UNIT, p.FUNDING_STANDARD, p.FUNDING_SHARE)
#: Forms tried after the plain trigger, which reads its own amounts better.
_LAST_PASS = (p.FUNDING_GIVEN_TO_PLAIN,)


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

    Deterministic and free of I/O; see the module docstring for the rules.  A text copied
    from a PDF is read without its line wraps and number spacing (:func:`unwrap`), and
    the spans are given in ``text``.
    """
    view = unwrap(text)
    if view.unchanged:
        return _find_funding(text)
    return [_in_source(view, hit) for hit in _find_funding(view.text)]


def _in_source(view: View, hit: FundingHit) -> FundingHit:
    start, end = view.source_span(hit.start, hit.end)
    sentence_start, sentence_end = view.source_span(hit.sentence_start, hit.sentence_end)
    return replace(hit, start=start, end=end, sentence_start=sentence_start,
                   sentence_end=sentence_end)


def _find_funding(text: str) -> list[FundingHit]:
    hits: list[FundingHit] = []
    headline_hits: list[FundingHit] = []
    awards: dict[str, set[tuple[float | int, str]]] = {}
    for sent in iter_sentences(text):
        found, spans = _award_hits(text, sent, awards)
        (headline_hits if sent.headline else hits).extend(found)
        found = _sentence_funding(text, sent, spans)
        (headline_hits if sent.headline else hits).extend(found)
    # A headline restates the body: its amounts count only when the body does not give them.
    body = {(h.amount, h.unit) for h in hits}
    hits.extend(h for h in headline_hits if (h.amount, h.unit) not in body)
    hits = [h for h in hits if not _restates_award(text, h, awards)]
    return sorted(hits, key=lambda h: (h.start, h.end))


def _restates_award(text: str, hit: FundingHit, awards: dict[str, set[tuple[float | int, str]]],
                    ) -> bool:
    """Whether an amount with no recipient restates what an award decision pays its winners
    (a news lead: ``5家企业荣获“X奖”,并给予每家获奖企业100万元奖励``)."""
    if hit.recipient is not None and not p.AWARD_RESTATED.search(hit.recipient):
        return False
    sentence = text[hit.sentence_start:hit.sentence_end]
    return any((hit.amount, hit.unit) in paid and award in sentence
               for award, paid in awards.items())


def _award_hits(text: str, sent: Sentence, awards: dict[str, set[tuple[float | int, str]]],
                ) -> tuple[list[FundingHit], list[tuple[int, int]]]:
    """One item per winner of an award decision (``授予A、B“…奖”,分别奖励40万元``),
    leaving out winners an exception names (``其中,C已荣获…,本届不重复颁发奖金``).  The
    award and its amount are added to ``awards``."""
    hits: list[FundingHit] = []
    spans: list[tuple[int, int]] = []
    if "授予" not in text[sent.start:sent.end]:
        return hits, spans
    grants = sorted((*p.AWARD_GRANT.finditer(text, sent.start, sent.end),
                     *p.AWARD_GRANT_BARE.finditer(text, sent.start, sent.end)),
                    key=lambda g: g.start())
    for m in grants:
        if any(a <= m.start() < b for a, b in spans):
            continue
        amounts = _amounts(m.group("amounts"))
        if len(amounts) != 1:
            continue
        value, unit = amounts[0]
        awards.setdefault(m.group("award"), set()).add((value, unit))
        exception = p.AWARD_EXCEPTION.match(text, m.end(), sent.end)
        excluded = exception.group("names") if exception else ""
        winners = [w.strip() for w in re.split(r"[、,，]", m.group("who")) if w.strip()]
        for winner in winners:
            if winner and winner not in excluded:
                hits.append(FundingHit(m.start("who"), m.end(), sent.start, sent.end, winner,
                                       value, unit, FundingPer.ONCE))
        spans.append((m.start(), m.end()))
    return hits, spans


def _sentence_funding(text: str, sent: Sentence, spans: list[tuple[int, int]]) -> list[FundingHit]:
    """The funding items of one sentence outside the spans already read."""
    hits: list[FundingHit] = []
    if "元" not in text[sent.start:sent.end]:
        return hits
    for pattern in _FIRST_PASS:
        for m in pattern.finditer(text, sent.start, sent.end):
            if any(a <= m.start() < b for a, b in spans) or (
                    pattern is p.FUNDING_SHARE
                    and p.SHARES_OPEN not in text[sent.start:m.start()]):
                continue  # read already, or a share of no budget the sentence opened
            hits.extend(_hits(text, sent, m, m.group("verb")))
            spans.append((m.start(), m.end()))
    spans.sort()
    for m in p.FUNDING_TRIGGER.finditer(text, sent.start, sent.end):
        if any(a <= m.start() < b for a, b in spans):
            continue
        hits.extend(_hits(text, sent, m, m.group("verb"), previous=spans[-1][1]
                          if spans and spans[-1][1] > sent.start else None))
        spans.append((m.start(), m.end()))
    for pattern in _LAST_PASS:
        for m in pattern.finditer(text, sent.start, sent.end):
            if not any(a <= m.start() < b for a, b in spans):
                hits.extend(_hits(text, sent, m, m.group("verb")))
                spans.append((m.start(), m.end()))
    for m in p.FUNDING_CAP.finditer(text, sent.start, sent.end):
        inside = any(a <= m.start() < b or a <= m.start("amounts") < b for a, b in spans)
        if (not inside and not p.CAP_NOT_GIVEN.search(m.group("subject"))
                and (m.group("capverb") or p.FUNDING_VERB.search(text, sent.start, m.start())
                     or p.FUNDING_VERB.match(text, m.end()))):
            hits.extend(_hits(text, sent, m, None))
    return hits


def amount_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the amounts in ``text[start:end]`` that a funding form ties to
    money given, so the target extractor does not read them as targets."""
    if "元" not in text[start:end]:
        return []  # no money in the sentence
    return [(m.start("amounts"), m.end("amounts"))
            for pattern in (*_FIRST_PASS, p.FUNDING_TRIGGER, *_LAST_PASS, p.FUNDING_CAP)
            for m in pattern.finditer(text, start, end)]


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
    between = len(pt.CLAUSE_BOUNDARY.findall(before, found.end()))
    return found if between <= _MAX_CLAUSES_TO_VERB else None


def _hits(text: str, sent: Sentence, m: re.Match[str], verb: str | None,
          previous: int | None = None) -> list[FundingHit]:
    """The funding items of one trigger match (one per amount).  ``previous`` is
    where an earlier amount of the same sentence ended: ``…奖励50万元、省级企业
    一次性奖励20万元`` names the second recipient between the two."""
    amounts = _amounts(m.group("amounts"))
    if not amounts or p.AGGREGATE_CEILING.search(m.groupdict().get("mods") or ""):
        return []  # no money, or a ceiling on a sum (奖励总额不超过…), not a payment
    s, e = sent.start, sent.end
    before = text[s:m.start()]
    clause_before = pt.CLAUSE_BOUNDARY.split(before)[-1]
    per_year = bool(
        m.groupdict().get("per")
        or pt.PER_YEAR.search(clause_before)
        or p.CAP_PER_YEAR.search(m.groupdict().get("mods") or "")
        or p.CAP_PER_YEAR.search(m.groupdict().get("subject") or "")
        or p.PER_YEAR_AFTER.match(text, m.end(), e)
    )
    per = FundingPer.YEAR if per_year else FundingPer.ONCE
    rest = text[m.end():e]
    recipients: list[str | None] = [None] * len(amounts)
    start, end = m.start(), m.end()
    purpose = p.PURPOSE.match(rest)
    dui = _recipient_dui(before)
    fund = p.FUND_NAME.match(rest) if verb in p.FUND_VERBS else None
    support = p.BUDGET_SUPPORT.match(rest) if verb in p.FUND_VERBS else None
    named_fund = m.groupdict().get("fund")
    given_to = m.groupdict().get("who")
    de = p.RECIPIENT_DE.search(before)
    after_previous = _between(text, previous, m.start())
    generic = bool(named_fund and p.GENERIC_FUND.fullmatch(named_fund.strip()))
    if named_fund and not generic:
        recipients = [named_fund.strip()] * len(amounts)
    elif after_previous:
        recipients = [after_previous] * len(amounts)
    elif given_to and dui:
        # ``对…的,给予X`` names the kind in the 对 clause and the receiver after 给予.
        kinds = _split(p.RESPECTIVELY_TAIL.sub("", dui["who"]).strip(), len(amounts))
        recipients = [k + given_to if k.endswith(pt.ATTRIBUTIVE) else k for k in kinds]
        start = s + dui.start("who") - 1
    elif given_to:
        recipients = [given_to] * len(amounts)
    elif dui and verb not in p.FUND_VERBS and not p.FUNDING_TRIGGER.search(dui["who"]):
        # ``对X给予…,专项用于…``: whom the money is given to, before what it is for.
        recipients = list(_split(p.RESPECTIVELY_TAIL.sub("", dui["who"]).strip(), len(amounts)))
        start = s + dui.start("who") - 1
    elif purpose:
        recipients = [purpose["purpose"].strip()] * len(amounts)
        end = m.end() + purpose.end()
    elif dui and not p.FUNDING_TRIGGER.search(dui["who"]):
        recipients = list(_split(p.RESPECTIVELY_TAIL.sub("", dui["who"]).strip(), len(amounts)))
        start = s + dui.start("who") - 1
    elif support and (fund is None or p.GENERIC_FUND.fullmatch(fund["fund"].strip())):
        recipients = [support["purpose"].strip()] * len(amounts)
        end = m.end() + support.end()
    elif fund:
        recipients = [fund["fund"].strip()] * len(amounts)
        end = m.end() + fund.end()
    elif de and not p.FUNDING_TRIGGER.search(de["who"]):
        recipients = [de["who"].strip()] * len(amounts)
        start = s + de.start("who")
    elif named_fund:
        recipients = [named_fund.strip()] * len(amounts)
    elif verb not in p.FUND_VERBS and not p.PER_ITEM_ONLY.match(clause_before) \
            and (clause := _clause_recipient(clause_before)):
        # The clause before the verb says who qualifies: ``当年授权的发明专利每件奖励3万元``.
        recipients = [clause] * len(amounts)
    elif verb not in p.FUND_VERBS and not (m.groupdict().get("each") and len(amounts) > 1) \
            and (condition := _condition_clause(before)):
        # The payment opens its clause after the condition's: ``奖励一入围…500强,奖励50万元``,
        # ``获得马德里商标国际注册,每件补助3万元``.
        recipients = [condition] * len(amounts)
    if m.groupdict().get("each") and len(amounts) > 1 and len(set(recipients)) == 1:
        # 分别 pays the items of a list one amount each: the shared recipient's own items
        # (对A、B分别给予…), else the items named in a clause before (实施A、B,…,分别给予…).
        shared = recipients[0]
        items = split_coordinated(p.RECIPIENT_LEAD.sub("", _lead_cut(shared)).strip(),
                                  len(amounts)) if shared else None
        items = items or (None if shared else _items_before(before, len(amounts)))
        if items:
            recipients = list(items)
    if m.groupdict().get("each") and len(amounts) == 1:
        subject = recipients[0] or clause_before
        items = _each_named(subject)
        if len(items) > 1:
            return [FundingHit(start, end, s, e, _clean(who), amounts[0][0], amounts[0][1], per)
                    for who in items]
    return [
        FundingHit(start, end, s, e, _clean(who), value, unit, per)
        for (value, unit), who in zip(amounts, recipients, strict=True)
    ]


def _items_before(before: str, count: int) -> list[str] | None:
    """The ``count`` items the clause before a ``分别`` list of amounts names, each paid one
    amount in order (``实施A、B和C项目,分别给予…``)."""
    clauses = [c for c in pt.CLAUSE_BOUNDARY.split(before) if c.strip()]
    # the list may stand a clause of manner before the amounts (…项目,根据…办法,分别给予…)
    for clause in reversed(clauses[-_MAX_CLAUSES_TO_VERB:]):
        items = split_coordinated(p.RESPECTIVE_ITEMS_LEAD.sub("", clause.strip()), count)
        if items:
            return items
    return None


def _lead_cut(phrase: str) -> str:
    """A recipient without the sentence words before its 对 (``其中对A、B`` → ``对A、B``)."""
    return p.SENTENCE_LEAD_BEFORE_DUI.sub("", phrase)


def _clause_recipient(clause: str) -> str | None:
    """The words of the clause before a giving verb, as the recipient they describe."""
    if p.FUNDING_VERB.search(clause):
        return None  # the clause is the payment itself (给予租金补贴…)
    words = p.RECIPIENT_LEAD.sub("", clause.strip(), count=1)
    words = p.RECIPIENT_TAIL.sub("", words).strip()
    return words if len(re.findall(r"[\u4e00-\u9fff]", words)) >= 2 else None


def _condition_clause(before: str) -> str | None:
    """The clause before a payment that opens its own clause (nothing or only 每件 between
    the pause and the verb), as the recipient it describes, without a tier's label."""
    clauses = pt.CLAUSE_BOUNDARY.split(before)
    if len(clauses) < 2 or (clauses[-1].strip() and not p.PER_ITEM_ONLY.match(clauses[-1])):
        return None
    return _clause_recipient(p.TIER_LABEL.sub("", clauses[-2].strip()))


def _each_named(subject: str) -> list[str]:
    """``获得“A”与“B”认定的`` (before 分别/各) → one recipient per quoted name; so are
    unquoted titles after a verb of winning (``获得A奖、B奖、C商标的`` → ``获得A奖的`` …)."""
    found = p.QUOTED_COORDINATION.search(subject)
    if not found:
        won = p.WON_TITLES.match(subject.strip())
        if won is None:
            return [subject]
        tail = won.group("tail") or ""
        return [won.group("lead") + item + tail for item in won.group("items").split("、")]
    names = re.findall(r"“[^”]+”", found.group())
    return [subject[:found.start()] + name + subject[found.end():] for name in names]


def _split(who: str, count: int) -> list[str]:
    """``count`` recipients from one phrase: split item by item when it lists
    that many (``获得A奖、B奖的组织``), else the phrase for every amount."""
    split = split_coordinated(who, count) if count > 1 else None
    return list(split) if split else [who] * count


def _clean(recipient: str | None) -> str | None:
    if recipient is None:
        return None
    recipient = p.RECIPIENT_GLOSS.sub("", recipient)
    return p.RECIPIENT_TAIL.sub("", recipient.strip()) or None


def _between(text: str, previous: int | None, verb_at: int) -> str | None:
    """The recipient written between an earlier amount and this verb (after ``、``)."""
    if previous is None or verb_at <= previous:
        return None
    gap = text[previous:verb_at]
    match = p.RECIPIENT_BETWEEN.match(gap)
    return _clean(match["who"]) if match else None
