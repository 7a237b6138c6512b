"""``policygraph serve``: build or load the graph, then serve the API and pages with uvicorn.

Registered on the main app by :func:`register`.  With no option it serves ``build/``,
building it from the sample corpus first if it is missing; ``--corpus DIR`` extracts and
builds a corpus in memory instead, the way ``policygraph build`` would (the same warnings,
the same facts left out); ``--neo4j`` (or ``NEO4J_URI`` in the environment) reads
the graph from Neo4j.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.settings import ApiSettings, Backend

if TYPE_CHECKING:
    from graph.repository import Repository
    from ingest.corpus import CorpusResult

DEFAULT_CORPUS = Path("data/corpus")
DEFAULT_BUILD = Path("build")


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(1)


def _warn(what: object) -> None:
    typer.echo(f"warning: {what}", err=True)


def _extract(corpus: Path) -> CorpusResult:
    """Extract a corpus directory; a file that fails is a warning, no document an error."""
    from ingest.corpus import corpus_files, extract_files

    result = extract_files(corpus_files([corpus]))
    for problem in result.problems:
        _warn(problem)
    if not result.extractions:
        raise _fail(f"{corpus}: no documents could be extracted")
    return result


def _ensure_build(build: Path) -> None:
    """Build ``build/`` from the sample corpus if it holds no graph yet."""
    if (build / "graph.ttl").is_file():
        return
    from graph.build import write_build

    typer.echo(f"no graph in {build}/: building it from {DEFAULT_CORPUS}/ …", err=True)
    for rejected in write_build(_extract(DEFAULT_CORPUS).extractions, build).rejected:
        _warn(rejected)


def _corpus_repository(corpus: Path) -> Repository:
    """The embedded graph of a corpus, built in memory as ``policygraph build`` builds it."""
    from graph.admit import admit
    from graph.embedded import EmbeddedRepository
    from graph.property_graph import from_rdf

    admitted = admit(_extract(corpus).extractions)
    for rejected in admitted.rejected:
        _warn(rejected)
    return EmbeddedRepository(from_rdf(admitted.graph), location=f"{corpus} (built in memory)")


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    build: Annotated[Path | None, typer.Option(
        "--build", help="Serve this build directory (default: build/, built if missing).",
        show_default=False)] = None,
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", help="Extract and build this corpus directory in memory instead.",
        show_default=False)] = None,
    neo4j: Annotated[bool, typer.Option(
        "--neo4j", help="Read the graph from Neo4j (NEO4J_URI …; the default when NEO4J_URI "
        "is set).")] = False,
    programmes: Annotated[Path | None, typer.Option(
        "--programmes", help="Programme table of target progress: which targets count which "
        "programme (default: graph/data/programme_targets.tsv; $POLICYGRAPH_PROGRAMMES).",
        show_default=False)] = None,
) -> None:
    """Serve the JSON API, the coordinators' page and the live network views."""
    import uvicorn
    from pydantic import ValidationError

    from api.app import create_app, open_repository
    from graph.embedded import size_advice
    from graph.errors import GraphError

    if build is not None and corpus is not None:
        raise _fail("give --build or --corpus, not both")
    overrides: dict[str, object] = {"host": host}  # trusted Host headers, the API-key rule
    if neo4j:
        overrides["backend"] = Backend.NEO4J
    elif build is not None or corpus is not None:
        overrides["backend"] = Backend.EMBEDDED
    if programmes is not None:
        overrides["programmes"] = programmes
    if corpus is not None:
        if not corpus.is_dir():
            raise _fail(f"{corpus}: not a directory")
        overrides["corpus_dir"] = corpus
    try:
        settings = ApiSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as e:
        raise _fail("; ".join(str(error["msg"]).removeprefix("Value error, ")
                              for error in e.errors())) from e
    if not settings.uses_neo4j and settings.corpus_dir is None:
        settings = settings.model_copy(update={"build_dir": build or settings.build_dir})
        if build is not None and not (build / "graph.ttl").is_file():
            raise _fail(f"{build}: no graph.ttl here (run `policygraph build --out {build}`)")
        _ensure_build(settings.build_dir)
    try:
        if not settings.uses_neo4j and settings.corpus_dir is not None:
            repository = _corpus_repository(settings.corpus_dir)
        else:
            repository = open_repository(settings)
    except GraphError as e:
        raise _fail(str(e)) from e
    try:
        health = repository.health()
        typer.echo(f"graph: {health.backend} ({health.location}): "
                   f"{sum(health.nodes.values())} nodes, {health.relationships} relationships",
                   err=True)
        if health.backend == "embedded" and (advice := size_advice(sum(health.nodes.values()))):
            typer.echo(f"warning: {advice}", err=True)
    except GraphError as e:
        typer.echo(f"warning: {e}; serving anyway (503 until Neo4j answers)", err=True)
    base = f"http://{host}:{port}"
    typer.echo(f"coordinators' page: {base}/\nAPI docs:           {base}/docs\n"
               f"network views:      {base}/viz/responsibility\n"
               f"health:             {base}/health\n"
               "stop:               Ctrl-C")
    if not settings.loopback:
        typer.echo(f"answering requests for {', '.join(settings.trusted_hosts)} only "
                   "(POLICYGRAPH_ALLOWED_HOSTS adds names)", err=True)
    try:
        app = create_app(settings, repository)
    except GraphError as e:
        repository.close()
        raise _fail(str(e)) from e
    try:
        # uvicorn's own log: start-up lines and one access line per request, in its usual
        # format ("127.0.0.1:51234 - "GET / HTTP/1.1" 200 OK").
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=True)
    except KeyboardInterrupt:
        # uvicorn re-raises the Ctrl-C it shut down on; stopping is not a failure, so
        # exit 0 without a traceback (and `make run` does not report an error).
        pass
    finally:
        repository.close()
    typer.echo("stopped", err=True)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the main CLI."""
    app.command("serve")(serve)
