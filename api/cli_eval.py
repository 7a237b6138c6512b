"""The ``policygraph eval`` command: score extraction against hand-made gold, set by set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ingest import baseline as baseline_file
from ingest.eval_sets import GoldSet, GoldSetError, SetRun, choose_sets, run_set
from ingest.evaluate import Report, combine
from ingest.explain import explain, render

_INVENTED = "INVENTED documents: a regression test, not an estimate of accuracy"


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to the ``policygraph`` CLI."""

    @app.command("eval")
    def eval_command(
        gold: Annotated[Path | None, typer.Option(
            "--gold", help="Directory of gold JSON files (one set; see --set for several).")]
            = None,
        docs: Annotated[Path | None, typer.Option(
            "--docs", help="Where the --gold set's documents are (default: beside the gold).")]
            = None,
        sets: Annotated[list[str] | None, typer.Option(
            "--set", metavar="NAME=GOLD[:DOCS]",
            help="A set of real documents; repeat for several sets.")] = None,
        invented: Annotated[list[str] | None, typer.Option(
            "--invented-set", metavar="NAME=GOLD[:DOCS]",
            help="A set of documents invented for testing: scored and labelled INVENTED, "
            "kept out of the combined score of real sets.")] = None,
        pred: Annotated[Path | None, typer.Option(
            "--pred", help="Directory of predicted JSON (default: extract the documents now).")]
            = None,
        per_document: Annotated[bool, typer.Option(
            "--per-document", help="Also print per-document F1.")] = False,
        explain_facts: Annotated[bool, typer.Option(
            "--explain", help="List every missed and spurious fact with its document, sentence "
            "and the family of formats that should have caught it.")] = False,
        json_out: Annotated[Path | None, typer.Option(
            "--json", help="Also write the scores (per set, kind and document) as JSON.")] = None,
        update_baseline: Annotated[Path | None, typer.Option(
            "--update-baseline", help="Rewrite this baseline file (score floors of the "
            "regression test) from this run.")] = None,
    ) -> None:
        """Print precision / recall / F1 of extraction against hand-made gold, per set."""
        try:
            chosen = choose_sets(gold, docs, sets or [], invented or [])
            runs = [run_set(s, pred, texts=explain_facts) for s in chosen]
        except GoldSetError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from e
        data: dict[str, Any] = {"sets": {}}
        for run in runs:
            for warning in run.warnings:
                typer.echo(f"warning: {run.gold_set.name}: {warning}", err=True)
            _print_set(run, per_document)
            data["sets"][run.gold_set.name] = {**run.gold_set.as_json(), **run.report.as_json()}
            if explain_facts:
                findings = explain(run.report, run.texts)
                typer.echo("")
                typer.echo("\n".join(render(findings)))
                data["sets"][run.gold_set.name]["explain"] = [f.as_json() for f in findings]
        for label, group in (("combined", [r for r in runs if not r.gold_set.invented]),
                             ("combined_invented", [r for r in runs if r.gold_set.invented])):
            if len(group) > 1:
                merged = combine({r.gold_set.name: r.report for r in group})
                names = ", ".join(r.gold_set.name for r in group)
                _print_table(f"{label.replace('_', ' ')} ({names})", merged, group[0].gold_set)
                data[label] = merged.as_json()
        if json_out is not None:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                                encoding="utf-8")
        if update_baseline is not None:
            _update_baseline(update_baseline, [(r.gold_set, r.report) for r in runs])


def _print_set(run: SetRun, per_document: bool) -> None:
    report = run.report
    _print_table(f"{run.gold_set.name}: {len(report.per_document)} documents, "
                 f"gold {run.gold_set.gold}", report, run.gold_set)
    typer.echo("document fields (accuracy): " + ", ".join(
        f"{name} {ok}/{n}" for name, (ok, n) in report.fields.items()))
    if per_document:
        width = max([len(stem) for stem in report.per_document] + [8]) + 2
        typer.echo("")
        typer.echo(f"{'document':<{width}}" + "".join(f"{k[:10]:>12}" for k in report.kinds))
        for stem, scores in report.per_document.items():
            typer.echo(f"{stem:<{width}}" + "".join(
                f"{scores[k].f1:>12.2f}" if k in scores else f"{'–':>12}" for k in report.kinds))
    for stem in report.missing:
        typer.echo(f"missing prediction: {stem}")


def _print_table(title: str, report: Report, gold_set: GoldSet) -> None:
    typer.echo("")
    typer.echo(f"== {title}")
    if gold_set.invented:
        typer.echo(f"   {_INVENTED}")
    typer.echo(f"{'':<13}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
    for kind in report.kinds:
        s = report.scores[kind]
        typer.echo(f"{kind:<13}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}"
                   f"{s.tp:>6}{s.predicted:>6}{s.gold:>6}")


def _update_baseline(path: Path, runs: list[tuple[GoldSet, Report]]) -> None:
    old = baseline_file.read_baseline(path)
    new = baseline_file.updated(old, runs)
    changed = baseline_file.changes(old, new)
    baseline_file.write_baseline(path, new)
    typer.echo("")
    typer.echo(f"baseline {path}: " + (f"{len(changed)} change(s)" if changed else "unchanged"))
    for line in changed:
        typer.echo(f"  {line}")
