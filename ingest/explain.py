"""Every missed and every spurious fact of an eval run, with its sentence and its family.

The facts come from the scorer's own matching (:class:`ingest.evaluate.Matching`), so the
explanation and the scores never disagree.  A spurious prediction brings its sentence in its
evidence; a missed gold fact is looked up in the document's normalised text (a target by its
value, an assignment by its unit near the task's title, a name by itself).  The family is the
local format around the fact (:func:`ingest.families.family`): which family of rules should have read it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ingest.evaluate import FACTS, Doc, Report, similarity
from ingest.families import family, local_view

MISSED, SPURIOUS = "missed", "spurious"
_LEVEL_PREFIX = re.compile(r"^[省市县区州]")


@dataclass(frozen=True)
class Finding:
    """One missed or spurious fact."""

    kind: str
    outcome: str
    document: str
    fact: str
    family: str
    sentence: str | None
    section: str | None
    found: str | None = None   # the text found for the fact (the sentence is clipped around it)
    note: str | None = None    # e.g. that the fact was predicted under another task id

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


# --- locating a fact in the text -----------------------------------------------------------


def _occurrences(text: str, needle: str) -> list[int]:
    if not needle:
        return []
    return [m.start() for m in re.finditer(re.escape(needle), text)]


def _find(text: str, needles: Iterable[str], near: int | None = None) -> tuple[int, str] | None:
    """Without ``near``: the first occurrence of the first needle that occurs.  With it: the
    occurrence of any needle nearest after ``near`` (else the first needle that occurs)."""
    hits = [(i, needle) for needle in needles for i in _occurrences(text, needle)]
    if near is not None:
        after = [hit for hit in hits if hit[0] >= near]
        if after:
            return min(after, key=lambda hit: (hit[0], -len(hit[1])))
    return hits[0] if hits else None


def _value_text(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else str(value)


def _best_value(text: str, value: Any, unit: str | None, words: str | None,
                after: int) -> tuple[int, str] | None:
    """The mention of ``value unit`` whose clause is most like ``words``.

    The clause runs from the last line or sentence break before the value to ``after``
    characters past it.
    """
    if value is None:
        return None
    pattern = rf"(?<![\d.]){re.escape(_value_text(value))}\s?{re.escape(unit or '')}"
    found = [(m.start(), m.group()) for m in re.finditer(pattern, text)]
    if not found or not words:
        return found[0] if found else None

    def likeness(hit: tuple[int, str]) -> float:
        start = max(text.rfind("\n", 0, hit[0]), text.rfind("。", 0, hit[0]), hit[0] - 80) + 1
        return similarity(words, text[start:hit[0] + after])

    return max(found, key=likeness)


def _names(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", name)
    stripped = _LEVEL_PREFIX.sub("", name)
    return list(dict.fromkeys(n for n in (name, folded, stripped) if len(n) >= 2))


def _evidence_span(text: str, fact: Doc) -> tuple[int, int] | None:
    """Where a prediction's evidence sentence (its parts joined by `` … ``) is in the text."""
    evidence = fact.get("evidence") or {}
    parts = [p.strip() for p in str(evidence.get("sentence") or "").split(" … ") if p.strip()]
    spans = [(at, at + len(p)) for p in parts for at in [text.find(p)] if at >= 0]
    return (spans[0][0], max(e for _, e in spans)) if spans else None


def locate(kind: str, fact: Doc, text: str, outcome: str) -> tuple[int, int] | None:
    """Where a fact is written in the normalised text, or None.

    A spurious prediction is looked for inside its evidence sentence first.
    """
    if outcome == SPURIOUS:
        span = _evidence_span(text, fact)
        if span is not None:
            inner = _locate(kind, fact, text[span[0]:span[1]])
            return (span[0] + inner[0], span[0] + inner[1]) if inner else span
    return _locate(kind, fact, text)


def _locate(kind: str, fact: Doc, text: str) -> tuple[int, int] | None:
    hit: tuple[int, str] | None
    title = str(fact.get("title") or "")
    if kind == "tasks":
        hit = _find(text, [title[:12], title[:6]])
    elif kind == "assignments":
        at = _find(text, [title[:12], title[:6]]) if title else None
        hit = _find(text, _names(fact["unit"]), at[0] if at else None)
    elif kind == "targets":
        hit = _best_value(text, fact.get("value"), fact.get("unit"), fact.get("metric"), 0)
        hit = hit or _find(text, [str(fact.get("metric") or "")[:6]])
    elif kind == "funding":
        hit = _best_value(text, fact.get("amount"), fact.get("unit"), fact.get("recipient"), 20)
    else:
        hit = _find(text, _names(str(fact.get("written") or fact["name"])))
    if hit is None:
        return None
    return hit[0], hit[0] + len(hit[1])


# --- findings and their report -----------------------------------------------------------


def describe(kind: str, fact: Doc) -> str:
    """A fact on one line."""
    if kind == "tasks":
        return f"{fact['id']} {fact.get('title') or ''}".strip()
    if kind == "assignments":
        return f"{fact['task']} {fact['role']} {fact['unit']}"
    if kind == "targets":
        return (f"{fact.get('year')} {fact.get('metric')} {fact.get('value')}"
                f"{fact.get('unit') or ''} {fact.get('qualifier') or ''}").strip()
    if kind == "funding":
        return (f"{fact.get('recipient')}: {fact.get('amount')}{fact.get('unit')}"
                f" ({fact.get('per')})")
    if kind == "enterprises" and fact.get("region"):
        return f"{fact.get('written') or fact['name']} ({fact['region']})"
    return str(fact.get("written") or fact["name"])


def _finding(kind: str, outcome: str, stem: str, fact: Doc, text: str | None) -> Finding:
    span = locate(kind, fact, text, outcome) if text else None
    local = local_view(text, *span) if text and span else None
    evidence = fact.get("evidence") or {}
    stated = str(evidence["sentence"]) if evidence.get("sentence") else None
    if local is None and stated:
        local = local_view(stated, 0, len(stated))
    sentence = stated if outcome == SPURIOUS and stated else (local.sentence if local else None)
    section = evidence.get("section") or fact.get("task") or fact.get("id")
    return Finding(kind, outcome, stem, describe(kind, fact), family(kind, fact, local),
                   sentence, section, local.found if local else None)


def explain(report: Report, texts: Mapping[str, str]) -> list[Finding]:
    """Every missed and spurious fact of a scored run; ``texts`` are normalised document texts."""
    out = []
    for stem, matches in report.matches.items():
        for kind in FACTS:
            matching = matches.get(kind)
            if matching is None:
                continue
            elsewhere = _other_ids(kind, matching.spurious)
            for fact in matching.missed:
                finding = _finding(kind, MISSED, stem, fact, texts.get(stem))
                moved = elsewhere.get(_id_free(kind, fact))
                out.append(finding if moved is None else replace(
                    finding, note=f"predicted under task {moved}"))
            out.extend(_finding(kind, SPURIOUS, stem, f, texts.get(stem))
                       for f in matching.spurious)
    return out


def _id_free(kind: str, fact: Doc) -> tuple[Any, ...] | None:
    """What a task or assignment is without its task id (None for other kinds)."""
    if kind == "tasks":
        return (fact.get("title"),)
    if kind == "assignments":
        return fact.get("title"), fact["role"], fact["unit"]
    return None


def _other_ids(kind: str, spurious: Iterable[Doc]) -> dict[tuple[Any, ...] | None, str]:
    found: dict[tuple[Any, ...] | None, str] = {}
    for fact in spurious:
        key = _id_free(kind, fact)
        if key is not None and key[0]:
            found.setdefault(key, str(fact.get("task") or fact.get("id")))
    return found


def family_counts(findings: Iterable[Finding]) -> Counter[tuple[str, str, str]]:
    """How many findings per (kind, family, outcome)."""
    return Counter((f.kind, f.family, f.outcome) for f in findings)


def render(findings: list[Finding], width: int = 150) -> list[str]:
    """The explanation as lines: counts per family first, then each fact by kind and family."""
    counts = family_counts(findings)
    per_family = Counter({(k, fam): counts[k, fam, MISSED] + counts[k, fam, SPURIOUS]
                          for k, fam, _ in counts})
    moved = sum(f.note is not None for f in findings)
    lines = [f"{sum(f.outcome == MISSED for f in findings)} missed, "
             f"{sum(f.outcome == SPURIOUS for f in findings)} spurious"
             + (f" ({moved} missed facts were predicted under another task id: numbering, "
                "not the family)" if moved else "") + "; per family:",
             f"  {'missed':>6} {'spur.':>6}  kind          family"]
    for (kind, fam), _ in per_family.most_common():
        lines.append(f"  {counts[kind, fam, MISSED]:>6} {counts[kind, fam, SPURIOUS]:>6}"
                     f"  {kind:<13} {fam}")
    for kind in FACTS:
        families = [(fam, n) for (k, fam), n in per_family.most_common() if k == kind]
        if families:
            lines += ["", f"{kind}:"]
        for fam, n in families:
            lines.append(f"  {fam} ({n})")
            for f in sorted((f for f in findings if f.kind == kind and f.family == fam),
                            key=lambda f: (f.outcome, f.document)):
                note = f"  ({f.note})" if f.note else ""
                lines.append(f"    {f.outcome:<8} {f.document}  {f.fact}{note}")
                where = f"[{f.section}] " if f.section else ""
                sentence = " ".join((f.sentence or "(no sentence)").split())
                lines.append(f"             {where}{_clip(sentence, f.found, width)}")
    return lines


def _clip(text: str, focus: str | None, width: int) -> str:
    """At most ``width`` characters of ``text``, around ``focus`` when it is far in."""
    if len(text) <= width:
        return text
    at = text.find(focus) if focus else -1
    start = 0 if at < width // 2 else min(at - width // 3, len(text) - width + 1)
    clipped = text[start:start + width - 2]
    return ("…" if start else "") + clipped + ("…" if start + width - 2 < len(text) else "")
