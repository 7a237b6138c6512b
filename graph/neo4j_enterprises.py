"""The enterprise reads of the Neo4j backend: the named queries of :mod:`graph.queries`,
shaped by :mod:`graph.assemble_enterprises` exactly as on the embedded backend.

Mixed into :class:`graph.neo4j_repo.Neo4jRepository`, whose ``_read`` and ``_one`` it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph import assemble_enterprises as asm_e
from graph import queries as q
from graph.embedded_enterprises import enterprise_page
from graph.enterprise_results import (
    EnterpriseDetail,
    EnterpriseFilter,
    EnterpriseInfo,
    TargetProgress,
)
from graph.errors import NotFound
from graph.progress import ProgrammeTable
from graph.repository import Page, PageRequest
from ontology.identity import brand_key

Record = dict[str, Any]


class Neo4jEnterprises:
    """Enterprises, brand holders and target progress over Neo4j."""

    if TYPE_CHECKING:
        def _read(self, cypher: str, /, **params: Any) -> list[Record]: ...
        def _one(self, cypher: str, what: str, key: str) -> Record: ...

    def _recognitions(self, keys: list[str]) -> list[Record]:
        return self._read(q.RECOGNITION_RECORDS, keys=keys) if keys else []

    def enterprises(self, filters: EnterpriseFilter, page: PageRequest) -> Page[EnterpriseInfo]:
        """Enterprises matching the filters: best name matches first, else by name."""
        records = [r for r in self._read(q.ALL_ENTERPRISE_RECORDS) if asm_e.passes(r, filters)]
        return enterprise_page(records, filters.query, page)

    def enterprise(self, key: str) -> EnterpriseDetail:
        """One enterprise with its brands, programmes, plans and recognitions."""
        record = self._one(q.ENTERPRISE_DETAIL, "enterprise", key)
        record["recognitions"] = self._recognitions(sorted(record.pop("recognitionKeys")))
        return asm_e.enterprise_detail(record)

    def brand_holders(self, key: str, page: PageRequest) -> Page[EnterpriseInfo]:
        """Enterprises that hold a brand, or (for a programme) are recognised in it."""
        row = self._one(q.BRAND_HOLDER_KEYS, "brand", key)
        keys = sorted({k for k in row["keys"] if k})
        records = self._read(q.ENTERPRISE_RECORDS, keys=keys) if keys else []
        infos = sorted(map(asm_e.enterprise_info, records), key=asm_e.enterprise_order)
        return Page(page.slice(infos), len(infos))

    def target_progress(self, key: str, table: ProgrammeTable) -> TargetProgress:
        """A target beside what the registers hold for the programmes it counts."""
        rows = self._read(q.TARGET_RECORD, key=key)
        if not rows:
            raise NotFound(f"no target with id {key!r}")
        record = rows[0]
        programmes = [name for name, _ in asm_e.counted_programmes(record, table)]
        found: dict[str, list[Record]] = {name: [] for name in programmes}
        by_key = {brand_key(name): name for name in programmes}
        for recognition in self._read(q.REGISTER_RECOGNITIONS, keys=sorted(by_key)):
            for programme in recognition["programmes"]:
                if programme["key"] in by_key:
                    found[by_key[programme["key"]]].append(recognition)
        return asm_e.target_progress(record, table, found)
