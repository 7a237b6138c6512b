"""China's administrative divisions, and the region a document governs.

The divisions (province, prefecture-level city or autonomous prefecture, county-level
district, county or city) come from ``ingest/data/regions.tsv`` (official codes: the first
two digits name the province, the first four the prefecture).  A text writes a division
in full (``湘西土家族苗族自治州``, ``咸阳市``), in a shorter form (``湘西自治州``, ``湘西州``)
or, for provinces and prefectures, by its bare name (``咸阳``, ``江苏``).

:func:`document_region` weighs every mention: the title and issuer lines, ``结合X实际`` and
the signature count most; a line of site chrome (地址, 电话, 版权 …) counts nothing; a
mention supports the divisions above it as well.  The level the text speaks of (全省,
我市, 区政府, the prefixes of its agencies) decides between levels; within a level the
best-supported division wins.  A county is also found by its bare name when the text
speaks of a county and names no county in full (``市生态环境局咸安分局``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from ontology.model import GovLevel

#: Suffixes of a division's name, longest first.  Example: ``土家族苗族自治州``.
_ETHNIC = r"(?:[\u4e00-\u9fff]{1,6}?族|维吾尔)+"
_AUTONOMOUS = re.compile(
    rf"^(?P<stem>[\u4e00-\u9fff]{{2,4}}?){_ETHNIC}(?P<kind>自治州|自治县|自治区|自治旗)$")
_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|地区|林区|市|县|区|省|盟|旗)$")
#: Bare county names that are common words and never count on their own.
_COMMON_WORDS = frozenset({"和平", "新华", "城关", "长安", "永安", "安定", "东风", "红旗", "开发", "新区",
                           "城区", "郊区", "矿区", "市中", "中山", "解放", "人民", "建设", "胜利", "先锋",
                           # words of plans: 乡村振兴, 新兴产业, 平安建设, 富民政策, 物流通道 …
                           "振兴", "新兴", "平安", "富民", "通道", "港口", "海港", "新城", "老城",
                           "向阳", "前进", "友好", "工农", "东方", "兴业", "太平", "吉利", "城中",
                           "城东", "城西", "城北", "中原", "大通", "站前", "安宁"})
#: Lines of site chrome whose places are the site's, not the document's.
_CHROME_LINE = re.compile(r"地址|电话|邮箱|传真|邮编|版权|主办|承办|技术支持|备案|网站|Copyright|©")
#: Words that set the level a text speaks of.  Examples: ``全省``, ``我市``, ``区政府``.
_UNIT_AFTER = r"[\u4e00-\u9fff]{1,10}?(?:局|委|办|厅)(?=[、,，;；)）]|$)"
_LEVEL_WORDS: tuple[tuple[GovLevel, re.Pattern[str]], ...] = (
    (GovLevel.PROVINCE, re.compile(r"全省|我省|省政府|省委|省直|省人民政府|自治区人民政府"
                                   rf"|(?<=[(（、:：,，])省{_UNIT_AFTER}")),
    (GovLevel.CITY, re.compile(r"全市|我市|市政府|市委|市直|市级|全州|我州|州政府|州直"
                               rf"|(?<=[(（、:：,，])[市州]{_UNIT_AFTER}")),
    (GovLevel.COUNTY, re.compile(r"全区|我区|区政府|区委|区级|全县|我县|县政府|县委|县级|县直|区直"
                                 rf"|(?<=[(（、:：,，])[区县]{_UNIT_AFTER}")),
)
#: An autonomous region named, or its bodies.  Examples: ``宁夏回族自治区``, ``自治区党委``,
#: ``自治区政府``, ``推进自治区乡村振兴示范县``.
_AUTONOMOUS_REGION = re.compile(r"自治区")
#: A district's own government or its offices, which a 自治区's text does not name.
#: Examples: ``区政府``, ``区人民政府``, ``区委``.
_DISTRICT_GOVERNMENT = re.compile(r"(?<![治])区(?:人民)?政府|(?<![治])区委(?!员)")
#: A quoted name (a brand such as ``“长春药店”``): its place words are no region.
_QUOTED = re.compile(r"“[^“”\n]{1,20}”")
#: ``结合X实际``: the place whose reality the plan fits.
_LOCAL_REALITY = re.compile(r"结合([\u4e00-\u9fff]{2,8}?)实际")
_WEIGHT_HEAD, _WEIGHT_TEXT, _WEIGHT_LIST, _WEIGHT_UP = 5.0, 1.0, 0.3, 0.5
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Level characters that end a division's name.
_LEVEL_ENDS = "县区市旗"
#: Characters after which a one-character name with its level may start.
_WORD_BEFORE = "省市州盟在于到赴和与及的、"


@dataclass(frozen=True)
class Division:
    """One administrative division: its code, official name and level."""

    code: str
    name: str
    level: GovLevel

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"

    @property
    def prefecture(self) -> str:
        return self.code[:4] + "00"


@dataclass(frozen=True)
class Mention:
    """A division (or several of one name) written in the text, and how."""

    start: int
    end: int
    written: str
    divisions: tuple[Division, ...]
    bare: bool


class Gazetteer:
    """The divisions, their written forms, and a matcher for them."""

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self.divisions: dict[str, Division] = {}
        forms: dict[str, list[Division]] = defaultdict(list)
        self.bare_forms: set[str] = set()
        county_bare: dict[str, list[Division]] = defaultdict(list)
        for code, name in rows:
            division = Division(code, name, _level(code))
            self.divisions[code] = division
            for form in _forms(name):
                forms[form].append(division)
            bare = _SUFFIX.sub("", _AUTONOMOUS.sub(r"\g<stem>", name))
            if len(bare) >= 2 and bare != name:
                if division.level is GovLevel.COUNTY:
                    county_bare[bare].append(division)
                else:
                    forms[bare].append(division)
                    self.bare_forms.add(bare)
        self.forms = {k: tuple(v) for k, v in forms.items()}
        self.county_bare = {k: tuple(v) for k, v in county_bare.items()
                            if k not in _COMMON_WORDS and k not in self.forms}
        self._index = _first_char_index(self.forms)
        self._county_index = _first_char_index(self.county_bare)

    def parents(self, division: Division) -> list[Division]:
        """The prefecture and province above a division (those that exist)."""
        out = []
        for code in (division.prefecture, division.province):
            parent = self.divisions.get(code)
            if parent is not None and parent.code != division.code and parent not in out:
                out.append(parent)
        return out

    def mentions(self, text: str) -> Iterator[Mention]:
        """Every written division of ``text`` (longest form first), in order.  A one-character
        name with its level (``成县``, ``高县``) counts only where a word may start: after a
        non-Han character, a level (``陇南市成县``) or a preposition (``在成县``), not inside
        ``完成县级`` or ``提高县域``."""
        for start, written in _scan(text, self._index, self.forms):
            if len(written) == 2 and written[-1] in _LEVEL_ENDS and start > 0 \
                    and _HAN.match(text[start - 1]) and text[start - 1] not in _WORD_BEFORE:
                continue
            yield Mention(start, start + len(written), written, self.forms[written],
                          written in self.bare_forms)

    def county_mentions(self, text: str) -> Iterator[Mention]:
        """Counties written by their bare name (``咸安``), a weaker kind of evidence."""
        for start, written in _scan(text, self._county_index, self.county_bare):
            yield Mention(start, start + len(written), written, self.county_bare[written], True)


def _first_char_index(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of the forms starting with it, longest first."""
    lengths: dict[str, set[int]] = defaultdict(set)
    for form in forms:
        lengths[form[0]].add(len(form))
    return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}


def _scan(text: str, index: dict[str, tuple[int, ...]], forms: Mapping[str, object],
          ) -> Iterator[tuple[int, str]]:
    """Leftmost-longest matches of ``forms`` in ``text`` (a dictionary scan: the forms are
    thousands, too many for one regular expression to try at every position)."""
    i, n = 0, len(text)
    while i < n:
        lengths = index.get(text[i])
        if lengths:
            for length in lengths:
                candidate = text[i:i + length]
                if candidate in forms:
                    yield i, candidate
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1


def _level(code: str) -> GovLevel:
    if code[2:] == "0000":
        return GovLevel.PROVINCE
    if code[4:] == "00":
        return GovLevel.CITY
    return GovLevel.COUNTY


def _forms(name: str) -> list[str]:
    """Written forms with a level word: ``湘西土家族苗族自治州`` → itself, ``湘西自治州``, ``湘西州``."""
    forms = [name]
    auto = _AUTONOMOUS.match(name)
    if auto:
        forms.append(auto.group("stem") + auto.group("kind"))
        if auto.group("kind") == "自治州":
            forms.append(auto.group("stem") + "州")
    return forms


@functools.cache
def gazetteer() -> Gazetteer:
    """The divisions of ``ingest/data/regions.tsv`` (read once; the table never changes)."""
    data = resources.files("ingest").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    rows = [tuple(line.split("\t", 1)) for line in data.splitlines()
            if line and not line.startswith("#")]
    return Gazetteer((code, name) for code, name in rows)


@dataclass(frozen=True)
class RegionGuess:
    """The region a document governs, as the text writes it, with its level and province."""

    name: str
    level: GovLevel
    province: str | None


def speaks_of(text: str) -> GovLevel | None:
    """The level of government the text speaks of most (全省 / 全市 / 全区 …), if any."""
    counts = {level: len(pattern.findall(text)) for level, pattern in _LEVEL_WORDS}
    if _AUTONOMOUS_REGION.search(text) and not _DISTRICT_GOVERNMENT.search(text):
        # 全区/我区 of a 自治区's text is the autonomous region, a province: no district
        counts[GovLevel.PROVINCE] += counts.pop(GovLevel.COUNTY)
    level, n = max(counts.items(), key=lambda kv: kv[1])
    return level if n else None


def document_region(text: str, head: Iterable[str] = (), level: GovLevel | None = None,
                    ) -> RegionGuess | None:
    """The region ``text`` governs.  ``head`` are the lines that name the document (title,
    issuer, signature); ``level`` is the level the caller knows, else :func:`speaks_of`."""
    gaz = gazetteer()
    score: dict[str, float] = defaultdict(float)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    chrome = _chrome_spans(text)

    def add(mention: Mention, weight: float) -> None:
        for division in mention.divisions:
            share = weight / len(mention.divisions)
            score[division.code] += share
            if not mention.bare:
                written[division.code][mention.written] += 1
            for parent in gaz.parents(division):
                score[parent.code] += share * _WEIGHT_UP

    for line in head:
        for mention in gaz.mentions(line):
            add(mention, _WEIGHT_HEAD)
    lists = _headline_spans(text)
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    for mention in gaz.mentions(text):
        if not any(a <= mention.start < b for a, b in (*chrome, *quoted)):
            in_list = any(a <= mention.start < b for a, b in lists)
            add(mention, _WEIGHT_LIST if in_list else _WEIGHT_TEXT)
    for m in _LOCAL_REALITY.finditer(text):
        for mention in gaz.mentions(m.group(1)):
            add(mention, _WEIGHT_HEAD)
    level = level or speaks_of(text)
    best = _best(score, gaz, level)
    if level is GovLevel.COUNTY and (best is None or gaz.divisions[best].level is not level):
        bare: Counter[str] = Counter()
        for mention in gaz.county_mentions(text):
            if len(mention.divisions) == 1 and not any(a <= mention.start < b for a, b in chrome):
                bare[mention.divisions[0].code] += 1
        if bare:
            # a county whose city the text names too wins (略阳 beside 汉中, not 惠民 of 惠民演出)
            code = max(bare, key=lambda c: (bare[c] + (c[:4] + "00" in score), -int(c)))
            division = gaz.divisions[code]
            return RegionGuess(division.name, division.level, _province_name(gaz, division))
    if best is None:
        return None
    division = gaz.divisions[best]
    forms = written.get(best)
    name = forms.most_common(1)[0][0] if forms else division.name
    return RegionGuess(name, division.level, _province_name(gaz, division))


def named_region(lines: Iterable[str]) -> RegionGuess | None:
    """The most specific division the naming lines (title, issuer, signature) write in full:
    ``常州市钟楼区人民政府`` → 钟楼区.  None when they name none, or two unrelated ones."""
    gaz = gazetteer()
    found: list[tuple[Division, str]] = []
    for line in lines:
        if len(line) > _NAMING_LINE_MAX:
            continue  # a paragraph, not a line that names the document
        for mention in gaz.mentions(line):
            if len(mention.divisions) == 1 and not mention.bare:
                found.append((mention.divisions[0], mention.written))
    if not found:
        return None
    deepest = max(found, key=lambda f: (_DEPTH[f[0].level], -len(found)))
    chain = {deepest[0].code, *(d.code for d in gaz.parents(deepest[0]))}
    if any(division.code not in chain for division, _ in found):
        return None
    return RegionGuess(deepest[1], deepest[0].level, _province_name(gaz, deepest[0]))


_NAMING_LINE_MAX = 80
_DEPTH = {GovLevel.PROVINCE: 0, GovLevel.CITY: 1, GovLevel.COUNTY: 2, GovLevel.NATIONAL: -1}


def is_place(bare: str) -> bool:
    """Whether a division is written ``bare`` (``黑河``, ``银川市``): dictionary look-ups
    only, for the many words that are no place."""
    gaz = gazetteer()
    return bare in gaz.forms or bare in gaz.county_bare or any(
        bare + level in gaz.forms for level in ("市", "县", "区", "州"))


def place_named(bare: str, province: str | None = None) -> str | None:
    """A division written by its bare name in a list's place column (``金坛`` → ``金坛区``,
    ``溧阳`` → ``溧阳市``, ``武汉`` → ``武汉市``), preferring divisions of ``province``."""
    gaz = gazetteer()
    bare = bare.strip()
    candidates = list(gaz.forms.get(bare, ())) + list(gaz.county_bare.get(bare, ()))
    if not candidates:
        full = [d for form, ds in gaz.forms.items() if form.startswith(bare)
                and _SUFFIX.sub("", form) == bare for d in ds]
        candidates = full
    if province:
        inside = [d for d in candidates if gaz.divisions.get(d.province)
                  and gaz.divisions[d.province].name == province]
        candidates = inside or candidates
    if not candidates:
        return None
    best = min(candidates, key=lambda d: (_DEPTH[d.level], d.code))
    return best.name


def place_paths(text: str, province: str | None = None) -> list[tuple[str, ...]]:
    """The divisions a place cell may name, each as its path of names, outermost first.

    ``青州市`` and ``潍坊青州`` → ``[("山东省", "潍坊市", "青州市")]``; a cell that names several
    levels (``山东省济南市``) denotes the deepest, consistent with the others.  Divisions of
    ``province`` are preferred.  Several paths mean the name is ambiguous (``朝阳区``); none,
    that it names no division.
    """
    gaz = gazetteer()
    cell = re.sub(r"\s+", "", text)
    mentioned = [d for m in gaz.mentions(cell) for d in m.divisions]
    mentioned += [d for m in gaz.county_mentions(cell) for d in m.divisions]
    if not mentioned and (named := place_named(cell, province)):
        mentioned = list(gaz.forms.get(named, ()))
    if province:
        inside = [d for d in mentioned if _province_name(gaz, d) == province]
        mentioned = inside or mentioned
    if not mentioned:
        return []
    codes = {d.code for d in mentioned}
    depth = max(_DEPTH[d.level] for d in mentioned)
    deepest = [d for d in dict.fromkeys(mentioned) if _DEPTH[d.level] == depth]
    # a cell naming 潍坊 and 青州 means the 青州 of 潍坊
    consistent = [d for d in deepest
                  if all(c in {d.code, d.prefecture, d.province} for c in codes
                         if _DEPTH[gaz.divisions[c].level] < depth)]
    chosen = consistent or deepest
    return sorted({(*(p.name for p in reversed(gaz.parents(d))), d.name) for d in chosen})


def province_of(name: str | None) -> str | None:
    """The province of a division written as ``name`` (``钟楼区`` → ``江苏省``), when the
    name denotes divisions of one province only."""
    if not name:
        return None
    gaz = gazetteer()
    divisions = gaz.forms.get(name, ())
    provinces = {d.province for d in divisions}
    if len(provinces) != 1:
        return None
    found = gaz.divisions.get(provinces.pop())
    return found.name if found else None


def _best(score: dict[str, float], gaz: Gazetteer, level: GovLevel | None) -> str | None:
    if not score:
        return None
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    if level is not None:
        at_level = [code for code, _ in ranked if gaz.divisions[code].level is level]
        if at_level:
            return at_level[0]
    return ranked[0][0]


def _province_name(gaz: Gazetteer, division: Division) -> str | None:
    province = gaz.divisions.get(division.province)
    return province.name if province else None


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines without sentence punctuation after the first three: lists of headlines,
    link bars and table cells, weaker evidence than running text."""
    spans = []
    for k, m in enumerate(re.finditer(r"[^\n]+", text)):
        if k >= 3 and not re.search(r"[。,，;；:：]", m.group()):
            spans.append((m.start(), m.end()))
    return spans


def _chrome_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if _CHROME_LINE.search(m.group()):
            spans.append((m.start(), m.end()))
    return spans
