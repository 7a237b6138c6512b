"""Load benchmark of the API: owner lookups at a fixed rate, on both backends.

Usage (the Neo4j leg needs the test server; ``scripts/with-neo4j.sh`` starts one)::

    scripts/with-neo4j.sh .venv/bin/python bench/api_load.py [--rate 100] [--duration 60]

For each backend a real uvicorn (``--workers``, one by default) serves the sample graph on loopback.  An
open-loop generator sends ``GET /tasks?q=…`` at a fixed rate — request *i* is due at
``start + i / rate`` whatever happened to the others — and measures latency from that
scheduled time, so a stalled server is charged for the queue it causes (no coordinated
omission).  ``GET /health`` is probed at 10 requests/s alongside.  Then a closed loop of
``--concurrency`` connections finds the saturation rate.  Prints a table.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = ["科技研发", "标准化", "哪个部门负责品牌监管", "质量基础设施", "好品山东", "科技研發",
             "奖励机制", "高新技术企业", "舆论宣传", "标杆"]
HOST = "127.0.0.1"


@dataclass
class Samples:
    """Latencies (ms) of one kind of request, and its failures."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    #: Latency (ms) of the slowest failed request: how long an answer such as a 503 took.
    slowest_error: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)

    def pct(self, p: float) -> float:
        """The p-th percentile in ms (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


class Pool:
    """Keep-alive HTTP/1.1 connections to the server, opened as needed.

    uvicorn closes a connection idle for 5 s; a reused connection the server has closed
    (EOF before the status line) is replaced and the request sent again, as HTTP clients do.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def get(self, path: str) -> int:
        """Send ``GET path``; the status code (raises on a broken connection)."""
        while self.idle:
            reader, writer = self.idle.pop()
            status = await self._send(reader, writer, path)
            if status is not None:
                return status
            writer.close()
        reader, writer = await asyncio.open_connection(HOST, self.port)
        status = await self._send(reader, writer, path)
        if status is None:
            raise ConnectionResetError("the server closed a new connection")
        return status

    async def _send(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    path: str) -> int | None:
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode("ascii"))
            await writer.drain()
            first = await reader.readline()
        except ConnectionError:
            return None
        if not first:
            return None
        status = int(first.split()[1])
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await reader.readexactly(length)
        self.idle.append((reader, writer))
        return status

    def close(self) -> None:
        """Close the idle connections."""
        for _, writer in self.idle:
            writer.close()


async def _timed(pool: Pool, path: str, due: float, samples: Samples) -> None:
    try:
        status = await pool.get(path)
        failure = "" if status == 200 else f"HTTP {status}"
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
        failure = type(e).__name__
    taken = (time.perf_counter() - due) * 1000
    if not failure:
        samples.latencies.append(taken)
    else:
        samples.slowest_error = max(samples.slowest_error, taken)
        samples.errors += 1
        samples.failures[failure] += 1


async def open_loop(port: int, rate: float, duration: float,
                    questions: list[str] = QUESTIONS) -> tuple[Samples, Samples]:
    """``/tasks?q=`` at ``rate``/s and ``/health`` at 10/s for ``duration`` s."""
    tasks_pool, health_pool = Pool(port), Pool(port)
    lookups, health = Samples(), Samples()
    paths = [f"/tasks?q={quote(q)}" for q in questions]
    running: set[asyncio.Task[None]] = set()
    start = time.perf_counter() + 0.05
    schedule = sorted([(start + i / rate, "tasks", i) for i in range(int(rate * duration))]
                      + [(start + i / 10, "health", i) for i in range(int(10 * duration))])
    for due, kind, i in schedule:
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        job = (_timed(tasks_pool, paths[i % len(paths)], due, lookups) if kind == "tasks"
               else _timed(health_pool, "/health", due, health))
        task = asyncio.create_task(job)
        running.add(task)
        task.add_done_callback(running.discard)
    await asyncio.gather(*running)
    tasks_pool.close()
    health_pool.close()
    return lookups, health


async def closed_loop(port: int, concurrency: int, duration: float,
                      questions: list[str] = QUESTIONS) -> tuple[float, Samples]:
    """Requests/s with ``concurrency`` clients each sending the next request at once."""
    samples = Samples()
    paths = [f"/tasks?q={quote(q)}" for q in questions]
    end = time.perf_counter() + duration

    async def client(n: int) -> None:
        pool = Pool(port)
        i = n
        while time.perf_counter() < end:
            await _timed(pool, paths[i % len(paths)], time.perf_counter(), samples)
            i += concurrency
        pool.close()

    began = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(concurrency)))
    return len(samples.latencies) / (time.perf_counter() - began), samples


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def server(env: dict[str, str], workers: int = 1) -> Iterator[int]:
    """A uvicorn process (``workers`` worker processes) serving ``api.app:app_from_env``;
    yields its port."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.app:app_from_env", "--factory", "--host", HOST,
         "--port", str(port), "--workers", str(workers), "--log-level", "warning",
         "--no-access-log"],
        cwd=ROOT, env={**os.environ, **env})
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if asyncio.run(Pool(port).get("/health")) == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not come up")
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(30)


def _sample_build(out: Path) -> None:
    from graph.build import write_build
    from ingest.corpus import corpus_files, extract_files

    write_build(extract_files(corpus_files([ROOT / "data" / "corpus"])).extractions, out)


def _load_neo4j(uri: str, build: Path) -> None:
    from pydantic import SecretStr

    from graph.driver import open_driver
    from graph.loader import load, wipe
    from graph.property_graph import load_build
    from graph.settings import Neo4jSettings

    settings = Neo4jSettings(uri=uri, username="neo4j", password=SecretStr(""),
                             database="neo4j")
    with open_driver(settings) as driver:
        wipe(driver, "neo4j", uri=uri, test_uri=os.environ.get("NEO4J_TEST_URI"))
        load(driver, "neo4j", load_build(build))


def _errors(samples: Samples) -> str:
    detail = ", ".join(f"{n}× {what}" for what, n in samples.failures.most_common())
    if detail:
        detail += f"; slowest after {samples.slowest_error:.0f} ms"
    return f"{samples.errors} ({detail})" if detail else str(samples.errors)


def run(backend: str, env: dict[str, str], args: argparse.Namespace) -> list[str]:
    """One backend's rows of the table."""
    with server(env, args.workers) as port:
        asyncio.run(open_loop(port, args.rate, 2.0, args.questions))  # warm-up, not measured
        lookups, health = asyncio.run(open_loop(port, args.rate, args.duration, args.questions))
        saturation, at_saturation = asyncio.run(
            closed_loop(port, args.concurrency, args.saturation_seconds, args.questions))
    return [
        f"| {backend} | `GET /tasks?q=` at {args.rate:g}/s for {args.duration:g} s | "
        f"{len(lookups.latencies) + lookups.errors} | {lookups.pct(50):.2f} | "
        f"{lookups.pct(95):.2f} | {lookups.pct(99):.2f} | "
        f"{max(lookups.latencies, default=float('nan')):.2f} | "
        f"{_errors(lookups)} |",
        f"| {backend} | `GET /health` at 10/s alongside | "
        f"{len(health.latencies) + health.errors} | {health.pct(50):.2f} | "
        f"{health.pct(95):.2f} | {health.pct(99):.2f} | {max(health.latencies, default=float('nan')):.2f} | "
        f"{_errors(health)} |",
        f"| {backend} | saturation: {args.concurrency} clients, closed loop, "
        f"{args.saturation_seconds:g} s → **{saturation:.0f} req/s** | "
        f"{len(at_saturation.latencies) + at_saturation.errors} | {at_saturation.pct(50):.2f} | "
        f"{at_saturation.pct(95):.2f} | {at_saturation.pct(99):.2f} | "
        f"{max(at_saturation.latencies, default=float('nan')):.2f} | {_errors(at_saturation)} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=100.0, help="lookups per second")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of fixed rate")
    parser.add_argument("--concurrency", type=int, default=16, help="clients at saturation")
    parser.add_argument("--saturation-seconds", type=float, default=10.0)
    parser.add_argument("--questions", type=lambda text: text.split(","), default=QUESTIONS,
                        help="comma-separated lookups to cycle through (default: ten "
                        "coordinators' questions)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--backend", choices=["embedded", "neo4j", "both"], default="both")
    parser.add_argument("--build", type=Path, help="serve this build directory instead of "
                        "the sample corpus (built into a temporary directory)")
    parser.add_argument("--loaded", action="store_true", help="the Neo4j database already "
                        "holds the graph (e.g. from `policygraph load --bulk`): no wipe, no load")
    args = parser.parse_args()
    rows: list[str] = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        build = args.build or Path(tmp) / "build"
        if args.build is None:
            _sample_build(build)
        if args.backend in ("embedded", "both"):
            rows += run("embedded", {"POLICYGRAPH_BACKEND": "embedded",
                                     "POLICYGRAPH_BUILD_DIR": str(build)}, args)
        if args.backend in ("neo4j", "both"):
            uri = os.environ.get("NEO4J_TEST_URI")
            if not uri:
                raise SystemExit("NEO4J_TEST_URI is not set: run through scripts/with-neo4j.sh")
            if not args.loaded:
                _load_neo4j(uri, build)
            rows += run("neo4j", {"POLICYGRAPH_BACKEND": "neo4j", "NEO4J_URI": uri,
                                  "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": "",
                                  "NEO4J_DATABASE": "neo4j"}, args)
    graph = "the graph already in Neo4j" if args.loaded else f"build {args.build}" \
        if args.build else "sample graph"
    workers = f"{args.workers} worker" + ("s" if args.workers > 1 else "")
    print(f"{graph}, uvicorn {workers} on loopback, {os.cpu_count()} CPUs shared by "
          "server, load generator (and Neo4j); latency from the scheduled send time, ms")
    print(f"questions: {', '.join(args.questions)}; load average {load_before:.1f} at the "
          f"start, {os.getloadavg()[0]:.1f} at the end")
    print("| backend | load | requests | p50 | p95 | p99 | max | errors |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
