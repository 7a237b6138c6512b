"""The ``policygraph cascade-eval`` command: the cascade's links against a hand-made gold.

A cascade gold (``tests/gold/cascade/000_001.json``) names a parent document, a child
document, the parent's measures by title, and the links a careful reader draws between the
child's tasks (by id) and those measures: *sure* links and *possible* ones (not wrong, not
required), as word alignments are scored (Och & Ney 2003): precision = correct predicted
links / predicted links, where a link in either set is correct; recall = predicted sure
links / sure links.  A predicted parent measure stands for the gold measure whose title is
most alike (:func:`ingest.evaluate.similarity` at least :data:`ingest.evaluate.SIMILAR`).

``--find-pairs`` lists the parent/child pairs a set of gold files holds: a document whose
``implements`` names the title of another document of the sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from graph.rdf_cascade import alignments
from ingest.corpus import corpus_files, extract_files
from ingest.evaluate import SIMILAR, similarity
from ontology import identity as ident
from ontology.model import Extraction

Pair = tuple[str, str]


@dataclass(frozen=True)
class CascadeScore:
    """Predicted links (child task id, gold measure title, score) against the gold."""

    predicted: tuple[tuple[str, str, float], ...]
    sure: frozenset[Pair]
    possible: frozenset[Pair]
    unmatched: tuple[str, ...]  # predicted parent measures that stand for no gold measure

    @property
    def correct(self) -> list[tuple[str, str, float]]:
        """Predicted links the gold holds (sure or possible)."""
        return [p for p in self.predicted if p[:2] in self.sure | self.possible]

    @property
    def precision(self) -> float:
        """Correct / predicted (1.0 when nothing is predicted)."""
        return len(self.correct) / len(self.predicted) if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Predicted sure links / sure links."""
        found = {p[:2] for p in self.predicted} & self.sure
        return len(found) / len(self.sure) if self.sure else 1.0


def gold_title(title: str | None, measures: Sequence[str]) -> str | None:
    """The gold measure a predicted measure's title stands for, if any is alike enough."""
    best = max(measures, key=lambda m: (similarity(title, m), m), default=None)
    return best if best is not None and similarity(title, best) >= SIMILAR else None


def score(gold: Mapping[str, Any], extractions: Sequence[Extraction]) -> CascadeScore:
    """The links the build draws between the gold's two documents, scored against it."""
    parent, child = gold["parent"], gold["child"]
    chosen = [x for x in extractions if x.source in (parent, child)]
    plan_of = ident.resolve_plan_keys(chosen)
    predicted, unmatched = [], []
    for link, (child_x, task), (parent_x, measure) in alignments(chosen, plan_of):
        if child_x.source != child or parent_x.source != parent:
            continue
        title = gold_title(measure.title, gold["measures"])
        if title is None:
            unmatched.append(measure.title or measure.id)
        predicted.append((task.id, title or f"?{measure.title}", link.score))
    return CascadeScore(tuple(predicted), frozenset(map(tuple, gold["sure"])),
                        frozenset(map(tuple, gold["possible"])), tuple(unmatched))


def find_pairs(golds: Iterable[Mapping[str, Any]]) -> list[Pair]:
    """(parent source, child source) of every document implementing another's title."""
    docs = list(golds)
    titles = {ident.normalize_title(d["document"].get("title")): d["source"] for d in docs
              if d["document"].get("title")}
    return sorted((titles[t], d["source"]) for d in docs
                  for t in map(ident.normalize_title, d["document"].get("implements") or ())
                  if t in titles and titles[t] != d["source"])


def register(app: typer.Typer) -> None:
    """Add the ``cascade-eval`` command to the ``policygraph`` CLI."""

    @app.command("cascade-eval")
    def cascade_eval(
        gold: Annotated[list[Path], typer.Argument(
            help="Cascade gold files (JSON), or with --find-pairs directories of document gold.")],
        docs: Annotated[list[Path] | None, typer.Option(
            "--docs", help="Where the documents are (default: data/corpus).")] = None,
        pairs: Annotated[bool, typer.Option(
            "--find-pairs", help="List the parent/child pairs the gold directories hold.")]
            = False,
    ) -> None:
        """Precision and recall of the cascade's task → measure links against a gold."""
        if pairs:
            files = sorted(f for d in gold for f in d.glob("*.json"))
            found = find_pairs(json.loads(f.read_text(encoding="utf-8")) for f in files)
            typer.echo(f"{len(files)} gold files, {len(found)} parent/child pair(s)")
            for parent, child in found:
                typer.echo(f"  {parent} -> {child}")
            return
        extractions = list(extract_files(corpus_files(docs or [Path("data/corpus")])).extractions)
        for path in gold:
            data = json.loads(path.read_text(encoding="utf-8"))
            result = score(data, extractions)
            typer.echo(f"== {path.name}: {data['parent']} -> {data['child']}")
            typer.echo(f"precision {result.precision:.2f} ({len(result.correct)}/"
                       f"{len(result.predicted)})  recall {result.recall:.2f} "
                       f"({len({p[:2] for p in result.predicted} & result.sure)}/"
                       f"{len(result.sure)} sure links)")
            for task, title, value in result.predicted:
                mark = ("sure" if (task, title) in result.sure else "possible"
                        if (task, title) in result.possible else "WRONG")
                typer.echo(f"  {value:.4f}  {task} -> {title}  [{mark}]")
            for task, title in sorted(result.sure - {p[:2] for p in result.predicted}):
                typer.echo(f"  missed  {task} -> {title}")
