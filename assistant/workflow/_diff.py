"""A readable difference of two versions of a narrative part.

Chinese has no spaces, so the comparison is by character (a number or a Latin word counts as one); runs of changes closer than a few
characters are merged so a reworded phrase reads as one replacement, not as scattered letters.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["Segment", "text_diff"]

Segment = tuple[str, str]  # ("=", same) | ("-", removed) | ("+", added)
_MERGE_GAP = 3
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[A-Za-z]+|.", re.S)  # a number changes as a whole: 148 → 150, not 1[48→50]


def text_diff(old: str, new: str) -> list[Segment]:
    a, b = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    spans: list[list] = []  # [changed, i1, i2, j1, j2]
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        changed = tag != "equal"
        between_changes = (not changed and i2 - i1 <= _MERGE_GAP and k + 1 < len(ops) and spans and spans[-1][0])
        if spans and spans[-1][0] and (changed or between_changes):
            spans[-1][2], spans[-1][4] = i2, j2
        else:
            spans.append([changed, i1, i2, j1, j2])
    out: list[Segment] = []
    for changed, i1, i2, j1, j2 in spans:
        if not changed:
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out
