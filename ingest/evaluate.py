"""Compare extraction JSON with hand-made gold: precision, recall and F1 per field.

Both sides are dictionaries in the format of ``GOLD-SCHEMA.md``.  Scores are
micro-averaged over documents.  How each kind of fact is matched:

* tasks — by id;
* assignments — (task id, role, agency) triples, one per lead/co unit entry;
* targets — year, value, unit and qualifier equal and metrics alike (character
  bigram Dice ≥ 0.5); a target stated twice counts once;
* funding — amount, unit and per equal, recipients alike;
* brands, departments — by name (quotes ignored);
* document fields — exact, reported as accuracy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Doc = Mapping[str, Any]

#: Metric and recipient texts count as alike from this bigram Dice score.
SIMILAR = 0.5
DOCUMENT_FIELDS = ("title", "kind", "issuer", "region", "level", "date", "doc_number",
                   "period", "implements", "duplicate_of")
FACTS = ("tasks", "assignments", "targets", "funding", "brands", "departments")


@dataclass
class Score:
    """Counts of true positives, predictions and gold items."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per fact kind, document-field accuracy, and per-document detail."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in FACTS})
    fields: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in DOCUMENT_FIELDS})
    per_document: dict[str, dict[str, Score]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def _bigrams(text: str) -> set[str]:
    clean = "".join(ch for ch in text if ch not in "“”\"'《》()（）,，、 ")
    return {clean[i:i + 2] for i in range(len(clean) - 1)} or {clean}


def similarity(a: str | None, b: str | None) -> float:
    """Character-bigram Dice coefficient of two texts (1.0 for two empty texts)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y))


def _name(text: str) -> str:
    return text.replace("“", "").replace("”", "").replace('"', "").strip()


def _set_score(pred: Iterable[Any], gold: Iterable[Any]) -> tuple[int, int, int]:
    p, g = set(pred), set(gold)
    return len(p & g), len(p), len(g)


def _greedy(pred: list[Doc], gold: list[Doc], same: Callable[[Doc, Doc], bool],
            alike: Callable[[Doc, Doc], float]) -> tuple[int, int, int]:
    """Match each gold item to its most alike unused prediction that is ``same``."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        best, best_score = None, SIMILAR
        for i, p in enumerate(pred):
            if i in used or not same(p, g):
                continue
            score = alike(p, g)
            if score >= best_score:
                best, best_score = i, score
        if best is not None:
            used.add(best)
            tp += 1
    return tp, len(pred), len(gold)


def _unique(items: Iterable[Doc], key: Callable[[Doc], Any]) -> list[Doc]:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 6)


def _target_key(t: Doc) -> tuple[Any, ...]:
    return (t.get("year"), _number(t.get("value")), t.get("unit"), t.get("qualifier"),
            t.get("metric"))


def score_document(pred: Doc, gold: Doc) -> dict[str, tuple[int, int, int]]:
    """(tp, predicted, gold) per fact kind for one document."""
    def assignments(doc: Doc) -> set[tuple[str, str, str]]:
        return {(t["id"], role, unit) for t in doc.get("tasks", [])
                for role in ("lead", "co") for unit in t.get(role) or []}

    p_targets = _unique(pred.get("targets", []), _target_key)
    g_targets = _unique(gold.get("targets", []), _target_key)
    return {
        "tasks": _set_score((t["id"] for t in pred.get("tasks", [])),
                            (t["id"] for t in gold.get("tasks", []))),
        "assignments": _set_score(assignments(pred), assignments(gold)),
        "targets": _greedy(
            p_targets, g_targets,
            lambda p, g: (p.get("year"), _number(p.get("value")), p.get("unit"),
                          p.get("qualifier")) == (g.get("year"), _number(g.get("value")),
                                                  g.get("unit"), g.get("qualifier")),
            lambda p, g: similarity(p.get("metric"), g.get("metric"))),
        "funding": _greedy(
            list(pred.get("funding", [])), list(gold.get("funding", [])),
            lambda p, g: (_number(p.get("amount")), p.get("unit"), p.get("per"))
            == (_number(g.get("amount")), g.get("unit"), g.get("per")),
            lambda p, g: similarity(p.get("recipient"), g.get("recipient"))),
        "brands": _set_score(map(_name, pred.get("brands", [])), map(_name, gold.get("brands", []))),
        "departments": _set_score(pred.get("departments", []), gold.get("departments", [])),
    }


def evaluate(pred: Mapping[str, Doc], gold: Mapping[str, Doc]) -> Report:
    """Score predictions against gold, both keyed by document stem."""
    report = Report()
    for stem in sorted(gold):
        g = gold[stem]
        p = pred.get(stem)
        if p is None:
            report.missing.append(stem)
            p = {"document": {}}
        counts = score_document(p, g)
        report.per_document[stem] = {}
        for kind, (tp, n_pred, n_gold) in counts.items():
            report.scores[kind].add(tp, n_pred, n_gold)
            report.per_document[stem][kind] = Score(tp, n_pred, n_gold)
        for name in DOCUMENT_FIELDS:
            want, got = g["document"].get(name), p["document"].get(name)
            report.fields[name][0] += int(_norm_field(want) == _norm_field(got))
            report.fields[name][1] += 1
    return report


def _norm_field(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    return value


def load_dir(directory: Path) -> dict[str, dict[str, Any]]:
    """Every ``*.json`` of a directory, keyed by file stem."""
    out = {}
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "document" in data:
            out[path.stem] = data
    return out
