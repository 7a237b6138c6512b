"""A build in parts (:mod:`graph.shard`) writes the bytes of the whole corpus admitted and
serialised at once, on every gold set and on a synthetic corpus of a few hundred documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from graph.admit import admit
from graph.build import EXTRACTIONS, JSON_LD, TURTLE, extractions_json, write_build
from graph.rdf import graph_summary, serialize
from graph.shard import admit_parts
from ingest.corpus import corpus_files, extract_files
from ingest.synth import generate
from ontology.model import Extraction

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC_DOCUMENTS = 200


def _same_as_whole(extractions: Sequence[Extraction], out: Path, part_documents: int) -> None:
    built = write_build(extractions, out, part_documents=part_documents)
    whole = admit(extractions)
    assert (out / TURTLE).read_bytes() == serialize(whole.graph, "turtle")
    assert (out / JSON_LD).read_bytes() == serialize(whole.graph, "json-ld")
    assert (out / EXTRACTIONS).read_bytes() == extractions_json(whole.extractions)
    assert [str(r) for r in built.rejected] == [str(r) for r in whole.rejected]
    assert built.summary == graph_summary(whole.graph)


def test_every_gold_set_in_parts_of_three_is_the_whole_build(shared_eval: Path,
                                                              tmp_path: Path) -> None:
    folders = [shared_eval / "real" / "docs", shared_eval / "dev" / "docs",
               ROOT / "data" / "corpus", *sorted((ROOT / "tests" / "fixtures").glob("heldout*/docs"))]
    extractions = extract_files(corpus_files(folders)).extractions
    done = admit_parts(extractions, (), tmp_path, size=3)
    assert done is not None and len(done.spills) > 10  # really in parts, merged
    _same_as_whole(extractions, tmp_path / "build", 3)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> list[Extraction]:
    docs = tmp_path_factory.mktemp("synth")
    for doc in generate(SYNTHETIC_DOCUMENTS, seed=3):
        (docs / doc.name).write_bytes(doc.data)
    return extract_files(corpus_files([docs])).extractions


def test_a_synthetic_corpus_in_parts_is_the_whole_build(synthetic: list[Extraction],
                                                        tmp_path: Path) -> None:
    assert len(synthetic) == SYNTHETIC_DOCUMENTS
    _same_as_whole(synthetic, tmp_path / "build", 40)
