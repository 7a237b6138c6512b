"""Fixtures of the security catalogue (defined in ``security_support``, registered here).

The catalogue reuses the API tests' helpers (``tests/api/api_support``): the sample graph
loaded into the test server, settings independent of the environment, the error checker.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from api_support import embedded_repo, neo4j_repo, sample_graph  # noqa: F401
from security_support import api, canary, graph_checksum  # noqa: F401
