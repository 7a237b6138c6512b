"""A country's plans: synthetic corpus → extract → build, time and peak memory of each step.

Run: ``python -m bench.scale [--docs 2000] [--workers 2] [--skip-extract] [--skip-build]
[--before REF]``.

1. ``policygraph synth --docs N`` into a temporary directory;
2. ``policygraph extract --workers W`` of it (documents/s);
3. with ``--before REF``: ``policygraph build --workers W`` of it with the code of the git
   revision ``REF`` (exported with ``git archive`` into a temporary directory), and its
   graph files compared with those of the next step;
4. ``policygraph build --workers W`` of it, with the graph's size from the build summary.

Each step is the real command in a child process.  Its peak memory is sampled from
``/proc`` every 0.2 s as the sum of the resident sets of the child and all its worker
processes (``peak MiB``), beside the largest single process (``ru_maxrss`` of the child and
its waited-for descendants, exact but blind to workers running at once).  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


_SAMPLE_SECONDS = 0.2


def _tree_rss(pid: int) -> int:
    """Resident set in KiB of ``pid`` and all its descendants (0 once it is gone)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0)
        pending.extend(int(child) for child in children)
    return total


def _run(args: list[str], cwd: Path = ROOT) -> tuple[float, float, float, str]:
    """Seconds, peak RSS in MiB of the process tree (sampled) and of its largest process,
    and stdout of one command."""
    began = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen([sys.executable, "-m", "api.cli", *args], cwd=cwd, text=True,
                                 stdout=out, stderr=err)
        tree = 0
        # wait4: the child's own rusage (ru_maxrss of RUSAGE_CHILDREN is the largest so far)
        while (waited := os.wait4(child.pid, os.WNOHANG))[0] == 0:
            tree = max(tree, _tree_rss(child.pid))
            time.sleep(_SAMPLE_SECONDS)
        _, status, usage = waited
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed: {stderr.strip()[-500:]}")
    return seconds, tree / 1024, usage.ru_maxrss / 1024, stdout


def _export(ref: str, into: Path) -> Path:
    """The source tree of git revision ``ref`` in ``into``."""
    into.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def _build_row(step: str, seconds: float, tree: float, largest: float, out: str
               ) -> tuple[str, float, float, float, str]:
    counts = dict(re.findall(r"^\s+(\w+)\s+(\d+)$", out, re.MULTILINE))
    nodes = sum(int(v) for k, v in counts.items() if not k.endswith("_links"))
    return (step, seconds, tree, largest,
            f"{nodes:,} nodes ({counts.get('tasks', '?')} tasks, "
            f"{counts.get('evidence', '?')} evidence)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-extract", action="store_true",
                        help="no extract step of its own (the build extracts anyway)")
    parser.add_argument("--before", metavar="REF",
                        help="also build with the code of this git revision (e.g. main)")
    args = parser.parse_args(argv)
    rows = []
    same = ""
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        corpus = Path(tmp) / "corpus"
        seconds, tree, peak, _ = _run(["synth", "--docs", str(args.docs), "--seed",
                                       str(args.seed), "--out", str(corpus), "-q"])
        size = sum(p.stat().st_size for p in (corpus / "docs").iterdir())
        rows.append(("synth", seconds, tree, peak,
                     f"{args.docs:,} documents, {size / 1e6:.1f} MB"))
        if not args.skip_extract:
            seconds, tree, peak, _ = _run(["extract", str(corpus / "docs"), "--out",
                                           str(Path(tmp) / "x"), "-q", "--workers",
                                           str(args.workers)])
            rows.append((f"extract, {args.workers} workers", seconds, tree, peak,
                         f"{args.docs / seconds:.1f} docs/s"))
        build = ["build", str(corpus / "docs"), "--workers", str(args.workers), "--out"]
        if args.before and not args.skip_build:
            code = _export(args.before, Path(tmp) / "before")
            rows.append(_build_row(f"build, {args.workers} workers, `{args.before}`",
                                   *_run([*build, str(Path(tmp) / "old")], cwd=code)))
        if not args.skip_build:
            rows.append(_build_row(f"build, {args.workers} workers",
                                   *_run([*build, str(Path(tmp) / "build")])))
        if args.before and not args.skip_build:
            differ = [name for name in ("graph.ttl", "graph.jsonld", "extractions.json")
                      if (Path(tmp) / "old" / name).read_bytes()
                      != (Path(tmp) / "build" / name).read_bytes()]
            same = (f"graph files of `{args.before}` and this build: "
                    + (f"DIFFERENT ({', '.join(differ)})" if differ else "byte-identical"))
    print(f"{args.docs:,} synthetic documents (seed {args.seed}); {os.cpu_count()} cores shared "
          f"with other work, load average {os.getloadavg()[0]:.1f} at the end")
    print()
    print("| step | seconds | peak MiB (all processes) | largest process MiB | note |")
    print("|---|---:|---:|---:|---|")
    for step, seconds, tree, peak, note in rows:
        print(f"| {step} | {seconds:.1f} | {tree:,.0f} | {peak:,.0f} | {note} |")
    if same:
        print()
        print(same)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
