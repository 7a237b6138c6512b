"""`policygraph neo4j start|stop|status|shell`: manage the local Neo4j server, open cypher-shell.

Mounted by the main CLI as ``app.add_typer(neo4j_app, name="neo4j")``; also runnable on its own
as ``python -m api.cli_neo4j``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from graph import neo4j_tools, server

neo4j_app = typer.Typer(
    name="neo4j",
    help=(
        "Run a local Neo4j 5.26 Community server (Bolt and Neo4j Browser on 127.0.0.1, no auth: "
        "local use only) and open cypher-shell on it. Jars come from Maven Central on first "
        "use; data and logs live in the state dir."
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
    http_port: Annotated[int, typer.Option(
        help="Port of Neo4j Browser on 127.0.0.1.")] = server.DEFAULT_HTTP_PORT,
    browser: Annotated[bool, typer.Option(
        "--browser/--no-browser", help="Serve Neo4j Browser (with the analysts' guide); "
        "--no-browser: no HTTP listener at all.")] = True,
) -> None:
    """Start the server in the background and wait until it answers RETURN 1."""
    state = state_dir or server.default_state_dir()
    progress = _Progress()
    began = time.monotonic()
    try:
        if not server.jars_ready():
            typer.echo("fetching Neo4j jars with Maven (once)…", err=True)
        status = server.start(
            state, port=port, heap=heap, pagecache=pagecache, timeout=timeout, on_wait=progress,
            http_port=http_port, browser=browser,
        )
    except server.Neo4jServerError as e:
        progress.done()
        raise _fail(e) from e
    progress.done()
    typer.echo(
        f"Neo4j running (pid {status.pid}) at {status.uri} after {time.monotonic() - began:.1f} s; "
        f"logs: {status.log_file}"
    )
    if status.browser_url:
        typer.echo(f"Neo4j Browser: {status.browser_url} (no authentication; the guide of "
                   f"docs/cypher.md opens on connecting: :play {status.guide_url})")
    typer.echo("cypher-shell: policygraph neo4j shell    stop: policygraph neo4j stop")


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
    typer.echo(f"browser:   {info.browser_url or '-'}")
    typer.echo(f"answering: {'yes' if info.answering else 'no'}")
    typer.echo(f"state dir: {info.state_dir}")
    typer.echo(f"log:       {info.log_file}")
    if not info.running:
        raise typer.Exit(3)


@neo4j_app.command(context_settings={"allow_extra_args": True,
                                     "ignore_unknown_options": True})
def shell(
    ctx: typer.Context,
    state_dir: StateDirOpt = None,
    address: Annotated[str | None, typer.Option(
        "--address", "-a", help="Bolt URI to connect to. Default: the server of the state dir.",
        show_default=False)] = None,
) -> None:
    """Open cypher-shell (5.26, from Maven Central on first use) on the running server.

    Anything after the options goes to cypher-shell, e.g. `policygraph neo4j shell --
    --format plain "MATCH (t:Task) RETURN count(t)"` or `-- -f queries.cypher`.
    """
    if address is None:
        info = server.status(state_dir or server.default_state_dir())
        if not info.running or info.uri is None:
            raise _fail(server.Neo4jServerError(
                f"no Neo4j running for {info.state_dir} (policygraph neo4j start, or --address)"))
        address = info.uri
    try:
        argv = neo4j_tools.cypher_shell_argv(address, list(ctx.args))
    except server.Neo4jServerError as e:
        raise _fail(e) from e
    sys.stdout.flush()
    os.execv(argv[0], argv)  # cypher-shell takes over the terminal (and Ctrl-C)


if __name__ == "__main__":
    neo4j_app()
