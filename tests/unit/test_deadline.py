"""Calls with a deadline: a result in time, an error passed on, a hang abandoned fast."""

from __future__ import annotations

import threading
import time

import pytest

from graph.deadline import Deadline, DeadlineExceeded


def test_a_result_and_an_error_come_back_as_they_are() -> None:
    deadline = Deadline(2.0, workers=2)
    assert deadline.call(lambda: 42) == 42
    with pytest.raises(KeyError, match="gone"):
        deadline.call(lambda: {}["gone"])


def test_a_call_that_hangs_is_abandoned_at_the_deadline_and_queued_calls_too() -> None:
    release = threading.Event()
    started: list[str] = []
    deadline = Deadline(0.3, workers=1)

    def hang() -> str:
        started.append("hang")
        release.wait(10)
        return "late"

    began = time.monotonic()
    with pytest.raises(DeadlineExceeded, match=r"0\.3 s"):
        deadline.call(hang)
    with pytest.raises(DeadlineExceeded):  # its only worker is still stuck
        deadline.call(lambda: started.append("queued") or "x")
    assert time.monotonic() - began < 2.0
    release.set()
    assert deadline.call(lambda: "next") == "next"  # the worker is free again
    assert started == ["hang"]  # the call whose caller gave up never ran
