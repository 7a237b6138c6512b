"""Java and jars for the local Neo4j: a JDK 17/21 chosen explicitly, Maven Central fetches.

Two fetches, each a ``pom``-packaged project under ``tools/`` that only copies jars:

* ``tools/neo4j/pom.xml`` — the Neo4j 5.26 server closure into ``…/neo4j-home/lib`` and the
  Neo4j Browser jar into ``…/neo4j-home/browser-dist`` (one ``mvn package``);
* ``tools/cypher-shell/pom.xml`` — cypher-shell and its closure into ``…/target/lib``.

Each fetch writes a marker naming the versions it fetched; a later call compares the marker
with the pom (the single place a version is pinned) and runs Maven again, into an emptied
folder, only when they differ.  A file lock keeps two processes from fetching at once.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Final

TOOLS: Final = Path(__file__).resolve().parent.parent / "tools"
TOOLS_DIR: Final = TOOLS / "neo4j"
SHELL_DIR: Final = TOOLS / "cypher-shell"
LIB_DIR: Final = TOOLS_DIR / "target" / "neo4j-home" / "lib"
BROWSER_DIST: Final = TOOLS_DIR / "target" / "neo4j-home" / "browser-dist"
SHELL_LIB: Final = SHELL_DIR / "target" / "lib"
VERSION_MARKER: Final = ".neo4j-version"
SUPPORTED_JAVA: Final = (17, 21)
LOG_TAIL_LINES: Final = 30
_JAVA_VERSION = re.compile(r'version "(?:1\.)?(\d+)')  # "17.0.15", "21", or "1.8.0_392"
_POM_NS: Final = {"m": "http://maven.apache.org/POM/4.0.0"}


class Neo4jServerError(Exception):
    """Any failure to find Java, fetch the jars, or start, stop or query the local server."""


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


def pom_property(pom: Path, name: str) -> str:
    """A ``<properties>`` value of a pom (where the tools' versions are pinned)."""
    try:
        root = ET.parse(pom).getroot()
    except (OSError, ET.ParseError) as e:
        raise Neo4jServerError(f"cannot read {pom}: {e}") from e
    node = root.find(f"m:properties/m:{name}", _POM_NS)
    if node is None or not (node.text or "").strip():
        raise Neo4jServerError(f"{pom} has no <{name}> property")
    return (node.text or "").strip()


@dataclass(frozen=True)
class Fetch:
    """One Maven fetch: its pom, the folders it fills, and the versions it pins."""

    pom: Path
    marker_dir: Path
    outputs: tuple[Path, ...]
    versions: tuple[str, ...]

    def marker(self) -> str:
        """What the marker file holds once this fetch is done: ``name=version`` lines."""
        return "".join(f"{name}={pom_property(self.pom, name)}\n" for name in self.versions)

    def ready(self) -> bool:
        """True when the folders hold what the pom pins (no network needed)."""
        path = self.marker_dir / VERSION_MARKER
        return path.is_file() and path.read_text() == self.marker()


SERVER_FETCH: Final = Fetch(TOOLS_DIR / "pom.xml", LIB_DIR, (LIB_DIR, BROWSER_DIST),
                            ("neo4j.version", "neo4j-browser.version"))
SHELL_FETCH: Final = Fetch(SHELL_DIR / "pom.xml", SHELL_LIB, (SHELL_LIB,),
                           ("cypher-shell.version",))


def fetch(what: Fetch, java: Path | None = None) -> None:
    """Run Maven for ``what`` unless its folders already match the pom."""
    if what.ready():
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError("Maven (mvn) is not on PATH; it is needed once to fetch the jars")
    java = java or find_java()
    target = what.pom.parent / "target"
    target.mkdir(parents=True, exist_ok=True)
    with open(target / ".fetch.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be fetching right now
        if what.ready():
            return
        for folder in what.outputs:
            shutil.rmtree(folder, ignore_errors=True)  # never mix jars of two versions
        env = {**os.environ, "JAVA_HOME": str(java.parent.parent)}
        cmd = [mvn, "-B", "-q", "-f", str(what.pom), "package"]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-LOG_TAIL_LINES:])
            raise Neo4jServerError(f"fetching jars failed ({' '.join(cmd)}):\n{tail}")
        (what.marker_dir / VERSION_MARKER).write_text(what.marker())


def pinned_version() -> str:
    """The Neo4j version pinned in tools/neo4j/pom.xml (the single source of truth)."""
    return pom_property(TOOLS_DIR / "pom.xml", "neo4j.version")


def jars_ready() -> bool:
    """True when lib/ (and the Browser jar) hold the pinned versions (no network needed)."""
    return SERVER_FETCH.ready()


def ensure_jars(java: Path | None = None) -> Path:
    """Fetch the Neo4j jar closure and Browser with Maven unless they match the pom."""
    fetch(SERVER_FETCH, java)
    return LIB_DIR


def browser_jar() -> Path:
    """The fetched Neo4j Browser jar (after :func:`ensure_jars`)."""
    version = pom_property(TOOLS_DIR / "pom.xml", "neo4j-browser.version")
    return BROWSER_DIST / f"neo4j-browser-{version}.jar"
