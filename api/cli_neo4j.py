"""`policygraph neo4j start|stop|status`: manage the local Neo4j server.

Mounted by the main CLI as ``app.add_typer(neo4j_app, name="neo4j")``; also runnable on its own
as ``python -m api.cli_neo4j``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from graph import server

neo4j_app = typer.Typer(
    name="neo4j",
    help=(
        "Run a local Neo4j 5.26 Community server (Bolt on 127.0.0.1, no auth: local use only). "
        "Jars come from Maven Central on first start; data and logs live in the state dir."
    ),
    no_args_is_help=True,
    add_completion=False,
)

StateDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--state-dir",
        help="Server home: conf, data, logs, pid. Default: $POLICYGRAPH_STATE_DIR or .state/neo4j",
        show_default=False,
    ),
]


def _fail(error: Exception) -> typer.Exit:
    typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
    return typer.Exit(1)


class _Progress:
    """Shows "waiting for Neo4j… N s": in place on a terminal, every 10 s in a log."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, waited: float) -> None:
        seconds = int(waited)
        if seconds == self.shown or (not self.tty and seconds % 10):
            return
        self.shown = seconds
        prefix = "\r" if self.tty else ""
        typer.echo(f"{prefix}waiting for Neo4j… {seconds} s", err=True, nl=not self.tty)

    def done(self) -> None:
        if self.tty and self.shown >= 0:
            typer.echo("\r" + " " * 40 + "\r", err=True, nl=False)


@neo4j_app.command()
def start(
    state_dir: StateDirOpt = None,
    port: Annotated[int, typer.Option(help="Bolt port on 127.0.0.1.")] = server.DEFAULT_PORT,
    heap: Annotated[str, typer.Option(help="JVM heap (-Xms and -Xmx), e.g. 1g.")] = "1g",
    pagecache: Annotated[str, typer.Option(help="Neo4j page cache size, e.g. 512m.")] = "512m",
    timeout: Annotated[float, typer.Option(help="Seconds to wait until it answers.")] = 180,
) -> None:
    """Start the server in the background and wait until it answers RETURN 1."""
    state = state_dir or server.default_state_dir()
    progress = _Progress()
    began = time.monotonic()
    try:
        if not server.jars_ready():
            typer.echo("fetching Neo4j jars with Maven (once)…", err=True)
        status = server.start(
            state, port=port, heap=heap, pagecache=pagecache, timeout=timeout, on_wait=progress
        )
    except server.Neo4jServerError as e:
        progress.done()
        raise _fail(e) from e
    progress.done()
    typer.echo(
        f"Neo4j running (pid {status.pid}) at {status.uri} after {time.monotonic() - began:.1f} s; "
        f"logs: {status.log_file}"
    )


@neo4j_app.command()
def stop(
    state_dir: StateDirOpt = None,
    timeout: Annotated[float, typer.Option(help="Seconds before SIGKILL.")] = 60,
) -> None:
    """Stop the server of the state dir (SIGTERM to its recorded pid; SIGKILL if it hangs)."""
    state = state_dir or server.default_state_dir()
    try:
        stopped = server.stop(state, timeout=timeout)
    except server.Neo4jServerError as e:
        raise _fail(e) from e
    typer.echo("Neo4j stopped" if stopped else f"Neo4j was not running ({state})")


@neo4j_app.command()
def status(state_dir: StateDirOpt = None) -> None:
    """Show whether the server runs and answers. Exit code 0 if running, 3 if stopped."""
    state = state_dir or server.default_state_dir()
    info = server.status(state)
    typer.echo(f"state:     {'running' if info.running else 'stopped'}")
    typer.echo(f"pid:       {info.pid or '-'}")
    typer.echo(f"uri:       {info.uri or '-'}")
    typer.echo(f"answering: {'yes' if info.answering else 'no'}")
    typer.echo(f"state dir: {info.state_dir}")
    typer.echo(f"log:       {info.log_file}")
    if not info.running:
        raise typer.Exit(3)


if __name__ == "__main__":
    neo4j_app()
