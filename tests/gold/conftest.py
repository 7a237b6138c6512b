"""Where the shared hand-made gold is, for the gold tests: skipped when absent, failed in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """``../shared/eval``; a test that needs it skips without it, and fails under ``CI=true``."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared gold is missing at {SHARED}")
        pytest.skip(f"the shared gold is not here ({SHARED})")
    return SHARED
