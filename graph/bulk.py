"""First load of a large graph: CSV files for ``neo4j-admin database import full``.

:func:`write_csv` turns a property graph into the importer's files — one node file per
label, one relationship file per (type, start label, end label) — from the very rows the
online loader sends (:mod:`graph.rows`: the same ``key``, properties and ``sources``), so the
imported graph is the online loader's graph.  :func:`bulk_load` stops the local server of a
state dir, runs the importer from the same jars (``org.neo4j.cli.AdminTool``, what the
``neo4j-admin`` script starts), starts the server again on its port and creates the schema
with the loader's own statements (constraints and indexes, :func:`graph.loader.ensure_schema`).

The importer replaces the database as a whole: this is for a *first* load (or a full
reload); later changes go through the online loader, which replaces one document's facts.

CSV dialect: comma-separated, every string quoted (``"`` doubled inside), a missing value an
empty unquoted field (no property), lists joined by U+001F (no extracted text holds it),
multi-line fields allowed; ``long``, ``double``, ``boolean``, ``string`` and ``string[]``
columns typed from the Python values.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pydantic import SecretStr

from graph import server
from graph.errors import GraphError
from graph.property_graph import PropertyGraph
from graph.rows import node_rows, provenance, rel_rows
from ontology.model import NodeKind

ARRAY_DELIMITER: Final = "\x1f"
ADMIN_TOOL: Final = "org.neo4j.cli.AdminTool"
#: Heap of the importer's JVM; it sizes its own off-heap buffers from what is left.
IMPORT_HEAP: Final = "1g"

Progress = Callable[[str], None]
"""Told what the bulk load is doing (a short line per step)."""


@dataclass(frozen=True)
class ImportFiles:
    """The CSV files of one graph, and how many rows they hold."""

    directory: Path
    nodes: tuple[tuple[str, Path], ...]
    relationships: tuple[tuple[str, Path], ...]
    node_count: int
    relationship_count: int

    def arguments(self) -> list[str]:
        """The ``--nodes`` / ``--relationships`` options of the importer."""
        return ([f"--nodes={label}={path}" for label, path in self.nodes]
                + [f"--relationships={kind}={path}" for kind, path in self.relationships])


@dataclass(frozen=True)
class BulkReport:
    """What a bulk load did, and how long each step took."""

    nodes: int
    relationships: int
    csv_seconds: float
    import_seconds: float
    restart_seconds: float
    schema_seconds: float
    uri: str

    @property
    def rows(self) -> int:
        return self.nodes + self.relationships

    @property
    def seconds(self) -> float:
        return self.csv_seconds + self.import_seconds + self.restart_seconds + self.schema_seconds


def _column_type(label: str, name: str, values: Iterable[Any]) -> str:
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("boolean")
        elif isinstance(value, int):
            kinds.add("long")
        elif isinstance(value, float):
            kinds.add("double")
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            kinds.add("string[]")
        elif isinstance(value, str):
            kinds.add("string")
        else:
            raise GraphError(f"{label}.{name}: no CSV type for {type(value).__name__} values")
    if len(kinds) != 1:
        raise GraphError(f"{label}.{name}: values of several types ({', '.join(sorted(kinds))})")
    return kinds.pop()


def _field(value: Any, kind: str) -> str | None:
    """One CSV field (``None``: no property)."""
    if value is None:
        return None
    if kind == "string[]":
        if any(ARRAY_DELIMITER in item for item in value):
            raise GraphError(f"a list item holds the array delimiter U+001F: {value!r}")
        return ARRAY_DELIMITER.join(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return str(value)


def _write(path: Path, header: list[str], rows: Iterable[list[str | None]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join("" if f is None else '"' + f.replace('"', '""') + '"'
                                  for f in row) + "\n")
            count += 1
    return count


def write_csv(graph: PropertyGraph, directory: Path) -> ImportFiles:
    """Write the importer's CSV files of ``graph`` into ``directory`` (created, must be empty)."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        raise GraphError(f"{directory} is not empty; the import files need a directory of their own")
    prov = provenance(graph)
    nodes, rels = node_rows(graph, prov), rel_rows(graph, prov)
    node_files, rel_files = [], []
    node_count = rel_count = 0
    for node_kind in sorted(nodes):
        rows = nodes[node_kind]
        label = NodeKind(node_kind).value
        names = sorted({name for row in rows for name in row["props"] if name != "key"})
        types = {name: _column_type(label, name, (r["props"][name] for r in rows
                                                  if r["props"].get(name) is not None))
                 for name in names}
        header = [f"key:ID({label})", *(f"{n}:{types[n]}" for n in names), "sources:string[]"]
        path = directory / f"nodes_{label}.csv"
        node_count += _write(path, header, (
            [row["key"], *(_field(row["props"].get(n), types[n]) for n in names),
             _field(row["sources"], "string[]")] for row in rows))
        node_files.append((label, path))
    for kind, start, end in sorted(rels):
        header = [f":START_ID({start.value})", f":END_ID({end.value})", "sources:string[]"]
        path = directory / f"rels_{kind.value}_{start.value}_{end.value}.csv"
        rel_count += _write(path, header, (
            [row["start"], row["end"], _field(row["sources"], "string[]")]
            for row in rels[(kind, start, end)]))
        rel_files.append((kind.value, path))
    return ImportFiles(directory, tuple(node_files), tuple(rel_files), node_count, rel_count)


def run_import(state_dir: Path, files: ImportFiles, database: str = "neo4j") -> str:
    """Run ``neo4j-admin database import full`` on the (stopped) server's store.

    Returns the importer's closing lines; raises :class:`GraphError` with them on failure.
    """
    java = server.find_java()
    lib = server.ensure_jars(java)
    state_dir = state_dir.resolve()
    argv = [str(java), f"-Xmx{IMPORT_HEAP}", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8",
            "-cp", f"{lib}/*", ADMIN_TOOL, "database", "import", "full", database,
            f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--multiline-fields=true",
            "--overwrite-destination=true", f"--report-file={files.directory / 'import.report'}",
            *files.arguments()]
    env = os.environ | {"NEO4J_HOME": str(state_dir), "NEO4J_CONF": str(state_dir / "conf")}
    run = subprocess.run(argv, env=env, cwd=state_dir, stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, check=False)
    tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-12:])
    if run.returncode != 0 or "IMPORT DONE" not in run.stdout:
        first = next((line for line in (run.stderr + run.stdout).splitlines()
                      if line.strip() and not line.startswith(("WARNING", "Selecting"))), "")
        raise GraphError(f"neo4j-admin database import failed (exit {run.returncode}): "
                         f"{first.strip()[:300]}")
    return tail


def server_options(state_dir: Path) -> dict[str, Any]:
    """Port, heap and page cache of the state dir's server (to start it again as it was)."""
    options: dict[str, Any] = {"heap": "1g", "pagecache": "512m"}
    conf = (state_dir / "conf" / "neo4j.conf")
    text = conf.read_text() if conf.is_file() else ""
    if match := re.search(r"^server\.memory\.pagecache\.size=(\S+)", text, re.MULTILINE):
        options["pagecache"] = match.group(1)
    current = server.status(state_dir)
    if current.port is not None:
        options["port"] = current.port
    # The HTTP port (Neo4j Browser) too, or none: started again on the default 7474, the
    # server would fail on a machine where another one holds it.
    options["http_port"] = current.http_port
    if current.pid is not None:
        try:
            argv = Path(f"/proc/{current.pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            argv = []
        for arg in argv:
            if arg.startswith(b"-Xmx"):
                options["heap"] = arg[4:].decode()
    return options


def bulk_load(
    state_dir: Path,
    graph: PropertyGraph,
    database: str = "neo4j",
    *,
    options: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> BulkReport:
    """Replace ``database`` of the local server in ``state_dir`` by ``graph`` (module doc).

    A running server is stopped and started again with its port, heap and page cache
    (``options`` overrides them; ``port`` is required when no server ever ran there).
    """
    from graph.driver import open_driver
    from graph.loader import ensure_schema
    from graph.settings import Neo4jSettings

    state_dir = state_dir.resolve()
    say = progress or (lambda _line: None)
    settings = {**server_options(state_dir), **(options or {})}
    if "port" not in settings:
        raise GraphError(f"no Neo4j server was ever started in {state_dir}; start one first "
                         f"(`policygraph neo4j start --state-dir {state_dir}`)")
    began = time.perf_counter()
    work = state_dir / "import" / f"bulk-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    try:
        say(f"writing CSV files into {work}")
        files = write_csv(graph, work)
        csv_done = time.perf_counter()
        say(f"stopping the server of {state_dir}")
        server.stop(state_dir)
        say(f"importing {files.node_count} nodes and {files.relationship_count} relationships")
        try:
            run_import(state_dir, files, database)
        finally:
            import_done = time.perf_counter()
            say(f"starting the server again on port {settings['port']}")
            http_port = settings.get("http_port")
            status = server.start(state_dir, port=int(settings["port"]), heap=settings["heap"],
                                  pagecache=settings["pagecache"],
                                  http_port=http_port or server.DEFAULT_HTTP_PORT,
                                  browser=http_port is not None)
        started = time.perf_counter()
    except server.Neo4jServerError as e:
        raise GraphError(" ".join(str(e).split("\n", 1)[0].split())) from e
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say("creating constraints and indexes")
    uri = status.uri or f"bolt://{server.HOST}:{settings['port']}"
    local = Neo4jSettings(uri=uri, username="neo4j", password=SecretStr(""), database=database)
    with open_driver(local) as driver:
        ensure_schema(driver, database)
    done = time.perf_counter()
    return BulkReport(files.node_count, files.relationship_count, csv_done - began,
                      import_done - csv_done, started - import_done, done - started, uri)
