"""Settings of the HTTP service, from ``POLICYGRAPH_*`` environment variables (or ``.env``).

The Neo4j connection itself comes from :class:`graph.settings.Neo4jSettings`
(``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``).  Nothing is
read at import time: :func:`api.app.create_app` takes an :class:`ApiSettings`.
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Final

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

#: Host headers always accepted: the names of this machine's loopback interface.
LOOPBACK_HOSTS: Final = ("localhost", "127.0.0.1", "[::1]")


class Backend(StrEnum):
    """Where the graph is read from."""

    AUTO = "auto"  # Neo4j when NEO4J_URI is set, else embedded
    EMBEDDED = "embedded"
    NEO4J = "neo4j"


class ApiSettings(BaseSettings):
    """What ``policygraph serve`` and the app factory need."""

    model_config = SettingsConfigDict(
        env_prefix="POLICYGRAPH_", env_file=".env", env_file_encoding="utf-8", extra="ignore",
        frozen=True,
    )

    backend: Backend = Backend.AUTO
    #: A build directory (``graph.ttl``) for the embedded backend.
    build_dir: Path = Path("build")
    #: A corpus directory: if set, the embedded graph is extracted and built from it in memory.
    corpus_dir: Path | None = None
    #: The programme table of target progress (``POLICYGRAPH_PROGRAMMES``; default: the
    #: one shipped in graph/data).
    programmes: Path | None = None
    #: Set by ``NEO4J_URI`` itself: its presence alone selects Neo4j under ``auto``.
    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
    #: The address the server listens on (``serve --host`` sets it).
    host: str = "127.0.0.1"
    #: Host headers accepted besides the loopback names and ``host``, comma-separated
    #: (``*`` accepts any: only behind a proxy that checks them).
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()
    #: If set, ``POST /cypher`` requires it in the ``X-API-Key`` header.
    api_key: SecretStr | None = None
    #: Origins allowed by CORS, comma-separated; empty (the default) means CORS off.
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    #: Seconds an analyst's query may take (planning and running, server-side), at most.
    cypher_timeout: float = Field(default=10.0, gt=0, le=300)
    #: Rows an analyst's query may return, at most.
    cypher_max_rows: int = Field(default=1000, ge=1, le=100_000)
    #: Bytes of JSON rows an analyst's query may return, at most.
    cypher_max_bytes: int = Field(default=10_000_000, ge=1_000, le=100_000_000)
    #: Bytes a request body may have, at most.
    max_body_bytes: int = Field(default=1_048_576, ge=1_024, le=100_000_000)

    @field_validator("cors_origins", "allowed_hosts", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        """``POLICYGRAPH_CORS_ORIGINS`` and ``POLICYGRAPH_ALLOWED_HOSTS`` are comma-separated."""
        if isinstance(value, str):
            return tuple(o.strip() for o in value.split(",") if o.strip())
        return value

    @field_validator("api_key", mode="after")
    @classmethod
    def _empty_key_is_none(cls, value: SecretStr | None) -> SecretStr | None:
        """``POLICYGRAPH_API_KEY=`` (as in ``.env.example``) means no key, not an empty one."""
        return value if value is not None and value.get_secret_value() else None

    @model_validator(mode="after")
    def _key_when_exposed(self) -> ApiSettings:
        """Off the loopback interface, ``/cypher`` on Neo4j needs an API key."""
        if self.uses_neo4j and self.api_key is None and not self.loopback:
            raise ValueError(
                f"serving /cypher on {self.host} (not a loopback address) needs an API key: "
                "set POLICYGRAPH_API_KEY, or listen on 127.0.0.1")
        return self

    @property
    def loopback(self) -> bool:
        """True if the server listens on the loopback interface only."""
        if self.host.lower() == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host.strip("[]")).is_loopback
        except ValueError:
            return False  # a name: it may resolve to any interface

    @property
    def trusted_hosts(self) -> tuple[str, ...]:
        """Host headers the server answers (anything else could be DNS rebinding).

        The bound address counts unless it is ``0.0.0.0`` or ``::``: browsers send pages'
        requests for ``http://0.0.0.0`` to this machine.
        """
        try:
            address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = \
                ipaddress.ip_address(self.host.strip("[]"))
        except ValueError:
            address = None
        if address is not None and address.is_unspecified:
            bound: tuple[str, ...] = ()
        elif address is not None and address.version == 6:
            bound = (f"[{address}]",)
        else:
            bound = (self.host.lower(),)
        return tuple(dict.fromkeys((*LOOPBACK_HOSTS, *bound, *self.allowed_hosts)))

    @property
    def uses_neo4j(self) -> bool:
        """True if the graph is read from Neo4j."""
        return self.backend is Backend.NEO4J or (
            self.backend is Backend.AUTO and bool(self.neo4j_uri))
