"""Running an analyst's Cypher: fenced, bounded in time, rows and bytes, always rolled back.

:class:`CypherRunner` is what :meth:`graph.neo4j_repo.Neo4jRepository.run_cypher` calls:

1. the text fence (:func:`graph.cypher_guard.check_read_only`), before Neo4j sees anything:
   what could write, and what could overflow Neo4j's stack or plan for minutes;
2. one read transaction with the server-side timeout, in which ``EXPLAIN`` plans the
   statement (so planning is bounded by the same timeout) and the plan fence
   (:func:`graph.cypher_plan.judge_plan`) reads Neo4j's verdict;
3. the statement itself, in the same transaction; rows are streamed (a small fetch size)
   and converted one at a time until the row cap or the byte budget is reached;
4. the transaction is rolled back, whatever happened.

Neo4j may still go silent — a stack overflow in its planner leaves the connection without
an answer until the driver's read timeout (120 s), and some plans ignore the transaction
timeout — and the driver cannot be told to stop waiting.  So the work runs in a worker
thread and the caller waits at most the timeout plus :data:`GRACE` seconds; a worker left
behind finishes on its own, and while all :data:`SLOTS` are taken new statements are
refused at once (:class:`~graph.repository.CypherBusy`) instead of piling up.

Every failure the statement causes is one of the repository's ``Cypher*`` errors, whose
message never quotes what Neo4j fetched or its internals (only the text of syntax and
type errors, which is about the analyst's own statement).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager, suppress
from typing import Any, Final

import neo4j
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph import queries as q
from graph.cypher_guard import check_read_only
from graph.cypher_json import ByteBudget, ValueTooDeep, to_json
from graph.cypher_plan import judge_plan
from graph.errors import StoreUnavailable
from graph.repository import (
    CypherBusy,
    CypherFailed,
    CypherLimits,
    CypherRejected,
    CypherResult,
    CypherTimeout,
)

log = logging.getLogger(__name__)

#: Statements that may run at once (each holds one worker thread and one connection).
SLOTS: Final = 4
#: Seconds the caller waits beyond the timeout: Neo4j checks timeouts about every 2 s.
GRACE: Final = 1.5
#: Records the server sends per batch: what it holds in memory at once, and what is drained
#: when the caps cut a result (100 rows of 4 MB exhaust a 512 MB server).
FETCH_SIZE: Final = 20
#: Longest Neo4j message passed on to the analyst.
MESSAGE_CHARS: Final = 500
#: Neo4j errors whose message is about the statement's own text, so it may be shown.
_SHOWN_CODES: Final = (
    "Neo.ClientError.Statement.SyntaxError", "Neo.ClientError.Statement.SemanticError",
    "Neo.ClientError.Statement.ParameterMissing", "Neo.ClientError.Statement.TypeError",
    "Neo.ClientError.Statement.ArgumentError", "Neo.ClientError.Statement.ArithmeticError",
    "Neo.ClientError.Procedure.ProcedureNotFound",
)

SessionFactory = Callable[[], neo4j.Session]


class CypherRunner:
    """Runs analysts' statements on sessions from ``open_session`` (see the module docstring)."""

    def __init__(self, open_session: SessionFactory, location: str, slots: int = SLOTS) -> None:
        self._open_session = open_session
        self._location = location
        self._free = threading.BoundedSemaphore(slots)

    def run(self, statement: str, parameters: Mapping[str, Any],
            limits: CypherLimits) -> CypherResult:
        """Fence, run and cut ``statement``; raises the repository's ``Cypher*`` errors."""
        check_read_only(statement)
        if not self._free.acquire(blocking=False):
            raise CypherBusy("every slot for analysts' queries is taken; try again shortly")
        future: Future[CypherResult] = Future()
        try:
            # A daemon thread, not a pool's: one left waiting on a silent Neo4j must not hold
            # up the server's exit.
            threading.Thread(target=self._in_slot, name="cypher", daemon=True,
                             args=(future, statement, dict(parameters), limits)).start()
        except BaseException:
            self._free.release()
            raise
        try:
            return future.result(timeout=limits.timeout + GRACE)
        except FutureTimeout:
            raise CypherTimeout(f"the query ran longer than {limits.timeout:g} s and Neo4j "
                                "did not stop it in time; it was abandoned") from None

    def _in_slot(self, future: Future[CypherResult], statement: str,
                 parameters: dict[str, Any], limits: CypherLimits) -> None:
        try:
            with _cypher_errors(self._location, limits.timeout):
                future.set_result(_run(self._open_session, statement, parameters, limits))
        except BaseException as error:
            future.set_exception(error)
        finally:
            self._free.release()


def _run(open_session: SessionFactory, statement: str, parameters: dict[str, Any],
         limits: CypherLimits) -> CypherResult:
    began = time.perf_counter()
    with open_session() as session:
        tx = session.begin_transaction(timeout=limits.timeout)
        try:
            explained = tx.run(q.EXPLAIN_PREFIX + statement, parameters).consume()
            judge_plan(explained.query_type, explained.plan)
            result = tx.run(statement, parameters)
            columns = tuple(result.keys())
            rows, truncated = _take(result, limits)
        except BaseException:
            with suppress(Neo4jError, DriverError, OSError):  # keep the first error
                tx.close()
            raise
        tx.close()  # rolls back: an analyst's query never commits anything
    return CypherResult(columns, rows, truncated=truncated,
                        elapsed_ms=(time.perf_counter() - began) * 1000)


def _take(records: neo4j.Result, limits: CypherLimits) -> tuple[list[list[Any]], bool]:
    """Rows as JSON-ready values, until the row cap or the byte budget; and whether cut."""
    budget = ByteBudget(limits.max_bytes)
    rows: list[list[Any]] = []
    for record in records:
        row = [to_json(value) for value in record.values()]
        if len(rows) == limits.max_rows or not budget.take(row):
            return rows, True
        rows.append(row)
    return rows, False


def _shown(error: Neo4jError) -> str:
    message = str(error.message or error).splitlines()[0]
    return message if len(message) <= MESSAGE_CHARS else message[:MESSAGE_CHARS] + " …"


@contextmanager
def _cypher_errors(location: str, timeout: float) -> Iterator[None]:
    """Whatever goes wrong with an analyst's statement, as the repository's errors."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired, OSError) as error:
        raise StoreUnavailable(f"Neo4j at {location} is unreachable") from error
    except Neo4jError as error:
        code = error.code or ""
        if "TransactionTimedOut" in code or code.endswith("Terminated"):
            raise CypherTimeout(f"the query ran longer than {timeout:g} s and was stopped "
                                "by the server") from error
        if "AccessMode" in code or "Forbidden" in code:
            raise CypherRejected("Neo4j refused to write in a read transaction") from error
        if "MemoryPoolOutOfMemory" in code or "OutOfMemory" in code:
            raise CypherFailed("the query needs more memory than Neo4j allows") from error
        if code.startswith(_SHOWN_CODES):
            raise CypherFailed(_shown(error)) from error
        log.warning("an analyst's query failed in Neo4j: %s", error)
        raise CypherFailed(f"Neo4j could not run the query ({code or 'no error code'}); "
                           "the server log has details") from error
    except DriverError as error:
        log.warning("an analyst's query failed in the driver: %s", error)
        raise CypherFailed("the query failed while its result was read") from error
    except RecursionError as error:
        raise CypherFailed("the query's plan or result nests too deeply to read") from error
    except ValueTooDeep as error:
        raise CypherFailed(str(error)) from error
