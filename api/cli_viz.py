"""The ``policygraph viz`` command: write the network views as offline HTML pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.errors import GraphError


def register(app: typer.Typer) -> None:
    """Add the ``viz`` command to the ``policygraph`` CLI."""

    @app.command("viz")
    def viz(
        out: Annotated[Path, typer.Option(
            "--out", "-o", help="Directory for the pages (index.html and one page per view).")]
            = Path("site"),
        build: Annotated[Path, typer.Option(
            "--build", help="Build directory holding graph.ttl (from `policygraph build`).")]
            = Path("build"),
    ) -> None:
        """Write the network views as self-contained HTML pages that work offline (file://)."""
        from graph.property_graph import load_build
        from viz.site import write_site

        try:
            graph = load_build(build)
        except GraphError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from e
        pages = write_site(graph, out)
        typer.echo(f"wrote {len(pages)} page(s) to {out}/")
        typer.echo(f"  open {out / 'index.html'}")
