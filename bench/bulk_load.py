"""Bulk import against the online loader, on the same graph of a million relationships.

Run: ``python -m bench.bulk_load [--plans 2000] [--state-dir .state/neo4j-bulk] [--port 7690]``.

The graph is :func:`bench.neo4j_load.synthetic_graph` (city action plans with the real
labels, keys and properties; 2,000 plans ≈ 0.5 M nodes and 1.1 M relationships).  In one
run, on one server of its own:

1. the online loader (:func:`graph.loader.load`, batched ``UNWIND … MERGE``) into an empty
   database with the schema in place — a first load, measured whole (schema, rows, the sweep);
2. :func:`graph.bulk.bulk_load` of the same graph: CSV files, server stopped,
   ``neo4j-admin database import full``, server started, schema created — measured whole and
   per step;
3. the checksum of every fact and of the schema after each (:mod:`graph.checksum`): the two
   databases must be the same.

Prints a Markdown table (rows, seconds, rows/s, the ratio) and exits 1 if the checksums
differ.  Starts its own server, wipes only that one, stops it by pid, deletes the state dir
it created.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

import neo4j

from bench.neo4j_load import synthetic_graph
from graph import server
from graph.bulk import bulk_load
from graph.checksum import store_checksum
from graph.loader import drop_schema, load, wipe

DATABASE = "neo4j"


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(args: argparse.Namespace) -> tuple[str, bool]:
    """Measure both loads; the Markdown table and whether the checksums agree."""
    began = time.perf_counter()
    graph = synthetic_graph(args.plans)
    made = time.perf_counter() - began
    rows = len(graph.nodes) + len(graph.rels)
    print(f"graph: {len(graph.nodes):,} nodes, {len(graph.rels):,} relationships "
          f"({made:.1f} s to make)", file=sys.stderr)
    state = Path(args.state_dir)
    created = not state.exists()
    status = server.start(state, port=args.port, heap=args.heap, pagecache=args.pagecache,
                          browser=False)
    assert status.uri is not None and status.pid is not None
    lines: list[str] = []
    try:
        if args.bulk_only:
            report = bulk_load(state, graph, DATABASE,
                               progress=lambda line: print(line, file=sys.stderr))
            return (f"bulk-loaded {rows:,} rows in {report.seconds:.1f} s "
                    f"(import {report.import_seconds:.1f} s) into {state}"), True
        with neo4j.GraphDatabase.driver(status.uri, auth=None) as driver:
            wipe(driver, DATABASE, uri=status.uri, test_uri=status.uri)
            drop_schema(driver, DATABASE)
            t0 = time.perf_counter()
            report = load(driver, DATABASE, graph, batch_size=args.batch_size,
                          progress=_progress if args.verbose else None)
            online_s = time.perf_counter() - t0
            online = store_checksum(driver, DATABASE)
        online_peak = _peak_rss_mib(status.pid)
        print(f"online: {online_s:.1f} s", file=sys.stderr)
        bulk = bulk_load(state, graph, DATABASE, progress=lambda line: print(line, file=sys.stderr))
        after = server.status(state)
        assert after.uri is not None and after.pid is not None
        with neo4j.GraphDatabase.driver(after.uri, auth=None) as driver:
            imported = store_checksum(driver, DATABASE)
        same = imported == online
        lines = [
            "| load | rows | seconds | rows/s | note |",
            "|---|---:|---:|---:|---|",
            f"| online: batched `UNWIND … MERGE`, batch {args.batch_size:,} | {rows:,} | "
            f"{online_s:.1f} | {rows / online_s:,.0f} | {report.nodes_created:,} nodes and "
            f"{report.relationships_created:,} relationships created |",
            f"| bulk: `neo4j-admin database import full`, whole | {rows:,} | {bulk.seconds:.1f} | "
            f"{rows / bulk.seconds:,.0f} | **{online_s / bulk.seconds:.1f}× the online load's speed** |",
            f"| bulk: writing the CSV files | {rows:,} | {bulk.csv_seconds:.1f} | | |",
            f"| bulk: the import itself | {rows:,} | {bulk.import_seconds:.1f} | "
            f"{rows / bulk.import_seconds:,.0f} | |",
            f"| bulk: server restart | | {bulk.restart_seconds:.1f} | | |",
            f"| bulk: constraints and indexes | | {bulk.schema_seconds:.1f} | | |",
            "",
            f"Same database after both: **{'yes' if same else 'NO'}** — {online.nodes:,} nodes, "
            f"{online.relationships:,} relationships, checksum `{online.facts[:16]}…` online, "
            f"`{imported.facts[:16]}…` bulk; {len(online.schema)} schema lines "
            f"{'equal' if online.schema == imported.schema else 'DIFFERENT'}.",
            f"Server heap {args.heap}, page cache {args.pagecache}; peak RSS of the JVM during "
            f"the online load {online_peak:,.0f} MiB; {os.cpu_count()} cores shared with other "
            f"work (load average {os.getloadavg()[0]:.1f} at the end).",
        ]
    finally:
        server.stop(state)
        if created and not args.keep:
            shutil.rmtree(state, ignore_errors=True)
    return "\n".join(lines), bool(lines) and "**yes**" in lines[-2]


def _progress(done: int, total: int, what: str) -> None:
    if done == total or done % 100_000 < 5_000:
        print(f"  {done:,}/{total:,} {what}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=2000, help="plans in the graph")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--state-dir", default=".state/neo4j-bulk")
    parser.add_argument("--port", type=int, default=7690)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--keep", action="store_true", help="keep a state dir it created")
    parser.add_argument("--verbose", "-v", action="store_true", help="progress of the online load")
    parser.add_argument("--bulk-only", action="store_true", help="only bulk-load the graph "
                        "(with --keep: a state dir holding it, e.g. for bench.api_load --loaded)")
    args = parser.parse_args(argv)
    table, same = run(args)
    print(table)
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
