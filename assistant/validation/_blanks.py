"""Blank cells reported per table row, not one finding per cell.

A published report with a table left blank would otherwise get 175 findings for table 三 alone (in
the audit of real reports they were 95% of all rows). A row with one blank cell keeps that cell's own
finding; a row with several becomes one finding at the row's address, naming its blank columns, with
the cells in ``related`` so a page can still mark each one. ``blank_summary`` gives the per-table
count a reader sees first ("表三有23行空白").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.validation._registry import finding
from schemas import labels as L
from schemas.findings import Finding
from schemas.layout import ALL_CELL_ADDRESSES, T2_CELLS, T3_COLUMNS, T4_COLUMNS, cell_label, get_cell
from schemas.report import Blank, Report

__all__ = ["BlankTable", "blank_summary", "group_blank_cells", "row_of"]

_TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
_TAIL = "应填写数字（没有发生的填0）；校验勾稽关系时暂按0计算"
_ROW_ORDER = tuple(dict.fromkeys(a.rsplit(".", 1)[0] for a in ALL_CELL_ADDRESSES))
_NAMED = 6  # rows named in a summary before "等"
_T2_WIDTH = {f"t2.{c.row}": sum(d.row == c.row for d in T2_CELLS) for c in T2_CELLS}


def _width(row: str) -> int:
    if row.startswith("t3."):
        return len(T3_COLUMNS)
    if row.startswith("t4."):
        return len(T4_COLUMNS)
    return _T2_WIDTH.get(row, 0)


def row_of(address: str) -> str:
    """The row of a cell: ``t3.withheld.third_party.natural`` → ``t3.withheld.third_party``,
    ``t4.review.upheld`` → ``t4.review``, ``t2.regulations.issued`` → ``t2.regulations``."""
    return address.rsplit(".", 1)[0]


def _column_label(address: str) -> str:
    table, col = address[:2], address.rsplit(".", 1)[1]
    if table == "t3":
        return L.T3_COLUMN_LABELS[col]
    if table == "t4":
        return L.T4_COLUMN_LABELS[col]
    return L.T2_COLUMN_LABELS[col]


def _blank_text(report: Report, address: str) -> str | None:
    """What a blank cell held ("", "/", "—"…), None when the cell is not blank."""
    try:
        v = get_cell(report, address)
    except (AttributeError, KeyError, ValueError):
        return None
    return v.blank if isinstance(v, Blank) else None


def _blank_cells(report: Report, findings: Iterable[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """(row, what the cells held) → the A4 findings of those blank cells; cells holding something
    that is not a number keep their own findings, and "/" is not merged with cells left empty."""
    rows: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        a = f.location.address
        if f.rule == "A4" and a[:3] in ("t2.", "t3.", "t4.") and (text := _blank_text(report, a)) is not None:
            # a blank total counted as its parts' sum says so in its own finding: kept apart
            key = (row_of(a), text) if f.message.endswith(_TAIL) else (a, text)
            rows.setdefault(key, []).append(f)
    return rows


def group_blank_cells(report: Report, findings: list[Finding]) -> list[Finding]:
    """``findings`` with the A4 findings of blank cells merged per row where a row has several."""
    groups = _blank_cells(report, findings)
    if not any(len(v) > 1 for v in groups.values()):
        return findings
    of = {f: key for key, group in groups.items() if len(group) > 1 for f in group}
    unread = frozenset(report.source.missing) if report.source is not None else frozenset()
    out: list[Finding] = []
    done: set[tuple[str, str]] = set()
    for f in findings:
        key = of.get(f)
        if key is None:
            out.append(f)
            continue
        if key in done:
            continue
        done.add(key)
        row, text = key
        cells = tuple(g.location.address for g in groups[key])
        whole = len(cells) >= _width(row)
        what = f"整行空白（{len(cells)}格" if whole else \
            f"有{len(cells)}格空白（{'、'.join(_column_label(a) for a in cells)}"
        what += f"，原表为“{text}”）" if text else "）"
        if all(a in unread for a in cells):
            what += "，导入时未能从原表读取"
        out.append(finding("A4", row, f"{cell_label(row)}{what}，{_TAIL}", related=cells))
    return out


@dataclass(frozen=True)
class BlankTable:
    """The blank cells of one table, as a reader is told them first: "表三有23行空白（共161格）"."""

    table: str  # 表二, 表三, 表四
    rows: tuple[str, ...]  # the rows' labels, in the table's order
    cells: int
    findings: frozenset[Finding]  # the A4 findings (per cell or per row) this summary stands for

    whole: bool = False  # every row of the table

    def sentence(self) -> str:
        if self.whole:
            return f"{self.table}全部空白（{len(self.rows)}行，共{self.cells}格）"
        names = [r.split("「", 1)[-1].split("」", 1)[0] for r in self.rows]
        shown = "、".join(names[:_NAMED]) + ("等" if len(names) > _NAMED else "")
        return f"{self.table}有{len(self.rows)}行空白（共{self.cells}格）：{shown}"


def blank_summary(report: Report, findings: Iterable[Finding]) -> list[BlankTable]:
    """Per table (表二, 表三, 表四 in that order), the A4 findings of blank cells, per cell or already
    grouped per row, with their rows and cells counted."""
    findings = list(findings)
    per_row: dict[str, list[Finding]] = {}
    for group in _blank_cells(report, findings).values():
        per_row.setdefault(row_of(group[0].location.address), []).extend(group)
    for f in findings:
        if f.rule == "A4" and f.location.related and _blank_text(report, f.location.related[0]) is not None:
            per_row.setdefault(f.location.address, []).append(f)
    out = []
    for prefix, table in _TABLE_NAMES.items():
        rows = [r for r in _ROW_ORDER if r.startswith(prefix + ".") and r in per_row]
        if rows:
            group = [f for r in rows for f in per_row[r]]
            cells = sum(len(f.location.related) or 1 for f in group)
            whole = cells == sum(_width(r) for r in _ROW_ORDER if r.startswith(prefix + "."))
            out.append(BlankTable(table, tuple(cell_label(r) for r in rows), cells, frozenset(group), whole))
    return out
