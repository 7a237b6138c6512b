"""The Neo4j backend: the named queries of :mod:`graph.queries`, shaped by :mod:`graph.assemble`.

Every read runs as an auto-commit query in a ``READ`` session (routed to readers on a
cluster; no driver-side retries, so an unreachable server answers at once) on the
configured database.  Driver errors become :mod:`graph.errors` exceptions at this boundary;
after a connectivity failure the driver is dropped and the next call opens a fresh one, so
the service recovers by itself when Neo4j is back.  A read that Neo4j takes but does not
answer within :data:`ANSWER_WITHIN` seconds (a server starting up, a stalled one) is
abandoned and answered as unavailable (:mod:`graph.deadline`).

Analysts' Cypher (:meth:`Neo4jRepository.run_cypher`) goes through the fences of
:mod:`graph.cypher_run`: the text fence, Neo4j's ``EXPLAIN`` plan, one read transaction with
a server-side timeout that is always rolled back, a row cap and a byte budget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, Final

import neo4j

from graph import assemble as asm
from graph import assemble_enterprises as asm_e
from graph import queries as q
from graph.cypher_json import record_json
from graph.cypher_run import FETCH_SIZE, CypherRunner
from graph.deadline import ANSWER_WITHIN, Deadline, DeadlineExceeded
from graph.driver import store_errors
from graph.errors import GraphError, NotFound, StoreUnavailable
from graph.neo4j_cascade import Neo4jCascade
from graph.neo4j_enterprises import Neo4jEnterprises
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
)
from graph.search import TASK_SEARCH_CAP, Match, Query, capped, match, parse_query, rank_key
from ontology.model import NodeKind, Role

#: Seconds any named read may run (server-side): a guard, they take milliseconds.
READ_TIMEOUT: Final = 30.0
#: Most full-text hits considered by one search.
FULLTEXT_LIMIT: Final = 10_000
SUBGRAPH_CAP: Final = 500
#: The full-text fields a task matches by: its title, and its sentences and targets' metrics.
TITLE_FIELDS: Final = ("title",)
TEXT_FIELDS: Final = ("sentence", "metric")
_KINDS: Final = {kind.value: kind for kind in NodeKind}

Record = dict[str, Any]


def _kind_of(labels: list[str]) -> NodeKind:
    return next(_KINDS[label] for label in sorted(labels) if label in _KINDS)


def _kept(parsed: Query, rows: list[Record], keep: Callable[[Match], bool]
          ) -> list[tuple[Record, Match]]:
    """The candidate rows ``parsed`` matches as ``keep`` says, with how."""
    out = []
    for row in rows:
        m = match(parsed, [row["title"]], [t for t in row["texts"] if t])
        if m is not None and keep(m):
            out.append((row, m))
    return out


class Neo4jRepository(Neo4jEnterprises, Neo4jCascade):
    """:class:`~graph.repository.Repository` over a Neo4j database."""

    backend = "neo4j"
    #: Most tasks one search ranks (:data:`graph.search.TASK_SEARCH_CAP`).
    search_cap = TASK_SEARCH_CAP
    #: Full-text hits a task search reads per query string at most: more, and it walks the
    #: tasks in key order instead (:meth:`_first_matches`).
    index_probe = 400

    def __init__(
        self, open_driver: Callable[[], neo4j.Driver], database: str, location: str,
        answer_within: float = ANSWER_WITHIN,
    ) -> None:
        self.location = location
        self._open_driver = open_driver
        self._database = database
        self._driver: neo4j.Driver | None = None
        self._lock = threading.Lock()
        self._cypher = CypherRunner(self._cypher_session, location)
        self._deadline = Deadline(answer_within, name="neo4j-read")

    # -- plumbing ----------------------------------------------------------------------

    def _current(self) -> neo4j.Driver:
        with self._lock:
            if self._driver is None:
                self._driver = self._open_driver()
            return self._driver

    def _drop(self, driver: neo4j.Driver) -> None:
        with self._lock:
            if self._driver is driver:
                self._driver = None
        driver.close()

    def _session(self, driver: neo4j.Driver) -> neo4j.Session:
        return driver.session(
            database=self._database,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )

    def _cypher_session(self) -> neo4j.Session:
        # The driver is not dropped when an analyst's statement loses its connection: that
        # may be the statement's doing (a stack overflow in Neo4j), and the named reads
        # drop it when Neo4j is really gone.
        return self._current().session(
            database=self._database,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
            fetch_size=FETCH_SIZE,
        )

    def _read(self, cypher: str, /, **params: Any) -> list[Record]:
        """Rows of a named read query, as plain Python values, within :data:`ANSWER_WITHIN`."""
        driver = self._current()

        def run() -> list[Record]:
            with store_errors(self.location), self._session(driver) as session:
                result = session.run(neo4j.Query(cypher, timeout=READ_TIMEOUT), params)
                return [record_json(record) for record in result]

        try:
            return self._deadline.call(run)
        except DeadlineExceeded as e:
            # Neo4j took the query and is slow or quiet (starting up, stalled, overloaded).
            # The driver stays: other reads share it, and a dead connection is the pool's
            # to replace; a server that is really gone shows as unreachable and drops it.
            raise StoreUnavailable(f"Neo4j at {self.location} did not answer within "
                                   f"{self._deadline.seconds:g} s") from e
        except StoreUnavailable:
            self._drop(driver)
            raise

    def _one(self, cypher: str, what: str, key: str) -> Record:
        rows = self._read(cypher, key=key)
        if not rows:
            raise NotFound(f"no {what} with id {key!r}")
        return rows[0]

    def _task_records(self, keys: list[str]) -> dict[str, Record]:
        if not keys:
            return {}
        return {r["task"]["key"]: r for r in self._read(q.TASK_RECORDS, keys=keys)}

    # -- the Repository interface ----------------------------------------------------------

    def health(self) -> Health:
        """Backend, location and counts (from the count store)."""
        rows = self._read(q.COUNTS)
        counts = {r["kind"]: r["n"] for r in rows}
        return Health(self.backend, self.location, True,
                      {kind.value: counts.get(kind.value, 0) for kind in NodeKind},
                      counts.get("", 0))

    def tasks(self, query: str | None, page: PageRequest) -> Page[TaskInfo]:
        """Tasks matching ``query`` (best first), or all tasks in document order."""
        if query is None or not query.strip():
            ordered = sorted(self._read(q.ALL_TASK_RECORDS), key=asm.task_order)
            return Page(tuple(asm.task_info(r) for r in page.slice(ordered)), len(ordered))
        parsed = parse_query(query)
        if not parsed:
            return Page((), 0)
        found = self._matching_tasks(parsed)
        kept, more = capped(((key, m) for key, (_, m) in found.items()), self.search_cap)
        hits = sorted(kept, key=lambda h: rank_key(h[1], found[h[0]][0]["title"] or "", h[0],
                                                   owned=found[h[0]][0]["owned"]))
        chosen = page.slice(hits)
        records = self._task_records([key for key, _ in chosen])
        return Page(tuple(asm.task_info(records[k], m) for k, m in chosen), len(hits), more)

    def _matching_tasks(self, parsed: Query) -> dict[str, tuple[Record, Match]]:
        """Enough of the tasks ``parsed`` matches for :func:`graph.search.capped`: in
        :func:`graph.search.window_key`'s order, up to one more than the cap that match in
        the title, then, if those are fewer, matches elsewhere up to one more than the cap
        in all (every match when there are no more than that)."""
        need = self.search_cap + 1
        found = self._first_matches(parsed, TITLE_FIELDS, q.TASK_TITLE_WALK, need,
                                    lambda m: bool(m.title), set())
        if len(found) < need:
            found += self._first_matches(parsed, TEXT_FIELDS, q.TASK_TEXT_WALK,
                                         need - len(found), lambda m: not m.title,
                                         {row["key"] for row, _ in found})
        return {row["key"]: (row, m) for row, m in found}

    def _first_matches(self, parsed: Query, fields: tuple[str, ...], walk: str, need: int,
                       keep: Callable[[Match], bool], skip: set[str]
                       ) -> list[tuple[Record, Match]]:
        """The first ``need`` tasks in key order, not in ``skip``, that ``parsed`` matches
        as ``keep`` says, found through ``fields`` of the full-text index.

        The index is asked for at most :attr:`index_probe` hits per query string; fewer, and
        they are every candidate, read in key order until ``need`` match.  As many (a broad
        question), or terms the index cannot serve (:meth:`Query.index_plan`), and the tasks
        are walked in key order instead (``walk``, from the ``task_key`` index), which the
        many matches end soon.
        """
        queries, scanned = parsed.index_plan(fields)
        keys: list[str] | None = None
        if queries and not scanned:
            try:
                hits = self._read(q.TASK_CANDIDATE_KEYS, queries=list(queries),
                                  probe=self.index_probe)[0]
            except GraphError as e:
                if q.FULLTEXT_INDEX not in str(e):
                    raise
                # No full-text index (yet): a first load makes it after the rows.
            else:
                if (hits["most"] or 0) < self.index_probe:
                    keys = sorted({key for found in hits["keys"] for key in found} - skip)
        if keys is None:
            return self._walk(walk, parsed, need, keep, skip=sorted(skip))
        out: list[tuple[Record, Match]] = []
        batch = self.search_cap + 1
        for start in range(0, len(keys), batch):
            rows = self._read(q.TASK_CANDIDATES_BY_KEY, keys=keys[start:start + batch])
            out.extend(_kept(parsed, sorted(rows, key=lambda r: str(r["key"])), keep))
            if len(out) >= need:
                break
        return out[:need]

    def _walk(self, cypher: str, parsed: Query, need: int, keep: Callable[[Match], bool],
              **params: Any) -> list[tuple[Record, Match]]:
        """The first ``need`` tasks in key order that ``cypher`` finds and ``keep`` keeps."""
        out: list[tuple[Record, Match]] = []
        after, batch = "", self.search_cap + 1
        while len(out) < need:
            rows = self._read(cypher, terms=list(parsed.terms), after=after, limit=batch,
                              **params)
            out.extend(_kept(parsed, rows, keep))
            if len(rows) < batch:
                break
            after = rows[-1]["key"]
        return out[:need]

    def task(self, key: str) -> TaskInfo:
        """One task by key."""
        records = self._task_records([key])
        if key not in records:
            raise NotFound(f"no task with id {key!r}")
        return asm.task_info(records[key])

    def agencies(self, query: str | None, page: PageRequest) -> Page[AgencyInfo]:
        """Agencies matching ``query`` by name or alias (best first), or all by name."""
        if query is None or not query.strip():
            infos = sorted(map(asm.agency_info, self._read(q.ALL_AGENCY_RECORDS)),
                           key=lambda a: (a.name, a.key))
            return Page(page.slice(infos), len(infos))
        parsed = parse_query(query)
        if not parsed:
            return Page((), 0)
        hits = []
        for record in self._read(q.AGENCY_CANDIDATES, terms=list(parsed.terms)):
            agency = record["agency"]
            found = match(parsed, [agency.get("name"), *(agency.get("aliases") or [])])
            if found is not None:
                hits.append((rank_key(found, agency.get("name") or "", agency["key"]),
                             asm.agency_info(record, found)))
        hits.sort(key=lambda h: h[0])
        return Page(tuple(info for _, info in page.slice(hits)), len(hits))

    def agency(self, key: str) -> AgencyInfo:
        """One agency by key."""
        return asm.agency_info(self._one(q.AGENCY_RECORD, "agency", key))

    def agency_tasks(self, key: str, role: Role | None, page: PageRequest) -> Page[TaskInfo]:
        """Tasks an agency leads (first) or co-owns, in document order."""
        row = self._one(q.AGENCY_TASK_KEYS, "agency", key)
        lead_keys = set(row["lead"])
        co_keys = set(row["co"]) - lead_keys
        keys = (lead_keys if role is not Role.CO else set()) | (
            co_keys if role is not Role.LEAD else set())
        records = self._task_records(sorted(keys))
        lead = sorted((records[k] for k in lead_keys & keys), key=asm.task_order)
        co = sorted((records[k] for k in co_keys & keys), key=asm.task_order)
        chosen = lead + co
        return Page(tuple(asm.task_info(r) for r in page.slice(chosen)), len(chosen))

    def agency_ranking(self, page: PageRequest) -> Page[AgencyWorkload]:
        """Agencies with tasks, by workload."""
        lines = sorted(map(asm.workload, self._read(q.WORKLOAD_RECORDS)), key=asm.workload_order)
        return Page(page.slice(lines), len(lines))

    def plans(self, page: PageRequest) -> Page[PlanInfo]:
        """All plans, by level and title."""
        infos = sorted(map(asm.plan_info, self._read(q.ALL_PLAN_RECORDS)), key=asm.plan_order)
        return Page(page.slice(infos), len(infos))

    def plan(self, key: str) -> PlanTree:
        """One plan as a tree."""
        record = self._one(q.PLAN_TREE_RECORD, "plan", key)
        tasks = self._task_records(sorted(record["taskKeys"]))
        return asm.plan_tree(record, list(tasks.values()))

    def targets(self, filters: TargetFilter, page: PageRequest) -> Page[TargetRow]:
        """Targets matching ``filters``."""
        rows = [asm.target_row(r) for r in self._read(
            q.TARGET_ROWS, year=filters.year, plan=filters.plan, region=filters.region,
            agency=filters.agency)]
        rows.sort(key=asm.target_row_order)
        return Page(page.slice(rows), len(rows))

    def brands(self, page: PageRequest) -> Page[BrandInfo]:
        """Brands, most often named first."""
        infos = [asm.brand_info(r["brand"], r["planCount"]) for r in self._read(q.BRAND_LIST)]
        infos.sort(key=lambda b: (-b.plan_count, b.name, b.key))
        return Page(page.slice(infos), len(infos))

    def brand(self, key: str) -> BrandDetail:
        """One brand with the plans, tasks and targets naming it."""
        record = self._one(q.BRAND_RECORD, "brand", key)
        listed = asm_e.recognition_infos(self._recognitions(sorted(record["recognitionKeys"])))
        return asm.brand_detail(record, listed)

    def search(
        self, query: str, kinds: frozenset[NodeKind] | None, page: PageRequest
    ) -> Page[SearchHit]:
        """Full-text candidates from ``policygraph_text``, ranked like the embedded backend."""
        parsed = parse_query(query)
        if not parsed:
            return Page((), 0)
        hits = []
        for row in self._read(q.FULLTEXT_CANDIDATES, query=parsed.lucene(), limit=FULLTEXT_LIMIT):
            kind = _kind_of(row["labels"])
            if kind in asm.KIND_ORDER and (kinds is None or kind in kinds):
                hit = asm.search_hit(parsed, kind, asm.clean(row["props"]))
                if hit is not None:
                    hits.append(hit)
        hits.sort(key=asm.search_order)
        return Page(page.slice(hits), len(hits))

    def subgraph(self, center: str, depth: int, kinds: frozenset[NodeKind] | None) -> Subgraph:
        """Nodes within ``depth`` hops of ``center``, one query per level."""
        rows = self._read(q.NODES_BY_KEY, keys=[center])
        if not rows:
            raise NotFound(f"no node with id {center!r}")
        start = (_kind_of(rows[0]["labels"]), asm.clean(rows[0]["props"]))
        return asm.expand(start, depth, kinds, self._neighbours, SUBGRAPH_CAP)

    def _neighbours(self, keys: list[str]) -> list[asm.Neighbour]:
        return [(r["start"], r["rel"], r["outgoing"], _kind_of(r["labels"]),
                 asm.clean(r["props"])) for r in self._read(q.NEIGHBOURS, keys=keys)]

    def run_cypher(
        self, statement: str, parameters: Mapping[str, Any], limits: CypherLimits
    ) -> CypherResult:
        """Run an analyst's read-only statement, fenced and bounded (:mod:`graph.cypher_run`)."""
        return self._cypher.run(statement, parameters, limits)

    def close(self) -> None:
        """Close the driver."""
        with self._lock:
            driver, self._driver = self._driver, None
        if driver is not None:
            driver.close()


