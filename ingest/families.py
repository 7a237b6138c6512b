"""Which family of formats a fact is written in: a small pure classifier for ``eval --explain``.

:func:`local_view` cuts out what surrounds a fact in a document's normalised text (its line,
the bracket clause around it, its sentence, the lines before it); :func:`family` names the
family of formats from that view alone, by the named patterns of
:mod:`ingest.patterns_families`.  A family is the kind of rule that should read the fact:
``table: one cell per line``, ``label line (牵头单位:)``, ``target: 到YYYY年`` …
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest import patterns as P
from ingest import patterns_families as F
from ingest.evaluate import Doc
from ingest.pipeline import sentence_around

# Family names: what the text around a fact looks like.
PIPE_TABLE = "markdown/pipe table"
CELL_PER_LINE = "table: one cell per line"
ROW_PER_LINE = "table: row per line"
LABEL_LINE = "label line (牵头单位:)"
INLINE_LABELS = "inline labels ((牵头单位:X 责任单位:Y))"
BRACKET_CLAUSE = "inline bracket clause (X牵头,Y配合)"
PROSE_CLAUSE = "prose clause (由X牵头 / X负责)"
FIRST_UNIT = "first-unit rule (责任单位 list)"
CONVENTION = "stated convention (列第一位…)"
SHARED = "shared work (按职责分工负责)"
NO_CLAUSE = "unit named outside any clause"
NOT_FOUND = "not found in the text"
_OPENERS = "".join(P.BRACKETS)
_CLOSERS = "".join(P.BRACKETS.values())
#: How many characters before a title a numbering marker may take (``第十二条 ``).
_MARKER_REACH = 8
#: How many characters before a fact's line are split into lines (bounds the work per fact).
_LINE_WINDOW = 200 * F.HEADER_REACH
_NUMBERED = (P.CHAPTER, P.ARTICLE, P.PART, P.SUBPART, P.ITEM, P.SUBITEM, P.CIRCLED)


@dataclass(frozen=True)
class Local:
    """The text around one fact."""

    found: str                 # the text found for the fact
    line: str                  # its line
    prefix: str                # its line up to the fact
    clause: str                # the innermost bracket around it on its line, else its sentence
    bracketed: bool
    sentence: str
    before: tuple[str, ...]    # non-blank lines before its line, nearest last
    document: str              # the whole text, and where the fact starts in it
    start: int

    @property
    def text_before(self) -> str:
        """Everything before the fact (a convention with 下同 holds from where it is said)."""
        return self.document[:self.start]


def local_view(text: str, start: int, end: int) -> Local:
    """What surrounds ``text[start:end]``: line, clause, sentence and the lines before."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    s_start, s_end = sentence_around(text, start, end)
    sentence = text[s_start:s_end].strip()
    clause = _bracket_around(line, start - line_start, end - line_start)
    window = text[max(0, line_start - _LINE_WINDOW):line_start]
    before = tuple(x for x in window.splitlines() if x.strip())[-F.HEADER_REACH:]
    return Local(text[start:end], line, text[line_start:start], clause or sentence,
                 clause is not None, sentence, before, text, start)


def _bracket_around(line: str, start: int, end: int) -> str | None:
    depth, open_at = 0, None
    for i in range(start - 1, -1, -1):
        if line[i] in _CLOSERS:
            depth += 1
        elif line[i] in _OPENERS:
            if depth == 0:
                open_at = i
                break
            depth -= 1
    if open_at is None:
        return None
    close = P.BRACKETS[line[open_at]]
    close_at = line.find(close, end)
    return line[open_at:close_at + 1 if close_at >= 0 else len(line)]


def layout(local: Local) -> str | None:
    """The table family the fact sits in, if any."""
    if F.PIPE_ROW.search(local.line):
        return PIPE_TABLE
    if sum(1 for x in local.before if F.HEADER_CELL_LINE.match(x)) >= 2:
        return CELL_PER_LINE
    for x in local.before:
        cells = F.HEADER_CELL.findall(x)
        if len(set(cells)) >= 2 and len(F.HEADER_CELL.sub("", x).strip()) <= 6:
            return ROW_PER_LINE
    return None


def responsibility_family(local: Local) -> str:
    """How the responsibility around a unit is written."""
    table = layout(local)
    if table:
        return table
    if F.LEAD_LABEL.match(local.line) or F.UNIT_LABEL.match(local.line):
        recent = (local.line, *local.before[-2:])
        return LABEL_LINE if any(F.LEAD_LABEL.match(x) for x in recent) else FIRST_UNIT
    clause = local.clause
    if F.FIRST_IS_LEAD_RULE.search(clause):
        return CONVENTION
    if F.INLINE_LEAD_LABEL.search(clause):
        return INLINE_LABELS
    if F.LEAD_WORD.search(clause):
        return BRACKET_CLAUSE if local.bracketed else PROSE_CLAUSE
    if F.SHARED_WORK.search(clause):
        return SHARED
    if F.FIRST_IS_LEAD_RULE.search(local.text_before):
        return CONVENTION
    if F.INLINE_UNIT_LABEL.search(clause) or (local.bracketed and F.DUTY_WORD.search(clause)):
        return FIRST_UNIT
    if F.PROSE_ROLE.search(local.sentence):
        return PROSE_CLAUSE
    return NO_CLAUSE


def _in_responsibility(local: Local) -> bool:
    """Whether a name sits in a responsibility clause (or a table with unit columns)."""
    found = responsibility_family(local)
    if found in (PIPE_TABLE, CELL_PER_LINE, ROW_PER_LINE):
        return any(F.UNIT_COLUMN.search(x) for x in local.before)
    return found != NO_CLAUSE


def family(kind: str, fact: Doc, local: Local | None) -> str:
    """The family of formats a fact is written in: which rules should read it."""
    if local is None:
        return f"{kind}: {NOT_FOUND}"
    if kind == "assignments":
        return responsibility_family(local)
    if kind == "tasks":
        return _task_family(local)
    if kind == "targets":
        return _target_family(fact, local)
    if kind == "funding":
        return _funding_family(local)
    if kind == "brands":
        return _brand_family(fact, local)
    if kind == "departments":
        return _department_family(fact, local)
    return _enterprise_family(fact, local)


def _task_family(local: Local) -> str:
    table = layout(local)
    if table:
        return table
    if _ends_with_marker(local.prefix):
        return "task: numbered item"
    if F.NEWS_ORDINAL.match(local.line.strip()) or _ends_with_marker(local.prefix, news=True):
        return "task: news ordinal (一是…)"
    return "task: unnumbered prose"


def _ends_with_marker(prefix: str, news: bool = False) -> bool:
    """Whether a numbering marker ends ``prefix`` (the title follows it), also when several
    items share one line."""
    tail = prefix[-_MARKER_REACH:]
    patterns = (F.NEWS_ORDINAL,) if news else _NUMBERED
    return any((m := p.match(tail[k:])) is not None and m.end() == len(tail) - k
               for k in range(len(tail)) for p in patterns)


def _target_family(fact: Doc, local: Local) -> str:
    sentence = local.sentence
    if F.FIVE_YEAR_END.search(sentence):
        return "target: 十四五末"
    year = fact.get("year")
    if year is None:
        return "target: no year"
    if F.TO_YEAR.search(sentence):
        return "target: 到YYYY年"
    if f"{year}年" in sentence:
        return "target: YYYY年 in the sentence"
    if F.WHOLE_YEAR.search(sentence):
        return "target: 全年 of a yearly plan"
    return "target: year inherited from title/table"


def _funding_family(local: Local) -> str:
    for pattern, name in ((F.FUNDING_CAP, "cap (最高…)"), (F.FUNDING_TIERS, "tiers (分别/各/每件)"),
                          (F.FUNDING_REWARD, "reward amount"), (F.FUNDING_SUBSIDY, "subsidy"),
                          (F.FUNDING_BUDGET, "budget or fund")):
        if pattern.search(local.sentence):
            return f"funding: {name}"
    return "funding: other amount"


def _brand_family(fact: Doc, local: Local) -> str:
    name = fact["name"]
    if F.AWARD_NAME.search(name):
        return "brand: award title"
    if F.DESIGNATION_NAME.search(name):
        return "brand: designation (老字号/驰名商标)"
    if layout(local):
        return "brand: list entry (table)"
    if f"“{name}" in local.line or f"{name}”" in local.line or f'"{name}"' in local.line:
        return "brand: quoted name"
    after = local.line.find(local.found) + len(local.found)
    if F.BRAND_MARK.match(local.line, after):
        return "brand: X牌"
    return "brand: unquoted name"


def _department_family(fact: Doc, local: Local) -> str:
    if local.found != fact["name"]:
        return "department: written in another form"
    if _in_responsibility(local):
        return "department: in a responsibility list"
    line = local.line.strip()
    if line == local.found or (len(line) <= 30 and line.endswith(local.found)):
        return "department: signature or heading line"
    if F.PARTY_OR_MASS.search(fact["name"]):
        return "department: party or mass organisation"
    return "department: named in running text"


def _enterprise_family(fact: Doc, local: Local) -> str:
    name = fact.get("written") or fact["name"]
    if _in_responsibility(local):
        return "enterprise: in a responsibility list"
    if layout(local):
        return "enterprise: list entry (table)"
    if F.COOPERATIVE.search(name):
        return "enterprise: cooperative"
    if F.COMPANY.search(name):
        return "enterprise: company suffix"
    if F.SHOP.search(name):
        return "enterprise: named shop or house"
    return "enterprise: other name"
