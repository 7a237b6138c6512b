"""The read interface of the graph, shared by the embedded and the Neo4j backend.

:class:`Repository` is what the API calls; it never sees Cypher or networkx.  Every method
returns the frozen result types below, built by :mod:`graph.assemble` from the same raw
pieces on both backends, so the two answer alike (the contract tests demand it).

Keys are node keys (``task/2daf499e799f``).  Lists come as :class:`Page`: one slice of a
total order, and ``count`` = the number of items over all pages.  Errors are
:class:`~graph.errors.GraphError`\\ s: :class:`~graph.errors.NotFound` for an unknown key,
:class:`~graph.errors.StoreUnavailable` when Neo4j cannot be reached, and the kinds below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

from graph.errors import GraphError
from graph.search import Match
from ontology.model import NodeKind, Role

if TYPE_CHECKING:
    from graph.cascade_results import Coverage
    from graph.enterprise_results import (
        EnterpriseDetail,
        EnterpriseFilter,
        EnterpriseInfo,
        TargetProgress,
    )
    from graph.progress import ProgrammeTable

T = TypeVar("T")


class Unsupported(GraphError):
    """The backend cannot do this (e.g. Cypher on the embedded graph)."""


class CypherRejected(GraphError):
    """A Cypher statement is not a read-only query; it was refused before it ran."""


class CypherFailed(GraphError):
    """Neo4j refused a Cypher statement (syntax, types, unknown procedure …)."""


class CypherTimeout(GraphError):
    """A Cypher statement ran past its time limit and was terminated by the server."""


class CypherBusy(GraphError):
    """Every slot for analysts' statements is taken; try again shortly."""


@dataclass(frozen=True)
class PageRequest:
    """Which slice of a list to return."""

    limit: int = 20
    offset: int = 0

    def slice(self, items: list[T]) -> tuple[T, ...]:
        """The page of ``items``."""
        return tuple(items[self.offset:self.offset + self.limit])


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, and the size of the whole list.

    ``capped``: more items matched than a search ranks (:data:`graph.search.TASK_SEARCH_CAP`);
    ``count`` is then the cap, not the number of matches.
    """

    data: tuple[T, ...]
    count: int
    capped: bool = False


def every_page(fetch: Callable[[PageRequest], Page[T]], size: int = 200) -> list[T]:
    """Every item of a paged list, read ``size`` at a time (``fetch`` is a repository
    method with its filters bound: ``lambda page: repo.tasks(None, page)``)."""
    items: list[T] = []
    while True:
        page = fetch(PageRequest(limit=size, offset=len(items)))
        items.extend(page.data)
        if not page.data or len(items) >= page.count:
            return items


@dataclass(frozen=True)
class Ref:
    """A link to another node: its key and display name."""

    key: str
    name: str


@dataclass(frozen=True)
class AgencyRole:
    """An agency on a task, with its role."""

    key: str
    name: str
    role: Role


@dataclass(frozen=True)
class EvidenceInfo:
    """Where a fact was read: the source file, section path, span and sentence."""

    sentence: str | None
    source: str | None
    section: str | None
    span_start: int | None
    span_end: int | None


@dataclass(frozen=True, kw_only=True)
class TargetInfo:
    """A target: metric, value, unit, qualifier, deadline year, and its sentence."""

    key: str
    metric: str | None
    value: float | None
    unit: str | None
    qualifier: str | None
    year: int | None
    per_year: bool
    qualitative: bool
    sentence: str | None


@dataclass(frozen=True, kw_only=True)
class TargetRow(TargetInfo):
    """A target with its task, plan, region and the task's agencies (lead first)."""

    task: Ref | None
    plan: Ref | None
    region: Ref | None
    agencies: tuple[AgencyRole, ...]


@dataclass(frozen=True, kw_only=True)
class TaskInfo:
    """A task with everything a coordinator asks about it; ``match`` is set by a search.

    ``agencies`` are lead first, then co-responsible, each in the document's order."""

    key: str
    task_id: str | None
    title: str | None
    plan: Ref | None
    section: Ref | None
    agencies: tuple[AgencyRole, ...]
    targets: tuple[TargetInfo, ...]
    sentence: str | None
    evidence: tuple[EvidenceInfo, ...]
    deadline: str | None = None
    due_year: int | None = None
    due_month: int | None = None
    match: Match | None = None


@dataclass(frozen=True, kw_only=True)
class AgencyInfo:
    """An agency: names, level, region and how many tasks it leads and co-owns."""

    key: str
    name: str
    aliases: tuple[str, ...]
    level: str | None
    region: Ref | None
    lead: int
    co: int
    match: Match | None = None


@dataclass(frozen=True, kw_only=True)
class AgencyWorkload:
    """One line of the workload ranking."""

    key: str
    name: str
    level: str | None
    region: Ref | None
    lead: int
    co: int
    total: int


@dataclass(frozen=True)
class FundingInfo:
    """Money a plan promises."""

    key: str
    amount: float | None
    unit: str | None
    per: str | None
    recipient: str | None
    sentence: str | None


@dataclass(frozen=True)
class SourceInfo:
    """A source document that reports a plan."""

    key: str
    file_name: str | None
    title: str | None


@dataclass(frozen=True, kw_only=True)
class PlanInfo:
    """A plan's metadata, its region and issuer, and its implementation links."""

    key: str
    title: str
    kind: str | None
    level: str | None
    issued: str | None
    doc_number: str | None
    period_start: int | None
    period_end: int | None
    region: Ref | None
    issuer: Ref | None
    task_count: int
    implements: tuple[Ref, ...]
    implemented_by: tuple[Ref, ...]


@dataclass(frozen=True)
class SectionNode:
    """A section of a plan and its tasks, in document order."""

    key: str | None
    name: str | None
    tasks: tuple[TaskInfo, ...]


@dataclass(frozen=True, kw_only=True)
class PlanTree(PlanInfo):
    """A plan as a tree: sections → tasks → agencies → targets; funding, brands, sources.

    Tasks outside any section come last, in a section with ``key`` None.
    """

    sections: tuple[SectionNode, ...]
    targets: tuple[TargetInfo, ...]
    funding: tuple[FundingInfo, ...]
    brands: tuple[Ref, ...]
    sources: tuple[SourceInfo, ...]


@dataclass(frozen=True, kw_only=True)
class RecognitionInfo:
    """One recognition: who (enterprise and/or brand), in which programme, when, where,
    and the list row (register file and row) or sentence it comes from."""

    key: str
    programme: Ref | None
    enterprise: Ref | None
    brand: Ref | None
    region: Ref | None
    batch: int | None
    year: int | None
    product: str | None
    category: str | None
    agency: Ref | None
    register_file: str | None
    register_row: int | None
    sentence: str | None


@dataclass(frozen=True, kw_only=True)
class BrandInfo:
    """A brand, programme, award or certification, and how many plans name it."""

    key: str
    name: str
    brand_kind: str | None
    plan_count: int


@dataclass(frozen=True, kw_only=True)
class BrandDetail(BrandInfo):
    """A brand with the plans, tasks and targets naming it, its sentences, and the
    recognitions listing it (in a programme, with or without its enterprise)."""

    plans: tuple[Ref, ...]
    tasks: tuple[Ref, ...]
    targets: tuple[TargetInfo, ...]
    sentences: tuple[str, ...]
    recognitions: tuple[RecognitionInfo, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """A node matching a search, with the terms it matched."""

    kind: NodeKind
    key: str
    name: str
    match: Match


@dataclass(frozen=True)
class TargetFilter:
    """Filters of the target list; None means any.  ``region`` is a key or a name."""

    year: int | None = None
    region: str | None = None
    plan: str | None = None
    agency: str | None = None


@dataclass(frozen=True)
class GraphNode:
    """A node of a subgraph, with its graph properties (camelCase, as stored)."""

    key: str
    kind: NodeKind
    name: str
    props: Mapping[str, Any]
    depth: int


@dataclass(frozen=True)
class GraphEdge:
    """A relationship of a subgraph."""

    source: str
    target: str
    kind: str


@dataclass(frozen=True)
class Subgraph:
    """The neighbourhood of a node; ``truncated`` when the node cap cut it."""

    center: str
    depth: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    truncated: bool


@dataclass(frozen=True)
class Health:
    """The backend, where it is, and how many nodes of each kind and relationships it holds."""

    backend: str
    location: str
    reachable: bool
    nodes: dict[str, int]
    relationships: int


@dataclass(frozen=True)
class CypherLimits:
    """What one analyst's statement may cost: seconds (planning included), rows, JSON bytes."""

    timeout: float
    max_rows: int
    max_bytes: int


@dataclass(frozen=True)
class CypherResult:
    """Rows of an analyst's query as JSON-ready values; ``truncated`` if a cap cut them."""

    columns: tuple[str, ...]
    rows: list[list[Any]] = field(default_factory=list)
    truncated: bool = False
    elapsed_ms: float = 0.0


@runtime_checkable
class Repository(Protocol):
    """Typed read access to the policy graph.  Implementations are thread-safe."""

    backend: str

    def health(self) -> Health:
        """Backend, reachability and counts; raises StoreUnavailable if unreachable."""
        ...

    def tasks(self, query: str | None, page: PageRequest) -> Page[TaskInfo]:
        """Tasks matching ``query`` (best first), or all tasks in document order.

        A search matching more tasks than ``search_cap`` ranks only the first of them in
        the order of :func:`graph.search.window_key` and says so (``capped``,
        :func:`graph.search.capped`)."""
        ...

    def task(self, key: str) -> TaskInfo:
        """One task by key."""
        ...

    def agencies(self, query: str | None, page: PageRequest) -> Page[AgencyInfo]:
        """Agencies whose names or aliases match ``query`` (best first), or all by name."""
        ...

    def agency(self, key: str) -> AgencyInfo:
        """One agency by key."""
        ...

    def agency_tasks(self, key: str, role: Role | None, page: PageRequest) -> Page[TaskInfo]:
        """Tasks an agency leads (first) or co-owns, in document order."""
        ...

    def agency_ranking(self, page: PageRequest) -> Page[AgencyWorkload]:
        """Agencies by workload: most lead tasks first, then most tasks."""
        ...

    def plans(self, page: PageRequest) -> Page[PlanInfo]:
        """All plans, by level (province first) and title."""
        ...

    def plan(self, key: str) -> PlanTree:
        """One plan as a tree."""
        ...

    def targets(self, filters: TargetFilter, page: PageRequest) -> Page[TargetRow]:
        """Targets by deadline year, then plan and metric."""
        ...

    def brands(self, page: PageRequest) -> Page[BrandInfo]:
        """Brands, most often named first."""
        ...

    def brand(self, key: str) -> BrandDetail:
        """One brand with what names it."""
        ...

    def search(
        self, query: str, kinds: frozenset[NodeKind] | None, page: PageRequest
    ) -> Page[SearchHit]:
        """Nodes of any (or the given) kinds whose names match ``query``, best first."""
        ...

    def enterprises(self, filters: EnterpriseFilter, page: PageRequest) -> Page[EnterpriseInfo]:
        """Enterprises matching the filters: best name matches first, else by name."""
        ...

    def enterprise(self, key: str) -> EnterpriseDetail:
        """One enterprise with its brands, programmes, plans and recognitions."""
        ...

    def brand_holders(self, key: str, page: PageRequest) -> Page[EnterpriseInfo]:
        """Enterprises that hold a brand, or (for a programme) are recognised in it."""
        ...

    def target_progress(self, key: str, table: ProgrammeTable) -> TargetProgress:
        """A target beside what the registers hold for the programmes it counts."""
        ...

    def coverage(self, key: str) -> Coverage:
        """Which measures of a plan (its tasks and those its interpretations restate) each
        plan implementing it carries out, the gaps, and the targets beside each other."""
        ...

    def subgraph(self, center: str, depth: int, kinds: frozenset[NodeKind] | None) -> Subgraph:
        """Nodes within ``depth`` hops of ``center`` (through nodes of ``kinds`` only)."""
        ...

    def run_cypher(
        self, statement: str, parameters: Mapping[str, Any], limits: CypherLimits
    ) -> CypherResult:
        """Run an analyst's read-only Cypher (Neo4j only; raises Unsupported otherwise)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
