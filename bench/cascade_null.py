"""What a cascade score reaches by chance: tasks of plans that do not implement each other.

Run: ``python -m bench.cascade_null [DOCS_DIR ...]`` (default: the sample corpus and the real
and dev documents of ``../shared/eval``).  Every ordered pair of documents (A, B) that are not
one plan and do not implement, or interpret, the same or each other's plan is aligned as if
B implemented A (:func:`graph.cascade.scores`), and the best score of each of B's tasks is
kept: the scores an aligner gives a task that carries out no measure of A.  Prints their
distribution; :data:`graph.cascade.THRESHOLD` is set above nearly all of them, so a link is
seldom a pair of unrelated tasks.  The gold of the sample pair plays no part in it.
"""

from __future__ import annotations

import argparse
import statistics
from itertools import permutations
from pathlib import Path

from graph.cascade import scores
from graph.rdf_cascade import task_text
from ingest.corpus import corpus_files, extract_files
from ontology import identity as ident
from ontology.model import Extraction

DEFAULT_DIRS = (Path("data/corpus"), Path("../shared/eval/real/docs"),
                Path("../shared/eval/dev/docs"))
PERCENTILES = (50, 90, 95, 98, 99)


def related(a: Extraction, b: Extraction) -> bool:
    """Whether two documents are one plan or stand in an implementing relation."""
    def plans(x: Extraction) -> set[str]:
        own = {ident.normalize_title(x.document.title)} if x.document.title else set()
        return own | {ident.normalize_title(t) for t in x.document.implements}

    return bool(plans(a) & plans(b)) or bool(
        a.document.duplicate_of or b.document.duplicate_of)


def best_scores(extractions: list[Extraction]) -> list[tuple[float, str, str, str]]:
    """The best score of each task of B against A's tasks, for every unrelated (A, B)."""
    out = []
    with_tasks = [x for x in extractions if x.tasks]
    for parent, child in permutations(with_tasks, 2):
        if related(parent, child):
            continue
        parents = [task_text(f"{parent.source}#{t.id}", t) for t in parent.tasks]
        children = [task_text(f"{child.source}#{t.id}", t) for t in child.tasks]
        for task, row in zip(children, scores(children, parents), strict=True):
            best = max(row)
            out.append((best, task.key, parents[row.index(best)].key, child.source))
    return sorted(out, reverse=True)


def percentile(values: list[float], p: int) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> None:
    """Print the distribution of chance scores and the pairs that score highest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=list(DEFAULT_DIRS))
    parser.add_argument("--top", type=int, default=10, help="How many of the best to list.")
    args = parser.parse_args()
    result = extract_files(corpus_files([d for d in args.dirs if d.is_dir()]))
    extractions = list(result.extractions)
    found = best_scores(extractions)
    values = [score for score, *_ in found]
    print(f"{len(extractions)} documents, {sum(bool(x.tasks) for x in extractions)} with tasks;"
          f" {len(values)} (task, unrelated plan) pairs")
    print(f"mean {statistics.mean(values):.4f}  max {max(values):.4f}  " + "  ".join(
        f"p{p} {percentile(values, p):.4f}" for p in PERCENTILES))
    for score, child, parent, _ in found[:args.top]:
        print(f"{score:.4f}  {child}  ->  {parent}")


if __name__ == "__main__":
    main()
