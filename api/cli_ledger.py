"""``policygraph ledger``: the coordinators' 任务分解表 of a build, as XLSX or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_BUILD = Path("build")


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(1)


def ledger(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write: .xlsx or .csv "
                                      "(UTF-8 with BOM, so Excel reads it).")],
    build: Annotated[Path, typer.Option("--build", "-b", help="Build directory.")]
    = DEFAULT_BUILD,
    plan: Annotated[str | None, typer.Option("--plan", help="Only this plan (key).")] = None,
    agency: Annotated[str | None, typer.Option(
        "--agency", help="Only the tasks this agency (key) leads or co-owns, one sheet per "
        "plan.")] = None,
    region: Annotated[str | None, typer.Option(
        "--region", help="Only the plans of this region (key or name, e.g. 德州市).")] = None,
) -> None:
    """Write the ledger: one row per task (序号, 任务, 牵头单位, 配合单位, 目标, 完成时限, 所属规划,
    原文, 出处), one sheet per plan; without a filter every plan."""
    from api.deps import node_key
    from api.ledger_files import ledger_bytes
    from graph import ledger as sheets_of
    from graph.embedded import EmbeddedRepository
    from graph.property_graph import load_build
    from ontology.model import NodeKind

    if sum(x is not None for x in (plan, agency, region)) > 1:
        raise _fail("give at most one of --plan, --agency, --region")
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("xlsx", "csv"):
        raise _fail(f"{out}: write a .xlsx or .csv file")
    if out.is_dir():
        raise _fail(f"{out} is a directory; name the file to write")
    repo = EmbeddedRepository(load_build(build), location=str(build))
    if plan is not None:
        sheets = [sheets_of.plan_sheet(repo.plan(node_key(NodeKind.PLAN, plan)))]
    elif agency is not None:
        key = node_key(NodeKind.AGENCY, agency)
        repo.agency(key)
        sheets = sheets_of.agency_sheets(repo, key)
    elif region is not None:
        sheets = sheets_of.region_sheets(repo, region)
    else:
        sheets = sheets_of.all_sheets(repo)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(ledger_bytes(sheets, fmt))
    rows = sum(len(s.rows) for s in sheets)
    typer.echo(f"wrote {out}: {rows} task(s) in {len(sheets)} sheet(s)")


def register(app: typer.Typer) -> None:
    """Add ``ledger`` to the ``policygraph`` app."""
    app.command()(ledger)
