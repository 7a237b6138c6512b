"""Near-duplicate documents: two articles reporting the same plan.

Two normalised texts are near-duplicates when most of the character shingles
of the shorter one also occur in the longer one (containment, not Jaccard:
a report with an extra lead paragraph and page chrome still contains the
other).  The later document (by name) becomes ``duplicate_of`` the earlier.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeAlias

import numpy as np

#: Sorted unique shingle hashes of one text (``numpy.uint32``), see :func:`fingerprint`.
Fingerprint: TypeAlias = "np.ndarray[Any, np.dtype[np.uint32]]"
_EMPTY = np.zeros(0, dtype=np.uint32)

#: Shingle length in characters: long enough that shared stock phrases of
#: policy language do not make two different plans look alike.
SHINGLE = 8
#: Containment from which two documents count as the same content.
THRESHOLD = 0.6

_NON_CJK = re.compile(r"[^\u4e00-\u9fff0-9%]")


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Hashes of the character n-grams of ``text`` with punctuation and spaces removed."""
    core = _NON_CJK.sub("", text)
    return frozenset(zlib.crc32(core[i:i + size].encode("utf-8"))
                     for i in range(max(0, len(core) - size + 1)))


def fingerprint(text: str) -> Fingerprint:
    """:func:`shingles` as a sorted array of unique unsigned 32-bit hashes.

    About 4 bytes a shingle instead of some 60 in a frozenset, so the fingerprints of a whole
    corpus fit in memory, and they travel cheaply from a worker process.
    """
    return np.array(sorted(shingles(text)), dtype=np.uint32)


def containment(a: Fingerprint | frozenset[int], b: Fingerprint | frozenset[int]) -> float:
    """Share of the smaller set that the larger one contains."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not len(small):
        return 0.0
    return int(_held(_array(large), [_array(small)])[0]) / len(small)


def _array(prints: Fingerprint | frozenset[int]) -> Fingerprint:
    if isinstance(prints, frozenset):
        return np.array(sorted(prints), dtype=np.uint32)
    return prints


#: Size of the sample (a fingerprint's smallest hashes, i.e. a uniform sample of its
#: shingles) whose share in the other document screens a candidate before the exact count.
SAMPLE = 256
#: How far below :data:`THRESHOLD` a sampled share may lie and the candidate still be
#: counted exactly: at the threshold a sample of 256 has a standard deviation of 0.031, so
#: a true near-duplicate is screened out only by a deviation of about five of them
#: (a chance below one in a million); a sample that is the whole set is exact.
SAMPLE_MARGIN = 0.15


#: How many of a document's shingles are looked up to find candidate originals.
SKETCH = 64


def find_duplicates(texts: Sequence[tuple[str, str]],
                    threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each near-duplicate's name to the name of the first document it repeats."""
    return duplicates_of([(name, fingerprint(text)) for name, text in texts], threshold)


def duplicates_of(prints: Sequence[tuple[str, Fingerprint]],
                  threshold: float = THRESHOLD) -> dict[str, str]:
    """:func:`find_duplicates` on fingerprints (:func:`fingerprint`), in name order.

    Only originals are indexed, and a document is compared exactly only with the originals
    that share part of its sketch (its smallest shingle hashes), so a corpus of many copies
    costs time linear in its size.  Only hashes that are in some document's sample are ever
    looked up, so only those are indexed: the same answer as indexing every hash, in a
    fraction of the memory.  The candidates are screened all at once by a sample of the
    smaller of the two (:data:`SAMPLE`) before the exact count: a corpus of alike plans
    makes hundreds of candidates per document, nearly all well below the threshold.
    """
    ordered = sorted(prints, key=lambda item: item[0])
    looked_up = np.unique(np.concatenate([p[:SAMPLE] for _, p in ordered] or [_EMPTY]))
    originals: list[tuple[str, Fingerprint]] = []
    sizes = array("I")
    # Per looked-up hash, the originals holding it (ascending ids), in growable uint32 arrays:
    # a stock phrase of policy language is in the sketch of many documents, and counting its
    # long posting lists in numpy keeps the pass fast where a Python loop over them was not.
    index: dict[int, array[int]] = defaultdict(lambda: array("I"))
    duplicate_of: dict[str, str] = {}
    for name, doc_prints in ordered:
        match = _first_repeated(doc_prints, index, originals, sizes, threshold)
        if match is not None:
            duplicate_of[name] = originals[match][0]
            continue
        for h in np.intersect1d(doc_prints, looked_up, assume_unique=True).tolist():
            index[h].append(len(originals))
        originals.append((name, doc_prints))
        sizes.append(len(doc_prints))
    return duplicate_of


def _first_repeated(doc: Fingerprint, index: dict[int, array[int]],
                    originals: list[tuple[str, Fingerprint]], sizes: array[int],
                    threshold: float) -> int | None:
    """Id of the first original ``doc`` repeats (containment ≥ ``threshold``), if any.

    Candidates share enough of the document's sketch; a sample of the smaller of the two
    screens them; the exact count decides.  Each step counts all candidates in one go.
    """
    sample = doc[:SAMPLE].tolist()
    postings = [np.frombuffer(index[h], dtype=np.uint32) if h in index else _EMPTY
                for h in sample]
    sketch = postings[:SKETCH]
    if not originals or not any(len(p) for p in sketch):
        return None
    sketch_hits = np.bincount(np.concatenate(sketch), minlength=len(originals))
    found = np.flatnonzero(sketch_hits >= len(sketch) * threshold / 2)
    if not len(found):
        return None
    # The sampled share of the smaller in the larger: the document's own sample against
    # the postings, or an original's sample against the document.
    share = np.bincount(np.concatenate(postings), minlength=len(originals))[found] / len(sample)
    del postings, sketch  # the views must go before their arrays can grow
    own = np.frombuffer(sizes, dtype=np.uint32)[found]
    smaller = own < len(doc)
    if smaller.any():
        theirs = [originals[o][1][:SAMPLE] for o in found[smaller].tolist()]
        share[smaller] = _held(doc, theirs) / np.minimum(own[smaller], SAMPLE)
    screened = share >= threshold - SAMPLE_MARGIN
    survivors, own = found[screened], own[screened]
    if not len(survivors):
        return None
    shared = _held(doc, [originals[o][1] for o in survivors.tolist()])
    passed = np.flatnonzero(shared / np.minimum(own, len(doc)) >= threshold)
    return int(survivors[passed[0]]) if len(passed) else None


def _held(doc: Fingerprint, arrays: list[Fingerprint]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """For each sorted array, how many of its hashes ``doc`` (sorted, unique, not empty)
    holds: one binary search for all, no sort of the two joined (what
    :func:`numpy.intersect1d` does, and what made it the pass's main cost)."""
    joined = np.concatenate(arrays)
    at = np.searchsorted(doc, joined)
    at[at == len(doc)] = 0
    hit = (doc[at] == joined).astype(np.int64)
    lengths = np.array([len(a) for a in arrays])
    starts = np.concatenate(([0], np.cumsum(lengths[:-1])))
    counts = np.add.reduceat(hit, starts) if len(hit) else np.zeros(len(arrays), np.int64)
    counts[lengths == 0] = 0  # reduceat gives the element at an empty group's start
    return counts
