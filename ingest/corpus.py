"""Run the extractor over many files: read, extract, mark near-duplicates.

A file that cannot be read or holds no policy text becomes a :class:`Problem`
(one line naming the file and the problem); the other files are still
processed.  This is the only ingest module that touches the file system,
through :mod:`ingest.reader`.

One document is one call of the pure function :func:`extract_document` (bytes in, an
:class:`Outcome` out), so documents can be extracted in any order and anywhere — in
this process, in worker processes, on a Dask cluster (:mod:`ingest.parallel`) — and the
result is the same bytes: outcomes are put back in file order, and the near-duplicate
pass, the one step that looks at the whole corpus, runs afterwards on their fingerprints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest.dedupe import Fingerprint, duplicates_of, fingerprint
from ingest.errors import IngestError
from ingest.metadata import page_words
from ingest.normalize import normalize
from ingest.pipeline import extract_normalized
from ingest.reader import read_bytes, source_text
from ontology.model import Extraction

#: File name endings the corpus commands pick up from a directory.
SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Notes that live beside documents in a corpus directory and are not documents.
NOT_DOCUMENTS = frozenset({"readme.md", "sources.md", "license.md", "changelog.md"})

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Problem:
    """A file that could not be processed, and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class CorpusResult:
    """Extractions in file-name order, and the files that failed."""

    extractions: list[Extraction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What one document gave: its extraction and fingerprint, or its problem."""

    path: str
    extraction: Extraction | None = None
    prints: Fingerprint | None = None
    problem: str | None = None


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the documents inside named directories, sorted.

    A symbolic link with a document's name whose target cannot be reached (a loop, a
    dangling link) is listed too, so that reading it reports the problem instead of the
    file vanishing from the corpus unnoticed.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in path.iterdir() if _is_document(p))
        else:
            files.append(path)
    return sorted(set(files), key=lambda p: (p.name, str(p)))


def _is_document(path: Path) -> bool:
    if path.suffix.lower() not in SUFFIXES or path.name.lower() in NOT_DOCUMENTS:
        return False
    return path.is_file() or (path.is_symlink() and not path.exists())


def extract_document(path: str, data: bytes) -> Outcome:
    """Decode, normalise and extract one document read from ``path`` (pure: no file access).

    Problems of the document become the outcome's ``problem``, never an exception.
    """
    try:
        source = source_text(Path(path), data)
        norm = normalize(source.text)
        extraction = extract_normalized(source.name, norm, source.sha256,
                                        page_words(source.text))
    except IngestError as error:
        return Outcome(path, problem=error.problem)
    return Outcome(path, extraction, fingerprint(norm.text))


def extract_batch(items: Sequence[tuple[str, bytes]]) -> list[Outcome]:
    """:func:`extract_document` of each ``(path, bytes)``, in order (one task of a worker)."""
    return [extract_document(path, data) for path, data in items]


def read_inputs(paths: Sequence[Path]) -> Iterator[tuple[str, bytes] | Outcome]:
    """Each file's ``(path, bytes)``, or the :class:`Outcome` of a file that cannot be read."""
    for path in paths:
        try:
            yield str(path), read_bytes(path)
        except IngestError as error:
            yield Outcome(str(path), problem=error.problem)


def extract_files(paths: Sequence[Path], progress: Progress | None = None) -> CorpusResult:
    """Extract every file in this process; problems are collected, never raised."""
    def outcomes() -> Iterator[Outcome]:
        for n, item in enumerate(read_inputs(paths), 1):
            if progress:
                progress(n, len(paths), Path(item.path if isinstance(item, Outcome)
                                             else item[0]).name)
            yield item if isinstance(item, Outcome) else extract_document(*item)
    return collect(outcomes())


def collect(outcomes: Iterable[Outcome]) -> CorpusResult:
    """The corpus result of outcomes in file order: near-duplicates marked, problems listed."""
    result = CorpusResult()
    prints: list[tuple[str, Fingerprint]] = []
    for outcome in outcomes:
        if outcome.extraction is None or outcome.prints is None:
            result.problems.append(Problem(outcome.path, outcome.problem or "not extracted"))
            continue
        result.extractions.append(outcome.extraction)
        prints.append((outcome.extraction.source, outcome.prints))
    duplicates = duplicates_of(prints)
    result.extractions = [_mark_duplicate(e, duplicates.get(e.source))
                          for e in result.extractions]
    return result


def _mark_duplicate(extraction: Extraction, original: str | None) -> Extraction:
    if original is None:
        return extraction
    document = extraction.document.model_copy(update={"duplicate_of": Path(original).stem})
    return extraction.model_copy(update={"document": document})
