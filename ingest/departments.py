"""The departments of a document: every agency it names, one node per canonical name.

Mentions come from the responsibility clauses and table cells the pipeline found, from
lists of agencies in running text, from the agency grammar over the whole text, from
named zones acting in prose, from the issuer and from copy-to blocks; the authors of a
cited document and a page's publisher are left out.  :func:`one_form_per_unit` then names a
unit written with and without its level prefix by its prefixed form.  Pure functions over
the normalised text, used by :mod:`ingest.pipeline`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ingest import patterns as p
from ingest import patterns_enterprises as pe
from ingest.agencies import AgencyRef, AgencyResolver, find_mentions
from ingest.enumerations import enumerated_agencies
from ingest.flat_tables import FlatTable
from ingest.responsibility import Clause, split_units
from ingest.tables import table_rows
from ontology.model import Agency, Evidence, Task

__all__ = ["cell_units", "collect", "one_form_per_unit"]


#: Level prefixes a list may write once and leave off later units.
_LEVEL_PREFIXES = ("自治区", "省", "市", "区", "县", "州")


def one_form_per_unit(tasks: tuple[Task, ...], agencies: tuple[Agency, ...],
                       ) -> tuple[tuple[Task, ...], tuple[Agency, ...]]:
    """A unit the document writes both with and without its level prefix (财政厅 and
    省财政厅) is one agency, in its prefixed form; units only ever written without the
    prefix stay as written; a unit written as another form of an agency (an alias) is
    named as the agency."""
    names = {a.name for a in agencies} | {u for t in tasks for u in (*t.lead, *t.co)}
    agency_names = {a.name for a in agencies}
    # a list unit read before the document's lists settled its short form (市市场监督管理局
    # in the first list, 市市场监管局 in later ones) is named as its agency is
    rename = {alias: a.name for a in agencies for alias in a.aliases
              if alias not in agency_names and alias in names}
    for name in names:
        if name in rename:
            continue
        prefixed = [lv + name for lv in _LEVEL_PREFIXES if lv + name in names]
        if len(prefixed) == 1 and not name.startswith(_LEVEL_PREFIXES[:2]):
            rename[name] = prefixed[0]
    if not rename:
        return tasks, agencies

    def fix(units: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rename.get(u, u) for u in units))

    new_tasks = tuple(t.model_copy(update={"lead": fix(t.lead),
                                           "co": tuple(u for u in fix(t.co)
                                                       if u not in fix(t.lead))})
                      for t in tasks)
    merged: dict[str, Agency] = {}
    for agency in agencies:
        name = rename.get(agency.name, agency.name)
        if name in merged:
            kept = merged[name]
            aliases = tuple(sorted({*kept.aliases, *agency.aliases, agency.name} - {name}))
            merged[name] = kept.model_copy(update={"aliases": aliases})
        elif name != agency.name:
            target = next((a for a in agencies if a.name == name), agency)
            aliases = tuple(sorted({*target.aliases, *agency.aliases, agency.name} - {name}))
            merged[name] = target.model_copy(update={"aliases": aliases})
        else:
            merged[name] = agency
    return new_tasks, tuple(merged.values())


def cell_units(text: str, tables: list[FlatTable]) -> list[tuple[int, int, str, bool]]:
    """Units written in the responsibility cells of tables (grid kept or lost), as list
    mentions."""
    out = []
    for grid_row in table_rows(text):
        for cell in (grid_row.units, grid_row.co_units):
            at = grid_row.start
            for unit in split_units(cell):
                found = text.find(unit, at, grid_row.end)
                if found >= 0:
                    out.append((found, found + len(unit), unit, True))
                    at = found + len(unit)
    for table in tables:
        for row in table.rows:
            for piece in (*row.units, *row.assessors):
                at = piece.start
                for unit in split_units(piece.text.rstrip("。;；,，")):
                    found = text.find(unit, at, piece.end)
                    if found >= 0:
                        out.append((found, found + len(unit), unit, True))
                        at = found + len(unit)
    return out


#: A title in 《》, whose authors are not the document's departments.
CITED_TITLE = re.compile(r"《[^《》\n]{2,120}》")
#: The label of a page's source line, whose publisher runs the page.
#: Example: ``信息来源:`` in ``• 信息来源: 市府办(市外事办)``.
PAGE_SOURCE = re.compile(r"信息来源\s*[:：]")
#: What follows the authors of a cited document.  Examples: ``印发的《…》``, ``等部门联合印发的
#: 《…》``, ``《…》``.  (``关于印发《…》的通知`` is the document's own notice, whose issuer counts.)
AUTHORS_OF_CITED = re.compile(
    r"(?:等[\u4e00-\u9fff]{0,4}部门)?(?P<verb>(?:联合)?(?:印发|发布|制定|出台|下发|颁布)的)?"
    r"[《〈](?P<cited>[^《》〈〉\n]{2,120})[》〉]")
#: A word of basis right before the authors of a cited document.  Example: ``根据``.
BASIS_BEFORE = re.compile(r"(?:根据|按照|依据|依照|遵照|参照|对照|结合|贯彻|落实|贯彻落实)(?:中共)?$")
#: Between two authors written together: nothing, or one of these.
_AUTHOR_JOINERS = "、，, 和与及"
#: A named zone or park committee acting in the text.  Example: ``济源示范区、航空港区管委会要…``.
NAMED_ZONE = re.compile(
    r"(?:(?<=[,，、;；。\s])|^)(?P<zone>(?!各)[\u4e00-\u9fff]{2,8}?(?:示范区|管委会|经开区|高新区))"
    r"(?=[、,，;；。要和及与等])", re.M)


def collect(text: str, clauses: Iterable[Clause], resolver: AgencyResolver,
            cell_units: list[tuple[int, int, str, bool]],
            evidence_at: Callable[[int, int], Evidence],
            issuer: str | None = None, title: str | None = None) -> tuple[Agency, ...]:
    """Every agency named anywhere, one per canonical name, in order of first mention, each
    with the evidence ``evidence_at(start, end)`` of its first mention.  Firms named in
    responsibility lists are enterprises, not agencies."""
    mentions: list[tuple[int, int, str, bool]] = list(cell_units)
    for clause in clauses:
        body = text[clause.start:clause.end]
        for unit in (*clause.lead, *clause.co):
            at = body.find(unit)
            start = clause.start + max(at, 0)
            mentions.append((start, start + len(unit), unit, True))
    # An agency named only as the author inside a cited title (《省政府办公厅关于…》) is
    # not one of the document's departments.
    cited = [(m.start(), m.end()) for m in CITED_TITLE.finditer(text)]
    # So is the author written right before a cited title (国家发展改革委《关于…》), and the
    # publisher on a page's source line (信息来源: 市府办).
    cited += [(m.end(), _line_end(text, m.end())) for m in PAGE_SOURCE.finditer(text)]
    # and the bodies on a line of the site's chrome (主办: 某市商务局 … 提供技术支持)
    cited += [(_line_start(text, m.start()), _line_end(text, m.end()))
              for m in pe.SITE_CREDIT.finditer(text)]
    # Items of a list of agencies in running text are read as list entries (they come
    # first, so that at one span the list reading wins); a generic run names no agency.
    listed = enumerated_agencies(text)
    running = find_mentions(text)
    authors = _authors_of_cited(text, [(start, end) for _, start, end in
                                       (*listed.agencies, *running)], title)
    mentions.extend((start, end, written, True) for written, start, end in listed.agencies
                    if not any(a <= start < b for a, b in cited) and start not in authors)
    for written, start, end in running:
        if not any(a <= start < b for a, b in cited) and start not in authors \
                and not any(a <= start < b for a, b in listed.generic):
            mentions.append((start, end, written, False))
    for m in NAMED_ZONE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if not text[line_start:line_end if line_end >= 0 else len(text)].rstrip().endswith(
                (":", "：")):  # not an addressee line
            mentions.append((m.start("zone"), m.end("zone"), m.group("zone"), True))
    if issuer:
        at = text.find(issuer)
        if at >= 0 and not p.FIRM.search(issuer):
            # joint issuers signed on one line (``市发展改革委   市商务局``, its spaces lost)
            parts = find_mentions(issuer)
            if len(parts) < 2 or sum(end - start for _, start, end in parts) != len(issuer):
                parts = [(issuer, 0, len(issuer))]
            mentions.extend((at + start, at + end, part, True) for part, start, end in parts)
    mentions.extend(_copy_to_units(text))
    mentions.sort(key=lambda m: (m[0], -m[1]))
    by_name: dict[str, tuple[AgencyRef, int, int, set[str]]] = {}
    previous_end = -1
    previous_name: str | None = None
    covered = -1
    for start, end, written, from_list in mentions:
        if start < covered and end <= covered:
            continue
        ref = resolver.resolve(written, from_list=from_list)
        if ref is None or p.FIRM.search(ref.name):
            continue
        if previous_name and _is_second_plate(text, previous_end, start, end) \
                and ref.name != previous_name:
            by_name[previous_name][3].add(written)
            continue
        if ref.name not in by_name:
            by_name[ref.name] = (ref, start, end, set())
        if written != ref.name:
            by_name[ref.name][3].add(written)
        previous_end, previous_name = end, ref.name
        covered = max(covered, end)
    agencies = []
    for ref, start, end, aliases in sorted(by_name.values(), key=lambda v: v[1]):
        agencies.append(Agency(
            name=ref.name, region=ref.region, level=ref.level,
            aliases=tuple(sorted(aliases - {ref.name})),
            evidence=evidence_at(start, end),
        ))
    return tuple(agencies)


def _authors_of_cited(text: str, spans: Iterable[tuple[int, int]], title: str | None
                      ) -> set[int]:
    """Starts of the mentions that only author a cited document: ``市商务局《…》``, and after
    a word of basis ``根据省委办公厅、省政府办公厅印发的《…》`` (a chain of authors written
    together ends in the citation).  The authors of the document's own title, and of a
    document a report tells of (近日,市政府办公室印发的《行动计划》), are its issuers and count."""
    own = _bare_title(title) if title else None
    chains: list[list[tuple[int, int]]] = []
    by_end: dict[int, list[tuple[int, int]]] = {}  # a chain by the end of its last mention
    for start, end in sorted(set(spans)):
        chain = by_end.get(start)
        if chain is None and start > 0 and text[start - 1] in _AUTHOR_JOINERS:
            chain = by_end.get(start - 1)
        if chain is None:
            chain = []
            chains.append(chain)
        chain.append((start, end))
        by_end[end] = chain
    authors: set[int] = set()
    for chain in chains:
        cited = AUTHORS_OF_CITED.match(text, chain[-1][1])
        if cited is None or (own and _same_title(own, _bare_title(cited.group("cited")))):
            continue
        if cited.group("verb") and not BASIS_BEFORE.search(text, 0, chain[0][0]):
            continue
        authors.update(start for start, _ in chain)
    return authors


def _bare_title(title: str) -> str:
    return re.sub(r"[\s“”\"'《》〈〉<>]", "", title)


#: Words around a plan's title inside the document's own title that make the plan its
#: parent.  Examples: ``落实`` and ``任务分工`` in ``关于落实东北振兴“十二五”规划任务分工的通知``.
IMPLEMENTS_BEFORE = re.compile(r"(?:落实|贯彻|实施|执行)$")
IMPLEMENTS_AFTER = re.compile(
    r"(?:主要)?(?:任务分工|重点工作分工|分工方案|责任分工|任务分解|责任分解|实施方案|实施意见|实施细则)")


def _same_title(own: str, cited: str) -> bool:
    """A cited title naming the document itself: equal, or one holding the other (a
    title of six characters or more, not a bare 《方案》) — unless the document's title
    holds it as the plan it carries out (``关于落实X任务分工的通知``: X is a parent)."""
    shorter, longer = sorted((own, cited), key=len)
    if shorter == longer:
        return True
    at = longer.find(shorter) if len(shorter) >= 6 else -1
    if at < 0:
        return False
    parent = longer is own and (IMPLEMENTS_BEFORE.search(own, 0, at)
                                or IMPLEMENTS_AFTER.match(own, at + len(shorter)))
    return not parent


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _is_second_plate(text: str, previous_end: int, start: int, end: int) -> bool:
    """``X(Y)``: Y right after X in brackets is X's second name plate."""
    return (previous_end >= 0 and start == previous_end + 1 and text[previous_end] in "(（"
            and end < len(text) and text[end] in ")）")


def _copy_to_units(text: str) -> list[tuple[int, int, str, bool]]:
    """Units of ``抄送:…`` blocks (a list of agencies, not responsibilities)."""
    out = []
    for match in re.finditer(r"^(?:抄送|抄报|主送|分送)\s*[:：](.+?)(?=\n\S*?[:：]|\n\S+印发|\Z)",
                             text, re.M | re.S):
        body_start = match.start(1)
        for part in re.split(r"[。\n]", match.group(1)):
            for unit in split_units(part):
                at = text.find(unit, body_start)
                out.append((at, at + len(unit), unit, True))
    return [m for m in out if m[0] >= 0]
