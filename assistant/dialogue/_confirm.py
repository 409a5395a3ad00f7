"""The short confirmation that ends every reply: exactly what was recorded, label and value.

Named facts one by one (a correction shows the old value); table cells per row, or collapsed when
they are all 0; free text by its first words and its length.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from assistant.dialogue._planner import describe_fields
from assistant.storage import FactChange
from schemas import labels as L
from schemas.facts import fact_label, is_cell, spec_of
from schemas.layout import ALL_CELL_ADDRESSES, T2_CELLS, T3_ROWS, T4_BLOCKS, T4_COLUMNS
from schemas.report import Blank

__all__ = ["change_lines", "excerpt", "show_value"]

_EXCERPT = 24
_ORDER = {a: i for i, a in enumerate(ALL_CELL_ADDRESSES)}


def excerpt(text: str, n: int = _EXCERPT) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= n else f"“{text[:n]}……”（共{len(text)}字）"


def show_value(field: str, value: Any) -> str:
    """A value as the user would say it: 148条, 是, 市级, 0.25万元, the first words of a text."""
    if isinstance(value, Blank):
        return f"“{value.blank or '空白'}”（空白，不计为0）"
    spec = spec_of(field)
    if spec is None or value is None:
        return str(value)
    k, unit = spec.kind, spec.unit
    if k == "bool":
        return "是" if value else "否"
    if k == "level":
        return L.AGENCY_LEVEL_LABELS.get(value, str(value))
    if k == "year":
        return f"{value}年"
    if k == "count":
        return f"{value}{unit}"
    if k == "percent":
        return f"{_num(value)}%"
    if k in ("money_yuan", "cell_money"):
        return f"{_num(value)}{unit}"
    if k == "text":
        return excerpt(str(value))
    return _num(value) if isinstance(value, (int, Decimal)) else str(value)


def _num(v: Any) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")  # 1E+2 → 100, 0.2500 → 0.25
    return str(v)


def _cells_text(cells: Mapping[str, Any], old: Mapping[str, Any]) -> list[str]:
    """Cell values per table row; a changed value shows what it was."""

    def one(address: str, label: str) -> str:
        v = cells[address]
        shown = show_value(address, v)
        before = old.get(address)
        if before is not None and before != v:
            return f"{label}{shown}（原为{show_value(address, before)}）"
        return f"{label}{shown}"

    out: list[str] = []
    rows: dict[str, list[str]] = {}
    for c in T2_CELLS:
        if c.address in cells:
            rows.setdefault(f"表二「{L.T2_ROW_LABELS[c.row]}」", []).append(
                one(c.address, L.T2_COLUMN_LABELS[c.column].split("（")[0]))
    for r in T3_ROWS:
        for col, label in L.T3_COLUMN_LABELS.items():
            a = f"{r.address}.{col}"
            if a in cells:
                rows.setdefault(f"表三「{r.full_label}」", []).append(one(a, label))
    for b in T4_BLOCKS:
        for col in T4_COLUMNS:
            a = f"t4.{b}.{col}"
            if a in cells:
                rows.setdefault(f"表四「{L.T4_BLOCK_LABELS[b]}」", []).append(one(a, L.T4_COLUMN_LABELS[col]))
    for row, parts in rows.items():
        out.append(f"{row}：{'、'.join(parts)}")
    return out


def _table_lines(cells: Mapping[str, Any], old: Mapping[str, Any]) -> list[str]:
    if not cells:
        return []
    zeros = all(v == 0 and not isinstance(v, Blank) for v in cells.values()) and not any(
        old.get(a) not in (None, 0) for a in cells)
    if zeros:
        return ["、".join(describe_fields(cells)) + ("：均为0" if len(cells) > 1 else "：0")]
    # rows that are all zero are collapsed; the rest listed cell by cell
    zero_rows: dict[str, list[str]] = {}
    rest: dict[str, Any] = {}
    for a in cells:
        row = a.rsplit(".", 1)[0]
        zero_rows.setdefault(row, []).append(a)
    for addrs in zero_rows.values():
        if not all(cells[a] == 0 and not isinstance(cells[a], Blank) and old.get(a) in (None, 0) for a in addrs):
            rest.update({a: cells[a] for a in addrs})
    zero_cells = [a for a in cells if a not in rest]
    lines = _cells_text(dict(sorted(rest.items(), key=lambda kv: _ORDER[kv[0]])), old)
    if zero_cells:
        lines.append("、".join(describe_fields(zero_cells)) + ("：均为0" if len(zero_cells) > 1 else "：0"))
    return lines


def change_lines(changes: Iterable[FactChange], old: Mapping[str, Any], *, corrected: str = "（已更正）") -> list[str]:
    """One line per named fact, per table row (or one for a block of zeros), one for pending marks.
    ``old``: the values before these changes, to show corrections."""
    named: list[str] = []
    cells: dict[str, Any] = {}
    pending: list[str] = []
    cleared: list[str] = []
    for ch in changes:
        if ch.state == "pending":
            pending.append(ch.field)
        elif ch.state == "cleared":
            cleared.append(ch.field)
        elif is_cell(ch.field):
            cells[ch.field] = ch.value
        else:
            before = old.get(ch.field)
            shown = show_value(ch.field, ch.value)
            if before is not None and before != ch.value:
                named.append(f"{fact_label(ch.field)}：{show_value(ch.field, before)} → {shown}{corrected}")
            else:
                named.append(f"{fact_label(ch.field)}：{shown}")
    lines = named + _table_lines(cells, old)
    if pending:
        lines.append("待定（之后再补）：" + "、".join(describe_fields(pending)))
    if cleared:
        lines.append("已清除：" + "、".join(describe_fields(cleared)))
    return lines
