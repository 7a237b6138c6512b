"""Run a local Neo4j 5.26 Community server from Maven Central jars.

The jars are fetched once by ``tools/neo4j/pom.xml`` into ``tools/neo4j/target/neo4j-home/lib``.
Each server lives in a *state dir* that doubles as its ``--home-dir``::

    <state-dir>/neo4j.pid        pid recorded by this module (the single server JVM)
    <state-dir>/conf/neo4j.conf  rendered from tools/neo4j/neo4j.conf on every start
    <state-dir>/logs/console.log the JVM's stdout and stderr
    <state-dir>/data, run, import, plugins
    <state-dir>/lib -> the fetched jars

The server is for local development and tests only: Bolt listens on 127.0.0.1, HTTP is off and
authentication is disabled. See docs/neo4j-local.md.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from string import Template

from neo4j import GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

TOOLS_DIR = Path(__file__).resolve().parent.parent / "tools" / "neo4j"
LIB_DIR = TOOLS_DIR / "target" / "neo4j-home" / "lib"
VERSION_MARKER = ".neo4j-version"
DEFAULT_STATE_DIR = Path(".state/neo4j")
DEFAULT_PORT = 7687
HOST = "127.0.0.1"
SUPPORTED_JAVA = (17, 21)
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
PID_FILE = "neo4j.pid"
CONSOLE_LOG = "logs/console.log"
LOG_TAIL_LINES = 30

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
_JAVA_VERSION = re.compile(r'version "(?:1\.)?(\d+)')  # "17.0.15", "21", or "1.8.0_392"

# Popen objects of servers started by this process: keeping them referenced avoids the
# "subprocess is still running" ResourceWarning and lets stop() reap the exit status.
_children: dict[int, subprocess.Popen[bytes]] = {}


class Neo4jServerError(Exception):
    """Any failure to find Java, fetch the jars, or start, stop or query the local server."""


@dataclass(frozen=True)
class ServerStatus:
    """What is known about the server of one state dir."""

    state_dir: Path
    running: bool
    pid: int | None
    port: int | None
    answering: bool

    @property
    def uri(self) -> str | None:
        """The Bolt URI, when the port is known."""
        return f"bolt://{HOST}:{self.port}" if self.port is not None else None

    @property
    def log_file(self) -> Path:
        """Where the server's console output goes."""
        return self.state_dir / CONSOLE_LOG


def default_state_dir() -> Path:
    """``$POLICYGRAPH_STATE_DIR`` if set, else ``.state/neo4j`` in the current directory."""
    return Path(os.environ.get("POLICYGRAPH_STATE_DIR") or DEFAULT_STATE_DIR)


def java_major_version(java: Path) -> int | None:
    """The major version ``java -version`` reports (8 for "1.8.0"), or None if it cannot run."""
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _JAVA_VERSION.search(out.stderr + out.stdout)
    return int(match.group(1)) if match else None


def find_java() -> Path:
    """The ``java`` binary of a JDK 17 or 21, chosen explicitly (never a JDK 25 by accident).

    Order: ``$POLICYGRAPH_JAVA_HOME`` (must be 17 or 21), then ``$JAVA_HOME`` if it is 17 or
    21, then the newest 17/21 JDK under /usr/lib/jvm, then ``java`` on PATH.
    """
    forced = os.environ.get("POLICYGRAPH_JAVA_HOME")
    if forced:
        java = Path(forced) / "bin" / "java"
        version = java_major_version(java)
        if version not in SUPPORTED_JAVA:
            found = f"Java {version}" if version else "no runnable bin/java"
            raise Neo4jServerError(
                f"POLICYGRAPH_JAVA_HOME={forced} has {found}; Neo4j 5.26 needs Java 17 or 21"
            )
        return java
    seen: list[str] = []

    def supported(java: Path) -> int | None:
        version = java_major_version(java)
        seen.append(f"{java} (Java {version})" if version else f"{java} (not runnable)")
        return version if version in SUPPORTED_JAVA else None

    if os.environ.get("JAVA_HOME"):
        java = Path(os.environ["JAVA_HOME"]) / "bin" / "java"
        if supported(java):
            return java
    jvm_dir = Path("/usr/lib/jvm")
    if jvm_dir.is_dir():
        homes = sorted({p.resolve() for p in jvm_dir.iterdir() if (p / "bin" / "java").is_file()})
        matches = [
            (v, home / "bin" / "java") for home in homes if (v := supported(home / "bin" / "java"))
        ]
        if matches:
            return max(matches)[1]
    on_path = shutil.which("java")
    if on_path and supported(Path(on_path)):
        return Path(on_path)
    raise Neo4jServerError(
        "no Java 17 or 21 found (Neo4j 5.26 supports only these); found: "
        + (", ".join(dict.fromkeys(seen)) or "nothing")
        + ". Set POLICYGRAPH_JAVA_HOME to a JDK 17 or 21."
    )


def pinned_version() -> str:
    """The Neo4j version pinned in tools/neo4j/pom.xml (the single source of truth)."""
    pom = TOOLS_DIR / "pom.xml"
    try:
        root = ET.parse(pom).getroot()
    except (OSError, ET.ParseError) as e:
        raise Neo4jServerError(f"cannot read {pom}: {e}") from e
    node = root.find("m:properties/m:neo4j.version", {"m": "http://maven.apache.org/POM/4.0.0"})
    if node is None or not (node.text or "").strip():
        raise Neo4jServerError(f"{pom} has no <neo4j.version> property")
    return (node.text or "").strip()


def jars_ready() -> bool:
    """True when lib/ holds the jars of the pinned version (no network needed)."""
    marker = LIB_DIR / VERSION_MARKER
    return marker.is_file() and marker.read_text().strip() == pinned_version()


def ensure_jars(java: Path | None = None) -> Path:
    """Fetch the Neo4j jar closure with Maven unless lib/ already matches the pinned version."""
    if jars_ready():
        return LIB_DIR
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError("Maven (mvn) is not on PATH; it is needed once to fetch the jars")
    java = java or find_java()
    LIB_DIR.parent.mkdir(parents=True, exist_ok=True)
    with open(LIB_DIR.parent / ".fetch.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be fetching right now
        if jars_ready():
            return LIB_DIR
        shutil.rmtree(LIB_DIR, ignore_errors=True)  # never mix jars of two versions
        env = {**os.environ, "JAVA_HOME": str(java.parent.parent)}
        cmd = [mvn, "-B", "-q", "-f", str(TOOLS_DIR / "pom.xml"), "package"]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-LOG_TAIL_LINES:])
            raise Neo4jServerError(f"fetching the Neo4j jars failed ({' '.join(cmd)}):\n{tail}")
        (LIB_DIR / VERSION_MARKER).write_text(pinned_version() + "\n")
    return LIB_DIR


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


def _configured_port(state_dir: Path) -> int | None:
    try:
        text = (state_dir / "conf" / "neo4j.conf").read_text()
    except OSError:
        return None
    match = re.search(r"^server\.bolt\.listen_address=.*:(\d+)\s*$", text, re.MULTILINE)
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
    if pid is not None and _is_server(pid, state_dir):
        return ServerStatus(state_dir, True, pid, port, port is not None and answers(port))
    (state_dir / PID_FILE).unlink(missing_ok=True)
    return ServerStatus(state_dir, False, None, port, False)


def _prepare_home(state_dir: Path, lib: Path, port: int, pagecache: str) -> None:
    for sub in ("conf", "data", "logs", "run", "import", "plugins"):
        (state_dir / sub).mkdir(parents=True, exist_ok=True)
    template = Template((TOOLS_DIR / "neo4j.conf").read_text())
    conf = template.substitute(port=port, pagecache=pagecache)
    (state_dir / "conf" / "neo4j.conf").write_text(conf)
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
) -> ServerStatus:
    """Start a server for ``state_dir`` on 127.0.0.1:``port`` and wait until it answers.

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
    java = find_java()
    lib = ensure_jars(java)
    _prepare_home(state_dir, lib, port, pagecache)
    classpath = f"{state_dir}/plugins/*:{state_dir}/conf/*:{state_dir}/lib/*"
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
            return ServerStatus(state_dir, True, proc.pid, port, True)
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
