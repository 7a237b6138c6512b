"""Calls that must return within a deadline, run on a few daemon worker threads.

The Neo4j driver cannot be told to stop waiting: a server that is starting up may take a
connection and hold a query until its database is available, and a stalled one holds it
until the socket times out.  The HTTP service must answer every request within seconds
whatever Neo4j does, so :class:`Deadline` runs each call on one of its workers and the
caller waits at most ``seconds``; a call left behind finishes on its worker later (its
answer is dropped).  Calls queued behind stuck workers time out the same way, so nothing
piles up beyond the queue, and a call whose caller already gave up is never started.
Workers are daemon threads: one left waiting on a silent server does not hold up exit.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

T = TypeVar("T")


class DeadlineExceeded(Exception):
    """The call did not return within its deadline (it may still be running)."""


class Deadline:
    """Run calls on ``workers`` daemon threads, waiting at most ``seconds`` for each."""

    def __init__(self, seconds: float, workers: int = 8, name: str = "deadline") -> None:
        self.seconds = seconds
        self._tasks: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]]] = queue.SimpleQueue()
        for n in range(workers):
            threading.Thread(target=self._work, name=f"{name}-{n}", daemon=True).start()

    def call(self, fn: Callable[[], T]) -> T:
        """``fn()``'s result or exception; :class:`DeadlineExceeded` after ``seconds``."""
        future: Future[T] = Future()
        self._tasks.put((future, fn))
        try:
            return future.result(timeout=self.seconds)
        except FutureTimeout:
            future.cancel()  # not started yet: it never will be
            raise DeadlineExceeded(f"no answer within {self.seconds:g} s") from None

    def _work(self) -> None:
        while True:
            future, fn = self._tasks.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as error:
                future.set_exception(error)
