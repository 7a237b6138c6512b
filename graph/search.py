"""Query text → search terms, and the ranking both backends share.

Tokens follow Lucene's ``cjk`` analyzer, which backs the Neo4j full-text index
``policygraph_text``, so the embedded backend and Neo4j agree on what matches:

* text is NFKC-normalised (full-width → half-width) and lower-cased;
* a run of CJK characters gives its overlapping bigrams (``科技研发`` → ``科技 技研 研发``),
  a lone CJK character gives itself;
* a run of letters and digits gives one word (``iso9001``); English stop words are dropped.

A *query* is first converted Traditional → Simplified with OpenCC (``科技研發`` finds
``科技研发``; the graph's texts are Simplified already) and stripped of question words
(``哪个部门负责…``) before it is tokenised.  Matching is by token: a node matches when one
of its fields shares a token with the query; ranking counts the distinct tokens matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

import opencc

#: CJK ideographs (with extensions and compatibility forms), kana and hangul.
_CJK: Final = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002ffff"
)
_TOKEN_RUN: Final = re.compile(rf"[{_CJK}]+|[a-z0-9]+(?:\.[a-z0-9]+)*")
_IS_CJK: Final = re.compile(rf"[{_CJK}]")
_CJK_PAIR: Final = re.compile(rf"[{_CJK}]{{2}}")
#: Han ideographs: Lucene's tokenizer makes each one a token, and the ``cjk`` analyzer
#: indexes every two adjacent ones as a bigram.
_HAN: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_HAN_BIGRAM: Final = re.compile(rf"[{_HAN}]{{2}}")
#: Characters Lucene keeps inside some indexed term wherever a text holds them: Han,
#: kana letters and hangul syllables (not the kana marks and dots, which it drops).
_KEPT_CJK: Final = re.compile(rf"[{_HAN}\u3041-\u3096\u30a1-\u30fa\uac00-\ud7a3]")
_WORD_SEGMENT: Final = re.compile(r"[a-z0-9]+")
#: Lucene's StandardTokenizer cuts a longer run of letters and digits into pieces.
_MAX_TOKEN_LENGTH: Final = 255
#: Clauses per full-text query string (Lucene refuses more than 1,024 in one query).
_CLAUSES_PER_QUERY: Final = 256

#: The stop words of Lucene's CJKAnalyzer (English only; Chinese text keeps every bigram).
STOP_WORDS: Final = frozenset({
    "a", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "s", "such", "t", "that", "the", "their", "then", "there",
    "these", "they", "this", "to", "was", "will", "with", "www",
})

#: Question words a coordinator types around the subject (哪个部门负责科技研发？).  They are
#: cut out of a query before tokenising, longest first, so they neither match nor glue
#: the subject to bigrams like 责科.  A query made only of them is kept as typed.
QUESTION_WORDS: Final = tuple(sorted((
    "哪个部门", "哪些部门", "什么部门", "哪个单位", "哪些单位", "什么单位", "哪个机构",
    "哪些机构", "哪个局", "请问", "负责", "牵头", "承担", "主管", "哪个", "哪些", "什么",
    "谁来", "谁", "是", "的", "了", "吗", "呢", "由",
), key=len, reverse=True))
_QUESTION_WORDS: Final = re.compile("|".join(map(re.escape, QUESTION_WORDS)))


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """Text as the analyzer sees it: NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str | None) -> list[str]:
    """Tokens of a text in order, with repeats (``"好品山东"`` → ``["好品", "品山", "山东"]``)."""
    if not text:
        return []
    out: list[str] = []
    for run in _TOKEN_RUN.findall(fold(text)):
        if _IS_CJK.match(run):
            out.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
        elif run not in STOP_WORDS:
            out.append(run)
    return out


def token_set(texts: Iterable[str | None]) -> frozenset[str]:
    """All tokens of several texts (a node's searchable fields)."""
    return frozenset(t for text in texts for t in tokens(text))


@dataclass(frozen=True)
class Query:
    """A parsed query: the simplified text, its core phrase and distinct tokens in order."""

    text: str
    phrase: str
    terms: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def lucene(self) -> str:
        """The full-text query string: every term quoted, OR-ed (Lucene's default).

        Terms hold only CJK characters, ASCII letters, digits and ``.``, so a quoted term
        cannot break out of its quotes; the string is still passed as a parameter.
        """
        return " OR ".join(f'"{term}"' for term in self.terms)

    def index_plan(self, fields: tuple[str, ...] = ()
                   ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Full-text query strings and the terms they cannot serve (to be scanned for).

        With ``fields``, every clause is asked of each of those fields only (``title:"品牌"``),
        so nodes that hold the term in another property are not hits.

        Together they find every node one of whose texts holds a term *literally* (what a
        ``CONTAINS`` scan finds), and more; :func:`match` then decides exactly.  A bigram of
        Han characters is one indexed term (quoted).  Any other term is found through a
        wildcard on a part of it that Lucene keeps inside one of its terms: a Han or kana
        character (``*局*``: the lone character, or a bigram that holds it), or the longest
        letters-and-digits segment that is not a stop word (``*9001*`` for ``iso.9001``,
        whose dot Lucene may split at).  A term with no such part (only kana marks, or
        stop-word segments) is left to the scan.  Wildcards and quotes only wrap CJK
        characters, ASCII letters and digits, so no query is Lucene syntax of the user's.
        """
        clauses: list[str] = []
        scanned: list[str] = []
        for term in self.terms:
            clause = _index_clause(term)
            if clause is None:
                scanned.append(term)
                continue
            for asked in [f"{field}:{clause}" for field in fields] or [clause]:
                if asked not in clauses:
                    clauses.append(asked)
        queries = tuple(" OR ".join(clauses[i:i + _CLAUSES_PER_QUERY])
                        for i in range(0, len(clauses), _CLAUSES_PER_QUERY))
        return queries, tuple(scanned)


def _index_clause(term: str) -> str | None:
    """The Lucene clause of :meth:`Query.index_plan` for one term, or None."""
    if _HAN_BIGRAM.fullmatch(term):
        return f'"{term}"'
    if _IS_CJK.match(term):
        kept = _KEPT_CJK.search(term)
        return f"*{kept.group()}*" if kept else None
    segments = [s for s in _WORD_SEGMENT.findall(term)
                if s not in STOP_WORDS and len(s) <= _MAX_TOKEN_LENGTH]
    return f"*{max(segments, key=len)}*" if segments else None


def parse_query(raw: str) -> Query:
    """Parse a user's query (Traditional or Simplified, partial or a whole question)."""
    text = fold(_t2s().convert(raw)).strip()
    core = _QUESTION_WORDS.sub(" ", text)
    terms = tokens(core) or tokens(text)
    phrase = "".join(_TOKEN_RUN.findall(core)) or "".join(_TOKEN_RUN.findall(text))
    return Query(text=text, phrase=phrase, terms=tuple(dict.fromkeys(terms)))


def matched(query: Query, texts: Iterable[str | None]) -> tuple[str, ...]:
    """The query's terms found in ``texts``, in query order.

    A term of two CJK characters is a token of a text exactly when the folded text holds
    it (both characters lie in one run of CJK characters, which gives every adjacent pair),
    so it is looked up with ``in``; only other terms need the texts tokenised.
    """
    present = [t for t in texts if t]
    folded: list[str] | None = None
    found: frozenset[str] | None = None
    out = []
    for term in query.terms:
        if _CJK_PAIR.fullmatch(term):
            folded = [fold(t) for t in present] if folded is None else folded
            hit = any(term in f for f in folded)
        else:
            found = token_set(present) if found is None else found
            hit = term in found
        if hit:
            out.append(term)
    return tuple(out)


def contains_phrase(query: Query, texts: Iterable[str | None]) -> bool:
    """True if one of ``texts`` holds the query's whole core phrase (``科技研发``)."""
    return bool(query.phrase) and any(
        query.phrase in "".join(_TOKEN_RUN.findall(fold(t))) for t in texts if t)


@dataclass(frozen=True)
class Match:
    """Why a node matched: terms found in its title (or name), and in its other text."""

    title: tuple[str, ...]
    text: tuple[str, ...]
    phrase: bool

    @property
    def terms(self) -> tuple[str, ...]:
        """Every distinct term matched anywhere."""
        return tuple(dict.fromkeys(self.title + self.text))


def match(query: Query, title: Iterable[str | None], text: Iterable[str | None] = ()) -> Match | None:
    """How ``query`` matches a node with ``title`` fields and other ``text``; None if not at all."""
    titles, others = list(title), list(text)
    in_title = matched(query, titles)
    in_text = tuple(t for t in matched(query, others) if t not in in_title)
    if not in_title and not in_text:
        return None
    return Match(title=in_title, text=in_text, phrase=contains_phrase(query, titles))


#: Most tasks one search ranks.  When more match, the answer ranks the first
#: ``TASK_SEARCH_CAP`` of them in the order of :func:`window_key` (title matches first, then
#: by key), its ``count`` is the cap and it says ``count_capped``; fewer, and every match is
#: ranked and counted.  Both backends find that window without ranking every match.
TASK_SEARCH_CAP: Final = 100


def window_key(found: Match, key: str) -> tuple[bool, str]:
    """Which matches a capped search keeps: those matching in the title, then by key."""
    return (not found.title, key)


def capped(hits: Iterable[tuple[str, Match]], cap: int) -> tuple[list[tuple[str, Match]], bool]:
    """The matches (key, how) a search ranks, and whether more than ``cap`` matched."""
    found = list(hits)
    if len(found) <= cap:
        return found, False
    return sorted(found, key=lambda h: window_key(h[1], h[0]))[:cap], True


def rank_key(found: Match, name: str, key: str, *, owned: bool = True
             ) -> tuple[int, int, int, int, int, str, str]:
    """Sort key: title terms first, then owned, the whole phrase, all terms, shorter names, key.

    A title match always beats a match in the sentence or targets only; among equals, a task
    its document names an agency for (``owned``) comes before one it names none for (a
    measure an interpretation restates): the coordinators' question is who carries it out.
    Then more distinct query terms (bigrams) matched wins; the node key breaks the last tie,
    so the order is total and the same on every backend.
    """
    return (-len(found.title), int(not owned), -int(found.phrase), -len(found.terms), len(name),
            name, key)
