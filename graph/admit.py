"""A SHACL-valid graph from any extractions: what breaks a shape is reported and left out.

:func:`admit` builds the graph, validates it, and maps each violation's focus node back to
the extracted facts that made it (:func:`graph.rdf.build_traced`).  Those facts — a task, a
target, one agency as named by one task, … — are left out of their extractions and the
graph is built again, until it conforms; so the graph that is written is always valid, and
one document's broken fact never costs the rest of the corpus.  Each fact left out becomes a
:class:`Rejected` naming its document, its sentence and the shapes' messages.

Only the broken fact goes: a target of a task that is left out stays, on the plan (the
builder hangs a target whose task is unknown on its plan), and an agency left out as one
task's lead stays wherever else it is named.  A document goes as a whole only when its own
plan or source node breaks a shape.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.errors import GraphError
from graph.rdf import Fact, Rank, build_traced
from graph.validate import ValidationReport, Violation, validate
from ontology.identity import number_text
from ontology.model import Evidence, Extraction, Register
from ontology.vocab import load_shapes

_SENTENCE_SHOWN: Final = 80
"""How many characters of a sentence a :class:`Rejected` line quotes."""


@dataclass(frozen=True)
class Rejected:
    """A fact left out of the graph: where it was, what it said, which shapes it broke."""

    source: str
    what: str
    sentence: str | None
    messages: tuple[str, ...]

    def __str__(self) -> str:
        quoted = ""
        if self.sentence:
            text = " ".join(self.sentence.split())
            cut = text if len(text) <= _SENTENCE_SHOWN else text[: _SENTENCE_SHOWN - 1] + "…"
            quoted = f" («{cut}»)"
        return f"{self.source}: left out {self.what}{quoted}: {' '.join(self.messages)}"


@dataclass(frozen=True)
class Admitted:
    """The valid graph, the extractions and registers it was built from, and the facts
    left out."""

    graph: Graph
    extractions: tuple[Extraction, ...]
    rejected: tuple[Rejected, ...]
    report: ValidationReport
    registers: tuple[Register, ...] = ()
    #: The round of the build each rejection was found in (the first round is 0).
    rounds: tuple[int, ...] = ()
    #: The nodes that broke a shape, over all rounds.
    broken: frozenset[Node] = frozenset()


def admit(extractions: Sequence[Extraction], shapes: Graph | None = None,
          registers: Sequence[Register] = (),
          ranks: dict[tuple[Node, Node], Rank] | None = None) -> Admitted:
    """Build and validate; leave out the facts behind each violation until the graph conforms.

    Deterministic: the same extractions give the same graph and the same rejections.
    Raises :class:`GraphError` only for a violation no extracted fact can be blamed for
    (a bug of the builder, not of a document).  A register's rows are facts like a
    document's: a row that breaks a shape is left out, the rest of the list is kept.
    ``ranks`` receives the ranks of the graph that is returned (:func:`graph.rdf.build_traced`).
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    current = tuple(extractions)
    lists = tuple(registers)
    rejected: list[Rejected] = []
    rounds: list[int] = []
    broken: set[Node] = set()
    for round_number in itertools.count():
        if ranks is not None:
            ranks.clear()
        graph, made_by = build_traced(current, lists, ranks)
        report = validate(graph, shapes_graph)
        if report.conforms:
            return Admitted(graph, current, tuple(rejected), report, lists, tuple(rounds),
                            frozenset(broken))
        blamed: dict[Fact, list[Violation]] = defaultdict(list)
        for violation in report.results:
            if violation.severity != "Violation":
                continue
            if violation.node is not None:
                broken.add(violation.node)
            facts = made_by.get(violation.node) if isinstance(violation.node, URIRef) else None
            if not facts:
                raise GraphError(f"graph violates the SHACL shapes at a node no document made: "
                                 f"{violation}")
            for fact in facts:
                blamed[fact].append(violation)
        by_source = {e.source: e for e in current}
        by_register = {r.source: r for r in lists}
        for fact in sorted(blamed, key=_order):
            rejected.append(_describe_row(by_register[fact.source], fact, blamed[fact])
                            if fact.source in by_register and fact.source not in by_source
                            else _describe(by_source[fact.source], fact, blamed[fact]))
            rounds.append(round_number)
        before = (current, lists)
        current = _without(current, blamed)
        lists = _without_rows(lists, blamed)
        if (current, lists) == before:
            raise GraphError("cannot make the graph valid by leaving facts out")
    raise AssertionError("unreachable")  # itertools.count() does not end


def _order(fact: Fact) -> tuple[str, str, int, str]:
    return fact.source, fact.part, fact.index, fact.name or ""


def _without(extractions: tuple[Extraction, ...], facts: Iterable[Fact]) -> tuple[Extraction, ...]:
    """``extractions`` without ``facts``; raises GraphError if nothing changes."""
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_source[fact.source].append(fact)
    kept = []
    for extraction in extractions:
        dropped = by_source.get(extraction.source)
        if not dropped:
            kept.append(extraction)
        elif all(f.part != "document" for f in dropped):
            kept.append(_drop_facts(extraction, dropped))
    return tuple(kept)


def _without_rows(registers: tuple[Register, ...], facts: Iterable[Fact]) -> tuple[Register, ...]:
    """``registers`` without the rows behind ``facts`` (a broken source node: the list)."""
    rows: dict[str, set[int]] = defaultdict(set)
    whole: set[str] = set()
    for fact in facts:
        if fact.part == "entries":
            rows[fact.source].add(fact.index)
        elif fact.part == "register":
            whole.add(fact.source)
    return tuple(
        r if r.source not in rows else r.model_copy(update={"entries": tuple(
            e for n, e in enumerate(r.entries) if n not in rows[r.source])})
        for r in registers if r.source not in whole)


def _drop_facts(extraction: Extraction, facts: list[Fact]) -> Extraction:
    items: dict[str, set[int]] = defaultdict(set)
    names: dict[int, set[str]] = defaultdict(set)
    document = extraction.document
    implements: set[int] = set()
    for fact in facts:
        if fact.part == "issuer":
            document = document.model_copy(update={"issuer": None})
        elif fact.part == "implements":
            implements.add(fact.index)
        elif fact.part == "tasks" and fact.name is not None:
            names[fact.index].add(fact.name)
        else:
            items[fact.part].add(fact.index)
    if implements:
        document = document.model_copy(update={"implements": tuple(
            t for n, t in enumerate(document.implements) if n not in implements)})
    tasks = tuple(
        task.model_copy(update={"lead": tuple(a for a in task.lead if a not in names[n]),
                                "co": tuple(a for a in task.co if a not in names[n])})
        if n in names else task
        for n, task in enumerate(extraction.tasks) if n not in items["tasks"])
    update: dict[str, object] = {"document": document, "tasks": tasks}
    for part in ("targets", "funding", "brands", "agencies", "enterprises"):
        values = getattr(extraction, part)
        update[part] = tuple(v for n, v in enumerate(values) if n not in items[part])
    return extraction.model_copy(update=update)


def _describe(extraction: Extraction, fact: Fact, violations: list[Violation]) -> Rejected:
    what, evidence = _fact_text(extraction, fact)
    if fact.part == "tasks" and evidence is None:
        sentence = extraction.tasks[fact.index].title
    elif fact.part == "document":
        sentence = extraction.document.title
    else:
        sentence = evidence.sentence if evidence is not None else None
    messages = tuple(dict.fromkeys(v.message for v in violations))
    return Rejected(extraction.source, what, sentence, messages)


def _describe_row(register: Register, fact: Fact, violations: list[Violation]) -> Rejected:
    messages = tuple(dict.fromkeys(v.message for v in violations))
    if fact.part != "entries":
        return Rejected(register.source, "the whole list", register.title, messages)
    entry = register.entries[fact.index]
    who = " ".join(x for x in (entry.enterprise, entry.brand) if x)
    return Rejected(register.source, f"row {entry.row} ({who})", None, messages)


def _fact_text(extraction: Extraction, fact: Fact) -> tuple[str, Evidence | None]:
    """What a fact is, in a few words, and its evidence."""
    n = fact.index
    if fact.part == "tasks":
        task = extraction.tasks[n]
        what = f"{fact.name} as responsible for task {task.id}" if fact.name else f"task {task.id}"
        return what, task.evidence
    if fact.part == "targets":
        return f"target {extraction.targets[n].metric}", extraction.targets[n].evidence
    if fact.part == "funding":
        funding = extraction.funding[n]
        return f"funding {number_text(funding.amount)}{funding.unit}", funding.evidence
    if fact.part == "brands":
        return f"brand {extraction.brands[n].name}", extraction.brands[n].evidence
    if fact.part == "agencies":
        return f"agency {extraction.agencies[n].name}", extraction.agencies[n].evidence
    if fact.part == "enterprises":
        return (f"enterprise {extraction.enterprises[n].name}",
                extraction.enterprises[n].evidence)
    if fact.part == "implements":
        return f"the plan it implements 《{extraction.document.implements[n]}》", None
    if fact.part == "issuer":
        return f"its issuer {fact.name}", None
    return "the whole document", None
