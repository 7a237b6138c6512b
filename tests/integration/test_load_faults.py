"""Bulk import and faults of loading, on a real Neo4j server of this module alone.

* ``load --bulk`` (``neo4j-admin database import full``) gives the online loader's database:
  the same checksum of every node, relationship, property, constraint and index;
* a load whose JVM is SIGKILLed half-way, then a restart and a reload, gives the database
  of an uninterrupted load;
* two loads of overlapping builds at once: both succeed, no duplicate node or relationship,
  and the database of the same loads one after the other.

The server is stopped and started (and killed), so it is not the shared test server.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from _graph_support import CORPUS, TEST_DATABASE, build
from _own_server import own_server as started

from graph import server
from graph.bulk import bulk_load
from graph.checksum import Checksum, store_checksum
from graph.errors import StoreUnavailable
from graph.loader import drop_schema, load, wipe
from graph.property_graph import PropertyGraph, load_build
from ingest.synth import generate

pytestmark = pytest.mark.neo4j

HEAP, PAGECACHE = "512m", "64m"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    """A server of this module alone: (state dir, port)."""
    state_dir = tmp_path_factory.mktemp("neo4j-faults")
    with started(state_dir, heap=HEAP, pagecache=PAGECACHE) as port:
        yield state_dir, port


def _driver(port: int) -> neo4j.Driver:
    # Short retries: a load that lost its server should fail in seconds, not in 30.
    return neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=None,
                                      max_transaction_retry_time=2.0, connection_timeout=5.0)


def _corpus(tmp: Path, name: str, synth: range) -> PropertyGraph:
    """The sample corpus plus synthetic documents ``synth``, built and read back."""
    docs = tmp / f"{name}-docs"
    docs.mkdir()
    for path in CORPUS.glob("*.txt"):
        (docs / path.name).write_bytes(path.read_bytes())
    for doc in generate(len(synth), seed=12, start=synth.start):
        (docs / doc.name).write_bytes(doc.data)
    return load_build(build(docs, tmp / f"{name}-build"))


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PropertyGraph]:
    tmp = tmp_path_factory.mktemp("fault-graphs")
    return {"all": _corpus(tmp, "all", range(0, 30)),
            "a": _corpus(tmp, "a", range(0, 20)),
            "b": _corpus(tmp, "b", range(10, 30))}


def _empty(driver: neo4j.Driver, port: int) -> None:
    uri = f"bolt://127.0.0.1:{port}"
    wipe(driver, TEST_DATABASE, uri=uri, test_uri=uri)
    drop_schema(driver, TEST_DATABASE)


def _checksum(port: int) -> Checksum:
    with _driver(port) as driver:
        return store_checksum(driver, TEST_DATABASE)


@pytest.fixture(scope="module")
def clean_load(own_server: tuple[Path, int], graphs: dict[str, PropertyGraph]) -> Checksum:
    """The checksum of an uninterrupted online load of the whole graph into an empty store."""
    _, port = own_server
    with _driver(port) as driver:
        _empty(driver, port)
        load(driver, TEST_DATABASE, graphs["all"], batch_size=500)
    checksum = _checksum(port)
    assert checksum.nodes == len(graphs["all"].nodes)
    assert checksum.relationships == len(graphs["all"].rels)
    return checksum


def test_bulk_import_gives_the_online_loaders_database(
        own_server: tuple[Path, int], graphs: dict[str, PropertyGraph], clean_load: Checksum) -> None:
    state_dir, port = own_server
    report = bulk_load(state_dir, graphs["all"], TEST_DATABASE)
    assert (report.nodes, report.relationships) == (clean_load.nodes, clean_load.relationships)
    assert server.status(state_dir).port == port
    bulk = _checksum(port)
    assert bulk == clean_load
    assert any('"policygraph_text"' in line and "cjk" in line for line in bulk.schema)
    assert not (state_dir / "import" / f"bulk-{os.getpid()}").exists()  # CSVs cleaned up


def test_sigkill_mid_load_then_reload_converges(
        own_server: tuple[Path, int], graphs: dict[str, PropertyGraph], clean_load: Checksum) -> None:
    state_dir, port = own_server
    graph = graphs["all"]
    total = len(graph.nodes) + len(graph.rels)
    killed: list[int] = []

    def kill_half_way(done: int, _total: int, _what: str) -> None:
        if done >= total // 2 and not killed:
            pid = server.status(state_dir).pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            killed.append(done)

    with _driver(port) as driver:
        _empty(driver, port)
        with pytest.raises(StoreUnavailable):
            load(driver, TEST_DATABASE, graph, batch_size=200, progress=kill_half_way)
    assert killed and killed[0] < total
    server.start(state_dir, port=port, heap=HEAP, pagecache=PAGECACHE)
    partial = _checksum(port)
    assert 0 < partial.nodes + partial.relationships < total  # the kill really cut the load
    with _driver(port) as driver:
        load(driver, TEST_DATABASE, graph, batch_size=500)
    assert _checksum(port) == clean_load


def _duplicates(port: int) -> tuple[int, int]:
    with _driver(port) as driver:
        nodes = driver.execute_query(
            "MATCH (n) WITH labels(n) AS l, n.key AS k, count(*) AS c WHERE c > 1 RETURN count(*)",
            database_=TEST_DATABASE).records[0][0]
        rels = driver.execute_query(
            "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1 "
            "RETURN count(*)", database_=TEST_DATABASE).records[0][0]
    return int(nodes), int(rels)


def test_two_overlapping_loads_at_once(
        own_server: tuple[Path, int], graphs: dict[str, PropertyGraph]) -> None:
    _, port = own_server
    with _driver(port) as driver:
        _empty(driver, port)
        load(driver, TEST_DATABASE, graphs["a"], batch_size=300)
        load(driver, TEST_DATABASE, graphs["b"], batch_size=300)
    one_after_the_other = _checksum(port)

    with _driver(port) as driver:
        _empty(driver, port)
    failures: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(name: str) -> None:
        try:
            with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=None) as driver:
                barrier.wait()
                load(driver, TEST_DATABASE, graphs[name], batch_size=300)
        except BaseException as e:  # reported by the assertion below
            failures.append(e)

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a load hung"
    assert failures == []
    assert _duplicates(port) == (0, 0)
    assert _checksum(port) == one_after_the_other
