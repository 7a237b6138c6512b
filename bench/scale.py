"""A country's plans: synthetic corpus → extract → build, time and peak memory of each step.

Run: ``python -m bench.scale [--docs 2000] [--workers 2] [--skip-build]``.

1. ``policygraph synth --docs N`` into a temporary directory;
2. ``policygraph extract --workers W`` of it (documents/s);
3. ``policygraph build --workers W`` of it, with the graph's size from the build summary.

Each step is the real command in a child process, so its peak memory is the child's own
(``ru_maxrss`` of the finished child, with its worker processes, which count separately and
are reported as the largest one).  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS in MiB (the largest process of the step) and stdout of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, text=True,
                          capture_output=True, check=False)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed: {done.stderr.strip()[-500:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: a step that stays below an earlier
    # one reports the earlier peak, so steps run from the smallest to the largest.
    return seconds, max(peak, before) / 1024, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        corpus = Path(tmp) / "corpus"
        seconds, peak, _ = _run(["synth", "--docs", str(args.docs), "--seed", str(args.seed),
                                 "--out", str(corpus), "-q"])
        size = sum(p.stat().st_size for p in (corpus / "docs").iterdir())
        rows.append(("synth", seconds, peak, f"{args.docs:,} documents, {size / 1e6:.1f} MB"))
        seconds, peak, _ = _run(["extract", str(corpus / "docs"), "--out", str(Path(tmp) / "x"),
                                 "-q", "--workers", str(args.workers)])
        rows.append((f"extract, {args.workers} workers", seconds, peak,
                     f"{args.docs / seconds:.1f} docs/s"))
        if not args.skip_build:
            seconds, peak, out = _run(["build", str(corpus / "docs"), "--out",
                                       str(Path(tmp) / "build"), "--workers", str(args.workers)])
            counts = dict(re.findall(r"^\s+(\w+)\s+(\d+)$", out, re.MULTILINE))
            nodes = sum(int(v) for k, v in counts.items() if not k.endswith("_links"))
            rows.append((f"build, {args.workers} workers", seconds, peak,
                         f"{nodes:,} nodes ({counts.get('tasks', '?')} tasks, "
                         f"{counts.get('evidence', '?')} evidence)"))
    print(f"{args.docs:,} synthetic documents (seed {args.seed}); {os.cpu_count()} cores shared "
          f"with other work, load average {os.getloadavg()[0]:.1f} at the end")
    print()
    print("| step | seconds | peak MiB | note |")
    print("|---|---:|---:|---|")
    for step, seconds, peak, note in rows:
        print(f"| {step} | {seconds:.1f} | {peak:,.0f} | {note} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
