"""Result types of the enterprise reads (enterprises, brand holders, target progress).

:class:`~graph.repository.RecognitionInfo` lives in :mod:`graph.repository` (a brand's
detail lists its recognitions too) and is re-exported here.

Like the rest of :mod:`graph.repository`'s types, both backends build them from the same
records with :mod:`graph.assemble_enterprises`, so they answer alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.repository import EvidenceInfo, RecognitionInfo, Ref, TargetInfo
from graph.search import Match

__all__ = ["EnterpriseDetail", "EnterpriseFilter", "EnterpriseInfo", "ProgrammeProgress",
           "RecognitionInfo", "TargetProgress", "YearCount"]


@dataclass(frozen=True, kw_only=True)
class EnterpriseInfo:
    """An enterprise: names, region, the brands it holds, the programmes it is in, and how
    many plans name it."""

    key: str
    name: str
    aliases: tuple[str, ...]
    region: Ref | None
    brands: tuple[Ref, ...]
    programmes: tuple[Ref, ...]
    plan_count: int
    match: Match | None = None


@dataclass(frozen=True, kw_only=True)
class EnterpriseDetail(EnterpriseInfo):
    """An enterprise with the plans that name it, its recognitions and its sentences."""

    plans: tuple[Ref, ...]
    recognitions: tuple[RecognitionInfo, ...]
    evidence: tuple[EvidenceInfo, ...]


@dataclass(frozen=True)
class EnterpriseFilter:
    """Filters of the enterprise list; a region or programme is a key or a name.  A region
    takes in the regions within it (济南市's enterprises are 山东省's too)."""

    query: str | None = None
    region: str | None = None
    programme: str | None = None


@dataclass(frozen=True)
class YearCount:
    """How many recognitions a programme has in one year (None: the list gives no year)."""

    year: int | None
    count: int


@dataclass(frozen=True, kw_only=True)
class ProgrammeProgress:
    """What the registers hold for one programme a target counts: per year, in all up to
    the target's year, and the recognitions behind the number."""

    programme: Ref
    rule: str
    by_year: tuple[YearCount, ...]
    counted: int
    recognitions: tuple[RecognitionInfo, ...]


@dataclass(frozen=True, kw_only=True)
class TargetProgress:
    """A target beside what published lists hold for the programmes its metric names.

    ``programmes`` is empty when no row of the programme table matches the target (it
    counts nothing a register lists); ``region`` is the region of the target's plan, the
    area counted (None: the plan's region is unknown and every region counts)."""

    target: TargetInfo
    plan: Ref | None
    region: Ref | None
    programmes: tuple[ProgrammeProgress, ...]
