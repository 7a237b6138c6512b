"""Records written as label | value rows: the labels a reader skips to reach the item.

Progress records and task sheets print each task as a two-column record, one label and its
value a line, often with the cells' bars kept (``重点工作: | 135.统筹…。 |`` then
``牵头单位: | 市城管执法局 |``).  Read as text, the item's number stands after a label, so the
numbered-structure reader does not see it, and the bars stand between a responsibility label
and its units.  :func:`blank_record_labels` blanks, offsets unchanged, the task label before
a numbered item and the bars of a label's row, so the item reads as a numbered item and its
label lines as the label lines they are.
"""

from __future__ import annotations

import re
from typing import Final

#: Labels of a record's task cell, before the item's own number.  Examples: ``重点工作:``,
#: ``工作任务：``, ``主要任务:``, ``任务内容:``, ``重点任务：``.
TASK_LABEL: Final = r"(?:重点工作|工作任务|重点任务|主要任务|任务内容|工作内容|任务名称)"
#: A task label before a numbered item, with a cell bar or not.  Example: ``重点工作: | 135.``.
_LABELLED_ITEM: Final = re.compile(
    rf"(?m)^[ \t]*(?P<label>{TASK_LABEL}[ \t]*[:：][ \t]*(?:\|[ \t]*)?)"
    r"(?=\d{1,3}[.．、]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])")
#: A label's row with cell bars: ``牵头单位: | 某局 |``; the bars go, the text stays.
_BARRED_ROW: Final = re.compile(r"(?m)^[ \t]*[\u4e00-\u9fff、]{2,12}[ \t]*[:：][ \t]*\|[^\n]*$")


def blank_record_labels(text: str) -> str:
    """``text`` with record labels before numbered items and the bars of label rows blanked."""
    chars = list(text)
    for m in _LABELLED_ITEM.finditer(text):
        chars[m.start("label"):m.end("label")] = " " * (m.end("label") - m.start("label"))
    for m in _BARRED_ROW.finditer(text):
        for k in range(m.start(), m.end()):
            if chars[k] == "|":
                chars[k] = " "
    return "".join(chars)
