"""Row-level pieces of the table reader: label cells and value cells, fitting a row's values,
matching a label, and recognising header rows (which may repeat wherever a page broke)."""

from __future__ import annotations

import re

from assistant.importing._normalize import JUNK, LABEL, MARK, NUM, cell_kind, norm
from schemas import labels as L
from schemas.labels import T2_2019_COLUMN_LABELS, T2_2019_PROCUREMENT_COLUMN_LABELS

__all__ = [
    "T2_BLOCK_RE", "T2_COLS", "T2_COLS_2019", "T2_COLS_2019_SHORT", "T2_COLS_PROCUREMENT", "T2_CONTENT", "WEAK_HEAD", "fit",
    "fit_span", "header_table", "match_label", "split_row", "t3_header_columns", "value_cells",
]

T2_COLS = {norm(lbl): key for key, lbl in L.T2_COLUMN_LABELS.items()}
T2_COLS_2019 = frozenset(norm(x) for x in T2_2019_COLUMN_LABELS)
# A trial-format column that is a 2021 label shortened (处理决定数量, of 本年处理决定数量) is no evidence
# of the trial format: a 2021 table written loosely has it too.
T2_COLS_2019_SHORT = frozenset(n for n in T2_COLS_2019 if any(n in lbl for lbl in T2_COLS))
T2_COLS_PROCUREMENT = frozenset(norm(x) for x in T2_2019_PROCUREMENT_COLUMN_LABELS)
T2_CONTENT = norm(L.T2_CONTENT_HEADER)
T2_BLOCK_RE = re.compile(r"第二十条第\(?([一二三四五六七八九十]{1,3})\)?项")
_T2_HEAD = frozenset({T2_CONTENT, *T2_COLS, *T2_COLS_2019, *T2_COLS_PROCUREMENT})
_T3_NOTE_PREFIX = norm(L.T3_HEADER_NOTE)[1:7]  # "本列数据的勾", with or without the parenthesis
_T3_HEAD = frozenset(norm(x) for x in (
    L.T3_APPLICANT_HEADER, L.T3_LEGAL_PERSON_HEADER, *L.T3_COLUMN_LABELS.values(), "合计"))
_T4_HEAD = frozenset(norm(x) for x in (
    L.T4_REVIEW_HEADER, L.T4_LITIGATION_HEADER, *L.T4_BLOCK_LABELS.values(), *L.T4_COLUMN_LABELS.values()))
# ("合计" heads the 总计 column of many systems' exports: "办理情况,合计,自然人,…")
_T3_COLUMN_WORDS = {norm(lbl): key for key, lbl in L.T3_COLUMN_LABELS.items()} | {norm("合计"): "total"}
# Header words that are also row labels (（七）总计, 3.其他): alone they prove nothing.
WEAK_HEAD = frozenset(norm(x) for x in (L.T3_COLUMN_LABELS["other"], L.T3_COLUMN_LABELS["total"], "合计"))


def split_row(cells: list[str]) -> tuple[list[str], list[str]]:
    """(label cells, value cells): values are everything after the last label before the first number."""
    kinds = [cell_kind(c) for c in cells]
    first = -1
    for i, k in enumerate(kinds):
        if k == NUM or k == MARK or k == JUNK:
            first = i
            break
    if first < 0:
        return [c for c, k in zip(cells, kinds) if k == LABEL], []
    last_label = -1
    labels: list[str] = []
    for i in range(first):
        if kinds[i] == LABEL:
            labels.append(cells[i])
            last_label = i
    return labels, cells[last_label + 1:]


def value_cells(cells: list[str]) -> list[str]:
    """The cells of a row after its label."""
    return split_row(cells)[1]


def fit(values: list[str], n: int, exact: bool, keep_last: bool = True) -> tuple[list[str], int]:
    """At most ``n`` value cells: drop layout empties at the ends, then surplus cells. Returns (cells, surplus)."""
    lo, hi, surplus = fit_span(values, n, exact, keep_last)
    return values[lo:hi], surplus


def fit_span(values: list[str], n: int, exact: bool, keep_last: bool = True) -> tuple[int, int, int]:
    """``fit`` as (start, end, surplus), for callers that keep something per cell."""
    lo, hi = 0, len(values)
    if not exact:  # trailing tabs of a pasted row are layout
        while hi > lo and values[hi - 1] == "":
            hi -= 1
    while hi - lo > n and values[hi - 1] == "":
        hi -= 1
    while hi - lo > n and values[lo] == "":
        lo += 1
    if not exact:  # a short pasted row: its leading empty cells are layout too
        while hi - lo < n and lo < hi and values[lo] == "":
            lo += 1
    surplus = max(0, hi - lo - n)
    if surplus:
        lo, hi = (hi - n, hi) if keep_last else (lo, lo + n)
    return lo, hi, surplus


def match_label(keys: dict[str, str], s: str) -> str | None:
    """The key whose label is ``s``; a unique prefix match of at least four characters also counts."""
    hit = keys.get(s)
    if hit is not None:
        return hit
    found = [k for lbl, k in keys.items()
             if (len(s) >= 4 and lbl.startswith(s)) or (len(lbl) >= 4 and s.startswith(lbl))]
    return found[0] if len(found) == 1 else None


def _header_words(labels: list[str]) -> list[str]:
    """Normalised header cells; "申请人情况 / 自然人" (levels of a header joined in one cell) counts as each level."""
    out: list[str] = []
    for c in labels:
        n = norm(c)
        if "/" in n and n not in _T2_HEAD:  # 本年增/减 is one word
            out.extend(p for p in n.split("/") if p)
        else:
            out.append(n)
    return out


def t3_header_columns(labels: list[str]) -> set[str]:
    """The table-三 columns (``natural`` … ``total``) a header row names."""
    return set(t3_header_order(labels))


# a system's one-character column heads ("项目 法 自 商 科 公 其 合计"), read only as a whole header of them
_T3_ONE_CHAR = {"自": "natural", "商": "commercial", "科": "research", "公": "public_interest", "法": "legal_service",
                "律": "legal_service", "其": "other"}


def t3_header_order(labels: list[str]) -> list[str]:
    """The table-三 columns a header row names, in the order it names them."""
    words = _header_words(labels)
    if _one_char_header(words):
        return [_T3_ONE_CHAR.get(n) or _T3_COLUMN_WORDS[n] for n in words if n in _T3_ONE_CHAR or n in _T3_COLUMN_WORDS]
    return [_T3_COLUMN_WORDS[n] for n in words if n in _T3_COLUMN_WORDS]


def _one_char_header(words: list[str]) -> bool:
    """Five or six applicants by one character each, each once, with at most 合计/总计 and the label
    column's head ("项目") beside them."""
    one = [n for n in words if n in _T3_ONE_CHAR]
    return len(one) >= 5 and len({_T3_ONE_CHAR[n] for n in one}) == len(one) and all(
        n in _T3_ONE_CHAR or n in _T3_COLUMN_WORDS or n in _LABEL_HEADS for n in words)


_LABEL_HEADS = frozenset({"项目", "办理结果", "申请人", "类别", "指标", "事项", "内容", "项"})


def header_table(labels: list[str]) -> str | None:
    """Which table a label-only row is the header of, or None."""
    ns = _header_words(labels)
    if not ns:
        return None
    if ns[0] == T2_CONTENT or all(n in _T2_HEAD or T2_BLOCK_RE.fullmatch(n) for n in ns):
        return "t2"  # 信息内容 opens table 二's header only, whatever the columns after it are called
    if all(n in _T3_HEAD or _T3_NOTE_PREFIX in n for n in ns) and any(n not in WEAK_HEAD for n in ns):
        return "t3"
    if _one_char_header(ns):
        return "t3"  # "项目 法 自 商 科 公 其 合计": a system's one-character heads
    if all(n in _T4_HEAD for n in ns) and any(n not in WEAK_HEAD for n in ns):
        return "t4"
    return None
