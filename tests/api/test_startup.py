"""`policygraph serve` as a user starts it: what it prints, its request log, Ctrl-C, the icon."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

from api_support import make_client, settings

from api.app import create_app
from graph.embedded import EmbeddedRepository

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=5) as response:
        return int(response.status)


def test_serve_logs_requests_says_how_to_stop_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    port = _free_port()
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--corpus", "data/corpus", "--port",
             str(port)], cwd=ROOT, stdout=stdout, stderr=stderr)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    assert _get(f"http://127.0.0.1:{port}/health") == 200
                    break
                except OSError:
                    assert proc.poll() is None, err.read_text()
                    assert time.monotonic() < deadline, "serve did not answer"
                    time.sleep(0.3)
            assert _get(f"http://127.0.0.1:{port}/favicon.ico") == 200
            proc.send_signal(signal.SIGINT)  # what Ctrl-C in a terminal sends
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    printed, logged = out.read_text(), err.read_text()
    assert code == 0, logged  # `make run` reports no error after Ctrl-C
    assert "stop:" in printed and "Ctrl-C" in printed
    assert f"http://127.0.0.1:{port}/docs" in printed
    # uvicorn's access log goes to stdout, its other lines to stderr
    assert '"GET /health HTTP/1.1" 200' in printed
    assert '"GET /favicon.ico HTTP/1.1" 200' in printed
    assert "Traceback" not in logged and "Shutting down" in logged


def test_favicon_is_an_svg_icon(embedded_repo: EmbeddedRepository) -> None:
    with make_client(create_app(settings(), repository=embedded_repo)) as client:
        response = client.get("/favicon.ico")
        page = client.get("/").text
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert ET.fromstring(response.content).tag == "{http://www.w3.org/2000/svg}svg"
    assert 'rel="icon" href="/favicon.ico"' in page
