"""A view of a text with the artefacts of a copy from a PDF undone, with offsets back.

Text copied out of a PDF keeps the page's line breaks inside sentences and the spaces the
typesetter put around numbers::

    对当年评为省级未来工厂、省级智能工厂、
    绍兴市级智能工厂的,分别给予 100 万元、30 万元、20 万元奖励。

A sentence reader that works line by line sees two sentences there, and a money pattern sees
no ``100万元``.  :func:`unwrap` deletes those line breaks and spaces (and nothing else), so
the extractors read the view and map what they find back with :meth:`View.source_span`.

A line break is a wrap when the text is hard-wrapped (at least :data:`MIN_WRAPS` such breaks)
and the line before it is long (:data:`WRAP_MIN_LINE` characters, within
:data:`WRAP_WIDTH_SHARE` of the longest wrapped line), ends inside a sentence
(:data:`WRAP_OPEN_END`) and is followed by a line that opens with no list
marker (:data:`WRAP_NEXT_START`); table rows (``|``, tabs) never wrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A space a PDF's typesetting put between a number and the words around it (deleted by
#: :func:`ingest.wrapped_lines.unwrap`).  Examples: both spaces of ``给予 100 万元``,
#: the one of ``1 亿元``; not the one of ``AAA 级`` or ``2022-12-19 10:21``.
NUMBER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff,，、:：]) (?=\d)|(?<=\d) (?=[万亿千元%])")
#: The end of a line broken inside a sentence: a character, digit or a comma, not a full
#: stop, colon or closing bracket.  Example: ``…省级智能工厂、`` before ``绍兴市级…``.
WRAP_OPEN_END = re.compile(r"[\u4e00-\u9fff0-9A-Za-z、,，]$")
#: The start of a line that continues a wrapped sentence: no list marker, no heading.
#: Examples: ``绍兴市级智能工厂``, ``万元、1 亿元的``; not ``(二)加快…``, ``2.做强…``, ``——``.
WRAP_NEXT_START = re.compile(
    r"(?![一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)"
    r"|第[一二三四五六七八九十百零\d]+[条章节款])[\u4e00-\u9fff0-9]"
)
#: A table row or a field line, which never wraps.  Example: ``A02 | 对…``.
WRAP_NEVER = re.compile(r"[|｜\t]")
#: Shortest line (in characters) that can end in a wrap: headings are shorter.
WRAP_MIN_LINE = 16
#: Fewest wraps that make a text hard-wrapped; below it, breaks are the author's.
MIN_WRAPS = 3
#: A wrapped line is at least this share of the longest wrapped line (the page width).
WRAP_WIDTH_SHARE = 0.7


@dataclass(frozen=True)
class View:
    """``text`` with some characters of ``source`` deleted; ``origin[i]`` is where the
    ``i``-th character of ``text`` stands in ``source`` (``None``: nothing was deleted)."""

    text: str
    origin: tuple[int, ...] | None
    source_length: int

    @property
    def unchanged(self) -> bool:
        """Whether the view is its source."""
        return self.origin is None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``source`` that ``text[start:end]`` was read from."""
        if self.origin is None:
            return start, end
        if start >= len(self.origin):
            return self.source_length, self.source_length
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, last


def unwrap(text: str) -> View:
    """``text`` without its PDF line wraps and the spaces around its numbers (most texts
    have neither: their view is the text itself, with no table of offsets).

    Linear in the length of ``text``.
    """
    deleted = {m.start() for m in NUMBER_SPACE.finditer(text)}
    deleted.update(_wraps(text))
    if not deleted:
        return View(text, None, len(text))
    kept = [i for i in range(len(text)) if i not in deleted]
    return View("".join(text[i] for i in kept), tuple(kept), len(text))


def _wraps(text: str) -> list[int]:
    """Offsets of the line breaks that wrap a sentence (see the module docstring)."""
    candidates: list[tuple[int, int]] = []  # (offset of the break, length of the line before)
    line_start = 0
    while True:
        brk = text.find("\n", line_start)
        if brk < 0:
            break
        line = text[line_start:brk].strip()
        next_end = text.find("\n", brk + 1)
        following = text[brk + 1:len(text) if next_end < 0 else next_end]
        if (len(line) >= WRAP_MIN_LINE and WRAP_OPEN_END.search(line)
                and WRAP_NEXT_START.match(following)
                and not WRAP_NEVER.search(line) and not WRAP_NEVER.search(following)):
            candidates.append((brk, len(line)))
        line_start = brk + 1
    if len(candidates) < MIN_WRAPS:
        return []
    width = max(length for _, length in candidates)
    return [brk for brk, length in candidates if length >= WRAP_WIDTH_SHARE * width]
