"""The enterprise reads of the embedded backend, gathered the way :mod:`graph.queries`
gathers them on Neo4j and shaped by :mod:`graph.assemble_enterprises`.

Mixed into :class:`graph.embedded.EmbeddedRepository`, whose graph and helpers it uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from graph import assemble_enterprises as asm_e
from graph.enterprise_results import (
    EnterpriseDetail,
    EnterpriseFilter,
    EnterpriseInfo,
    TargetProgress,
)
from graph.progress import ProgrammeTable
from graph.repository import Page, PageRequest
from graph.search import match, parse_query, rank_key
from ontology.identity import brand_key
from ontology.model import NodeKind, RelKind

if TYPE_CHECKING:
    import networkx as nx

Record = dict[str, Any]


class EmbeddedEnterprises:
    """Enterprises, brand holders and target progress over the in-memory graph."""

    if TYPE_CHECKING:
        _g: nx.MultiDiGraph
        _keys: dict[NodeKind, list[str]]

        def _node(self, key: str) -> Record: ...
        def _kind(self, key: str) -> NodeKind: ...
        def _out(self, key: str, rel: RelKind, kind: NodeKind) -> list[Record]: ...
        def _in(self, key: str, rel: RelKind, kind: NodeKind) -> list[Record]: ...
        def _evidence(self, key: str) -> list[Record]: ...
        def _require(self, key: str, kind: NodeKind) -> None: ...
        def _target_record(self, key: str) -> Record: ...

    @cached_property
    def _region_parent(self) -> dict[str, Record]:
        parents: dict[str, Record] = {}
        for key in self._keys.get(NodeKind.REGION, ()):
            outer = self._out(key, RelKind.WITHIN_REGION, NodeKind.REGION)
            if outer:
                parents[key] = outer[0]
        return parents

    def _region_keys(self, regions: Iterable[Record]) -> list[str]:
        return asm_e.region_closure(regions, self._region_parent)

    def _recognition_record(self, key: str) -> Record:
        regions = self._out(key, RelKind.IN_REGION, NodeKind.REGION)
        return {
            "recognition": self._node(key),
            "programmes": self._out(key, RelKind.IN_PROGRAMME, NodeKind.BRAND),
            "enterprises": self._out(key, RelKind.OF_ENTERPRISE, NodeKind.ENTERPRISE),
            "brands": self._out(key, RelKind.OF_BRAND, NodeKind.BRAND),
            "regions": regions, "regionKeys": self._region_keys(regions),
            "agencies": self._out(key, RelKind.RECOGNISED_BY, NodeKind.AGENCY),
            "registers": [s.get("fileName") for s in
                          self._out(key, RelKind.FROM_SOURCE, NodeKind.SOURCE)],
            "evidence": self._evidence(key),
        }

    def _enterprise_record(self, key: str, *, detail: bool = False) -> Record:
        regions = self._out(key, RelKind.IN_REGION, NodeKind.REGION)
        recognitions = [r["key"] for r in
                        self._in(key, RelKind.OF_ENTERPRISE, NodeKind.RECOGNITION)]
        record: Record = {
            "enterprise": self._node(key), "regions": regions,
            "regionKeys": self._region_keys(regions),
            "brands": self._out(key, RelKind.HOLDS_BRAND, NodeKind.BRAND),
            "programmes": [p for r in recognitions
                           for p in self._out(r, RelKind.IN_PROGRAMME, NodeKind.BRAND)],
            "plans": self._in(key, RelKind.MENTIONS_ENTERPRISE, NodeKind.PLAN),
        }
        if detail:
            record["recognitions"] = [self._recognition_record(r) for r in recognitions]
            record["evidence"] = self._evidence(key)
        return record

    def enterprises(self, filters: EnterpriseFilter, page: PageRequest) -> Page[EnterpriseInfo]:
        """Enterprises matching the filters: best name matches first, else by name."""
        records = [r for r in map(self._enterprise_record, self._keys.get(NodeKind.ENTERPRISE, ()))
                   if asm_e.passes(r, filters)]
        return enterprise_page(records, filters.query, page)

    def enterprise(self, key: str) -> EnterpriseDetail:
        """One enterprise with its brands, programmes, plans and recognitions."""
        self._require(key, NodeKind.ENTERPRISE)
        return asm_e.enterprise_detail(self._enterprise_record(key, detail=True))

    def brand_holders(self, key: str, page: PageRequest) -> Page[EnterpriseInfo]:
        """Enterprises that hold a brand, or (for a programme) are recognised in it."""
        self._require(key, NodeKind.BRAND)
        holders = {e["key"] for e in self._in(key, RelKind.HOLDS_BRAND, NodeKind.ENTERPRISE)}
        for rel in (RelKind.IN_PROGRAMME, RelKind.OF_BRAND):
            for recognition in self._in(key, rel, NodeKind.RECOGNITION):
                holders.update(e["key"] for e in self._out(
                    recognition["key"], RelKind.OF_ENTERPRISE, NodeKind.ENTERPRISE))
        infos = sorted((asm_e.enterprise_info(self._enterprise_record(k)) for k in holders),
                       key=asm_e.enterprise_order)
        return Page(page.slice(infos), len(infos))

    def target_progress(self, key: str, table: ProgrammeTable) -> TargetProgress:
        """A target beside what the registers hold for the programmes it counts."""
        self._require(key, NodeKind.TARGET)
        record = self._target_record(key)
        found: dict[str, list[Record]] = {}
        for programme, _ in asm_e.counted_programmes(record, table):
            programme_key = brand_key(programme)
            if programme_key not in self._g:
                continue
            found[programme] = [
                rec for r in self._in(programme_key, RelKind.IN_PROGRAMME, NodeKind.RECOGNITION)
                if (rec := self._recognition_record(r["key"]))["registers"]]
        return asm_e.target_progress(record, table, found)


def enterprise_page(records: list[Record], query: str | None,
                     page: PageRequest) -> Page[EnterpriseInfo]:
    """Records as a page: matched by name or alias and ranked when there is a query."""
    if query is None or not query.strip():
        infos = sorted(map(asm_e.enterprise_info, records), key=asm_e.enterprise_order)
        return Page(page.slice(infos), len(infos))
    parsed = parse_query(query)
    hits = []
    for record in records:
        node = record["enterprise"]
        found = (match(parsed, [node.get("name"), *(node.get("aliases") or [])])
                 if parsed else None)
        if found is not None:
            hits.append((rank_key(found, node.get("name") or "", node["key"]),
                         asm_e.enterprise_info(record, found)))
    hits.sort(key=lambda h: h[0])
    return Page(tuple(info for _, info in page.slice(hits)), len(hits))
