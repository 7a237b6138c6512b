#!/usr/bin/env bash
# Usage: scripts/with-neo4j.sh CMD [ARGS...]
#
# Starts a test Neo4j server (state dir .state/neo4j-test, Bolt port
# $POLICYGRAPH_TEST_NEO4J_PORT or 7688, Neo4j Browser on $POLICYGRAPH_TEST_NEO4J_HTTP_PORT or
# the Bolt port + 1000), exports NEO4J_TEST_URI and NEO4J_TEST_BROWSER_URL, runs CMD, then
# always stops the server it started (by its pid) and exits with CMD's exit code.
# Needs only graph/server.py and api/cli_neo4j.py, not the main CLI.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
port="${POLICYGRAPH_TEST_NEO4J_PORT:-7688}"
http_port="${POLICYGRAPH_TEST_NEO4J_HTTP_PORT:-$((port + 1000))}"
state_dir="${POLICYGRAPH_TEST_STATE_DIR:-$root/.state/neo4j-test}"

neo4j() { (cd "$root" && "$python" -m api.cli_neo4j "$@"); }

pid=""
cleanup() {
    [ -n "$pid" ] || return 0
    if ! neo4j stop --state-dir "$state_dir" >&2; then
        # Last resort, still by the pid this script started, never by name.
        kill -KILL "$pid" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

neo4j start --state-dir "$state_dir" --port "$port" --http-port "$http_port" \
    --heap 512m --pagecache 256m >&2
pid="$(cat "$state_dir/neo4j.pid")"
export NEO4J_TEST_URI="bolt://127.0.0.1:$port"
export NEO4J_TEST_BROWSER_URL="http://127.0.0.1:$http_port/browser/"

set +e
"$@"
status=$?
set -e
exit "$status"
