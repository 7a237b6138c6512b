"""Ingest speed on real documents multiplied with distinct content, with 1 and N workers.

Run: ``python -m bench.ingest_speed DOCS_DIR [DOCS_DIR …] [--copies 30] [--workers 1 2]``
(the real documents: ``../shared/eval/real/docs ../shared/eval/dev/docs``).

Each document is decoded and written ``--copies`` times into a temporary directory, each copy
with distinct content — every number that is not a year has its digits shifted by the copy's
number (``新增10家`` → ``新增21家`` in copy 1), so no two copies are the same bytes and no cache
keyed by content could help — and encoded again as the original was (GB18030 and Big5 stay
GB18030 and Big5).  Then the corpus is extracted exactly as ``policygraph extract|build``
does it (read, decode, normalise, extract, near-duplicates over the whole corpus), once per
``--workers`` value, and the table gives documents/s, MB/s, the rate per worker process and
the speed-up against the first value.  Outputs of all runs are compared: they must be equal.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ingest.corpus import CorpusResult, corpus_files
from ingest.reader import read_document

_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _shift(match: re.Match[str], by: int) -> str:
    digits = match.group(0)
    if _YEAR.fullmatch(digits):
        return digits
    return "".join(str((int(d) + by) % 10) for d in digits)


def variant(text: str, copy: int) -> str:
    """``text`` with the digits of every number but years shifted by ``copy``."""
    if copy == 0:
        return text
    return _NUMBER.sub(lambda m: _shift(m, copy), text)


def make_corpus(sources: list[Path], copies: int, into: Path) -> list[Path]:
    """``copies`` distinct variants of every source document, in its own encoding."""
    files = []
    for path in sources:
        source = read_document(path)
        encoding = source.encoding if source.encoding in ("gb18030", "big5", "cp950") else "utf-8"
        for copy in range(copies):
            target = into / f"{path.stem}__{copy:04d}{path.suffix}"
            text = variant(source.text, copy)
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                data = text.encode("utf-8")
            target.write_bytes(data)
            files.append(target)
    return files


def _extract(files: list[Path], workers: int) -> tuple[float, CorpusResult]:
    began = time.perf_counter()
    if workers == 1:
        from ingest.corpus import extract_files

        result = extract_files(files)
    else:
        from ingest.parallel import extract_corpus

        result = extract_corpus(files, workers=workers)
    return time.perf_counter() - began, result


def _fingerprint(result: CorpusResult) -> list[str]:
    return [e.model_dump_json() for e in result.extractions] + [str(p) for p in result.problems]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docs", type=Path, nargs="+", help="directories of real documents")
    parser.add_argument("--copies", type=int, default=30, help="distinct variants per document")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    sources = corpus_files(args.docs)
    if not sources:
        parser.error("no documents found")
    rows = []
    with tempfile.TemporaryDirectory(prefix="ingest-speed-") as tmp:
        files = make_corpus(sources, args.copies, Path(tmp))
        size = sum(f.stat().st_size for f in files)
        reference: list[str] | None = None
        for workers in args.workers:
            seconds, result = _extract(files, workers)
            print(f"{workers} worker(s): {seconds:.1f} s", file=sys.stderr)
            fingerprint = _fingerprint(result)
            if reference is None:
                reference = fingerprint
            elif fingerprint != reference:
                print(f"error: the output with {workers} workers differs", file=sys.stderr)
                return 1
            rows.append((workers, len(files), len(result.extractions), seconds))
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(sources)} documents × {args.copies} distinct copies = {len(files)} files, "
          f"{size / 1e6:.1f} MB; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} at the end")
    print()
    print("| workers | docs | extracted | seconds | docs/s | MB/s | docs/s per worker | speed-up |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    base = rows[0][3]
    for workers, docs, extracted, seconds in rows:
        print(f"| {workers} | {docs} | {extracted} | {seconds:.2f} | {docs / seconds:.1f} | "
              f"{size / 1e6 / seconds:.2f} | {docs / seconds / workers:.1f} | "
              f"{base / seconds:.2f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
