"""The programme a list announcement names, given to the enterprises it lists.

A document whose title announces a list (第三批“中华老字号”拟推荐名单, 关于颁发第八届市长质量奖的
决定 …, :data:`~ingest.patterns_enterprises.LIST_ANNOUNCEMENT`) and names one of the document's
programmes, awards or certifications lists its enterprises in it: each gets a
:class:`~ontology.model.Recognition` of that programme, with the batch and year the title
names and the document's issuer as the recognising agency (a brand written with its place,
黄石市第八届市长质量奖, matches a title that leaves the place out).  A title that names no
such brand gives none: a recognition is never guessed from the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest import patterns_enterprises as p
from ingest.numbers import parse_number
from ingest.regions import gazetteer
from ontology.model import Brand, BrandKind, DocumentMeta, Enterprise, Recognition


def announced(title: str | None, meta: DocumentMeta,
              brands: Sequence[Brand]) -> Recognition | None:
    """The recognition a list announcement's title gives its enterprises, or None."""
    if not title or not p.LIST_ANNOUNCEMENT.search(title):
        return None
    named = [b for b in brands if b.kind is not BrandKind.BRAND
             and (b.name in title or _without_place(b.name) in title)]
    if not named:
        return None
    programme = max(named, key=lambda b: (len(b.name), b.name)).name
    batches = p.ANNOUNCED_BATCH.findall(title)
    years = set(p.ANNOUNCED_YEAR.findall(title))
    batch = parse_number(batches[0]) if len(batches) == 1 else None
    return Recognition(programme=programme,
                       batch=batch if isinstance(batch, int) and batch >= 1 else None,
                       year=int(years.pop()) if len(years) == 1 else None,
                       agency=meta.issuer)


def _without_place(name: str) -> str:
    """``黄石市第八届市长质量奖`` → ``第八届市长质量奖`` (a title may leave its own place out)."""
    mention = next(gazetteer().mentions(name), None)
    if mention is None or mention.start != 0 or len(name) - mention.end < 4:
        return name
    return name[mention.end:]


def with_recognition(enterprises: Sequence[Enterprise],
                     recognition: Recognition | None) -> tuple[Enterprise, ...]:
    """``enterprises``, each recognised as the announcement says (unchanged without one)."""
    if recognition is None:
        return tuple(enterprises)
    return tuple(e.model_copy(update={"recognitions": (*e.recognitions, recognition)})
                 for e in enterprises)
