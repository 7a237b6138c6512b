"""Enterprises a text names, the brands it gives them, and the brands of published lists.

Spans first, then relations:

* **names** — an enterprise is found by how its name is built: words of a name up to a
  firm suffix (:data:`~ingest.patterns_enterprises.FIRM_SUFFIX`: 有限公司, 集团, 合作社,
  a bank's branch …), cut at punctuation and at the verbs that stand before names
  (授予, 其中 …); a category (外贸公司, 上市公司, anything after 的) is no name.  A list
  introduced as a list of enterprises (``企业餐饮类有:A,B;``) makes every item a name,
  shops without a firm suffix too;
* **brands** — ``X公司“Y”牌`` / ``X合作社Y牌`` / ``X公司(字号/商标为“Y”)`` /
  ``X公司“Y牌干红”``, a list entry ``主体:品牌 品类``, the brand column of a published list;
* **region** — the place the text gives the enterprise: a list's place column, a place
  heading above list entries (``南通市``), a sentence that places the listed ones
  (``仁怀11家企业榜上有名``); failing that, the document's own region.

Pure: :func:`find_enterprises` takes the normalised text and what the pipeline already
read (tables, the document's region, places it names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest import patterns_enterprises as p
from ingest.flat_tables import BRAND, ENTERPRISE, PLACE, FlatTable
from ingest.regions import is_place, place_named, province_of
from ingest.segment import cued_sentences


@dataclass(frozen=True)
class EnterpriseHit:
    """An enterprise named in the text, its span, region and brands."""

    name: str
    start: int
    end: int
    region: str | None
    brands: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListBrand:
    """A brand a list or list sentence names (with or without its holder)."""

    name: str
    start: int
    end: int


@dataclass
class _Found:
    hits: dict[str, EnterpriseHit] = field(default_factory=dict)
    brands: list[ListBrand] = field(default_factory=list)

    def add(self, hit: EnterpriseHit) -> None:
        known = self.hits.get(hit.name)
        if known is None:
            self.hits[hit.name] = hit
            return
        brands = tuple(dict.fromkeys((*known.brands, *hit.brands)))
        region = known.region if known.region is not None else hit.region
        self.hits[hit.name] = EnterpriseHit(known.name, known.start, known.end, region, brands)

    def brand(self, name: str, start: int) -> None:
        name = name.strip("“”\" ")
        if len(name) >= 2 and all(b.name != name for b in self.brands):
            self.brands.append(ListBrand(name, start, start + len(name)))


def find_enterprises(text: str, tables: Iterable[FlatTable], region: str | None,
                     places: Iterable[str] = ()) -> tuple[list[EnterpriseHit], list[ListBrand]]:
    """Every enterprise of ``text`` in order of first mention, and the list brands.
    ``places`` are the place names the document writes (for telling a regional brand,
    ``南通长江河豚``, from a product, ``猪肉``)."""
    found = _Found()
    known = tuple(sorted({pl for pl in places if len(pl) >= 2}, key=len, reverse=True))
    tables = list(tables)
    for table in tables:
        if table.is_list:
            _list_table(text, table, found, province_of(region))
    taken = [(t.start, t.end) for t in tables if t.is_list]
    taken += _name_list(text, found, default_region := _placed_region(text) or region)
    default = default_region
    for line_start, line in _lines(text):
        if any(a <= line_start < b for a, b in taken) or p.SITE_CREDIT.search(line):
            continue
        _line(text, line_start, line, found, default, known)
    for m in p.LISTED_ENTERPRISES.finditer(text):
        _introduced_list(m, found, default)
    for m in (m for a, b in cued_sentences(text, p.CLOSED_FIRM_CUE)
              for m in p.CLOSED_FIRM_LIST.finditer(text, a, b)):
        _closed_list(m, found, default)
    _headed_lines(text, found, default)
    for m in p.EXAMPLE_BEFORE_COUNT.finditer(text):
        for name, at in _items(m.group("names"), m.start("names")):
            found.add(EnterpriseHit(name, at, at + len(name), default))
    for m in p.BRANDS_BEFORE_COUNT.finditer(text):
        for name, at in _items(m.group("items"), m.start("items")):
            bare = p.BRAND_LEAD.sub("", name).split("牌")[0]  # 竹叶青牌绿茶 → 竹叶青
            found.brand(bare, at + len(name) - len(p.BRAND_LEAD.sub("", name)))
    for m in p.BRAND_SELECTED.finditer(text):
        found.brand(m.group("name"), m.start("name"))
    for m in p.QUOTED_CATALOGUE.finditer(text):
        group = "name" if m.group("name") else "dated"
        found.brand(m.group(group), m.start(group))
    for m in p.APPLIED_BRAND.finditer(text):
        found.brand(m.group("brand"), m.start("brand"))
    hits = sorted(found.hits.values(), key=lambda h: (h.start, h.end))
    return hits, found.brands


def _name_list(text: str, found: _Found, region: str | None) -> list[tuple[int, int]]:
    """A list headed ``申报单位名称 品牌名称`` with one enterprise per line, its brands after
    the name (the space between the two may be lost: ``兰州悦宾楼餐饮娱乐有限公司悦宾楼``)."""
    spans = []
    lines = list(_lines(text))
    for k, (start, line) in enumerate(lines):
        if not p.NAME_LIST_HEADER.match(line.replace(" ", "")):
            continue
        end = start + len(line)
        for row_start, row in lines[k + 1:]:
            name = p.LISTED_NAME_AT_START.match(row.strip())
            if name is None:
                break
            rest = row.strip()[name.end():]
            brands = tuple(b for b in (p.BRAND_MARK.sub("", x).strip()
                                       for x in re.split(r"[、,，\s]+", rest)) if b)
            for brand in brands:
                found.brand(brand, row_start + row.find(brand))
            at = row_start + row.find(name.group())
            found.add(EnterpriseHit(name.group(), at, at + len(name.group()), region, brands))
            end = row_start + len(row)
        spans.append((start, end))
    return spans


def _lines(text: str) -> Iterable[tuple[int, str]]:
    for m in re.finditer(r"[^\n]+", text):
        yield m.start(), m.group()


def _placed_region(text: str) -> str | None:
    """The place a sentence gives the enterprises it lists (``仁怀11家企业榜上有名``)."""
    if not p.PLACED_CUE.search(text):
        return None
    for m in p.PLACED_LIST.finditer(text):
        written = m.group("place") or m.group("place2")
        # the place is the longest known name the words end with (其中福州 → 福州)
        for k in range(len(written) - 1):
            found = place_named(written[k:])
            if found:
                return found
    return None


def _list_table(text: str, table: FlatTable, found: _Found, province: str | None) -> None:
    """A published list: one enterprise per row, its place and brands from their columns
    (``青红牌、闽江牌`` is two brands)."""
    for row in table.list_rows:
        name = p.JAMMER_TAIL.sub("", row.cells.get(ENTERPRISE, "")).strip()
        brands = tuple(b for b in (p.BRAND_MARK.sub("", x).strip()
                                   for x in re.split(r"[、,，]", row.cells.get(BRAND, ""))) if b)
        for brand in brands:
            found.brand(brand, max(0, text.find(brand[:1], row.start, row.end)))
        if not (p.LISTED_NAME.fullmatch(name) or p.LISTED_HOUSE.fullmatch(name)) \
                or p.NOT_FIRM.search(name):
            continue
        place = row.cells.get(PLACE)
        region = (place_named(place, province) or p.full_place(place)) if place else None
        at = text.find(name, row.start, row.end)
        found.add(EnterpriseHit(name, at, at + len(name), region, brands))


def _line(text: str, line_start: int, line: str, found: _Found, region: str | None,
          places: tuple[str, ...]) -> None:
    """The names of one line, with the brands written right after them or in its entry."""
    entry = p.LIST_ENTRY.match(line)
    if not p.FIRM_WORD.search(line):
        if entry:
            _entry_brands(line_start, entry, found, places)
        return
    for m in p.FIRM_IN_TEXT.finditer(line):
        name = _trim(m.group("name"))
        at = m.end("name") - len(name)
        if not _is_name(name, line, at):
            continue
        start = line_start + at
        brands: tuple[str, ...] = ()
        mark = p.BRAND_AFTER_NAME.match(line, m.end("name"))
        if mark:
            brand = (mark.group("marked") or mark.group("inner") or mark.group("owned")
                     or mark.group("quoted") or mark.group("bare") or mark.group("plain"))
            brands = (brand,)
            found.brand(brand, line_start + mark.start())
        elif entry and entry.group("holder").endswith(name):
            brands = _entry_brands(line_start, entry, found, places)
        elif (quoted := p.QUOTED_AFTER_NAME.match(line, m.end("name"))) \
                and (p.MARK_LIST_CUE.search(line) or _mark_then_product(line, quoted)):
            brands = (quoted.group("mark"),)
            found.brand(quoted.group("mark"), line_start + quoted.start("mark"))
        found.add(EnterpriseHit(name, start, start + len(name), _region_here(text, start, region),
                                brands))
    if entry and not p.FIRM_NAME.search(entry.group("holder")):
        _entry_brands(line_start, entry, found, places)  # an association or town holds a brand
    _siblings(text, line_start, line, found, region)


def _mark_then_product(line: str, quoted: re.Match[str]) -> bool:
    """``甲公司“某某”枣产品、乙公司“某某”山药``: in a ``、`` list, a quoted name between a firm
    and the product it names is the firm's mark."""
    return ("、" in line and not p.NOT_A_MARK.search(quoted.group("mark"))
            and p.PRODUCT_AFTER_MARK.match(line, quoted.end()) is not None)


def _siblings(text: str, line_start: int, line: str, found: _Found, region: str | None) -> None:
    """The market bodies without a firm suffix that a list of firms names among them
    (``甲有限公司、某某产权交易所、某某精细化工厂等单位``)."""
    marks = bool(p.MARK_LIST_CUE.search(line))
    for run in re.finditer(r"[^,，;；。:：]+", line):
        items = [(p.QUOTED_AT_END.sub("", n), n, at)
                 for n, at in _items(run.group(), line_start + run.start())]
        if len(items) < 2 or not any(p.FIRM_NAME.match(_trim(n)) for n, _, _ in items):
            continue
        for name, written, at in items:
            name = name.split("等")[0]
            if p.SIBLING_NAME.match(name) and not p.NOT_FIRM.search(name) \
                    and not p.FIRM_NAME.search(name):
                # in a 老字号 list the quoted name after it is its mark (某某板鸭厂“某某板鸭”)
                quoted = p.QUOTED_AFTER_NAME.match(written, len(name)) if marks else None
                brands = (quoted.group("mark"),) if quoted else ()
                if quoted:
                    found.brand(quoted.group("mark"), at + quoted.start("mark"))
                found.add(EnterpriseHit(name, at, at + len(name), _region_here(text, at, region),
                                        brands))


def _entry_brands(line_start: int, entry: re.Match[str], found: _Found,
                  places: tuple[str, ...]) -> tuple[str, ...]:
    """``主体:品牌 品类``: the first word is the brand when a product class follows it, or
    when it starts with a place; ``萝卜干、萝卜皮`` names products only."""
    words = entry.group("rest").split()
    if not words or "、" in words[0]:
        return ()
    brand = words[0]
    if len(words) == 1 and not brand.startswith(places):
        return ()
    found.brand(brand, line_start + entry.start("rest"))
    return (brand,)


def _region_here(text: str, at: int, default: str | None) -> str | None:
    """A place heading on a line of its own above ``at`` (``南通市``) wins over the default."""
    heading = None
    for m in p.PLACE_HEADING.finditer(text, 0, at):
        heading = m.group("place")
    return heading or default


def _introduced_list(m: re.Match[str], found: _Found, region: str | None) -> None:
    """``企业餐饮类有:A,B;``: every item of a list of enterprises is one, shops included."""
    for name, at in _items(m.group("items"), m.start("items")):
        name = _trim(name)
        if p.FIRM_NAME.search(name):
            continue  # a firm's name with more after it: read with the brand it carries
        if 4 <= len(name) <= 40 and not p.NOT_FIRM.search(name):
            found.add(EnterpriseHit(name, at, at + len(name), region))


def _closed_list(m: re.Match[str], found: _Found, region: str | None) -> None:
    """``甲牛肉馆、乙豆腐坊、丙酱油厂等企业``: the items that end like a shop, works or firm
    are enterprises; a list with an item that ends like none of them may be of classes
    or places, and gives nothing (unknown beats wrong)."""
    items = [(_trim(name), at) for name, at in _items(m.group("items"), m.start("items"))]
    if not items:
        return
    first, at = items[0]
    cut = max((stop.end() for stop in p.LEFT_STOPS.finditer(first)), default=0)
    if cut == 0 and len(items) > 1 and len(first) > max(len(n) for n, _ in items[1:]):
        items = items[1:]  # the clause's own words before the first name: where it starts is unknown
    else:
        items[0] = (first[cut:], at + cut)
    if not all(p.SHOP_OR_FIRM.match(name) and not p.NOT_FIRM.search(name)
               and "的" not in name for name, _ in items):
        return
    for name, at in items:
        if not p.FIRM_NAME.fullmatch(name) or _is_name(name, name, 0):
            found.add(EnterpriseHit(name, at, at + len(name), region))


def _headed_lines(text: str, found: _Found, region: str | None) -> None:
    """The lines under a heading of a list of enterprises (``获奖企业名单``), each a name
    that ends like a shop, works or firm, until the first line that is none."""
    if not p.FIRM_LIST_HEADING_CUE.search(text):
        return
    lines = list(_lines(text))
    for k, (_, line) in enumerate(lines):
        if not p.FIRM_LIST_HEADING.match(line.strip()):
            continue
        for row_start, row in lines[k + 1:]:
            number = p.LINE_NUMBER.match(row)
            name = row[number.end() if number else 0:].strip()
            if not p.SHOP_OR_FIRM.match(name) or p.NOT_FIRM.search(name) or "的" in name:
                break
            at = row_start + row.find(name)
            found.add(EnterpriseHit(name, at, at + len(name), _region_here(text, at, region)))


def _items(group: str, offset: int) -> Iterable[tuple[str, int]]:
    for m in re.finditer(r"[^、,，;；]+", group):
        name = m.group().strip()
        if name:
            yield name, offset + m.start() + (len(m.group()) - len(m.group().lstrip()))


def _trim(name: str) -> str:
    """The name without the verbs and list words a match took in before it (never cutting
    into the firm suffix or the two characters before it)."""
    suffix = re.search(p.FIRM_SUFFIX + "$", name)
    limit = (suffix.start() if suffix else len(name)) - 2
    cut = 0
    for stop in p.LEFT_STOPS.finditer(name):
        if stop.end() <= limit:
            cut = max(cut, stop.end())
    name = name[cut:].strip("“”\"' ").removeprefix("和").removeprefix("与").removeprefix("及")
    for joint in reversed(list(p.JOINED_BEFORE_NAME.finditer(name, 0, max(0, limit - cut)))):
        rest = name[joint.end():]
        if len(rest) >= 6 and _opens_with_place(rest):
            return rest  # 牌挂面和宁夏某某集团有限公司: the second name of the phrase
    tail = name.rsplit("的", 1)[-1]
    if tail != name and len(tail) >= 4 and _opens_with_place(tail):
        return tail  # 我市的安徽某某集团有限公司: the firm's own name after 的
    return name


def _opens_with_place(name: str) -> bool:
    return any(is_place(name[:k]) for k in (2, 3, 4))


def _is_name(name: str, line: str, at: int) -> bool:
    if len(name) < 4 or p.GENERIC_FIRM.fullmatch(name) or p.NOT_FIRM.search(name):
        return False
    suffix = re.search(p.FIRM_SUFFIX + "$", name)
    core = name[:suffix.start()] if suffix else name
    if p.COUNTED_OR_LISTED.search(core) or p.LEFT_STOPS.fullmatch(core):
        return False  # 某某等公司, 32家公司, 包括公司: a phrase about firms, no name
    if name.count("(") + name.count("（") != name.count(")") + name.count("）"):
        return False  # 局(公司 of 市直各委、办、局(公司): a bracket opened outside the name
    # 新引进的外贸公司: a 的-phrase describes a category, it names no firm; a name that opens
    # with a place is a firm's own after 的 too (我市的安徽某某集团有限公司)
    if "的" in name:
        return False
    return not (at > 0 and line[at - 1] == "的") or _opens_with_place(name)
