"""Tables 二, 三 and 四 as grids of merged regions, exactly as the 2021 format lays them out.

One grid per table, shared by the DOCX and HTML writers: each ``GridCell`` is the top-left anchor of
a region of ``rowspan`` × ``colspan`` grid positions. Column widths are in millimetres and add up to
the 156 mm type area of GB/T 9704.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.export._outline import format_cell
from schemas import labels as L
from schemas.layout import T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, get_cell
from schemas.report import Report

__all__ = [
    "T2_BLOCK_COLUMNS",
    "TYPE_AREA_MM",
    "Grid",
    "GridCell",
    "grid_for",
    "table2_grid",
    "table3_grid",
    "table4_grid",
]

TYPE_AREA_MM = 156.0

Role = Literal["head", "label", "value"]


@dataclass(frozen=True, slots=True)
class GridCell:
    row: int
    col: int
    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    address: str | None = None  # value cells: the cell address (t3.granted.natural)


@dataclass(frozen=True, slots=True)
class Grid:
    key: str
    n_rows: int
    n_cols: int
    header_rows: int  # repeated at the top of each page when the table breaks
    widths_mm: tuple[float, ...]
    cells: tuple[GridCell, ...]

    def rows(self) -> list[list[GridCell]]:
        """Anchors grouped by the row they start in."""
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        for r in out:
            r.sort(key=lambda c: c.col)
        return out

    def check(self) -> None:
        """Every grid position covered by exactly one region (a layout bug otherwise)."""
        seen: dict[tuple[int, int], GridCell] = {}
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    if (r, k) in seen or r >= self.n_rows or k >= self.n_cols:
                        raise ValueError(f"{self.key}: overlapping or outside region at {(r, k)}")
                    seen[(r, k)] = c
        if len(seen) != self.n_rows * self.n_cols:
            raise ValueError(f"{self.key}: {self.n_rows * self.n_cols - len(seen)} positions uncovered")


def _value(report: Report, address: str, row: int, col: int, colspan: int = 1) -> GridCell:
    return GridCell(row, col, format_cell(get_cell(report, address)), "value", colspan=colspan, address=address)


# ---- table 二 -----------------------------------------------------------------------------------
T2_BLOCK_COLUMNS: dict[str, tuple[str, ...]] = {
    "art20_1": ("issued", "repealed", "in_force"),
    "art20_5": ("decisions",),
    "art20_6": ("decisions",),
    "art20_8": ("amount",),
}


def table2_grid(report: Report) -> Grid:
    """Four blocks: block title across the table, 信息内容 header row, one row per item.
    A block with one value column spans it over the three value positions."""
    cells: list[GridCell] = []
    r = 0
    for block, rows in L.T2_BLOCK_ROWS.items():
        cols = T2_BLOCK_COLUMNS[block]
        span = 3 // len(cols)
        cells.append(GridCell(r, 0, L.T2_BLOCK_TITLES[block], "head", colspan=4))
        r += 1
        cells.append(GridCell(r, 0, L.T2_CONTENT_HEADER, "head"))
        for i, col in enumerate(cols):
            cells.append(GridCell(r, 1 + i * span, L.T2_COLUMN_LABELS[col], "head", colspan=span))
        r += 1
        for row in rows:
            cells.append(GridCell(r, 0, L.T2_ROW_LABELS[row], "label"))
            for i, col in enumerate(cols):
                cells.append(_value(report, f"t2.{row}.{col}", r, 1 + i * span, span))
            r += 1
    return Grid("t2", r, 4, 0, (48.0, 36.0, 36.0, 36.0), tuple(cells))


# ---- table 三 -----------------------------------------------------------------------------------
_T3_LABEL_COLS = 3  # 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密
_T3_HEADER_ROWS = 3
_T3_WIDTHS = (7.0, 18.0, 51.0) + (80.0 / 7,) * 7  # five digits fit a value column


def table3_grid(report: Report) -> Grid:
    v0 = _T3_LABEL_COLS  # first value column
    cells: list[GridCell] = [
        GridCell(0, 0, L.T3_HEADER_NOTE, "head", rowspan=_T3_HEADER_ROWS, colspan=_T3_LABEL_COLS),
        GridCell(0, v0, L.T3_APPLICANT_HEADER, "head", colspan=len(T3_COLUMNS)),
        GridCell(1, v0, L.T3_COLUMN_LABELS["natural"], "head", rowspan=2),
        GridCell(1, v0 + 1, L.T3_LEGAL_PERSON_HEADER, "head", colspan=5),
        GridCell(1, v0 + 6, L.T3_COLUMN_LABELS["total"], "head", rowspan=2),
    ]
    for i, col in enumerate(T3_COLUMNS[1:6]):
        cells.append(GridCell(2, v0 + 1 + i, L.T3_COLUMN_LABELS[col], "head"))

    first = {r.address: _T3_HEADER_ROWS + i for i, r in enumerate(T3_ROWS)}
    results = [r for r in T3_ROWS if r.path[0] not in ("new_received", "carried_over", "carried_forward")]
    cells.append(GridCell(first[results[0].address], 0, L.T3_RESULTS_HEADER, "label", rowspan=len(results)))
    seen_groups: set[str] = set()
    for row in T3_ROWS:
        r = first[row.address]
        if row.path[0] in ("new_received", "carried_over", "carried_forward"):
            cells.append(GridCell(r, 0, row.label, "label", colspan=_T3_LABEL_COLS))
        elif row.group is None:  # （一）（二）（七）
            cells.append(GridCell(r, 1, row.label, "label", colspan=2))
        else:
            if row.group not in seen_groups:
                seen_groups.add(row.group)
                size = len(L.T3_GROUP_ROWS[row.group])
                cells.append(GridCell(r, 1, row.group_label or "", "label", rowspan=size))
            cells.append(GridCell(r, 2, row.label, "label"))
        for i, col in enumerate(T3_COLUMNS):
            cells.append(_value(report, f"{row.address}.{col}", r, v0 + i))
    n_rows = _T3_HEADER_ROWS + len(T3_ROWS)
    return Grid("t3", n_rows, _T3_LABEL_COLS + len(T3_COLUMNS), _T3_HEADER_ROWS, _T3_WIDTHS, tuple(cells))


# ---- table 四 -----------------------------------------------------------------------------------
def table4_grid(report: Report) -> Grid:
    n = len(T4_COLUMNS)
    cells: list[GridCell] = [
        GridCell(0, 0, L.T4_REVIEW_HEADER, "head", rowspan=2, colspan=n),
        GridCell(0, n, L.T4_LITIGATION_HEADER, "head", colspan=2 * n),
        GridCell(1, n, L.T4_BLOCK_LABELS["litigation_direct"], "head", colspan=n),
        GridCell(1, 2 * n, L.T4_BLOCK_LABELS["litigation_after_review"], "head", colspan=n),
    ]
    for b, block in enumerate(T4_BLOCKS):
        for i, col in enumerate(T4_COLUMNS):
            cells.append(GridCell(2, b * n + i, L.T4_COLUMN_LABELS[col], "head"))
            cells.append(_value(report, f"t4.{block}.{col}", 3, b * n + i))
    return Grid("t4", 4, 3 * n, 3, (TYPE_AREA_MM / (3 * n),) * (3 * n), tuple(cells))


def grid_for(key: str, report: Report) -> Grid:
    return {"t2": table2_grid, "t3": table3_grid, "t4": table4_grid}[key](report)
