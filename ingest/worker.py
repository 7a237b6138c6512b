"""Warm-up of an extraction worker: imported once by the fork server of :mod:`ingest.parallel`.

Importing this module extracts one small plan, so the lazily built tables — the gazetteer
of divisions, OpenCC's converters, the frequency tables of the decoder, compiled patterns —
exist in the fork server before it forks, and every worker starts with them instead of
building them again on its first document (about a second each on this machine).
"""

from __future__ import annotations

from ingest.corpus import extract_document

#: A plan small enough to extract in milliseconds that still passes every stage.
WARM_UP_PLAN = (
    "济南市人民政府办公厅关于印发济南市品牌建设三年行动方案的通知\n"
    "一、重点任务\n"
    "(一)实施质量强市战略。到2025年,新增省长质量奖1家以上。对获奖企业给予一次性奖励50万元。"
    "(责任单位:市市场监管局、市财政局)\n"
    "(二)培育“泉城优品”品牌。支持山东华泰食品有限公司做大做强。(市商务局牵头,市科技局配合)\n"
)

extract_document("warm-up.txt", WARM_UP_PLAN.encode("utf-8"))
extract_document("warm-up-trad.txt", WARM_UP_PLAN.encode("gb18030"))
