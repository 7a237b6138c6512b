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
(:data:`patterns_funding.WRAP_OPEN_END`) and is followed by a line that opens with no list
marker (:data:`patterns_funding.WRAP_NEXT_START`); table rows (``|``, tabs) never wrap.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest import patterns_funding as p

#: Shortest line (in characters) that can end in a wrap: headings are shorter.
WRAP_MIN_LINE = 16
#: Fewest wraps that make a text hard-wrapped; below it, breaks are the author's.
MIN_WRAPS = 3
#: A wrapped line is at least this share of the longest wrapped line (the page width).
WRAP_WIDTH_SHARE = 0.7


@dataclass(frozen=True)
class View:
    """``text`` with some characters of ``source`` deleted; ``origin[i]`` is where the
    ``i``-th character of ``text`` stands in ``source``."""

    text: str
    origin: tuple[int, ...]
    source_length: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``source`` that ``text[start:end]`` was read from."""
        if start >= len(self.origin):
            return self.source_length, self.source_length
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, last


def unwrap(text: str) -> View:
    """``text`` without its PDF line wraps and the spaces around its numbers.

    Linear in the length of ``text``; an unwrapped text returns a view equal to it.
    """
    deleted = {m.start() for m in p.NUMBER_SPACE.finditer(text)}
    deleted.update(_wraps(text))
    if not deleted:
        return View(text, tuple(range(len(text))), len(text))
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
        if (len(line) >= WRAP_MIN_LINE and p.WRAP_OPEN_END.search(line)
                and p.WRAP_NEXT_START.match(following)
                and not p.WRAP_NEVER.search(line) and not p.WRAP_NEVER.search(following)):
            candidates.append((brk, len(line)))
        line_start = brk + 1
    if len(candidates) < MIN_WRAPS:
        return []
    width = max(length for _, length in candidates)
    return [brk for brk, length in candidates if length >= WRAP_WIDTH_SHARE * width]
