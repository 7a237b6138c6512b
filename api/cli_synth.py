"""The ``policygraph synth`` command: a synthetic corpus of plans with its own gold."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the ``synth`` command to the ``policygraph`` CLI."""

    @app.command("synth")
    def synth(
        docs: Annotated[int, typer.Option("--docs", "-n", min=1, help="How many documents.")],
        out: Annotated[Path, typer.Option(
            "--out", "-o", help="New or empty directory: DIR/docs/ and DIR/gold/ are written.")],
        seed: Annotated[int, typer.Option("--seed", help="Same seed, same bytes.")] = 1,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    ) -> None:
        """Write a synthetic corpus and its gold (the layout of ../shared/eval/real/).

        Plans of cities and counties in the layouts the extractor reads (responsibility
        lists, lead/co brackets, task tables, news reports, HTML pages), some in Traditional
        characters, some GB18030. Score the extractor on it with
        `policygraph eval --gold DIR/gold --docs DIR/docs`.
        """
        from ingest.synth import generate

        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            typer.echo(f"error: {out} exists and is not an empty directory; choose another --out",
                       err=True)
            raise typer.Exit(1)
        (out / "docs").mkdir(parents=True, exist_ok=True)
        (out / "gold").mkdir(exist_ok=True)
        size = 0
        show = not quiet and sys.stderr.isatty()
        for n, doc in enumerate(generate(docs, seed), 1):
            (out / "docs" / doc.name).write_bytes(doc.data)
            (out / "gold" / f"{doc.stem}.json").write_bytes(doc.gold_bytes())
            size += len(doc.data)
            if show and (n % 500 == 0 or n == docs):
                sys.stderr.write(f"\rwrote {n}/{docs} documents")
                sys.stderr.flush()
        if show:
            sys.stderr.write("\n")
        if not quiet:
            typer.echo(f"wrote {docs} document(s) ({size / 1e6:.1f} MB) and their gold to {out}/")
