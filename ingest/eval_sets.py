"""Gold sets for ``policygraph eval``: where a set's gold and documents are, and one run of it.

A set is named, has a directory of gold JSON and (optionally) a directory of documents, and is
either real documents or documents invented for testing (an invented set is a regression test,
not an estimate of accuracy).  :func:`run_set` finds each gold file's document, extracts it
(with provenance, which the scores ignore and ``ingest.explain`` uses), and scores it.  This
module does the eval's file I/O; scoring stays pure in :mod:`ingest.evaluate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.corpus import extract_files
from ingest.errors import IngestError
from ingest.evaluate import Report, evaluate, load_dir
from ingest.normalize import normalize
from ingest.reader import read_document

#: Where the sample corpus's documents are (the gold of ``../shared/eval/gold`` names them).
DEFAULT_CORPUS = Path("data/corpus")


class GoldSetError(ValueError):
    """A set that cannot be scored: bad spec, no gold directory, no gold files."""


@dataclass(frozen=True)
class GoldSet:
    """A named gold directory, where its documents are, and whether they are invented."""

    name: str
    gold: Path
    docs: Path | None = None
    invented: bool = False

    @classmethod
    def parse(cls, spec: str, *, invented: bool = False) -> GoldSet:
        """Read ``NAME=GOLD[:DOCS]``.  Example: ``real=../shared/eval/real/gold:../shared/eval/real/docs``."""
        name, sep, paths = spec.partition("=")
        gold, _, docs = paths.partition(":")
        if not sep or not name.strip() or not gold:
            raise GoldSetError(f"{spec!r}: a set is written NAME=GOLD_DIR[:DOCS_DIR]")
        return cls(name.strip(), Path(gold), Path(docs) if docs else None, invented)

    @classmethod
    def from_dir(cls, gold: Path, docs: Path | None = None) -> GoldSet:
        """A set named after its folder (``…/real/gold`` is ``real``)."""
        name = gold.resolve().parent.name if gold.resolve().name == "gold" else gold.name
        return cls(name or str(gold), gold, docs)

    @property
    def places(self) -> list[Path]:
        """Where to look for a gold file's document, first match wins."""
        given = [self.docs] if self.docs else []
        return [*given, self.gold.parent / "docs", self.gold.parent.parent / "corpus",
                DEFAULT_CORPUS]

    def as_json(self) -> dict[str, Any]:
        return {"gold": str(self.gold), "docs": str(self.docs) if self.docs else None,
                "invented": self.invented}


@dataclass
class SetRun:
    """One set scored: the gold, the predictions, the documents' normalised texts."""

    gold_set: GoldSet
    gold: dict[str, dict[str, Any]]
    predicted: dict[str, dict[str, Any]]
    report: Report
    texts: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def choose_sets(gold: Path | None, docs: Path | None, sets: Sequence[str],
                invented: Sequence[str]) -> list[GoldSet]:
    """The sets one ``eval`` names: ``--gold/--docs`` and every ``--set`` / ``--invented-set``."""
    chosen = [GoldSet.from_dir(gold, docs)] if gold is not None else []
    if gold is None and docs is not None:
        raise GoldSetError("--docs needs --gold (or write the set as --set NAME=GOLD:DOCS)")
    chosen += [GoldSet.parse(s) for s in sets]
    chosen += [GoldSet.parse(s, invented=True) for s in invented]
    if not chosen:
        raise GoldSetError("name a gold set: --gold DIR, --set NAME=GOLD[:DOCS] "
                           "or --invented-set NAME=GOLD[:DOCS]")
    names = [s.name for s in chosen]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise GoldSetError("two sets share a name: " + ", ".join(twice))
    return chosen


def run_set(gold_set: GoldSet, pred_dir: Path | None = None, *, texts: bool = False) -> SetRun:
    """Score one set: extract its documents now, or read predictions from ``pred_dir``.

    With ``texts`` the documents' normalised texts are kept (``--explain`` locates missed
    facts in them).
    """
    if not gold_set.gold.is_dir():
        raise GoldSetError(f"{gold_set.gold}: not a directory of gold JSON files")
    gold = load_dir(gold_set.gold)
    if not gold:
        raise GoldSetError(f"{gold_set.gold}: no gold JSON files found")
    warnings: list[str] = []
    files: dict[str, Path] = {}
    for stem, doc in gold.items():
        found = _find_document(doc.get("source", stem + ".txt"), gold_set.places)
        if found is None:
            if pred_dir is None or texts:
                warnings.append(f"{stem}: source document not found in "
                                + ", ".join(map(str, gold_set.places)))
        else:
            files[stem] = found
    if pred_dir is not None:
        predicted = load_dir(pred_dir)
    else:
        result = extract_files(list(files.values()))
        warnings.extend(str(problem) for problem in result.problems)
        predicted = {Path(e.source).stem: e.to_gold(provenance=True) for e in result.extractions}
    run = SetRun(gold_set, gold, predicted, evaluate(predicted, gold), warnings=warnings)
    if texts:
        run.texts = _texts(files, run.warnings)
    return run


def _find_document(name: str, places: list[Path]) -> Path | None:
    return next((d / name for d in places if (d / name).is_file()), None)


def _texts(files: dict[str, Path], warnings: list[str]) -> dict[str, str]:
    out = {}
    for stem, path in files.items():
        try:
            out[stem] = normalize(read_document(path).text).text
        except IngestError as error:
            warnings.append(f"{stem}: {error.problem}")
    return out
