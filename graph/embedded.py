"""The embedded backend: the graph in process, as a networkx ``MultiDiGraph``.

Built once from a :class:`~graph.property_graph.PropertyGraph` (from ``build/`` or a corpus
extracted in memory) and never changed, so every record is gathered once, up front, the
way the Cypher of :mod:`graph.queries` would gather it; answers are then shaped by
:mod:`graph.assemble` exactly as on Neo4j.  Reads are lock-free and thread-safe.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Final

import networkx as nx

from graph import assemble as asm
from graph import assemble_enterprises as asm_e
from graph.embedded_cascade import EmbeddedCascade
from graph.embedded_enterprises import EmbeddedEnterprises
from graph.errors import NotFound
from graph.property_graph import PropertyGraph
from graph.repository import (
    AgencyInfo,
    AgencyWorkload,
    BrandDetail,
    BrandInfo,
    CypherLimits,
    CypherResult,
    Health,
    Page,
    PageRequest,
    PlanInfo,
    PlanTree,
    SearchHit,
    Subgraph,
    TargetFilter,
    TargetRow,
    TaskInfo,
    Unsupported,
)
from graph.search import TASK_SEARCH_CAP, Match, capped, match, parse_query, rank_key
from ontology.model import NodeKind, RelKind, Role

#: Most nodes a subgraph returns.
SUBGRAPH_CAP: Final = 500

NEO4J_HINT: Final = (
    "Cypher needs the Neo4j backend; this server runs on the embedded graph. Start Neo4j "
    "(`policygraph neo4j start`), load the graph (`policygraph load`), then serve with "
    "`policygraph serve --neo4j` (or set NEO4J_URI)."
)

Record = dict[str, Any]


#: Nodes up to which the embedded backend is the right choice.  Its searches rank every task
#: record in Python (about 7 µs a node, measured: 0.9–1.3 s per ``/tasks?q=`` at 148,521
#: nodes, see docs/benchmarks.md), so above this a lookup no longer answers within 50 ms; it
#: also holds the whole graph in memory (1.4 GB at 148,521 nodes) and reads all of
#: ``graph.ttl`` at start-up (over 2 minutes at that size).  Neo4j has neither limit.
EMBEDDED_NODE_LIMIT: Final = 20_000


def size_advice(nodes: int, limit: int = EMBEDDED_NODE_LIMIT) -> str | None:
    """The warning the service prints at start-up for a graph too big to embed, else None."""
    if nodes <= limit:
        return None
    return (f"the embedded backend holds {nodes:,} nodes, beyond the {limit:,} up to which "
            "it answers searches within 50 ms: load the graph into Neo4j (`policygraph load`, "
            "`--bulk` for a first load) and serve it with `policygraph serve --neo4j`")


class EmbeddedRepository(EmbeddedEnterprises, EmbeddedCascade):
    """:class:`~graph.repository.Repository` over an in-memory graph."""

    backend = "embedded"
    #: Most tasks one search ranks (:data:`graph.search.TASK_SEARCH_CAP`).
    search_cap = TASK_SEARCH_CAP

    def __init__(self, graph: PropertyGraph, location: str = "in-memory") -> None:
        self.location = location
        self._g = nx.MultiDiGraph()
        for node in graph.nodes:
            self._g.add_node(node.key, kind=node.kind, props={**node.props, "key": node.key})
        for rel in graph.rels:
            self._g.add_edge(rel.start, rel.end, key=rel.kind.value)
        self._keys: dict[NodeKind, list[str]] = defaultdict(list)
        for key, kind in sorted(self._g.nodes(data="kind")):
            self._keys[kind].append(key)
        self._tasks = {k: self._task_record(k) for k in self._keys[NodeKind.TASK]}
        self._agencies = {k: self._agency_record(k) for k in self._keys[NodeKind.AGENCY]}
        self._plans = {k: self._plan_record(k) for k in self._keys[NodeKind.PLAN]}
        self._task_order = sorted(self._tasks, key=lambda k: asm.task_order(self._tasks[k]))

    # -- gathering records (mirrors graph.queries) --------------------------------------

    def _node(self, key: str) -> Record:
        return dict(self._g.nodes[key]["props"])

    def _kind(self, key: str) -> NodeKind:
        kind: NodeKind = self._g.nodes[key]["kind"]
        return kind

    def _linked(self, key: str, rel: RelKind, kind: NodeKind, *, out: bool) -> list[Record]:
        edges = (self._g.out_edges(key, keys=True) if out
                 else self._g.in_edges(key, keys=True))
        others = sorted({(v if out else u) for u, v, k in edges if k == rel.value})
        return [self._node(o) for o in others if self._kind(o) is kind]

    def _out(self, key: str, rel: RelKind, kind: NodeKind) -> list[Record]:
        return self._linked(key, rel, kind, out=True)

    def _in(self, key: str, rel: RelKind, kind: NodeKind) -> list[Record]:
        return self._linked(key, rel, kind, out=False)

    def _evidence(self, key: str) -> list[Record]:
        out = []
        for e in self._out(key, RelKind.HAS_EVIDENCE, NodeKind.EVIDENCE):
            sources = self._out(e["key"], RelKind.FROM_SOURCE, NodeKind.SOURCE)
            out.append({**e, "source": sources[0].get("fileName") if sources else None})
        return out

    def _with_evidence(self, nodes: Iterable[Record]) -> list[Record]:
        return [{**n, "evidence": self._evidence(n["key"])} for n in nodes]

    def _task_record(self, key: str) -> Record:
        return {
            "task": self._node(key),
            "plans": self._in(key, RelKind.HAS_TASK, NodeKind.PLAN),
            "sections": self._out(key, RelKind.IN_SECTION, NodeKind.SECTION),
            "leads": self._in(key, RelKind.LEADS, NodeKind.AGENCY),
            "cos": self._in(key, RelKind.CO_RESPONSIBLE_FOR, NodeKind.AGENCY),
            "targets": self._with_evidence(self._out(key, RelKind.HAS_TARGET, NodeKind.TARGET)),
            "evidence": self._evidence(key),
        }

    def _agency_record(self, key: str) -> Record:
        lead = {t["key"] for t in self._out(key, RelKind.LEADS, NodeKind.TASK)}
        co = {t["key"] for t in self._out(key, RelKind.CO_RESPONSIBLE_FOR, NodeKind.TASK)}
        return {"agency": self._node(key), "leadKeys": lead, "coKeys": co - lead,
                "regions": self._out(key, RelKind.IN_REGION, NodeKind.REGION),
                "lead": len(lead), "co": len(co - lead)}

    def _plan_record(self, key: str) -> Record:
        return {
            "plan": self._node(key),
            "regions": self._out(key, RelKind.GOVERNS, NodeKind.REGION),
            "issuers": self._out(key, RelKind.ISSUED_BY, NodeKind.AGENCY),
            "implements": self._out(key, RelKind.IMPLEMENTS, NodeKind.PLAN),
            "implementedBy": self._in(key, RelKind.IMPLEMENTS, NodeKind.PLAN),
            "taskCount": len(self._out(key, RelKind.HAS_TASK, NodeKind.TASK)),
        }

    def _require(self, key: str, kind: NodeKind) -> None:
        if key not in self._g or self._kind(key) is not kind:
            raise NotFound(f"no {kind.value.lower()} with id {key!r}")

    # -- the Repository interface ----------------------------------------------------------

    def health(self) -> Health:
        """Backend, location and counts."""
        counts = {kind.value: len(self._keys.get(kind, ())) for kind in NodeKind}
        return Health(self.backend, self.location, True, counts, self._g.number_of_edges())

    def tasks(self, query: str | None, page: PageRequest) -> Page[TaskInfo]:
        """Tasks matching ``query`` (best first), or all tasks in document order."""
        if query is None or not query.strip():
            keys = self._task_order
            return Page(tuple(asm.task_info(self._tasks[k]) for k in page.slice(keys)),
                        len(keys))
        parsed = parse_query(query)
        found = []
        for key, record in self._tasks.items():
            title = record["task"].get("title")
            m = match(parsed, [title], asm.task_texts(record)) if parsed else None
            if m is not None:
                found.append((key, m))
        kept, more = capped(found, self.search_cap)

        def rank(hit: tuple[str, Match]) -> tuple[int, int, int, int, int, str, str]:
            record = self._tasks[hit[0]]
            return rank_key(hit[1], record["task"].get("title") or "", hit[0],
                            owned=bool(record["leads"] or record["cos"]))

        hits = sorted(kept, key=rank)
        return Page(tuple(asm.task_info(self._tasks[k], m) for k, m in page.slice(hits)),
                    len(hits), more)

    def task(self, key: str) -> TaskInfo:
        """One task by key."""
        self._require(key, NodeKind.TASK)
        return asm.task_info(self._tasks[key])

    def agencies(self, query: str | None, page: PageRequest) -> Page[AgencyInfo]:
        """Agencies matching ``query`` by name or alias (best first), or all by name."""
        if query is None or not query.strip():
            infos = sorted((asm.agency_info(r) for r in self._agencies.values()),
                           key=lambda a: (a.name, a.key))
            return Page(page.slice(infos), len(infos))
        parsed = parse_query(query)
        hits = []
        for key, record in self._agencies.items():
            agency = record["agency"]
            found = (match(parsed, [agency.get("name"), *(agency.get("aliases") or [])])
                     if parsed else None)
            if found is not None:
                hits.append((rank_key(found, agency.get("name") or "", key),
                             asm.agency_info(record, found)))
        hits.sort(key=lambda h: h[0])
        return Page(tuple(info for _, info in page.slice(hits)), len(hits))

    def agency(self, key: str) -> AgencyInfo:
        """One agency by key."""
        self._require(key, NodeKind.AGENCY)
        return asm.agency_info(self._agencies[key])

    def agency_tasks(self, key: str, role: Role | None, page: PageRequest) -> Page[TaskInfo]:
        """Tasks an agency leads (first) or co-owns, in document order."""
        self._require(key, NodeKind.AGENCY)
        record = self._agencies[key]
        lead = sorted((self._tasks[k] for k in record["leadKeys"]), key=asm.task_order)
        co = sorted((self._tasks[k] for k in record["coKeys"]), key=asm.task_order)
        chosen = lead if role is Role.LEAD else co if role is Role.CO else lead + co
        return Page(tuple(asm.task_info(r) for r in page.slice(chosen)), len(chosen))

    def agency_ranking(self, page: PageRequest) -> Page[AgencyWorkload]:
        """Agencies with tasks, by workload."""
        lines = sorted((asm.workload(r) for r in self._agencies.values() if r["lead"] + r["co"]),
                       key=asm.workload_order)
        return Page(page.slice(lines), len(lines))

    def plans(self, page: PageRequest) -> Page[PlanInfo]:
        """All plans, by level and title."""
        infos = sorted((asm.plan_info(r) for r in self._plans.values()), key=asm.plan_order)
        return Page(page.slice(infos), len(infos))

    def plan(self, key: str) -> PlanTree:
        """One plan as a tree."""
        self._require(key, NodeKind.PLAN)
        record = {
            **self._plans[key],
            "sections": self._out(key, RelKind.HAS_SECTION, NodeKind.SECTION),
            "targets": self._with_evidence(self._out(key, RelKind.HAS_TARGET, NodeKind.TARGET)),
            "funding": self._with_evidence(self._out(key, RelKind.HAS_FUNDING, NodeKind.FUNDING)),
            "brands": self._out(key, RelKind.MENTIONS_BRAND, NodeKind.BRAND),
            "sources": self._in(key, RelKind.REPORTS, NodeKind.SOURCE),
        }
        tasks = [self._tasks[t["key"]] for t in self._out(key, RelKind.HAS_TASK, NodeKind.TASK)]
        return asm.plan_tree(record, tasks)

    def targets(self, filters: TargetFilter, page: PageRequest) -> Page[TargetRow]:
        """Targets matching ``filters``."""
        rows = [asm.target_row(r) for r in self._target_records(filters)]
        rows.sort(key=asm.target_row_order)
        return Page(page.slice(rows), len(rows))

    def _target_record(self, key: str) -> Record:
        tasks = self._in(key, RelKind.HAS_TARGET, NodeKind.TASK)
        plans = self._in(key, RelKind.HAS_TARGET, NodeKind.PLAN) + [
            p for t in tasks for p in self._in(t["key"], RelKind.HAS_TASK, NodeKind.PLAN)]
        regions = [r for p in plans for r in self._out(p["key"], RelKind.GOVERNS,
                                                       NodeKind.REGION)]
        return {"target": {**self._node(key), "evidence": self._evidence(key)},
                "tasks": tasks, "plans": plans, "regions": regions}

    def _target_records(self, filters: TargetFilter) -> Iterable[Record]:
        for key in self._keys[NodeKind.TARGET]:
            target = self._node(key)
            if filters.year is not None and target.get("year") != filters.year:
                continue
            record = self._target_record(key)
            tasks, plans, regions = record["tasks"], record["plans"], record["regions"]
            task_keys = {t["key"] for t in tasks}
            if filters.plan is not None and all(p["key"] != filters.plan for p in plans):
                continue
            if filters.region is not None and all(
                    filters.region not in (r["key"], r.get("name")) for r in regions):
                continue
            if filters.agency is not None and not (
                    filters.agency in self._agencies
                    and task_keys & (self._agencies[filters.agency]["leadKeys"]
                                     | self._agencies[filters.agency]["coKeys"])):
                continue
            yield {**record,
                   "leads": [r for t in tasks for r in self._tasks[t["key"]]["leads"]],
                   "cos": [r for t in tasks for r in self._tasks[t["key"]]["cos"]]}

    def brands(self, page: PageRequest) -> Page[BrandInfo]:
        """Brands, most often named first."""
        infos = [asm.brand_info(self._node(k), len(self._in(k, RelKind.MENTIONS_BRAND,
                                                            NodeKind.PLAN)))
                 for k in self._keys[NodeKind.BRAND]]
        infos.sort(key=lambda b: (-b.plan_count, b.name, b.key))
        return Page(page.slice(infos), len(infos))

    def brand(self, key: str) -> BrandDetail:
        """One brand with the plans, tasks and targets naming it."""
        self._require(key, NodeKind.BRAND)
        brand = self._node(key)
        name = brand.get("name")
        tasks = [r["task"] for r in self._tasks.values() if name and (
            name in (r["task"].get("title") or "")
            or any(name in (e.get("sentence") or "") for e in r["evidence"]))]
        targets = [t for t in map(self._node, self._keys[NodeKind.TARGET])
                   if name and name in (t.get("metric") or "")]
        listed = asm_e.recognition_infos(
            self._recognition_record(r["key"])
            for r in self._in(key, RelKind.OF_BRAND, NodeKind.RECOGNITION))
        return asm.brand_detail({
            "brand": brand, "plans": self._in(key, RelKind.MENTIONS_BRAND, NodeKind.PLAN),
            "tasks": tasks, "targets": self._with_evidence(targets),
            "evidence": self._evidence(key)}, listed)

    def search(
        self, query: str, kinds: frozenset[NodeKind] | None, page: PageRequest
    ) -> Page[SearchHit]:
        """Nodes whose indexed fields match ``query``, best first."""
        parsed = parse_query(query)
        if not parsed:
            return Page((), 0)
        hits = [hit for kind in asm.SEARCH_KINDS if kinds is None or kind in kinds
                for key in self._keys.get(kind, ())
                if (hit := asm.search_hit(parsed, kind, self._node(key))) is not None]
        hits.sort(key=asm.search_order)
        return Page(page.slice(hits), len(hits))

    def subgraph(self, center: str, depth: int, kinds: frozenset[NodeKind] | None) -> Subgraph:
        """Nodes within ``depth`` hops of ``center``."""
        if center not in self._g:
            raise NotFound(f"no node with id {center!r}")
        return asm.expand((self._kind(center), self._node(center)), depth, kinds,
                          self._neighbours, SUBGRAPH_CAP)

    def _neighbours(self, keys: list[str]) -> Iterable[asm.Neighbour]:
        for key in keys:
            for _, other, rel in self._g.out_edges(key, keys=True):
                yield key, rel, True, self._kind(other), self._node(other)
            for other, _, rel in self._g.in_edges(key, keys=True):
                yield key, rel, False, self._kind(other), self._node(other)

    def run_cypher(
        self, statement: str, parameters: Mapping[str, Any], limits: CypherLimits
    ) -> CypherResult:
        """Not available here: raises :class:`Unsupported` saying how to start Neo4j."""
        raise Unsupported(NEO4J_HINT)

    def close(self) -> None:
        """Nothing to release."""
