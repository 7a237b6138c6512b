"""`policygraph register import | list | remove | export`: published lists in a build.

A register (好品山东 brands, 中华老字号, a quality award's winners …) is read from CSV or XLSX
(:mod:`ingest.registers`), stored in the build beside the extractions
(``registers.json``) and built into the same graph, so ``serve`` shows it at once and
``policygraph load`` brings it into Neo4j.  Importing the same list again changes nothing;
importing a list of the same name replaces it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated

import typer

from graph.build import read_extractions, read_registers, write_build
from ingest.registers import FIELDS, RegisterRead, read_register, table_of
from ontology.model import Extraction, Register

DEFAULT_BUILD = Path("build")
register_app = typer.Typer(
    name="register",
    help="Published lists of a programme (brand lists, 老字号, award winners) in a build: "
    "import from CSV/XLSX, list, remove, export.",
    no_args_is_help=True,
)

BuildOpt = Annotated[Path, typer.Option(
    "--build", "-b", help="Build directory (the one `serve` and `load` read).")]


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(1)


def _columns(specs: list[str] | None) -> dict[str, str]:
    """``enterprise=申报单位,brand=C`` (repeatable) → {field: header or column}."""
    out: dict[str, str] = {}
    for spec in specs or []:
        for part in filter(None, (x.strip() for x in spec.replace("，", ",").split(","))):
            field, sep, column = part.partition("=")
            if not sep or not column.strip():
                raise _fail(f"--columns {part!r}: write FIELD=HEADER or FIELD=NUMBER "
                            f"(fields: {', '.join(FIELDS)})")
            out[field.strip()] = column.strip()
    return out


def _load(build: Path) -> tuple[list[Extraction], list[Register]]:
    extractions = read_extractions(build) if (build / "extractions.json").is_file() else []
    return extractions, read_registers(build)


def _report(read: RegisterRead, path: Path) -> None:
    register = read.register
    where = f"header row {read.header_row}" if read.header_row else "no header row"
    mapped = ", ".join(f"{column} → {field}" for field, column in read.columns.items())
    typer.echo(f"read {path}: {where} ({mapped})", err=True)
    facts = [f"programme {register.programme or '(per row)'}"]
    facts += [f"batch {register.batch}"] if register.batch is not None else []
    facts += [f"year {register.year}"] if register.year is not None else []
    facts += [f"agency {register.agency.name}"] if register.agency is not None else []
    typer.echo(f"  {', '.join(facts)}", err=True)
    for problem in read.problems:
        typer.echo(f"warning: {problem}", err=True)


@register_app.command("import")
def import_register(
    file: Annotated[Path, typer.Argument(help="The list: a .csv (any usual encoding) or .xlsx file.")],
    build: BuildOpt = DEFAULT_BUILD,
    programme: Annotated[str | None, typer.Option(
        "--programme", "-p", help="Programme the list is of (default: the name its title "
        "quotes, e.g. 第一批“好品山东”品牌名单 → 好品山东).")] = None,
    batch: Annotated[int | None, typer.Option(
        "--batch", min=1, help="Batch number (default: 第N批 in the title).")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help="Year of the list (default: a year in the title).")] = None,
    agency: Annotated[str | None, typer.Option(
        "--agency", help="Agency that published it, in full (山东省市场监督管理局).")] = None,
    columns: Annotated[list[str] | None, typer.Option(
        "--columns", metavar="FIELD=HEADER,…",
        help="Which column holds which field when the header says something unusual: "
        f"fields {', '.join(FIELDS)}; a header text, a column number (1 = first) or letter.")]
        = None,
    name: Annotated[str | None, typer.Option(
        "--name", help="Name of the list in the build (default: the file name).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Store nothing of the file if any row is bad (exit 1).")] = False,
) -> None:
    """Import a published list into the build: one recognition per row.

    Each bad row (no enterprise or brand, unknown or ambiguous region, duplicate, unreadable
    batch or year) is named with its row number and left out; with --strict nothing of the
    file is stored. Importing the same list again changes nothing.
    """
    read = read_register(file, programme=programme, batch=batch, year=year, agency=agency,
                         columns=_columns(columns), name=name)
    _report(read, file)
    if strict and read.problems:
        raise _fail(f"{len(read.problems)} bad row(s) in {file}; nothing stored (--strict)")
    if not read.register.entries:
        raise _fail(f"{file}: no row to import")
    extractions, registers = _load(build)
    new = read.register
    if any(e.source == new.source for e in extractions):
        raise _fail(f"a document of the build is called {new.source}; give the list "
                    "another name with --name")
    old = next((r for r in registers if r.source == new.source), None)
    kept = [r for r in registers if r.source != new.source]
    built = write_build(extractions, build, [*kept, new])
    stored = next((r for r in read_registers(build) if r.source == new.source), None)
    count = len(stored.entries) if stored else 0
    change = ("unchanged" if old == new else "replaced" if old is not None else "added")
    typer.echo(f"{new.source}: {count} of {read.rows} row(s) imported into {build}/ "
               f"({change}; {len(read.problems)} bad row(s))")
    typer.echo(f"  enterprises {built.summary['enterprises']}, recognitions "
               f"{built.summary['recognitions']} in the build; `policygraph load {build}` "
               "brings them into Neo4j")


@register_app.command("list")
def list_registers(build: BuildOpt = DEFAULT_BUILD) -> None:
    """The lists imported into the build."""
    registers = read_registers(build)
    if not registers:
        typer.echo(f"no registers in {build}/ (import one with `policygraph register import`)")
        return
    for register in registers:
        extra = " ".join(x for x in (
            f"batch {register.batch}" if register.batch is not None else "",
            f"{register.year}" if register.year is not None else "") if x)
        typer.echo(f"{register.source:<32} {register.programme:<12} {extra:<14} "
                   f"{len(register.entries):>6} row(s)  {register.title or ''}")


@register_app.command("remove")
def remove_register(
    name: Annotated[str, typer.Argument(help="Name of the list in the build (see `register list`).")],
    build: BuildOpt = DEFAULT_BUILD,
) -> None:
    """Remove a list from the build (its recognitions go; enterprises others name stay)."""
    extractions, registers = _load(build)
    if all(r.source != name for r in registers):
        raise _fail(f"no register {name!r} in {build}/ (see `policygraph register list`)")
    write_build(extractions, build, [r for r in registers if r.source != name])
    typer.echo(f"removed {name} from {build}/; `policygraph remove {name}` removes it from "
               "Neo4j")


@register_app.command("export")
def export_register(
    name: Annotated[str, typer.Argument(help="Name of the list in the build.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write: .csv or .xlsx.")],
    build: BuildOpt = DEFAULT_BUILD,
) -> None:
    """Write a stored list back as CSV (UTF-8 with BOM, for Excel) or XLSX; importing the
    file again gives the same recognitions."""
    register = next((r for r in read_registers(build) if r.source == name), None)
    if register is None:
        raise _fail(f"no register {name!r} in {build}/ (see `policygraph register list`)")
    rows = table_of(register)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise _fail(f"{out}: write a .csv or .xlsx file")
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        out.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    else:
        _write_xlsx(out, rows)
    typer.echo(f"wrote {out} ({len(register.entries)} row(s))")


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "名单"
    for row in rows:
        sheet.append(row)
    book.save(path)


def register(app: typer.Typer) -> None:
    """Add the ``register`` group to the main CLI."""
    app.add_typer(register_app, name="register")
