"""The ``policygraph`` command line: thin commands that call the layers."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from api import cli_cascade, cli_eval, cli_graph, cli_ledger, cli_register, cli_serve, cli_synth, cli_viz
from api.cli_neo4j import neo4j_app
from graph.errors import GraphError
from ingest.corpus import CorpusResult, Problem, Progress, corpus_files
from ingest.errors import IngestError
from viz.errors import VizError

app = typer.Typer(
    name="policygraph",
    help="Turn Chinese government plans into a knowledge graph of plans, tasks, agencies, "
    "targets and brands; load it into Neo4j, serve it, draw it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(neo4j_app, name="neo4j")

#: The sample corpus that ships with the project.
DEFAULT_CORPUS = Path("data/corpus")
DEFAULT_BUILD = Path("build")
#: Set to show the traceback of a failure instead of its one line.
DEBUG_ENV = "POLICYGRAPH_DEBUG"

StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="Exit with status 1 if any input file could not be processed.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")]
WorkersOpt = Annotated[int, typer.Option(
    "--workers", "-j", min=1, help="Worker processes for extraction (the output is the same "
    "bytes as with 1).")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", help="Extract on a Dask cluster instead: its scheduler's address, "
    "tcp://HOST:PORT (needs dask.distributed: pip install 'policygraph[cluster]').",
    show_default=False)]


def _echo_err(message: str) -> None:
    typer.echo(message, err=True)


def _run_extraction(inputs: list[Path], quiet: bool, workers: int = 1,
                    scheduler: str | None = None) -> CorpusResult:
    from ingest.parallel import extract_corpus

    files = corpus_files(inputs)
    missing = [p for p in inputs if not p.exists() and not p.is_symlink()]
    for path in missing:
        _echo_err(f"error: {path}: no such file or directory")
    if not files and not missing:
        _echo_err("error: no documents found (looked for " + ", ".join(map(str, inputs)) + ")")
    progress = None if quiet or len(files) < 20 else _progress_printer()
    result = extract_corpus([f for f in files if f not in missing], progress,
                            workers=workers, scheduler=scheduler)
    for problem in result.problems:
        _echo_err(f"warning: {problem}")
    result.problems.extend(Problem(str(p), "no such file or directory") for p in missing)
    return result


def _progress_printer() -> Progress:
    shown = [-1]

    def report(n: int, total: int, name: str) -> None:
        step = 50 * n // total
        if n == total or step != shown[0]:
            shown[0] = step
            width = 30
            done = width * n // total
            sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {name[:40]:<40}")
            if n == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
    return report


def _exit_for(result: CorpusResult, strict: bool) -> None:
    if strict and result.problems:
        _echo_err(f"error: {len(result.problems)} file(s) could not be processed (--strict)")
        raise typer.Exit(1)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Documents (.txt .md .html) or directories.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for <stem>.json files.")] = Path("out"),
    provenance: Annotated[bool, typer.Option(help="Include evidence (source spans and sentences).")] = True,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    workers: WorkersOpt = 1,
    scheduler: SchedulerOpt = None,
) -> None:
    """Extract plans, tasks, targets, funding, brands and agencies as gold-format JSON."""
    if out.exists() and not out.is_dir():
        _echo_err(f"error: {out} exists and is not a directory; choose another --out")
        raise typer.Exit(1)
    result = _run_extraction(files, quiet, workers, scheduler)
    out.mkdir(parents=True, exist_ok=True)
    for extraction in result.extractions:
        target = out / (Path(extraction.source).stem + ".json")
        data = extraction.to_gold(provenance=provenance)
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not quiet:
        typer.echo(f"wrote {len(result.extractions)} file(s) to {out}/"
                   + (f"; {len(result.problems)} problem(s)" if result.problems else ""))
    _exit_for(result, strict)


@app.command()
def build(
    corpus: Annotated[list[Path] | None, typer.Argument(
        help="Corpus directories or files (default: the sample corpus in data/corpus).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = DEFAULT_BUILD,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    workers: WorkersOpt = 1,
    scheduler: SchedulerOpt = None,
) -> None:
    """Build the knowledge graph: Turtle + JSON-LD, validated by the SHACL shapes.

    Lists already imported into OUT (`policygraph register import`) are kept and built in.
    """
    from graph.build import check_target, read_registers, write_build

    check_target(out)
    registers = read_registers(out)  # a damaged register file stops the build before the work
    result = _run_extraction(corpus or [DEFAULT_CORPUS], quiet, workers, scheduler)
    if not result.extractions:
        _echo_err("error: nothing to build")
        raise typer.Exit(1)
    if strict and result.problems:
        _echo_err(f"error: {len(result.problems)} file(s) could not be processed (--strict); "
                  f"{out}/ left as it was")
        raise typer.Exit(1)
    built = write_build(result.extractions, out, registers)
    for rejected in built.rejected:
        _echo_err(f"warning: {rejected}")
    if not quiet:
        left_out = f"; {len(built.rejected)} fact(s) left out" if built.rejected else ""
        lists = f" and {built.registers} register(s)" if built.registers else ""
        typer.echo(f"built {out}/ from {built.documents} document(s){lists}{left_out}")
        for key, value in built.summary.items():
            typer.echo(f"  {key:<20} {value}")
    _exit_for(result, strict)


for _module in (cli_graph, cli_eval, cli_cascade, cli_viz, cli_serve, cli_register, cli_ledger,
                cli_synth):
    _module.register(app)


def failure_line(error: Exception) -> str:
    """The one line a failed command prints: the project's errors and OSError as they
    read; anything else is a bug, named, with how to see its traceback."""
    if isinstance(error, OSError) and error.strerror:
        where = f"{error.filename}: " if error.filename else ""
        return f"error: {where}{error.strerror}"
    text = " ".join(str(error).split())
    if isinstance(error, GraphError | IngestError | VizError | OSError):
        return f"error: {text}"
    return (f"error: unexpected {type(error).__name__}: {text} "
            f"(rerun with {DEBUG_ENV}=1 to see the traceback)")


def main() -> None:
    """Entry point of the ``policygraph`` script: a failure is one line on stderr, exit 1."""
    try:
        app()
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        _echo_err(failure_line(error))
        sys.exit(1)


if __name__ == "__main__":
    main()
