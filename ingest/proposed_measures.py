"""The measures an interpretation lists: ``提出X，…；提出Y，…；提出Z，…``.

An interpretation (政策解读) does not number the measures of the plan it explains; it
restates them, one clause each, as what the plan 提出s::

    围绕共建共享“好品山东”，提出构建品牌体系，强化…；提出打造标准体系，引领…；提出夯实技术支撑，…

A run of at least :data:`MIN_RUN` consecutive clauses (split at ；。) that each propose
something is such a list, and each proposal's head — the words after 提出 up to the first
comma — is one measure.  A head that joins short verb phrases with 、 (``强化政策支持、严格品牌
监管``) is one measure per phrase.  One or two proposals in a row are prose (``提出做优存量，做强
增量``), not a list, and are left alone.

Pure: text in, :class:`Proposal` spans out; the pipeline turns them into tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

#: ``提出`` opening a clause or a comma-part of one (not ``提出的``, ``提出了``, ``提出过``).
#: Example: ``；提出打造标准体系，引领…`` or ``围绕…，提出构建品牌体系``.
PROPOSES: Final = re.compile(r"(?:^|(?<=[，,：:；;。\s]))提出(?![了的过])")
#: Where a clause of a list ends.  Example: the ``；`` in ``…层次性；提出打造…``.
CLAUSE_END: Final = re.compile(r"[；;。！？!?\n|]")
#: Where a measure's head ends.  Example: the ``，`` in ``构建品牌体系，强化…``.
HEAD_END: Final = re.compile(r"[，,；;。：:！？!?\n|]")
#: The separator of verb phrases inside one head.  Example: ``强化政策支持、严格品牌监管``.
PHRASE_SEPARATOR: Final = "、"
#: Fewest proposing clauses in a row that make a list.
MIN_RUN: Final = 3
#: Head lengths (characters) of a measure and of each phrase a head is split into.
HEAD_CHARS: Final = (2, 24)
PHRASE_CHARS: Final = (4, 10)


@dataclass(frozen=True)
class Proposal:
    """One measure: its head ``text[start:end]`` and the clause ``text[clause_start:clause_end]``."""

    start: int
    end: int
    clause_start: int
    clause_end: int

    def title(self, text: str) -> str:
        """The measure's words."""
        return text[self.start:self.end]


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in CLAUSE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _heads(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The measure(s) of one proposal head ``text[start:end]``."""
    parts, at = [], start
    for piece in text[start:end].split(PHRASE_SEPARATOR):
        parts.append((at, at + len(piece)))
        at += len(piece) + len(PHRASE_SEPARATOR)
    low, high = PHRASE_CHARS
    if len(parts) > 1 and all(low <= e - s <= high for s, e in parts):
        return parts
    return [(start, end)]


def find_proposals(text: str) -> list[Proposal]:
    """Every measure of every list of proposals in ``text``, in text order."""
    found: list[Proposal] = []
    run: list[Proposal] = []
    clauses_in_run = 0
    low, high = HEAD_CHARS

    def close() -> None:
        nonlocal clauses_in_run
        if clauses_in_run >= MIN_RUN:
            found.extend(run)
        run.clear()
        clauses_in_run = 0

    for c_start, c_end in _clauses(text):
        match = PROPOSES.search(text, c_start, c_end)
        if match is None:
            close()
            continue
        head_start = match.end()
        stop = HEAD_END.search(text, head_start, c_end)
        head_end = stop.start() if stop else c_end
        if not low <= head_end - head_start <= high:
            close()
            continue
        clauses_in_run += 1
        run.extend(Proposal(s, e, c_start, c_end) for s, e in _heads(text, head_start, head_end))
    close()
    return found
