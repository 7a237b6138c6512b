"""Opening a Neo4j driver, and turning driver errors into :mod:`graph.errors` exceptions.

The driver is the one place the graph layer meets the network, so every call into it is
wrapped by :func:`store_errors`: an unreachable server becomes
:class:`~graph.errors.StoreUnavailable` (naming the URI), any other driver or server error a
:class:`~graph.errors.GraphError`, always chained (``raise … from e``).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

import neo4j
from neo4j import RoutingControl
from neo4j.exceptions import (
    AuthError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph.errors import GraphError, StoreUnavailable
from graph.settings import Neo4jSettings

PING: Final = "RETURN 1 AS ok"
"""Asked once when a driver opens: proves the server, the login and the database."""

#: The URI each driver of :func:`open_driver` was opened with (routing drivers do not say).
_uris: weakref.WeakKeyDictionary[neo4j.Driver, str] = weakref.WeakKeyDictionary()

#: URI schemes of the Bolt protocol: direct (``bolt``) and routing (``neo4j``), with TLS
#: (``+s``) or TLS accepting self-signed certificates (``+ssc``).
BOLT_SCHEMES: Final = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: Seconds to wait for a connection before calling the server unreachable.
CONNECTION_TIMEOUT = 10.0
#: The same for the HTTP service, which must answer every request within a few seconds:
#: a Neo4j that is starting accepts connections before it can serve them, and a request
#: waiting the full 10 s for its handshake would outlast any client's patience.
SERVICE_CONNECTION_TIMEOUT = 2.0

#: Server error codes that mean "the database is not there (yet)", as during a restart.
UNAVAILABLE_CODES: Final = frozenset({
    "Neo.TransientError.General.DatabaseUnavailable",
    "Neo.ClientError.Database.DatabaseNotFound",
    "Neo.TransientError.Database.DatabaseUnavailable",
})


def open_driver(settings: Neo4jSettings, *, verify: bool = True,
                timeout: float = CONNECTION_TIMEOUT) -> neo4j.Driver:
    """A driver for ``settings.uri`` (any scheme: ``bolt``, ``neo4j``, ``neo4j+s`` …).

    With ``verify`` the server is contacted once, so a wrong URI or password fails here with
    :class:`StoreUnavailable` instead of at the first query. ``timeout`` bounds opening a
    connection and waiting for one from the pool. The caller closes the driver.
    """
    scheme = settings.uri.partition("://")[0]
    if scheme not in BOLT_SCHEMES:
        raise StoreUnavailable(
            f"cannot use Neo4j URI {settings.uri!r}: the scheme must be one of "
            + ", ".join(BOLT_SCHEMES)
        )
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=settings.auth,
            connection_timeout=timeout,
            connection_acquisition_timeout=timeout,
        )
    except (DriverError, Neo4jError, ValueError) as e:
        raise StoreUnavailable(f"cannot use Neo4j URI {settings.uri!r}: {e}") from e
    _uris[driver] = settings.uri
    if verify:
        try:
            with store_errors(settings.uri):
                driver.verify_connectivity()  # fails fast; managed queries would retry 30 s
                driver.execute_query(
                    PING, database_=settings.database, routing_=RoutingControl.READ
                )
        except GraphError:
            driver.close()
            raise
    return driver


@contextmanager
def store_errors(uri: str) -> Iterator[None]:
    """Re-raise driver and server errors of the block as :mod:`graph.errors` exceptions."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as e:
        raise StoreUnavailable(f"Neo4j at {uri} is unreachable: {_reason(e)}") from e
    except AuthError as e:
        raise StoreUnavailable(f"Neo4j at {uri} refused the credentials: {_reason(e)}") from e
    except OSError as e:
        raise StoreUnavailable(f"Neo4j at {uri} is unreachable: {e}") from e
    except Neo4jError as e:
        if e.code in UNAVAILABLE_CODES:
            raise StoreUnavailable(f"Neo4j at {uri} is unavailable: {_reason(e)}") from e
        raise GraphError(f"Neo4j at {uri}: {_reason(e)}") from e
    except DriverError as e:
        if str(e) == "Driver closed":  # dropped after a failure by another thread: reconnecting
            raise StoreUnavailable(f"Neo4j at {uri} is unreachable: reconnecting") from e
        raise GraphError(f"Neo4j at {uri}: {_reason(e)}") from e


def uri_of(driver: neo4j.Driver) -> str:
    """The URI ``driver`` was opened with (for error messages)."""
    uri = _uris.get(driver)
    if uri is not None:
        return uri
    address = getattr(driver, "address", None)  # a direct (bolt://) driver opened elsewhere
    return f"bolt://{address}" if address is not None else "the Neo4j server"


_SOCKET_REASON: Final = re.compile(r"\(reason ([^)]*)\)")


def _reason(error: Exception) -> str:
    """The first line of a driver message, plus the socket's reason when there is one."""
    message = str(getattr(error, "message", None) or error or type(error).__name__)
    first = message.splitlines()[0].rstrip(" :")
    cause = _SOCKET_REASON.search(message)
    return f"{first}: {cause.group(1)}" if cause else first
