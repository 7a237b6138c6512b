"""Find responsibility clauses and split them into lead and co-responsible units.

The forms handled, each with a test in ``tests/unit/test_responsibility.py``:

* a bracketed list ``(责任单位:A、B、C)`` — the first unit leads unless the
  clause says otherwise; ``排在第一位的为牵头部门,下同`` states that rule;
* ``牵头单位:A;配合单位:B、C``;
* prose ``[A牵头,会同B、C负责]`` and ``A牵头,B、C配合``;
* ``A、B按职责分工负责`` — shared work, every unit leads;
* ``由A负责`` in running text.

Splitting is bracket-aware: ``各区、县(市、区)政府`` is one unit.  Units are
raw strings here; :class:`ingest.agencies.AgencyResolver` turns them into
agencies and drops generic groups.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ingest import patterns as p
from ingest.regions import is_place

_OPENERS = p.BRACKETS
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_RULE_PART = re.compile(r"排在|排名第|下同|不再|以下|均需|具体任务|为牵头|涉及")
#: A rule in brackets right after a part's units, which stay units.  Example:
#: ``(除标注为“牵头”单位外,列第一位的为牵头或汇总单位,下同)`` after ``省商务厅、省文旅厅``.
_RULE_AFTER_UNITS = re.compile(r"(?<=\S)[(（][^()（）]*(?:下同|为牵头)[^()（）]*[)）]$")


@dataclass(frozen=True)
class Clause:
    """A responsibility clause: raw lead and co units and where it stands."""

    start: int
    end: int
    lead: tuple[str, ...]
    co: tuple[str, ...]
    shared: bool = False
    sticky_shared: bool = False
    #: The clause names governments by places that share one suffix (``银川市、石嘴山市、
    #: 吴忠市人民政府配合``): they are responsible units of its task.
    names_governments: bool = False
    #: The page was cut inside the clause's brackets (``(责任单位:省人力资源社`` at the text's
    #: end): its last unit may be cut too.
    cut: bool = False


def split_units(text: str) -> list[str]:
    """Split a list of units on 、,;和 outside brackets."""
    parts: list[str] = []
    depth, current = 0, list[str]()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        if depth == 0:
            sep = p.UNIT_SEPARATOR.match(text, i)
            if sep and sep.end() > i:
                parts.append("".join(current))
                current = []
                i = sep.end()
                continue
        current.append(ch)
        i += 1
    parts.append("".join(current))
    units = [unit for part in parts if part.strip() for unit in _unglued(part.strip())]
    return _shared_government(units)


def _shared_government(units: list[str]) -> list[str]:
    """Places that share the government suffix of the unit after them are governments
    each: ``哈尔滨、黑河、绥芬河市政府`` → ``哈尔滨市政府``, ``黑河市政府``, ``绥芬河市政府``."""
    out = list(units)
    for k, unit in enumerate(units):
        last = p.PLACE_GOVERNMENT.match(unit)
        if last is None:
            continue
        j = k
        while j > 0 and (bare := p.BARE_PLACE.match(units[j - 1])) \
                and is_place(bare.group("place")):
            j -= 1
            out[j] = bare.group("place") + last.group("level") + last.group("suffix")
    return out


def _unglued(unit: str) -> list[str]:
    """Two units printed without a separator (a table cell's lines run together): after a
    section's name (``文化股文化馆`` → ``文化股``, ``文化馆``) or two bureaus each with its
    level (``市海洋渔业局市农业农村局``)."""
    for pattern in (p.GLUED_AFTER_SECTION, p.GLUED_BUREAUS):
        glued = pattern.fullmatch(unit)
        if glued is not None and all(p.ORGAN_NAME.fullmatch(glued.group(part))
                                     for part in ("first", "second")):
            return [glued.group("first"), glued.group("second")]
    return [unit]


def _bracket_end(text: str, open_at: int, limit: int) -> int:
    """Index just past the bracket that closes the one at ``open_at`` (or ``limit``)."""
    depth = 0
    for i in range(open_at, limit):
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
            if depth == 0:
                return i + 1
    return limit


def _closed(text: str, open_at: int, close: int) -> bool:
    """Whether the bracket at ``open_at`` is closed at ``close`` (what :func:`_bracket_end`
    returned): a bracket inside it that closes at the text's end (``〔A、B(C)`` cut by the
    storage limit) does not close it."""
    depth = 0
    for ch in text[open_at:close]:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1
    return depth == 0


def parse_clause(content: str, *, prose: bool = False) -> tuple[list[str], list[str], bool, bool]:
    """Split a clause's content into (lead, co, shared, sticky_shared).  In a ``prose``
    sentence (``由X牵头,A、B配合,成立…领导小组``) the parts after its lead and co parts are
    the work, not more units."""
    content = re.sub(r"^\s*(?:主要)?(?:责任单位|责任部门|责任主体|实施主体|负责单位|承办单位)\s*[:：]",
                     "", content)
    sentences = [s for s in re.split(r"[。]", content) if s.strip()]
    if not sentences:
        return [], [], False, False
    first = sentences[0]
    lead: list[str] = []
    co: list[str] = []
    plain: list[str] = []
    shared = False
    sticky = False
    for part in _split_parts(first):
        part = _RULE_AFTER_UNITS.sub("", part)
        if LEADER_LABEL.match(part) or DEADLINE_PART.match(part):
            continue
        if p.SHARED_DUTY.search(part):
            shared = True
            sticky = sticky or bool(p.SAME_BELOW.search(first))
            plain.extend(split_units(p.SHARED_DUTY.split(part)[0]))
        elif _RULE_PART.search(part):
            continue
        elif (m := LEAD_LABEL.match(part)):
            lead.extend(split_units(m.group("u")))
        elif (m := CO_LABEL.match(part)):
            co.extend(split_units(m.group("u")))
        elif MARKED_LEAD.search(part):
            for unit in split_units(part):
                (lead if MARKED_LEAD.search(unit) else plain).append(MARKED_LEAD.sub("", unit))
        elif (m := p.LEAD_MARK.match(part)) and p.LEAD_WORD.search(part):
            lead.extend(split_units(m.group("units")))
        elif (m := p.CO_MARK.match(part)) or (m := p.CO_TRAILING.match(part)):
            co.extend(split_units(m.group("units")))
        elif prose and (lead or co):
            continue  # after its lead and co parts a prose sentence goes on with the work
        else:
            plain.extend(split_units(re.sub(rf"(?:共同)?{p.DUTY}$", "", part)))
    if prose and not lead:
        return [], [], False, False  # 支持企业牵头或参与…: 牵头 as a verb, not a role
    if shared and lead:
        return lead, co + [u for u in plain if u not in lead], False, False
    if shared:
        return plain + lead, co, True, sticky
    if lead:
        return lead, co + plain, False, False
    return plain[:1], plain[1:] + co, False, False


#: ``牵头单位:A`` as a part of a clause.  Examples: ``牵头单位:市商务局``, ``总牵头单位:…``
#: (a heading's lead).
LEAD_LABEL = re.compile(r"^总?(?:牵头单位|牵头部门|牵头)\s*[:：](?P<u>.+)$")
#: Co-responsible units after a label, once a lead label is stated.
#: Examples: ``配合单位:市财政局``, ``责任单位:市科技局`` after ``牵头单位:…``.
CO_LABEL = re.compile(
    r"^(?:配合单位|配合部门|协办单位|协同单位|参与单位|责任单位|责任部门)\s*[:：](?P<u>.+)$")
#: A unit marked as the lead inside a list.  Example: ``市发改委(牵头)``.
MARKED_LEAD = re.compile(r"[(（]牵头(?:单位|部门)?[)）]")


def _split_parts(text: str) -> list[str]:
    """Split on , and ; outside brackets (a clause's comma-separated parts), and before a
    role label that only spaces separate from the part before it
    (``牵头单位:市商务局  责任单位:市编办``)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in ",，;；" or (ch == " " and ROLE_LABEL_AHEAD.match(text, i))):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [s.strip() for s in parts if s.strip()]


#: A role label after spaces inside a clause.  Example: ``  责任单位:`` in
#: ``牵头单位:市商务局  责任单位:市编办、市发改委``.
ROLE_LABEL_AHEAD = re.compile(
    r"\s+(?:牵头单位|牵头部门|配合单位|配合部门|协办单位|责任单位|责任部门|责任领导|分管领导)\s*[:：]")
#: A part that names a person in charge, not a unit.  Example: ``责任领导:杜新国``.
LEADER_LABEL = re.compile(r"^(?:责任领导|分管领导|牵头领导|联系领导|责任人)\s*[:：]")
#: A part that states a deadline, not a unit.  Example: ``6月底完成``, ``2023年底前``.
DEADLINE_PART = re.compile(r"^(?:20\d{2}年)?(?:\d{1,2}月)?(?:底|中旬|上旬|下旬)?(?:前|以前)?(?:完成|办结)?$")


def find_clauses(text: str, start: int, end: int) -> list[Clause]:
    """Responsibility clauses inside ``text[start:end]``, in order."""
    clauses: list[Clause] = []
    taken_until = start
    for match in p.RESPONSIBILITY_LABEL.finditer(text, start, end):
        if match.start() < taken_until:
            continue
        open_at = _opening_bracket(text, match.start(), start)
        cut = False
        if open_at is not None:
            close = _bracket_end(text, open_at, end)
            closed = close <= end and _closed(text, open_at, close)
            content = text[open_at + 1: close - 1 if closed else close]
            clause_start = open_at
            # cut after a separator (…省住建厅、) the last unit is whole
            cut = not closed and not text[close:].strip() and not p.UNIT_SEPARATOR.search(
                content.rstrip()[-1:] or "、")
        else:
            stop = re.compile(r"[。\n]").search(text, match.end(), end)
            close = stop.start() if stop else end
            content = text[match.start():close]
            clause_start = match.start()
        clause = _clause(content, clause_start, close)
        clauses.append(dataclasses.replace(clause, cut=True) if cut else clause)
        taken_until = close
    if not clauses:
        # Prose only speaks where no list does: a list is the document's own statement.
        clauses.extend(_prose_clauses(text, start, end, taken_until, clauses))
    clauses.sort(key=lambda c: c.start)
    return [c for c in clauses if c.lead or c.co]


#: The ordinal and ``由`` that open an action in prose.  Example: ``二是由`` in
#: ``二是由农牧局牵头,…``.
ORDINAL_LEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]+是)?(?=由)?由?(?=\S)")


def _clause(content: str, start: int, end: int, *, prose: bool = False,
            bracketed: bool = False) -> Clause:
    lead, co, shared, sticky = parse_clause(content, prose=prose)
    # In a bracketed prose clause, places sharing one government suffix were written as
    # governments each (the suffix is not repeated, so an expanded name is not in the text).
    governments = bracketed and any(
        p.PLACE_GOVERNMENT.match(u) and u not in content for u in (*lead, *co))
    return Clause(start, end, tuple(lead), tuple(co), shared, sticky, governments)


def _opening_bracket(text: str, label_at: int, floor: int) -> int | None:
    """The bracket that opens the clause of the label at ``label_at``: right before it, or
    before labelled parts that precede it (``(责任领导:杜新国;牵头单位:…``)."""
    i = label_at - 1
    while i >= floor and text[i] in " \t":
        i -= 1
    if i >= floor and text[i] in _OPENERS:
        return i
    before = LABELLED_PARTS_BEFORE.search(text, max(floor, label_at - 60), label_at)
    return before.start() if before and before.start() >= floor else None


#: Labelled parts between a clause's bracket and a role label.  Example:
#: ``(责任领导:杜新国、丁玲;`` before ``牵头单位:区发改局)``.
LABELLED_PARTS_BEFORE = re.compile(
    r"[(（\[【〔](?:(?:责任领导|分管领导|牵头领导|联系领导|责任人)\s*[:：][^()（）\[\]【】。\n]{1,30}"
    r"[;；,，]\s*)+$")


#: A bracketed prose clause.  Example: ``[市科委牵头,会同市经信委负责]``.
_BRACKETED = re.compile(r"[\[【［〔(（]")
#: An unbracketed prose sentence.  Example: ``市商务局牵头,市财政局配合。``.
_PROSE_SENTENCE = re.compile(r"(?:^|(?<=[。;；\n]))[^。;；\n]{2,80}?牵头[^。;；\n]{0,300}?(?=[。;；\n]|$)")


#: Units that share a task, as a sentence.  Example: ``县财政局、县金融办按职责分工负责。``.
_SHARED_SENTENCE = re.compile(
    r"(?:^|(?<=[。;；\n]))[^。;；\n,，]{2,80}?(?:按(?:照)?职责分工|分别)负责(?=[。;；\n]|$)")


_UNIT = r"[^。,，;；:：\n、()（）由]{2,24}?(?:局|委|办|厅|中心|海关|会|院|室|部|社)"
#: ``X会同Y、Z…`` as a sentence's subject.  Example: ``市审计局会同市财政局开展检查``.
_WITH_SENTENCE = re.compile(
    rf"(?:^|(?<=[。;；\n]))(?P<lead>{_UNIT})会同(?P<co>{_UNIT}(?:、{_UNIT})*)(?:等(?:有关)?部门)?")
#: ``A负责,B、C配合`` as a sentence.  Example: ``县民政局负责,县财政局、县卫健局配合。``.
_DUTY_WITH_CO = re.compile(
    rf"(?:^|(?<=[。;；\n]))(?:[^。;；\n,，]{{0,6}}由)?(?P<lead>{_UNIT}(?:、{_UNIT})*)(?:牵头)?负责[,，]"
    rf"(?P<co>{_UNIT}(?:、{_UNIT})*)(?:等(?:有关)?部门)?(?:配合|协助|参与|协同)")
#: ``X负责…`` as a sentence's subject.  Example: ``市民政局负责督促落实``.
_SUBJECT_DUTY = re.compile(rf"(?:^|(?<=[。;；\n,，]))(?!由)(?P<lead>{_UNIT})(?:具体)?负责")


def _closes_sentence(text: str, at: int, end: int) -> bool:
    """A bracket that stands after a full stop, or ends its line: where a plain list of
    responsible units closes an item (``…措施。(市政府办公室、市教育局)``)."""
    before = text[at - 1] if at > 0 else "\n"
    return before in "。;；\n"


def _all_units(units: list[str], *, cut: bool) -> bool:
    """Every part names a body (or a generic group) by the organ grammar; in a list cut
    by the end of the stored text the last fragment may be a stub (``市``)."""
    named = [u for u in units if not p.GENERIC_UNIT.search(u)]
    if cut and named and len(named[-1]) <= 3 and not p.ORGAN_NAME.fullmatch(named[-1]):
        named = named[:-1]
    return bool(named) and all(p.ORGAN_NAME.fullmatch(p.ETC_SUFFIX.sub("", u)) for u in named)


def _prose_clauses(text: str, start: int, end: int, after: int,
                   existing: list[Clause]) -> list[Clause]:
    """Prose clauses of ``text[start:end]``.  The span is searched on its own, so that a
    sentence that opens the section (right after ``一是``) counts as a sentence start."""
    own = text[start:end]
    shifted = [Clause(c.start - start, c.end - start, c.lead, c.co) for c in existing]
    return [Clause(c.start + start, c.end + start, c.lead, c.co, c.shared, c.sticky_shared,
                   c.names_governments)
            for c in _prose_in(own, 0, len(own), shifted)]


def _prose_in(text: str, start: int, end: int, existing: list[Clause]) -> list[Clause]:
    spans = [(c.start, c.end) for c in existing]
    found: list[Clause] = []
    for match in _BRACKETED.finditer(text, start, end):
        at = match.start()
        if any(a <= at < b for a, b in spans):
            continue
        close = _bracket_end(text, at, end)
        content = text[at + 1: close - 1 if _closed(text, at, close) else close]
        if re.search(rf"牵头|{p.DUTY}|配合|主办|协办", content) \
                and not p.RESPONSIBILITY_LABEL.search(content):
            clause = _clause(content, at, close, bracketed=True)
            if clause.lead:
                found.append(clause)
                spans.append((at, close))
    for match in _BRACKETED.finditer(text, start, end):
        at = match.start()
        if any(a <= at < b for a, b in spans) or not _closes_sentence(text, at, end):
            continue
        close = _bracket_end(text, at, end)
        closed = close <= end and _closed(text, at, close)
        content = text[at + 1: close - 1 if closed else close]
        units = split_units(content)
        if units and _all_units(units, cut=not closed):
            if not closed and not p.ORGAN_NAME.fullmatch(units[-1]):
                units = units[:-1]  # the stub the storage cut left (``市``)
            found.append(Clause(at, close, tuple(units[:1]), tuple(units[1:])))
            spans.append((at, close))
    for match in _PROSE_SENTENCE.finditer(text, start, end):
        if any(a <= match.start() < b or a < match.end() <= b for a, b in spans):
            continue
        clause = _clause(ORDINAL_LEAD.sub("", match.group(0)), match.start(), match.end(),
                         prose=True)
        if clause.lead:
            found.append(clause)
    for match in _SHARED_SENTENCE.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in spans):
            continue
        clause = _clause(match.group(0), match.start(), match.end())
        if clause.lead:
            found.append(clause)
            spans.append((match.start(), match.end()))
    for match in _DUTY_WITH_CO.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in spans):
            continue
        found.append(Clause(match.start(), match.end(), tuple(split_units(match.group("lead"))),
                            tuple(split_units(match.group("co")))))
        spans.append((match.start(), match.end()))
    for match in _WITH_SENTENCE.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in spans):
            continue
        found.append(Clause(match.start(), match.end(), (match.group("lead"),),
                            tuple(split_units(match.group("co")))))
        spans.append((match.start(), match.end()))
    for match in _SUBJECT_DUTY.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in spans):
            continue
        found.append(Clause(match.start(), match.end(), (match.group("lead"),), ()))
        spans.append((match.start(), match.end()))
    for match in p.BY_UNIT.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in spans):
            continue
        units = split_units(match.group("units"))
        # A list that names no lead: the first unit leads (the gold's convention).
        found.append(Clause(match.start(), match.end(), tuple(units[:1]), tuple(units[1:])))
    return found
