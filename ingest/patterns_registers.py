"""Chinese markers of published lists (registers): column headers and title words.

A register is a table an agency publishes: 序号 | 企业名称 | 品牌名称 | 所在地 | 类别 ….
Each field of :class:`~ontology.model.RegisterEntry` is recognised by the usual names of
its column; a header cell is compared after :func:`header_key` (no spaces, asterisks or
brackets), first as a whole, then by the longest name it starts with.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType
from typing import Final

#: Column names per field, most specific first.  Examples: ``企业名称``, ``申报主体``,
#: ``品牌名称``, ``注册商标``, ``产品名称``, ``所在地区``, ``县(市、区)``, ``类别``, ``批次``.
HEADERS: Final = MappingProxyType({
    "enterprise": ("企业名称", "企业全称", "单位名称", "申报主体", "申报单位", "申报企业", "主体名称",
                   "获奖单位", "获奖企业", "入选企业", "生产企业", "品牌持有人", "品牌持有单位",
                   "商标注册人", "注册人", "公司名称", "经营主体", "企业", "单位"),
    "brand": ("品牌名称", "品牌", "商标名称", "注册商标", "商标", "老字号名称", "字号", "区域公用品牌",
              "产品品牌"),
    "product": ("产品名称", "主要产品", "产品(服务)", "产品/服务", "产品或服务", "服务名称", "产品",
                "品种", "核定使用商品"),
    "region": ("所在地区", "所属地区", "所在地", "所属地", "所在市", "所属市", "所在县区", "县(市、区)",
               "县市区", "区县", "地区", "地市", "城市", "市别"),
    "category": ("品牌类别", "类别", "类型", "所属行业", "行业", "领域", "产业类别"),
    "programme": ("称号", "荣誉称号", "入选名单", "项目名称"),
    "batch": ("批次",),
    "year": ("认定年份", "入选年份", "年份", "年度"),
})
#: Columns a register may have that carry nothing to import.  Example: ``序号``.
IGNORED_HEADERS: Final = ("序号", "编号", "行号", "排名", "备注", "得分", "联系人", "电话")

#: Labels of the lines above a header that say who published the list and of what:
#: ``发布单位,山东省农业厅``, ``称号,中华老字号``.
META_LABELS: Final = MappingProxyType({
    "agency": ("发布单位", "发布机关", "公布单位", "认定单位", "认定机关", "发布部门"),
    "programme": ("称号", "品牌工程", "项目", "名单类别"),
    "batch": ("批次",),
    "year": ("年份", "年度"),
})

#: A list's title: ``第一批“好品山东”品牌名单``, ``2023年中华老字号名录``.
LIST_TITLE: Final = re.compile(r"(?:名单|名录|目录|公示|公告|名称表|一览表)")
#: A batch: ``第三批`` → 3.
BATCH: Final = re.compile(r"第\s*([0-9一二三四五六七八九十]+)\s*批")
#: A year of a list: ``2023年`` (four digits, 19xx or 20xx).
YEAR: Final = re.compile(r"((?:19|20)\d{2})\s*年?")
#: The programme a title names in quotes: ``“好品山东”`` in ``第一批“好品山东”品牌名单``.
QUOTED_PROGRAMME: Final = re.compile(r"[“\"「]([^”\"」]{2,20})[”\"」]")

_NOISE: Final = re.compile(r"[\s*:]+")  # compared after NFKC, so full-width forms too


def header_key(cell: str) -> str:
    """A header cell as compared: NFKC, no spaces, asterisks or colons."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", cell))


def _normalised_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for field, headers in HEADERS.items():
        for header in headers:
            names.setdefault(header_key(header), field)
    return names


_NAMES: Final = _normalised_names()
_BY_LENGTH: Final = sorted(_NAMES, key=len, reverse=True)


def field_of(cell: str) -> str | None:
    """The field a header cell names (``申报主体`` → ``enterprise``), or None."""
    key = header_key(cell)
    if not key:
        return None
    if key in _NAMES:
        return _NAMES[key]
    if key in {header_key(h) for h in IGNORED_HEADERS}:
        return None
    for name in _BY_LENGTH:
        if len(name) >= 2 and key.startswith(name):
            return _NAMES[name]
    return None
