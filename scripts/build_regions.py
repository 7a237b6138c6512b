"""Write ingest/data/regions.tsv: China's administrative divisions (code, name).

The facts come from the national administrative-division codes as packaged in the
``cpca`` wheel on PyPI (MIT licence, ``cpca/resources/adcodes.csv``).  Run once when the
divisions change:  python scripts/build_regions.py  (needs pip and the PyPI index).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "ingest" / "data" / "regions.tsv"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县"}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "cpca==0.5.5", "--no-deps",
                        "-d", tmp, "-q"], check=True)
        wheel = next(Path(tmp).glob("cpca-*.whl"))
        raw = zipfile.ZipFile(wheel).read("cpca/resources/adcodes.csv").decode("utf-8")
    rows = sorted({(r["adcode"][:6], r["name"]) for r in csv.DictReader(io.StringIO(raw))
                   if r["name"] not in PLACEHOLDERS})
    lines = ["# code\tname  (administrative divisions; source: cpca 0.5.5 adcodes.csv, MIT)"]
    lines += [f"{code}\t{name}" for code, name in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} divisions -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
