"""Cell and text addresses, derived once from the models and the official labels.

Addresses:
- a cell: ``t3.<row path>.<column>`` (``t3.withheld.state_secret.commercial``), ``t4.<block>.<column>``,
  ``t2.<row>.<column>``;
- a table-三 row: ``t3.<row path>`` (``t3.granted``), a column: ``t3.*.<column>``;
- a narrative part: ``p1.active`` … ``p1.oversight``, ``p5``, ``p6.<index>``, ``preamble``, ``meta.title``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from schemas import labels as L
from schemas.findings import Location
from schemas.report import Blank, Report, Row3, Table3

T3_COLUMNS: tuple[str, ...] = tuple(L.T3_COLUMN_LABELS)  # 6 applicant columns + total
T4_BLOCKS: tuple[str, ...] = tuple(L.T4_BLOCK_LABELS)
T4_COLUMNS: tuple[str, ...] = tuple(L.T4_COLUMN_LABELS)
T4_PARTS: tuple[str, ...] = ("upheld", "corrected", "other", "pending")  # sum to total


@dataclass(frozen=True, slots=True)
class T3Row:
    """One of the 25 rows of table 三, in official order."""

    path: tuple[str, ...]  # ("granted",) or ("withheld", "state_secret")
    label: str  # official label of the row (sub-rows: "1.属于国家秘密")
    group: str | None  # "withheld" … for sub-rows
    group_label: str | None
    address: str = field(init=False, repr=False, compare=False)  # "t3.withheld.state_secret": read millions of times a run

    def __post_init__(self) -> None:
        object.__setattr__(self, "address", "t3." + ".".join(self.path))

    @property
    def full_label(self) -> str:
        return f"{self.group_label}{self.label}" if self.group_label else self.label


def _t3_rows() -> tuple[T3Row, ...]:
    rows: list[T3Row] = []
    top = L.T3_ROW_LABELS
    for key in ("new_received", "carried_over", "granted", "partial"):
        rows.append(T3Row((key,), top[key], None, None))
    for group, subrows in L.T3_GROUP_ROWS.items():
        for key, label in subrows.items():
            rows.append(T3Row((group, key), label, group, L.T3_GROUP_LABELS[group]))
    for key in ("total", "carried_forward"):
        rows.append(T3Row((key,), top[key], None, None))
    return tuple(rows)


T3_ROWS: tuple[T3Row, ...] = _t3_rows()
T3_ROW_BY_ADDRESS: dict[str, T3Row] = {r.address: r for r in T3_ROWS}
# Rows whose sum is （七）总计 (rule A2).
T3_RESULT_ROWS: tuple[T3Row, ...] = tuple(r for r in T3_ROWS if r.path[0] not in {"new_received", "carried_over", "total", "carried_forward"})


@dataclass(frozen=True, slots=True)
class T2Cell:
    block: str
    row: str
    column: str

    @property
    def address(self) -> str:
        return f"t2.{self.row}.{self.column}"

    @property
    def label(self) -> str:
        return f"{L.T2_ROW_LABELS[self.row]}·{L.T2_COLUMN_LABELS[self.column]}"


def _t2_cells() -> tuple[T2Cell, ...]:
    cols = {"art20_1": ("issued", "repealed", "in_force"), "art20_5": ("decisions",),
            "art20_6": ("decisions",), "art20_8": ("amount",)}
    return tuple(T2Cell(b, r, c) for b, rs in L.T2_BLOCK_ROWS.items() for r in rs for c in cols[b])


T2_CELLS: tuple[T2Cell, ...] = _t2_cells()

NARRATIVE_ADDRESSES: tuple[str, ...] = (
    "preamble", "p1.active", "p1.on_request", "p1.management", "p1.platform", "p1.oversight", "p5",
)

# Every numeric cell address, in document order: 10 + 175 + 15 = 200.
ALL_CELL_ADDRESSES: tuple[str, ...] = (
    tuple(c.address for c in T2_CELLS)
    + tuple(f"{r.address}.{c}" for r in T3_ROWS for c in T3_COLUMNS)
    + tuple(f"t4.{b}.{c}" for b in T4_BLOCKS for c in T4_COLUMNS)
)

_TABLE_ATTR = {"t2": "table2", "t3": "table3", "t4": "table4"}


def t3_row(table3: Table3, row: T3Row) -> Row3:
    obj: Any = table3
    for p in row.path:
        obj = getattr(obj, p)
    return obj


def _parent(report: Report, address: str) -> tuple[object, str]:
    parts = address.split(".")
    if len(parts) < 3 or parts[0] not in _TABLE_ATTR:
        raise KeyError(f"不是单元格地址：{address}")
    obj: object = getattr(report, _TABLE_ATTR[parts[0]])
    try:
        for p in parts[1:-1]:
            obj = getattr(obj, p)
        getattr(obj, parts[-1])
    except AttributeError:
        raise KeyError(f"不是单元格地址：{address}") from None
    return obj, parts[-1]


def get_cell(report: Report, address: str) -> int | Decimal | Blank:
    obj, attr = _parent(report, address)
    return getattr(obj, attr)


def set_cell(report: Report, address: str, value: int | Decimal | Blank) -> None:
    """Set one cell in place (callers copy first when they need the old report)."""
    obj, attr = _parent(report, address)
    setattr(obj, attr, value)


def iter_cells(report: Report) -> Iterator[tuple[str, int | Decimal | Blank]]:
    for address in ALL_CELL_ADDRESSES:
        yield address, get_cell(report, address)


def cell_label(address: str) -> str:
    """A Chinese label for a cell address, for messages: 表三「（三）不予公开1.属于国家秘密」行「商业企业」列."""
    parts = address.split(".")
    table = parts[0]
    if table == "t3":
        col = parts[-1]
        row_addr = ".".join(parts[:-1])
        if row_addr == "t3.*":
            return f"表三「{L.T3_COLUMN_LABELS[col]}」列"
        row = T3_ROW_BY_ADDRESS.get(row_addr)
        if row is None:
            row = T3_ROW_BY_ADDRESS.get(address)
            if row is not None:
                return f"表三「{row.full_label}」行"
            return address
        return f"表三「{row.full_label}」行「{L.T3_COLUMN_LABELS[col]}」列"
    if table == "t4" and len(parts) == 3:
        return f"表四「{L.T4_BLOCK_LABELS[parts[1]]}·{L.T4_COLUMN_LABELS[parts[2]]}」"
    if table == "t4" and len(parts) == 2:
        return f"表四「{L.T4_BLOCK_LABELS[parts[1]]}」"
    if table == "t2" and len(parts) == 3:
        return f"表二「{L.T2_ROW_LABELS[parts[1]]}·{L.T2_COLUMN_LABELS[parts[2]]}」"
    if table == "t2" and len(parts) == 2:
        return f"表二「{L.T2_ROW_LABELS[parts[1]]}」行"
    return narrative_label(address)


def location_label(location: Location) -> str:
    """Where a finding points, in words, the same wherever it is shown (check, export, audit, web):
    表三「（七）总计」行「总计」列, 五、存在的主要问题及改进情况（第3–5字）, 全文."""
    if location.address == "report":
        return "全文"
    try:
        label = cell_label(location.address)
    except (KeyError, ValueError, IndexError):  # an address the layout does not know: shown as is
        label = location.address
    if location.span:
        label += f"（第{location.span[0] + 1}–{location.span[1]}字）"
    return label


def narrative_label(address: str) -> str:
    if address.startswith("p1."):
        key = address[3:]
        idx = list(L.P1_SUBPART_TITLES).index(key)
        return f"一、总体情况（{L.CN_ORDINALS[idx]}）{L.P1_SUBPART_TITLES[key]}"
    if address == "p5":
        return f"五、{L.PART_TITLES['p5']}"
    if address.startswith("p6."):
        return f"六、{L.PART_TITLES['p6']}第{int(address[3:]) + 1}项"
    if address == "preamble":
        return "引言"
    if address == "meta.title":
        return "标题"
    if address in L.PART_NUMERALS:
        return f"{L.PART_NUMERALS[address]}、{L.PART_TITLES[address]}"
    return address


def iter_narrative(report: Report) -> Iterator[tuple[str, str]]:
    """(address, text) of every narrative piece, in document order."""
    yield "meta.title", report.meta.title
    yield "preamble", report.preamble
    p1 = report.part1
    yield "p1.active", p1.active
    yield "p1.on_request", p1.on_request
    yield "p1.management", p1.management
    yield "p1.platform", p1.platform
    yield "p1.oversight", p1.oversight
    yield "p5", report.part5
    for i, item in enumerate(report.part6):
        yield f"p6.{i}", item.text


def get_text(report: Report, address: str) -> str:
    for a, text in iter_narrative(report):
        if a == address:
            return text
    raise KeyError(address)


def set_text(report: Report, address: str, text: str) -> None:
    """Set one narrative piece (an address of ``iter_narrative``) in place."""
    if address == "meta.title":
        report.meta.title = text
    elif address == "preamble":
        report.preamble = text
    elif address.startswith("p1.") and address[3:] in L.P1_SUBPART_TITLES:
        setattr(report.part1, address[3:], text)
    elif address == "p5":
        report.part5 = text
    elif address.startswith("p6.") and address[3:].isdigit() and int(address[3:]) < len(report.part6):
        report.part6[int(address[3:])].text = text
    else:
        raise KeyError(address)
