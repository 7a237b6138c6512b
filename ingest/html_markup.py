"""The markup of an HTML page, read by the standard library's HTML parser, as offset edits.

:func:`markup_edits` lists what to do with every piece of markup of a page, as
``(start, end, replacement)`` spans of the page's own text, so the normaliser can apply
them and still map every output character back to its source: a tag disappears (a block
tag or ``<br>`` becomes a line break, a table cell opens with `` | ``), a comment, a
declaration, and the content of ``<script>``/``<style>`` vanish, and an entity becomes its
character.  Any tag counts, Word's namespaced ones too (``<o:p>``, ``<w:WordDocument>``),
because in a page a literal ``<`` is written ``&lt;``.

A text is read as a page only when it looks like one (:func:`looks_like_html`); in plain
text ``a<b and c>d`` is prose.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Final

#: Elements whose start or end breaks a line.
BLOCK_TAG_TABLE: Final = """address article aside blockquote body br caption dd div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre
    section table tbody tfoot thead title tr ul"""
BLOCK_TAGS: Final = frozenset(BLOCK_TAG_TABLE.split())
#: Table cells: a cell opens with `` | ``, the way scraped pages flatten tables.
CELL_TAGS: Final = frozenset({"td", "th"})
#: Elements whose content is not text.
RAW_TAGS: Final = frozenset({"script", "style", "xml"})
#: What makes a text a page: a document element, or two or more ordinary tags.
#: Examples: ``<!DOCTYPE html>``, ``<p>…</p><br>``.
_PAGE_SIGNS: Final = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<(?:p|div|br|span|td|tr|table|li|h[1-6]|o:p)[\s/>]",
    re.IGNORECASE)

Edit = tuple[int, int, str]


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (or a fragment of one) rather than plain text."""
    return len(_PAGE_SIGNS.findall(text[:20000])) >= 2 or bool(
        re.search(r"<!doctype\s+html|<html[\s>]", text[:2000], re.IGNORECASE))


def markup_edits(text: str) -> list[Edit]:
    """Sorted, non-overlapping edits that remove or replace the markup of ``text``."""
    parser = _Markup(text)
    parser.feed(text)
    parser.close()
    return _non_overlapping(parser.edits)


class _Markup(HTMLParser):
    """Records the span of every piece of markup the parser reports."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.edits: list[Edit] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._raw_start: int | None = None

    def _at(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _markup(self, length: int, replacement: str) -> None:
        start = self._at()
        self.edits.append((start, start + length, replacement))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if tag in RAW_TAGS:
            self._raw_start = self._at()
            return
        self._markup(len(raw), _replacement(tag, closing=False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        self._markup(len(raw), _replacement(tag, closing=False))

    def handle_endtag(self, tag: str) -> None:
        start = self._at()
        close = self.text.find(">", start)
        end = close + 1 if close >= 0 else len(self.text)
        if tag in RAW_TAGS and self._raw_start is not None:
            self.edits.append((self._raw_start, end, ""))
            self._raw_start = None
            return
        self.edits.append((start, end, _replacement(tag, closing=True)))

    def handle_comment(self, data: str) -> None:
        self._until("-->")

    def handle_decl(self, decl: str) -> None:
        self._until(">")

    def unknown_decl(self, data: str) -> None:
        self._until(">")  # <![CDATA[…]]>, and Word's <![if !supportLists]>

    def handle_pi(self, data: str) -> None:
        self._until(">")

    def _until(self, closer: str) -> None:
        """Drop the markup from here to its closer (found in the text, not counted)."""
        start = self._at()
        close = self.text.find(closer, start + 2)
        end = close + len(closer) if close >= 0 else len(self.text)
        self.edits.append((start, end, ""))

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name}")

    def _entity(self, written: str) -> None:
        start = self._at()
        end = start + len(written)
        if self.text.startswith(";", end):
            end += 1
        raw = self.text[start:end]
        decoded = html.unescape(raw)
        if decoded != raw:
            self.edits.append((start, end, decoded))


def _replacement(tag: str, *, closing: bool) -> str:
    if tag in CELL_TAGS:
        return "" if closing else " | "
    return "\n" if tag in BLOCK_TAGS else ""


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for start, end, new in sorted(edits):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, new))
    return kept
