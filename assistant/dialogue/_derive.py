"""Cells that follow from the stated ones, and the changes that keep the stored derivations in step.

Two sources of derivation: the table sums of ``assistant.drafting.derive_cells`` (a 总计 from its
parts, zeros forced by a zero total), and, with last year's report, 现行有效 = last year's 现行有效
+ 本年制发 − 本年废止 (rule D2's base; a 清理 can reset the count, so the reply says how it was
computed and the user can correct it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.drafting import derive_cells
from assistant.storage import FactChange, StoredFact
from schemas.facts import Facts, is_cell
from schemas.layout import get_cell
from schemas.report import Report

__all__ = ["derivation_changes", "derivations", "merged_cells", "previous_in_force"]

_DOC_ROWS = ("regulations", "normative_docs")


def previous_in_force(previous: Report | None) -> dict[str, int]:
    """Last year's 现行有效件数 per row (规章, 行政规范性文件), where it is a number."""
    if previous is None:
        return {}
    out = {}
    for row in _DOC_ROWS:
        v = get_cell(previous, f"t2.{row}.in_force")
        if isinstance(v, int) and not isinstance(v, bool):
            out[row] = v
    return out


def derivations(stated: Facts, previous: Report | None = None) -> dict[str, tuple[Any, str]]:
    """{address: (value, reason in Chinese)} for every cell not stated that follows from the facts."""
    out: dict[str, tuple[Any, str]] = dict(derive_cells(stated))
    for row, base in previous_in_force(previous).items():
        address = f"t2.{row}.in_force"
        issued, repealed = stated.cell_int(f"t2.{row}.issued"), stated.cell_int(f"t2.{row}.repealed")
        if address in stated.cells or issued is None or repealed is None:
            continue
        value = base + issued - repealed
        if value >= 0:
            out[address] = (value, f"上年现行有效{base}件＋本年制发{issued}件－本年废止{repealed}件"
                                   "（按上年报告推算；如本年做过清理，请直接告诉我实际件数）")
    return out


def merged_cells(stated: Facts, derived: Mapping[str, tuple[Any, str]]) -> dict[str, Any]:
    cells = {a: v for a, (v, _) in derived.items()}
    cells.update(stated.cells)
    return cells


def derivation_changes(stored: Mapping[str, StoredFact], stated: Facts,
                       derived: Mapping[str, tuple[Any, str]]) -> list[FactChange]:
    """Changes that make the stored derivations equal ``derived``: new or changed derived cells,
    and derived cells that no longer follow (cleared). Stated cells are never touched."""
    out: list[FactChange] = []
    for address, (value, reason) in derived.items():
        if address in stated.cells:
            continue
        cur = stored.get(address)
        if cur is not None and cur.state == "set" and cur.source == "derivation" and cur.value == value \
                and type(cur.value) is type(value) and cur.quote == reason:
            continue
        out.append(FactChange(address, value, "set", reason))
    for address, cur in stored.items():
        if is_cell(address) and cur.source == "derivation" and cur.state == "set" \
                and address not in derived and address not in stated.cells:
            out.append(FactChange(address, None, "cleared", "推算依据已变化，不再推算"))
    return out
