"""Ledger sheets (:mod:`graph.ledger`) as the files coordinators open: XLSX and CSV.

XLSX (openpyxl): one worksheet per plan, the header row frozen and bold, column widths
set for Chinese text, long cells wrapped.  CSV: UTF-8 with a byte-order mark (so Excel
reads the Chinese), one header, every plan's rows in turn (the 所属规划 column tells them
apart).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Final

from graph.ledger import HEADER, Sheet

#: Column widths in characters (a Chinese character counts about two).
WIDTHS: Final = (10, 40, 22, 30, 36, 14, 30, 60, 36)
MEDIA_TYPES: Final = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
_SHEET_NAME_BAD: Final = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX: Final = 31


def sheet_names(sheets: Sequence[Sheet]) -> list[str]:
    """Worksheet names: each plan's name cut to Excel's 31 characters, made unique."""
    names: list[str] = []
    for sheet in sheets:
        base = _SHEET_NAME_BAD.sub("_", sheet.plan).strip("'") or "规划"
        name, n = base[:_SHEET_NAME_MAX], 2
        while name in names:
            suffix = f"({n})"
            name, n = base[:_SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """The ledger as an XLSX workbook (an empty sheet with the header if there is none)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    for name, sheet in zip(sheet_names(sheets) or ["台账"], sheets or [Sheet("台账", "", ())],
                           strict=True):
        ws = book.create_sheet(title=name)
        ws.append(list(HEADER))
        for cells in sheet.rows:
            ws.append(list(cells))
        ws.freeze_panes = "A2"
        for n, width in enumerate(WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(n)].width = width
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_csv(sheets: Sequence[Sheet]) -> bytes:
    """The ledger as one CSV table, UTF-8 with BOM, CRLF line ends (as Excel writes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for sheet in sheets:
        writer.writerows(sheet.rows)
    return buffer.getvalue().encode("utf-8-sig")


def ledger_bytes(sheets: Sequence[Sheet], fmt: str) -> bytes:
    """The file of ``fmt`` (``xlsx`` or ``csv``)."""
    if fmt == "xlsx":
        return to_xlsx(sheets)
    if fmt == "csv":
        return to_csv(sheets)
    raise ValueError(f"unknown ledger format {fmt!r}; use xlsx or csv")
