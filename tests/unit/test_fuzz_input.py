"""Hostile input, fuzzed: the reader and the extractor never crash and never hang.

Hypothesis feeds arbitrary bytes, files mixing UTF-8 with GB18030 and Big5 lines, control
characters, enormous lines and deeply nested HTML to :func:`ingest.reader.decode_bytes` and
to the whole per-document function :func:`ingest.corpus.extract_document`.  Each must give an
answer — text, an extraction, or one of the ingest layer's problems — and never another
exception; every example is bounded in time (the normaliser's own properties are fuzzed in
``test_normalize.py``).
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.corpus import extract_document
from ingest.errors import IngestError
from ingest.reader import decode_bytes

#: Seconds one example may take, far above what any takes (a hang shows as a failure).
BOUND = 30.0
COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使"
    "点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明"
    "看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料"
    "象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶"
    "油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议"
    "声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影"
    "算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何"
    "除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属"
    "圆包火住调满县局照参红细引听该铁价严"
)
HANZI = st.text(alphabet=COMMON, min_size=4, max_size=40)


def _answers(data: bytes, name: str = "fuzz.txt") -> None:
    began = time.monotonic()
    outcome = extract_document(name, data)
    assert time.monotonic() - began < BOUND
    assert (outcome.extraction is None) != (outcome.problem is None)
    if outcome.problem is not None:
        assert "\n" not in outcome.problem and outcome.problem.strip()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_decode_or_are_one_problem(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data, "fuzz.txt")
    except IngestError as error:
        assert error.problem and "\n" not in error.problem
    else:
        assert text.strip() and encoding


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(HANZI, st.sampled_from(["utf-8", "gb18030", "big5"])),
                min_size=1, max_size=12))
def test_lines_mixing_utf8_gb18030_and_big5_decode(lines: list[tuple[str, str]]) -> None:
    encodable = [(text, enc) for text, enc in lines if _encodes(text, enc)]
    data = b"".join((text + "\n").encode(enc) for text, enc in encodable)
    if not data:
        return
    text, encoding = decode_bytes(data, "mixed.txt")
    legacy = {enc for _, enc in encodable if enc != "utf-8"}
    if len(legacy) <= 1:  # one legacy encoding beside UTF-8: every line comes back
        assert text == "".join(t + "\n" for t, _ in encodable), encoding
    assert text.count("\n") == len(encodable)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HANZI, st.sampled_from(["(责任单位:市科技局、市财政局)", "一、", "(一)",
                                                  "到2025年,新增10家以上。", "\n", "|"]),
                          st.text(st.characters(max_codepoint=0x3000), max_size=5)),
                max_size=60).map("".join),
       st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_the_extractor_answers_any_text_in_any_encoding(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    _answers(data)


@settings(max_examples=40, deadline=None)
@given(HANZI, st.lists(st.sampled_from([chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)]),
                       min_size=1, max_size=30))
def test_control_characters_inside_a_plan(words: str, controls: list[str]) -> None:
    body = f"一、重点任务\n(一){words}。(责任单位:市科技局)\n"
    mixed = "".join(c + (controls[i % len(controls)] if i % 5 == 0 else "") for i, c in enumerate(body))
    _answers(mixed.encode("utf-8"))


@settings(max_examples=5, deadline=None)
@given(st.integers(min_value=1_000, max_value=20_000), st.sampled_from(["div", "span", "table"]))
def test_deeply_nested_html(depth: int, tag: str) -> None:
    page = f"<html><body>{f'<{tag}>' * depth}一、重点任务<br>(一)加强质量建设。(责任单位:市市场监管局)" \
           f"{f'</{tag}>' * depth}</body></html>"
    _answers(page.encode("utf-8"), "deep.html")


@settings(max_examples=3, deadline=None)
@given(HANZI, st.integers(min_value=20_000, max_value=100_000))
def test_an_enormous_line(words: str, length: int) -> None:
    line = (words + ",到2025年,新增企业10家以上,") * (length // (len(words) + 16) + 1)
    _answers(("一、重点任务\n" + line[:length] + "\n").encode("utf-8"))
