"""One read of a draft: its facts as stored, as stated (derivation starts from these), and with
derived cells; last year's report; the revision a write computed from this read must expect."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.dialogue._derive import derivations
from assistant.dialogue._mapping import FactValue, facts_from_values
from assistant.storage import DraftInfo, Store, StoredFact
from schemas.facts import Facts
from schemas.report import Report

__all__ = ["State", "full_facts", "read_state"]


@dataclass(frozen=True, slots=True)
class State:
    draft: DraftInfo
    stored: dict[str, StoredFact]
    values: dict[str, FactValue]
    stated: Facts  # without derived cells
    full: Facts  # with derived cells
    previous: Report | None

    @property
    def old_values(self) -> dict[str, Any]:
        """Current values, to show what a correction replaced."""
        return {k: f.value for k, f in self.stored.items() if f.state == "set"}


def full_facts(stated: Facts, derived: dict[str, tuple[Any, str]]) -> Facts:
    cells = dict(stated.cells)
    for address, (value, _) in derived.items():
        cells.setdefault(address, value)
    return stated.model_copy(update={"cells": cells,
                                     "pending": {k: q for k, q in stated.pending.items() if k not in cells}})


def read_state(store: Store, draft_id: int) -> State:
    draft = store.get_draft(draft_id)  # first: its revision is what the write will expect
    stored = store.facts(draft_id)
    previous = store.previous_report(draft_id)
    values: dict[str, FactValue] = {k: (f.state, f.value, f.quote, f.source == "derivation") for k, f in stored.items()}
    stated = facts_from_values(values)
    return State(draft, stored, values, stated, full_facts(stated, derivations(stated, previous)), previous)
