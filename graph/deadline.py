"""Calls that must return within a deadline, run on a few daemon worker threads.

The Neo4j driver cannot be told to stop waiting: a server that is starting up may take a
connection and hold a query until its database is available, and a stalled one holds it
until the socket times out.  The HTTP service must answer every request within seconds
whatever Neo4j does, so :class:`Deadline` runs each call on one of its workers and the
caller waits at most ``seconds``; a call left behind finishes on its worker later (its
answer is dropped).  Calls queued behind stuck workers time out the same way, so nothing
piles up beyond the queue, and a call whose caller already gave up is never started.
Workers are daemon threads: one left waiting on a silent server does not hold up exit.

A caller may also say when its whole answer is due (:func:`answer_by`: the HTTP service
sets the moment a request arrived plus its budget); a call then waits only for what is
left of that, and one made after it has passed fails at once, without running.  So a
request that waited in a queue in front of the service is not given a fresh deadline.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Final, TypeVar

T = TypeVar("T")


#: Seconds the HTTP service gives a request's reads, counted from its arrival: it answers
#: every request within 5 s, a 503 if the store is not answering.
ANSWER_WITHIN: Final = 4.0


class DeadlineExceeded(Exception):
    """The call did not return within its deadline (it may still be running)."""


#: When the current request's answer is due (``time.monotonic()``), if anyone said so.
_ANSWER_BY: ContextVar[float | None] = ContextVar("answer_by", default=None)


@contextmanager
def answer_by(due: float) -> Iterator[None]:
    """Calls made inside wait no later than ``due`` (a ``time.monotonic()`` value)."""
    token = _ANSWER_BY.set(due)
    try:
        yield
    finally:
        _ANSWER_BY.reset(token)


class Deadline:
    """Run calls on ``workers`` daemon threads, waiting at most ``seconds`` for each."""

    def __init__(self, seconds: float, workers: int = 8, name: str = "deadline") -> None:
        self.seconds = seconds
        self._tasks: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]]] = queue.SimpleQueue()
        for n in range(workers):
            threading.Thread(target=self._work, name=f"{name}-{n}", daemon=True).start()

    def call(self, fn: Callable[[], T]) -> T:
        """``fn()``'s result or exception; :class:`DeadlineExceeded` after ``seconds``, or
        when the answer of :func:`answer_by` is due, whichever comes first."""
        wait = self.seconds
        due = _ANSWER_BY.get()
        if due is not None:
            wait = min(wait, due - time.monotonic())
            if wait <= 0:
                raise DeadlineExceeded("the request's time was up before this call")
        future: Future[T] = Future()
        self._tasks.put((future, fn))
        try:
            return future.result(timeout=wait)
        except FutureTimeout:
            future.cancel()  # not started yet: it never will be
            raise DeadlineExceeded(f"no answer within {wait:g} s") from None

    def _work(self) -> None:
        while True:
            future, fn = self._tasks.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as error:
                future.set_exception(error)
