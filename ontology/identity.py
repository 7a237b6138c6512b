"""Identity of graph nodes as values: one deterministic key function per node kind.

A key is a short, URL-safe ASCII string ``<kind>/<part>``; :func:`iri` puts it under
``https://policygraph.example/id/``.  Chinese text is never spelled into a key: it is
normalised (NFKC, whitespace removed, 《》 stripped from titles) and hashed, so keys are
stable across runs and machines and equal text gives an equal key whatever its width
or spacing.  Where the natural identifier is already safe ASCII (a source file name, a
character span) it is kept readable.

Formats (``h`` = first 12 hex digits of SHA-1 over the normalised parts)::

    region/<h>                     region_key(name)
    agency/<level>-<h>             agency_key(region, level, name, scope)   level or "any";
                                   scope (the plan named in) only when region is unknown
    plan/<h>                       plan_key(meta, fallback)          from title, or region+kind+stem
    section/<h>                    section_key(plan_key, heading)
    task/<h>                       task_key(plan_key, task_id)
    target/<h>                     target_key(owner_key, metric, year, value)
    funding/<h>                    funding_key(plan_key, recipient, amount, unit, per)
    brand/<h>                      brand_key(name)
    enterprise/<h>                 enterprise_key(name)              normalised full name
    recognition/<h>                recognition_key(programme, enterprise, brand, batch, year)
    alignment/<h>                  alignment_key(child task key, parent measure key)
    source/<file name or h>        source_key(file_name)
    evidence/<source part>/<s>-<e> evidence_key(source, start, end)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Final, NamedTuple

from rdflib import URIRef

from ontology.model import Agency, DocumentMeta, Extraction, FundingPer, GovLevel
from ontology.vocab import ID

_SAFE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_KEY: Final = re.compile(r"[a-z]+(/[A-Za-z0-9][A-Za-z0-9._-]*)+")
_WHITESPACE: Final = re.compile(r"\s+")
_TITLE_QUOTES: Final = str.maketrans("", "", "《》")
_SEPARATOR: Final = "\x1f"
_DIGEST_LENGTH: Final = 12


def normalize(text: str | None) -> str:
    """Text as compared for identity: NFKC (full-width → half-width), no whitespace."""
    if text is None:
        return ""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def normalize_title(title: str | None) -> str:
    """A plan title as compared for identity: :func:`normalize` without 《》 quotes."""
    return normalize(title).translate(_TITLE_QUOTES)


def number_text(value: float | int | Decimal | None) -> str:
    """Canonical text of a number (``85``, ``85.0`` and ``Decimal("85")`` all give ``85``)."""
    if value is None:
        return ""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _digest(*parts: str) -> str:
    data = _SEPARATOR.join(parts).encode("utf-8")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:_DIGEST_LENGTH]


def _readable(text: str) -> str:
    """``text`` itself when it is short safe ASCII, else its digest."""
    return text if _SAFE.fullmatch(text) else _digest(normalize(text))


def region_key(name: str) -> str:
    """Key of an administrative region, by name (德州市)."""
    return f"region/{_digest(normalize(name))}"


def agency_key(
    region: str | None, level: GovLevel | str | None, name: str, scope: str | None = None
) -> str:
    """Key of an agency: (region, level, canonical name), so cities' 市市场监管局 differ.

    An agency whose region is unknown is only known inside the document that names it, so
    its key is (scope, level, name) instead, ``scope`` being the key of that document's
    plan: two documents of unknown region never share one 市市场监管局.  Without a region
    ``scope`` is required (ValueError), so no caller can make a key shared by every
    document.
    """
    level_text = str(level) if level is not None else "any"
    region_text = normalize(region)
    if region_text:
        return f"agency/{level_text}-{_digest(region_text, level_text, normalize(name))}"
    if not scope:
        raise ValueError(f"agency {name!r} has no region: its key needs the scope it is named in")
    return f"agency/{level_text}-{_digest('', level_text, normalize(name), scope)}"


def plan_key(meta: DocumentMeta, fallback: str) -> str:
    """Key of a plan: from its title, else from region + kind + the stem of ``fallback``.

    ``fallback`` is normally the source file name, so an untitled plan is one node per
    source unless a duplicate link says otherwise.
    """
    title = normalize_title(meta.title)
    if title:
        return f"plan/{_digest('title', title)}"
    kind = str(meta.kind) if meta.kind is not None else ""
    stem = PurePosixPath(fallback).stem if fallback else ""
    return f"plan/{_digest('untitled', normalize(meta.region), kind, normalize(stem))}"


def section_key(plan: str, heading: str) -> str:
    """Key of a section: its plan's key and its heading."""
    return f"section/{_digest(plan, normalize(heading))}"


def task_key(plan: str, task_id: str) -> str:
    """Key of a task: its plan's key and its section-path id (二.(一))."""
    return f"task/{_digest(plan, normalize(task_id))}"


def target_key(owner: str, metric: str, year: int | None, value: float | int | None) -> str:
    """Key of a target: owner (task or plan key), metric, deadline year and value."""
    year_text = str(year) if year is not None else ""
    return f"target/{_digest(owner, normalize(metric), year_text, number_text(value))}"


def funding_key(
    plan: str,
    recipient: str | None,
    amount: float | int,
    unit: str,
    per: FundingPer | str,
) -> str:
    """Key of a funding promise: plan, recipient, amount, unit and period."""
    parts = (plan, normalize(recipient), number_text(amount), normalize(unit), str(per))
    return f"funding/{_digest(*parts)}"


def brand_key(name: str) -> str:
    """Key of a brand, programme, award or certification, by name (好品山东)."""
    return f"brand/{_digest(normalize(name))}"


def enterprise_key(name: str) -> str:
    """Key of an enterprise, by its normalised full name: 有限公司 and 股份有限公司 forms of
    one name are two keys (a text that says they are one gives an alias instead)."""
    return f"enterprise/{_digest(normalize(name))}"


def recognition_key(programme: str, enterprise: str | None, brand: str | None,
                    batch: int | None, year: int | None) -> str:
    """Key of a recognition: who (enterprise and/or brand), in which programme, batch and
    year; the same row imported twice, or listed by two registers, is one recognition."""
    if not normalize(enterprise) and not normalize(brand):
        raise ValueError("a recognition needs an enterprise or a brand")
    parts = (normalize(programme), normalize(enterprise), normalize(brand),
             "" if batch is None else str(batch), "" if year is None else str(year))
    return f"recognition/{_digest(*parts)}"


def alignment_key(child: str, parent: str) -> str:
    """Key of an alignment: the key of the child task and of the parent measure it carries
    out (in that order, so the two directions of a pair are two keys)."""
    if not child or not parent or child == parent:
        raise ValueError(f"an alignment needs two different tasks, not {child!r} and {parent!r}")
    return f"alignment/{_digest(child, parent)}"


def source_key(file_name: str) -> str:
    """Key of a source document, by file name (kept as is when it is safe ASCII)."""
    return f"source/{_readable(file_name)}"


def evidence_key(source: str, start: int, end: int) -> str:
    """Key of a piece of evidence: source file name and character span."""
    return f"evidence/{_readable(source)}/{start}-{end}"


def iri(key: str) -> URIRef:
    """The instance IRI of a key; raises ValueError for a string no key function makes."""
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a policygraph key: {key!r}")
    return ID[key]


def _stem(name: str) -> str:
    return PurePosixPath(name).stem


def resolve_plan_keys(extractions: Sequence[Extraction]) -> dict[str, str]:
    """The plan key of each extraction, by source file name, with duplicates merged.

    An extraction whose ``document.duplicate_of`` names another extraction's source (file
    name or stem) takes that extraction's plan key, following chains; in a cycle the
    smallest source name wins, so the answer does not depend on input order.
    """
    by_stem = {_stem(x.source): x for x in extractions}
    keys: dict[str, str] = {}
    for extraction in extractions:
        chain = [extraction]
        while chain[-1].document.duplicate_of:
            following = by_stem.get(_stem(chain[-1].document.duplicate_of))
            if following is None:
                break
            if following in chain:
                cycle = chain[chain.index(following) :]
                chain.append(min(cycle, key=lambda x: x.source))
                break
            chain.append(following)
        root = chain[-1]
        keys[extraction.source] = plan_key(root.document, root.source)
    return keys


class AgencyIdentity(NamedTuple):
    """What identifies an agency: region, level, canonical name, and (without a region)
    the scope it is named in; :attr:`key` is its :func:`agency_key`."""

    region: str | None
    level: GovLevel | None
    name: str
    scope: str | None = None

    @property
    def key(self) -> str:
        """The agency's key."""
        return agency_key(self.region, self.level, self.name, self.scope)


def agency_identity(extraction: Extraction, agency: Agency | str, scope: str) -> AgencyIdentity:
    """The identity of an agency of ``extraction``: one of its records, or a name it uses.

    A name is looked up among the extraction's agencies, by canonical name and then by
    alias.  Region and level come from the agency, else from the document.  ``scope`` (the
    key of the extraction's plan) is kept only when the region is unknown, so equal
    identities are exactly equal keys.
    """
    document = extraction.document
    if isinstance(agency, str):
        wanted = normalize(agency)
        matches = [a for a in extraction.agencies if normalize(a.name) == wanted] or [
            a for a in extraction.agencies if wanted in {normalize(alias) for alias in a.aliases}
        ]
        agency = matches[0] if matches else Agency(name=agency)
    region = agency.region or document.region
    known = bool(normalize(region))
    return AgencyIdentity(
        region if known else None, agency.level or document.level, agency.name,
        None if known else scope,
    )
