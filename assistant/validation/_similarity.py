"""Rule D3: narrative copied from last year's report (内容雷同).

Each text is reduced to its characters without spaces, every run of digits (years, counts) masked
to one mark, and cut into overlapping character shingles. A part is near-identical when its
shingles match the same part of last year (Jaccard) or are contained in last year's narrative as a
whole (text moved between parts). Cost is linear in the length of both reports.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.validation._registry import finding
from schemas.findings import Finding
from schemas.layout import narrative_label
from schemas.report import Report

__all__ = ["MIN_CHARS", "THRESHOLD", "similarity_rule"]

SHINGLE = 8
THRESHOLD = 0.85
MIN_CHARS = 50  # shorter parts ("无。", one formula sentence) are alike every year by nature
# Part-六 items that are formulas or contact details, the same every year by design.
_FORMULA_ITEMS = frozenset({"statistics_notes", "other_matters", "special_requirements"})
_TOKEN = re.compile(r"[0-9０-９〇零]+|[^\s\u3000]")  # a run of digits (masked) or any other character but a space
_SKIP_OR_MASK = re.compile(r"(?P<digits>[0-9０-９〇零]+)|[\s\u3000]+")
_DIGITS = re.compile(r"[0-9０-９〇零]+")
_SPACES = re.compile(r"[\s\u3000]+")


def _parts(report: Report) -> list[tuple[str, str]]:
    p1 = report.part1
    out = [("p1.active", p1.active), ("p1.on_request", p1.on_request), ("p1.management", p1.management),
           ("p1.platform", p1.platform), ("p1.oversight", p1.oversight), ("p5", report.part5)]
    out += [(f"p6.{i}", item.text) for i, item in enumerate(report.part6) if item.key not in _FORMULA_ITEMS]
    return out


@lru_cache(maxsize=2048)
def _shingles(text: str) -> tuple[tuple[str, ...], frozenset[str], int]:
    """The shingles of ``text`` in order, as a set, and the number of masked characters (tokens of
    ``_TOKEN``, found from the digit runs and spaces only: the characters between them are taken in
    bulk, not one match each). Where each token stands is worked out by ``_spans``, for a finding only."""
    # digit runs masked first, then the spaces dropped: "1 2" is two runs, "##" (dropping the spaces
    # first would make it one); a substitution costs less than a loop over the matches
    masked = _SPACES.sub("", _DIGITS.sub("#", text))
    # (a list comprehension of slices builds them faster than mapping __getitem__ over slice objects)
    shingles = tuple([masked[i:i + SHINGLE] for i in range(len(masked) - SHINGLE + 1)])
    return shingles, frozenset(shingles), len(masked)


def _spans(text: str) -> list[tuple[int, int]]:
    """The span in ``text`` of each masked character of ``_shingles``, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SKIP_OR_MASK.finditer(text):
        start, end = m.span()
        spans.extend(zip(range(pos, start), range(pos + 1, start + 1)))
        if m.lastgroup == "digits":
            spans.append((start, end))
        pos = end
    spans.extend(zip(range(pos, len(text)), range(pos + 1, len(text) + 1)))
    return spans


def _keyed(report: Report) -> dict[str, str]:
    """Part-六 addresses by item key where there is one, so items match across reordering."""
    return {f"p6.{i}": f"p6:{item.key}" for i, item in enumerate(report.part6) if item.key}


def similarity_rule(report: Report, previous: Report) -> list[Finding]:
    prev_key = _keyed(previous)
    parts = [(address, _shingles(text)[1]) for address, text in _parts(previous)]
    prev_sets = {prev_key.get(address, address): unique for address, unique in parts}
    prev_all: dict[str, str] = {}  # shingle → last year's part it appears in (first occurrence)
    for address, unique in reversed(parts):  # (an earlier part's overwrites a later one's)
        prev_all.update(dict.fromkeys(unique, address))
    if not prev_all:
        return []
    this_key = _keyed(report)
    out: list[Finding] = []
    for address, text in _parts(report):
        if len(text) < MIN_CHARS:
            continue  # (its masked characters are fewer still: no need to cut it into shingles)
        sh, mine, n_chars = _shingles(text)
        if n_chars < MIN_CHARS:
            continue
        same = prev_sets.get(this_key.get(address, address), frozenset())
        jaccard = len(mine & same) / len(mine | same) if same else 0.0
        hits = [s in prev_all for s in sh]
        containment = sum(hits) / len(hits)
        score = max(jaccard, containment)
        if score < THRESHOLD:
            continue
        best_start, best_len, run_start = 0, 0, 0
        for i, hit in enumerate(hits):  # the longest passage found in last year's text
            if not hit:
                run_start = i + 1
            elif i - run_start + 1 > best_len:
                best_start, best_len = run_start, i - run_start + 1
        spans = _spans(text)
        start = spans[best_start][0]
        end = spans[best_start + best_len - 1 + SHINGLE - 1][1]
        passage = text[start:end]
        shown = passage if len(passage) <= 60 else passage[:30] + "……" + passage[-20:]
        source = prev_all[sh[best_start]]
        out.append(finding(
            "D3", address,
            f"{narrative_label(address)}与上年报告{narrative_label(source)}高度相似（相似度{score:.0%}），"
            f"疑似内容雷同；相同的段落：「{shown}」",
            span=(start, end)))
    return out
