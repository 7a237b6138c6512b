"""Extract a corpus with worker processes or on a Dask cluster; the same bytes as serially.

The work of one document is :func:`ingest.corpus.extract_document` (bytes in, outcome out,
no shared state), sent in batches of :data:`BATCH` documents.  This process reads the files
and ships their bytes, so workers need no access to the corpus' file system; at most
:data:`WINDOW` batches per worker are in flight, so memory stays bounded whatever the size
of the corpus.  Outcomes are taken back in file order and handed to
:func:`ingest.corpus.collect`, which marks near-duplicates over the whole corpus exactly as
the serial run does.

* ``workers=N`` — a :class:`concurrent.futures.ProcessPoolExecutor` of N processes, started
  by a fork server that has imported and warmed up the extractor once (:mod:`ingest.worker`;
  no fork of a threaded process).
* ``scheduler="tcp://HOST:PORT"`` — a ``dask.distributed`` cluster (its workers need this
  package installed, the same version: ``pip install 'policygraph[cluster]'``).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any, Final

from ingest.corpus import (
    CorpusResult,
    Outcome,
    Progress,
    collect,
    extract_batch,
    extract_files,
    read_inputs,
)
from ingest.errors import IngestError

#: Documents per task: big enough that shipping a task costs little next to extracting it.
BATCH: Final = 16
#: Batches in flight per worker (keeps every worker busy while the results are collected).
WINDOW: Final = 4

Submit = Callable[[list[tuple[str, bytes]]], Any]
"""Starts one batch somewhere and returns a future-like handle."""
Result = Callable[[Any], list[Outcome]]
"""Waits for a handle and returns the outcomes of its batch."""


def extract_corpus(
    paths: Sequence[Path],
    progress: Progress | None = None,
    *,
    workers: int = 1,
    scheduler: str | None = None,
) -> CorpusResult:
    """Extract ``paths`` serially, with ``workers`` processes, or on the Dask ``scheduler``."""
    if scheduler is not None:
        return _on_dask(paths, progress, scheduler)
    if workers <= 1:
        return extract_files(paths, progress)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ingest.worker"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        def submit(batch: list[tuple[str, bytes]]) -> Future[list[Outcome]]:
            return pool.submit(extract_batch, batch)

        def result(handle: Future[list[Outcome]]) -> list[Outcome]:
            return handle.result()

        return collect(run_batches(paths, submit, result, workers * WINDOW, progress))


def _on_dask(paths: Sequence[Path], progress: Progress | None, scheduler: str) -> CorpusResult:
    try:
        from distributed import Client
    except ImportError as e:
        raise IngestError(scheduler, "--scheduler needs dask.distributed: "
                          "pip install 'policygraph[cluster]'") from e
    try:
        client = Client(scheduler, timeout=30, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise IngestError(scheduler, f"cannot reach the Dask scheduler ({e})") from e
    with client:
        window = max(1, sum(client.nthreads().values())) * WINDOW

        def submit(batch: list[tuple[str, bytes]]) -> Any:
            # pure=False: two batches with equal bytes are still two tasks (no result sharing)
            return client.submit(extract_batch, batch, pure=False)

        def result(handle: Any) -> list[Outcome]:
            return list(handle.result())

        return collect(run_batches(paths, submit, result, window, progress))


def run_batches(
    paths: Sequence[Path],
    submit: Submit,
    result: Result,
    window: int,
    progress: Progress | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``paths`` in order, at most ``window`` batches in flight at a time.

    A file that cannot be read is an outcome at once (its place in the order kept).
    """
    pending: deque[tuple[Any, list[Outcome | None]]] = deque()
    done = 0
    for chunk in _chunks(read_inputs(paths), BATCH):
        slots: list[Outcome | None] = [item if isinstance(item, Outcome) else None
                                       for item in chunk]
        batch = [item for item in chunk if not isinstance(item, Outcome)]
        pending.append((submit(batch) if batch else None, slots))
        while len(pending) >= window:
            done = yield from _finish(pending.popleft(), result, done, len(paths), progress)
    while pending:
        done = yield from _finish(pending.popleft(), result, done, len(paths), progress)


def _finish(entry: tuple[Any, list[Outcome | None]], result: Result, done: int, total: int,
            progress: Progress | None) -> Generator[Outcome, None, int]:
    handle, slots = entry
    produced = iter(result(handle) if handle is not None else [])
    outcomes = [slot if slot is not None else next(produced) for slot in slots]
    yield from outcomes
    done += len(outcomes)
    if progress is not None and outcomes:
        progress(done, total, Path(outcomes[-1].path).name)
    return done


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
