"""A snapshot of the three tables as plain numbers, made once per validation.

Reading the cells through the pydantic models once (attribute access, no ``model_dump``) and
keeping plain lists keeps every later rule cheap. Blank and malformed cells are reported here
(A4, C1) and then enter the lists as 0, as the format requires, with two exceptions:

- a blank 总计 cell whose parts are all filled in takes their sum (it is reported first), so one
  unfilled total does not set off every rule that compares with it;
- cells the report's own table format does not have (a report on 2019 or 2020 in the 2019 trial
  format has no 2021 table 二 and one row for （六）其他处理) are *absent*: not demanded, unknown.

``unknown`` holds the cells whose value is not known (blank and not derived, or absent): rules that
compare the text with a table skip them, and a table with no known cell is ``unread``.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import chain
from operator import attrgetter, countOf, itemgetter

from assistant.validation._registry import finding
from schemas.findings import Finding
from schemas.layout import (
    ALL_CELL_ADDRESSES,
    T2_CELLS,
    T3_COLUMNS,
    T3_RESULT_ROWS,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLUMNS,
    cell_label,
)
from schemas.report import Blank, Report

__all__ = [
    "T2_UNREAD_2019",
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

_T3_VALUES = itemgetter(*T3_COLUMNS)
_T4_VALUES = itemgetter(*T4_COLUMNS)
# each table's cells (rows) read in one call
_T2_ADDRESSES = tuple(c.address for c in T2_CELLS)
_T2_VALUES = attrgetter(*(f"{c.row}.{c.column}" for c in T2_CELLS))
_T2_AMOUNT = _T2_ADDRESSES.index("t2.fees.amount")  # the one cell that is no count (万元, a Decimal or an int)
_T3_ROWS = attrgetter(*(".".join(r.path) for r in T3_ROWS))
_T4_ROWS = attrgetter(*T4_BLOCKS)
_DICT = attrgetter("__dict__")
_TOT = T3_ROW["t3.total"]
_RESULTS = tuple(T3_ROW[r.address] for r in T3_RESULT_ROWS)
_T4_PARTS = tuple(T4_COL[c] for c in ("upheld", "corrected", "other", "pending"))
_T4_TOTAL = T4_COL["total"]
_TABLE_CELLS = {t: frozenset(a for a in ALL_CELL_ADDRESSES if a.startswith(t + ".")) for t in ("t2", "t3", "t4")}
# Cells of the 2021 layout that the 2019 trial format does not have in the same meaning.
_ABSENT_2019 = frozenset(c.address for c in T2_CELLS) | frozenset(
    a for row in T3_ROWS if row.group == "other_handling" for a in T3_ADDR[T3_ROW[row.address]])
T2_UNREAD_2019 = "为2019年试行格式，各栏含义与2021年格式不同，未读入数字"


def fmt(v) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    return str(v)


class Grid:
    """Plain numbers of one report: ``t3[row][col]``, ``t4[block][col]``, ``t2[address]``."""

    __slots__ = ("absent", "blank", "t2", "t3", "t4", "unknown", "unread")

    def __init__(self, t2: dict[str, int | Decimal], t3: list[tuple], t4: list[tuple], blank: frozenset[str],
                 absent: frozenset[str] = frozenset(), derived: frozenset[str] = frozenset()):
        self.t2 = t2
        self.t3 = t3
        self.t4 = t4
        self.blank = blank  # addresses of Blank cells (absent and derived ones included)
        self.absent = absent  # cells the report's table format does not have
        self.unknown = blank - derived  # values not known: compared with nothing
        # table → why no cell of it is known ("" when it was simply left blank or not found)
        self.unread: dict[str, str] = {}
        if self.unknown:
            for t, cells in _TABLE_CELLS.items():
                if cells <= self.unknown:
                    self.unread[t] = T2_UNREAD_2019 if t == "t2" and cells <= absent else ""

    def t3_sum(self, rows: tuple[int, ...], cols: tuple[int, ...]):
        t3 = self.t3
        return sum(t3[i][j] for i in rows for j in cols)


class _Cells:
    """Turns cells into numbers, reporting each one that is not a non-negative number (A4, C1)."""

    def __init__(self, report: Report, out: list[Finding] | None):
        self.out = out
        self.blank: set[str] = set()
        source = report.source
        self.unread = frozenset(source.missing) if source is not None else frozenset()
        year = report.meta.report_year
        # A report on 2019 or 2020 is judged against the 2019 table it was due to use.
        self.absent_ok = (source is not None and source.format_version == "2019" and year is not None
                          and year < 2021)
        self.absent: set[str] = set()

    def row(self, values: tuple, addresses: tuple[str, ...]) -> tuple:
        if set(map(type, values)) == {int} and min(values) >= 0:
            return values
        return tuple(self.cell(v, a, "A4", integer=True) for v, a in zip(values, addresses))

    def cell(self, v, address: str, rule_negative: str, *, integer: bool):
        if isinstance(v, Blank):
            self.blank.add(address)
            if self.absent_ok and address in _ABSENT_2019:
                self.absent.add(address)
                return 0
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
    t2_values = _T2_VALUES(table2)
    t2: dict[str, int | Decimal]
    others = t2_values[:_T2_AMOUNT] + t2_values[_T2_AMOUNT + 1:]
    amount = t2_values[_T2_AMOUNT]
    if (set(map(type, others)) == {int} and min(others) >= 0
            and (type(amount) is int or (type(amount) is Decimal and amount.is_finite())) and amount >= 0):
        # (the usual case: no cell to report, each kept as it is, as cell() would keep it)
        t2 = dict(zip(_T2_ADDRESSES, t2_values))
    else:
        t2 = {}
        for address, v in zip(_T2_ADDRESSES, t2_values):
            t2[address] = v if type(v) is int and v >= 0 else cells.cell(
                v, address, "C1", integer=not address.endswith(".amount"))
    t3 = list(map(_T3_VALUES, map(_DICT, _T3_ROWS(report.table3))))
    t4 = list(map(_T4_VALUES, map(_DICT, _T4_ROWS(report.table4))))
    values = (*chain.from_iterable(t3), *chain.from_iterable(t4))
    if countOf(map(type, values), int) != len(values) or min(values) < 0:  # the rare case: find and report the bad cells
        t3 = [cells.row(row, addrs) for row, addrs in zip(t3, T3_ADDR)]
        t4 = [cells.row(row, addrs) for row, addrs in zip(t4, T4_ADDR)]
    derived: dict[str, tuple[int, str]] = {}
    if cells.blank:
        derived = _derive_totals(t3, t4, cells.blank, cells.absent)
        if derived and out is not None:
            _restate(out, derived)
    return Grid(t2, t3, t4, frozenset(cells.blank), frozenset(cells.absent), frozenset(derived))


def _derive_totals(t3: list[tuple], t4: list[tuple], blank: set[str], absent: set[str]) -> dict[str, tuple[int, str]]:
    """Blank 总计 cells whose parts are all known take the sum of the parts (in place): address →
    (value, what was summed). Rows first (六类申请人), then the （七）总计 row (the result rows)."""
    derived: dict[str, tuple[int, str]] = {}

    def known(a: str) -> bool:
        return a not in blank or a in derived

    for i, row in enumerate(t3):
        a = T3_ADDR[i][TOTAL_COL]
        if a in blank and a not in absent and all(known(T3_ADDR[i][j]) for j in range(TOTAL_COL)):
            value = sum(row[:TOTAL_COL])
            t3[i] = (*row[:TOTAL_COL], value)
            derived[a] = (value, "本行六类申请人之和")
    for j in range(len(T3_COLUMNS)):
        a = T3_ADDR[_TOT][j]
        if a in blank and a not in derived and all(known(T3_ADDR[i][j]) for i in _RESULTS):
            value = sum(t3[i][j] for i in _RESULTS)
            t3[_TOT] = (*t3[_TOT][:j], value, *t3[_TOT][j + 1:])
            derived[a] = (value, "本列（一）至（六）各项之和")
    for b, row in enumerate(t4):
        a = T4_ADDR[b][_T4_TOTAL]
        if a in blank and all(known(T4_ADDR[b][j]) for j in _T4_PARTS):
            value = sum(row[j] for j in _T4_PARTS)
            t4[b] = (*row[:_T4_TOTAL], value, *row[_T4_TOTAL + 1:])
            derived[a] = (value, "本栏结果维持、结果纠正、其他结果、尚未审结之和")
    return derived


def _restate(out: list[Finding], derived: dict[str, tuple[int, str]]) -> None:
    """The A4 finding of a derived total says what it is counted as (not 0)."""
    for k, f in enumerate(out):
        if f.rule == "A4" and f.location.address in derived:
            value, what = derived[f.location.address]
            head = f.message.split("，应填写数字")[0]
            out[k] = finding("A4", f.location.address,
                             f"{head}，应填写数字；校验勾稽关系时按{what}（{value}）计算")
