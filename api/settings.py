"""Settings of the HTTP service, from ``POLICYGRAPH_*`` environment variables (or ``.env``).

The Neo4j connection itself comes from :class:`graph.settings.Neo4jSettings`
(``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``).  Nothing is
read at import time: :func:`api.app.create_app` takes an :class:`ApiSettings`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


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
    #: Set by ``NEO4J_URI`` itself: its presence alone selects Neo4j under ``auto``.
    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
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

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        """``POLICYGRAPH_CORS_ORIGINS`` is comma-separated text."""
        if isinstance(value, str):
            return tuple(o.strip() for o in value.split(",") if o.strip())
        return value

    @property
    def uses_neo4j(self) -> bool:
        """True if the graph is read from Neo4j."""
        return self.backend is Backend.NEO4J or (
            self.backend is Backend.AUTO and bool(self.neo4j_uri))
