"""A small hand-made property graph for the network view tests.

Provincial measures P0; the Dezhou opinion P1 implements it (section S1 with tasks
T1, T2) and mentions 好品山东; the Jinan plan P2 has task T3 without a section and a
plan-level target naming 泰山品质.  市科技局 (A1) leads T1, 市市场监管局 (A2) leads T2
and shares T1, 市财政局 (A3, in Jinan) leads T3 and shares T2.
"""

from __future__ import annotations

from graph.property_graph import NodeRow, PropertyGraph, RelRow
from ontology.model import NodeKind, RelKind

P0, P1, P2 = "plan/p0", "plan/p1", "plan/p2"
S1 = "section/s1"
T1, T2, T3 = "task/t1", "task/t2", "task/t3"
A1, A2, A3 = "agency/city-a1", "agency/city-a2", "agency/city-a3"
R1, R2 = "region/r1", "region/r2"
G1, G2 = "target/g1", "target/g2"
B1, B2, B3 = "brand/b1", "brand/b2", "brand/b3"
E1, SRC = "evidence/src.txt/10-30", "source/src.txt"

T1_TITLE = "加大科技研发力度,完善技术创新体系"
T1_SENTENCE = "(三)加大科技研发力度,完善技术创新体系。"

K = NodeKind
_NODES = [
    NodeRow(K.PLAN, P0, {"title": "关于共建共享“好品山东”推动高质量发展若干措施",
                         "level": "province"}),
    NodeRow(K.PLAN, P1, {"title": "德州市实施意见", "level": "city", "issued": "2021-09-02"}),
    NodeRow(K.PLAN, P2, {"title": "济南市深入实施品牌战略三年行动计划(2020-2022年)",
                         "periodStart": 2020, "periodEnd": 2022}),
    NodeRow(K.SECTION, S1, {"name": "重点任务"}),
    NodeRow(K.TASK, T1, {"title": T1_TITLE, "taskId": "二.(三)"}),
    NodeRow(K.TASK, T2, {"title": "大力实施标准化战略,科学打造标准体系", "taskId": "二.(二)"}),
    NodeRow(K.TASK, T3, {"title": "开展泰山品质认证", "taskId": "二.1"}),
    NodeRow(K.AGENCY, A1, {"name": "市科技局", "level": "city"}),
    NodeRow(K.AGENCY, A2, {"name": "市市场监管局", "level": "city", "aliases": ["市场监管局"]}),
    NodeRow(K.AGENCY, A3, {"name": "市财政局", "level": "city"}),
    NodeRow(K.REGION, R1, {"name": "济南市"}),
    NodeRow(K.REGION, R2, {"name": "德州市"}),
    NodeRow(K.TARGET, G1, {"metric": "培育高新技术企业", "year": 2025, "value": 500.0,
                           "unit": "家", "qualifier": "左右"}),
    NodeRow(K.TARGET, G2, {"metric": "“泰山品质”认证品牌", "year": 2022, "value": 8.0,
                           "unit": "个", "qualifier": "达到"}),
    NodeRow(K.BRAND, B1, {"name": "好品山东", "brandKind": "brand"}),
    NodeRow(K.BRAND, B2, {"name": "泰山品质", "brandKind": "certification"}),
    NodeRow(K.BRAND, B3, {"name": "省长质量奖", "brandKind": "award"}),
    NodeRow(K.EVIDENCE, E1, {"sentence": T1_SENTENCE, "spanStart": 10, "spanEnd": 30}),
    NodeRow(K.SOURCE, SRC, {"fileName": "src.txt"}),
]

R = RelKind
_RELS = [
    RelRow(R.IMPLEMENTS, P1, P0),
    RelRow(R.GOVERNS, P1, R2), RelRow(R.GOVERNS, P2, R1),
    RelRow(R.HAS_SECTION, P1, S1),
    RelRow(R.HAS_TASK, P1, T1), RelRow(R.HAS_TASK, P1, T2), RelRow(R.HAS_TASK, P2, T3),
    RelRow(R.IN_SECTION, T1, S1), RelRow(R.IN_SECTION, T2, S1),
    RelRow(R.LEADS, A1, T1), RelRow(R.LEADS, A2, T2), RelRow(R.LEADS, A3, T3),
    RelRow(R.CO_RESPONSIBLE_FOR, A2, T1), RelRow(R.CO_RESPONSIBLE_FOR, A3, T2),
    RelRow(R.IN_REGION, A1, R2), RelRow(R.IN_REGION, A2, R2), RelRow(R.IN_REGION, A3, R1),
    RelRow(R.HAS_TARGET, T1, G1), RelRow(R.HAS_TARGET, P2, G2),
    RelRow(R.MENTIONS_BRAND, P1, B1),
    RelRow(R.HAS_EVIDENCE, T1, E1), RelRow(R.FROM_SOURCE, E1, SRC),
]


def small_graph() -> PropertyGraph:
    """The hand-made graph, sorted like :func:`graph.property_graph.from_rdf` sorts."""
    return PropertyGraph(
        nodes=tuple(sorted(_NODES, key=lambda n: n.key)),
        rels=tuple(sorted(_RELS, key=lambda r: (r.kind.value, r.start, r.end))),
    )
