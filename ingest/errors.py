"""Errors of the ingest layer: one base class, one subclass per way a document can fail."""

from __future__ import annotations


class IngestError(Exception):
    """A document could not be ingested.

    ``path`` names the document (``None`` when the text did not come from a file) and
    ``problem`` says in a few English words what is wrong with it.
    """

    def __init__(self, path: str | None, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.path if self.path is not None else '<text>'}: {self.problem}"


class EmptyDocument(IngestError):
    """The document has no text, or only whitespace."""


class BinaryDocument(IngestError):
    """The bytes are not text: NUL bytes or too many control bytes."""


class UndecodableDocument(IngestError):
    """No supported encoding decodes the bytes."""


class TooLarge(IngestError):
    """The file is bigger than the reader accepts."""


class NoStructure(IngestError):
    """The text has none of the structure of a plan (raised by the extractor)."""
