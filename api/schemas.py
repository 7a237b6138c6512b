"""Response and request models of the JSON API (the OpenAPI schema), apart from the
ontology's models.  Field names are snake_case; ``props`` of a subgraph node keeps the
graph's own camelCase property names.  Lists are ``{"data": [...], "count": n, "limit": l,
"offset": o}``: ``count`` is the number of matches over all pages, ``limit`` the page size
asked for.  A node is called by ``name`` wherever it appears, whole or as a reference.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from graph.search import TASK_SEARCH_CAP
from ontology.model import NodeKind, Role

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class ListOut(_Out, Generic[T]):
    """One page of a list."""

    data: list[T]
    count: int = Field(description="Matches over all pages (not the length of this page).")
    limit: int = Field(description="Page size asked for: at most this many items in data.")
    offset: int = Field(description="Matches skipped before this page.")


class ErrorDetail(_Out):
    """What went wrong."""

    status: int
    code: str = Field(description="Stable machine-readable code, e.g. not_found.")
    message: str


class ErrorOut(_Out):
    """The one error shape of every endpoint."""

    error: ErrorDetail


class RefOut(_Out):
    """A link to another node: use ``key`` in the URL of its resource."""

    key: str
    name: str


class AgencyRoleOut(_Out):
    """An agency on a task."""

    key: str
    name: str
    role: Role


class MatchOut(_Out):
    """Why a result matched: query terms (bigrams) found in the title or name, and elsewhere."""

    title: list[str]
    text: list[str]
    phrase: bool = Field(description="The whole query appears in the title or name.")


class EvidenceOut(_Out):
    """Where a fact was read."""

    sentence: str | None
    source: str | None = Field(description="File name of the source document.")
    section: str | None
    span_start: int | None
    span_end: int | None


class TargetOut(_Out):
    """A target with its deadline year."""

    key: str
    metric: str | None
    value: float | None
    unit: str | None
    qualifier: str | None
    year: int | None
    per_year: bool
    qualitative: bool
    sentence: str | None


class TargetRowOut(TargetOut):
    """A target with its task, plan, region and the task's agencies (lead first)."""

    task: RefOut | None
    plan: RefOut | None
    region: RefOut | None
    agencies: list[AgencyRoleOut]


class TaskOut(_Out):
    """A task: who leads it and who shares it (lead first, each in the document's order),
    plan, section, targets, deadline, sentence."""

    key: str
    task_id: str | None = Field(description="Section path in the plan, e.g. 二.(三).")
    title: str | None
    plan: RefOut | None
    section: RefOut | None
    agencies: list[AgencyRoleOut]
    targets: list[TargetOut]
    sentence: str | None = Field(description="The source sentence (first evidence).")
    evidence: list[EvidenceOut]
    deadline: str | None = Field(default=None, description="The deadline as written.")
    due_year: int | None = None
    due_month: int | None = None
    match: MatchOut | None = None


class TaskListOut(ListOut[TaskOut]):
    """One page of tasks; a question matching very many is capped."""

    count: int = Field(description=(
        f"Matches over all pages (not the length of this page); {TASK_SEARCH_CAP} when "
        f"count_capped."))
    count_capped: bool = Field(description=(
        f"True when more than {TASK_SEARCH_CAP} tasks match the question: the answer ranks "
        f"only {TASK_SEARCH_CAP} of them, those matching in the title first, then by key, "
        f"and count is {TASK_SEARCH_CAP}. False when every match is ranked and counted "
        f"(always without q)."))


class AgencyOut(_Out):
    """An agency with its lead and co-responsible task counts."""

    key: str
    name: str
    aliases: list[str]
    level: str | None
    region: RefOut | None
    lead: int
    co: int
    match: MatchOut | None = None


class PlanOut(_Out):
    """A plan and its implementation links."""

    key: str
    # The graph layer calls it title; here it is `name`, like every reference to a plan.
    name: str = Field(validation_alias=AliasChoices("name", "title"),
                      description="Title, or the label of an untitled plan (as in references).")
    kind: str | None
    level: str | None
    issued: str | None
    doc_number: str | None
    period_start: int | None
    period_end: int | None
    region: RefOut | None
    issuer: RefOut | None
    task_count: int
    implements: list[RefOut]
    implemented_by: list[RefOut]


class SectionOut(_Out):
    """A section and its tasks in document order (key null: tasks outside any section)."""

    key: str | None
    name: str | None
    tasks: list[TaskOut]


class FundingOut(_Out):
    """Money a plan promises."""

    key: str
    amount: float | None
    unit: str | None
    per: str | None
    recipient: str | None
    sentence: str | None


class SourceOut(_Out):
    """A source document reporting the plan."""

    key: str
    file_name: str | None
    title: str | None


class PlanTreeOut(PlanOut):
    """A plan as a tree: sections → tasks → agencies → targets, plus funding and brands."""

    sections: list[SectionOut]
    targets: list[TargetOut] = Field(description="Targets of the plan as a whole.")
    funding: list[FundingOut]
    brands: list[RefOut]
    sources: list[SourceOut]


class BrandOut(_Out):
    """A brand, programme, award or certification."""

    key: str
    name: str
    brand_kind: str | None
    plan_count: int


class RecognitionOut(_Out):
    """A recognition in a programme: who, when, where, and the list row it comes from."""

    key: str
    programme: RefOut | None
    enterprise: RefOut | None
    brand: RefOut | None
    region: RefOut | None = Field(description="Where the recognition is counted.")
    batch: int | None
    year: int | None
    product: str | None
    category: str | None
    agency: RefOut | None = Field(description="The agency that published the list.")
    register_file: str | None = Field(description="File name of the list it was imported from.")
    register_row: int | None = Field(description="Its row in that file (the header is row 1).")
    sentence: str | None = Field(description="The sentence, when a document's text names it.")


class BrandDetailOut(BrandOut):
    """A brand and the plans, tasks and targets naming it, and the lists that name it."""

    plans: list[RefOut]
    tasks: list[RefOut]
    targets: list[TargetOut]
    sentences: list[str]
    recognitions: list[RecognitionOut] = Field(
        description="Recognitions of the brand in programmes (a list's row, with its "
        "enterprise when the list names one).")


class SearchHitOut(_Out):
    """A node matching a search."""

    kind: NodeKind
    key: str
    name: str
    match: MatchOut


class GraphNodeOut(_Out):
    """A node of a subgraph with its graph properties."""

    key: str
    kind: NodeKind
    name: str
    props: dict[str, Any]
    depth: int = Field(description="Hops from the center.")


class GraphEdgeOut(_Out):
    """A relationship of a subgraph."""

    source: str
    target: str
    kind: str


class SubgraphOut(_Out):
    """Nodes and edges for the network views."""

    center: str
    depth: int
    nodes: list[GraphNodeOut]
    edges: list[GraphEdgeOut]
    truncated: bool = Field(description="The node cap cut the neighbourhood.")


class HealthOut(_Out):
    """The backend, its reachability and the graph's size."""

    backend: str
    location: str
    reachable: bool
    nodes: dict[str, int]
    relationships: int


class CypherIn(BaseModel):
    """An analyst's read-only query with its parameters."""

    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=20_000,
                       examples=["MATCH (a:Agency)-[:LEADS]->(t:Task) "
                                 "WHERE t.title CONTAINS $word RETURN a.name, t.title"])
    parameters: dict[str, Any] = Field(default_factory=dict, examples=[{"word": "标准化"}])
    limit: int | None = Field(default=None, ge=1, description="Row cap (at most the server's).")
    timeout: float | None = Field(default=None, gt=0,
                                  description="Seconds (at most the server's limit).")


class CypherOut(_Out):
    """Rows as JSON; ``truncated`` when the row cap or the byte budget cut them."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    elapsed_ms: float
