"""Calls with a deadline: a result in time, an error passed on, a hang abandoned fast, and a
request's clock counted from its arrival."""

from __future__ import annotations

import threading
import time
import warnings

import pytest
from fastapi import FastAPI
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette asks for httpx2 under its test client; httpx (a dev dependency) still works.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from api.middleware import AnswerBy
from graph.deadline import Deadline, DeadlineExceeded, answer_by


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


def test_a_call_waits_only_for_what_is_left_of_the_request_and_not_at_all_after_it() -> None:
    deadline = Deadline(5.0, workers=1)
    ran: list[str] = []
    # its time is up: fails at once, never runs
    with answer_by(time.monotonic() - 0.01), pytest.raises(DeadlineExceeded, match="time was up"):
        deadline.call(lambda: ran.append("late") or "x")
    began = time.monotonic()
    with answer_by(time.monotonic() + 0.3), pytest.raises(DeadlineExceeded):
        deadline.call(lambda: time.sleep(2))
    assert time.monotonic() - began < 1.5  # 0.3 s left of the request, not the 5 s
    assert deadline.call(lambda: "free") == "free"  # outside a request: the 5 s again
    assert ran == []


def test_a_request_that_queued_past_its_time_is_not_given_a_fresh_deadline() -> None:
    """The clock starts in the middleware, reaches a sync route's thread, and stops reads."""
    deadline = Deadline(5.0, workers=1)
    app = FastAPI()

    @app.get("/slow")
    def slow() -> str:
        time.sleep(0.3)  # e.g. waiting for a worker thread behind other requests
        try:
            return str(deadline.call(lambda: "read"))
        except DeadlineExceeded:
            return "refused"

    app.add_middleware(AnswerBy, seconds=0.2)
    with TestClient(app) as client:
        assert client.get("/slow").json() == "refused"
    assert Deadline(5.0, workers=1).call(lambda: "read") == "read"
