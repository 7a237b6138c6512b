"""Which parent measure a child task carries out: text similarity of the two, scored.

A plan that implements another (a city's 实施意见 of a provincial 若干措施) restates the
parent's measures in its own words: 科学构建品牌体系 for 构建品牌体系, 加强舆论宣传 for 做好宣传推广.
:func:`align` scores every (child task, parent measure) pair by the cosine similarity of
their TF-IDF vectors over character n-grams (scikit-learn's ``TfidfVectorizer``, char
1–2-grams: a Chinese word is mostly one or two characters, and no segmenter is needed), fitted
on the texts of that one pair of plans, so that what every measure of the pair shares (好品山东,
品牌, 建设) weighs little and what sets one measure apart weighs much.  A pair scoring
:data:`THRESHOLD` or more is a link; below it nothing is linked.

A task's text is its title and its sentence, without the names of the agencies the task
names (who does it is not what is done, and a parent measure usually names none).

Pure and deterministic: the same tasks give the same links with the same scores (rounded to
:data:`DIGITS` places, so a score is the same number on every machine), in a fixed order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from sklearn.feature_extraction.text import TfidfVectorizer

#: Lowest score of a link.  Set from scores of task pairs of plans that do not implement
#: each other (``python -m bench.cascade_null``, docs/benchmarks.md), never from the gold.
THRESHOLD: Final = 0.3
#: Lowest score of two target metrics that count as the same metric (most of their
#: characters shared: 山东省高端品牌培育企业 / 高端品牌培育企业).
METRIC_THRESHOLD: Final = 0.5
#: Decimal places a score keeps.
DIGITS: Final = 4
#: Character n-gram lengths of the vectors.
NGRAMS: Final = (1, 2)
#: Characters that say nothing about what a task does: punctuation, digits, brackets.
_NOISE: Final = str.maketrans("", "", "，,、。；;：:（）()“”\"《》〔〕[]【】…·|｜ \t\n0123456789")


@dataclass(frozen=True)
class TaskText:
    """One task as the aligner reads it: its key, title, sentence and the agencies it names."""

    key: str
    title: str | None
    sentence: str | None = None
    agencies: tuple[str, ...] = ()

    def text(self) -> str:
        """Title and sentence without agency names, punctuation or digits."""
        return _clean(f"{self.title or ''}。{self.sentence or ''}", self.agencies)


@dataclass(frozen=True, order=True)
class Link:
    """A child task carrying out a parent measure, and how alike their texts are (0–1)."""

    child: str
    parent: str
    score: float


def _clean(text: str, agencies: tuple[str, ...]) -> str:
    for name in sorted(agencies, key=len, reverse=True):
        if name:
            text = text.replace(name, "")
    return text.translate(_NOISE)


def scores(children: Sequence[TaskText], parents: Sequence[TaskText]) -> list[list[float]]:
    """The score of every (child, parent) pair: ``result[i][j]`` for ``children[i]`` and
    ``parents[j]``, the mean of the cosine of their titles and that of their whole texts
    (title and sentence); an empty text scores 0."""
    if not children or not parents:
        return [[0.0] * len(parents) for _ in children]
    tasks = [*children, *parents]
    titles = [_clean(t.title or "", t.agencies) for t in tasks]
    texts = [t.text() for t in tasks]
    if not any(texts):
        return [[0.0] * len(parents) for _ in children]
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=NGRAMS, lowercase=False,
                                 sublinear_tf=True, norm="l2")
    vectorizer.fit(titles + texts)
    n = len(children)
    total = None
    for column in (titles, texts):
        matrix = vectorizer.transform(column)
        part = (matrix[:n] @ matrix[n:].T).toarray()
        total = part if total is None else total + part
    assert total is not None
    return [[round(float(value) / 2, DIGITS) for value in row] for row in total]


def align(children: Sequence[TaskText], parents: Sequence[TaskText],
          threshold: float = THRESHOLD) -> list[Link]:
    """Links of every pair scoring at least ``threshold``, sorted by child, then best first."""
    children = sorted(children, key=lambda t: t.key)
    parents = sorted(parents, key=lambda t: t.key)
    found = [Link(child.key, parent.key, score)
             for child, row in zip(children, scores(children, parents), strict=True)
             for parent, score in zip(parents, row, strict=True) if score >= threshold]
    return sorted(found, key=lambda link: (link.child, -link.score, link.parent))


def best_per_child(links: Iterable[Link]) -> dict[str, Link]:
    """The highest-scoring link of each child task."""
    best: dict[str, Link] = {}
    for link in links:
        if link.child not in best or (-link.score, link.parent) < (-best[link.child].score,
                                                                   best[link.child].parent):
            best[link.child] = link
    return best
