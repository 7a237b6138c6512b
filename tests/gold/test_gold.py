"""Extraction against the hand-made gold in ../shared/eval (the acceptance numbers)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.corpus import extract_files
from ingest.evaluate import evaluate, load_dir

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"

pytestmark = pytest.mark.gold


def _require_shared() -> None:
    if SHARED.is_dir():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"the shared gold is missing at {SHARED}")
    pytest.skip(f"the shared gold is not here ({SHARED})")


def _report(gold_dir: Path, docs_dir: Path):
    _require_shared()
    gold = load_dir(gold_dir)
    result = extract_files([docs_dir / doc["source"] for doc in gold.values()])
    assert not result.problems
    predicted = {Path(e.source).stem: e.to_gold(provenance=False) for e in result.extractions}
    return evaluate(predicted, gold), predicted


def test_sample_corpus_meets_the_acceptance_numbers():
    report, predicted = _report(SHARED / "gold", ROOT / "data" / "corpus")
    s = report.scores
    assert s["assignments"].f1 == 1.0
    assert s["targets"].f1 >= 0.95
    assert s["funding"].f1 == 1.0
    assert s["departments"].f1 >= 0.90
    assert predicted["003_1dc68027a6229b57"]["document"]["duplicate_of"] == "002_74c2cbfde9540a99"


def test_dev_documents_meet_the_acceptance_numbers():
    report, _ = _report(SHARED / "dev" / "gold", SHARED / "dev" / "docs")
    assert report.scores["assignments"].f1 >= 0.90
    assert report.scores["targets"].f1 >= 0.85
