"""Headless Chromium (Debian's, driven by Playwright) for the browser tests.

Locally the tests skip with a reason when Chromium is missing; with ``CI=true`` they
fail instead (``tests/integration/_require.py``).  Playwright never downloads a
browser: it launches ``$POLICYGRAPH_CHROMIUM`` (default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

# One skip-or-fail rule for every integration test, kept beside the Neo4j tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from _require import require

from api.app import create_app
from api.settings import ApiSettings, Backend

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
#: Without the background-networking flags Chromium's own connections are refused
#: on a closed network and slow every launch.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def chromium_path() -> str:
    """Where the Chromium binary is (``POLICYGRAPH_CHROMIUM`` overrides)."""
    return os.environ.get("POLICYGRAPH_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """Playwright, driving Debian's Chromium (a test may launch one of its own with it)."""
    path = chromium_path()
    require(os.access(path, os.X_OK),
            f"no Chromium at {path} (run scripts/install-browser.sh or set POLICYGRAPH_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    """One Chromium for the whole session (2-core machines: launching is the slow part)."""
    chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The git-ignored folder the screenshots go to."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built with ``policygraph build`` and the sample registers imported,
    as the README's first command does (once per session)."""
    out = tmp_path_factory.mktemp("sample") / "build"
    subprocess.run([sys.executable, "-m", "api.cli", "build", "data/corpus", "--out", str(out),
                    "--quiet"], cwd=ROOT, check=True, capture_output=True, timeout=600)
    for register in sorted((ROOT / "data" / "registers").glob("*.csv")):
        subprocess.run([sys.executable, "-m", "api.cli", "register", "import", str(register),
                        "--build", str(out)], cwd=ROOT, check=True, capture_output=True,
                       timeout=600)
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(sample_build: Path) -> Iterator[str]:
    """The app on the embedded backend, on a free loopback port; its base URL."""
    app = create_app(ApiSettings(backend=Backend.EMBEDDED, build_dir=sample_build))
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                       lifespan="on"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=30)
