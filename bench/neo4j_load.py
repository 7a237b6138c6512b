"""Benchmark of the Neo4j loader on a synthetic graph; prints a Markdown table.

    .venv/bin/python -m bench.neo4j_load            # 200 plans: ~45k nodes, ~109k relationships

Starts its own Neo4j server (state dir ``.state/neo4j-bench``, port 7689, heap and page cache
set explicitly), runs every measurement on it, stops it, and prints the results:

* batched ``UNWIND … MERGE`` loads of the whole graph, batch sizes 1k, 5k and 10k (each on an
  emptied database);
* a re-load of the unchanged graph against the first load;
* one ``MERGE`` transaction per row — the loader's own statements with one row per
  transaction — on a sample built the same way (a few plans, ~5,000 rows), extrapolated
  to all rows at the sample's rate;
* the same sample loaded with and without the key constraints (without them every MERGE and
  MATCH scans its label, so the whole graph would take hours);
* the JVM's peak resident memory (``VmHWM`` of the server pid in ``/proc``).

Only the benchmark's own server is ever wiped; a state dir the run created is deleted
afterwards (``--keep`` keeps it).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import neo4j

from graph import server
from graph.loader import drop_schema, ensure_schema, load, wipe
from graph.property_graph import NodeRow, PropertyGraph, RelRow
from graph.rows import node_rows, provenance, rel_rows
from ontology import identity as ident
from ontology.model import DocumentMeta, GovLevel, NodeKind, RelKind

DATABASE = "neo4j"
BATCH_SIZES = (1000, 5000, 10_000)


@dataclass
class _Builder:
    """Accumulates nodes (once per key) and relationships of the synthetic graph."""

    nodes: dict[str, NodeRow] = field(default_factory=dict)
    rels: list[RelRow] = field(default_factory=list)

    def node(self, label: NodeKind, key: str, /, **props: Any) -> str:
        if key not in self.nodes:
            self.nodes[key] = NodeRow(label, key, props)
        return key

    def rel(self, kind: RelKind, start: str, end: str) -> None:
        self.rels.append(RelRow(kind, start, end))

    def graph(self) -> PropertyGraph:
        return PropertyGraph(tuple(self.nodes.values()), tuple(dict.fromkeys(self.rels)))


def synthetic_graph(
    plans: int, tasks: int = 35, regions: int = 20, agencies: int = 40, seed: int = 7
) -> PropertyGraph:
    """City action plans with the real labels, keys and properties: per plan one source,
    four sections, ``tasks`` tasks (one lead, four co-responsible agencies of the plan's city,
    two targets, evidence for each), five brand mentions and two funding promises."""
    rng = random.Random(seed)
    builder = _Builder()
    for p in range(plans):
        _add_plan(builder, rng, p, tasks, f"示例{p % regions:02d}市", agencies)
    return builder.graph()


def _add_plan(
    b: _Builder, rng: random.Random, p: int, tasks: int, region_name: str, agencies: int
) -> None:
    region = b.node(NodeKind.REGION, ident.region_key(region_name), name=region_name)

    def agency(n: int) -> str:
        name = f"市部门{n:02d}"
        key = ident.agency_key(region_name, GovLevel.CITY, name)
        if key not in b.nodes:
            b.node(NodeKind.AGENCY, key, name=name, level="city")
            b.rel(RelKind.IN_REGION, key, region)
        return key

    file_name = f"{p:04d}_synthetic.txt"
    source = b.node(NodeKind.SOURCE, ident.source_key(file_name), fileName=file_name,
                    title=f"{region_name}品牌建设行动计划", sha256=_sha(file_name))
    title = f"{region_name}品牌建设三年行动计划（第{p}号）"
    plan = b.node(NodeKind.PLAN, ident.plan_key(DocumentMeta(title=title), file_name),
                  title=title, kind="action_plan", level="city", issued="2021-06-01",
                  periodStart=2021, periodEnd=2023)
    b.rel(RelKind.REPORTS, source, plan)
    b.rel(RelKind.GOVERNS, plan, region)
    b.rel(RelKind.ISSUED_BY, plan, agency(0))
    offset = 0

    def evidence(owner: str, sentence: str, section: str) -> None:
        nonlocal offset
        key = ident.evidence_key(file_name, offset, offset + len(sentence))
        b.node(NodeKind.EVIDENCE, key, sentence=sentence, section=section,
               spanStart=offset, spanEnd=offset + len(sentence))
        offset += len(sentence) + 1
        b.rel(RelKind.HAS_EVIDENCE, owner, key)
        b.rel(RelKind.FROM_SOURCE, key, source)

    sections = []
    for s in range(4):
        heading = f"重点任务{s + 1}"
        sections.append(b.node(NodeKind.SECTION, ident.section_key(plan, heading), name=heading))
        b.rel(RelKind.HAS_SECTION, plan, sections[-1])
    for t in range(tasks):
        task_id = f"{t % 4 + 1}.{t + 1}"
        task_title = f"推进第{t + 1}项品牌培育工程，提升质量竞争力"
        task = b.node(NodeKind.TASK, ident.task_key(plan, task_id), taskId=task_id,
                      title=task_title)
        b.rel(RelKind.HAS_TASK, plan, task)
        b.rel(RelKind.IN_SECTION, task, sections[t % 4])
        evidence(task, f"（{t + 1}）{task_title}。", task_id)
        staff = rng.sample(range(1, agencies), 5)
        b.rel(RelKind.LEADS, agency(staff[0]), task)
        for n in staff[1:]:
            b.rel(RelKind.CO_RESPONSIBLE_FOR, agency(n), task)
        for g in range(2):
            metric, value = f"培育品牌企业{g + 1}类", float(rng.randint(5, 500))
            target = b.node(NodeKind.TARGET, ident.target_key(task, metric, 2025, value),
                            metric=metric, year=2025, value=value, unit="家", qualifier="以上")
            b.rel(RelKind.HAS_TARGET, task, target)
            evidence(target, f"到2025年，{metric}{value:g}家以上。", task_id)
    for n in rng.sample(range(300), 5):
        brand_name = f"示例品牌{n:03d}"
        brand = b.node(NodeKind.BRAND, ident.brand_key(brand_name), name=brand_name,
                       brandKind="brand")
        b.rel(RelKind.MENTIONS_BRAND, plan, brand)
    for f in range(2):
        recipient, amount = f"新获得品牌奖的组织{f}", float(10 * (f + 1))
        funding = b.node(NodeKind.FUNDING,
                         ident.funding_key(plan, recipient, amount, "万元", "once"),
                         recipient=recipient, amount=amount, unit="万元", per="once")
        b.rel(RelKind.HAS_FUNDING, plan, funding)


def _build_rows(graph: PropertyGraph) -> None:
    prov = provenance(graph)
    node_rows(graph, prov)
    rel_rows(graph, prov)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _rows(graph: PropertyGraph) -> int:
    return len(graph.nodes) + len(graph.rels)


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def _median(
    repeat: int, action: Callable[[], object], before: Callable[[], object] | None = None
) -> float:
    """Median seconds of ``action`` over ``repeat`` runs, each after an untimed ``before``."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        times.append(_timed(action))
    return statistics.median(times)


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(args: argparse.Namespace) -> str:
    """Start the server, measure, stop it; the results as Markdown."""
    graph = synthetic_graph(args.plans)
    sample = synthetic_graph(args.sample_plans)
    no_constraint_sample = synthetic_graph(args.constraint_plans)
    rows = _rows(graph)
    load_before = os.getloadavg()[0]
    python_s = _timed(lambda: _build_rows(graph))

    state = Path(args.state_dir)
    created = not state.exists()
    status = server.start(state, port=args.port, heap=args.heap, pagecache=args.pagecache)
    assert status.uri is not None and status.pid is not None
    out: list[tuple[str, int, float, str]] = []
    try:
        with neo4j.GraphDatabase.driver(status.uri, auth=None) as driver:
            def fresh() -> None:
                wipe(driver, DATABASE, uri=status.uri or "", test_uri=status.uri)

            ensure_schema(driver, DATABASE)
            for _ in range(2):  # warm-up (JIT, query plans, store files), not measured
                fresh()
                load(driver, DATABASE, graph)
            # Interleaved (1k, 5k, 10k, 1k, …) so that drift on a busy machine hits all sizes.
            times: dict[int, list[float]] = {size: [] for size in BATCH_SIZES}
            for _ in range(args.repeat):
                for size in BATCH_SIZES:
                    fresh()
                    times[size].append(_timed(partial(load, driver, DATABASE, graph, size)))
            first = {size: statistics.median(t) for size, t in times.items()}
            for size in BATCH_SIZES:
                out.append((f"batched UNWIND, batch {size:,}", rows, first[size], ""))
            again = _median(args.repeat, partial(load, driver, DATABASE, graph, 5000))
            out.append(("re-load unchanged, batch 5,000", rows, again,
                        f"{again / first[5000]:.2f}× the first load"))

            fresh()
            per_row = _timed(lambda: load(driver, DATABASE, sample, batch_size=1))
            rate = _rows(sample) / per_row
            out.append((f"one MERGE transaction per row ({args.sample_plans}-plan sample)",
                        _rows(sample), per_row, ""))
            estimate = rows / rate
            out.append(("one MERGE transaction per row, extrapolated", rows, estimate,
                        f"batched 5,000 is {estimate / first[5000]:.0f}× faster"))

            with_c = _median(args.repeat, partial(load, driver, DATABASE, no_constraint_sample,
                                                  5000), before=fresh)
            drop_schema(driver, DATABASE, only_constraints=True)
            without = _median(args.repeat, partial(load, driver, DATABASE, no_constraint_sample,
                                                   5000, schema=False), before=fresh)
            fresh()
            ensure_schema(driver, DATABASE)
            n = _rows(no_constraint_sample)
            label = f"{args.constraint_plans}-plan sample"
            out.append((f"with key constraints ({label})", n, with_c, ""))
            out.append((f"without key constraints ({label})", n, without,
                        f"{without / with_c:.1f}× slower"))
        peak = _peak_rss_mib(status.pid)
        load_after = os.getloadavg()[0]
    finally:
        server.stop(state)
        if created and not args.keep:
            shutil.rmtree(state)  # several GB of store and transaction logs
    notes = (f"Load average {load_before:.1f} before, {load_after:.1f} after "
             f"({os.cpu_count()} cores); except for the per-row sample, times are medians of "
             f"{args.repeat} runs.")
    return _table(args, graph, python_s, out, peak) + "\n\n" + notes


def _table(args: argparse.Namespace, graph: PropertyGraph, python_s: float,
           out: list[tuple[str, int, float, str]], peak_mib: float) -> str:
    lines = [
        f"Synthetic graph: {args.plans} plans, {len(graph.nodes):,} nodes, "
        f"{len(graph.rels):,} relationships ({_rows(graph):,} rows); "
        f"rows and sources built in {python_s:.1f} s (Python, included in every load).",
        f"Server: Neo4j {server.pinned_version()} Community, heap {args.heap}, "
        f"page cache {args.pagecache}; peak RSS of the JVM (VmHWM): {peak_mib:,.0f} MiB.",
        "",
        "| run | rows | seconds | rows/s | note |",
        "|---|---:|---:|---:|---|",
    ]
    for name, rows, seconds, note in out:
        lines.append(f"| {name} | {rows:,} | {seconds:.1f} | {rows / seconds:,.0f} | {note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmark, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=200, help="plans in the full graph")
    parser.add_argument("--sample-plans", type=int, default=6,
                        help="plans in the per-row sample (~5,000 rows at 6)")
    parser.add_argument("--constraint-plans", type=int, default=20,
                        help="plans in the with/without constraints sample")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per batched measurement (the median is reported)")
    parser.add_argument("--state-dir", default=".state/neo4j-bench")
    parser.add_argument("--port", type=int, default=7689)
    parser.add_argument("--keep", action="store_true",
                        help="keep a state dir the run created (deleted by default)")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    sys.stdout.write(run(parser.parse_args(argv)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
