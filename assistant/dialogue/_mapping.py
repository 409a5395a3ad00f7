"""Facts ↔ Store: the stored current values as a ``Facts``, and the difference of two ``Facts`` as
the ``FactChange`` list to record.

Derived cells are stored (source "derivation") so the report can be rebuilt from the database
alone, but derivation always starts again from what was stated: ``facts_from_store`` leaves them
out unless asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from assistant.storage import FactChange, StoredFact
from schemas.facts import CELL_ADDRESSES, FACT_SPECS, Facts, is_cell
from schemas.layout import ALL_CELL_ADDRESSES
from schemas.report import Blank

__all__ = ["FactValue", "changes_between", "facts_from_store", "facts_from_values", "with_changes"]

_MONEY_CELL = "t2.fees.amount"

# (state, value, quote, derived) of one field
FactValue = tuple[str, Any, str, bool]


def _cell_ok(address: str, value: Any) -> bool:
    if isinstance(value, Blank):
        return True
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value < 0:
        return False
    return address == _MONEY_CELL or value == int(value)


def facts_from_values(values: Mapping[str, FactValue], *, derived: bool = False) -> Facts:
    """A ``Facts`` from field → (state, value, quote, is_derived). Values that do not fit the
    field's type (an old row, a hand edit) are left out rather than failing the whole draft."""
    facts = Facts()
    cells: dict[str, Any] = {}
    pending: dict[str, str] = {}
    quotes: dict[str, str] = {}
    for name, (state, value, quote, is_derived) in values.items():
        if state == "pending" and (name in FACT_SPECS or name in CELL_ADDRESSES):
            pending[name] = quote
            continue
        if state != "set" or value is None:
            continue
        if is_cell(name):
            if (is_derived and not derived) or not _cell_ok(name, value):
                continue
            cells[name] = Decimal(value) if name == _MONEY_CELL and isinstance(value, int) else value
        elif name in FACT_SPECS:
            try:
                setattr(facts, name, value)
            except ValidationError:
                continue
        else:
            continue
        quotes[name] = quote
    facts.cells = cells
    facts.pending = {k: v for k, v in pending.items() if facts.get(k) is None}
    facts.quotes = quotes
    return facts


def facts_from_store(stored: Mapping[str, StoredFact], *, derived: bool = False) -> Facts:
    return facts_from_values(
        {k: (f.state, f.value, f.quote, f.source == "derivation") for k, f in stored.items()}, derived=derived)


def with_changes(values: Mapping[str, FactValue], changes: Iterable[FactChange], *,
                 derived: bool = False) -> dict[str, FactValue]:
    """``values`` after ``changes`` (cleared fields removed)."""
    out = dict(values)
    for ch in changes:
        if ch.state == "cleared":
            out.pop(ch.field, None)
        else:
            out[ch.field] = (ch.state, ch.value, ch.quote, derived)
    return out


def _same(a: Any, b: Any) -> bool:
    return (type(a) is type(b) and a == b) or (
        isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal))
        and not isinstance(a, bool) and not isinstance(b, bool) and a == b)


def changes_between(before: Facts, after: Facts, *, skip: Iterable[str] = ()) -> list[FactChange]:
    """What to record so that ``before`` becomes ``after``: new or changed values, new pending
    marks. A value said again unchanged is not a change."""
    skip = set(skip)
    out: list[FactChange] = []
    for name in (*FACT_SPECS, *ALL_CELL_ADDRESSES):
        if name in skip:
            continue
        old, new = before.get(name), after.get(name)
        if new is not None and (old is None or not _same(old, new)):
            out.append(FactChange(name, new, "set", after.quotes.get(name, "")))
        elif new is None and name in after.pending and name not in before.pending:
            out.append(FactChange(name, None, "pending", after.pending[name]))
    return out
