"""The programme table: which targets count which programme's recognitions.

A target such as 到2025年新增“好品山东”品牌N个 counts brands of the 好品山东 programme; the
registers imported into a build list them.  Which programme a target counts is never
guessed: it is a rule of an explicit, editable table (``graph/data/programme_targets.tsv``
ships the obvious pairs; ``policygraph serve --programmes FILE`` or
``$POLICYGRAPH_PROGRAMMES`` uses another, read by the API's settings).  A rule names the programme, a text the
target's metric contains and, optionally, a text its plan's title contains.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from graph.errors import GraphError
from ontology.identity import normalize

SHIPPED: Final = "data/programme_targets.tsv"


@dataclass(frozen=True)
class ProgrammeRule:
    """Targets whose metric contains ``metric`` (in a plan whose title contains ``plan``,
    when given) count the recognitions of ``programme``."""

    programme: str
    metric: str
    plan: str | None = None

    def matches(self, metric: str | None, plan_title: str | None) -> bool:
        """Whether a target with this metric, in a plan of this title, falls under the rule."""
        if normalize(self.metric) not in normalize(metric):
            return False
        return self.plan is None or normalize(self.plan) in normalize(plan_title)

    def describe(self) -> str:
        """The rule in words, shown beside the progress it gives."""
        where = f" in a plan titled with “{self.plan}”" if self.plan else ""
        return f"metric contains “{self.metric}”{where} → {self.programme}"


@dataclass(frozen=True)
class ProgrammeTable:
    """The rules, in table order, and where they were read from."""

    rules: tuple[ProgrammeRule, ...]
    location: str

    def programmes_for(self, metric: str | None,
                       plan_title: str | None) -> list[tuple[str, ProgrammeRule]]:
        """(programme, first matching rule) for every programme the target counts."""
        found: dict[str, ProgrammeRule] = {}
        for rule in self.rules:
            if rule.programme not in found and rule.matches(metric, plan_title):
                found[rule.programme] = rule
        return list(found.items())


def parse_table(text: str, location: str) -> ProgrammeTable:
    """The rules of a table's text; a malformed line is a GraphError naming it."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) not in (2, 3) or not cells[0] or not cells[1]:
            raise GraphError(f"{location} line {number}: a rule is PROGRAMME<tab>METRIC TEXT"
                             f"[<tab>PLAN TITLE TEXT], not {line!r}")
        rules.append(ProgrammeRule(cells[0], cells[1], cells[2] if len(cells) == 3
                                   and cells[2] else None))
    return ProgrammeTable(tuple(rules), location)


def load_table(path: Path | None = None) -> ProgrammeTable:
    """The table at ``path``, else the shipped one."""
    chosen = path
    if chosen is None:
        text = resources.files("graph").joinpath(SHIPPED).read_text(encoding="utf-8")
        return parse_table(text, f"graph/{SHIPPED}")
    try:
        text = chosen.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise GraphError(f"{chosen}: cannot read the programme table ({e})") from e
    return parse_table(text, str(chosen))
