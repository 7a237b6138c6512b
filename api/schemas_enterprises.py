"""Response models of the enterprise endpoints (``/enterprises``, brand holders, target
progress), in the conventions of :mod:`api.schemas`."""

from __future__ import annotations

from pydantic import Field

from api.schemas import EvidenceOut, MatchOut, RecognitionOut, RefOut, TargetOut, _Out


class EnterpriseOut(_Out):
    """An enterprise with its region, brands and programmes."""

    key: str
    name: str
    aliases: list[str]
    region: RefOut | None
    brands: list[RefOut] = Field(description="Brands it holds.")
    programmes: list[RefOut] = Field(description="Programmes it is recognised in.")
    plan_count: int = Field(description="Plans whose text names it.")
    match: MatchOut | None = None


class EnterpriseDetailOut(EnterpriseOut):
    """An enterprise with the plans naming it, its recognitions and evidence."""

    plans: list[RefOut]
    recognitions: list[RecognitionOut]
    evidence: list[EvidenceOut]


class YearCountOut(_Out):
    """Recognitions of one year (year null: the list gives none)."""

    year: int | None
    count: int


class ProgrammeProgressOut(_Out):
    """What the registers hold for one programme a target counts."""

    programme: RefOut
    rule: str = Field(description="The row of the programme table that matched the target.")
    by_year: list[YearCountOut]
    counted: int = Field(description="Recognitions in the region up to the target's year.")
    recognitions: list[RecognitionOut] = Field(description="The list behind the number.")


class TargetProgressOut(_Out):
    """A target beside the registers of the programmes its metric names (none: it counts
    nothing a register lists)."""

    target: TargetOut
    plan: RefOut | None
    region: RefOut | None = Field(description="The area counted: the region of the plan.")
    programmes: list[ProgrammeProgressOut]
