"""Check the gold of the staff corpus: every file has all 200 cells, table 三 and 四 add up, the
validator finds no table error (A1–A4, B, C1), and the named facts fit ``schemas.facts.Facts``.

    python eval/datasets/staff/check.py            # all *.json here
    python eval/datasets/staff/check.py tune-07.json

It checks the gold only; it never runs the reader.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from assistant.validation import validate
from schemas.facts import FACT_SPECS, TEXT_FIELDS, Facts
from schemas.layout import ALL_CELL_ADDRESSES, T3_RESULT_ROWS, T3_ROWS, set_cell
from schemas.report import Report

HERE = Path(__file__).resolve().parent
FIELDS = {"id", "agency", "year", "level", "held_out", "turns", "followups", "gold_cells", "gold_named",
          "gold_texts", "traps"}
APPLICANTS = ("natural", "commercial", "research", "public_interest", "legal_service", "other")
LEVELS = {"state_council_dept", "provincial", "municipal", "county", "township"}


def problems(d: dict) -> list[str]:
    out: list[str] = []
    if set(d) != FIELDS:
        out.append(f"fields: {sorted(set(d) ^ FIELDS)}")
    if d.get("level") not in LEVELS:
        out.append(f"level {d.get('level')!r}")
    g = d.get("gold_cells", {})
    if set(g) != set(ALL_CELL_ADDRESSES):
        return out + [f"cells: {sorted(set(g) ^ set(ALL_CELL_ADDRESSES))[:5]}"]
    for a, v in g.items():
        ok = isinstance(v, str) and Decimal(v) >= 0 if a == "t2.fees.amount" else isinstance(v, int) and v >= 0
        if not ok:
            out.append(f"{a} = {v!r}")
    cell = lambda row, col: g[f"{row}.{col}"]
    for col in (*APPLICANTS, "total"):
        if cell("t3.new_received", col) + cell("t3.carried_over", col) != cell("t3.total", col) + cell("t3.carried_forward", col):
            out.append(f"A1 {col}")
        if cell("t3.total", col) != sum(cell(r.address, col) for r in T3_RESULT_ROWS):
            out.append(f"A2 {col}")
    for r in T3_ROWS:
        if cell(r.address, "total") != sum(cell(r.address, c) for c in APPLICANTS):
            out.append(f"A3 {r.address}")
    for b in ("review", "litigation_direct", "litigation_after_review"):
        if cell(f"t4.{b}", "total") != sum(cell(f"t4.{b}", c) for c in ("upheld", "corrected", "other", "pending")):
            out.append(f"B {b}")
    report = Report()
    for a, v in g.items():
        set_cell(report, a, Decimal(v) if a == "t2.fees.amount" else v)
    out += [f"validator {f.rule}: {f.message}" for f in validate(report) if f.rule in {"A1", "A2", "A3", "A4", "B", "C1"}]
    try:
        Facts.model_validate({**d.get("gold_named", {}),
                              "cells": {a: Decimal(v) if a == "t2.fees.amount" else v for a, v in g.items()}})
    except Exception as e:
        out.append(f"gold_named: {e}")
    out += [f"followup key {k}" for k in d.get("followups", {}) if k not in FACT_SPECS and k not in ("t2", "t3", "t4")]
    out += [f"gold_texts key {k}" for k in d.get("gold_texts", {}) if k not in TEXT_FIELDS]
    return out


def main(argv: list[str]) -> int:
    paths = [HERE / a for a in argv] if argv else sorted(HERE.glob("*.json"))
    bad = 0
    for p in paths:
        found = problems(json.loads(p.read_text(encoding="utf-8")))
        bad += bool(found)
        print(f"{p.name}: {'ok' if not found else '; '.join(found)}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
