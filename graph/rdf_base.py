"""Literals and the fact record shared by the RDF builders (:mod:`graph.rdf`,
:mod:`graph.rdf_enterprises`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from rdflib import Literal
from rdflib.namespace import XSD

from ontology import identity as ident


@dataclass(frozen=True, order=True)
class Fact:
    """One extracted fact, as the builder read it: ``part`` of the extraction of ``source``.

    ``part`` is ``document`` (the plan and its source), ``issuer``, or the name of a list of
    :class:`~ontology.model.Extraction` (``tasks``, ``targets``, ``funding``, ``brands``,
    ``agencies``, ``enterprises``, ``implements``) with ``index`` the item; ``name`` is set
    when the fact is one agency named by a task (a lead or co-responsible unit) or as the
    issuer.  For a :class:`~ontology.model.Register`, ``source`` is the register's name and
    ``part`` is ``register`` (its source node) or ``entries`` (one row).
    """

    source: str
    part: str
    index: int = 0
    name: str | None = None


def zh(text: str) -> Literal:
    """Text copied from a document: stripped, tagged ``@zh``."""
    return Literal(text.strip(), lang="zh")


def decimal(value: float | int) -> Literal:
    """A number as ``xsd:decimal``, always written with a fraction."""
    # Always with a fraction: Turtle writes a decimal as 6000.0, which reads back as the
    # lexical form "6000.0"; using that form from the start keeps round trips isomorphic.
    text = ident.number_text(value)
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


def year(value: int) -> Literal:
    """A year as ``xsd:gYear``."""
    return Literal(f"{value:04d}", datatype=XSD.gYear)


_DATE_FORMS: Final = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)


def issued(text: str) -> Literal:
    """An issue date, typed as precisely as its form allows; an impossible date stays text."""
    for pattern, datatype in _DATE_FORMS:
        if pattern.fullmatch(text):
            if datatype == XSD.date and not _is_calendar_date(text):
                break
            return Literal(text, datatype=datatype)
    return Literal(text)


def _is_calendar_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def title(text: str) -> Literal:
    """A plan title without its 《》."""
    return zh(text.strip().removeprefix("《").removesuffix("》"))
