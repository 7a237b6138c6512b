"""The pages' own CJK font: a subset of a Debian font with just the glyphs a page uses.

A viewer without a Chinese font (a plain server, a fresh container, a borrowed projector
laptop) would see boxes.  So every page carries, as a ``data:`` URL in an ``@font-face``
rule, a subset (fontTools) of WenQuanYi Micro Hei — Debian's ``fonts-wqy-microhei``,
installed by ``scripts/install-fonts.sh``; it has Latin letters too — holding exactly the
characters of that page: 50–110 KB of TrueType for the sample pages (``docs/benchmarks.md``
compares fonts and formats).  Subsets are cut from a first cut of the font to the
characters of GB 2312 (made once per process), which makes a page's subset five times
faster.  The same font's advance widths measure labels for the layout, so the boxes the
layout keeps apart are the boxes drawn.

Without the font file, pages fall back to the system's fonts (and say so once on stderr
from the CLI); labels are then measured as 1 em per wide character, 0.6 em otherwise.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

#: The family name pages use for the embedded face (first in every font stack).
FAMILY: Final = "pg-cjk"
#: Where Debian's fonts-wqy-microhei puts the font (a collection; face 0 is the sans).
DEBIAN_FONT: Final = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT_ENV: Final = "POLICYGRAPH_CJK_FONT"
INSTALL_HINT: Final = ("no CJK font to embed in the pages (install Debian's fonts-wqy-microhei: "
                       "scripts/install-fonts.sh); they fall back to the viewer's fonts")
_HEAD_END: Final = re.compile(r"</head>", re.IGNORECASE)
_CACHE_SIZE: Final = 64


@dataclass(frozen=True)
class FontFile:
    """A font file and the face inside it (a .ttc holds several)."""

    path: Path
    number: int = 0


def font_file() -> FontFile | None:
    """``$POLICYGRAPH_CJK_FONT`` (a .ttf/.otf/.ttc), else the Debian font, if present."""
    given = os.environ.get(FONT_ENV)
    for path in ([Path(given)] if given else []) + [DEBIAN_FONT]:
        if path.is_file():
            return FontFile(path)
    return None


class _Metrics:
    """Advance widths per character, in em, of one font."""

    def __init__(self, font: FontFile | None) -> None:
        self.widths: dict[int, float] = {}
        if font is not None:
            from fontTools.ttLib import TTFont

            with TTFont(font.path, fontNumber=font.number, lazy=True) as face:
                per_em = face["head"].unitsPerEm
                hmtx = face["hmtx"]
                self.widths = {code: hmtx[glyph][0] / per_em
                               for code, glyph in face.getBestCmap().items()}

    def width(self, char: str) -> float:
        found = self.widths.get(ord(char))
        if found is not None:
            return found
        return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6


@lru_cache(maxsize=4)
def _metrics(font: FontFile | None) -> _Metrics:
    return _Metrics(font)


def text_width(text: str, size: float) -> float:
    """How wide ``text`` is drawn at ``size`` px in the embedded font (estimated without it)."""
    metrics = _metrics(font_file())
    return sum(metrics.width(c) for c in text) * size


#: Blocks a first cut keeps besides GB 2312: Latin, punctuation, CJK symbols, full-width forms.
_BLOCKS: Final = ((0x20, 0x250), (0x2000, 0x2070), (0x2100, 0x2200), (0x2460, 0x2500),
                  (0x3000, 0x3040), (0xFF00, 0xFFF0))


def _first_cut() -> frozenset[str]:
    """GB 2312 (what Chinese government documents use, nearly all) and the usual blocks."""
    chars = {chr(c) for start, end in _BLOCKS for c in range(start, end)}
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((high, low)).decode("gb2312"))
    return frozenset(chars)


class _Subsets:
    """Subsets by character set (LRU): a page asked for twice is subset once."""

    def __init__(self) -> None:
        self._done: OrderedDict[tuple[FontFile, frozenset[str]], bytes] = OrderedDict()
        self._master: tuple[FontFile, frozenset[str], bytes] | None = None
        self._lock = threading.Lock()

    def _source(self, font: FontFile, chars: frozenset[str]) -> bytes:
        """The first cut (GB 2312 and whatever pages asked for beyond it) holding ``chars``."""
        master = self._master
        if master is None or master[0] != font or not chars <= master[1]:
            covered = _first_cut() | chars | (master[1] if master and master[0] == font else set())
            master = (font, frozenset(covered), subset(font, frozenset(covered), flavor=None))
            self._master = master
        return master[2]

    def get(self, font: FontFile, chars: frozenset[str]) -> bytes:
        key = (font, chars)
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                return self._done[key]
            source = self._source(font, chars)
        data = subset(FontFile(Path("<memory>")), chars, source=source)
        with self._lock:
            self._done[key] = data
            while len(self._done) > _CACHE_SIZE:
                self._done.popitem(last=False)
        return data


_SUBSETS: Final = _Subsets()


def subset(font: FontFile, chars: frozenset[str], flavor: str | None = None,
           source: bytes | None = None) -> bytes:
    """The font (or the font file in ``source``) cut down to ``chars``: TrueType, or
    ``flavor="woff2"`` (half the size, needs brotli; three times slower to make)."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.flavor = flavor
    options.layout_features = ["*"]  # keep vertical forms, ligatures, kerning of these glyphs
    options.notdef_outline = True
    options.drop_tables += ["FFTM", "BDF"]  # editor timestamps, bitmaps: nothing a page draws
    with (TTFont(io.BytesIO(source)) if source is not None
          else TTFont(font.path, fontNumber=font.number)) as face:
        subsetter = ft_subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(chars)))
        subsetter.subset(face)
        out = io.BytesIO()
        face.flavor = flavor
        face.save(out)
    return out.getvalue()


def page_chars(text: str) -> frozenset[str]:
    """The characters a page may draw: every printable one in it, and all of ASCII."""
    return frozenset(c for c in set(text) if c.isprintable()) | frozenset(map(chr, range(0x20, 0x7F)))


def subset_bytes(text: str) -> bytes:
    """The TrueType subset for the glyphs of ``text`` (b'' without the font)."""
    font = font_file()
    return _SUBSETS.get(font, page_chars(text)) if font is not None else b""


def font_face_css(text: str) -> str:
    """An ``@font-face`` rule whose font holds the glyphs of ``text`` ('' without the font)."""
    font = font_file()
    if font is None:
        return ""
    data = base64.b64encode(_SUBSETS.get(font, page_chars(text))).decode("ascii")
    return (f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: 400; '
            f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}')


def embed(page: str, text: str | None = None) -> str:
    """``page`` with a font subset for ``text`` (default: the page) just before ``</head>``."""
    css = font_face_css(page if text is None else text)
    if not css:
        return page
    style = f'<style id="pg-font">{css}</style>\n'
    return _HEAD_END.sub(lambda m: style + m.group(0), page, count=1)
