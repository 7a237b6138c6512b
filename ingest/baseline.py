"""Score floors per gold set and fact kind: the baseline a regression test holds scores to.

The baseline file (``tests/gold/baseline.json``) records, for every set ``make eval`` scores,
where its gold and documents are, whether it is invented, and precision, recall and F1 per
fact kind.  :func:`drops` lists every F1 that fell more than :data:`TOLERANCE` below its floor;
``policygraph eval … --update-baseline FILE`` rewrites the file after an improvement.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ingest.eval_sets import GoldSet
from ingest.evaluate import Report

#: How far an F1 may fall below its floor before the regression test fails (rounding noise).
TOLERANCE = 0.005


def baseline_of(runs: Iterable[tuple[GoldSet, Report]]) -> dict[str, Any]:
    """The baseline that a run of these sets sets: its P/R/F1 per set and kind."""
    return {
        "tolerance": TOLERANCE,
        "sets": {
            gold_set.name: {
                **gold_set.as_json(),
                "scores": {kind: {"precision": round(s.precision, 4),
                                  "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
                           for kind in report.kinds for s in [report.scores[kind]]},
            }
            for gold_set, report in runs
        },
    }


def updated(old: Mapping[str, Any] | None, runs: Iterable[tuple[GoldSet, Report]]
            ) -> dict[str, Any]:
    """The baseline ``old`` with the floors of these runs' sets replaced (other sets kept)."""
    new = baseline_of(runs)
    return {**new, "sets": {**(old or {}).get("sets", {}), **new["sets"]}}


def sets_of(baseline: Mapping[str, Any]) -> list[GoldSet]:
    """The gold sets a baseline names, paths as written in the file."""
    return [GoldSet(name, Path(spec["gold"]), Path(spec["docs"]) if spec.get("docs") else None,
                    bool(spec.get("invented")))
            for name, spec in baseline["sets"].items()]


def drops(baseline: Mapping[str, Any], name: str, report: Report) -> list[str]:
    """Every kind of one set whose F1 fell more than the tolerance below the baseline."""
    tolerance = float(baseline.get("tolerance", TOLERANCE))
    out = []
    for kind, floor in baseline["sets"][name]["scores"].items():
        score = report.scores.get(kind)
        f1 = score.f1 if score is not None else 0.0
        if f1 < floor["f1"] - tolerance:
            out.append(f"{name} {kind}: F1 {f1:.4f} < baseline {floor['f1']:.4f} "
                       f"(P {floor['precision']:.4f} -> "
                       f"{score.precision if score else 0.0:.4f}, R {floor['recall']:.4f} -> "
                       f"{score.recall if score else 0.0:.4f})")
    return out


def changes(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[str]:
    """One line per F1 that a rewrite of the baseline changes (a fall marked LOWER)."""
    before = (old or {}).get("sets", {})
    out = []
    for name, spec in new["sets"].items():
        for kind, score in spec["scores"].items():
            was = before.get(name, {}).get("scores", {}).get(kind, {}).get("f1")
            if was is None:
                out.append(f"{name} {kind}: F1 {score['f1']:.4f} (new)")
            elif was != score["f1"]:
                mark = "  LOWER" if score["f1"] < was else ""
                out.append(f"{name} {kind}: F1 {was:.4f} -> {score['f1']:.4f}{mark}")
    return out


def read_baseline(path: Path) -> dict[str, Any] | None:
    """The baseline in ``path``, or None when there is none yet."""
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_baseline(path: Path, baseline: Mapping[str, Any]) -> None:
    """Write the baseline as indented JSON, sets in run order (a diff reads one floor a line)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
