"""A snapshot of the three tables as plain numbers, made once per validation.

Reading the cells through the pydantic models once (attribute access, no ``model_dump``) and
keeping plain lists keeps every later rule cheap. Blank and malformed cells are reported here
(A4, C1) and then enter the lists as 0, as the format requires.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import chain
from operator import attrgetter, itemgetter

from assistant.validation._registry import finding
from schemas.findings import Finding
from schemas.layout import T2_CELLS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, cell_label
from schemas.report import Blank, Report

__all__ = [
    "T3_ADDR",
    "T3_COL",
    "T3_ROW",
    "T4_ADDR",
    "T4_BLOCK",
    "T4_COL",
    "TOTAL_COL",
    "Grid",
    "fmt",
    "snapshot",
]

T3_ROW: dict[str, int] = {r.address: i for i, r in enumerate(T3_ROWS)}  # "t3.granted" → 2
T3_COL: dict[str, int] = {c: j for j, c in enumerate(T3_COLUMNS)}
TOTAL_COL = T3_COL["total"]
T3_ADDR: tuple[tuple[str, ...], ...] = tuple(tuple(f"{r.address}.{c}" for c in T3_COLUMNS) for r in T3_ROWS)
T4_BLOCK: dict[str, int] = {b: i for i, b in enumerate(T4_BLOCKS)}
T4_COL: dict[str, int] = {c: j for j, c in enumerate(T4_COLUMNS)}
T4_ADDR: tuple[tuple[str, ...], ...] = tuple(tuple(f"t4.{b}.{c}" for c in T4_COLUMNS) for b in T4_BLOCKS)

_T3_GET = tuple(attrgetter(".".join(r.path)) for r in T3_ROWS)
_T4_GET = tuple(attrgetter(b) for b in T4_BLOCKS)
_T3_VALUES = itemgetter(*T3_COLUMNS)
_T4_VALUES = itemgetter(*T4_COLUMNS)
_T2_GET = tuple((c.address, attrgetter(f"{c.row}.{c.column}")) for c in T2_CELLS)


def fmt(v) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    return str(v)


class Grid:
    """Plain numbers of one report: ``t3[row][col]``, ``t4[block][col]``, ``t2[address]``."""

    __slots__ = ("blank", "t2", "t3", "t4")

    def __init__(self, t2: dict[str, int | Decimal], t3: list[tuple], t4: list[tuple], blank: frozenset[str]):
        self.t2 = t2
        self.t3 = t3
        self.t4 = t4
        self.blank = blank  # addresses of Blank cells: cross-year rules skip unknown cells of last year

    def t3_sum(self, rows: tuple[int, ...], cols: tuple[int, ...]):
        t3 = self.t3
        return sum(t3[i][j] for i in rows for j in cols)


class _Cells:
    """Turns cells into numbers, reporting each one that is not a non-negative number (A4, C1)."""

    def __init__(self, report: Report, out: list[Finding] | None):
        self.out = out
        self.blank: set[str] = set()
        self.unread = frozenset(report.source.missing) if report.source is not None else frozenset()

    def row(self, values: tuple, addresses: tuple[str, ...]) -> tuple:
        if set(map(type, values)) == {int} and min(values) >= 0:
            return values
        return tuple(self.cell(v, a, "A4", integer=True) for v, a in zip(values, addresses))

    def cell(self, v, address: str, rule_negative: str, *, integer: bool):
        if isinstance(v, Blank):
            self.blank.add(address)
            if address in self.unread:
                what = "没有数据（导入时未能从原表读取）"
            else:
                what = f"为空白（原表为“{v.blank}”）" if v.blank else "为空白"
            self._report("A4", address, f"{what}，应填写数字（没有发生的填0）；校验勾稽关系时暂按0计算")
            return 0
        if isinstance(v, bool) or not isinstance(v, (int, Decimal, float)):
            self._report("A4", address, f"的内容“{v}”不是数字，应填写非负整数；校验勾稽关系时暂按0计算")
            return 0
        if integer and v != int(v):
            self._report("A4", address, f"为{fmt(v)}，件数应为整数")
            return v
        if v < 0:
            self._report(rule_negative, address, f"为负数（{fmt(v)}），应为非负数")
            return v
        return int(v) if integer else v

    def _report(self, rule: str, address: str, what: str) -> None:
        if self.out is not None:
            self.out.append(finding(rule, address, cell_label(address) + what))


def snapshot(report: Report, out: list[Finding] | None) -> Grid:
    """The tables of ``report`` as numbers; A4/C1 findings go to ``out`` (None for last year's report)."""
    cells = _Cells(report, out)
    table2 = report.table2
    t2: dict[str, int | Decimal] = {}
    for address, get in _T2_GET:
        v = get(table2)
        t2[address] = v if type(v) is int and v >= 0 else cells.cell(
            v, address, "C1", integer=not address.endswith(".amount"))
    table3, table4 = report.table3, report.table4
    t3 = [_T3_VALUES(get(table3).__dict__) for get in _T3_GET]
    t4 = [_T4_VALUES(get(table4).__dict__) for get in _T4_GET]
    values = (*chain.from_iterable(t3), *chain.from_iterable(t4))
    if set(map(type, values)) != {int} or min(values) < 0:  # the rare case: find and report the bad cells
        t3 = [cells.row(row, addrs) for row, addrs in zip(t3, T3_ADDR)]
        t4 = [cells.row(row, addrs) for row, addrs in zip(t4, T4_ADDR)]
    return Grid(t2, t3, t4, frozenset(cells.blank))
