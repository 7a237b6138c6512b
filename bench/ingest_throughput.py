"""Ingest throughput: the sample corpus multiplied ×100 and ×1000.

Run: ``python -m bench.ingest_throughput [--factors 100 1000] [--corpus data/corpus]``.
Copies are written to a temporary directory (distinct file names, same bytes),
then ``ingest.corpus.extract_files`` reads, normalises, extracts and
de-duplicates them exactly as ``policygraph build`` does.  Prints documents/s,
MB/s and how the time grows against the input.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from ingest.corpus import corpus_files, extract_files


def make_corpus(source: list[Path], factor: int, into: Path) -> list[Path]:
    """``factor`` copies of every source file under distinct names."""
    files = []
    for i in range(factor):
        for path in source:
            copy = into / f"{path.stem}_{i:05d}{path.suffix}"
            shutil.copyfile(path, copy)
            files.append(copy)
    return files


def measure(files: list[Path]) -> tuple[float, int]:
    """Seconds to extract ``files`` and the number of extractions."""
    start = time.perf_counter()
    result = extract_files(files)
    return time.perf_counter() - start, len(result.extractions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("data/corpus"))
    parser.add_argument("--factors", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    source = corpus_files([args.corpus])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            folder = Path(tmp) / f"x{factor}"
            folder.mkdir()
            files = make_corpus(source, factor, folder)
            size = sum(f.stat().st_size for f in files)
            seconds, n = measure(files)
            rows.append((factor, n, size / 1e6, seconds))
            shutil.rmtree(folder)
    print(f"{'corpus':>8} {'docs':>7} {'MB':>8} {'seconds':>9} {'docs/s':>8} {'MB/s':>7} "
          f"{'time ratio':>11} {'input ratio':>12}")
    base = rows[0]
    for factor, n, mb, seconds in rows:
        print(f"{'x' + str(factor):>8} {n:>7} {mb:>8.2f} {seconds:>9.2f} {n / seconds:>8.1f} "
              f"{mb / seconds:>7.2f} {seconds / base[3]:>11.2f} {factor / base[0]:>12.1f}")


if __name__ == "__main__":
    main()
