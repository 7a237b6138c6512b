"""Connection settings of a Neo4j server, from the ecosystem's usual environment variables.

``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` (the names
Neo4j's own tools, Aura and neo4j-graphrag use) are read when :class:`Neo4jSettings` is
instantiated, never at import time (a ``.env`` file in the working directory
counts too; real environment variables win). An empty password means "no authentication", which is
how the project's local server (``policygraph neo4j start``) runs.
"""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_DATABASE = "neo4j"


class Neo4jSettings(BaseSettings):
    """Where the graph lives: URI (``bolt://``, ``neo4j://``, ``neo4j+s://``), login, database."""

    model_config = SettingsConfigDict(
        env_prefix="NEO4J_", env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    uri: str = DEFAULT_URI
    username: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = DEFAULT_DATABASE

    @property
    def auth(self) -> tuple[str, str] | None:
        """Basic-auth credentials, or None when the password is empty."""
        password = self.password.get_secret_value()
        return (self.username, password) if password else None
