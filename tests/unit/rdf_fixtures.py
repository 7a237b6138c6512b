"""Small hand-made extractions for the RDF tests.

Four sources: the Jinan action plan (002), a news copy of it marked as its duplicate (003),
the untitled Dezhou implementation opinion (001) that implements the provincial measures,
and the provincial measures themselves (000).  Jinan and Dezhou each have a 市市场监管局.
Dezhou names an enterprise with its brand and a programme it is listed in; ``REGISTER`` is
a small published list of the 好品山东 programme naming the same enterprise and a regional
brand of a county-level city (青州市 within 潍坊市 within 山东省).
"""

from __future__ import annotations

from ontology.model import (
    Agency,
    Brand,
    BrandKind,
    DocumentKind,
    DocumentMeta,
    Enterprise,
    Evidence,
    Extraction,
    Funding,
    FundingPer,
    GovLevel,
    Qualifier,
    Recognition,
    Register,
    RegisterEntry,
    Target,
    Task,
)

JINAN_TITLE = "济南市深入实施品牌战略三年行动计划(2020-2022年)"
PROVINCE_TITLE = "关于共建共享“好品山东”推动高质量发展若干措施"

JINAN_SOURCE = "002_jinan.txt"
COPY_SOURCE = "003_jinan_copy.txt"
DEZHOU_SOURCE = "001_dezhou.txt"
PROVINCE_SOURCE = "000_province.txt"
REGISTER_SOURCE = "haopin_list.csv"
FIRM = "山东德州扒鸡股份有限公司"


def evidence(
    source: str, start: int, end: int, sentence: str, section: str | None = None
) -> Evidence:
    """Evidence of a fact in ``source``."""
    return Evidence(source=source, section=section, start=start, end=end, sentence=sentence)


JINAN = Extraction(
    source=JINAN_SOURCE,
    source_title="济南市深入实施品牌战略三年行动计划",
    source_sha256="0" * 64,
    document=DocumentMeta(
        title=JINAN_TITLE,
        kind=DocumentKind.ACTION_PLAN,
        issuer="济南市人民政府",
        region="济南市",
        level=GovLevel.CITY,
        period=(2020, 2022),
    ),
    tasks=(
        Task(
            id="三.1",
            section="主要任务",
            title="实施品牌培育工程",
            lead=("市市场监管局",),
            co=("市发展改革委",),
            deadline="2022年6月底前", due_year=2022, due_month=6,
            evidence=evidence(JINAN_SOURCE, 100, 130, "实施品牌培育工程。", "三.1"),
        ),
        Task(
            id="三.2",
            section="主要任务",
            title="实施标准引领工程",
            lead=("济南市市场监督管理局",),  # an alias: resolves to 市市场监管局
            evidence=evidence(JINAN_SOURCE, 131, 160, "实施标准引领工程。", "三.2"),
        ),
    ),
    targets=(
        Target(
            task="三.1",
            year=2022,
            metric="培育山东省高端产品品牌",
            value=300,
            unit="家",
            qualifier=Qualifier.AT_LEAST,
            evidence=evidence(JINAN_SOURCE, 40, 70, "到2022年，培育山东省高端产品品牌300家以上。"),
        ),
        Target(task=None, year=2022, metric="服务业顾客满意度", value=88.5, unit="分"),
    ),
    funding=(
        Funding(
            recipient="新获得市长质量奖的组织",
            amount=50,
            unit="万元",
            per=FundingPer.ONCE,
            evidence=evidence(JINAN_SOURCE, 200, 240, "对新获得市长质量奖的组织给予50万元奖励。"),
        ),
    ),
    brands=(
        Brand(name="好品山东", kind=BrandKind.PROGRAMME),
        Brand(name="泰山品质", kind=BrandKind.CERTIFICATION),
    ),
    agencies=(
        Agency(
            name="市市场监管局",
            region="济南市",
            level=GovLevel.CITY,
            aliases=("济南市市场监督管理局",),
            evidence=evidence(JINAN_SOURCE, 10, 20, "济南市市场监督管理局召开新闻发布会。"),
        ),
        Agency(name="市发展改革委"),
    ),
)

JINAN_COPY = Extraction(
    source=COPY_SOURCE,
    source_title="济南出台品牌战略三年行动计划",
    document=DocumentMeta(
        title="济南市深入实施品牌战略三年行动计划（2020-2022年）",
        kind=DocumentKind.ACTION_PLAN,
        issuer="济南市人民政府",
        region="济南市",
        level=GovLevel.CITY,
        period=(2020, 2022),
        duplicate_of="002_jinan",
    ),
    tasks=(
        Task(
            id="三.1",
            section="主要任务",
            title="实施品牌培育工程",
            lead=("市市场监管局",),
            evidence=evidence(COPY_SOURCE, 300, 330, "实施品牌培育工程。"),
        ),
    ),
    targets=(
        Target(
            task="三.1",
            year=2022,
            metric="培育山东省高端产品品牌",
            value=300.0,
            unit="家",
            qualifier=Qualifier.AT_LEAST,
            evidence=evidence(COPY_SOURCE, 250, 280, "到2022年，培育山东省高端产品品牌300家以上。"),
        ),
    ),
    brands=(Brand(name="好品山东", kind=BrandKind.PROGRAMME), Brand(name="济南品牌")),
    agencies=(Agency(name="市市场监管局", region="济南市", level=GovLevel.CITY),),
)

DEZHOU = Extraction(
    source=DEZHOU_SOURCE,
    document=DocumentMeta(
        title=None,
        kind=DocumentKind.IMPLEMENTATION_OPINION,
        issuer="德州市人民政府",
        region="德州市",
        level=GovLevel.CITY,
        date="2021-09-02",
        implements=(PROVINCE_TITLE,),
    ),
    tasks=(
        Task(
            id="二.(一)",
            section="重点任务",
            title="大力实施质量强市和品牌战略,科学构建品牌体系",
            lead=("市市场监管局",),
            co=("德州海关", "市发展改革委"),
            evidence=evidence(DEZHOU_SOURCE, 500, 560, "大力实施质量强市和品牌战略,科学构建品牌体系。",
                              "二.(一)"),
        ),
    ),
    targets=(
        Target(
            task="二.(一)",
            year=2025,
            metric="新增省长质量奖",
            value=1,
            unit="家",
            qualifier=Qualifier.AT_LEAST,
            evidence=evidence(DEZHOU_SOURCE, 600, 630, "到2025年，新增省长质量奖1家以上。"),
        ),
        Target(
            task="二.(一)",
            year=2025,
            metric="品牌竞争力位居全省前列",
            evidence=evidence(DEZHOU_SOURCE, 640, 660, "品牌竞争力位居全省前列。"),
        ),
        Target(task="二.(一)", year=None, metric="每年培育星级上云企业", value=50, unit="家"),
    ),
    brands=(Brand(name="好品山东", kind=BrandKind.PROGRAMME),),
    agencies=(
        Agency(
            name="市市场监管局",
            region="德州市",
            level=GovLevel.CITY,
            evidence=evidence(DEZHOU_SOURCE, 700, 706, "市市场监管局"),
        ),
        Agency(name="德州海关", region="德州市", level=GovLevel.CITY),
        Agency(name="市发展改革委", region="德州市", level=GovLevel.CITY),
    ),
    enterprises=(
        Enterprise(
            name=FIRM, region="德州市", brands=("德州扒鸡",),
            recognitions=(Recognition(programme="中华老字号"),),
            evidence=evidence(DEZHOU_SOURCE, 800, 812, FIRM),
        ),
    ),
)

PROVINCE = Extraction(
    source=PROVINCE_SOURCE,
    document=DocumentMeta(
        title=f"《{PROVINCE_TITLE}》",
        kind=DocumentKind.MEASURES,
        issuer="山东省人民政府",
        region="山东省",
        level=GovLevel.PROVINCE,
        doc_number="鲁政字〔2021〕25号",
    ),
    tasks=(
        Task(
            id="一",
            section="构建品牌体系",
            title="构建品牌体系",
            lead=("省市场监管局",),
            evidence=evidence(PROVINCE_SOURCE, 0, 12, "构建品牌体系。"),
        ),
    ),
    agencies=(
        Agency(
            name="省市场监管局",
            region="山东省",
            level=GovLevel.PROVINCE,
            aliases=("山东省市场监督管理局",),
        ),
    ),
)

ALL = (JINAN, JINAN_COPY, DEZHOU, PROVINCE)

REGISTER = Register(
    source=REGISTER_SOURCE,
    programme="好品山东",
    title="第一批“好品山东”品牌名单",
    batch=1,
    year=2022,
    agency=Agency(name="省市场监管局", region="山东省", level=GovLevel.PROVINCE),
    entries=(
        RegisterEntry(row=2, enterprise=FIRM, brand="德州扒鸡", product="扒鸡",
                      region="德州市", region_path=("山东省",)),
        RegisterEntry(row=3, brand="青州花卉", category="区域品牌", region="青州市",
                      region_path=("山东省", "潍坊市")),
    ),
)
REGISTERS = (REGISTER,)

#: graph_summary of build_graph(ALL), counted by hand.
ALL_COUNTS = {
    "plans": 3,  # Jinan (002 + 003), Dezhou, the provincial measures
    "sources": 4,
    "sections": 3,  # 主要任务, 重点任务, 构建品牌体系
    "tasks": 4,  # 三.1 (002 + 003), 三.2, 二.(一), 一
    "agencies": 9,  # 3 Jinan (incl. issuer), 4 Dezhou (incl. issuer), 2 province
    "regions": 3,
    "targets": 5,  # 2 Jinan (the copy's target merges), 3 Dezhou
    "funding": 1,
    "brands": 5,  # 好品山东, 泰山品质, 济南品牌, 德州扒鸡, 中华老字号
    "enterprises": 1,  # 山东德州扒鸡股份有限公司
    "recognitions": 1,  # ... in 中华老字号 (from the text)
    "alignments": 1,  # Dezhou's 二.(一) carries out the province's 构建品牌体系
    "evidence": 13,  # 002: 5, 003: 2, 001: 5, 000: 1
    "lead_links": 4,  # 三.1 and 三.2 by Jinan's 市市场监管局, Dezhou, province
    "co_links": 3,  # Jinan 市发展改革委, 德州海关, Dezhou 市发展改革委
}

#: graph_summary of build_graph(ALL, REGISTERS): the list adds its source, two recognitions,
#: the brand 青州花卉 and the regions 青州市 and 潍坊市; its firm and 德州扒鸡 merge.
REGISTER_COUNTS = {**ALL_COUNTS, "sources": 5, "recognitions": 3, "brands": 6, "regions": 5}

