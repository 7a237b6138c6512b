"""Reading files and detecting their encoding."""

from __future__ import annotations

import codecs
import hashlib
import pickle
from pathlib import Path

import pytest

from ingest.errors import (
    BinaryDocument,
    EmptyDocument,
    IngestError,
    NoStructure,
    TooLarge,
    UndecodableDocument,
)
from ingest.reader import SourceText, decode_bytes, read_document

SIMPLIFIED = "到2025年，全省质量推动经济社会发展的作用明显提升，人民群众质量获得感持续增强。"
TRADITIONAL = "為貫徹落實中共中央、國務院《質量強國建設綱要》精神，統籌推進質量強省戰略。"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- decode_bytes --------------------------------------------------------------------------


def test_utf8_is_decoded_strictly() -> None:
    assert decode_bytes(SIMPLIFIED.encode(), "a.txt") == (SIMPLIFIED, "utf-8")


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    ],
)
def test_a_bom_decides_and_is_not_part_of_the_text(bom: bytes, codec: str, encoding: str) -> None:
    assert decode_bytes(bom + TRADITIONAL.encode(codec), "a.txt") == (TRADITIONAL, encoding)


def test_gb18030_bytes_are_detected() -> None:
    assert decode_bytes(SIMPLIFIED.encode("gb18030"), "a.txt") == (SIMPLIFIED, "gb18030")


def test_big5_bytes_are_detected_although_they_also_decode_as_gb18030() -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the ambiguity the scoring has to settle
    assert decode_bytes(data, "a.txt") == (TRADITIONAL, "big5")


@pytest.mark.parametrize("word", ["質量", "品牌", "發展", "濟南"])
def test_even_two_big5_characters_are_told_apart(word: str) -> None:
    assert decode_bytes(word.encode("big5"), "a.txt") == (word, "big5")


@pytest.mark.parametrize("word", ["质量", "品牌", "发展", "济南"])
def test_even_two_gb_characters_are_told_apart(word: str) -> None:
    assert decode_bytes(word.encode("gb18030"), "a.txt") == (word, "gb18030")


def test_gb18030_four_byte_characters_decode() -> None:
    text = "品牌𠀀建设"  # U+20000 needs GB18030's four-byte form
    assert decode_bytes(text.encode("gb18030"), "a.txt") == (text, "gb18030")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode()])
def test_empty_or_blank_bytes_raise_empty_document(data: bytes) -> None:
    with pytest.raises(EmptyDocument, match=r"^plan\.txt: "):
        decode_bytes(data, "plan.txt")


def test_a_bom_alone_is_empty() -> None:
    with pytest.raises(EmptyDocument):
        decode_bytes(codecs.BOM_UTF8, "plan.txt")


def test_nul_bytes_raise_binary_document() -> None:
    with pytest.raises(BinaryDocument, match="NUL"):
        decode_bytes(b"PK\x03\x04\x00\x00" + SIMPLIFIED.encode(), "plan.docx")


def test_many_control_bytes_raise_binary_document() -> None:
    with pytest.raises(BinaryDocument, match="control bytes"):
        decode_bytes(bytes(range(1, 9)) * 10 + b"text", "x.bin")


def test_a_few_control_bytes_are_still_text() -> None:
    text, _ = decode_bytes(b"\x0c" + SIMPLIFIED.encode() + b"\x1a", "a.txt")
    assert SIMPLIFIED in text


@pytest.mark.parametrize("data", [b"abc\xff", b"\x80", b"\xa4\x40\xff"])
def test_bytes_no_encoding_decodes_raise_undecodable(data: bytes) -> None:
    with pytest.raises(UndecodableDocument, match=r"^odd\.txt: "):
        decode_bytes(data, "odd.txt")


def test_broken_text_after_a_bom_is_undecodable() -> None:
    with pytest.raises(UndecodableDocument):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd", "a.txt")


# --- read_document -------------------------------------------------------------------------


def test_read_document_returns_text_name_encoding_and_hash(tmp_path: Path) -> None:
    data = TRADITIONAL.encode("big5")
    path = write(tmp_path, "plan.txt", data)
    assert read_document(path) == SourceText(
        path=path,
        name="plan.txt",
        text=TRADITIONAL,
        encoding="big5",
        sha256=hashlib.sha256(data).hexdigest(),
    )


def test_html_is_returned_raw(tmp_path: Path) -> None:
    page = "<html><body><p>质&amp;量</p></body></html>"
    path = write(tmp_path, "page.htm", page.encode())
    assert read_document(path).text == page


@pytest.mark.parametrize("suffix", [".md", ".html", ".csv", ""])
def test_any_suffix_is_read_as_text(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, f"plan{suffix}", SIMPLIFIED.encode("gb18030"))
    assert read_document(path).text == SIMPLIFIED


def test_a_file_over_the_limit_raises_too_large_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"x" * 11)
    with pytest.raises(TooLarge) as caught:
        read_document(path, max_bytes=10)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "a.txt", b"x" * 10), max_bytes=10).text == "x" * 10


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"", EmptyDocument), (b"\x00\x01", BinaryDocument), (b"\xff\xff", UndecodableDocument)],
)
def test_read_errors_name_the_file(tmp_path: Path, data: bytes, error: type[IngestError]) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(error) as caught:
        read_document(path)
    assert caught.value.path == str(path)


def test_a_missing_file_raises_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read") as caught:
        read_document(tmp_path / "missing.txt")
    assert isinstance(caught.value.__cause__, OSError)


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize("error", [EmptyDocument, BinaryDocument, UndecodableDocument, TooLarge, NoStructure])
def test_errors_share_a_base_and_a_message_shape(error: type[IngestError]) -> None:
    raised = error("docs/a.txt", "something is wrong")
    assert isinstance(raised, IngestError)
    assert (raised.path, raised.problem) == ("docs/a.txt", "something is wrong")
    assert str(raised) == "docs/a.txt: something is wrong"
    assert str(pickle.loads(pickle.dumps(raised))) == str(raised)


def test_an_error_without_a_path_still_reads_well() -> None:
    assert str(NoStructure(None, "no sections")) == "<text>: no sections"


# --- mixed encodings ---------------------------------------------------------------------


def test_a_file_mixing_gb18030_and_utf8_lines_is_decoded_line_by_line() -> None:
    lines = [SIMPLIFIED, "责任单位：市市场监管局、市发展改革委", "二、重点任务", "一", SIMPLIFIED]
    data = b"".join((line + "\n").encode("utf-8" if n % 2 else "gb18030")
                    for n, line in enumerate(lines))
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, encoding = decode_bytes(data, "mixed.txt")
    assert text == "".join(line + "\n" for line in lines)
    assert encoding == "utf-8+gb18030"


def test_a_big5_file_with_utf8_lines_is_decoded_line_by_line() -> None:
    data = (TRADITIONAL + "\n").encode("big5") + (SIMPLIFIED + "\r\n").encode("utf-8")
    assert decode_bytes(data, "mixed.txt") == (TRADITIONAL + "\n" + SIMPLIFIED + "\r\n",
                                               "utf-8+big5")


@pytest.mark.parametrize("word", ["一", "到", "由", "局长", "实施"])
def test_a_short_gb_line_that_happens_to_be_utf8_stays_gb(word: str) -> None:
    data = f"{SIMPLIFIED}\n{word}\n{SIMPLIFIED}\n".encode("gb18030")
    assert decode_bytes(data, "a.txt") == (f"{SIMPLIFIED}\n{word}\n{SIMPLIFIED}\n", "gb18030")
