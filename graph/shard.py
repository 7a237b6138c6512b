"""A corpus admitted in parts: the same valid graph as :func:`graph.admit.admit`, in less memory.

The graph of the whole corpus, held in rdflib and validated by pySHACL at once, costs about
1.5 KB a triple (3 GB for 2,000 synthetic documents).  Most of it never meets another
document: a plan's tasks, targets, funding, sections and evidence are keyed by the plan or
the source.  So the documents are grouped into parts that share no such node — one plan's
sources (duplicates), a plan and the plans it implements or interprets (the cascade aligns
their tasks) — and each part is admitted alone (:func:`graph.admit.admit`), its triples
spilled to a sorted file and its graph dropped.  Registers are one more part.

Parts meet only in nodes of :data:`SHARED`: agencies, regions, brands, enterprises,
recognitions, sources.  Their multi-valued triples merge as a set union; a single-valued
property set in two parts keeps the value the whole corpus's build would have set first
(the smallest :data:`graph.rdf.Rank`).  The merged graph conforms when every part does: the
shapes of those nodes ask for a value, a type, at most one value — never fewer triples.
The converse does not hold in general (a recognition without evidence in one part may have
its register row in another), so when any part breaks a shape at a shared node, or a plan
lands in two parts, the corpus is admitted whole instead (:func:`admit_parts` returns
``None``).
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Final

from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.admit import Admitted, Rejected, admit
from graph.rdf import Rank
from graph.rdf_cascade import parent_key
from ontology import identity as ident
from ontology.model import Extraction, Register
from ontology.vocab import ID

#: Documents per part: a part's graph is about 0.5 MB a document in rdflib.
PART_DOCUMENTS: Final = 100
#: Kinds of node two parts may share (by the first segment of the key).
SHARED: Final = frozenset({"agency", "region", "brand", "enterprise", "recognition", "source"})
_SPILL_CHUNK: Final = 2_000
"""Triples per pickled record of a spill file."""

#: One triple of a part with the rank of the call that set it (``None``: multi-valued).
Spilled = tuple[str, str, Node, Node, Node, Rank | None]


@dataclass(frozen=True)
class Parts:
    """What the parts admitted: their kept extractions and registers, the facts left out
    (in the order the whole corpus's admission reports them) and the spilled triples."""

    extractions: tuple[Extraction, ...]
    registers: tuple[Register, ...]
    rejected: tuple[Rejected, ...]
    spills: tuple[Path, ...]


def parts(extractions: Sequence[Extraction], size: int = PART_DOCUMENTS
          ) -> list[list[Extraction]]:
    """The documents in parts that share no plan: whole groups of related documents, packed
    in input order into parts of about ``size`` documents."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def unite(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    plan_of = ident.resolve_plan_keys(extractions)
    for extraction in extractions:
        doc = "doc:" + extraction.source
        unite(doc, "plan:" + plan_of[extraction.source])
        unite(doc, "stem:" + PurePosixPath(extraction.source).stem)
        if extraction.document.duplicate_of:
            unite(doc, "stem:" + PurePosixPath(extraction.document.duplicate_of).stem)
        for title in extraction.document.implements:
            unite(doc, "plan:" + parent_key(title))
    groups: dict[str, list[Extraction]] = {}
    for extraction in extractions:
        groups.setdefault(find("doc:" + extraction.source), []).append(extraction)
    packed: list[list[Extraction]] = []
    for group in groups.values():
        if packed and len(packed[-1]) + len(group) <= size:
            packed[-1].extend(group)
        else:
            packed.append(list(group))
    return packed


def admit_parts(extractions: Sequence[Extraction], registers: Sequence[Register],
                spill_dir: Path, shapes: Graph | None = None,
                size: int = PART_DOCUMENTS) -> Parts | None:
    """Admit each part alone and spill its triples into ``spill_dir``; ``None`` when the
    parts cannot be shown to give the whole corpus's graph (see the module's docstring)."""
    kept: list[Extraction] = []
    kept_registers: tuple[Register, ...] = ()
    found: list[tuple[int, int, Rejected]] = []
    spills: list[Path] = []
    plans_seen: set[str] = set()
    groups: list[tuple[list[Extraction], Sequence[Register]]] = [
        (part, ()) for part in parts(extractions, size)]
    if registers:
        groups.append(([], registers))
    for number, (part, lists) in enumerate(groups):
        ranks: dict[tuple[Node, Node], Rank] = {}
        admitted = admit(part, shapes, lists, ranks)
        if any(_kind(node) in SHARED for node in admitted.broken):
            return None
        plans = {str(s) for s in admitted.graph.subjects() if _kind(s) == "plan"}
        if plans & plans_seen:
            return None
        plans_seen |= plans
        kept.extend(admitted.extractions)
        kept_registers = kept_registers or admitted.registers
        found.extend((round_number, number, rejected)
                     for round_number, rejected in zip(admitted.rounds, admitted.rejected,
                                                           strict=True))
        spills.append(_spill(admitted, ranks, spill_dir))
        del admitted, ranks
    # the whole corpus's admission reports each round's facts by source (stable within one)
    found.sort(key=lambda item: (item[0], item[2].source))
    by_source = {e.source: n for n, e in enumerate(extractions)}
    kept.sort(key=lambda e: by_source[e.source])
    return Parts(tuple(kept), kept_registers, tuple(r for _, _, r in found), tuple(spills))


def _kind(node: Node) -> str:
    text = str(node)
    return text[len(str(ID)):].split("/", 1)[0] if text.startswith(str(ID)) else ""


def _spill(admitted: Admitted, ranks: dict[tuple[Node, Node], Rank], spill_dir: Path) -> Path:
    rows: list[Spilled] = [(str(s), str(p), s, p, o, ranks.get((s, p)))
                           for s, p, o in admitted.graph]
    rows.sort(key=lambda row: (row[0], row[1]))
    with tempfile.NamedTemporaryFile(dir=spill_dir, suffix=".part", delete=False) as handle:
        for start in range(0, len(rows), _SPILL_CHUNK):
            pickle.dump(rows[start:start + _SPILL_CHUNK], handle, pickle.HIGHEST_PROTOCOL)
    return Path(handle.name)


def _read_spill(path: Path) -> Iterator[Spilled]:
    with path.open("rb") as handle:
        yield from _records(handle)


def _records(handle: IO[bytes]) -> Iterator[Spilled]:
    while True:
        try:
            chunk: list[Spilled] = pickle.load(handle)
        except EOFError:
            return
        yield from chunk


def merged(spills: Sequence[Path]) -> Iterator[tuple[URIRef, list[tuple[Node, Node]]]]:
    """Each subject of the spilled parts in IRI order, with its (predicate, object) pairs:
    the union of the parts, a single-valued property with the value of the smallest rank."""
    rows = heapq.merge(*(_read_spill(p) for p in spills), key=lambda row: (row[0], row[1]))
    for _, subject_rows in itertools.groupby(rows, key=lambda row: row[0]):
        pairs: list[tuple[Node, Node]] = []
        subject: Node | None = None
        for _, predicate_rows in itertools.groupby(subject_rows, key=lambda row: row[1]):
            group = list(predicate_rows)
            subject = group[0][2]
            ranked = [row for row in group if row[5] is not None]
            if ranked:
                best = min(ranked, key=lambda row: row[5])  # type: ignore[arg-type,return-value]
                pairs.append((best[3], best[4]))
                group = [row for row in group if row[5] is None]
            pairs.extend(dict.fromkeys((row[3], row[4]) for row in group))
        assert isinstance(subject, URIRef)
        yield subject, pairs
