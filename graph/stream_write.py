"""``graph.ttl`` and ``graph.jsonld`` written from subjects in IRI order, without one graph.

The bytes are those of :func:`graph.rdf.serialize` for the same triples.  rdflib's Turtle
writer puts the subjects in the order of how often each is an object, then by IRI, and
each subject's block depends on its own triples only; its JSON-LD node likewise.  So the
subjects are read once, in IRI order, a chunk at a time, each chunk a small graph given to
rdflib's own writers: the JSON-LD nodes go straight to ``graph.jsonld``, the Turtle blocks
to a scratch file (counting references on the way); then the blocks are copied into
``graph.ttl`` in Turtle's order, after the prefixes they used.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path
from typing import IO, Final

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, NamespaceManager
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from graph.rdf import JSON_LD_CONTEXT, json_ld_nodes, summary
from ontology.vocab import CLASS_OF, bind_prefixes

_CHUNK: Final = 2_000
"""Subjects per small graph handed to rdflib's writers."""

Subject = tuple[URIRef, list[tuple[Node, Node]]]


def write_graph(subjects: Iterable[Subject], turtle: Path, json_ld: Path, work: Path
                ) -> dict[str, int]:
    """Write ``turtle`` and ``json_ld`` from ``subjects`` (sorted by IRI, each with its
    predicate–object pairs); returns the :func:`graph.rdf.graph_summary` of the graph."""
    blocks = work / "blocks.ttl"
    offsets = array("q")
    names: list[str] = []
    references: Counter[str] = Counter()
    kinds: Counter[Node] = Counter()
    links: Counter[Node] = Counter()
    writer = _ChunkWriter()
    with blocks.open("wb") as blocks_out, json_ld.open("wb") as nodes_out:
        writer.stream = blocks_out
        head, tail = _json_ld_frame()
        nodes_out.write(head)
        written = 0
        chunk: list[Subject] = []

        def flush() -> int:
            graph = _chunk_graph(chunk, writer.namespaces_of_chunks)
            writer.write_chunk(graph, [subject for subject, _ in chunk], offsets)
            return _write_nodes(graph, nodes_out, written)

        for subject, pairs in subjects:
            names.append(str(subject))
            for predicate, obj in pairs:
                if isinstance(obj, URIRef):
                    references[str(obj)] += 1
                if predicate == RDF.type:
                    kinds[obj] += 1
                links[predicate] += 1
            chunk.append((subject, pairs))
            if len(chunk) == _CHUNK:
                written = flush()
                chunk = []
        if chunk:
            written = flush()
        offsets.append(blocks_out.tell())
        nodes_out.write(tail if written else b"]\n}\n")
    order = _turtle_order(names, references)
    del names, references
    with turtle.open("wb") as out, blocks.open("rb") as blocks_in:
        out.write(writer.header())
        for n in order:
            blocks_in.seek(offsets[n])
            out.write(blocks_in.read(offsets[n + 1] - offsets[n]))
        out.write(b"\n")
    blocks.unlink()
    return summary(lambda kind: kinds[CLASS_OF[kind]], lambda predicate: links[predicate])


def _turtle_order(names: list[str], references: Counter[str]) -> list[int]:
    """Subjects (by their place in IRI order) as rdflib's Turtle writer orders them: by how
    often each is an object, then by IRI."""
    buckets: dict[int, array[int]] = {}
    for n, name in enumerate(names):
        buckets.setdefault(references.get(name, 0), array("q")).append(n)
    return [n for count in sorted(buckets) for n in buckets[count]]


def _chunk_graph(chunk: Iterable[Subject], namespaces: NamespaceManager) -> Graph:
    """A small graph of ``chunk``, its triples added in :func:`graph.rdf.serialize`'s order
    (rdflib's writers keep it among objects that do not compare).  All chunks share one
    namespace manager, as one graph would (rdflib caches its prefixed names there)."""
    graph = Graph(namespace_manager=namespaces)
    for subject, pairs in chunk:
        for predicate, obj in sorted(pairs, key=lambda pair: (pair[0].n3(), pair[1].n3())):
            graph.add((subject, predicate, obj))
    return graph


def _json_ld_frame() -> tuple[bytes, bytes]:
    """The text of ``graph.jsonld`` before and after its nodes."""
    text = json.dumps({"@context": JSON_LD_CONTEXT, "@graph": [0]}, ensure_ascii=False,
                      indent=2, sort_keys=True)
    head, tail = text.split("\n    0\n")
    return head.encode("utf-8"), ("\n" + tail + "\n").encode("utf-8")


def _write_nodes(graph: Graph, out: IO[bytes], written: int) -> int:
    for node in json_ld_nodes(graph):
        text = json.dumps(node, ensure_ascii=False, indent=2, sort_keys=True)
        out.write(b",\n" if written else b"\n")
        out.write(("\n".join("    " + line for line in text.split("\n"))).encode("utf-8"))
        written += 1
    return written


class _ChunkWriter(TurtleSerializer):
    """rdflib's Turtle writer, fed one small graph at a time in the whole graph's order."""

    def __init__(self) -> None:
        super().__init__(bind_prefixes(Graph()))
        self.namespaces_of_chunks = self.store.namespace_manager

    def write_chunk(self, graph: Graph, subjects: list[URIRef], offsets: array[int]) -> None:
        """The blocks of ``subjects`` (all of ``graph``'s), each starting at the offset
        appended to ``offsets``."""
        self.store = graph
        self._references.clear()
        self._subjects.clear()
        self._serialized.clear()
        for triple in graph.triples((None, None, None)):
            self.preprocessTriple(triple)
        assert self.stream is not None
        for subject in subjects:
            offsets.append(self.stream.tell())
            self.statement(subject)
            self.write("\n")

    def header(self) -> bytes:
        """The prefixes the blocks used, as rdflib writes them before the first block."""
        stream, self.stream = self.stream, BytesIO()
        self.startDocument()
        text = self.stream.getvalue()
        self.stream = stream
        return text


def subjects_of(graph: Graph) -> Iterator[Subject]:
    """The subjects of one graph in IRI order (what :func:`write_graph` reads)."""
    for subject in sorted({s for s in graph.subjects() if isinstance(s, URIRef)}, key=str):
        yield subject, list(graph.predicate_objects(subject))
