"""Published lists (registers) → :class:`~ontology.model.Register`.

Agencies publish the holders of a programme as tables: 序号 | 企业名称 | 品牌名称 | 所在地 |
类别 …, as CSV or Excel.  :func:`read_register` reads such a file (the only file I/O here;
CSV in any encoding :func:`~ingest.reader.decode_bytes` reads, XLSX through openpyxl) and
:func:`parse_rows` turns its rows into a register, purely:

* the header is the first of the top rows in which at least two cells name known columns
  (:mod:`ingest.patterns_registers`), one of them an enterprise or a brand; rows above it
  are the list's title (``第一批“好品山东”品牌名单`` gives programme, batch and year when the
  caller does not) and ``label,value`` lines (``发布单位,山东省农业厅``, ``称号,…``);
  ``columns`` maps fields to header names or column numbers when the header says
  something else;
* every later row is an entry; a blank row is skipped; a row with no enterprise and no
  brand, an unknown or ambiguous region, an unreadable batch or year, or that repeats an
  earlier row, is a :class:`RowProblem` naming the row, and is not kept.

Names are kept as written (spaces removed, Traditional characters simplified); a region is
resolved to its division and the divisions around it (:func:`ingest.regions.place_paths`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ingest import patterns_registers as p
from ingest.agencies import AgencyResolver
from ingest.errors import IngestError
from ingest.normalize import to_simplified
from ingest.numbers import parse_number
from ingest.reader import decode_bytes
from ingest.regions import gazetteer, place_paths, province_of
from ontology.model import Agency, Register, RegisterEntry

#: Largest register file read (a province's list is a few thousand rows).
MAX_BYTES: Final = 50 * 1024 * 1024
#: How many top rows may come before the header (titles, notes).
HEADER_SEARCH_ROWS: Final = 10
FIELDS: Final = tuple(p.HEADERS)
SUFFIXES: Final = (".csv", ".xlsx")


class RegisterError(IngestError):
    """A register file cannot be read at all (not a table, no header, no programme …)."""


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported, and why."""

    source: str
    row: int
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: row {self.row}: {self.problem}"


@dataclass(frozen=True)
class RegisterRead:
    """What reading a register gave: the register, its bad rows, and how it was read."""

    register: Register
    problems: tuple[RowProblem, ...]
    header_row: int
    columns: Mapping[str, str]  # field → the header (or column number) it was read from
    rows: int  # data rows after the header, blank ones included


def read_rows(path: Path) -> list[list[str]]:
    """The cells of a CSV or XLSX file as text, row by row (the first sheet of a workbook)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise RegisterError(str(path), f"not a register file ({suffix or 'no suffix'}); "
                            "use .csv or .xlsx")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RegisterError(str(path), f"file is {size} bytes, more than {MAX_BYTES}")
        data = path.read_bytes()
    except OSError as e:
        raise RegisterError(str(path), f"cannot read: {e.strerror or e}") from e
    if suffix == ".xlsx":
        return _xlsx_rows(data, str(path))
    text, _ = decode_bytes(data, str(path))
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(data: bytes, name: str) -> list[list[str]]:
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise RegisterError(name, f"not a readable XLSX workbook ({e})") from e
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise RegisterError(name, "the workbook has no sheet")
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_register(path: Path, *, programme: str | None = None, batch: int | None = None,
                  year: int | None = None, agency: str | None = None,
                  columns: Mapping[str, str] | None = None, name: str | None = None,
                  title: str | None = None) -> RegisterRead:
    """Read the register in ``path`` (see the module doc); ``name`` is its name in a build
    (default: the file name)."""
    rows = read_rows(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return parse_rows(rows, name or path.name, programme=programme, batch=batch, year=year,
                      agency=agency, columns=columns, title=title, sha256=digest)


def parse_rows(rows: Sequence[Sequence[str]], source: str, *, programme: str | None = None,
               batch: int | None = None, year: int | None = None, agency: str | None = None,
               columns: Mapping[str, str] | None = None, title: str | None = None,
               sha256: str | None = None) -> RegisterRead:
    """The register the rows of a table hold (pure; see the module doc)."""
    cells = [[_clean(c) for c in row] for row in rows]
    header_at, mapping = _header(cells, columns or {}, source)
    meta = _meta_above(cells[:max(header_at, 0)])
    title = title or _title_above([r for r in cells[:max(header_at, 0)] if not _meta_row(r)])
    programme = programme or meta.get("programme") or _title_programme(title)
    agency = agency or meta.get("agency")
    if batch is None and meta.get("batch"):
        batch = _int(p.BATCH.sub(r"\1", meta["batch"]))
    if year is None and meta.get("year"):
        year = _int(meta["year"].removesuffix("年"))
    has_programme_column = "programme" in mapping
    if not programme and not has_programme_column:
        raise RegisterError(source, "no programme: the title names none and there is no "
                            "programme column; give one (--programme 好品山东)")
    # a title naming one batch or year gives it (第一批、第三批 names none of its own)
    if batch is None and title and len(found := p.BATCH.findall(title)) == 1:
        batch = _int(found[0])
    if year is None and title and len(years := set(p.YEAR.findall(title))) == 1:
        year = int(years.pop())
    agency_record = _agency(agency)
    province = province_of(agency_record.region) if agency_record else None
    entries: list[RegisterEntry] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, ...], int] = {}
    index = {field: col for field, col in mapping.items()}
    for n, row in enumerate(cells[header_at + 1:], start=header_at + 2):
        if not any(row):
            continue
        entry, problem = _entry(row, n, index, province, programme)
        if problem is not None:
            problems.append(RowProblem(source, n, problem))
            continue
        assert entry is not None
        key = _identity(entry, programme)
        if key in seen:
            problems.append(RowProblem(source, n, f"duplicate of row {seen[key]}"))
            continue
        seen[key] = n
        entries.append(entry)
    register = Register(source=source, programme=programme or "", title=title, batch=batch,
                        year=year, agency=agency_record, sha256=sha256, entries=tuple(entries))
    names = {field: _column_name(cells[header_at] if header_at >= 0 else [], col)
             for field, col in mapping.items()}
    return RegisterRead(register, tuple(problems), header_at + 1,
                        names, max(len(cells) - header_at - 1, 0))


# -- the header and the title ------------------------------------------------------------


def _clean(cell: str) -> str:
    return to_simplified(re.sub(r"\s+", "", cell or ""))


def _header(cells: list[list[str]], columns: Mapping[str, str],
            source: str) -> tuple[int, dict[str, int]]:
    """(index of the header row, field → column index); -1 when every column is given
    by number and no row looks like a header."""
    unknown = set(columns) - set(FIELDS)
    if unknown:
        raise RegisterError(source, f"unknown field(s) in --columns: {', '.join(sorted(unknown))}"
                            f"; fields are {', '.join(FIELDS)}")
    for at, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        found = _fields_of(row)
        named = _named_columns(row, columns)
        if named is None:
            continue
        found.update(named)
        if len(found) >= 2 and ({"enterprise", "brand"} & set(found)):
            return at, found
    positional = {f: _position(c) for f, c in columns.items()}
    if columns and all(v is not None for v in positional.values()):
        return -1, {f: v for f, v in positional.items() if v is not None}
    hint = "; map them with --columns enterprise=…,brand=…" if cells else ""
    raise RegisterError(source, "no header row with an enterprise or brand column in the "
                        f"first {HEADER_SEARCH_ROWS} rows{hint}")


def _fields_of(row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, cell in enumerate(row):
        field = p.field_of(cell)
        if field is not None and field not in found:
            found[field] = col
    return found


def _named_columns(row: list[str], columns: Mapping[str, str]) -> dict[str, int] | None:
    """Columns of ``columns`` found in ``row`` (by header text or number); None when a
    header text named in ``columns`` is not in this row."""
    out: dict[str, int] = {}
    keys = [p.header_key(c) for c in row]
    for field, wanted in columns.items():
        position = _position(wanted)
        if position is not None:
            out[field] = position
        elif p.header_key(wanted) in keys:
            out[field] = keys.index(p.header_key(wanted))
        else:
            return None
    return out


def _position(text: str) -> int | None:
    """A column given by number (``2``, 1-based) or letter (``B``)."""
    text = text.strip()
    if text.isdigit() and int(text) >= 1:
        return int(text) - 1
    if re.fullmatch(r"[A-Za-z]{1,2}", text):
        value = 0
        for char in text.upper():
            value = value * 26 + ord(char) - 64
        return value - 1
    return None


def _column_name(header: list[str], col: int) -> str:
    return header[col] if 0 <= col < len(header) and header[col] else f"column {col + 1}"


def _meta_row(row: list[str]) -> str | None:
    """The field a ``label,value`` line above the header gives (``发布单位`` → agency)."""
    filled = [c for c in row if c]
    if len(filled) != 2:
        return None
    label = p.header_key(filled[0])
    return next((field for field, labels in p.META_LABELS.items()
                 if label in {p.header_key(x) for x in labels}), None)


def _meta_above(rows: list[list[str]]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in rows:
        field = _meta_row(row)
        if field is not None:
            meta.setdefault(field, [c for c in row if c][1])
    return meta


def _title_above(rows: list[list[str]]) -> str | None:
    lines = ["".join(r) for r in rows if any(r)]
    titled = [line for line in lines if p.LIST_TITLE.search(line)]
    return next(iter(titled or lines), None)


def _title_programme(title: str | None) -> str | None:
    if not title:
        return None
    m = p.QUOTED_PROGRAMME.search(title)
    return m.group(1) if m else None


def _agency(text: str | None) -> Agency | None:
    if not text:
        return None
    name = _clean(text)
    mention = next(gazetteer().mentions(name), None)
    if mention is None or mention.start != 0:
        return Agency(name=name)
    division = mention.divisions[0]
    province = province_of(division.name)
    resolver = AgencyResolver(region=division.name, level=division.level, province=province)
    ref = resolver.resolve(name, from_list=True)
    if ref is None:
        return Agency(name=name, region=division.name, level=division.level)
    return Agency(name=ref.name, region=ref.region or division.name,
                  level=ref.level or division.level, aliases=(name,) if name != ref.name else ())


# -- rows -----------------------------------------------------------------------------------


def _entry(row: list[str], n: int, index: Mapping[str, int], province: str | None,
           programme: str | None) -> tuple[RegisterEntry | None, str | None]:
    def cell(field: str) -> str | None:
        col = index.get(field)
        return (row[col] or None) if col is not None and col < len(row) else None

    enterprise, brand = cell("enterprise"), _brand(cell("brand"))
    if not enterprise and not brand:
        return None, "no enterprise or brand name"
    if not programme and not cell("programme"):
        return None, "no programme (the row's programme column is empty)"
    region, path = cell("region"), tuple[str, ...]()
    if region:
        paths = place_paths(region, province)
        if not paths:
            return None, f"unknown region {region!r}"
        if len(paths) > 1:
            return None, f"ambiguous region {region!r} ({' / '.join(x[0] for x in paths)})"
        *outer, region = paths[0]
        path = tuple(outer)
    numbers: dict[str, int | None] = {}
    for field in ("batch", "year"):
        text = cell(field)
        value = _int(p.BATCH.sub(r"\1", text).removesuffix("年")) if text else None
        if text and value is None:
            return None, f"{field} {text!r} is not a number"
        numbers[field] = value
    if numbers["batch"] is not None and numbers["batch"] < 1:
        return None, f"batch {numbers['batch']} is not a batch number"
    return RegisterEntry(row=n, enterprise=enterprise, brand=brand, product=cell("product"),
                         category=cell("category"), region=region, region_path=path,
                         programme=cell("programme"), batch=numbers["batch"],
                         year=numbers["year"]), None


def _brand(text: str | None) -> str | None:
    """A brand cell without its quotes (“德州牌” → 德州牌)."""
    if not text:
        return None
    return text.strip("“”\"「」《》") or None


def _int(text: str) -> int | None:
    value = parse_number(text.strip())
    return value if isinstance(value, int) else None


def _identity(entry: RegisterEntry, programme: str | None) -> tuple[str, ...]:
    return (entry.programme or programme or "", entry.enterprise or "", entry.brand or "",
            str(entry.batch or ""), str(entry.year or ""))


#: The columns :func:`table_of` writes; :func:`parse_rows` reads them back.
EXPORT_HEADER: Final = ("行号", "企业名称", "品牌名称", "产品名称", "类别", "所在地区", "称号", "批次",
                        "年份")


def table_of(register: Register) -> list[list[str]]:
    """The register as a table (title row, header, one row per entry) that
    :func:`parse_rows` reads back into the same entries (rows renumbered)."""
    rows: list[list[str]] = [[register.title or register.programme]]
    if register.agency is not None:
        written = register.agency.aliases[0] if register.agency.aliases else register.agency.name
        rows.append(["发布单位", written])
    rows.append(list(EXPORT_HEADER))
    for entry in register.entries:
        recognised = register.recognition(entry)
        rows.append([str(entry.row), entry.enterprise or "", entry.brand or "",
                     entry.product or "", entry.category or "",
                     "".join((*entry.region_path, entry.region)) if entry.region else "",
                     recognised.programme,
                     str(recognised.batch) if recognised.batch is not None else "",
                     str(recognised.year) if recognised.year is not None else ""])
    return rows
