"""The synthetic corpus: deterministic bytes, every layout and encoding, gold the extractor meets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from ingest.corpus import corpus_files, extract_files
from ingest.evaluate import evaluate, load_dir
from ingest.reader import decode_bytes
from ingest.synth import document, generate

runner = CliRunner()


def test_same_seed_same_bytes_and_a_document_does_not_depend_on_the_count() -> None:
    first = [(d.name, d.data, d.gold_bytes()) for d in generate(12, seed=3)]
    again = [(d.name, d.data, d.gold_bytes()) for d in generate(12, seed=3)]
    assert first == again
    assert first[5:8] == [(d.name, d.data, d.gold_bytes()) for d in generate(3, seed=3, start=5)]
    other = [d.data for d in generate(12, seed=4)]
    assert all(a != b for (_, a, _), b in zip(first, other, strict=True))


def test_every_layout_encoding_and_format_occurs() -> None:
    docs = list(generate(150, seed=1))
    names = " ".join(d.name for d in docs)
    for part in ("_list_", "_lead_co_", "_table_", "_news_", "_trad", "_gb18030", ".html"):
        assert part in names, part
    for doc in docs:
        text, encoding = decode_bytes(doc.data, doc.name)
        assert encoding == ("gb18030" if "_gb18030" in doc.name else "utf-8"), doc.name
        if "_trad" in doc.name:
            assert "責任單位" in text or "牽頭" in text or "辦公室" in text, doc.name
        gold = doc.gold
        assert gold["source"] == doc.name
        assert {t["id"] for t in gold["tasks"]} and len(gold["departments"]) >= 2
        assert all(set(t) == {"task", "year", "metric", "value", "unit", "qualifier"}
                   for t in gold["targets"])
        json.loads(doc.gold_bytes())  # the file form is valid JSON


def test_documents_are_distinct_not_copies() -> None:
    texts = [document(9, n).data for n in range(200)]
    assert len(set(texts)) == 200


def test_the_extractor_meets_the_synthetic_gold(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "--docs", "40", "--seed", "2", "--out", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    docs, gold_dir = tmp_path / "s" / "docs", tmp_path / "s" / "gold"
    assert len(list(docs.iterdir())) == len(list(gold_dir.iterdir())) == 40
    extracted = extract_files(corpus_files([docs]))
    assert extracted.problems == []
    predicted = {Path(e.source).stem: e.to_gold(provenance=False) for e in extracted.extractions}
    report = evaluate(predicted, load_dir(gold_dir))
    assert report.missing == []
    for kind in ("tasks", "assignments", "targets", "funding", "departments", "enterprises"):
        assert report.scores[kind].f1 >= 0.95, (kind, report.scores[kind])


def test_synth_refuses_a_directory_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("mine")
    result = runner.invoke(app, ["synth", "--docs", "2", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "not an empty directory" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["x"]


@pytest.mark.parametrize("count", [1, 7])
def test_synth_writes_one_gold_file_per_document(tmp_path: Path, count: int) -> None:
    out = tmp_path / "corpus"
    assert runner.invoke(app, ["synth", "-n", str(count), "--out", str(out), "-q"]).exit_code == 0
    stems = sorted(p.name.rsplit(".", 1)[0] for p in (out / "docs").iterdir())
    assert stems == sorted(p.stem for p in (out / "gold").iterdir())
    assert len(stems) == count
