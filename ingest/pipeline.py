"""From one document's text to an :class:`~ontology.model.Extraction`.

normalise → metadata → segment → responsibility → targets, funding, brands →
agencies.  Pure: the caller reads the file (``ingest.reader``) and hands the
text in.  Every fact carries evidence whose span points into the ORIGINAL text.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from ingest import departments
from ingest import patterns as p
from ingest import patterns_funding as pf
from ingest.agencies import AgencyResolver
from ingest.agency_table import PROVINCE_ABBREVIATIONS, PROVINCES, province_full_name
from ingest.brands import find_brands
from ingest.deadlines import with_deadlines
from ingest.enterprises import find_enterprises
from ingest.errors import NoStructure
from ingest.flat_tables import blank_out, find_flat_tables
from ingest.funding import FundingHit, find_funding
from ingest.metadata import DOC_NUMBER, extract_metadata, page_words, written_year
from ingest.news_leads import without_dateline
from ingest.normalize import NormalizedText, normalize
from ingest.patterns_targets import PERIODIC_QUOTA
from ingest.proposed_measures import find_proposals
from ingest.recognitions import announced, with_recognition
from ingest.record_labels import blank_record_labels
from ingest.regions import province_of
from ingest.responsibility import Clause, find_clauses, split_units
from ingest.segment import Section, segment
from ingest.table_tasks import RowTask, Zone, cell_targets, row_tasks, zones
from ingest.tables import table_rows
from ingest.target_context import this_year_plan, work_year
from ingest.targets import find_targets
from ontology.model import (
    Brand,
    BrandKind,
    DocumentKind,
    DocumentMeta,
    Enterprise,
    Evidence,
    Extraction,
    Funding,
    GovLevel,
    Target,
    Task,
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
#: Who interprets the document is not who carries out a task.  Example: ``由省财政厅负责解释``.
INTERPRETS = re.compile(r"负责(?:对本\S{0,4})?解释")
#: An article that says when the document applies or who interprets it.
#: Example: ``本措施自2024年1月1日起施行``.
FINAL_PROVISION = re.compile(r"起施行|负责解释|有效期|自印发之日|自发布之日|同时废止")
#: Parts whose items state aims and rules rather than tasks.  Example: ``第一章 总则``.
PREAMBLE = re.compile(
    r"^(?:总则|附则|总体要求|指导思想|基本原则|工作原则|工作目标|主要目标|总体目标|发展目标)$")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
#: Below this many Chinese characters a text is hardly a policy document (a warning).
MIN_CJK = 20


@dataclass(frozen=True)
class _Ctx:
    source: str
    norm: NormalizedText

    @property
    def text(self) -> str:
        return self.norm.text

    def evidence(self, start: int, end: int, section: str | None = None,
                 sentence: tuple[int, int] | None = None) -> Evidence:
        s_start, s_end = sentence or sentence_around(self.text, start, end)
        o_start, o_end = self.norm.span_to_original(start, max(start, end))
        return Evidence(source=self.source, section=section, start=o_start, end=o_end,
                        sentence=self.text[s_start:s_end].strip())


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds ``text[start:end]`` (bounded by 。 ! ? or a line break)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)),
               default=max(0, start - 400))
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return left, min(right, end + 400)


def extract(source: str, raw_text: str, sha256: str | None = None) -> Extraction:
    """Extract every fact of one document.  Raises :class:`NoStructure` only when the
    text holds no Chinese at all; a text that lacks a title, a kind or numbered parts
    still yields every fact found in it, with a warning saying what is missing."""
    return extract_normalized(source, normalize(raw_text), sha256, page_words(raw_text))


def extract_normalized(source: str, norm: NormalizedText, sha256: str | None = None,
                       url_words: str | None = None) -> Extraction:
    """:func:`extract` on text that is already normalised; ``url_words`` are the words of
    the page address the raw text opened with (:func:`ingest.metadata.page_words`)."""
    if not _CJK.search(norm.text):
        raise NoStructure(source, "no Chinese text after cleaning (not a Chinese document)")
    ctx = _Ctx(source, norm)
    text = norm.text
    meta = extract_metadata(text, url_words)
    resolver = AgencyResolver(region=meta.region, level=meta.level,
                              province=_province(without_dateline(text), meta),
                              known_places=_places(meta, text))
    tables = find_flat_tables(text, lambda piece: _is_units(resolver, piece))
    # Table cells are not numbered items: the structure reader sees the text without them.
    outside_tables = blank_record_labels(blank_out(text, tables))
    sections = segment(outside_tables)
    task_sections, clauses = _task_sections(outside_tables, sections, resolver)
    rows = row_tasks(tables, lambda units: _names(resolver, tuple(units)))
    tasks = (_tasks(ctx, sections, task_sections, clauses, resolver)
             + _table_tasks(ctx, sections, resolver) + _row_tasks(ctx, rows))
    if not tasks and meta.kind is DocumentKind.INTERPRETATION:
        tasks = _proposed_tasks(ctx, sections)
    task_ids = {i: sections[i].id for i in task_sections}
    funding_hits = find_funding(text)
    plan_year = _plan_year(meta) or work_year(text)
    row_zones = zones(tables, rows, plan_year)
    zone_year = {zone.task: zone.year for zone in row_zones}
    tasks = with_deadlines(tasks, outside_tables, sections,
                           {r.id: (r.deadline, zone_year.get(r.id)) for r in rows if r.deadline},
                           plan_year)
    targets = _targets(ctx, sections, task_ids, funding_hits, row_zones, plan_year,
                       [(t.start, t.end) for t in tables], written_year(text, meta))
    targets += tuple(
        Target(task=c.task, year=c.year, metric=c.metric, value=c.value, unit=c.unit,
               qualifier=c.qualifier.recorded() if c.qualifier else None,
               evidence=ctx.evidence(c.start, c.end, c.task))
        for c in cell_targets(tables, row_zones))
    funding = tuple(
        Funding(recipient=_recipient(text, sections, hit), amount=hit.amount, unit=hit.unit,
                per=hit.per,
                evidence=ctx.evidence(hit.start, hit.end,
                                      _section_at(sections, hit.start),
                                      (hit.sentence_start, hit.sentence_end)))
        for hit in funding_hits
    )
    brands = [
        Brand(name=hit.name, kind=hit.kind,
              evidence=ctx.evidence(hit.start, hit.end, _section_at(sections, hit.start),
                                    (hit.sentence_start, hit.sentence_end)))
        for hit in find_brands(text)
    ]
    enterprise_hits, list_brands = find_enterprises(text, tables, meta.region,
                                                    resolver.known_places)
    named = {b.name for b in brands}
    brands.extend(Brand(name=b.name, kind=BrandKind.BRAND,
                        evidence=ctx.evidence(b.start, b.end, _section_at(sections, b.start)))
                  for b in list_brands if b.name not in named)
    enterprises = with_recognition([
        Enterprise(name=e.name, region=e.region, brands=e.brands,
                   evidence=ctx.evidence(e.start, e.end, _section_at(sections, e.start)))
        for e in enterprise_hits], announced(meta.title or _first_line(text), meta, brands))
    agencies = departments.collect(
        text, [c for found in clauses.values() for c in found], resolver,
        departments.cell_units(text, tables),
        lambda start, end: ctx.evidence(start, end, _section_at(sections, start)),
        meta.issuer, meta.title)
    tasks, agencies = departments.one_form_per_unit(tasks, agencies)
    return Extraction(source=source, document=meta, tasks=tasks, targets=targets,
                      funding=funding, brands=tuple(brands), agencies=agencies,
                      enterprises=enterprises,
                      source_title=_first_line(text), source_sha256=sha256,
                      warnings=_gaps(meta, sections, len(_CJK.findall(text))))


def _gaps(meta: DocumentMeta, sections: list[Section], cjk: int) -> tuple[str, ...]:
    """What a reader would miss in the document: each gap is one warning."""
    gaps = []
    if cjk < MIN_CJK:
        gaps.append(f"very little Chinese text ({cjk} characters)")
    if meta.title is None:
        gaps.append("no title found")
    if meta.kind is None:
        gaps.append("no document kind found")
    if meta.region is None:
        gaps.append("no region found: agencies are scoped to this document")
    if not sections:
        gaps.append("no numbered parts found")
    return tuple(gaps)


def _first_line(text: str) -> str | None:
    return next((line.strip() for line in text.split("\n") if line.strip()), None)


def _province(text: str, meta: DocumentMeta) -> str | None:
    """The province a document belongs to: its region's, else the province the text names
    most.  A document number's first character (青 for 青岛 or 青海, 宁 for 南京 or 宁夏)
    counts only for a province the text also names."""
    if meta.level == GovLevel.PROVINCE:
        return meta.region
    if (of_region := province_of(meta.region)) is not None:
        return of_region
    number = DOC_NUMBER.search(text)
    if number and number.group(0)[0] in PROVINCE_ABBREVIATIONS:
        named = PROVINCE_ABBREVIATIONS[number.group(0)[0]]
        if named in text:
            return province_full_name(named)
    counts = {pv: text.count(pv) for pv in PROVINCES}
    best = max(counts, key=lambda pv: counts[pv])
    return province_full_name(best) if counts[best] else None


#: A place name standing at a word boundary.  Example: ``济南`` in ``,济南市市场监管局``.
PLACE_AT_BOUNDARY = re.compile(
    r"(?:^|(?<=[\s,，。、;；:：“”《(（省]))([\u4e00-\u9fff]{2,3}?)(?:市|县)(?!场|级|域|委|政府)")
_NOT_PLACES = frozenset({"全", "我", "本", "各", "城", "该", "外", "地", "县", "市", "省", "上", "下"})


def _places(meta: DocumentMeta, text: str) -> set[str]:
    """Place names the document writes as places (for telling a place from a verb)."""
    found = {r.rstrip("省市县区") for r in (meta.region,) if r}
    for match in PLACE_AT_BOUNDARY.finditer(text):
        name = match.group(1)
        if name[0] not in _NOT_PLACES:
            found.add(name)
    return found


def _uncut(resolver: AgencyResolver, clause: Clause) -> Clause:
    """A clause the page cut inside its brackets without its last unit when that unit is no
    name the agency table knows and does not end as a whole name does (``省人力资源社``, cut
    from ``省人力资源社会保障厅``): a cut unit is unknown, and unknown is better than wrong.
    A known last unit, or one ending in 局, 委, 办, 中心 … (``中国铁路南宁局``), stays."""
    units = clause.co or clause.lead
    if not clause.cut or not units:
        return clause
    ref = resolver.resolve(units[-1], from_list=True)
    if ref is not None and (ref.group is not None or p.WHOLE_ORGAN_END.search(units[-1])):
        return clause
    if clause.co:
        return dataclasses.replace(clause, co=clause.co[:-1])
    return dataclasses.replace(clause, lead=clause.lead[:-1])


def _task_sections(text: str, sections: list[Section], resolver: AgencyResolver
                   ) -> tuple[list[int], dict[int, list[Clause]]]:
    """Which sections are tasks, and the responsibility clauses each one closes.

    A clause counts only when at least one of its units is an agency, so prose
    like ``发挥…的牵头作用`` does not make a task."""
    own = [[c for c in (_uncut(resolver, c) for c in find_clauses(text, s.text_start, s.own_end))
            if (_names(resolver, c.lead) or _names(resolver, c.co))
            and not INTERPRETS.search(text, c.start, min(len(text), c.end + 6))]
           for s in sections]
    clauses: dict[int, list[Clause]] = {}
    for i, found in enumerate(own):
        for clause in found:
            owner = _closed_item(text, sections, own, i, clause)
            clauses.setdefault(owner, []).append(clause)
    # News reports list actions as 一是…二是…: when one of them names who is responsible,
    # they are the plan's tasks, each of them.
    actions = [i for i, s in enumerate(sections) if s.family == "ordinal" and s.parent is None]
    ordinal_tasks = set(actions) if any(i in clauses for i in actions) else set()
    # Top-level items are measures when the item before them names who carries it out, or
    # when the document's numbering starts below the part level and goes no deeper (an
    # opinion whose part ordinal a repost lost: (一)…(四)).
    flat = not any(sec.parent is not None for sec in sections) and len(sections) >= 2 and all(
        sec.rank >= 2 for sec in sections)
    top = [j for j, sec in enumerate(sections) if sec.parent is None]
    after_clause = {b for a, b in itertools.pairwise(top)
                    if a in clauses and sections[a].family == sections[b].family}
    tasks = []
    for i, section in enumerate(sections):
        if i in ordinal_tasks and section.children == 0:
            tasks.append(i)
            continue
        if i not in clauses and _not_a_measure(sections, i):
            continue
        leaf = section.children == 0
        nested = section.parent is not None
        final = bool(FINAL_PROVISION.search(section.title))
        preamble = final or PREAMBLE.search(section.title) is not None or (
            section.parent is not None and bool(PREAMBLE.search(sections[section.parent].title)))
        under_task = nested and section.parent in clauses and i not in clauses and not (
            _heading_clauses(sections[section.parent], clauses[section.parent]))
        top_measure = not nested and leaf and (flat or i in after_clause)
        if (i in clauses and not final) or (
                leaf and (nested or top_measure) and not preamble and not under_task):
            tasks.append(i)
    return tasks, clauses


#: A list entry, not a measure: an organisation, a colon, what it holds.
#: Example: ``如皋市某某水稻种植专业合作社:芾寿道 稻米``.
LIST_ENTRY_TITLE = re.compile(r"^[^,，。;；:：]{2,40}?(?:公司|集团|合作社|协会|政府|中心|厂|馆|店)[:：]")
#: A list entry that is a firm's name alone, with what the list says of it in brackets.
#: Example: ``四川某某酒业有限公司(注册商标:某某酒)``, ``开江县某家豆笋坊(注册商标:某某)``.
FIRM_ENTRY_TITLE = re.compile(
    r"^[^,，。;；:：]{2,40}?(?:公司|集团|合作社|厂|馆|店|坊)(?:[(（][^()（）]{1,40}[)）])?$")
#: Titles of an attachment list or of site notices, not measures.  Examples:
#: ``2022年重大民生实事项目目标任务责任分解表``, ``凡本网注明"稿件来源…"的所有文字``.
NOT_MEASURE_TITLE = re.compile(r"^[^。,，;；]{4,60}(?:表|清单|名单|目录)$|本网|本站|版权|转载|免责声明")
#: The heading of a category of a published list.  Example: ``粮油类``.
LIST_CATEGORY = re.compile(r"^[\u4e00-\u9fff]{1,5}类$")


def _not_a_measure(sections: list[Section], i: int) -> bool:
    """Rule articles (第N条 and the items under them) and list entries are not tasks
    unless they name who is responsible."""
    section = sections[i]
    chain = [section]
    while chain[-1].parent is not None:
        chain.append(sections[chain[-1].parent])
    if any(s.family == "article" for s in chain):
        return True
    for earlier in reversed([s for s in sections[:i] if s.parent == section.parent]):
        if earlier.family == "article":
            return True  # (一)(二) right after 第十二条 are that article's items
        if earlier.family != section.family:
            break
    parent = sections[section.parent] if section.parent is not None else None
    return bool(LIST_ENTRY_TITLE.match(section.title) or FIRM_ENTRY_TITLE.match(section.title)
                or NOT_MEASURE_TITLE.search(section.title)
                or (parent is not None and LIST_CATEGORY.fullmatch(parent.title)))


def _closed_item(text: str, sections: list[Section], own: list[list[Clause]], index: int,
                 clause: Clause) -> int:
    """The item a clause closes: its own section, or — when the clause stands on a
    line of its own after the last of several sub-items — their parent item.
    ``own`` holds every section's clauses, found once."""
    section = sections[index]
    own_line = clause.start == 0 or text[clause.start - 1] == "\n"
    parent = section.parent
    if not clause.lead:
        return index  # a 协同单位 line alone adds co units to the item it follows
    if not own_line or parent is None or sections[parent].children < 2:
        return index
    siblings = [j for j, s in enumerate(sections) if s.parent == parent]
    # Where an earlier sibling (or a sub-item of it) closes with a clause of its own, the
    # line closes the last sibling only.
    if any(c for j in siblings[:-1] for k, s in enumerate(sections)
           if sections[j].start <= s.start < sections[j].end for c in own[k]):
        return index
    return parent if siblings[-1] == index and sections[parent].rank >= 2 else index


def _tasks(ctx: _Ctx, sections: list[Section], task_sections: list[int],
           clauses: dict[int, list[Clause]], resolver: AgencyResolver) -> tuple[Task, ...]:
    tasks = []
    sticky_shared = False
    for i in task_sections:
        section = sections[i]
        lead: list[str] = []
        co: list[str] = []
        stated_lead = False
        for clause in clauses.get(i, []):
            sticky_shared = sticky_shared or clause.sticky_shared
            units_lead = _names(resolver, clause.lead, governments=clause.names_governments)
            units_co = _names(resolver, clause.co, governments=clause.names_governments)
            explicit = _explicit_lead(ctx.text, clause)
            if stated_lead and not explicit:
                # ``牵头单位:X`` then ``责任单位:A、B``: once a lead is stated, the units
                # of a later list without 牵头 are the co-responsible ones.
                units_lead, units_co = [], units_lead + units_co
            elif sticky_shared and not clause.shared and not explicit:
                units_lead, units_co = units_lead + units_co, []
            stated_lead = stated_lead or explicit
            lead.extend(u for u in units_lead if u not in lead)
            co.extend(u for u in units_co if u not in co and u not in lead)
        if not lead:
            lead = _heading_owner(sections, section, resolver)
        co = [u for u in co if u not in lead]  # a unit another clause makes lead
        parent = sections[section.parent] if section.parent is not None else None
        title_end = section.text_start + len(section.title)
        title = section.title
        if _heading_clauses(section, clauses.get(i, [])):
            # (一)构建…体系(总牵头单位:…): the heading without the lead it names
            title = ctx.text[section.text_start:clauses[i][0].start].strip()
        tasks.append(Task(
            id=section.id, section=parent.title if parent else section.title,
            title=title or None, lead=tuple(lead), co=tuple(co),
            evidence=_task_evidence(ctx, section, title_end, clauses.get(i, [])),
        ))
    return tuple(tasks)


def _heading_clauses(section: Section, found: list[Clause]) -> bool:
    """Whether a section's responsibility clauses all stand in its heading line
    (``(一)构建法治环境保障体系(总牵头单位:…)``): the heading is a task with that lead, and
    the items under it are tasks of their own."""
    title_end = section.text_start + len(section.title)
    return bool(found) and section.children > 0 and all(
        section.text_start < c.start and c.end <= title_end for c in found)


def _heading_owner(sections: list[Section], section: Section,
                   resolver: AgencyResolver) -> list[str]:
    """The lead a heading names for the items under it (``(一)省监察厅牵头的工作``)."""
    node: Section | None = section
    while node is not None:
        owner = p.HEADING_OWNER.match(node.title)
        if owner:
            return _names(resolver, tuple(split_units(owner.group("units"))))
        node = sections[node.parent] if node.parent is not None else None
    return []


def _task_evidence(ctx: _Ctx, section: Section, title_end: int, found: list[Clause]) -> Evidence:
    """The task's heading sentence, with the responsibility clause that names its units:
    what a coordinator wants to read next to "who leads"."""
    evidence = ctx.evidence(section.text_start, title_end, section.id)
    if not found:
        return evidence
    clause = ctx.text[found[0].start:found[0].end].strip()
    if clause in evidence.sentence:
        return evidence
    return evidence.model_copy(update={"sentence": f"{evidence.sentence} … {clause}"})


#: Where the name of a part ends in its heading line.  Example: the space in ``主要内容 《若干措施》…``.
HEADING_NAME_END = re.compile(r"[\s,，。:：;；《(（]")


def _proposed_tasks(ctx: _Ctx, sections: list[Section]) -> tuple[Task, ...]:
    """The measures an interpretation restates (:mod:`ingest.proposed_measures`), numbered
    in order inside the part that lists them (``三.1``, ``三.2`` …), as the document itself
    does not number them."""
    tasks: list[Task] = []
    counts: dict[str, int] = {}
    for found in find_proposals(ctx.text):
        index = _innermost(sections, found.start)
        part = sections[index] if index is not None else None
        prefix = part.id if part is not None else ""
        counts[prefix] = counts.get(prefix, 0) + 1
        task_id = f"{prefix}.{counts[prefix]}" if prefix else str(counts[prefix])
        heading = HEADING_NAME_END.split(part.title, maxsplit=1)[0] if part else ""
        tasks.append(Task(id=task_id, section=heading or None, title=found.title(ctx.text),
                          evidence=ctx.evidence(found.start, found.end, task_id,
                                                (found.clause_start, found.clause_end))))
    return tuple(tasks)


def _table_tasks(ctx: _Ctx, sections: list[Section], resolver: AgencyResolver) -> tuple[Task, ...]:
    """Tasks of responsibility tables (``序号 | 任务 | 责任单位``)."""
    tasks = []
    for row in table_rows(ctx.text):
        units = _names(resolver, tuple(split_units(row.units)))
        co = _names(resolver, tuple(split_units(row.co_units)))
        # With a separate co column every unit of the lead column leads.
        lead, co = (units, co) if row.has_co_column else (units[:1], units[1:])
        index = _innermost(sections, row.start)
        prefix = sections[index].id + "." if index is not None else ""
        if row.part:
            prefix = row.part + "."
        tasks.append(Task(id=prefix + row.number,
                          section=sections[index].title if index is not None else None,
                          title=row.title or None, lead=tuple(lead), co=tuple(co),
                          evidence=ctx.evidence(row.start, row.end, prefix + row.number)))
    return tuple(tasks)


def _row_tasks(ctx: _Ctx, rows: list[RowTask]) -> tuple[Task, ...]:
    """Tasks of tables whose grid was lost (one cell or one row per line)."""
    return tuple(
        Task(id=row.id, section=row.section, title=row.title or None, lead=tuple(row.lead),
             co=tuple(row.co), evidence=ctx.evidence(row.title_start, row.title_end, row.id))
        for row in rows)


def _is_units(resolver: AgencyResolver, piece: str) -> bool:
    """Whether a table cell names responsible units (agencies, firms or generic groups)."""
    cell = piece.strip().rstrip("。;；,，")
    if not cell or len(cell) > 300 or re.search(r"[。:：]", cell) or TASK_VERB_START.match(cell):
        return False
    parts = split_units(cell)
    named = 0
    for part in parts:
        bare = p.ETC_SUFFIX.sub("", part)
        if p.GENERIC_UNIT.search(part) or not bare:
            continue
        if resolver.resolve(part, from_list=True) is None and not p.ORGAN_NAME.fullmatch(bare):
            return False
        named += 1
    return bool(parts)


#: A verb that opens a task's cell, never a unit's.  Examples: ``建成`` in
#: ``建成县残疾人综合服务中心``, ``开工建设`` in ``开工建设老年大学``.
TASK_VERB_START = re.compile(
    r"^(?:建成|新建|迁建|扩建|改建|开工|建设|实施|推进|完成|改造|提升|打造|开展|组织|加强|启动|推动"
    r"|深化|落实|健全|完善|创建|培育|新增|引进|举办)")


def _plan_year(meta: DocumentMeta) -> int | None:
    """The year of a one-year plan (its period is [Y, Y]), which its undated targets take."""
    if meta.period and meta.period[0] == meta.period[1]:
        return meta.period[0]
    return None


def _explicit_lead(text: str, clause: Clause) -> bool:
    return bool(p.LEAD_WORD.search(text, clause.start, clause.end))


def _names(resolver: AgencyResolver, units: tuple[str, ...], *,
           governments: bool = False) -> list[str]:
    """The canonical names of a list's units; with ``governments``, the governments it
    names by their places stay (:attr:`ingest.responsibility.Clause.names_governments`)."""
    names = []
    for unit in units:
        ref = resolver.resolve(unit, from_list=True)
        name = ref.name if ref is not None else (
            resolver.named_government(unit) if governments else None)
        if name is not None and name not in names:
            names.append(name)
    return names


def _recipient(text: str, sections: list[Section], hit: FundingHit) -> str | None:
    """A public budget that names neither fund nor purpose funds the part it stands in:
    ``一、推进…发展 … 2025年,市财政预算安排资金23.68亿元`` is part 一's budget."""
    if hit.recipient is not None or not pf.BUDGET_ALLOCATION.search(
            text, hit.sentence_start, hit.end):
        return hit.recipient
    index = _innermost(sections, hit.start)
    if index is None:
        return None
    return pf.HEADING_BRACKET.sub("", sections[index].title).strip() or None


def _innermost(sections: list[Section], pos: int) -> int | None:
    best = None
    for i, section in enumerate(sections):
        if section.start <= pos < section.end:
            best = i
    return best


def _section_at(sections: list[Section], pos: int) -> str | None:
    index = _innermost(sections, pos)
    return sections[index].id if index is not None else None


def _targets(ctx: _Ctx, sections: list[Section], task_ids: dict[int, str],
             funding: list[FundingHit], table_zones: list[Zone], plan_year: int | None,
             cells: list[tuple[int, int]], this_year: int | None = None,
             ) -> tuple[Target, ...]:
    """Targets, each linked to the task whose span holds it.  An amount that is
    money given (funding) in the same sentence is not also a target.  A target the
    text gives no year takes the year of its table row, else of a one-year plan;
    ``今年`` is ``this_year``, the year the text was written in."""
    out: list[Target] = []
    seen: set[tuple[object, ...]] = set()
    money = {(f.sentence_start, float(f.amount), f.unit) for f in funding}

    def zone_at(pos: int) -> Zone | None:
        return next((z for z in table_zones if z.start <= pos < z.end), None)

    def inherited(pos: int) -> int | None:
        zone = zone_at(pos)
        return zone.year if zone else plan_year

    # where undated quantities are a year's: a one-year plan (also one whose opening
    # says 今年…预期目标 but not which year: its quantities are targets of no year), or
    # the rows of a table of a known year
    yearly = [(0, len(ctx.text))] if plan_year or this_year_plan(ctx.text) else [
        (z.start, z.end) for z in table_zones if z.year is not None]
    for hit in find_targets(ctx.text, cells, yearly, this_year):
        if hit.inherits:
            hit = dataclasses.replace(hit, year=inherited(hit.start))
        if hit.value is not None and (hit.sentence_start, float(hit.value), hit.unit) in money:
            continue
        index = _innermost(sections, hit.start)
        task = task_ids.get(index) if index is not None else None
        if (zone := zone_at(hit.start)) is not None:
            task = zone.task
        key = (hit.year, hit.metric, hit.value, hit.unit)
        if key in seen:
            continue
        seen.add(key)
        out.append(Target(
            task=task, year=hit.year, metric=hit.metric, value=hit.value, unit=hit.unit,
            qualifier=hit.qualifier.recorded() if hit.qualifier else None,
            evidence=ctx.evidence(hit.start, hit.end, sections[index].id if index is not None
                                  else None, (hit.sentence_start, hit.sentence_end)),
        ))
    return tuple(t for t in out if not _restated(t, out))


#: How many characters two metrics share when one quantity restates the other.
_RESTATED_WORDS = 3


def _restated(target: Target, targets: list[Target]) -> bool:
    """An undated quantity that restates a dated target of the text: the same value and unit,
    the metrics sharing their words (``用三年时间发展高产油茶林5万亩`` beside ``计划-2011年发展
    高产油茶5万亩``).  A recurring quota (``每年…``) is a target of its own."""
    if target.year is not None or target.value is None or PERIODIC_QUOTA.search(target.metric):
        return False
    return any(other.year is not None and (other.value, other.unit) == (target.value, target.unit)
               and _share(other.metric, target.metric) for other in targets)


def _share(a: str, b: str) -> bool:
    n = _RESTATED_WORDS
    return any(a[k:k + n] in b for k in range(len(a) - n + 1))
