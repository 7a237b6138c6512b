"""Run the extractor over many files: read, extract, mark near-duplicates.

A file that cannot be read or holds no policy text becomes a :class:`Problem`
(one line naming the file and the problem); the other files are still
processed.  This is the only ingest module that touches the file system,
through :mod:`ingest.reader`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest.dedupe import find_duplicates
from ingest.errors import IngestError
from ingest.metadata import page_words
from ingest.normalize import normalize
from ingest.pipeline import extract_normalized
from ingest.reader import read_document
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


def extract_files(paths: Sequence[Path], progress: Progress | None = None) -> CorpusResult:
    """Extract every file; problems are collected, never raised."""
    result = CorpusResult()
    texts: list[tuple[str, str]] = []
    for n, path in enumerate(paths, 1):
        if progress:
            progress(n, len(paths), path.name)
        try:
            source = read_document(path)
            norm = normalize(source.text)
            extraction = extract_normalized(source.name, norm, source.sha256,
                                            page_words(source.text))
        except IngestError as error:
            result.problems.append(Problem(str(path), error.problem))
            continue
        except OSError as error:
            result.problems.append(Problem(str(path), f"cannot read file ({error.strerror})"))
            continue
        result.extractions.append(extraction)
        texts.append((extraction.source, norm.text))
    duplicates = find_duplicates(texts)
    result.extractions = [_mark_duplicate(e, duplicates.get(e.source))
                          for e in result.extractions]
    return result


def _mark_duplicate(extraction: Extraction, original: str | None) -> Extraction:
    if original is None:
        return extraction
    document = extraction.document.model_copy(update={"duplicate_of": Path(original).stem})
    return extraction.model_copy(update={"document": document})
