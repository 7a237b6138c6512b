"""The graph a :class:`~graph.repository.Repository` serves, as a property graph for the views.

The live pages (``/viz/…``) draw whatever backend the API runs on, so they read the
graph through the same typed repository methods the JSON API uses (plans as trees,
agencies, brands) rather than through either backend's internals.  The snapshot is
rebuilt only when the backend's counts change (:class:`SnapshotCache`), so a page
request costs one ``health()`` call, not a graph read.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Final

from graph.enterprise_results import EnterpriseFilter
from graph.property_graph import NodeRow, PropertyGraph, RelRow
from graph.repository import (
    PlanTree,
    Ref,
    Repository,
    TargetInfo,
    TaskInfo,
    every_page,
)
from ontology.model import NodeKind, RelKind, Role
from viz.describe import GraphIndex

_ROLE_REL: Final = {Role.LEAD: RelKind.LEADS, Role.CO: RelKind.CO_RESPONSIBLE_FOR}


class _Builder:
    """Collects nodes (props merged) and relationships."""

    def __init__(self) -> None:
        self.nodes: dict[str, tuple[NodeKind, dict[str, Any]]] = {}
        self.rels: set[RelRow] = set()

    def node(self, kind: NodeKind, key: str, /, **props: Any) -> str:
        _, stored = self.nodes.setdefault(key, (kind, {}))
        stored.update({k: v for k, v in props.items() if v is not None})
        return key

    def ref(self, kind: NodeKind, ref: Ref | None, prop: str = "name") -> str | None:
        return None if ref is None else self.node(kind, ref.key, **{prop: ref.name})

    def rel(self, kind: RelKind, start: str | None, end: str | None) -> None:
        if start is not None and end is not None:
            self.rels.add(RelRow(kind, start, end))

    def sentence(self, owner: str, sentence: str | None) -> None:
        if sentence:
            key = self.node(NodeKind.EVIDENCE, f"evidence/~{owner}", sentence=sentence,
                            spanStart=0)
            self.rel(RelKind.HAS_EVIDENCE, owner, key)

    def target(self, owner: str, target: TargetInfo) -> None:
        key = self.node(NodeKind.TARGET, target.key, metric=target.metric, value=target.value,
                        unit=target.unit, qualifier=target.qualifier, year=target.year,
                        perYear=target.per_year or None, qualitative=target.qualitative or None)
        self.rel(RelKind.HAS_TARGET, owner, key)
        self.sentence(key, target.sentence)

    def task(self, plan: str, section: str | None, task: TaskInfo) -> None:
        key = self.node(NodeKind.TASK, task.key, title=task.title, taskId=task.task_id)
        self.rel(RelKind.HAS_TASK, plan, key)
        self.rel(RelKind.IN_SECTION, key, section)
        for agency in task.agencies:
            self.node(NodeKind.AGENCY, agency.key, name=agency.name)
            self.rel(_ROLE_REL[agency.role], agency.key, key)
        for target in task.targets:
            self.target(key, target)
        self.sentence(key, task.sentence)

    def plan(self, tree: PlanTree) -> None:
        key = self.node(NodeKind.PLAN, tree.key, title=tree.title, kind=tree.kind,
                        level=tree.level, issued=tree.issued, docNumber=tree.doc_number,
                        periodStart=tree.period_start, periodEnd=tree.period_end)
        self.rel(RelKind.GOVERNS, key, self.ref(NodeKind.REGION, tree.region))
        self.rel(RelKind.ISSUED_BY, key, self.ref(NodeKind.AGENCY, tree.issuer))
        for parent in tree.implements:
            self.rel(RelKind.IMPLEMENTS, key, self.ref(NodeKind.PLAN, parent, "title"))
        for child in tree.implemented_by:
            self.rel(RelKind.IMPLEMENTS, self.ref(NodeKind.PLAN, child, "title"), key)
        for section in tree.sections:
            home = None
            if section.key is not None:
                home = self.node(NodeKind.SECTION, section.key, name=section.name)
                self.rel(RelKind.HAS_SECTION, key, home)
            for task in section.tasks:
                self.task(key, home, task)
        for target in tree.targets:
            self.target(key, target)
        for funding in tree.funding:
            self.node(NodeKind.FUNDING, funding.key, amount=funding.amount, unit=funding.unit,
                      per=funding.per, recipient=funding.recipient)
            self.rel(RelKind.HAS_FUNDING, key, funding.key)
            self.sentence(funding.key, funding.sentence)
        for brand in tree.brands:
            self.rel(RelKind.MENTIONS_BRAND, key, self.ref(NodeKind.BRAND, brand))
        for source in tree.sources:
            self.node(NodeKind.SOURCE, source.key, fileName=source.file_name, title=source.title)
            self.rel(RelKind.REPORTS, source.key, key)

    def graph(self) -> PropertyGraph:
        return PropertyGraph(
            nodes=tuple(NodeRow(kind, key, props)
                        for key, (kind, props) in sorted(self.nodes.items())),
            rels=tuple(sorted(self.rels, key=lambda r: (r.kind.value, r.start, r.end))),
        )


def snapshot(repo: Repository) -> PropertyGraph:
    """Plans (as trees), their tasks, agencies, targets, brands, regions, sources and the
    enterprises with their brands and programmes.

    Source sentences come with tasks, targets, funding and brands; the repository
    does not give an agency's sentence, so live agency tooltips show none.  Recognitions
    come from each brand's detail (rows naming a brand) and each enterprise's programmes.
    """
    builder = _Builder()
    for info in every_page(repo.plans):
        builder.plan(repo.plan(info.key))
    for agency in every_page(lambda page: repo.agencies(None, page)):
        builder.node(NodeKind.AGENCY, agency.key, name=agency.name,
                     aliases=sorted(agency.aliases) or None, level=agency.level)
        builder.rel(RelKind.IN_REGION, agency.key, builder.ref(NodeKind.REGION, agency.region))
    for brand in every_page(repo.brands):
        builder.node(NodeKind.BRAND, brand.key, name=brand.name, brandKind=brand.brand_kind)
        detail = repo.brand(brand.key)
        builder.sentence(brand.key, detail.sentences[0] if detail.sentences else None)
        for listed in detail.recognitions:  # a list's row naming the brand
            hub = builder.node(NodeKind.RECOGNITION, listed.key)
            builder.rel(RelKind.OF_BRAND, hub, brand.key)
            builder.rel(RelKind.OF_ENTERPRISE, hub, builder.ref(NodeKind.ENTERPRISE,
                                                                listed.enterprise))
            builder.rel(RelKind.IN_PROGRAMME, hub, builder.ref(NodeKind.BRAND, listed.programme))
    for firm in every_page(lambda page: repo.enterprises(EnterpriseFilter(), page)):
        key = builder.node(NodeKind.ENTERPRISE, firm.key, name=firm.name)
        builder.rel(RelKind.IN_REGION, key, builder.ref(NodeKind.REGION, firm.region))
        for held in firm.brands:
            builder.rel(RelKind.HOLDS_BRAND, key, builder.ref(NodeKind.BRAND, held))
        for programme in firm.programmes:  # one recognition per (enterprise, programme)
            hub = builder.node(NodeKind.RECOGNITION, f"recognition/~{key}~{programme.key}")
            builder.rel(RelKind.OF_ENTERPRISE, hub, key)
            builder.rel(RelKind.IN_PROGRAMME, hub, builder.ref(NodeKind.BRAND, programme))
    return builder.graph()


@dataclass(frozen=True)
class _Entry:
    repo: Repository  # kept so its id() is not reused by another object
    version: tuple[Any, ...]
    index: GraphIndex


class SnapshotCache:
    """The indexed snapshot of each repository, rebuilt when its health counts change."""

    def __init__(self) -> None:
        self._entries: dict[int, _Entry] = {}
        self._lock = threading.Lock()

    def index(self, repo: Repository) -> GraphIndex:
        """The :class:`GraphIndex` of the repository's current graph."""
        health = repo.health()
        version = (health.backend, health.location, tuple(sorted(health.nodes.items())),
                   health.relationships)
        with self._lock:
            entry = self._entries.get(id(repo))
            if entry is not None and entry.repo is repo and entry.version == version:
                return entry.index
            index = GraphIndex(snapshot(repo))
            self._entries[id(repo)] = _Entry(repo, version, index)
            return index
