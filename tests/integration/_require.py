"""Skip locally, fail in CI: for integration tests whose prerequisites may be missing."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    """True on CI, which sets ``CI=true``."""
    return os.environ.get("CI", "").lower() == "true"


def require(condition: object, reason: str) -> None:
    """Skip the test with ``reason`` unless ``condition`` holds; in CI, fail instead.

    A missing server or browser must not turn CI green by skipping everything.
    """
    if condition:
        return
    if in_ci():
        pytest.fail(f"CI requires this, but: {reason}", pytrace=False)
    pytest.skip(reason)
