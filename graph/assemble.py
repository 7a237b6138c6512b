"""Raw pieces of the graph → the result types of :mod:`graph.repository`.

Both backends gather the same *records* — plain dicts, shaped like the rows of the
Cypher in :mod:`graph.queries` — and hand them to these pure functions, which choose
names, orders and tie-breaks in one place.  A *node dict* is a node's properties plus its
``key``; an evidence dict also carries ``source`` (the file name).  Records:

* task: ``task``; lists ``plans, sections, leads, cos`` (node dicts), ``targets`` (target
  node dicts with ``evidence``), ``evidence``;
* agency: ``agency``, ``regions``, counts ``lead, co``;
* plan: ``plan``; lists ``regions, issuers, implements, implementedBy``; ``taskCount``;
* target row: ``target`` (with ``evidence``); lists ``tasks, plans, regions, leads, cos``.

Where the model expects one link (a task's plan, a plan's region) and a list holds several,
the node with the smallest key is taken, on both backends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from graph.cypher_write import FULLTEXT_LABELS, FULLTEXT_PROPERTIES
from graph.property_graph import PROPERTIES
from graph.rdf import UNIT_SEPARATOR
from graph.repository import (
    AgencyInfo,
    AgencyRole,
    AgencyWorkload,
    BrandDetail,
    BrandInfo,
    EvidenceInfo,
    FundingInfo,
    GraphEdge,
    GraphNode,
    PlanInfo,
    PlanTree,
    RecognitionInfo,
    Ref,
    SearchHit,
    SectionNode,
    SourceInfo,
    Subgraph,
    TargetInfo,
    TargetRow,
    TaskInfo,
)
from graph.search import Match, Query, match, rank_key
from ontology.model import GovLevel, NodeKind, Role

Record = Mapping[str, Any]
NodeDict = Mapping[str, Any]

#: Property names a node may carry (anything else a store adds is not part of the answer).
PROPERTY_NAMES: Final = frozenset(p.name for p in PROPERTIES.values())

#: What ``/search`` looks at: exactly what the Neo4j full-text index holds (these labels,
#: these properties), so both backends find the same nodes.  Sentences rank below names.
SEARCH_KINDS: Final = tuple(FULLTEXT_LABELS)
NAME_FIELDS: Final = tuple(p for p in FULLTEXT_PROPERTIES if p != "sentence")
TEXT_FIELDS: Final = ("sentence",)
#: Order of kinds among equally good search hits.
KIND_ORDER: Final = {kind: n for n, kind in enumerate(SEARCH_KINDS)}
_LEVEL_ORDER: Final = {level.value: n for n, level in enumerate(GovLevel)}
_LAST: Final = "\uffff"


def clean(props: Mapping[str, Any]) -> dict[str, Any]:
    """Only the graph's own properties (and ``key``), without nulls."""
    return {k: v for k, v in props.items()
            if (k in PROPERTY_NAMES or k == "key") and v is not None}


def name_of(kind: NodeKind, node: NodeDict) -> str:
    """The display name of a node: its title, name, metric … or its key."""
    if kind is NodeKind.FUNDING:
        amount = node.get("amount")
        text = f"{amount:g}{node.get('unit') or ''}" if amount is not None else ""
        return " ".join(x for x in (node.get("recipient"), text) if x) or node["key"]
    if kind is NodeKind.EVIDENCE:
        return str(node.get("sentence") or node["key"])[:40]
    for name in ("title", "name", "label", "metric", "fileName", "taskId"):
        if node.get(name):
            return str(node[name])
    return str(node["key"])


def ref(kind: NodeKind, node: NodeDict | None) -> Ref | None:
    """A link to ``node``, or None."""
    return None if node is None else Ref(node["key"], name_of(kind, node))


def refs(kind: NodeKind, nodes: Iterable[NodeDict]) -> tuple[Ref, ...]:
    """Links to ``nodes``, sorted by name, then key."""
    out = {n["key"]: Ref(n["key"], name_of(kind, n)) for n in nodes if n}
    return tuple(sorted(out.values(), key=lambda r: (r.name, r.key)))


def first(nodes: Iterable[NodeDict] | None) -> NodeDict | None:
    """The node with the smallest key: the one link where the model expects one."""
    return min((n for n in nodes or () if n), key=lambda n: n["key"], default=None)


def first_ref(kind: NodeKind, nodes: Iterable[NodeDict] | None) -> Ref | None:
    """The link to :func:`first` of ``nodes`` (a plan governs one region)."""
    return ref(kind, first(nodes))


def _evidence_order(e: NodeDict) -> tuple[str, int, str]:
    return (e.get("source") or _LAST, e.get("spanStart") or 0, e["key"])


def evidence_infos(evidence: Iterable[NodeDict]) -> tuple[EvidenceInfo, ...]:
    """Evidence in document order (source file, then position)."""
    unique = {e["key"]: e for e in evidence if e}
    return tuple(
        EvidenceInfo(e.get("sentence"), e.get("source"), e.get("section"),
                     e.get("spanStart"), e.get("spanEnd"))
        for e in sorted(unique.values(), key=_evidence_order))


def first_sentence(evidence: Iterable[NodeDict]) -> str | None:
    """The sentence of the first evidence in document order."""
    infos = evidence_infos(evidence)
    return infos[0].sentence if infos else None


def _target_fields(target: NodeDict) -> dict[str, Any]:
    value = target.get("value")
    return {
        "key": target["key"], "metric": target.get("metric"),
        "value": float(value) if value is not None else None,
        "unit": target.get("unit"), "qualifier": target.get("qualifier"),
        "year": target.get("year"), "per_year": bool(target.get("perYear", False)),
        "qualitative": bool(target.get("qualitative", False)),
        "sentence": first_sentence(target.get("evidence") or ()),
    }


def target_order(target: NodeDict) -> tuple[bool, int, str, str]:
    """Targets by deadline year (none last), metric, key."""
    year = target.get("year")
    return (year is None, year or 0, target.get("metric") or "", target["key"])


def target_infos(targets: Iterable[NodeDict]) -> tuple[TargetInfo, ...]:
    """Targets in :func:`target_order`."""
    unique = {t["key"]: t for t in targets if t}
    return tuple(TargetInfo(**_target_fields(t)) for t in sorted(unique.values(), key=target_order))


def agency_roles(leads: Iterable[NodeDict], cos: Iterable[NodeDict],
                 order: Sequence[str] = ()) -> tuple[AgencyRole, ...]:
    """Lead agencies first, then co-responsible ones; lead wins a double role.  Each group
    in ``order`` (the names as the document lists them), the rest by name."""
    lead = {a.key: a for a in (AgencyRole(n["key"], n.get("name") or n["key"], Role.LEAD)
                               for n in leads if n)}
    co = [AgencyRole(n["key"], n.get("name") or n["key"], Role.CO)
          for n in cos if n and n["key"] not in lead]
    rank = {name: n for n, name in enumerate(order)}

    def place(a: AgencyRole) -> tuple[int, str, str]:
        return (rank.get(a.name, len(rank)), a.name, a.key)

    return tuple(sorted(lead.values(), key=place)
                 + sorted({a.key: a for a in co}.values(), key=place))


def unit_order(task: NodeDict) -> list[str]:
    """The task's unit names in the document's order (``unitOrder``, 、-joined)."""
    text = task.get("unitOrder")
    return str(text).split(UNIT_SEPARATOR) if text else []


def task_info(record: Record, match: Match | None = None) -> TaskInfo:
    """A task from its record."""
    task = record["task"]
    evidence = evidence_infos(record.get("evidence") or ())
    return TaskInfo(
        key=task["key"], task_id=task.get("taskId"), title=task.get("title"),
        plan=first_ref(NodeKind.PLAN, record.get("plans")),
        section=first_ref(NodeKind.SECTION, record.get("sections")),
        agencies=agency_roles(record.get("leads") or (), record.get("cos") or (),
                              unit_order(task)),
        targets=target_infos(record.get("targets") or ()),
        sentence=evidence[0].sentence if evidence else None,
        evidence=evidence, deadline=task.get("deadline"), due_year=task.get("dueYear"),
        due_month=task.get("dueMonth"), match=match,
    )


def task_order(record: Record) -> tuple[str, str, int, str, str]:
    """Document order: plan name, then the first evidence's source and position."""
    plan = first(record.get("plans"))
    start = min((_evidence_order(e) for e in record.get("evidence") or () if e),
                default=(_LAST, 0, ""))
    return (name_of(NodeKind.PLAN, plan) if plan else _LAST, start[0], start[1],
            record["task"].get("taskId") or "", record["task"]["key"])


def task_texts(record: Record) -> list[str]:
    """The non-title text a task search looks at: its sentences and target metrics."""
    texts = [e.get("sentence") for e in record.get("evidence") or () if e]
    texts += [t.get("metric") for t in record.get("targets") or () if t]
    return [t for t in texts if t]


def agency_info(record: Record, match: Match | None = None) -> AgencyInfo:
    """An agency from its record."""
    agency = record["agency"]
    return AgencyInfo(
        key=agency["key"], name=agency.get("name") or agency["key"],
        aliases=tuple(sorted(agency.get("aliases") or ())), level=agency.get("level"),
        region=first_ref(NodeKind.REGION, record.get("regions") or ()),
        lead=int(record.get("lead") or 0), co=int(record.get("co") or 0), match=match)


def workload(record: Record) -> AgencyWorkload:
    """A line of the workload ranking from an agency record."""
    info = agency_info(record)
    return AgencyWorkload(key=info.key, name=info.name, level=info.level, region=info.region,
                          lead=info.lead, co=info.co, total=info.lead + info.co)


def workload_order(line: AgencyWorkload) -> tuple[int, int, str, str]:
    """Most lead tasks first, then most tasks, then name and key."""
    return (-line.lead, -line.total, line.name, line.key)


def _plan_fields(record: Record) -> dict[str, Any]:
    plan = record["plan"]
    return {
        "key": plan["key"], "title": name_of(NodeKind.PLAN, plan), "kind": plan.get("kind"),
        "level": plan.get("level"), "issued": plan.get("issued"),
        "doc_number": plan.get("docNumber"), "period_start": plan.get("periodStart"),
        "period_end": plan.get("periodEnd"),
        "region": first_ref(NodeKind.REGION, record.get("regions") or ()),
        "issuer": first_ref(NodeKind.AGENCY, record.get("issuers") or ()),
        "task_count": int(record.get("taskCount") or 0),
        "implements": refs(NodeKind.PLAN, record.get("implements") or ()),
        "implemented_by": refs(NodeKind.PLAN, record.get("implementedBy") or ()),
    }


def plan_info(record: Record) -> PlanInfo:
    """A plan from its record."""
    return PlanInfo(**_plan_fields(record))


def plan_order(plan: PlanInfo) -> tuple[int, str, str]:
    """Plans by level (national, province, city, county, unknown), then title and key."""
    return (_LEVEL_ORDER.get(plan.level or "", len(_LEVEL_ORDER)), plan.title, plan.key)


def funding_infos(funding: Iterable[NodeDict]) -> tuple[FundingInfo, ...]:
    """Funding by recipient, amount, key."""
    items = sorted({f["key"]: f for f in funding if f}.values(),
                   key=lambda f: (f.get("recipient") or "", f.get("amount") or 0, f["key"]))
    return tuple(FundingInfo(
        f["key"], float(f["amount"]) if f.get("amount") is not None else None, f.get("unit"),
        f.get("per"), f.get("recipient"), first_sentence(f.get("evidence") or ()))
        for f in items)


def plan_tree(record: Record, tasks: Sequence[Record]) -> PlanTree:
    """A plan and its task records as a tree: sections in the order of their first task."""
    ordered = sorted(tasks, key=task_order)
    groups: dict[str | None, list[TaskInfo]] = {}
    names: dict[str | None, str | None] = {None: None}
    for task in ordered:
        section = first(task.get("sections"))
        key = section["key"] if section else None
        names[key] = name_of(NodeKind.SECTION, section) if section else None
        groups.setdefault(key, []).append(task_info(task))
    empty = [s for s in record.get("sections") or () if s and s["key"] not in groups]
    for section in sorted(empty, key=lambda s: (s.get("name") or "", s["key"])):
        groups[section["key"]] = []
        names[section["key"]] = name_of(NodeKind.SECTION, section)
    if None in groups:
        groups[None] = groups.pop(None)  # unsectioned tasks last
    sources = sorted({s["key"]: s for s in record.get("sources") or () if s}.values(),
                     key=lambda s: (s.get("fileName") or "", s["key"]))
    return PlanTree(
        **_plan_fields(record),
        sections=tuple(SectionNode(k, names[k], tuple(v)) for k, v in groups.items()),
        targets=target_infos(record.get("targets") or ()),
        funding=funding_infos(record.get("funding") or ()),
        brands=refs(NodeKind.BRAND, record.get("brands") or ()),
        sources=tuple(SourceInfo(s["key"], s.get("fileName"), s.get("title")) for s in sources),
    )


def target_row(record: Record) -> TargetRow:
    """A target list row from its record."""
    return TargetRow(
        **_target_fields(record["target"]),
        task=first_ref(NodeKind.TASK, record.get("tasks")),
        plan=first_ref(NodeKind.PLAN, record.get("plans")),
        region=first_ref(NodeKind.REGION, record.get("regions") or ()),
        agencies=agency_roles(record.get("leads") or (), record.get("cos") or ()),
    )


def target_row_order(row: TargetRow) -> tuple[bool, int, str, str, str]:
    """Targets by deadline year (none last), plan, metric, key."""
    return (row.year is None, row.year or 0, row.plan.name if row.plan else _LAST,
            row.metric or "", row.key)


def brand_info(brand: NodeDict, plan_count: int) -> BrandInfo:
    """A brand list entry."""
    return BrandInfo(key=brand["key"], name=brand.get("name") or brand["key"],
                     brand_kind=brand.get("brandKind"), plan_count=plan_count)


def brand_detail(record: Record,
                 recognitions: Sequence[RecognitionInfo] = ()) -> BrandDetail:
    """A brand with the plans, tasks and targets naming it, and the recognitions listing
    it (shaped by :func:`graph.assemble_enterprises.recognition_info`, in their order)."""
    plans = refs(NodeKind.PLAN, record.get("plans") or ())
    info = brand_info(record["brand"], len(plans))
    sentences = tuple(dict.fromkeys(
        e.sentence for e in evidence_infos(record.get("evidence") or ()) if e.sentence))
    return BrandDetail(key=info.key, name=info.name, brand_kind=info.brand_kind,
                       plan_count=info.plan_count, plans=plans,
                       tasks=refs(NodeKind.TASK, record.get("tasks") or ()),
                       targets=target_infos(record.get("targets") or ()), sentences=sentences,
                       recognitions=tuple(recognitions))


def search_hit(query: Query, kind: NodeKind, node: NodeDict) -> SearchHit | None:
    """A search hit for ``node`` if ``query`` matches its indexed fields, else None."""
    found = match(query, _field_texts(node, NAME_FIELDS), _field_texts(node, TEXT_FIELDS))
    return None if found is None else SearchHit(kind, node["key"], name_of(kind, node), found)


def _field_texts(node: NodeDict, fields: Iterable[str]) -> list[str]:
    texts: list[str] = []
    for name in fields:
        value = node.get(name)
        texts.extend(value if isinstance(value, list) else [value] if value else [])
    return texts


def search_order(hit: SearchHit) -> tuple[Any, ...]:
    """Best hits first (:func:`graph.search.rank_key`), kinds in index order among equals."""
    score = rank_key(hit.match, hit.name, hit.key)
    return (*score[:4], KIND_ORDER.get(hit.kind, len(KIND_ORDER)), *score[4:])


Neighbour = tuple[str, str, bool, NodeKind, dict[str, Any]]
"""(from key, relationship type, outgoing?, other node's kind, other node dict)."""


def expand(
    center: tuple[NodeKind, dict[str, Any]],
    depth: int,
    kinds: frozenset[NodeKind] | None,
    neighbours: Callable[[list[str]], Iterable[Neighbour]],
    cap: int,
) -> Subgraph:
    """Breadth-first neighbourhood of ``center`` through nodes of ``kinds`` only.

    ``neighbours(keys)`` gives every relationship touching the given nodes.  Levels are
    taken whole while they fit under ``cap`` nodes; the level that does not fit is cut by
    key and the result marked truncated.  The last level is expanded once more to find the
    edges among the nodes returned.
    """
    kind, props = center
    nodes = {props["key"]: GraphNode(props["key"], kind, name_of(kind, props), clean(props), 0)}
    edges: set[GraphEdge] = set()
    frontier, truncated = [props["key"]], False
    for level in range(1, depth + 2):
        if not frontier:
            break
        found: dict[str, GraphNode] = {}
        for start, rel, outgoing, other_kind, other in neighbours(frontier):
            if kinds is not None and other_kind not in kinds:
                continue
            other_key = other["key"]
            edge = GraphEdge(start, other_key, rel) if outgoing else GraphEdge(other_key, start, rel)
            if other_key in nodes:
                edges.add(edge)
            elif level <= depth:
                found.setdefault(other_key, GraphNode(
                    other_key, other_kind, name_of(other_kind, other), clean(other), level))
                edges.add(edge)
        new = sorted(found)
        if len(nodes) + len(new) > cap:
            new, truncated = new[:cap - len(nodes)], True
        nodes.update((k, found[k]) for k in new)
        frontier = new
    kept = sorted((e for e in edges if e.source in nodes and e.target in nodes),
                  key=lambda e: (e.source, e.kind, e.target))
    return Subgraph(center=props["key"], depth=depth,
                    nodes=tuple(sorted(nodes.values(), key=lambda n: (n.depth, n.key))),
                    edges=tuple(kept), truncated=truncated)
