"""Normalise scraped text and keep a map from every output character back to the input.

:func:`normalize` runs small steps, each a pure function on ``(text, offsets)``. A step
either maps characters one to one (``str.translate``, OpenCC) and leaves the offsets alone,
or rewrites regex matches through :func:`_rewrite`, where the new characters take the offset
of the first character of their match and removed text simply leaves no offsets behind.

The order is chosen so that each step sees what it needs:

1. HTML first: tags, comments and entities hide characters and line breaks from every other
   step (``&#x4e2d;`` is a CJK character, ``&nbsp;`` a space, ``<p>`` a line break).
2. Character widths and spaces, so later patterns see ``%``, ASCII digits and plain spaces
   (``（ｚｈì）`` also becomes pinyin the next step can recognise).
3. Pinyin, before boilerplate because annotations split keywords (``版權(quán)所有``), and before
   control characters are dropped because mojibake tone marks contain C1 controls.
4. Line breaks and control characters.
5. OpenCC Traditional to Simplified, so the boilerplate patterns need one script only.
6. Trimming lines and collapsing spaces, so boilerplate patterns see tidy lines.
7. Boilerplate lines and fragments (``ingest.boilerplate``).
8. Blank lines and the spaces inside short CJK headings, last, to tidy what removal left.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ingest.boilerplate import boilerplate_spans
from ingest.html_markup import BLOCK_TAGS, CELL_TAGS, looks_like_html, markup_edits

_Offsets = list[int]
_Step = tuple[str, _Offsets]

# CJK unified ideographs (with extension A), compatibility ideographs and the supplementary
# planes' extensions: the only characters OpenCC's t2s and tw2s ever change.
IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text; ``offsets[i]`` is the index in the original of what made ``text[i]``."""

    text: str
    offsets: tuple[int, ...]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to the original span it was made from.

        The original span runs from the source of ``text[start]`` to just past the source
        character of ``text[end - 1]`` (for an entity such as ``&amp;`` that is its ``&``).
        An empty span maps to an empty span at the source of ``text[start]``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside a text of {len(self.text)}")
        if start == end:
            if start < len(self.offsets):
                return self.offsets[start], self.offsets[start]
            at = self.offsets[-1] + 1 if self.offsets else 0
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> NormalizedText:
    """Clean scraped text for extraction; pure, deterministic, and total on any ``str``.

    Strips HTML, pinyin annotations and site boilerplate, converts Traditional to Simplified
    Chinese, unifies widths and spaces, and keeps the offset map (see the module docstring).
    """
    step: _Step = (text, list(range(len(text))))
    step = _strip_html(*step)
    step = (step[0].translate(_CHAR_TABLE), step[1])
    step = _remove_pinyin(*step)
    step = _rewrite(*step, PARAGRAPH_MARK, "\n")
    step = _rewrite(*step, _CONTROLS, _control_replacement)
    step = (to_simplified(step[0]), step[1])
    step = _rewrite(*step, _SPACE_RUNS, _space_replacement)
    step = _delete_spans(*step, boilerplate_spans(step[0]))
    step = _rewrite(*step, _SPACE_RUNS, _space_replacement)
    step = _rewrite(*step, _EXTRA_NEWLINES, "")
    step = _join_short_cjk_lines(*step)
    return NormalizedText(step[0], tuple(step[1]))


# --- offset-keeping rewriting --------------------------------------------------------------


def _rewrite(
    text: str,
    offsets: _Offsets,
    pattern: re.Pattern[str],
    replacement: str | Callable[[re.Match[str]], str | None],
) -> _Step:
    """Replace each match; a callable may return ``None`` to keep its match unchanged."""
    edits: list[tuple[int, int, str]] = []
    for match in pattern.finditer(text):
        new = replacement if isinstance(replacement, str) else replacement(match)
        if new is not None and match.end() > match.start():
            edits.append((match.start(), match.end(), new))
    return _apply(text, offsets, edits)


def _delete_spans(text: str, offsets: _Offsets, spans: list[tuple[int, int]]) -> _Step:
    return _apply(text, offsets, [(start, end, "") for start, end in spans if end > start])


def _apply(text: str, offsets: _Offsets, edits: list[tuple[int, int, str]]) -> _Step:
    """Apply sorted, non-overlapping edits; new characters map to the edit's first offset."""
    if not edits:
        return text, offsets
    parts: list[str] = []
    new_offsets: _Offsets = []
    position = 0
    for start, end, new in edits:
        parts.append(text[position:start])
        new_offsets += offsets[position:start]
        if new:
            parts.append(new)
            new_offsets += [offsets[start]] * len(new)
        position = end
    parts.append(text[position:])
    new_offsets += offsets[position:]
    return "".join(parts), new_offsets


# --- 1. HTML -------------------------------------------------------------------------------

# Only known element names count as tags, so prose such as "x<y and z>w" is left alone.
_INLINE_TAG_TABLE = """a abbr acronym b basefont bdi bdo big blink center cite code col colgroup
    data del dfn em embed font i iframe img input ins kbd label legend link map mark marquee
    meta noscript object option param picture q rp rt ruby s samp select small source span
    strike strong sub sup svg textarea time tt u var video wbr"""
_BLOCK_TAGS = BLOCK_TAGS
_CELL_TAGS = CELL_TAGS
_TAG_NAMES = "|".join(
    sorted(_BLOCK_TAGS | _CELL_TAGS | set(_INLINE_TAG_TABLE.split()), key=lambda t: (-len(t), t))
)
# An attribute needs a value unless it is a common boolean one: "a <b and c> d" is not a tag.
_ATTRIBUTE = (
    r"(?:[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+)"
    r"|(?:async|checked|defer|disabled|hidden|multiple|nowrap|readonly|required|selected))"
)
_HTML = re.compile(
    r"(?P<drop><!--.*?-->|<(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>|<![^<>]*>|<\?[^<>]*>)"
    rf"|</?(?P<tag>{_TAG_NAMES})(?:\s+{_ATTRIBUTE})*\s*/?>"
    r"|(?P<entity>&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};))",
    re.IGNORECASE | re.DOTALL,
)


def _strip_html(text: str, offsets: _Offsets) -> _Step:
    """Drop tags, comments, script and style; block tags become line breaks; decode entities.

    A page goes through the standard library's HTML parser (:mod:`ingest.html_markup`), so
    every tag counts, Word's ``<o:p>`` too; in plain text only known element names are tags
    (``a<b and c>d`` stays) and entities are decoded."""
    if "<" not in text and "&" not in text:
        return text, offsets
    if looks_like_html(text):
        return _apply(text, offsets, markup_edits(text))
    return _rewrite(text, offsets, _HTML, _html_replacement)


def _html_replacement(match: re.Match[str]) -> str | None:
    if match.group("drop"):
        return ""
    if name := match.group("tag"):
        name = name.lower()
        if name in _CELL_TAGS:
            # A cell opens with " | ", the way scraped pages flatten tables (序号 | 任务 | 责任);
            # the boilerplate step drops the pipes this leaves at the start of a row.
            return "" if match.group().startswith("</") else " | "
        return "\n" if name in _BLOCK_TAGS else ""
    decoded = html.unescape(match.group("entity"))
    return None if decoded == match.group("entity") else decoded


# --- 2. widths and spaces ------------------------------------------------------------------

# Full-width letters, digits and symbols become ASCII. Chinese punctuation stays as it is
# (，。、：；！？（）《》“”〔〕【】); downstream patterns accept both bracket families.
_FULLWIDTH_KEPT = "，：；！？（）"
_CHAR_TABLE: dict[int, int] = {
    code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in _FULLWIDTH_KEPT
}
# Every kind of horizontal space, including the ideographic space and NBSP, becomes " ".
# Tabs stay: in plain text a tab separates table cells.
_CHAR_TABLE.update(dict.fromkeys([0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], 0x20))
# Variant characters OpenCC leaves as they are: 陜 (U+965C) is 陕.
_CHAR_TABLE.update({ord("陜"): ord("陕")})
# Lone surrogates cannot be encoded for OpenCC (or written as UTF-8 at all).
_CHAR_TABLE.update(dict.fromkeys(range(0xD800, 0xE000), 0xFFFD))
# Control characters, soft hyphens, zero-width and direction marks, BOMs: dropped in step 4,
# and ignored inside pinyin annotations in step 3 (質(z\u200bhì) is still an annotation).
INVISIBLE = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


# --- 3. pinyin -----------------------------------------------------------------------------

# Every syllable of Mandarin pinyin without tones (ü written as ü).
_SYLLABLE_TABLE = """a ai an ang ao e ei en eng er o ou
    ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
    pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
    ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
    fa fan fang fei fen feng fo fou fu
    da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
    ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
    na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan
    nuo nü nüe
    la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan
    lun luo lü lüe
    ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
    ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
    ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
    ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
    qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
    zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang
    zhui zhun zhuo
    cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui
    chun chuo
    sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun
    shuo
    ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
    za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
    ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
    sa sai san sang sao se sen seng si song sou su suan sui sun suo
    ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
    wa wai wan wang wei wen weng wo wu"""
_SYLLABLES = frozenset(_SYLLABLE_TABLE.split())
_TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE_STRIP = str.maketrans(_TONED_VOWELS, "aaaaeeeeiiiioooouuuuüüüü")
_TONE_DIGITS = frozenset("12345")


def _mojibake_table() -> dict[str, str]:
    """How toned vowels look after their UTF-8 bytes were decoded as Latin-1, cp1252 or GBK.

    質(zh矛) and 質(zhÃ¬) stand for 質(zhì). Built from the codecs, in the form the text has
    after step 2.
    """
    table: dict[str, str] = {}
    for vowel in _TONED_VOWELS + "ü":
        for codec in ("latin-1", "cp1252", "gbk"):
            with contextlib.suppress(UnicodeDecodeError):
                table.setdefault(vowel.encode().decode(codec).translate(_CHAR_TABLE), vowel)
    return table


_MOJIBAKE = _mojibake_table()
_MOJIBAKE_FORMS = re.compile("|".join(map(re.escape, sorted(_MOJIBAKE, key=len, reverse=True))))
_PINYIN_CHARS = re.escape("".join(sorted(set("".join(_MOJIBAKE) + _TONED_VOWELS + "ü"))))
_ANNOTATION = rf"[(（][a-z{_PINYIN_CHARS}{INVISIBLE}]{{1,16}}[1-5]?[)）]"
# Annotations in a row after a CJK character (質(zhì)(liàng) has two), invisibles allowed.
_PINYIN = re.compile(rf"(?<=[{IDEOGRAPH}])[{INVISIBLE}]*(?:{_ANNOTATION}[{INVISIBLE}]*)+")
_ANNOTATION_WORD = re.compile(rf"[(（]([a-z{_PINYIN_CHARS}{INVISIBLE}]{{1,16}}[1-5]?)[)）]")


def _remove_pinyin(text: str, offsets: _Offsets) -> _Step:
    """Drop parenthesised pinyin syllables right after a CJK character: 質(zhì) → 質."""
    edits = []
    for run in _PINYIN.finditer(text):
        end = run.start()
        # Annotations go while they are toned syllables; what follows a real one stays.
        for word in _ANNOTATION_WORD.finditer(run.group()):
            if not is_toned_syllable(word.group(1)):
                break
            end = run.start() + word.end()
        if end > run.start():
            edits.append((run.start(), end, ""))
    return _apply(text, offsets, edits)


def is_toned_syllable(word: str) -> bool:
    """True if ``word`` is one pinyin syllable with a tone: ``zhì``, ``zhi4``, ``lv4``, ``zh矛``.

    A syllable without a tone (``men``, ``long``) is refused: it is as likely to be English.
    """
    repaired = _MOJIBAKE_FORMS.sub(lambda m: _MOJIBAKE[m.group()], word)
    if repaired != word and not any("a" <= ch <= "z" for ch in word):
        return False  # a lone mojibake character, 猫(茅), is more likely a real character
    word = _INVISIBLE.sub("", repaired)
    has_digit = word[-1:] in _TONE_DIGITS
    if has_digit:
        word = word[:-1]
    bare = word.translate(_TONE_STRIP)
    marks = sum(1 for a, b in zip(word, bare, strict=True) if a != b)
    if marks + has_digit != 1:
        return False
    return bare.replace("v", "ü") in _SYLLABLES


# --- 4. line breaks and control characters -------------------------------------------------

_CONTROLS = re.compile(f"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|[{INVISIBLE}]")


def _control_replacement(match: re.Match[str]) -> str:
    return "\n" if match.group()[0] in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else ""


# --- 5. Traditional to Simplified ----------------------------------------------------------

_IDEOGRAPHS = re.compile(f"[{IDEOGRAPH}]")


# A text whose ideographs t2s changes by more than this share is written in Traditional.
TRADITIONAL_SHARE = 0.05


@cache
def _opencc(config: str) -> Callable[[str], str]:
    import opencc

    try:
        return opencc.OpenCC(config).convert
    except Exception:  # older releases of the binding want the config file's name
        return opencc.OpenCC(f"{config}.json").convert


def to_simplified(text: str, convert: Callable[[str], str] | None = None) -> str:
    """Convert Traditional to Simplified characters, one output character per input character.

    By default OpenCC ``t2s``; a Traditional text (t2s changes more than
    :data:`TRADITIONAL_SHARE` of its ideographs) gets ``tw2s`` instead, because
    scraped Traditional pages write 着 as 著 the Taiwan way (著力, 隨著) and tw2s restores 着
    in those phrases. tw2s is not used on Simplified text, where it would turn 显著 into 显着.

    Phrase tables may change a phrase's length; a line where that happens is converted
    character by character instead, and a character that would still change length is kept,
    so offsets stay exact.
    """
    if not _IDEOGRAPHS.search(text):
        return text
    if convert is not None:
        return _convert_aligned(text, convert)
    simplified = _convert_aligned(text, _opencc("t2s"))
    changed = sum(map(str.__ne__, text, simplified))
    ideographs = len(text) - len(_IDEOGRAPHS.sub("", text))
    if changed > TRADITIONAL_SHARE * ideographs:
        return _convert_aligned(text, _opencc("tw2s"))
    return simplified


def _convert_aligned(text: str, convert: Callable[[str], str]) -> str:
    converted = convert(text)
    if _aligned(text, converted):
        return converted
    lines = []
    for line in text.split("\n"):
        out = convert(line)
        if not _aligned(line, out):
            out = "".join(_convert_char(convert, ch) for ch in line)
        lines.append(out)
    return "\n".join(lines)


def _aligned(before: str, after: str) -> bool:
    # OpenCC changes ideographs only: equal skeletons mean every run of ideographs kept its
    # length and every other character its place.
    return len(before) == len(after) and (_IDEOGRAPHS.sub("\0", before) == _IDEOGRAPHS.sub("\0", after))


def _convert_char(convert: Callable[[str], str], char: str) -> str:
    out = convert(char)
    return out if len(out) == 1 else char


#: A letter that document-sharing sites put where a paragraph broke: the Cyrillic Er
#: (U+0420) between Chinese text (``…维护销售市场公平。`` Er ``(五)加大监督考核``).
PARAGRAPH_MARK = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef。，、；：！？”）)])\u0420(?=[\u3000-\u9fff\uff00-\uffef(（“\d])")


# --- 6-8. layout ---------------------------------------------------------------------------

# Spaces and tabs at a line's ends, and runs of them inside a line.
_SPACE_RUNS = re.compile(r"^[ \t]+|[ \t]+$|[ \t]{2,}|\t", re.MULTILINE)
# Blank lines beyond one, and blank lines at the start and end of the text.
_EXTRA_NEWLINES = re.compile(r"\A\n+|(?<=\n\n)\n+|\n+\Z")
_CJK_SPACE_CJK = re.compile(f"(?<=[{IDEOGRAPH}]) (?=[{IDEOGRAPH}])")
# A short line of CJK characters only is a heading, where a space between two of them is an
# artefact of page layout (品牌建设目标 量化指标具体). In longer lines it separates sentences,
# and in lines with ASCII or digits it separates fields (来源:某局 发布时间:…).
SHORT_LINE = 32
_CJK_HEADING = re.compile(f"[{IDEOGRAPH} 、，：；“”\u2018\u2019《》（）〔〕]+")


def _space_replacement(match: re.Match[str]) -> str | None:
    start, end, text = match.start(), match.end(), match.string
    if start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] == "\n":
        return ""  # a line's ends
    run = match.group()
    return "\t" if "\t" in run else None if run == "\t" else " "


def _join_short_cjk_lines(text: str, offsets: _Offsets) -> _Step:
    spans = []
    for match in _CJK_SPACE_CJK.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        if end - start <= SHORT_LINE and _CJK_HEADING.fullmatch(text, start, end):
            spans.append(match.span())
    return _delete_spans(text, offsets, spans)
