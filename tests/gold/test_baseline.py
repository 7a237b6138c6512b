"""No score may drop: every set of ``tests/gold/baseline.json`` is run and held to its floors.

The baseline names each set (gold and document folders, relative to the project root) and its
precision, recall and F1 per fact kind; an F1 more than the file's tolerance (0.005) below its
floor fails.  After an improvement, rewrite the floors with ``make baseline`` (``policygraph
eval <every set> --update-baseline tests/gold/baseline.json``) and commit the file with the
change.  The held-out sets are invented documents: they are regression tests here, not an
estimate of accuracy, and the baseline marks them ``"invented": true``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ingest.baseline import drops, read_baseline, sets_of
from ingest.eval_sets import GoldSet, SetRun, run_set
from ingest.explain import MISSED, SPURIOUS, explain

ROOT = Path(__file__).resolve().parents[2]
BASELINE = Path(__file__).with_name("baseline.json")
#: The sets of real documents the baseline must hold.
REAL_SETS = ("samples", "dev", "real")

pytestmark = pytest.mark.gold

_baseline = read_baseline(BASELINE) or {"sets": {}}
_sets = sets_of(_baseline)


def _label(gold_set: GoldSet) -> str:
    return f"{gold_set.name}-INVENTED" if gold_set.invented else gold_set.name


@pytest.fixture(scope="module", params=_sets, ids=[_label(s) for s in _sets])
def run(request: pytest.FixtureRequest) -> SetRun:
    gold_set: GoldSet = request.param
    if not gold_set.gold.parts or gold_set.gold.parts[0] == "..":
        request.getfixturevalue("shared_eval")       # outside the project: ../shared/eval
    rooted = replace(gold_set, gold=ROOT / gold_set.gold,
                     docs=ROOT / gold_set.docs if gold_set.docs else None)
    return run_set(rooted, texts=True)


def test_the_baseline_holds_every_real_set_and_labels_the_invented_ones():
    names = {s.name: s for s in _sets}
    assert set(REAL_SETS) <= set(names), sorted(names)
    assert not any(names[n].invented for n in REAL_SETS)
    assert all(s.invented for s in _sets if "heldout" in str(s.gold))


def test_no_f1_drops_below_its_baseline(run: SetRun) -> None:
    dropped = drops(_baseline, run.gold_set.name, run.report)
    hint = "(if the drop is intended, rewrite the floors: make baseline)"
    assert not dropped, "\n".join([*dropped, hint])


def test_explain_lists_exactly_the_facts_the_scores_count(run: SetRun) -> None:
    findings = explain(run.report, run.texts)
    for kind in run.report.kinds:
        s = run.report.scores[kind]
        missed = sum(f.kind == kind and f.outcome == MISSED for f in findings)
        spurious = sum(f.kind == kind and f.outcome == SPURIOUS for f in findings)
        assert (missed, spurious) == (s.gold - s.tp, s.predicted - s.tp), kind
