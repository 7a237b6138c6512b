"""The one table of Chinese government agency names and their aliases.

Each :class:`AgencyGroup` is one kind of department (market regulation,
development and reform …) with every spelling a document may use for it.  The
level prefix (国家/省/市/县/区) is not part of the stem: ``省市场监管局`` and
``市市场监管局`` are the same group at different levels.  A document's own
short form wins over the table's default (see :mod:`ingest.agencies`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgencyGroup:
    """One kind of department: a default short form and every other spelling."""

    short: str
    variants: tuple[str, ...]
    #: Provincial departments are often called 厅 instead of 局 (商务厅).
    province_short: str | None = None


def _g(short: str, *variants: str, province: str | None = None) -> AgencyGroup:
    return AgencyGroup(short, (short, *variants), province)


#: Departments of people's governments (and the bodies that share their lists).
#: Examples: 济南市市场监督管理局 → 市场监管局; 四川省发展和改革委员会 → 发展改革委.
AGENCY_GROUPS: tuple[AgencyGroup, ...] = (
    _g("市场监管局", "市场监督管理局", province="市场监管局"),
    _g("发展改革委", "发展和改革委员会", "发展改革委员会", "发展和改革委", "发改委"),
    # a county's (or a district's) body of the same work is a bureau
    _g("发展改革局", "发展和改革局", "发改局"),
    _g("工业和信息化局", "工业和信息化委员会", "工信局", "工信委", "工信厅", province="工业和信息化厅"),
    _g("经信委", "经济和信息化委员会", "经济和信息化局", "经信局"),
    _g("科技局", "科学技术局", "科学技术委员会", "科委", province="科技厅"),
    _g("财政局", province="财政厅"),
    _g("人力资源社会保障局", "人力资源和社会保障局", "人社局", "人力资源和社会保障厅",
       province="人力资源社会保障厅"),
    _g("住房城乡建设局", "住房和城乡建设局", "住建局", "住房和城乡建设委员会", "住建委",
       province="住房城乡建设厅"),
    _g("农业农村局", "农业农村委员会", "农业局", province="农业农村厅"),
    _g("农牧局", "农牧业局", province="农牧厅"),
    _g("商务局", "商务委员会", "商务委", province="商务厅"),
    _g("自然资源局", "自然资源和规划局", "国土资源局", province="自然资源厅"),
    _g("生态环境局", "环境保护局", "环保局", province="生态环境厅"),
    _g("教育局", "教育委员会", "教委", province="教育厅"),
    _g("教育体育局", "教育和体育局", "教体局"),
    _g("公安局", province="公安厅"),
    _g("民政局", province="民政厅"),
    _g("司法局", province="司法厅"),
    _g("交通运输局", "交通局", province="交通运输厅"),
    _g("水利局", "水务局", province="水利厅"),
    _g("文化和旅游局", "文化广电和旅游局", "文广旅局", "文旅局", "文旅厅", "文化广电旅游局", "文体旅游局",
       "旅游和文化广电体育局", province="文化和旅游厅"),
    _g("旅文厅", "旅游和文化广电体育厅"),
    _g("卫生健康委", "卫生健康委员会", "卫健委", "卫生健康局", "卫健局"),
    _g("应急管理局", "应急局", province="应急管理厅"),
    _g("审计局", province="审计厅"),
    _g("统计局"),
    _g("医保局", "医疗保障局"),
    _g("地方金融监管局", "地方金融监督管理局", "金融办", "金融工作办公室"),
    _g("大数据局", "大数据管理局", "大数据发展管理局", "数据局", "数据资源管理局"),
    _g("大数据中心"),
    _g("知识产权局"),
    _g("体育局"),
    _g("林业局", "林业和草原局", "林草局"),
    _g("退役军人事务局", province="退役军人事务厅"),
    _g("乡村振兴局"),
    _g("信访局"),
    _g("机关事务管理局", "机关事务局"),
    _g("民族宗教事务局", "民宗局"),
    _g("人防办", "人民防空办公室"),
    _g("政务服务管理局", "政务服务局"),
    _g("国资委", "国有资产监督管理委员会", "国有资产监管委"),
    _g("外办", "外事办公室", "外事办"),
    _g("税务局"),
    _g("行政审批服务局", "行政审批局"),
    _g("城市管理局", "城管局", "城市管理综合执法局"),
    _g("粮食和物资储备局", "粮食局"),
    _g("能源局"),
    _g("广电局", "广播电视局"),
    _g("药监局", "药品监督管理局"),
    _g("质监局", "质量技术监督局"),
    _g("气象局"),
    _g("邮政管理局"),
    _g("投资促进局"),
    _g("口岸办", "口岸办公室"),
    _g("食安委", "食品安全委员会"),
    _g("食安办", "食品安全委员会办公室", "食品安全办公室"),
    _g("编办", "机构编制委员会办公室"),
    _g("政府办公室", "人民政府办公室", "政府办"),
    _g("政府办公厅", "人民政府办公厅"),
    _g("委办公厅"),
    _g("党委办公厅"),
    _g("党委办公室"),
    _g("政府督查室", "人民政府督查室", "政府督查办"),
    _g("经贸委", "经济贸易委员会", "经济和贸易委员会"),
    _g("委办公室"),
    _g("人大常委会办公室", "人大常委会办公厅"),
    _g("政协办公室", "政协办公厅"),
    _g("监委", "监察委员会", "纪委监委"),
    _g("法院", "中级人民法院", "人民法院", "高级人民法院"),
    _g("检察院", "人民检察院"),
    _g("总工会"),
    _g("工商联", "工商业联合会"),
    _g("妇联", "妇女联合会"),
    _g("科协", "科学技术协会"),
    _g("残联", "残疾人联合会"),
    _g("供销社", "供销合作社"),
    _g("贸促会", "国际贸易促进委员会"),
    _g("银保监分局", "银保监局"),
    _g("金融监管分局", "金融监督管理分局", "金融监管局"),
    _g("人民银行", "人民银行分行", "人民银行中心支行"),
)

#: Groups whose short form is always written, whatever the document writes: an issuing
#: notice's ``区人民政府办公室`` is the department ``区政府办公室``.
ALWAYS_SHORT: frozenset[str] = frozenset({"政府办公室", "政府办公厅"})

#: Organisations of the Communist Youth League are named 团 + level + 委 (团市委).
YOUTH_LEAGUE_NAMES: tuple[str, ...] = ("团中央", "团省委", "团市委", "团县委", "团区委")

#: Level prefixes: the character a short form starts with, and its level.
LEVEL_PREFIXES: dict[str, str] = {
    "国家": "national",
    "省": "province",
    "自治区": "province",
    "市": "city",
    "州": "city",
    "县": "county",
    "区": "county",
}

#: Names of governments and party centres: never departments (gold convention).
#: Examples: 国务院, 省政府, 德州市人民政府, 中共中央, 市委.
GOVERNMENT_NAMES: frozenset[str] = frozenset(
    {
        "国务院", "党中央", "中共中央", "中央", "省政府", "市政府", "县政府", "区政府",
        "省委", "市委", "县委", "区委", "人民政府", "省人民政府", "市人民政府",
    }
)

#: Provinces and provincial-level units, for telling a place from a word.
PROVINCES: tuple[str, ...] = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏",
    "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南",
    "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
    "宁夏", "新疆", "香港", "澳门",
)

#: Provinces whose full name does not end in 省.
PROVINCE_FULL_NAMES: dict[str, str] = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区", "香港": "香港特别行政区",
    "澳门": "澳门特别行政区",
}

#: One-character abbreviations of provinces used in document numbers (鲁政字〔2021〕25号).
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西",
    "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江", "皖": "安徽",
    "闽": "福建", "赣": "江西", "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南",
    "粤": "广东", "琼": "海南", "川": "四川", "蜀": "四川", "黔": "贵州", "贵": "贵州",
    "滇": "云南", "云": "云南", "陕": "陕西", "秦": "陕西", "甘": "甘肃", "陇": "甘肃",
    "青": "青海", "蒙": "内蒙古", "桂": "广西", "藏": "西藏", "宁": "宁夏", "新": "新疆",
}


def province_full_name(short: str) -> str:
    """``山东`` → ``山东省``; ``广西`` → ``广西壮族自治区``."""
    return PROVINCE_FULL_NAMES.get(short, short + "省")


def build_variant_index() -> dict[str, AgencyGroup]:
    """Map every spelling (without level prefix) to its group."""
    index: dict[str, AgencyGroup] = {}
    for group in AGENCY_GROUPS:
        for variant in group.variants:
            index.setdefault(variant, group)
        if group.province_short:
            index.setdefault(group.province_short, group)
    return index
