"""A Neo4j server of one test (or module) alone, for tests that stop, start or kill it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from _require import require

from graph import server


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def own_server(state_dir: Path, heap: str = "256m", pagecache: str = "32m") -> Iterator[int]:
    """Start a server in ``state_dir`` on a free port, yield the port, stop it by its pid.

    Skips (fails in CI) when Java 17/21 or the jars cannot be had.
    """
    try:
        server.find_java()
        server.ensure_jars()
    except server.Neo4jServerError as e:
        require(False, f"no local Neo4j possible: {e}")
        raise
    port = free_port()
    # No Browser: its HTTP port (7474 by default) may be another session's.
    server.start(state_dir, port=port, heap=heap, pagecache=pagecache, browser=False)
    try:
        yield port
    finally:
        server.stop(state_dir)
