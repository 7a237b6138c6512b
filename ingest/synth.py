"""A synthetic corpus of government plans with its own gold, for measuring at scale.

:func:`generate` yields, for document number ``i`` of seed ``s``, the bytes of one plan and
its gold (the ``GOLD-SCHEMA`` format): a city's or county's implementation opinion, action
plan or measures, or a news report of one, in one of the layouts the extractor reads —
items with a ``(责任单位:…)`` list, items with ``(X牵头,Y配合)``, a ``|`` table of tasks with
lead and co columns, prose clauses in a news report, and HTML pages.  Regions come from the
gazetteer (``ingest/data/regions.tsv``), agencies from :mod:`ingest.agency_table`; targets,
funding promises, brands and named enterprises are drawn from small vocabularies.  About
one document in seven is written in Traditional characters (OpenCC) and one in seven is
encoded as GB18030; gold text is always Simplified.

Pure and deterministic: document ``i`` depends only on ``(seed, i)`` — never on how many
documents are made, or in which order or process — so ``synth --docs N`` and a parallel
generation give the same bytes.  The gold is what the generator put in, i.e. what a careful
reader finds; the extractor is scored against it like against hand-made gold.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from ingest.regions import gazetteer
from ontology.model import GovLevel

#: Department stems every city and county has, as its responsibility lists write them.
DEPARTMENTS: Final = (
    "市场监管局", "发展改革委", "工业和信息化局", "科技局", "财政局", "商务局", "农业农村局",
    "人力资源社会保障局", "住房城乡建设局", "文化和旅游局", "教育局", "生态环境局",
    "交通运输局", "自然资源局", "统计局", "卫生健康委", "应急管理局", "地方金融监管局",
)
#: What a task is about: its title, what a target of it counts, the unit, and the verb
#: the target sentence puts before the number (``达到`` also becomes its qualifier).
TOPICS: Final = (
    ("大力实施质量强市和品牌战略,科学构建品牌体系", "省长质量奖", "家", "新增"),
    ("实施标准化战略,打造先进标准体系", "企业和团体标准", "项", "制定"),
    ("培育壮大高新技术企业,提升创新能力", "高新技术企业", "家", "新增"),
    ("推动农业品牌建设,打造区域公用品牌", "绿色食品认证", "个", "新增"),
    ("加快发展文化旅游产业,擦亮文旅品牌", "接待游客", "万人次", ""),
    ("促进商贸流通,培育老字号企业", "老字号企业", "家", "认定"),
    ("强化知识产权保护,提高商标注册量", "有效注册商标", "件", "新增"),
    ("推进数字经济发展,建设工业互联网平台", "上云企业", "家", "新增"),
    ("优化营商环境,提升政务服务效能", "政务服务事项网上可办率", "%", "达到"),
    ("扩大就业容量,支持重点群体创业", "城镇新增就业", "万人", ""),
    ("加强生态环境治理,改善空气质量", "空气质量优良天数比例", "%", "达到"),
    ("提升职业技能,培养高技能人才", "职业技能培训", "万人次", "开展"),
    ("壮大民营经济,培育专精特新企业", "专精特新中小企业", "家", "新增"),
    ("推进制造业转型升级,打造先进制造业集群", "规模以上工业企业", "家", "新增"),
)
#: Awards a text names are brands too (GOLD-SCHEMA: "named brands / brand programmes / awards").
AWARDS: Final = ("省长质量奖", "中华老字号")
#: Brand programmes a plan promotes (a ``{p}`` is the province's short name).
BRANDS: Final = ("好品{p}", "{p}制造", "{p}优品", "{c}好物", "{c}名品", "{c}老字号")
FIRM_WORDS: Final = ("华泰", "鲁信", "金丰", "恒远", "瑞康", "永兴", "宏达", "新元", "嘉禾", "天成",
                     "利民", "万通", "盛世", "康源", "绿源", "华美")
FIRM_TRADES: Final = ("食品", "机械", "纺织", "化工", "农业科技", "电子", "酿酒", "药业", "建材")
FIRM_FORMS: Final = ("有限公司", "股份有限公司", "集团有限公司")
QUALIFIERS: Final = ("以上", "左右", "")
KINDS: Final = ("implementation_opinion", "action_plan", "measures")
TITLE_OF_KIND: Final = {
    "implementation_opinion": "关于{topic}的实施意见",
    "action_plan": "{topic}三年行动方案({start}-{end}年)",
    "measures": "关于{topic}的若干措施",
}
PLAN_TOPICS: Final = ("推动高质量发展", "实施品牌战略", "促进民营经济发展壮大",
                      "加快建设制造强市", "推进质量强市建设", "优化营商环境")
#: Layouts and how often they are drawn (weights).
LAYOUTS: Final = (("list", 4), ("lead_co", 3), ("table", 2), ("news", 1))
NUMERALS: Final = "一二三四五六七八九十"
#: Sentences that fill an item the way real plans do (no facts in them).
FILLERS: Final = (
    "各有关部门要加强协作,形成工作合力。", "建立工作台账,定期调度推进。", "完善政策措施,强化要素保障。",
    "坚持问题导向,聚焦重点领域和关键环节,推动各项工作落地见效。",
    "充分发挥市场主体作用,引导社会资本积极参与,营造良好发展氛围。",
    "加强督导检查,对工作推进不力的单位进行通报,确保按期完成各项任务。",
    "积极对接上级部门,争取更多政策、项目和资金支持。",
    "总结推广典型经验做法,加大宣传力度,扩大社会影响。",
)
GUIDING: Final = (
    "以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,完整、准确、全面贯彻新发展理念,"
    "坚持稳中求进工作总基调,以推动高质量发展为主题,以深化供给侧结构性改革为主线,"
    "统筹发展和安全,加快构建现代化产业体系,为全面建设社会主义现代化国家贡献力量。"
)


@dataclass(frozen=True)
class SynthDoc:
    """One generated document: its file name, its bytes and its gold (a JSON-ready dict)."""

    name: str
    data: bytes
    gold: dict[str, Any]

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]

    def gold_bytes(self) -> bytes:
        """The gold as the file ``gold/<stem>.json`` holds it."""
        return (json.dumps(self.gold, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class _Place:
    name: str            # 德州市 / 陵城区
    level: GovLevel
    prefix: str          # 市 / 区 / 县: what agencies are prefixed with
    province: str        # 山东省
    short: str           # 德州 / 陵城
    province_short: str  # 山东


@cache
def _places() -> tuple[_Place, ...]:
    gaz = gazetteer()
    provinces = {d.code: d.name for d in gaz.divisions.values() if d.code.endswith("0000")}
    places = []
    for division in sorted(gaz.divisions.values(), key=lambda d: d.code):
        province = provinces.get(division.province)
        if province is None or division.code[:2] in ("11", "12", "31", "50", "71", "81", "82"):
            continue
        name = division.name
        if division.level is GovLevel.CITY and name.endswith("市") and len(name) in (3, 4):
            places.append(_Place(name, GovLevel.CITY, "市", province, name[:-1], _short(province)))
        elif (division.level is GovLevel.COUNTY and name[-1] in "县区" and len(name) == 3
              and name[:2] not in ("市辖", "城区", "郊区", "新区")):
            places.append(_Place(name, GovLevel.COUNTY, name[-1], province, name[:-1],
                                 _short(province)))
    return tuple(places)


def _short(province: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省"):
        if province.endswith(suffix):
            return province[: -len(suffix)]
    return province


def generate(count: int, seed: int, start: int = 0) -> Iterator[SynthDoc]:
    """Documents ``start`` … ``start + count - 1`` of ``seed``, in order."""
    for number in range(start, start + count):
        yield document(seed, number)


def document(seed: int, number: int) -> SynthDoc:
    """Document ``number`` of ``seed`` (independent of every other document)."""
    rng = random.Random(f"policygraph-synth:{seed}:{number}")
    places = _places()
    place = places[rng.randrange(len(places))]
    layout = rng.choices([name for name, _ in LAYOUTS], [w for _, w in LAYOUTS])[0]
    plan = _Plan(rng, place, layout)
    text, gold = plan.render()
    traditional = rng.random() < 1 / 7
    html = layout != "table" and rng.random() < 0.1
    encoding = "gb18030" if not traditional and not html and rng.random() < 1 / 6 else "utf-8"
    if traditional:
        text = _to_traditional(text)
    if html:
        text = _as_html(text, gold["document"]["title"])
    suffix = ".html" if html else ".txt"
    tag = "trad" if traditional else encoding.replace("-", "")
    name = f"syn{seed}_{number:06d}_{layout}_{tag}{suffix}"
    gold["source"] = name
    return SynthDoc(name, text.encode(encoding), gold)


class _Plan:
    """Draws one plan and writes it in one layout, keeping the gold in step."""

    def __init__(self, rng: random.Random, place: _Place, layout: str) -> None:
        self.rng, self.place, self.layout = rng, place, layout
        self.year = rng.randrange(2018, 2025)
        self.kind = rng.choice(KINDS) if layout != "news" else rng.choice(KINDS[:2])
        self.period = (self.year, self.year + 2)
        topic = rng.choice(PLAN_TOPICS)
        self.title = place.name + TITLE_OF_KIND[self.kind].format(
            topic=topic, start=self.period[0], end=self.period[1])
        self.month, self.day = rng.randrange(1, 13), rng.randrange(1, 29)
        abbreviation = place.province_short[0] + place.short[0]
        self.doc_number = f"{abbreviation}政办发〔{self.year}〕{rng.randrange(1, 60)}号"
        self.issuer = f"{place.name}人民政府办公室" if place.level is GovLevel.CITY \
            else f"{place.name}人民政府"
        # the issuing office is one of the document's departments (the gold's README rule)
        self.departments: list[str] = (
            [f"{place.prefix}政府办公室"] if place.level is GovLevel.CITY else [])
        self.tasks: list[dict[str, Any]] = []
        self.targets: list[dict[str, Any]] = []
        self.funding: list[dict[str, Any]] = []
        self.brands: list[str] = []
        self.enterprises: list[dict[str, Any]] = []

    # -- drawing -----------------------------------------------------------------------

    def _agency(self, stem: str) -> str:
        name = self.place.prefix + stem
        if name not in self.departments:
            self.departments.append(name)
        return name

    def _units(self) -> tuple[list[str], list[str]]:
        stems = self.rng.sample(DEPARTMENTS, self.rng.randrange(2, 6))
        names = [self._agency(stem) for stem in stems]
        return names[:1], names[1:]

    def _target(self, task_id: str | None, metric: str, unit: str, verb: str) -> str:
        year = self.period[1]
        value = self.rng.choice((90, 95, 98)) if unit == "%" else self.rng.choice(
            (5, 10, 20, 30, 50, 100, 200))
        qualifier = self.rng.choice(QUALIFIERS)
        self.targets.append({"task": task_id, "year": year, "metric": metric, "value": value,
                             "unit": unit, "qualifier": qualifier or None})
        self._awards(metric)
        if verb == "达到":
            self.targets[-1]["qualifier"] = qualifier or "达到"
            return f"到{year}年,{metric}{verb}{value}{unit}{qualifier}。"
        return f"到{year}年,{verb}{metric}{value}{unit}{qualifier}。"

    def _awards(self, text: str) -> None:
        for award in AWARDS:
            if award in text and award not in self.brands:
                self.brands.append(award)

    def _brand(self) -> str:
        pattern = self.rng.choice(BRANDS)
        brand = pattern.format(p=self.place.province_short, c=self.place.short)
        if brand not in self.brands:
            self.brands.append(brand)
        return brand

    def _enterprise(self) -> str:
        name = (self.place.short + self.rng.choice(FIRM_WORDS) + self.rng.choice(FIRM_TRADES)
                + self.rng.choice(FIRM_FORMS))
        if all(e["name"] != name for e in self.enterprises):
            self.enterprises.append({"name": name, "region": self.place.name, "brands": []})
        return name

    def _fund(self) -> str:
        amount = self.rng.choice((10, 20, 30, 50, 100))
        per = self.rng.choice(("once", "year"))
        recipient = self.rng.choice(("新获得省长质量奖的企业", "新认定的高新技术企业",
                                     "新认定的国家级专精特新“小巨人”企业", "新获评中华老字号的企业"))
        self.funding.append({"recipient": recipient, "amount": amount, "unit": "万元", "per": per})
        self._awards(recipient)
        if per == "once":
            return f"对{recipient},给予一次性奖励{amount}万元。"
        return f"对{recipient},每年给予{amount}万元资金支持。"

    # -- writing -----------------------------------------------------------------------

    def render(self) -> tuple[str, dict[str, Any]]:
        body = self._news() if self.layout == "news" else self._plan_text()
        gold = {
            "source": "",
            "document": {
                "title": self.title, "kind": self.kind, "issuer": self.issuer,
                "region": self.place.name, "level": self.place.level.value,
                # a news report dates itself, not the plan it reports
                "date": None if self.layout == "news" else
                f"{self.year}-{self.month:02d}-{self.day:02d}",
                "doc_number": None if self.layout == "news" else self.doc_number,
                "period": list(self.period) if self.kind == "action_plan" else None,
                "implements": [], "duplicate_of": None,
            },
            "tasks": self.tasks, "targets": self.targets, "funding": self.funding,
            "brands": self.brands, "departments": self.departments,
            "enterprises": self.enterprises,
        }
        return body, gold

    def _head(self) -> list[str]:
        return [
            f"{self.issuer}关于印发{self.title}的通知",
            self.doc_number,
            f"各{'县(市、区)' if self.place.level is GovLevel.CITY else '乡镇'}人民政府,"
            f"{self.place.prefix}政府各部门:",
            f"现将《{self.title}》印发给你们,请认真贯彻执行。",
            self.issuer,
            f"{self.year}年{self.month}月{self.day}日",
            self.title,
        ]

    def _plan_text(self) -> str:
        brand = self._brand()
        lines = self._head()
        lines.append(f"为深入实施质量强{self.place.prefix}和品牌战略,擦亮“{brand}”品牌,"
                     f"结合我{self.place.prefix}实际,制定本{_kind_word(self.kind)}。")
        lines.append("一、总体目标")
        lines.append(GUIDING + f"到{self.period[1]}年,全{self.place.prefix}品牌建设取得明显成效。")
        lines.append("二、重点任务")
        topics = self.rng.sample(TOPICS, self.rng.randrange(6, 13))
        if self.layout == "table":
            lines += self._table(topics)
        else:
            for n, (title, metric, unit, verb) in enumerate(topics):
                lines.append(self._item(n, title, metric, unit, verb))
        lines.append("三、保障措施")
        for n, title in enumerate(("加大资金支持", "强化示范引领"), 1):
            self.tasks.append({"id": f"三.({_numeral(n)})", "section": "保障措施",
                               "title": title, "lead": [], "co": []})
        lines.append(f"(一)加大资金支持。{self._fund()}{self._fund()}")
        firms = [self._enterprise() for _ in range(self.rng.randrange(1, 4))]
        lines.append(f"(二)强化示范引领。重点支持{'、'.join(firms)}等企业做大做强,"
                     f"争创“{self._brand()}”品牌。")
        lines.append(f"本{_kind_word(self.kind)}自印发之日起施行。")
        return "\n".join(lines) + "\n"

    def _item(self, n: int, title: str, metric: str, unit: str, verb: str) -> str:
        task_id = f"二.({_numeral(n + 1)})"
        lead, co = self._units()
        self.tasks.append({"id": task_id, "section": "重点任务", "title": title,
                           "lead": lead, "co": co})
        target = self._target(task_id, metric, unit, verb)
        marker = task_id.split(".", 1)[1]
        detail = "".join(self.rng.sample(FILLERS, self.rng.randrange(1, 4)))
        if self.layout == "lead_co":
            clause = f"({lead[0]}牵头," + ("、".join(co) + "配合)" if co else "")
            if not co:
                clause = f"({lead[0]}负责)"
            return f"{marker}{title}。{detail}{target}{clause}"
        units = "、".join(lead + co)
        return f"{marker}{title}。{detail}{target}(责任单位:{units})"

    def _table(self, topics: list[tuple[str, str, str, str]]) -> list[str]:
        rows = ["序号|重点任务|牵头单位|配合单位|完成时限"]
        for n, (title, metric, unit, verb) in enumerate(topics, 1):
            lead, co = self._units()
            task_id = f"二.{n}"
            self.tasks.append({"id": task_id, "section": "重点任务", "title": title,
                               "lead": lead, "co": co})
            self.targets.append({"task": task_id, "year": self.period[1], "metric": metric,
                                 "value": 10, "unit": unit, "qualifier": "以上"})
            self._awards(metric)
            rows.append(f"{n}|{title},{verb}{metric}10{unit}以上|{lead[0]}|{'、'.join(co)}|"
                        f"{self.period[1]}年底前")
        return rows

    def _news(self) -> str:
        place = self.place
        lines = [f"{place.name}印发《{self.title}》", f"{self.year}-{self.month:02d}-"
                 f"{self.day:02d} 来源:{place.name}人民政府网"]
        brand = self._brand()
        lines.append(f"近日,{self.issuer}印发《{self.title}》(以下简称《方案》),"
                     f"提出以“{brand}”建设为引领,推动全{place.prefix}高质量发展。")
        for n, (title, metric, unit, verb) in enumerate(
                self.rng.sample(TOPICS, self.rng.randrange(3, 6))):
            lead, co = self._units()
            task_id = _numeral(n + 1)
            self.tasks.append({"id": task_id, "section": None, "title": title,
                               "lead": lead, "co": co})
            target = self._target(task_id, metric, unit, verb)
            helpers = f",{'、'.join(co)}配合" if co else ""
            lines.append(f"{task_id}是{title}。由{lead[0]}牵头{helpers},{target}")
        lines.append(f"《方案》明确,{self._fund()}")
        firm = self._enterprise()
        lines.append(f"目前,{firm}等一批企业已纳入重点培育名单。")
        return "\n".join(lines) + "\n"


def _numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1 … 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else NUMERALS[tens - 1] + "十"
    return head + (NUMERALS[ones - 1] if ones else "")


def _kind_word(kind: str) -> str:
    return {"implementation_opinion": "实施意见", "action_plan": "方案", "measures": "措施"}[kind]


@cache
def _converter() -> Any:
    import opencc

    try:
        return opencc.OpenCC("s2t")
    except Exception:  # older releases of the binding want the config file's name
        return opencc.OpenCC("s2t.json")


def _to_traditional(text: str) -> str:
    return str(_converter().convert(text))


def _as_html(text: str, title: str) -> str:
    from html import escape

    body = "\n".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    return (f"<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title></head>\n<body>\n<div class=\"article\">\n{body}\n"
            f"</div>\n</body></html>\n")
