"""Enterprise and recognition records → the result types of :mod:`graph.enterprise_results`.

The pure half of the enterprise reads, shared by both backends like :mod:`graph.assemble`.
Records (plain dicts, shaped like the rows of the Cypher in :mod:`graph.queries`):

* recognition: ``recognition``; lists ``programmes, enterprises, brands, regions,
  agencies`` (node dicts), ``regionKeys`` (keys and names of its region and the regions
  it lies within), ``registers`` (file names of the lists it comes from), ``evidence``;
* enterprise: ``enterprise``; lists ``regions, brands, programmes, plans`` (node dicts),
  ``regionKeys`` as above, and for a detail ``recognitions`` (recognition records) and
  ``evidence``;
* target: ``target`` (with ``evidence``), lists ``plans`` and ``regions``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph.assemble import evidence_infos, first, first_ref, name_of, ref, refs, target_infos
from graph.enterprise_results import (
    EnterpriseDetail,
    EnterpriseFilter,
    EnterpriseInfo,
    ProgrammeProgress,
    RecognitionInfo,
    TargetProgress,
    YearCount,
)
from graph.progress import ProgrammeRule, ProgrammeTable
from graph.repository import Ref
from graph.search import Match
from ontology.identity import brand_key
from ontology.model import NodeKind

Record = Mapping[str, Any]


def recognition_info(record: Record) -> RecognitionInfo:
    """A recognition from its record."""
    node = record["recognition"]
    evidence = evidence_infos(record.get("evidence") or ())
    registers = sorted(r for r in record.get("registers") or () if r)
    return RecognitionInfo(
        key=node["key"], programme=first_ref(NodeKind.BRAND, record.get("programmes")),
        enterprise=first_ref(NodeKind.ENTERPRISE, record.get("enterprises")),
        brand=first_ref(NodeKind.BRAND, record.get("brands")),
        region=first_ref(NodeKind.REGION, record.get("regions")),
        batch=node.get("batch"), year=node.get("recognitionYear"),
        product=node.get("product"), category=node.get("category"),
        agency=first_ref(NodeKind.AGENCY, record.get("agencies")),
        register_file=registers[0] if registers else None,
        register_row=node.get("registerRow"),
        sentence=evidence[0].sentence if evidence else None)


def recognition_infos(records: Iterable[Record]) -> list[RecognitionInfo]:
    """Recognitions from their records, in :func:`recognition_order`."""
    return sorted(map(recognition_info, records), key=recognition_order)


def recognition_order(info: RecognitionInfo) -> tuple[Any, ...]:
    """By year (none last), programme, batch, register row, name, key."""
    who = (info.enterprise or info.brand)
    return (info.year is None, info.year or 0, info.programme.name if info.programme else "",
            info.batch or 0, info.register_file or "", info.register_row or 0, who.name if who else "",
            info.key)


def _fields(record: Record) -> dict[str, Any]:
    node = record["enterprise"]
    return {
        "key": node["key"], "name": name_of(NodeKind.ENTERPRISE, node),
        "aliases": tuple(sorted(node.get("aliases") or ())),
        "region": first_ref(NodeKind.REGION, record.get("regions")),
        "brands": refs(NodeKind.BRAND, record.get("brands") or ()),
        "programmes": refs(NodeKind.BRAND, record.get("programmes") or ()),
        "plan_count": len({p["key"] for p in record.get("plans") or () if p}),
    }


def enterprise_info(record: Record, match: Match | None = None) -> EnterpriseInfo:
    """An enterprise list entry from its record."""
    return EnterpriseInfo(**_fields(record), match=match)


def enterprise_detail(record: Record) -> EnterpriseDetail:
    """An enterprise with its plans, recognitions and evidence."""
    recognitions = sorted(map(recognition_info, record.get("recognitions") or ()),
                          key=recognition_order)
    return EnterpriseDetail(
        **_fields(record), plans=refs(NodeKind.PLAN, record.get("plans") or ()),
        recognitions=tuple(recognitions),
        evidence=evidence_infos(record.get("evidence") or ()))


def enterprise_order(info: EnterpriseInfo) -> tuple[str, str]:
    """Enterprises by name, then key."""
    return (info.name, info.key)


def in_region(record: Record, region: str | None) -> bool:
    """Whether a record's region (or a region it lies within) is ``region`` (key or name)."""
    return region is None or region in (record.get("regionKeys") or ())


def passes(record: Record, filters: EnterpriseFilter) -> bool:
    """Whether an enterprise record passes the region and programme filters."""
    if not in_region(record, filters.region):
        return False
    if filters.programme is None:
        return True
    return any(filters.programme in (p["key"], p.get("name"))
               for p in record.get("programmes") or () if p)


def counted_programmes(target: Record, table: ProgrammeTable) -> list[tuple[str, ProgrammeRule]]:
    """The programmes (and the rule that says so) a target record counts."""
    plan = first(target.get("plans"))
    return table.programmes_for(target["target"].get("metric"),
                                name_of(NodeKind.PLAN, plan) if plan else None)


def target_progress(target: Record, table: ProgrammeTable,
                    recognitions: Mapping[str, Sequence[Record]]) -> TargetProgress:
    """A target beside the registers' recognitions of the programmes ``table`` matches.

    ``recognitions`` holds, per programme name, the recognition records that registers
    (not texts) hold in it; those in the target plan's region (or a region within it)
    count, and of them those up to the target's year (or without a year) make ``counted``.
    """
    node = target["target"]
    plan = first(target.get("plans"))
    region = first(target.get("regions"))
    region_key = region["key"] if region else None
    year = node.get("year")
    found = []
    for programme, rule in counted_programmes(target, table):
        inside = [r for r in recognitions.get(programme, ()) if in_region(r, region_key)]
        infos = sorted(map(recognition_info, inside), key=recognition_order)
        per_year = Counter(i.year for i in infos)
        counted = sum(1 for i in infos if year is None or i.year is None or i.year <= year)
        programme_ref = next((i.programme for i in infos if i.programme), None)
        found.append(ProgrammeProgress(
            programme=programme_ref or Ref(brand_key(programme), programme),
            rule=rule.describe(),
            by_year=tuple(YearCount(y, per_year[y]) for y in
                          sorted(per_year, key=lambda y: (y is None, y or 0))),
            counted=counted, recognitions=tuple(infos)))
    return TargetProgress(target=target_infos([node])[0], plan=ref(NodeKind.PLAN, plan),
                          region=ref(NodeKind.REGION, region), programmes=tuple(found))


def region_closure(start: Iterable[Mapping[str, Any]],
                   parent: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Keys and names of regions and every region they lie within (``parent``: key →
    the enclosing region's node dict), for the embedded backend's records."""
    out: list[str] = []
    for region in start:
        seen: set[str] = set()
        node: Mapping[str, Any] | None = region
        while node is not None and node["key"] not in seen:
            seen.add(node["key"])
            out += [node["key"], *([node["name"]] if node.get("name") else [])]
            node = parent.get(node["key"])
    return out
