"""Typed model of the policy domain, mirroring ``ontology/policygraph.ttl``.

Field names follow the gold annotation format (``GOLD-SCHEMA.md``) so that an
:class:`Extraction` serialises straight to the JSON that ``policygraph extract``
writes and ``policygraph eval`` compares.  Extra provenance fields
(``evidence``) are additions the gold format allows.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class DocumentKind(StrEnum):
    """What kind of policy document a plan node is."""

    MEASURES = "measures"
    IMPLEMENTATION_OPINION = "implementation_opinion"
    ACTION_PLAN = "action_plan"
    INTERPRETATION = "interpretation"
    NEWS_REPORT = "news_report"
    NOTICE = "notice"


class GovLevel(StrEnum):
    """Government level of a region, plan or agency."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


class Qualifier(StrEnum):
    """How a target value is to be read (以上 = at least, 左右 = about …).

    An extraction records the words of the gold format (以上 左右 达到 超过 稳定在 以下 进入前);
    突破, 不低于 and 以内 are how a text may say them and are read as 超过, 以上 and no
    qualifier (see :func:`recorded`)."""

    AT_LEAST = "以上"
    ABOUT = "左右"
    REACH = "达到"
    EXCEED = "超过"
    BREAK_THROUGH = "突破"
    STABLE_AT = "稳定在"
    NOT_BELOW = "不低于"
    WITHIN = "以内"
    BELOW = "以下"
    TOP_N = "进入前"

    def recorded(self) -> Qualifier | None:
        """The qualifier as the gold format records it: 突破 → 超过, 不低于 → 以上,
        以内 → none (an upper bound the format has no word for; 以下 is kept)."""
        return _RECORDED.get(self, self)


_RECORDED: dict[Qualifier, Qualifier | None] = {
    Qualifier.BREAK_THROUGH: Qualifier.EXCEED,
    Qualifier.NOT_BELOW: Qualifier.AT_LEAST,
    Qualifier.WITHIN: None,
}


class Role(StrEnum):
    """An agency's role on a task."""

    LEAD = "lead"
    CO = "co"


class FundingPer(StrEnum):
    """Whether a funding amount is paid once or every year."""

    ONCE = "once"
    YEAR = "year"


class BrandKind(StrEnum):
    """Brand, brand programme, award or certification."""

    BRAND = "brand"
    PROGRAMME = "programme"
    AWARD = "award"
    CERTIFICATION = "certification"


class NodeKind(StrEnum):
    """Every kind of node the graph holds (labels in Neo4j, classes in OWL)."""

    PLAN = "Plan"
    SECTION = "Section"
    TASK = "Task"
    AGENCY = "Agency"
    REGION = "Region"
    TARGET = "Target"
    FUNDING = "Funding"
    BRAND = "Brand"
    ENTERPRISE = "Enterprise"
    RECOGNITION = "Recognition"
    ALIGNMENT = "Alignment"
    SOURCE = "Source"
    EVIDENCE = "Evidence"


class RelKind(StrEnum):
    """Every relationship type of the graph."""

    LEADS = "LEADS"
    CO_RESPONSIBLE_FOR = "CO_RESPONSIBLE_FOR"
    IMPLEMENTS = "IMPLEMENTS"
    HAS_TASK = "HAS_TASK"
    HAS_SECTION = "HAS_SECTION"
    IN_SECTION = "IN_SECTION"
    HAS_TARGET = "HAS_TARGET"
    HAS_FUNDING = "HAS_FUNDING"
    MENTIONS_BRAND = "MENTIONS_BRAND"
    ISSUED_BY = "ISSUED_BY"
    GOVERNS = "GOVERNS"
    IN_REGION = "IN_REGION"
    REPORTS = "REPORTS"
    SUPPORTED_BY = "SUPPORTED_BY"
    HAS_EVIDENCE = "HAS_EVIDENCE"
    FROM_SOURCE = "FROM_SOURCE"
    SUB_ORGANIZATION_OF = "SUB_ORGANIZATION_OF"
    MENTIONS_ENTERPRISE = "MENTIONS_ENTERPRISE"
    HOLDS_BRAND = "HOLDS_BRAND"
    OF_ENTERPRISE = "OF_ENTERPRISE"
    OF_BRAND = "OF_BRAND"
    IN_PROGRAMME = "IN_PROGRAMME"
    RECOGNISED_BY = "RECOGNISED_BY"
    WITHIN_REGION = "WITHIN_REGION"
    IMPLEMENTING_TASK = "IMPLEMENTING_TASK"
    IMPLEMENTED_MEASURE = "IMPLEMENTED_MEASURE"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Evidence(_Frozen):
    """Where a fact came from: source file, section path, span, the sentence."""

    source: str
    section: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str


class DocumentMeta(_Frozen):
    """Metadata of the plan a document describes (the plan, not the article)."""

    title: str | None = None
    kind: DocumentKind | None = None
    issuer: str | None = None
    region: str | None = None
    level: GovLevel | None = None
    date: str | None = None
    doc_number: str | None = None
    period: tuple[int, int] | None = None
    implements: tuple[str, ...] = ()
    duplicate_of: str | None = None


class Task(_Frozen):
    """An obligation of a plan, with its lead and co-responsible agencies (each in the
    document's order) and its deadline where the text dates it.

    ``deadline`` is the deadline as written (``2022年6月底前``, a 完成时限 cell); ``due_year``
    and ``due_month`` what it means (the plan's year for ``年底前`` in a one-year plan).
    They are additions to the gold format, which has no deadline."""

    id: str
    section: str | None = None
    title: str | None = None
    lead: tuple[str, ...] = ()
    co: tuple[str, ...] = ()
    deadline: str | None = None
    due_year: int | None = None
    due_month: int | None = Field(default=None, ge=1, le=12)
    evidence: Evidence | None = None


class Target(_Frozen):
    """A (usually quantitative) target with a deadline year."""

    task: str | None = None
    year: int | None = None
    metric: str
    value: float | int | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    evidence: Evidence | None = None


class Funding(_Frozen):
    """Money a plan promises: amount, unit, recipient, once or per year."""

    recipient: str | None = None
    amount: float | int
    unit: str
    per: FundingPer = FundingPer.ONCE
    evidence: Evidence | None = None


class Brand(_Frozen):
    """A named brand, brand programme, award or certification."""

    name: str
    kind: BrandKind = BrandKind.BRAND
    evidence: Evidence | None = None


class Recognition(_Frozen):
    """Being recognised in a programme (a brand list, an award, a certification): the
    programme's name, and the batch, year and recognising agency where stated."""

    programme: str
    batch: int | None = Field(default=None, ge=1)
    year: int | None = None
    agency: str | None = None


class Enterprise(_Frozen):
    """A named enterprise, cooperative or shop, with the region the text places it in and
    the brands the text says it holds (its own names: a trademark, a ``X牌``).

    ``recognitions`` are the programmes a list announcement names it in (第一批“好品山东”
    品牌名单); ``aliases`` other names the text gives it (以下简称 …).  Both are additions to
    the gold format, which compares enterprises by name."""

    name: str
    region: str | None = None
    brands: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    recognitions: tuple[Recognition, ...] = ()
    evidence: Evidence | None = None


class RegisterEntry(_Frozen):
    """One row of a published list: who (an enterprise, a brand or both) is recognised.

    ``row`` is the row's number in its file (the header is row 1 of a CSV or sheet).
    ``region_path`` holds the divisions around ``region``, outermost first (山东省,
    潍坊市 for 青州市), so a province's targets can count its cities' entries.  ``batch``
    and ``year`` override the register's own when the list gives them per row."""

    row: int = Field(ge=1)
    enterprise: str | None = None
    brand: str | None = None
    product: str | None = None
    category: str | None = None
    region: str | None = None
    region_path: tuple[str, ...] = ()
    programme: str | None = None
    batch: int | None = Field(default=None, ge=1)
    year: int | None = None


class Agency(_Frozen):
    """A government agency, identified by (region, level, canonical name)."""

    name: str
    region: str | None = None
    level: GovLevel | None = None
    aliases: tuple[str, ...] = ()
    evidence: Evidence | None = None


class Register(_Frozen):
    """A published list of a programme (好品山东 brands, 中华老字号 …) as imported.

    ``source`` is the register's name in a build (its file name); its entries are
    recognitions in ``programme`` unless a row names its own."""

    source: str
    programme: str
    title: str | None = None
    batch: int | None = Field(default=None, ge=1)
    year: int | None = None
    agency: Agency | None = None
    sha256: str | None = None
    entries: tuple[RegisterEntry, ...] = ()

    def recognition(self, entry: RegisterEntry) -> Recognition:
        """What ``entry`` records: its programme, batch and year, or the register's."""
        return Recognition(
            programme=entry.programme or self.programme,
            batch=entry.batch if entry.batch is not None else self.batch,
            year=entry.year if entry.year is not None else self.year,
            agency=self.agency.name if self.agency is not None else None)


class Extraction(_Frozen):
    """Everything extracted from one source document."""

    source: str
    document: DocumentMeta
    tasks: tuple[Task, ...] = ()
    targets: tuple[Target, ...] = ()
    funding: tuple[Funding, ...] = ()
    brands: tuple[Brand, ...] = ()
    agencies: tuple[Agency, ...] = ()
    enterprises: tuple[Enterprise, ...] = ()
    source_title: str | None = None
    source_sha256: str | None = None
    #: What the text leaves out (no title, no numbered parts …): a gap, not a refusal.
    warnings: tuple[str, ...] = ()

    @property
    def departments(self) -> tuple[str, ...]:
        """Canonical names of every agency, in order of first mention."""
        return tuple(a.name for a in self.agencies)

    def to_gold(self, *, provenance: bool = True) -> dict[str, Any]:
        """The JSON document of ``GOLD-SCHEMA.md`` (plus provenance if asked)."""
        doc = self.document.model_dump(mode="json")
        doc["period"] = list(self.document.period) if self.document.period else None
        doc["implements"] = list(self.document.implements)

        def strip(d: dict[str, Any]) -> dict[str, Any]:
            if not provenance:
                d.pop("evidence", None)
            return d

        out: dict[str, Any] = {
            "source": self.source,
            "document": doc,
            "tasks": [strip(t.model_dump(mode="json")) for t in self.tasks],
            "targets": [strip(t.model_dump(mode="json")) for t in self.targets],
            "funding": [strip(f.model_dump(mode="json")) for f in self.funding],
            "brands": [b.name for b in self.brands],
            "departments": list(self.departments),
            "enterprises": [strip(e.model_dump(mode="json")) for e in self.enterprises],
        }
        if provenance:
            out["brand_details"] = [b.model_dump(mode="json") for b in self.brands]
            out["agency_details"] = [a.model_dump(mode="json") for a in self.agencies]
            out["source_title"] = self.source_title
            out["source_sha256"] = self.source_sha256
            out["warnings"] = list(self.warnings)
        return out
