"""`policygraph load | remove | export`: the built graph in and out of Neo4j, and out to files.

Registered on the main app by :func:`register`. Connection settings come from
``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` (or a
``.env`` file); ``--uri`` and ``--database`` override them.  ``export --build DIR`` reads a
build directory instead of Neo4j.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import neo4j
import typer

from graph.driver import open_driver
from graph.errors import GraphError, StoreUnavailable
from graph.property_graph import PropertyGraph
from graph.settings import Neo4jSettings

DEFAULT_BUILD = Path("build")

UriOpt = Annotated[str | None, typer.Option(
    "--uri", help="Neo4j URI (bolt://, neo4j://, neo4j+s://). Default: $NEO4J_URI or "
    "bolt://127.0.0.1:7687.", show_default=False)]
DatabaseOpt = Annotated[str | None, typer.Option(
    "--database", "-d", help="Database name. Default: $NEO4J_DATABASE or neo4j.",
    show_default=False)]


class ExportFormat(StrEnum):
    """What ``policygraph export`` writes: RDF, or a format of the analysts' graph tools."""

    TTL = "ttl"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"


_RDF_FORMAT = {ExportFormat.TTL: "turtle", ExportFormat.JSONLD: "json-ld"}


def _settings(uri: str | None, database: str | None) -> Neo4jSettings:
    settings = Neo4jSettings()
    changes = {k: v for k, v in (("uri", uri), ("database", database)) if v}
    return settings.model_copy(update=changes) if changes else settings


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


@contextmanager
def _connected(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A verified driver; graph-layer errors become one readable line and exit status 1."""
    try:
        driver = open_driver(settings)
    except StoreUnavailable as e:
        raise _fail(f"{e} (start the local server with `policygraph neo4j start`, "
                    "or point NEO4J_URI / --uri at yours)") from e
    try:
        yield driver
    except GraphError as e:
        raise _fail(str(e)) from e
    finally:
        driver.close()


class _Progress:
    """Prints "loaded N/M rows (Label)" to stderr: in place on a terminal, every 10% in a log."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int, what: str) -> None:
        tenth = 10 * done // max(total, 1)
        if not self.tty and (tenth == self.shown or (done < total and tenth == 0)):
            return
        self.shown = tenth
        line = f"loaded {done}/{total} rows ({what})"
        if self.tty:
            sys.stderr.write(f"\r{line:<60}" + ("\n" if done == total else ""))
            sys.stderr.flush()
        else:
            typer.echo(line, err=True)


def load(
    build_dir: Annotated[Path, typer.Argument(
        help="Build directory holding graph.ttl (from `policygraph build`).")] = DEFAULT_BUILD,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Rows per write transaction.")] = 5000,
    uri: UriOpt = None,
    database: DatabaseOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    bulk: Annotated[bool, typer.Option(
        "--bulk", help="First load of a large build: write CSV files, stop the local server, "
        "run `neo4j-admin database import full` (REPLACES the whole database), start it "
        "again and create the schema. Same graph as the online load.")] = False,
    state_dir: Annotated[Path | None, typer.Option(
        "--state-dir", help="With --bulk: the local server's state dir. Default: "
        "$POLICYGRAPH_STATE_DIR or .state/neo4j.", show_default=False)] = None,
) -> None:
    """Load the built graph into Neo4j, replacing the facts of its documents.

    Loading twice changes nothing. A re-built, changed document loses its stale facts;
    documents not in the build are kept. With --bulk the database is replaced instead.
    """
    from graph.loader import load as load_graph
    from graph.property_graph import load_build

    settings = _settings(uri, database)
    try:
        graph = load_build(build_dir)
    except GraphError as e:
        raise _fail(str(e)) from e
    if bulk:
        _load_bulk(graph, state_dir, settings.database, quiet)
        return
    progress = None if quiet or len(graph.nodes) + len(graph.rels) < 20_000 else _Progress()
    with _connected(settings) as driver:
        report = load_graph(driver, settings.database, graph, batch_size, progress)
    if quiet:
        return
    typer.echo(f"loaded {len(report.documents)} document(s) into {settings.uri} "
               f"(database {settings.database}) in {report.seconds:.1f} s")
    typer.echo(f"  nodes          {report.node_count:>7}  ({report.nodes_created} new, "
               f"{report.nodes_deleted} stale removed)")
    typer.echo(f"  relationships  {report.relationship_count:>7}  "
               f"({report.relationships_created} new, {report.relationships_deleted} stale removed)")
    for name, count in {**report.nodes, **report.relationships}.items():
        typer.echo(f"    {name:<20} {count:>7}")


def _load_bulk(graph: PropertyGraph, state_dir: Path | None, database: str, quiet: bool) -> None:
    from graph import server
    from graph.bulk import bulk_load

    state = state_dir or server.default_state_dir()
    say = None if quiet else (lambda line: typer.echo(line, err=True))
    try:
        report = bulk_load(state, graph, database, progress=say)
    except GraphError as e:
        raise _fail(str(e)) from e
    if quiet:
        return
    typer.echo(f"bulk-loaded {report.nodes} nodes and {report.relationships} relationships "
               f"into {report.uri} (database {database}) in {report.seconds:.1f} s")
    typer.echo(f"  csv {report.csv_seconds:.1f} s, import {report.import_seconds:.1f} s, "
               f"restart {report.restart_seconds:.1f} s, schema {report.schema_seconds:.1f} s")


def remove(
    file_name: Annotated[str, typer.Argument(
        help="Source file name as built, e.g. 001_078bf77ec9e1dfa3.txt.")],
    uri: UriOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Remove one document's facts; nodes other documents also state are kept."""
    from graph.loader import remove_document

    settings = _settings(uri, database)
    with _connected(settings) as driver:
        report = remove_document(driver, settings.database, file_name)
    typer.echo(f"removed {report.document}: {report.nodes_deleted} node(s) and "
               f"{report.relationships_deleted} relationship(s) deleted")


def _exported_graph(build: Path | None, uri: str | None, database: str | None) -> PropertyGraph:
    from graph.export import read_graph
    from graph.property_graph import load_build

    if build is not None:
        try:
            return load_build(build)
        except GraphError as e:
            raise _fail(str(e)) from e
    settings = _settings(uri, database)
    with _connected(settings) as driver:
        return read_graph(driver, settings.database)


def _write_tool_format(fmt: ExportFormat, graph: PropertyGraph, out: Path) -> None:
    from graph import interchange

    if fmt is ExportFormat.CSV:
        nodes, edges = interchange.write_csv(graph, out)
        typer.echo(f"wrote {nodes} ({len(graph.nodes)} nodes) and {edges} "
                   f"({len(graph.rels)} relationships)", err=True)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = interchange.write_graphml if fmt is ExportFormat.GRAPHML else interchange.write_gexf
    writer(graph, out)
    typer.echo(f"wrote {out} ({len(graph.nodes)} nodes, {len(graph.rels)} relationships)",
               err=True)


def export(
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="ttl or jsonld (RDF, byte-identical to the build); graphml (yEd, "
        "Cytoscape, Gephi), gexf (Gephi) or csv (nodes.csv + edges.csv in the --out folder).")]
        = ExportFormat.TTL,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="File to write (a folder for csv; RDF only: default standard "
        "output).")] = None,
    build: Annotated[Path | None, typer.Option(
        "--build", help="Read this build directory (from `policygraph build`) instead of "
        "Neo4j.", show_default=False)] = None,
    uri: UriOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Write the graph, read back from Neo4j (or from --build), for RDF or graph tools."""
    from graph.property_graph import to_rdf
    from graph.rdf import serialize

    if fmt not in _RDF_FORMAT and out is None:
        raise _fail(f"--format {fmt.value} needs --out "
                    + ("FOLDER (for nodes.csv and edges.csv)" if fmt is ExportFormat.CSV
                       else "FILE"), 2)
    graph = _exported_graph(build, uri, database)
    if fmt not in _RDF_FORMAT:
        assert out is not None
        _write_tool_format(fmt, graph, out)
        return
    data = serialize(to_rdf(graph.nodes, graph.rels), _RDF_FORMAT[fmt])
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        typer.echo(f"wrote {out} ({len(data)} bytes)", err=True)


def register(app: typer.Typer) -> None:
    """Add ``load``, ``remove`` and ``export`` to the ``policygraph`` app."""
    app.command()(load)
    app.command()(remove)
    app.command()(export)
