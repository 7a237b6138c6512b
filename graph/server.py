"""Run a local Neo4j 5.26 Community server from Maven Central jars.

The jars are fetched once by ``tools/neo4j/pom.xml`` into ``tools/neo4j/target/neo4j-home/lib``.
Each server lives in a *state dir* that doubles as its ``--home-dir``::

    <state-dir>/neo4j.pid        pid recorded by this module (the single server JVM)
    <state-dir>/conf/neo4j.conf  rendered from tools/neo4j/neo4j.conf on every start
    <state-dir>/logs/console.log the JVM's stdout and stderr
    <state-dir>/data, run, import, plugins
    <state-dir>/lib -> the fetched jars
    <state-dir>/browser/         Neo4j Browser with the analysts' guide (graph.neo4j_tools)

The server is for local development and tests only: Bolt and HTTP listen on 127.0.0.1, HTTP
serves Neo4j Browser and nothing else (``browser=False``: no HTTP at all), and authentication
is disabled. See docs/neo4j-local.md.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from string import Template

from neo4j import GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

# Java and the jars live in their own module; their names stay importable from here.
from graph import neo4j_tools
from graph.neo4j_jars import (  # noqa: F401
    LIB_DIR,
    LOG_TAIL_LINES,
    SUPPORTED_JAVA,
    TOOLS_DIR,
    VERSION_MARKER,
    Neo4jServerError,
    ensure_jars,
    find_java,
    jars_ready,
    java_major_version,
    pinned_version,
)

DEFAULT_STATE_DIR = Path(".state/neo4j")
DEFAULT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
HOST = "127.0.0.1"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
PID_FILE = "neo4j.pid"
CONSOLE_LOG = "logs/console.log"

# The flags the 5.26 bootloader adds from its default neo4j.conf (server.jvm.additional), minus
# -XX:+AlwaysPreTouch, which slows start-up by touching the whole heap.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)
_MEMORY_SIZE = re.compile(r"^[1-9][0-9]*[kmgKMG]?$")

# Popen objects of servers started by this process: keeping them referenced avoids the
# "subprocess is still running" ResourceWarning and lets stop() reap the exit status.
_children: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerStatus:
    """What is known about the server of one state dir."""

    state_dir: Path
    running: bool
    pid: int | None
    port: int | None
    answering: bool
    http_port: int | None = None

    @property
    def uri(self) -> str | None:
        """The Bolt URI, when the port is known."""
        return f"bolt://{HOST}:{self.port}" if self.port is not None else None

    @property
    def browser_url(self) -> str | None:
        """Neo4j Browser's address, when the server serves it."""
        return f"http://{HOST}:{self.http_port}/browser/" if self.http_port else None

    @property
    def guide_url(self) -> str | None:
        """The analysts' guide (``:play`` it in Browser), when Browser is served."""
        return f"http://{HOST}:{self.http_port}/{neo4j_tools.GUIDE_PATH}" if self.http_port else None

    @property
    def log_file(self) -> Path:
        """Where the server's console output goes."""
        return self.state_dir / CONSOLE_LOG


def default_state_dir() -> Path:
    """``$POLICYGRAPH_STATE_DIR`` if set, else ``.state/neo4j`` in the current directory."""
    return Path(os.environ.get("POLICYGRAPH_STATE_DIR") or DEFAULT_STATE_DIR)


def _read_pid(state_dir: Path) -> int | None:
    # Neo4j's own pid file (deleted on exit) covers a server whose neo4j.pid was lost.
    for path in (state_dir / PID_FILE, state_dir / "run" / "neo4j.pid"):
        with contextlib.suppress(OSError, ValueError):
            return int(path.read_text().strip())
    return None


def _alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie; reaps servers started by this process."""
    proc = _children.get(pid)
    if proc is not None:
        if proc.poll() is None:
            return True
        del _children[pid]
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return not Path("/proc/self").exists()  # without procfs, trust the signal check


def _is_server(pid: int, state_dir: Path) -> bool:
    """True when ``pid`` is alive and is the Neo4j JVM of this state dir (not a reused pid)."""
    if not _alive(pid):
        return False
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return not Path("/proc/self").exists()
    home_arg = f"--home-dir={state_dir.resolve()}".encode()
    return ENTRY_POINT.encode() in argv and home_arg in argv


def _configured_port(state_dir: Path, connector: str = "bolt") -> int | None:
    try:
        text = (state_dir / "conf" / "neo4j.conf").read_text()
    except OSError:
        return None
    match = re.search(rf"^server\.{connector}\.listen_address=.*:(\d+)\s*$", text, re.MULTILINE)
    return int(match.group(1)) if match else None


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def log_tail(state_dir: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines of the server's console log ("" if there is none)."""
    try:
        text = (state_dir / CONSOLE_LOG).read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def _with_log(message: str, state_dir: Path) -> Neo4jServerError:
    log = state_dir / CONSOLE_LOG
    return Neo4jServerError(f"{message}; last lines of {log}:\n{log_tail(state_dir)}")


def answers(port: int, timeout: float = 2.0) -> bool:
    """True when the server on ``port`` runs ``RETURN 1`` on the default database."""
    try:
        with (
            GraphDatabase.driver(
                f"bolt://{HOST}:{port}",
                auth=None,
                connection_timeout=timeout,
                connection_acquisition_timeout=timeout,
            ) as driver,
            driver.session(database="neo4j") as session,
        ):
            record = session.run("RETURN 1 AS ok").single()
    except (DriverError, Neo4jError, OSError):
        return False
    return record is not None and record["ok"] == 1


def status(state_dir: Path) -> ServerStatus:
    """Whether the server of ``state_dir`` runs and answers; cleans up a stale pid file."""
    state_dir = Path(state_dir)
    pid = _read_pid(state_dir)
    port = _configured_port(state_dir)
    http_port = _configured_port(state_dir, "http")
    if pid is not None and _is_server(pid, state_dir):
        return ServerStatus(state_dir, True, pid, port, port is not None and answers(port),
                            http_port)
    (state_dir / PID_FILE).unlink(missing_ok=True)
    return ServerStatus(state_dir, False, None, port, False, http_port)


def http_settings(http_port: int | None) -> str:
    """The HTTP lines of neo4j.conf: Browser alone on loopback, or HTTP off (``None``)."""
    if http_port is None:
        return "server.http.enabled=false"
    guide = f"http://{HOST}:{http_port}/{neo4j_tools.GUIDE_PATH}"
    return "\n".join((
        "server.http.enabled=true",
        f"server.http.listen_address={HOST}:{http_port}",
        f"server.http.advertised_address={HOST}:{http_port}",
        # Browser only: no HTTP Cypher endpoints beside the unauthenticated Bolt.
        "server.http_enabled_modules=BROWSER",
        # Browser opens the analysts' guide on connecting and may fetch it from here only.
        f"browser.post_connect_cmd=play {guide}",
        f"browser.remote_content_hostname_whitelist={HOST},localhost",
        "client.allow_telemetry=false",
    ))


def _prepare_home(state_dir: Path, lib: Path, port: int, pagecache: str,
                  http_port: int | None) -> None:
    for sub in ("conf", "data", "logs", "run", "import", "plugins", "browser"):
        (state_dir / sub).mkdir(parents=True, exist_ok=True)
    template = Template((TOOLS_DIR / "neo4j.conf").read_text())
    conf = template.substitute(port=port, pagecache=pagecache, http=http_settings(http_port))
    (state_dir / "conf" / "neo4j.conf").write_text(conf)
    if http_port is not None:
        neo4j_tools.browser_with_guide(state_dir / "browser")
    else:
        for jar in (state_dir / "browser").glob("*.jar"):
            jar.unlink()
    link = state_dir / "lib"
    if link.is_symlink():
        link.unlink()  # re-pointed on every start: the checkout may have moved
    elif link.exists():
        raise Neo4jServerError(f"{link} exists and is not a symlink to the jars; remove it")
    link.symlink_to(lib.resolve(), target_is_directory=True)


def start(
    state_dir: Path,
    port: int = DEFAULT_PORT,
    heap: str = "1g",
    pagecache: str = "512m",
    timeout: float = 180,
    on_wait: Callable[[float], None] | None = None,
    http_port: int = DEFAULT_HTTP_PORT,
    browser: bool = True,
) -> ServerStatus:
    """Start a server for ``state_dir`` on 127.0.0.1:``port`` and wait until it answers.

    With ``browser`` (the default) it also serves Neo4j Browser on 127.0.0.1:``http_port``
    (the analysts' guide opens on connecting); without it, no HTTP listener at all.
    ``on_wait`` is called with the seconds waited so far, about twice a second. Raises
    Neo4jServerError if a server already runs for this state dir, if the port is taken, if
    Java or the jars are missing, or if the server dies or does not answer within ``timeout``
    seconds (the message carries the tail of its log).
    """
    state_dir = Path(state_dir).resolve()
    for name, size in (("heap", heap), ("pagecache", pagecache)):
        if not _MEMORY_SIZE.match(size):
            raise Neo4jServerError(f"invalid {name} size {size!r}; use e.g. 512m or 1g")
    current = status(state_dir)
    if current.running:
        raise Neo4jServerError(
            f"Neo4j is already running (pid {current.pid}) for {state_dir} on {current.uri}"
        )
    if not _port_free(port):
        raise Neo4jServerError(f"port {port} on {HOST} is already in use; choose another --port")
    if browser and (http_port == port or not _port_free(http_port)):
        raise Neo4jServerError(f"HTTP port {http_port} on {HOST} is already in use; choose "
                               "another --http-port (or --no-browser)")
    java = find_java()
    lib = ensure_jars(java)
    _prepare_home(state_dir, lib, port, pagecache, http_port if browser else None)
    classpath = (f"{state_dir}/plugins/*:{state_dir}/conf/*:{state_dir}/browser/*:"
                 f"{state_dir}/lib/*")
    argv = [str(java), f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS, "-cp", classpath, ENTRY_POINT]
    argv += [f"--home-dir={state_dir}", f"--config-dir={state_dir}/conf", "--console-mode"]
    env = os.environ | {"NEO4J_HOME": str(state_dir), "NEO4J_CONF": str(state_dir / "conf")}
    with open(state_dir / CONSOLE_LOG, "wb") as log:
        # Own session: the server outlives the CLI and ignores the terminal's Ctrl-C.
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=state_dir,
            start_new_session=True,
        )
    _children[proc.pid] = proc
    (state_dir / PID_FILE).write_text(f"{proc.pid}\n")
    began = time.monotonic()
    while True:
        waited = time.monotonic() - began
        if proc.poll() is not None:
            _children.pop(proc.pid, None)
            (state_dir / PID_FILE).unlink(missing_ok=True)
            raise _with_log(f"Neo4j exited with code {proc.returncode} during start-up", state_dir)
        if answers(port):
            return ServerStatus(state_dir, True, proc.pid, port, True,
                                http_port if browser else None)
        if waited > timeout:
            stop(state_dir)
            raise _with_log(f"Neo4j did not answer within {timeout:.0f} s, stopped it", state_dir)
        if on_wait is not None:
            on_wait(waited)
        time.sleep(0.5)


def stop(state_dir: Path, timeout: float = 60) -> bool:
    """Stop the server of ``state_dir`` (SIGTERM, then SIGKILL after ``timeout`` seconds).

    Returns True if a running server was stopped, False if none was running.
    """
    state_dir = Path(state_dir).resolve()
    pid = _read_pid(state_dir)
    if pid is None or not _is_server(pid, state_dir):
        (state_dir / PID_FILE).unlink(missing_ok=True)
        return False
    # SIGTERM makes Neo4j shut down cleanly (checkpoint, release the store lock).
    for sig, grace in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if not _alive(pid):
                (state_dir / PID_FILE).unlink(missing_ok=True)
                return True
            time.sleep(0.2)
    raise Neo4jServerError(f"Neo4j (pid {pid}) did not exit even after SIGKILL")
