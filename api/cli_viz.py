"""The ``policygraph viz`` command: the offline network pages, or one view as PNG or SVG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from graph.errors import GraphError

if TYPE_CHECKING:
    from graph.property_graph import PropertyGraph
    from viz.model import ViewGraph

#: Views by name; any other VIEW is a node key, drawn as its ego network.
WHOLE_VIEWS = ("responsibility", "hierarchy", "brands")


def _view(graph: PropertyGraph, name: str) -> ViewGraph:
    from viz import views
    from viz.site import EGO_DEPTH

    if name == "responsibility":
        return views.responsibility(graph)
    if name == "hierarchy":
        return views.hierarchy(graph)
    if name == "brands":
        return views.brands(graph)
    return views.ego(graph, name, depth=EGO_DEPTH)


def _picture(graph: PropertyGraph, name: str, fmt: str, out: Path | None) -> Path:
    from viz import export
    from viz.layout import prepare

    prepared = prepare(_view(graph, name))
    target = out or Path(f"{name.replace('/', '-')}.{fmt}")
    data = export.to_png(prepared) if fmt == "png" else export.to_svg(prepared).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def register(app: typer.Typer) -> None:
    """Add the ``viz`` command to the ``policygraph`` CLI."""

    @app.command("viz")
    def viz(
        out: Annotated[Path | None, typer.Option(
            "--out", "-o", help="Directory for the pages (default site/); with --png or --svg "
            "the file to write (default VIEW.png / VIEW.svg).", show_default=False)] = None,
        build: Annotated[Path, typer.Option(
            "--build", help="Build directory holding graph.ttl (from `policygraph build`).")]
            = Path("build"),
        png: Annotated[str | None, typer.Option(
            "--png", metavar="VIEW", help="Write one view as a PNG at 2x for a projector: "
            "responsibility, hierarchy, brands, or a node key (its ego network).",
            show_default=False)] = None,
        svg: Annotated[str | None, typer.Option(
            "--svg", metavar="VIEW", help="Write one view as SVG (same VIEW names).",
            show_default=False)] = None,
    ) -> None:
        """Write the network views as self-contained HTML pages that work offline (file://),
        or one view as a picture for a slide (--png, --svg; legend on the picture)."""
        from graph.property_graph import load_build
        from viz import fonts
        from viz.errors import UnknownNode
        from viz.site import write_site

        if png and svg:
            typer.echo("error: give --png or --svg, not both", err=True)
            raise typer.Exit(2)
        try:
            graph = load_build(build)
        except GraphError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from e
        if fonts.font_file() is None:
            typer.echo(f"warning: {fonts.INSTALL_HINT}", err=True)
        if png or svg:
            name, fmt = (png, "png") if png else (svg, "svg")
            assert name is not None
            try:
                written = _picture(graph, name, fmt, out)
            except UnknownNode as e:
                typer.echo(f"error: no view or node {name!r} (views: "
                           f"{', '.join(WHOLE_VIEWS)}, or a node key such as plan/…)", err=True)
                raise typer.Exit(1) from e
            typer.echo(f"wrote {written}")
            return
        site = out or Path("site")
        pages = write_site(graph, site)
        typer.echo(f"wrote {len(pages)} page(s) to {site}/")
        typer.echo(f"  open {site / 'index.html'}")
