"""The table quantities a narrative can quote, as sums of cells, with Chinese names for messages.

A table-三 quantity is a set of rows (``new``, ``withheld`` = the eight sub-rows of （三）, a single
sub-row such as ``withheld.state_secret`` …) read in one column, in the 总计 column, or summed over
the five legal-person columns (``legal``).
"""

from __future__ import annotations

from assistant.validation._grid import T3_ADDR, T3_COL, T3_ROW, Grid
from schemas import labels as L
from schemas.layout import T3_ROWS

__all__ = [
    "CATEGORIES",
    "COLUMN_NAMES",
    "GROUP_OF",
    "INTAKE",
    "Q_ROWS",
    "col_indexes",
    "q_cells",
    "q_name",
    "q_value",
]

_GROUP_ROWS = {g: tuple(T3_ROW[r.address] for r in T3_ROWS if r.group == g) for g in L.T3_GROUP_ROWS}

Q_ROWS: dict[str, tuple[int, ...]] = {
    "new": (T3_ROW["t3.new_received"],),
    "carried": (T3_ROW["t3.carried_over"],),
    "new_carried": (T3_ROW["t3.new_received"], T3_ROW["t3.carried_over"]),
    "done": (T3_ROW["t3.total"],),
    "fwd": (T3_ROW["t3.carried_forward"],),
    "granted": (T3_ROW["t3.granted"],),
    "partial": (T3_ROW["t3.partial"],),
    "granted_partial": (T3_ROW["t3.granted"], T3_ROW["t3.partial"]),
    **_GROUP_ROWS,
    **{f"{r.group}.{r.path[1]}": (T3_ROW[r.address],) for r in T3_ROWS if r.group},
}

# The six result categories of 三、本年度办理结果 (a partition of （七）总计).
CATEGORIES: tuple[str, ...] = ("granted", "partial", "withheld", "unable", "not_processed", "other_handling")
INTAKE: frozenset[str] = frozenset({"new", "carried", "new_carried", "done", "fwd"})
GROUP_OF: dict[str, str] = {q: q.partition(".")[0] for q in Q_ROWS if "." in q}

_ROW_NAMES: dict[str, str] = {
    "new": "第一项「本年新收政府信息公开申请数量」",
    "carried": "第二项「上年结转政府信息公开申请数量」",
    "new_carried": "第一项与第二项之和",
    "done": "第三项「（七）总计」",
    "fwd": "第四项「结转下年度继续办理」",
    "granted": "「（一）予以公开」",
    "partial": "「（二）部分公开」",
    "granted_partial": "「（一）予以公开」与「（二）部分公开」之和",
    **{g: f"「{label}」各项之和" for g, label in L.T3_GROUP_LABELS.items()},
    **{f"{r.group}.{r.path[1]}": f"「{r.full_label}」" for r in T3_ROWS if r.group},
}
COLUMN_NAMES: dict[str, str] = {**L.T3_COLUMN_LABELS, "legal": L.T3_LEGAL_PERSON_HEADER}

_LEGAL = tuple(T3_COL[c] for c in L.T3_APPLICANT_COLUMNS[1:])


def col_indexes(col: str) -> tuple[int, ...]:
    return _LEGAL if col == "legal" else (T3_COL[col],)


def q_value(grid: Grid, q: str, col: str = "total"):
    return grid.t3_sum(Q_ROWS[q], col_indexes(col))


def q_cells(q: str, col: str = "total") -> tuple[str, ...]:
    return tuple(T3_ADDR[i][j] for i in Q_ROWS[q] for j in col_indexes(col))


def q_name(q: str, col: str = "total") -> str:
    name = "表三" + _ROW_NAMES[q]
    if col == "total":
        return name if q in Q_ROWS and len(Q_ROWS[q]) > 1 else name + "总计"
    return f"{name}「{COLUMN_NAMES[col]}」列"

