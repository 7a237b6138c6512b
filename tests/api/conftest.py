"""Fixtures of the API contract tests (defined in ``api_support``, registered here).

The helpers live in a module with a name of its own: two ``conftest`` modules (this one and
``tests/integration/conftest.py``) cannot both be imported by name.
"""

from api_support import (  # noqa: F401
    backend,
    client,
    embedded_repo,
    neo4j_repo,
    repo,
    sample_graph,
)
