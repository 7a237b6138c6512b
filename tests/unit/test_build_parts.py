"""A build admitted in parts and written from their merged triples is the whole build.

The reference is the whole corpus admitted at once (:func:`graph.admit.admit`) and
serialised whole (:func:`graph.rdf.serialize`): the build of before :mod:`graph.shard`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdf_fixtures import ALL, JINAN, evidence
from rdflib import Graph
from test_admit import _broken

from graph.admit import admit
from graph.build import EXTRACTIONS, JSON_LD, REGISTERS, TURTLE, extractions_json, write_build
from graph.rdf import build_graph, graph_summary, serialize
from graph.shard import admit_parts, parts
from graph.stream_write import subjects_of, write_graph
from ontology.model import Brand, BrandKind, DocumentMeta, Extraction, Recognition, Register

OTHER = "zz_other.txt"


def _other(recognition: Recognition | None = None) -> Extraction:
    """Another city's plan naming Jinan's brand with another kind (the first kind in the
    whole corpus's order wins) and, optionally, a recognition of Dezhou's firm."""
    dezhou_firm = ALL[2].enterprises[0]
    firm = dezhou_firm.model_copy(update={
        "recognitions": (recognition,), "evidence": evidence(OTHER, 30, 42, dezhou_firm.name)})
    return JINAN.model_copy(update={
        "source": OTHER,
        "document": DocumentMeta(title="某市老字号保护方案", region="某市"),
        "tasks": (), "targets": (), "funding": (), "agencies": (),
        "brands": (Brand(name="济南品牌", kind=BrandKind.AWARD,
                         evidence=evidence(OTHER, 0, 8, "济南品牌")),),
        "enterprises": (firm,) if recognition is not None else (),
    })


def _whole(extractions: list[Extraction], registers: tuple[Register, ...]) -> dict[str, object]:
    admitted = admit(extractions, registers=registers)
    return {TURTLE: serialize(admitted.graph, "turtle"),
            JSON_LD: serialize(admitted.graph, "json-ld"),
            "rejected": [str(r) for r in admitted.rejected],
            "summary": graph_summary(admitted.graph),
            "kept": sorted(e.source for e in admitted.extractions)}


def _built(extractions: list[Extraction], registers: tuple[Register, ...], out: Path
           ) -> dict[str, object]:
    built = write_build(extractions, out, registers, part_documents=1)
    return {TURTLE: (out / TURTLE).read_bytes(), JSON_LD: (out / JSON_LD).read_bytes(),
            "rejected": [str(r) for r in built.rejected], "summary": built.summary,
            "kept": [e["source"] for e in json.loads((out / EXTRACTIONS).read_text())]}


@pytest.mark.parametrize("with_registers", [False, True])
def test_parts_give_the_whole_builds_bytes_and_rejections(tmp_path: Path,
                                                          with_registers: bool) -> None:
    from rdf_fixtures import REGISTERS as LISTS

    registers = LISTS if with_registers else ()
    extractions = [*ALL, _broken(), _other(Recognition(programme="中华老字号", batch=2))]
    # Jinan and its copy, Dezhou and the measures it implements, the broken plan, the other
    assert [len(p) for p in parts(extractions, 1)] == [2, 2, 1, 1]
    done = admit_parts(extractions, registers, tmp_path, size=1)
    assert done is not None and len(done.spills) == 4 + bool(registers)
    whole = _whole(extractions, registers)
    assert len(whole["rejected"]) == 3  # type: ignore[arg-type]
    assert _built(extractions, registers, tmp_path / "build") == whole
    assert (tmp_path / "build" / REGISTERS).exists() == with_registers


def test_a_broken_shared_node_admits_the_corpus_whole(tmp_path: Path) -> None:
    # a recognition's batch must be at least 1 (the model checks it too; the shape is the
    # net): it breaks at a node two parts could share
    extractions = [*ALL, _other(Recognition.model_construct(programme="中华老字号", batch=0))]
    assert admit_parts(extractions, (), tmp_path, size=1) is None
    whole = _whole(extractions, ())
    assert any("recognition" in line or "中华老字号" in line or "batch" in line.lower()
               for line in whole["rejected"]), whole["rejected"]  # type: ignore[attr-defined]
    assert _built(extractions, (), tmp_path / "build") == whole


@pytest.mark.parametrize("graph", [build_graph(ALL), Graph()], ids=["fixtures", "empty"])
def test_the_streamed_writers_give_serialize_bytes(tmp_path: Path, graph: Graph) -> None:
    summary = write_graph(subjects_of(graph), tmp_path / TURTLE, tmp_path / JSON_LD, tmp_path)
    assert (tmp_path / TURTLE).read_bytes() == serialize(graph, "turtle")
    assert (tmp_path / JSON_LD).read_bytes() == serialize(graph, "json-ld")
    assert summary == graph_summary(graph)
    assert sorted(p.name for p in tmp_path.iterdir()) == [JSON_LD, TURTLE]


@pytest.mark.parametrize("count", [0, 1, 4])
def test_extractions_json_written_one_at_a_time_is_the_whole_lists_json(count: int) -> None:
    chosen = list(ALL[:count])
    data = [e.model_dump(mode="json") for e in sorted(chosen, key=lambda e: e.source)]
    whole = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert extractions_json(chosen) == whole.encode("utf-8")
