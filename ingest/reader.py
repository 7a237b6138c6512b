"""Read a document from disk and decode it to text.

This is the only module of the ingest layer that does file I/O. Decoding is a pure function,
:func:`decode_bytes`, so it can be tested on bytes made in the test.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.errors import (
    BinaryDocument,
    EmptyDocument,
    IngestError,
    TooLarge,
    UndecodableDocument,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Files with other suffixes are still read as text; the list documents what is expected.
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})

# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The legacy Chinese encodings tried after UTF-8. GB18030 is a superset of GB2312 and GBK;
# cp950 is the Windows Big5 that most Big5 pages are really written in.
_LEGACY_ENCODINGS = ("gb18030", "big5", "cp950")

# The 500 most frequent characters of modern Chinese text (Simplified; the Traditional forms
# are derived with OpenCC). Two real characters decoded from the wrong encoding almost never
# both land here, so this settles GB-versus-Big5 even for very short texts.
_FREQUENT_HANZI = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
    "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
    "进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
    "新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
    "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
    "眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交"
    "规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
    "器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
    "首医局突专费号尽另周较注语仅考落青随选列"
)

# C0 control bytes other than tab, line feed, vertical tab, form feed, carriage return and
# escape; DEL is included. Text files hardly ever contain them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# A share above this marks the bytes as binary (a stray form feed or SUB does not).
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class SourceText:
    """The decoded text of one document, with where it came from."""

    path: Path
    name: str
    text: str
    encoding: str
    sha256: str


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read the file at ``path`` and decode it; HTML is returned raw (the normaliser strips it).

    Raises :class:`TooLarge` past ``max_bytes``, :class:`EmptyDocument`,
    :class:`BinaryDocument` or :class:`UndecodableDocument` as :func:`decode_bytes` does, and
    :class:`IngestError` when the file cannot be read.
    """
    return source_text(path, read_bytes(path, max_bytes))


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``; :class:`TooLarge` past ``max_bytes``,
    :class:`IngestError` when it cannot be read (a symbolic link loop is named as such)."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(where, f"file has {size} bytes, more than the limit of {max_bytes}")
        with path.open("rb") as handle:
            # Read one byte past the limit so a file that grew after stat() is still caught.
            data = handle.read(max_bytes + 1)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise IngestError(where, "symbolic link loop (the link leads back to itself)") from e
        raise IngestError(where, f"cannot read file ({e.strerror or type(e).__name__})") from e
    if len(data) > max_bytes:
        raise TooLarge(where, f"file has more than the limit of {max_bytes} bytes")
    return data


def source_text(path: Path, data: bytes) -> SourceText:
    """The decoded :class:`SourceText` of bytes read from ``path`` (no file access)."""
    text, encoding = decode_bytes(data, str(path))
    return SourceText(
        path=path,
        name=path.name,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; ``name`` is used in error messages.

    The order is: a byte-order mark, strict UTF-8, then GB18030 or Big5, whichever decodes
    strictly and yields more common CJK characters (charset-normalizer breaks a tie); a file
    mixing UTF-8 lines with GB18030 or Big5 lines is decoded line by line when that reads
    better than any one encoding (:func:`_mixed_lines`). A BOM is not part of the text.
    Raises :class:`EmptyDocument`, :class:`BinaryDocument` or :class:`UndecodableDocument`.
    """
    if not data:
        raise EmptyDocument(name, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise UndecodableDocument(name, f"invalid {encoding} after its BOM") from e
            return _checked(text.lstrip("\ufeff"), name), encoding
    _reject_binary(data, name)
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = _legacy_candidates(data)
    mixed = _mixed_lines(data)
    if mixed is not None and (not candidates or _score(mixed[0]) > max(map(_score, candidates.values()))):
        return _checked(mixed[0], name), mixed[1]
    if not candidates:
        raise UndecodableDocument(name, "bytes are neither UTF-8, GB18030 nor Big5")
    encoding = _best_candidate(data, candidates)
    return _checked(candidates[encoding], name), encoding


def _legacy_candidates(data: bytes) -> dict[str, str]:
    candidates: dict[str, str] = {}
    for encoding in _LEGACY_ENCODINGS:
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return candidates


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """A file whose lines are partly UTF-8 and partly GB18030/Big5, decoded line by line.

    Pages pasted together from two sources are like that.  A line counts as UTF-8 only
    when it decodes strictly *and* reads as Chinese (a short GB line can be valid UTF-8 by
    accident, as Cyrillic or Latin letters).  ``None`` when not one line is such UTF-8
    (then the file is legacy-encoded as a whole).  :func:`decode_bytes` takes it only when it
    reads better than any whole-file legacy decoding.  The encoding is named
    ``utf-8+gb18030`` (or ``+big5`` …), the legacy one chosen over all other lines at once.
    """
    lines = data.splitlines(keepends=True)
    utf8: dict[int, str] = {}
    for n, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(text):
            utf8[n] = text
    if not utf8:
        return None
    rest = b"".join(line for n, line in enumerate(lines) if n not in utf8)
    candidates = _legacy_candidates(rest) if rest else {}
    if rest and not candidates:
        return None
    legacy = _best_candidate(rest, candidates) if candidates else "utf-8"
    text = "".join(utf8[n] if n in utf8 else line.decode(legacy) for n, line in enumerate(lines))
    return text, f"utf-8+{legacy}"


def _reads_as_chinese(text: str) -> bool:
    """At least half of the line's non-ASCII characters are common Chinese ones."""
    wide = [c for c in text if not c.isascii()]
    return sum(1 for c in wide if _char_score(c) > 0) * 2 >= len(wide)


def _reject_binary(data: bytes, name: str) -> None:
    if b"\x00" in data:
        raise BinaryDocument(name, "contains NUL bytes")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(data):
        raise BinaryDocument(name, f"{controls} of {len(data)} bytes are control bytes")


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise EmptyDocument(name, "contains only whitespace")
    return text


def _best_candidate(data: bytes, candidates: dict[str, str]) -> str:
    """Pick the decoding that yields the most common CJK characters.

    Big5 bytes nearly always decode as GB18030 too, but into rare characters, kana and private
    use; GB bytes seldom decode as Big5, and then mostly into rare characters.
    """
    scores = {enc: _score(text) for enc, text in candidates.items()}
    best = max(scores.values())
    tied = [enc for enc in candidates if scores[enc] == best]
    if len(tied) == 1:
        return tied[0]
    guess = _charset_normalizer_guess(data)
    return guess if guess in tied else tied[0]


def _score(text: str) -> int:
    return sum(map(_char_score, text))


def _char_score(char: str) -> int:
    # A frequent character counts three, one of the first levels of GB2312 or Big5 one, CJK
    # punctuation one; private use, which only a wrong guess produces, costs three.
    if char in _frequent_hanzi():
        return 3
    if char in _common_cjk() or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef":
        return 1
    return -3 if "\ue000" <= char <= "\uf8ff" else 0


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        return None
    name = codecs.lookup(match.encoding).name
    return {"gb2312": "gb18030", "gbk": "gb18030", "big5hkscs": "big5"}.get(name, name)


@cache
def _frequent_hanzi() -> frozenset[str]:
    import opencc

    try:
        converter = opencc.OpenCC("s2t")
    except Exception:  # older releases of the binding want the config file's name
        converter = opencc.OpenCC("s2t.json")
    traditional = converter.convert(_FREQUENT_HANZI)
    return frozenset(_FREQUENT_HANZI + traditional)


@cache
def _common_cjk() -> frozenset[str]:
    """The first levels of GB2312 (3755 simplified) and Big5 (5401 traditional) characters.

    Both standards sort their first level as the characters in common use, so the codecs
    themselves give a frequency list without shipping one.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            _add_decoded(chars, bytes((lead, trail)), "gb2312")
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            if (lead, trail) < (0xC6, 0x7F):
                _add_decoded(chars, bytes((lead, trail)), "big5")
    return frozenset(chars)


def _add_decoded(chars: set[str], pair: bytes, encoding: str) -> None:
    with contextlib.suppress(UnicodeDecodeError):
        chars.add(pair.decode(encoding))
