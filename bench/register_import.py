"""Register import: a published list of 10,000 rows (CSV and XLSX), read, built and served.

Run: ``python -m bench.register_import [--rows 10000] [--repeat 1]``.  Writes a list of
distinct enterprises of real divisions (德州市's counties, 济南市's districts …) with a brand,
product and year each, then measures, per format, the steps of ``policygraph register
import`` into a build of the sample corpus: reading the file, parsing the rows (header,
regions, duplicates), building and writing the graph, and a first ``GET
/enterprises?region=山东省`` on the embedded backend.  Prints one table; the machine is
shared, so compare rows of one run rather than runs.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from graph.build import read_extractions, write_build
from graph.embedded import EmbeddedRepository
from graph.enterprise_results import EnterpriseFilter
from graph.property_graph import load_build
from graph.repository import PageRequest
from ingest.corpus import corpus_files, extract_files
from ingest.registers import parse_rows, read_rows

PLACES = ("德州市", "禹城市", "乐陵市", "齐河县", "平原县", "夏津县", "武城县", "济南市历下区",
          "济南市章丘区", "青州市", "寿光市", "潍坊市奎文区")
HEADER = ["序号", "企业名称", "品牌名称", "产品名称", "所在地区", "年份"]


def rows(count: int) -> list[list[str]]:
    """A titled list of ``count`` distinct rows."""
    table = [["第一批“基准测试品牌”名单"], ["发布单位", "山东省市场监督管理局"], HEADER]
    for n in range(1, count + 1):
        table.append([str(n), f"山东测试{n:06d}食品有限公司", f"测{n:06d}牌", "食品",
                      PLACES[n % len(PLACES)], str(2020 + n % 5)])
    return table


def write(table: list[list[str]], path: Path) -> None:
    """The table as CSV (UTF-8) or XLSX, by suffix."""
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(table)
        return
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in table:
        sheet.append(row)
    book.save(path)


def measure(path: Path, build: Path) -> dict[str, float]:
    """Seconds of each step of importing ``path`` into ``build``."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    cells = read_rows(path)
    times["read"] = time.perf_counter() - start
    start = time.perf_counter()
    read = parse_rows(cells, path.name)
    times["parse"] = time.perf_counter() - start
    assert not read.problems, read.problems[:3]
    start = time.perf_counter()
    write_build(read_extractions(build), build, [read.register])
    times["build"] = time.perf_counter() - start
    start = time.perf_counter()
    repo = EmbeddedRepository(load_build(build))
    page = repo.enterprises(EnterpriseFilter(region="山东省"), PageRequest(limit=20))
    times["serve"] = time.perf_counter() - start
    assert page.count == len(read.register.entries), page.count
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    table = rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "build"
        write_build(extract_files(corpus_files([Path("data/corpus")])).extractions, base)
        print(f"register import of {args.rows} rows into a build of the sample corpus")
        print(f"{'format':<6} {'read s':>8} {'parse s':>8} {'build s':>8} {'serve s':>8} "
              f"{'total s':>8} {'rows/s':>9}")
        for suffix in (".csv", ".xlsx"):
            path = Path(tmp) / f"list{suffix}"
            write(table, path)
            times = measure(path, base)
            total = sum(times.values())
            print(f"{suffix[1:]:<6} {times['read']:>8.2f} {times['parse']:>8.2f} "
                  f"{times['build']:>8.2f} {times['serve']:>8.2f} {total:>8.2f} "
                  f"{args.rows / total:>9.0f}")


if __name__ == "__main__":
    main()
