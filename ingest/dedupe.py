"""Near-duplicate documents: two articles reporting the same plan.

Two normalised texts are near-duplicates when most of the character shingles
of the shorter one also occur in the longer one (containment, not Jaccard:
a report with an extra lead paragraph and page chrome still contains the
other).  The later document (by name) becomes ``duplicate_of`` the earlier.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence

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


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller set that the larger one contains."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0.0
    return len(small & large) / len(small)


#: How many of a document's shingles are looked up to find candidate originals.
SKETCH = 64


def find_duplicates(texts: Sequence[tuple[str, str]],
                    threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each near-duplicate's name to the name of the first document it repeats.

    Only originals are indexed, and a document is compared exactly only with the
    originals that share part of its sketch (its smallest shingle hashes), so a
    corpus of many copies costs time linear in its size.
    """
    originals: list[tuple[str, frozenset[int]]] = []
    index: dict[int, list[int]] = defaultdict(list)
    duplicate_of: dict[str, str] = {}
    for name, text in sorted(texts):
        prints = shingles(text)
        sketch = sorted(prints)[:SKETCH]
        hits = Counter(o for h in sketch for o in index.get(h, ()))
        match = next((originals[o][0] for o, n in sorted(hits.items(), key=lambda kv: kv[0])
                      if n >= len(sketch) * threshold / 2
                      and containment(originals[o][1], prints) >= threshold), None)
        if match is not None:
            duplicate_of[name] = match
            continue
        for h in prints:
            index[h].append(len(originals))
        originals.append((name, prints))
    return duplicate_of
