"""Write a build directory: the graph as Turtle and JSON-LD, the extractions and registers.

``build/graph.ttl`` and ``build/graph.jsonld`` hold the validated RDF graph (the
input of the Neo4j loader and of the embedded backend); ``build/extractions.json``
holds the extractions it was built from, ``build/registers.json`` the published lists
imported into it (``policygraph register import``).  Same input, same bytes.  Files are
written to a temporary name first and renamed, so an interrupted build never
leaves a half-written file behind, and the build directory is swapped as a whole.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from graph.admit import Rejected, admit
from graph.errors import GraphError
from graph.shard import PART_DOCUMENTS, admit_parts, merged
from graph.stream_write import subjects_of, write_graph
from ontology.model import Extraction, Register

TURTLE = "graph.ttl"
JSON_LD = "graph.jsonld"
EXTRACTIONS = "extractions.json"
REGISTERS = "registers.json"
#: What a build directory holds; :func:`publish` replaces only such a directory.
BUILD_FILES = frozenset({TURTLE, JSON_LD, EXTRACTIONS, REGISTERS})


def extractions_json(extractions: Sequence[Extraction]) -> bytes:
    """The extractions as canonical JSON (sorted by source)."""
    out = io.BytesIO()
    write_extractions_json(extractions, out)
    return out.getvalue()


def write_extractions_json(extractions: Sequence[Extraction], out: IO[bytes]) -> None:
    """:func:`extractions_json` into ``out``, one extraction at a time (the JSON of a whole
    corpus's extractions as Python objects is several times their size)."""
    ordered = sorted(extractions, key=lambda e: e.source)
    if not ordered:
        out.write(b"[]\n")
        return
    out.write(b"[")
    for n, extraction in enumerate(ordered):
        text = json.dumps(extraction.model_dump(mode="json"), ensure_ascii=False, indent=1,
                          sort_keys=True)
        out.write(((",\n " if n else "\n ") + text.replace("\n", "\n ")).encode("utf-8"))
    out.write(b"\n]\n")


def read_extractions(build_dir: Path) -> list[Extraction]:
    """The extractions a build directory was made from."""
    path = build_dir / EXTRACTIONS
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Extraction.model_validate(item) for item in data]


def registers_json(registers: Sequence[Register]) -> bytes:
    """The registers as canonical JSON (sorted by name)."""
    data = [r.model_dump(mode="json") for r in sorted(registers, key=lambda r: r.source)]
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def read_registers(build_dir: Path) -> list[Register]:
    """The registers imported into a build directory (none when it has no registers file)."""
    path = build_dir / REGISTERS
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Register.model_validate(item) for item in data]
    except (ValueError, TypeError) as e:  # JSON, UTF-8 and pydantic errors are ValueErrors
        raise GraphError(f"{path}: not a register file of policygraph ({str(e).splitlines()[0]}); "
                         "remove it or re-import the registers") from e


@dataclass(frozen=True)
class Built:
    """What a build wrote: summary counts, documents, and the facts left out."""

    summary: dict[str, int]
    documents: int
    rejected: tuple[Rejected, ...] = ()
    registers: int = 0


def write_build(extractions: Sequence[Extraction], out: Path,
                registers: Sequence[Register] = (),
                part_documents: int = PART_DOCUMENTS) -> Built:
    """Build the valid graph (:func:`graph.admit.admit`), write it, its extractions and
    its registers (``registers.json`` only when there are any).

    Nothing is published until the graph conforms to the shapes.  The corpus is admitted in
    parts (:mod:`graph.shard`; whole when the parts cannot be shown to give the same graph)
    and the graph files are written from the parts' merged triples
    (:mod:`graph.stream_write`), so no step holds the whole graph in rdflib; the bytes are
    those of :func:`graph.rdf.serialize` of :func:`graph.admit.admit`'s graph.  Then the
    build is swapped in as a whole (:func:`publish`), so ``out`` always holds one complete
    build — the old one or the new one, never a mix, and never a half-written file.
    ``extractions.json`` holds what the graph was built from (without the facts left out),
    so rebuilding it gives the same graph.  ``part_documents``: the size of a part.
    """
    check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-{os.getpid()}-", dir=out.parent))
    try:
        done = admit_parts(extractions, registers, work, size=part_documents)
        if done is not None:
            kept, lists, rejected = done.extractions, done.registers, done.rejected
            subjects = merged(done.spills)
        else:
            whole = admit(extractions, registers=registers)
            kept, lists, rejected = whole.extractions, whole.registers, whole.rejected
            subjects = subjects_of(whole.graph)
        summary = write_graph(subjects, work / TURTLE, work / JSON_LD, work)
        with (work / EXTRACTIONS).open("wb") as handle:
            write_extractions_json(kept, handle)
        files: dict[str, bytes | Path] = {TURTLE: work / TURTLE, JSON_LD: work / JSON_LD,
                                          EXTRACTIONS: work / EXTRACTIONS}
        if lists:
            files[REGISTERS] = registers_json(lists)
        publish(files, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Built(summary, len(kept), rejected, len(lists))


def check_target(out: Path) -> None:
    """Raise :class:`GraphError` unless ``out`` can receive a build (before any work is done).

    ``out`` may be missing, empty, or a previous build; anything else — a file, a directory
    holding other files — is refused, since publishing replaces the directory as a whole.
    """
    if out.is_symlink() and not out.exists():
        raise GraphError(f"{out}: a symbolic link to nowhere; choose another --out")
    if out.exists() and not out.is_dir():
        raise GraphError(f"{out} exists and is not a directory; choose another --out")
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir() if p.name not in BUILD_FILES)
        if foreign:
            shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
            raise GraphError(f"{out} is not a build directory (it holds {shown}); "
                             "choose another --out")


def publish(files: Mapping[str, bytes | Path], out: Path) -> None:
    """Write ``files`` as the directory ``out``, replacing a previous build as a whole.

    A file given as a path (written beside ``out``, on the same file system) is moved in.

    The files go to a new temporary directory in ``out``'s parent first; then the old build
    is renamed aside, the new one renamed into place, and the old one deleted.  A process
    killed before the swap leaves the old build untouched (and a hidden ``.NAME.partial-*``
    directory, which the next build of ``out`` removes); killed between the two renames, a
    hidden ``.NAME.old-*`` directory holds the previous build.
    """
    check_target(out)
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-{os.getpid()}-", dir=parent))
    try:
        for name, data in files.items():
            if isinstance(data, Path):
                os.replace(data, staging / name)
            with (staging / name).open("ab" if isinstance(data, Path) else "wb") as handle:
                if not isinstance(data, Path):
                    handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        if out.is_dir():
            old = parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, old)
            os.replace(staging, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _remove_leftovers(out: Path) -> None:
    """Temporary directories of builds of ``out`` whose process is gone."""
    for prefix in (f".{out.name}.partial-", f".{out.name}.old-"):
        for path in out.parent.glob(prefix + "*"):
            if path.is_dir() and not _alive(path.name[len(prefix):].split("-")[0]):
                shutil.rmtree(path, ignore_errors=True)


def _alive(pid_text: str) -> bool:
    """Whether the process ``pid_text`` names is running (a non-number: no)."""
    if not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
