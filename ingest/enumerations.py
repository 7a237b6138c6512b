"""Agencies enumerated in running text: a run of names joined by 、 that a reader takes as a
list of bodies (joint issuers, addressees, the bodies a sentence names together).

Spans first: the run is found by its shape (three or more names joined by 、, cut at
punctuation); a run counts as a list of agencies when two of its items are department
names of the table, or one when every item is built like an agency's name.  Its other
items are then read by the grammar of names (a level prefix or a province + words + an
organ suffix, :data:`LISTED_AGENCY`), as the items of a responsibility list are; a run
whose level prefix is a generic one (``各自治州卫生局、宣传部、…``) names the bodies of
every such place, a generic group, so its prefix-less items are no agencies.

Pure: :func:`enumerated_agencies` takes the text and returns spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import agency_table as table
from ingest import patterns as p
from ingest.agencies import AGENCY_SUFFIX, CUSTOMS, DEPARTMENT_MENTION, trim_left

_HAN = r"\u4e00-\u9fff"
#: A stretch of text between the marks that end a list: a sentence, a clause after a colon.
LIST_SPAN = re.compile(r"[^。;；:：\n]+")
#: Marks between the items and groups of one list (``…省能源局,国家税务总局青海省税务局、…``).
SEPARATOR = re.compile(r"[、,，]")
#: A character an organ's name ends with; a stretch without one names no agency.
ORGAN_END = re.compile(r"[局委办厅室会关队社部处站所院心组联协行]")
#: How a listed agency's name opens: a level prefix, or (within its first four characters) a
#: province, as central bodies' local offices are named.  Examples: ``省旅游局``,
#: ``民航青海监管局``, ``青海证监局``, ``武警青海总队``; not ``技术创新中心``, not
#: ``省级技术中心`` (a category).
_OPENING = re.compile(r"^(?:自治区|[省市县区州](?!级))|^[\u4e00-\u9fff]{0,4}(?:"
                      + "|".join(table.PROVINCES) + ")")
#: A listed agency's name: words, then an organ suffix.  Example: ``省民族宗教委员会``.
LISTED_AGENCY = re.compile(rf"[{_HAN}()（）]{{1,20}}(?:{AGENCY_SUFFIX.pattern.rstrip('$')})")
#: Words that close the last item of a group: the sentence goes on.  Example: ``联合`` in
#: ``省旅游局联合制定了``; not the 联合会 of ``省妇女联合会``.
RUN_END = re.compile(r"(?:联合(?!会)|共同|分别|负责|牵头|配合|会同|等|要|印发|制定|发布|按照|根据"
                     r"|将|对|于|为|的|在)")
#: Items of a generic prefix: ``各自治州卫生局`` (the 卫生局 of every 自治州).
GENERIC_PREFIX = re.compile(r"^各")
#: Least number of items in a list, and of table department names among them, that make
#: it a list of agencies (one is enough when every item is built like an agency's name).
MIN_ITEMS = 3
MIN_KNOWN = 2


@dataclass(frozen=True)
class Enumerated:
    """Agencies a run names (written form, start, end) and spans a generic run covers."""

    agencies: tuple[tuple[str, int, int], ...]
    generic: tuple[tuple[int, int], ...]


def enumerated_agencies(text: str) -> Enumerated:
    """The agencies of every list of agencies in ``text`` and the spans of generic runs."""
    agencies: list[tuple[str, int, int]] = []
    generic: list[tuple[int, int]] = []
    if text.count("、") < 2:
        return Enumerated((), ())
    for span in LIST_SPAN.finditer(text):
        words = span.group()
        if "、" not in words or len(SEPARATOR.findall(words)) < MIN_ITEMS - 1 \
                or not ORGAN_END.search(words):
            continue  # cheap tests first: too few items, or no word that ends an organ
        groups = [_items(g.group(), span.start() + g.start())
                  for g in re.finditer(r"[^,，]+", span.group())]
        items = [item for group in groups for item in group]
        known = sum(1 for item, _ in items if _known(item))
        if len(items) < MIN_ITEMS or known == 0 or (
                known < MIN_KNOWN and not all(_agency_shaped(item) for item, _ in items)):
            continue
        for group in groups:
            shared_generic = False
            for item, at in group:
                if GENERIC_PREFIX.match(item):
                    shared_generic = True
                    continue
                opens = bool(_OPENING.match(item))
                if shared_generic and not opens:
                    generic.append((at, at + len(item)))
                elif _agency_shaped(item):
                    agencies.append((item, at, at + len(item)))
    return Enumerated(tuple(agencies), tuple(generic))


def _agency_shaped(item: str) -> bool:
    """Whether an item is built like an agency's name (and is no firm, no generic group)."""
    return bool(_OPENING.match(item) and LISTED_AGENCY.fullmatch(item)
                and not p.FIRM.search(item) and not p.GENERIC_UNIT.search(item))


def _known(item: str) -> bool:
    return bool(DEPARTMENT_MENTION.fullmatch(item) or CUSTOMS.fullmatch(item))


def _items(group: str, offset: int) -> list[tuple[str, int]]:
    """The items of a 、-group; the first without the words before it (``会同``), the last
    without the words after it (``联合制定了``)."""
    out = []
    at = offset
    pieces = group.split("、")
    for k, item in enumerate(pieces):
        start = at
        if k == len(pieces) - 1:
            end = RUN_END.search(item, 2)
            item = item[:end.start()] if end else item
        if k == 0 and (ORGAN_END.match(item.rstrip()[-1:]) or "各" in item):
            # only an item that may name a body needs its lead words cut (the costly part)
            trimmed = trim_left(item.strip())
            start, item = at + len(item) - len(trimmed), trimmed
        out.append((item.strip(), start))
        at += len(pieces[k]) + 1
    return out
