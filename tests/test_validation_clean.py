"""The validator's two basic promises: no finding on a good report, and every table cell guarded."""

from __future__ import annotations

import pytest
from test_validation_support import describe, small_report

from assistant.validation import has_errors, validate
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas.layout import ALL_CELL_ADDRESSES, get_cell, set_cell

SEEDS = range(60)
T3_T4_CELLS = [a for a in ALL_CELL_ADDRESSES if a.startswith(("t3.", "t4."))]


def test_walk_covers_190_cells():
    assert len([a for a in T3_T4_CELLS if a.startswith("t3.")]) == 175
    assert len([a for a in T3_T4_CELLS if a.startswith("t4.")]) == 15


# ---- zero false positives ----------------------------------------------------------------------
def test_sample_has_no_findings(sample_gold):
    assert validate(sample_gold) == [], describe(validate(sample_gold))


def test_zero_report_has_no_findings():
    findings = validate(zero_report())
    assert findings == [], describe(findings)


@pytest.mark.parametrize("level", ["county", "township", "municipal"])
def test_zero_report_at_every_level_has_no_findings(level):
    findings = validate(zero_report(level=level, year=2022))
    assert findings == [], describe(findings)


def test_small_report_has_no_findings():
    findings = validate(small_report())
    assert findings == [], describe(findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_consistent_report_has_no_findings(seed):
    report = consistent_report(seed)
    findings = validate(report)
    assert findings == [], describe(findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_consistent_pair_has_no_findings(seed):
    report = consistent_report(seed)
    previous = previous_year_of(report, seed=seed)
    findings = validate(report, previous)
    assert findings == [], describe(findings)
    assert validate(previous) == [], describe(validate(previous))


@pytest.mark.parametrize("seed", range(10))
def test_other_years_and_levels_have_no_findings(seed):
    report = consistent_report(seed, year=2021 + seed % 4, level=("provincial", "municipal")[seed % 2])
    findings = validate(report, previous_year_of(report, seed=seed))
    assert findings == [], describe(findings)


def test_zero_report_with_its_previous_year_has_no_findings():
    this = zero_report(year=2023)
    findings = validate(this, previous_year_of(this))
    assert findings == [], describe(findings)


# ---- the 190-cell walk -------------------------------------------------------------------------
def _names(finding, address: str) -> bool:
    parts = address.split(".")
    row, column = ".".join(parts[:-1]), f"{parts[0]}.*.{parts[-1]}"
    return any(finding.location.names(a) for a in (address, row, column))


def _walk(report):
    missed = []
    for address in T3_T4_CELLS:
        changed = report.model_copy(deep=True)
        set_cell(changed, address, get_cell(report, address) + 1)
        findings = validate(changed)
        if not any(f.severity == "error" and _names(f, address) for f in findings):
            missed.append(address)
    return missed


def test_every_cell_of_the_sample_is_guarded(sample_gold):
    assert _walk(sample_gold) == []


@pytest.mark.parametrize("seed", [0, 7])
def test_every_cell_of_a_rich_report_is_guarded(seed):
    assert _walk(consistent_report(seed)) == []


def test_walk_detects_only_the_tables_not_the_text():
    # +1 in a cell the text also quotes: the table rules and the text rule both name it
    report = small_report()
    set_cell(report, "t3.granted.natural", 51)
    findings = validate(report)
    assert has_errors(findings)
    assert {f.rule for f in findings if f.location.names("t3.granted.natural")} >= {"A2", "A3"}
