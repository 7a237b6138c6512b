"""Segment a normalised document into its numbered structure.

Chinese government documents number their parts in nested families:
``第一章`` › ``一、`` › ``(一)`` › ``1.`` › ``(1)`` › ``①``.  A document may skip a
family (``一、`` then ``1.``), so nesting follows the family's rank, not a fixed
depth.  News reports use ``一是…`` heading lines with short unnumbered
sub-headings.  Scrapes sometimes run items together on one line; an inline
marker is accepted only where it continues the sequence of its family.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest import patterns as p
from ingest.numbers import parse_number

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _number(numeral: str) -> int:
    """The value of an item number, Arabic (``12``) or Chinese (``十二``, ``一百零五``);
    read by the one numeral reader of :mod:`ingest.numbers`."""
    value = parse_number(numeral)
    return int(value) if value is not None else 0


@dataclass(frozen=True)
class Family:
    """A numbering family: its rank in the nesting and how its id is written."""

    name: str
    rank: int
    pattern: re.Pattern[str]


FAMILIES: tuple[Family, ...] = (
    Family("chapter", 0, p.CHAPTER),
    Family("part", 1, p.PART),
    Family("ordinal", 1, p.ORDINAL_HEADING),
    Family("subpart", 2, p.SUBPART),
    Family("article", 3, p.ARTICLE),
    Family("item", 3, p.ITEM),
    Family("item", 3, p.ENCLOSED_ITEM),
    Family("subitem", 4, p.SUBITEM),
    Family("subitem", 4, p.ENCLOSED_SUBITEM),
    Family("circled", 5, p.CIRCLED),
)
_UNNUMBERED = Family("heading", 6, re.compile(r"^"))


@dataclass
class Section:
    """A numbered part of a document and the span of text it covers."""

    family: str
    rank: int
    number: int
    label: str
    title: str
    start: int
    text_start: int
    end: int = 0
    own_end: int = 0
    parent: int | None = None
    path: tuple[str, ...] = ()
    children: int = 0

    @property
    def id(self) -> str:
        """The section path as the document numbers it: ``二.(一).1``."""
        return ".".join(self.path)


def _label(family: Family, match: re.Match[str]) -> tuple[str, int]:
    text = match.group(0).strip()
    if family.name == "circled":
        return text[0], _CIRCLED.index(text[0]) + 1
    for digits, template in ((p.PAREN_DIGITS, "({})"), (p.STOP_DIGITS, "{}")):
        if text[0] in digits:
            value = digits.index(text[0]) + 1
            return template.format(value), value
    if family.name in ("chapter", "article"):
        label = text.rstrip()
        digits = label[1:-1]
        return label, _number(digits)
    number = match.group(1)
    value = _number(number)
    if family.name in ("subpart", "subitem"):
        return f"({number})", value
    return number, value


#: Where the action named by a ``一是…`` item ends.  Example: the ``,`` in ``一是完善网络,由…``.
ORDINAL_TITLE_END = re.compile(r"[。！？!?,，;；]")


def _heading_title(line: str, clause: bool = False) -> str:
    """The heading sentence of a line: up to the first full stop, punctuation dropped.
    ``一是…`` items of news prose name their action in the first clause (up to a comma)."""
    match = (ORDINAL_TITLE_END if clause else p.HEADING_END).search(line)
    title = line[: match.start()] if match else line
    return title.strip().rstrip(",，:：、 ")


def _is_subheading(line: str) -> bool:
    """A short unnumbered heading line of a news report (``产品更高端``)."""
    stripped = line.strip()
    if not 2 <= len(stripped) <= 20:
        return False
    if re.search(r"[。，,;；:：!！?？、|“”\"《》()（）\d]", stripped):
        return False
    return sum("\u4e00" <= ch <= "\u9fff" for ch in stripped) >= len(stripped) - 1


#: Where an item may start inside a line: after closing punctuation, or after spaces
#: (a page flattened to one line: ``一、加快提振市场信心 (一)全面促进消费增长。 1.把…``).
#: The marker counts only where it continues its family's sequence.
_INLINE_BREAK = re.compile(
    r"(?:(?<=[。；;)）〕\]])\s*|(?<=\S)\s+)(?=[(（]?[一二三四五六七八九十\d]{1,3}(?:[、.．)）]|是(?=\S)))")


def _split_inline(line: str, start: int, last: dict[str, int]) -> Iterator[tuple[str, int]]:
    """Split a line where an inline marker continues its family's sequence."""
    cuts = [0]
    expected = dict(last)
    for family in FAMILIES:
        found = family.pattern.match(line)
        if found:
            expected[family.name] = _label(family, found)[1]
            break
    for match in _INLINE_BREAK.finditer(line):
        rest = line[match.end():]
        for family in FAMILIES:
            found = family.pattern.match(rest)
            if found and family.name not in ("chapter", "article"):
                _, number = _label(family, found)
                if number == expected.get(family.name, 0) + 1:
                    cuts.append(match.end())
                    expected[family.name] = number
                break
    cuts.append(len(line))
    for a, b in itertools.pairwise(cuts):
        if line[a:b].strip():
            yield line[a:b], start + a


#: A Markdown heading's hashes.  Example: ``## `` in ``## 二、重点任务``.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def _lines(text: str) -> Iterator[tuple[str, int]]:
    """Lines with their start offsets; a Markdown heading is read without its hashes."""
    pos = 0
    for raw in text.split("\n"):
        hashes = MARKDOWN_HEADING.match(raw)
        if hashes:
            yield raw[hashes.end():], pos + hashes.end()
        else:
            yield raw, pos
        pos += len(raw) + 1


def segment(text: str) -> list[Section]:
    """All numbered sections of ``text`` in document order, with parents and spans."""
    sections: list[Section] = []
    stack: list[int] = []
    last_numbers: dict[str, int] = {}
    for raw_line, line_start in _lines(text):
        lead = len(raw_line) - len(raw_line.lstrip())
        for piece, piece_start in _split_inline(raw_line.lstrip(), line_start + lead, last_numbers):
            _add_section(sections, stack, last_numbers, piece, piece_start)
    _close_spans(sections, len(text))
    return sections


def _add_section(sections: list[Section], stack: list[int], last: dict[str, int],
                 line: str, start: int) -> None:
    if p.TABLE_ROW.match(line):
        return
    family, match = next(((f, m) for f in FAMILIES if (m := f.pattern.match(line))), (None, None))
    if family is not None and family.name == "ordinal" and stack \
            and sections[stack[-1]].rank >= 2 and sections[stack[-1]].family != "heading":
        return  # 一是…二是… inside an item (一)/1. are that item's clauses, not parts
    if family is None or match is None:
        parent = sections[stack[-1]] if stack else None
        if parent is not None and parent.family in ("ordinal", "heading") and _is_subheading(line):
            family, match = _UNNUMBERED, re.match("^", line)
        else:
            return
    assert match is not None
    if family is _UNNUMBERED:
        while stack and sections[stack[-1]].rank >= family.rank:
            stack.pop()
        siblings = [s for s in sections if s.parent == (stack[-1] if stack else None)
                    and s.family == "heading"]
        label, number = str(len(siblings) + 1), len(siblings) + 1
    else:
        label, number = _label(family, match)
        if family.name == "part" and not _plausible_part(line, match):
            return
    last[family.name] = number
    while stack and sections[stack[-1]].rank >= family.rank:
        stack.pop()
    parent_index = stack[-1] if stack else None
    parent_path = sections[parent_index].path if parent_index is not None else ()
    body = line[match.end():]
    section = Section(
        family=family.name, rank=family.rank, number=number, label=label,
        title=_heading_title(body, family.name == "ordinal"), start=start,
        text_start=start + match.end(),
        parent=parent_index, path=(*parent_path, label),
    )
    if parent_index is not None:
        sections[parent_index].children += 1
    sections.append(section)
    stack.append(len(sections) - 1)


def _plausible_part(line: str, match: re.Match[str]) -> bool:
    """``一、`` opens a part; ``一、二、三级`` or a lone numeral list does not."""
    rest = line[match.end():]
    return bool(rest) and not re.match(r"[一二三四五六七八九十]+[、级]", rest)


def _close_spans(sections: list[Section], text_end: int) -> None:
    """Set each section's end (next section of equal or higher rank) and own end."""
    for i, section in enumerate(sections):
        section.end = text_end
        section.own_end = text_end
        for later in sections[i + 1:]:
            if section.own_end == text_end:
                section.own_end = later.start
            if later.rank <= section.rank or not _descends(sections, later, i):
                section.end = later.start
                break


def _descends(sections: list[Section], node: Section, ancestor: int) -> bool:
    parent = node.parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = sections[parent].parent
    return False


#: What ends a sentence for :func:`cued_sentences`.
_SENTENCE_STOP = re.compile(r"[。\n]")


def cued_sentences(text: str, cue: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of the sentences (up to and with their 。 or line break) that hold ``cue``,
    merged and in order: where a costly list pattern is worth running at all."""
    spans: list[tuple[int, int]] = []
    for m in cue.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        stop = _SENTENCE_STOP.search(text, m.end())
        spans.append((start, stop.end() if stop else len(text)))
    return spans
