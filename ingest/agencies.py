"""Recognise agency names and resolve them to one canonical node each.

An agency is identified by (region, level, canonical name).  The canonical name
is the short form the document itself uses in its responsibility lists
(``市市场监管局``); long forms in running text (``济南市市场监督管理局``) and
two-plate names (``X(Y)``) resolve to it.  Governments, party centres and
generic groups (``各县区人民政府``, ``有关部门``) are not agencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import agency_table as table
from ingest import patterns as p
from ingest.regions import is_place
from ontology.model import GovLevel

_VARIANTS = table.build_variant_index()
#: Level words a short form may start with.
_LEVEL_WORDS = frozenset({"省", "市", "县", "区", "州", "自治区"})
_LEVEL_CHAR = {GovLevel.NATIONAL: "国家", GovLevel.PROVINCE: "省", GovLevel.CITY: "市",
               GovLevel.COUNTY: "县"}
#: Suffixes that make an unknown list entry plausibly an agency.  Example: ``省大数据中心``.
AGENCY_SUFFIX = re.compile(
    r"(?:局|委|办|厅|中心|委员会|办公室|海关|总工会|工商联|法院|检察院|监委|领导小组|管委会"
    r"|联合会|协会|集团|公司|银行|分行|支行|研究院|研究所|科学院|大学|学院|署|处|站|队|社|室|股|馆"
    r"|宣传部|组织部|统战部|政法委)$"
)
#: Words no body's name holds: a role verb or an alternative.  Example: ``支持企业牵头或参与
#: 建设国家实验室`` is a clause, not a unit.
NOT_A_NAME = re.compile(r"牵头|配合|参与|支持|或者?|以及|并且")
#: Offices named after a campaign.  Example: ``质量强省办``.
CAMPAIGN_OFFICE = re.compile(
    r"(?:[省市县区])?(?:质量强(?:省|市|县|区)|质强)(?:工作推进)?(?:委员会(?:办公室)?|办公室|办|委)")
#: National ministries, commissions and administrations, written in full or short, also by
#: the names older documents use (before the 2008 and 2018 reorganisations).
#: Examples: ``商务部``, ``文化和旅游部``, ``环保部``, ``建设部``, ``国家文物局``,
#: ``市场监管总局``, ``国家工商行政管理总局``, ``国家工商总局商标局``; not ``国家粮食安全大局``
#: (the big picture), nor ``建设部门`` or ``建设部分``.
NATIONAL_ORGAN = re.compile(
    r"(?:商务|财政|教育|科学技术|科技|工业和信息化|公安|民政|司法|人力资源和社会保障|人力资源社会保障"
    r"|自然资源|生态环境|住房和城乡建设|住房城乡建设|交通运输|水利|农业农村|农业|文化和旅游|文化"
    r"|卫生健康|退役军人事务|应急管理|外交|国防"
    r"|环境保护|环保|(?<![\u4e00-\u9fff])建设|国土资源|铁道|卫生|人事|劳动和社会保障|信息产业)部(?![门署分位])"
    r"|国家(?!级)[\u4e00-\u9fff]{2,10}?(?:总局|(?<!大)局|委员会|委|(?<!部)署)(?:[^\W省市县区]{2,6}?局)?"
    r"|(?:市场监管|税务|海关|体育|广播电视|新闻出版|工商)总(?:局|署)(?:[^\W省市县区]{2,6}?局)?")
#: A local office of a vertically managed organ written after it:
#: ``国家税务总局`` + ``洛阳市税务局`` is the city's tax office, not the national one.
LOCAL_BRANCH_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}?[省市县区州盟旗][\u4e00-\u9fff]{0,6}?局")
#: Vertically managed offices keep the place in their name: ``包头金融监管分局``.
VERTICAL_GROUPS = frozenset({"金融监管分局", "银保监分局", "人民银行"})
#: Characters of verbs that a two-character customs "place" cannot contain.
#: Example: ``取得`` in ``企业取得海关认证``.
NOT_A_PORT = re.compile(r"[得过经向报交入出通办由和与及的对请往]")
#: Leading groups and their offices.  Example: ``市质量强市及品牌战略推进工作领导小组办公室``.
LEADING_GROUP = re.compile(r"[\u4e00-\u9fff]{2,24}?(?:工作)?领导小组(?:办公室)?")
#: A committee named in running text by what it does.  Example: ``市长质量奖评审委员会``
#: in ``经市长质量奖评审委员会评审``.
COMMITTEE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:评审|评选|评定|考核|建设|管理)委员会")
#: ``成员单位`` after a group's name: its members, not the group.
MEMBERS_AFTER = re.compile(r"(?:各)?成员(?:单位)?")
#: Customs offices.  Example: ``德州海关``.
CUSTOMS = re.compile(r"[\u4e00-\u9fff]{2,4}海关")
#: Words that end the text before an agency name.  Example: ``在`` in ``在质量强市工作领导小组``.
LEFT_STOPS = ("充分发挥", "发挥", "推动", "统筹", "会同", "组织", "成立", "设立", "依托",
              "建立", "健全", "印发", "负责", "调整充实", "调整", "充实", "组建", "完善", "经由",
              "报送", "报告", "提交", "将", "向", "从", "在", "由", "的",
              # verbs and prepositions a sentence puts before its subject or object
              "根据", "按照", "依照", "依据", "结合", "督促", "指导", "支持", "鼓励", "协调",
              "配合", "联合", "协助", "要求", "报请", "提请", "商请", "争取", "对接", "请")
#: Abbreviated department lists.  Example: ``整合市工信、科技、市场监管等部门``.
#: The prefix stands at a word's start (not the 省 of 全省, the 市 of 市场监督).
ABBREVIATED_LIST = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=整合|会同|组织|联合|协调|牵头))(?P<lvl>市|省|县|区)"
    r"(?P<items>[\u4e00-\u9fff、]{2,40}?)等(?:部门|单位)")

#: What stands before an agency that a sentence makes responsible.
#: Examples: ``由``, ``本条由``, ``该项工作由``, ``会同``.
SUBJECT_BEFORE = re.compile(
    r"^(?:(?:该|本|此|各)?(?:项|项目|行动|任务|工作|措施|条|款){0,2}由|请|会同|协同|联合)")
#: A second name plate written after an agency.  Example: ``省市场监管局(省知识产权局)``.
SECOND_PLATE = re.compile(
    r"[(（][^()（）]{2,20}(?:局|委|办|厅|中心|署|办公室|管委会|镇|乡|街道|园区)[)）]$")
#: A place prefix naming a division and the one inside it: the inner one names the agency.
#: Example: ``烟台市蓬莱区`` (``烟台市蓬莱区市场监管局`` is ``蓬莱区市场监管局``).
PLACE_CHAIN = re.compile(
    r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|自治州|州|盟)(?P<last>[\u4e00-\u9fff]{2,6}?(?:市|县|区|旗))$")
_PLACE_LEVEL = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,8}?)(?P<lvl>省|市|县|区|自治区|自治州|州)")


@dataclass(frozen=True)
class AgencyRef:
    """A recognised agency: canonical name, its region and level, and the written form."""

    name: str
    region: str | None
    level: GovLevel | None
    written: str
    group: str | None = None


@dataclass
class AgencyResolver:
    """Canonicalises agency names within one document's scope."""

    region: str | None
    level: GovLevel | None
    province: str | None = None
    known_places: set[str] = field(default_factory=set)
    #: (group, level) → the short form the document's lists write.
    list_forms: dict[tuple[str, GovLevel | None], str] = field(default_factory=dict)

    def resolve(self, written: str, *, from_list: bool = False) -> AgencyRef | None:
        """The agency a name denotes, or None for governments and generic groups."""
        name = p.ETC_SUFFIX.sub("", re.sub(r"\s+", "", written)).strip("“”\"")
        name = re.sub(r"(?:负责|牵头|配合|参与|落实)+$", "", name)
        name = SUBJECT_BEFORE.sub("", name)
        plate = SECOND_PLATE.search(name)
        if plate and not p.GENERIC_UNIT.search(name):
            name = name[:plate.start()]
        if len(name) < 2 or p.GENERIC_UNIT.search(name) or _is_government(name) \
                or NOT_A_NAME.search(name):
            return None
        if name in table.YOUTH_LEAGUE_NAMES or CAMPAIGN_OFFICE.fullmatch(name):
            return AgencyRef(name, self.region, self.level, written)
        if NATIONAL_ORGAN.fullmatch(name):
            return AgencyRef(name, "中国", GovLevel.NATIONAL, written)
        if CUSTOMS.fullmatch(name) and not self._customs_place(name[:-2]):
            return None
        stem_at = _stem_start(name)
        if stem_at is None:
            if (from_list and (AGENCY_SUFFIX.search(name) or p.ORGAN_NAME.fullmatch(name))) \
                    or LEADING_GROUP.fullmatch(name) or COMMITTEE.fullmatch(name) \
                    or CUSTOMS.fullmatch(name):
                name = self._without_home_place(name)
                return AgencyRef(name, *self._scope_of(name), written)
            return None
        prefix, stem = name[:stem_at], name[stem_at:]
        group = _VARIANTS[stem].short
        place, level = self._split_prefix(prefix, stem)
        if place and not self._is_home(place, level):
            chain = PLACE_CHAIN.match(place)
            place = chain.group("last") if chain else place
            other = place + (group if not _is_short_form("市", stem, group) else stem)
            return AgencyRef(other, place, level, written, group)
        key = (group, level)
        if group in VERTICAL_GROUPS and prefix and prefix not in _LEVEL_CHAR.values():
            return AgencyRef(name, place or self.region, level, written, group)
        if from_list and not place and not (group in table.ALWAYS_SHORT and stem != group):
            known = self.list_forms.setdefault(key, name)
            if name != known and name == prefix + known and prefix in _LEVEL_WORDS:
                # Written both with and without its level prefix: the prefixed form wins.
                self.list_forms[key] = name
            elif name != known and len(name) < len(known) and known.startswith(prefix) \
                    and _VARIANTS.get(known[len(prefix):]) is _VARIANTS[stem]:
                # Written long and short in the lists (市市场监督管理局, 市市场监管局): one
                # body, named by its short form.
                self.list_forms[key] = name
        canonical = self.list_forms.get(key) or (
            prefix + stem if _is_short_form(prefix, stem, group)
            or (not prefix and (stem in (_VARIANTS[stem].short, _VARIANTS[stem].province_short)
                                or stem in _BARE_KEPT))
            else self._default_form(group, stem, level, prefix))
        region = self._region_for(level)
        return AgencyRef(canonical, region, level, written, group)

    def named_government(self, written: str) -> str | None:
        """A government a list names by its place (``银川市人民政府`` in a 宁夏 list), other
        than the document's own: a responsible unit, though never an agency."""
        name = re.sub(r"\s+", "", written)
        found = p.PLACE_GOVERNMENT.match(name)
        if found is None or p.GENERIC_UNIT.search(name):
            return None
        place = found.group("place") + found.group("level")
        if not is_place(found.group("place")) or self._is_home(place, None):
            return None
        return name

    def _split_prefix(self, prefix: str, stem: str) -> tuple[str | None, GovLevel | None]:
        if prefix == "国家":
            return None, GovLevel.NATIONAL
        if prefix == "自治区":
            return None, GovLevel.PROVINCE
        match = _PLACE_LEVEL.match(prefix + "|")
        level_char = prefix[-1:] if prefix else ""
        place = None
        if match and len(prefix) > 1:
            place = prefix
            level_char = match.group("lvl") if match.end() == len(prefix) else prefix[-1]
        level = {"省": GovLevel.PROVINCE, "市": GovLevel.CITY, "州": GovLevel.CITY,
                 "县": GovLevel.COUNTY, "区": GovLevel.COUNTY,
                 "自治区": GovLevel.PROVINCE}.get(level_char)
        if level is None:
            level = GovLevel.PROVINCE if stem.endswith("厅") else self.level
        if place and place[-1] in "省市县区" and not self._plausible_place(place):
            place = None
        return place, level

    def _without_home_place(self, name: str) -> str:
        """``包头市营商环境办公室`` in 包头's own document → ``市营商环境办公室``."""
        if CUSTOMS.fullmatch(name):
            return name
        for home, level in ((self.region, self.level), (self.province, GovLevel.PROVINCE)):
            if home and name.startswith(home) and len(name) > len(home) + 2:
                char = _LEVEL_CHAR.get(level, home[-1]) if level else home[-1]
                return char + name[len(home):]
        return name

    def _customs_place(self, place: str) -> bool:
        """Customs offices are named after a city or port: ``青岛海关``, not ``企业取得海关``."""
        core = re.sub(r"[市省]$", "", place)
        if len(core) == 2 and not NOT_A_PORT.search(core):
            return True
        return core in table.PROVINCES or any(
            core == known or core.endswith(known) for known in self.known_places if known)

    def _plausible_place(self, place: str) -> bool:
        core = place.rstrip("省市县区")
        return any(core.startswith(pv) or core.endswith(pv) for pv in table.PROVINCES) or any(
            core and (core in known or known in place) for known in self.known_places
        )

    def _is_home(self, place: str, level: GovLevel | None) -> bool:
        """Whether a place prefix names the document's own region (or its province)."""
        homes = {_place_core(h) for h in (self.region, self.province) if h}
        core = _place_core(place)
        if any(h and (core.endswith(h) or h.endswith(core)) for h in homes):
            return True
        return level == GovLevel.PROVINCE and self.province is None and self.level == level

    def _default_form(self, group: str, stem: str, level: GovLevel | None, prefix: str) -> str:
        if level == GovLevel.NATIONAL:
            return "国家" + group
        char = _LEVEL_CHAR.get(level, "") if level else ""
        if level == GovLevel.COUNTY and prefix.endswith("区"):
            char = "区"
        if level == GovLevel.PROVINCE and (prefix.endswith("自治区") or (
                not prefix and (self.province or self.region or "").endswith("自治区"))):
            char = "自治区"
        if level == GovLevel.PROVINCE:
            entry = next(g for g in table.AGENCY_GROUPS if g.short == group)
            return char + (entry.province_short or group)
        return char + group

    def _region_for(self, level: GovLevel | None) -> str | None:
        if level == GovLevel.NATIONAL:
            return "中国"
        if level == self.level:
            return self.region
        if level == GovLevel.PROVINCE:
            return self.province
        return self.region if self.level is None else None

    def _scope_of(self, name: str) -> tuple[str | None, GovLevel | None]:
        if name.startswith("省") or name.startswith("团省"):
            return self._region_for(GovLevel.PROVINCE), GovLevel.PROVINCE
        if name.startswith("市") or name.startswith("团市"):
            return self._region_for(GovLevel.CITY), GovLevel.CITY
        return self.region, self.level


def _is_short_form(prefix: str, stem: str, group: str) -> bool:
    """``市工信局`` is the document's own short form (keep it); ``济南市市场监督管理局``
    is a long form (map it to the group's short form), and so is ``区人民政府办公室``."""
    if group in table.ALWAYS_SHORT and stem != group:
        return False
    return prefix in ("省", "市", "县", "区", "州", "自治区")


def _place_core(place: str) -> str:
    """``广西壮族自治区`` → ``广西``; ``济南市`` → ``济南``; ``山东省济南市`` → ``山东省济南``."""
    for short, full in table.PROVINCE_FULL_NAMES.items():
        if place.startswith(full):
            place = short + place[len(full):]
    return re.sub(r"(?:省|市|县|区|自治州|州)$", "", place)


def _stem_start(name: str) -> int | None:
    """Index where a known department stem begins (the longest stem wins)."""
    for i in range(len(name)):
        if name[i:] in _VARIANTS:
            return i
    return None


def _is_government(name: str) -> bool:
    if name in table.GOVERNMENT_NAMES:
        return True
    return bool(re.search(r"(?:人民政府|^[\u4e00-\u9fff]{0,6}政府|党委|^中共|全会|常务会议)$", name))


def trim_left(candidate: str, keep: int = 4) -> str:
    """Drop the words in front of an agency name that a greedy match took in
    (the last ``keep`` characters are the name's own and never cut)."""
    cut = 0
    for stop in LEFT_STOPS:
        at = candidate.rfind(stop, 0, max(0, len(candidate) - keep))
        if at >= 0:
            cut = max(cut, at + len(stop))
    trimmed = candidate[cut:]
    # ``经市…领导小组同意``: 经 before a level prefix is a preposition, not part of the name.
    return trimmed[1:] if re.match(r"经[省市县区国]", trimmed) else trimmed


def _stem_alternation() -> str:
    stems = sorted(_VARIANTS, key=len, reverse=True)
    return "|".join(map(re.escape, stems))


#: Any mention of a table department with an optional place/level prefix.
#: Example: ``济南市市场监督管理局``, ``省市场监管局``, ``国家发展改革委``.
DEPARTMENT_MENTION = re.compile(
    r"(?P<prefix>国家|自治区|(?:[\u4e00-\u9fff]{2,4}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,4}?(?:市|州))?"
    r"(?:[\u4e00-\u9fff]{1,4}?(?:县|区))?|省|市|县|区)"
    rf"(?P<stem>{_stem_alternation()})"
)


#: Variants written without a prefix that name a body of their own and stay as written
#: (``水务局`` is not ``水利局``).
#: Words before ``市`` that make an office every city's or any city's: a generic group.
#: Example: ``所在设区`` in ``在所在设区市经贸委(贸发局)的指导下``.
SUBDIVIDED_CITY_BEFORE = re.compile(r"设区(?:的)?$")
_BARE_KEPT = frozenset({"水务局", "农牧局", "工商局", "质监局", "国土局", "文体旅局", "资规分局"})
#: A stem that names an agency even without a level prefix.  Example: ``商务厅``.
_BARE_STEM = re.compile(r"^[\u4e00-\u9fff]{2,}(?:局|厅|委员会|中心)$")


#: A province-level prefix whose name part is checked against the gazetteer.
_NO_PROVINCE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}?)(?=自治区|省)")


def find_mentions(text: str) -> list[tuple[str, int, int]]:
    """Agency names written in running text: (written form, start, end), in order."""
    found: list[tuple[str, int, int]] = []
    for match in DEPARTMENT_MENTION.finditer(text):
        prefix = match.group("prefix")
        start = match.start()
        if not prefix and not _BARE_STEM.search(match.group("stem")):
            continue
        city_at = match.end("prefix") - 1 if prefix else -1
        if prefix and prefix.endswith("市") \
                and SUBDIVIDED_CITY_BEFORE.search(text, max(0, city_at - 4), city_at):
            continue  # 所在设区市经贸委: whichever city's office, a generic group
        if prefix and prefix not in ("国家", "自治区", "省", "市", "县", "区"):
            trimmed = trim_left(prefix, keep=1)
            named = _NO_PROVINCE.match(trimmed)
            if named and not is_place(named.group("name")):
                # ``…办公厅自治区人民政府办公厅``: the words before 自治区 name no province;
                # ``中共河南省委``: the place is the end of them
                name = named.group("name")
                cut = next((k for k in range(1, len(name) - 1) if is_place(name[k:])),
                           len(name))
                trimmed = trimmed[cut:]
            start += len(prefix) - len(trimmed)
        found.append((text[start:match.end()], start, match.end()))
    for pattern in (LEADING_GROUP, CAMPAIGN_OFFICE, CUSTOMS, COMMITTEE, NATIONAL_ORGAN):
        for match in pattern.finditer(text):
            if MEMBERS_AFTER.match(text, match.end()):
                continue  # 区创文工作领导小组成员单位: the members, a generic group
            if pattern is NATIONAL_ORGAN and LOCAL_BRANCH_AFTER.match(text, match.end()):
                continue
            name = trim_left(match.group(0))
            start = match.end() - len(name)
            found.append((name, start, match.end()))
    for match in ABBREVIATED_LIST.finditer(text):
        found.extend(_expand_abbreviated(match))
    found.sort(key=lambda item: (item[1], -item[2]))
    return _drop_overlaps(found)


def _expand_abbreviated(match: re.Match[str]) -> list[tuple[str, int, int]]:
    """``市工信、科技、市场监管等部门`` → ``市工信局``, ``市科技局``, ``市市场监管局``."""
    out = []
    level = match.group("lvl")
    pos = match.start("items")
    for item in match.group("items").split("、"):
        expanded = next((item + suffix for suffix in ("局", "委", "厅", "办")
                         if item + suffix in _VARIANTS), None)
        if expanded is None:
            return []  # a list of sectors, not of the document's departments: expand nothing
        out.append((level + expanded, pos, pos + len(item)))
        pos += len(item) + 1
    return out


def _drop_overlaps(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    kept: list[tuple[str, int, int]] = []
    for item in found:
        if kept and item[1] < kept[-1][2]:
            continue
        kept.append(item)
    return kept
