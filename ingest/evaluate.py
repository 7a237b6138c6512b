"""Compare extraction JSON with hand-made gold: precision, recall and F1 per field.

Both sides are dictionaries in the format of ``GOLD-SCHEMA.md``.  Scores are
micro-averaged over documents.  How each kind of fact is matched:

* tasks — by id;
* assignments — (task id, role, agency) triples, one per lead/co unit entry;
* targets — year, value, unit and qualifier equal and metrics alike (character
  bigram Dice ≥ 0.5); a target stated twice counts once;
* funding — amount, unit and per equal, recipients alike;
* brands, departments — by name (quotes ignored);
* enterprises — by normalised name (:func:`enterprise_key`), and only on documents
  whose gold has the ``enterprises`` key (an older gold file without it says nothing);
* document fields — exact, reported as accuracy.

The matcher returns the matched pairs (:class:`Matching`), so the scores and the
list of missed and spurious facts (``ingest.explain``) are two views of one result.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Doc = Mapping[str, Any]

#: Metric and recipient texts count as alike from this bigram Dice score.
SIMILAR = 0.5
DOCUMENT_FIELDS = ("title", "kind", "issuer", "region", "level", "date", "doc_number",
                   "period", "implements", "duplicate_of")
FACTS = ("tasks", "assignments", "targets", "funding", "brands", "departments", "enterprises")
#: Kinds a gold file may leave out: a file without the key says nothing about them.
OPTIONAL_FACTS = frozenset({"enterprises"})
#: Quotation marks an enterprise name is compared without.
_QUOTES = "“”‘’\"'「」『』"


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

    def as_json(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "predicted": self.predicted,
                "gold": self.gold}


@dataclass(frozen=True)
class Matching:
    """One kind of fact of one document: the facts compared and the pairs that matched.

    ``predicted`` and ``gold`` are the facts after de-duplication (what the counts
    count); ``pairs`` holds ``(index in predicted, index in gold)``.
    """

    predicted: tuple[Doc, ...]
    gold: tuple[Doc, ...]
    pairs: tuple[tuple[int, int], ...]

    @property
    def counts(self) -> tuple[int, int, int]:
        """(true positives, predictions, gold items)."""
        return len(self.pairs), len(self.predicted), len(self.gold)

    @property
    def missed(self) -> list[Doc]:
        """Gold facts no prediction matched."""
        used = {g for _, g in self.pairs}
        return [fact for i, fact in enumerate(self.gold) if i not in used]

    @property
    def spurious(self) -> list[Doc]:
        """Predictions that matched no gold fact."""
        used = {p for p, _ in self.pairs}
        return [fact for i, fact in enumerate(self.predicted) if i not in used]


@dataclass
class Report:
    """Scores per fact kind, document-field accuracy, and per-document detail.

    ``scores`` holds an optional kind (``enterprises``) only when some gold has its key.
    """

    scores: dict[str, Score] = field(
        default_factory=lambda: {k: Score() for k in FACTS if k not in OPTIONAL_FACTS})
    fields: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in DOCUMENT_FIELDS})
    per_document: dict[str, dict[str, Score]] = field(default_factory=dict)
    matches: dict[str, dict[str, Matching]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        """The fact kinds scored, in the order of :data:`FACTS`."""
        return [k for k in FACTS if k in self.scores]

    def as_json(self) -> dict[str, Any]:
        """Scores per kind, field accuracy and per-document scores as plain JSON."""
        return {
            "documents": len(self.per_document),
            "scores": {k: self.scores[k].as_json() for k in self.kinds},
            "fields": {k: {"correct": ok, "total": n} for k, (ok, n) in self.fields.items()},
            "per_document": {stem: {k: s.as_json() for k, s in scores.items()}
                             for stem, scores in self.per_document.items()},
            "missing": list(self.missing),
        }


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


def enterprise_key(name: str) -> str:
    """An enterprise name as compared: NFKC, no whitespace, no quotes.

    NFKC makes full-width brackets ASCII, so ``海南（潭牛）文昌鸡股份有限公司`` and
    ``海南(潭牛)文昌鸡股份有限公司`` are one name.
    """
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if not ch.isspace() and ch not in _QUOTES)


def _unique(items: Iterable[Doc], key: Callable[[Doc], Hashable]) -> list[Doc]:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _by_key(pred: list[Doc], gold: list[Doc], key: Callable[[Doc], Hashable]) -> Matching:
    """Match facts with equal keys (both sides already unique by key)."""
    gold_at = {key(g): j for j, g in enumerate(gold)}
    pairs = tuple((i, gold_at[key(p)]) for i, p in enumerate(pred) if key(p) in gold_at)
    return Matching(tuple(pred), tuple(gold), pairs)


def _greedy(pred: list[Doc], gold: list[Doc], same: Callable[[Doc, Doc], bool],
            alike: Callable[[Doc, Doc], float]) -> Matching:
    """Match each gold item to its most alike unused prediction that is ``same``."""
    used: set[int] = set()
    pairs = []
    for j, g in enumerate(gold):
        best, best_score = None, SIMILAR
        for i, p in enumerate(pred):
            if i in used or not same(p, g):
                continue
            score = alike(p, g)
            if score >= best_score:
                best, best_score = i, score
        if best is not None:
            used.add(best)
            pairs.append((best, j))
    return Matching(tuple(pred), tuple(gold), tuple(pairs))


def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 6)


def _target_key(t: Doc) -> tuple[Any, ...]:
    return (t.get("year"), _number(t.get("value")), t.get("unit"), t.get("qualifier"),
            t.get("metric"))


def _target_same(p: Doc, g: Doc) -> bool:
    return _target_key(p)[:4] == _target_key(g)[:4]


def _funding_same(p: Doc, g: Doc) -> bool:
    return ((_number(p.get("amount")), p.get("unit"), p.get("per"))
            == (_number(g.get("amount")), g.get("unit"), g.get("per")))


def _assignments(doc: Doc) -> list[Doc]:
    facts = [{"task": t["id"], "role": role, "unit": unit, "title": t.get("title"),
              "evidence": t.get("evidence")}
             for t in doc.get("tasks", []) for role in ("lead", "co") for unit in t.get(role) or []]
    return _unique(facts, _assignment_key)


def _assignment_key(fact: Doc) -> Hashable:
    return fact["task"], fact["role"], fact["unit"]


def _named(names: Iterable[str], details: Iterable[Doc], clean: Callable[[str], str]) -> list[Doc]:
    """Facts ``{"name", "written", "evidence"}``, the evidence from the provenance details."""
    evidence: dict[str, Any] = {}
    for detail in details:
        evidence.setdefault(str(detail.get("name")), detail.get("evidence"))
    facts = [{"name": clean(n), "written": n, "evidence": evidence.get(n)} for n in names]
    return _unique(facts, _name_key)


def _name_key(fact: Doc) -> Hashable:
    return fact["name"]


def _enterprises(doc: Doc) -> list[Doc]:
    facts = []
    for item in doc.get("enterprises") or []:
        entry = {"name": item} if isinstance(item, str) else dict(item)
        facts.append({**entry, "written": entry["name"], "name": enterprise_key(entry["name"])})
    return _unique(facts, _name_key)


def _task_key(task: Doc) -> Hashable:
    return task["id"]


def match_document(pred: Doc, gold: Doc) -> dict[str, Matching]:
    """The matching of every fact kind of one document (optional kinds only if gold has them)."""
    out = {
        "tasks": _by_key(_unique(pred.get("tasks", []), _task_key),
                         _unique(gold.get("tasks", []), _task_key), _task_key),
        "assignments": _by_key(_assignments(pred), _assignments(gold), _assignment_key),
        "targets": _greedy(
            _unique(pred.get("targets", []), _target_key),
            _unique(gold.get("targets", []), _target_key), _target_same,
            lambda p, g: similarity(p.get("metric"), g.get("metric"))),
        "funding": _greedy(
            list(pred.get("funding", [])), list(gold.get("funding", [])), _funding_same,
            lambda p, g: similarity(p.get("recipient"), g.get("recipient"))),
        "brands": _by_key(_named(pred.get("brands", []), pred.get("brand_details", []), _name),
                          _named(gold.get("brands", []), (), _name), _name_key),
        "departments": _by_key(
            _named(pred.get("departments", []), pred.get("agency_details", []), str),
            _named(gold.get("departments", []), (), str), _name_key),
    }
    if "enterprises" in gold:
        out["enterprises"] = _by_key(_enterprises(pred), _enterprises(gold), _name_key)
    return out


def score_document(pred: Doc, gold: Doc) -> dict[str, tuple[int, int, int]]:
    """(tp, predicted, gold) per fact kind for one document."""
    return {kind: m.counts for kind, m in match_document(pred, gold).items()}


def evaluate(pred: Mapping[str, Doc], gold: Mapping[str, Doc]) -> Report:
    """Score predictions against gold, both keyed by document stem."""
    report = Report()
    for stem in sorted(gold):
        g = gold[stem]
        p = pred.get(stem)
        if p is None:
            report.missing.append(stem)
            p = {"document": {}}
        report.matches[stem] = match_document(p, g)
        report.per_document[stem] = {}
        for kind, matching in report.matches[stem].items():
            report.scores.setdefault(kind, Score()).add(*matching.counts)
            report.per_document[stem][kind] = Score(*matching.counts)
        for name in DOCUMENT_FIELDS:
            want, got = g["document"].get(name), p["document"].get(name)
            report.fields[name][0] += int(_norm_field(want) == _norm_field(got))
            report.fields[name][1] += 1
    return report


def combine(reports: Mapping[str, Report]) -> Report:
    """One report over several sets; documents are named ``set/stem``."""
    out = Report()
    for name, report in reports.items():
        for kind in report.kinds:
            s = report.scores[kind]
            out.scores.setdefault(kind, Score()).add(s.tp, s.predicted, s.gold)
        for field_name, (ok, n) in report.fields.items():
            out.fields[field_name][0] += ok
            out.fields[field_name][1] += n
        for stem in report.per_document:
            out.per_document[f"{name}/{stem}"] = report.per_document[stem]
            out.matches[f"{name}/{stem}"] = report.matches[stem]
        out.missing.extend(f"{name}/{stem}" for stem in report.missing)
    return out


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
