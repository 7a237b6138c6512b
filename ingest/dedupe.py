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
    shared = np.intersect1d(_array(small), _array(large), assume_unique=True)
    return len(shared) / len(small)


def _array(prints: Fingerprint | frozenset[int]) -> Fingerprint:
    if isinstance(prints, frozenset):
        return np.array(sorted(prints), dtype=np.uint32)
    return prints


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
    costs time linear in its size.  Only hashes that are in some document's sketch are ever
    looked up, so only those are indexed: the same answer as indexing every hash, in a
    fraction of the memory.
    """
    ordered = sorted(prints, key=lambda item: item[0])
    looked_up = np.unique(np.concatenate([p[:SKETCH] for _, p in ordered] or [_EMPTY]))
    originals: list[tuple[str, Fingerprint]] = []
    # Per looked-up hash, the originals holding it (ascending ids), in growable uint32 arrays:
    # a stock phrase of policy language is in the sketch of many documents, and counting its
    # long posting lists in numpy keeps the pass fast where a Python loop over them was not.
    index: dict[int, array[int]] = defaultdict(lambda: array("I"))
    duplicate_of: dict[str, str] = {}
    for name, doc_prints in ordered:
        sketch = doc_prints[:SKETCH].tolist()
        postings = [np.frombuffer(index[h], dtype=np.uint32) for h in sketch if h in index]
        if postings and originals:
            hits = np.bincount(np.concatenate(postings), minlength=len(originals))
            candidates = np.flatnonzero(hits >= len(sketch) * threshold / 2).tolist()
        else:
            candidates = []
        del postings  # the views must go before their arrays can grow
        match = next((originals[o][0] for o in candidates
                      if containment(originals[o][1], doc_prints) >= threshold), None)
        if match is not None:
            duplicate_of[name] = match
            continue
        for h in np.intersect1d(doc_prints, looked_up, assume_unique=True).tolist():
            index[h].append(len(originals))
        originals.append((name, doc_prints))
    return duplicate_of
