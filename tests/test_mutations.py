"""Planted defects (eval.mutations): every rule covered, each defect fires its rule at its
address and stays within its family, deterministic, and still there after rendering and re-import."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

import eval.mutations as mutations
from assistant.export import build_docx, render_html, render_markdown
from assistant.importing import parse_docx, parse_html, parse_text
from assistant.validation import RULES, validate
from eval.mutations import (
    COMPANION_RULES,
    CROSS_YEAR_RULES,
    FAMILIES,
    Defect,
    defects,
    defects_for,
    plant,
    variant_names,
)
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas.report import Blank

SEEDS = range(21)


def _fires(d: Defect, findings) -> bool:
    return any(f.rule == d.rule and f.location.address == d.address for f in findings)


def _describe(findings) -> str:
    return "\n".join(f"{f.rule} {f.location.address} {f.message}" for f in findings)


@pytest.fixture(scope="module")
def planted() -> dict[int, list[Defect]]:
    return {seed: defects(seed) for seed in SEEDS}


def test_public_names():
    assert set(mutations.__all__) == {"COMPANION_RULES", "CROSS_YEAR_RULES", "FAMILIES", "Defect", "defects",
                                      "defects_for", "plant", "variant_names"}
    assert list(FAMILIES) == ["A", "B", "C", "D", "E", "F"]
    assert all(re.fullmatch(r"[\u4e00-\u9fff、，]+", name) for name in FAMILIES.values())


def test_the_clean_reports_have_no_findings():
    # the base of every defect: a finding here would be blamed on the defect
    for seed in range(51):
        report = consistent_report(seed)
        assert validate(report, previous_year_of(report, seed)) == [], seed


@pytest.mark.parametrize("level", ["county", "township"])
def test_the_clean_base_of_a_local_agency_has_no_findings(level):
    # consistent_report fills 规章 for every level (C4); defects() gives such an agency a 0 row
    for seed in range(3):
        d = defects_for("A1", seed, agency="示例县某某局", level=level)[0]
        base = consistent_report(seed, agency="示例县某某局", level=level)
        assert {f.rule for f in validate(base)} == {"C4"}
        assert {f.rule for f in validate(d.report)} <= {"A1", "A2", "A3"}


def test_every_rule_has_variants():
    assert set(mutations._VARIANTS) == set(RULES)
    for rule in RULES:
        names = variant_names(rule)
        assert names and len(set(names)) == len(names), rule
        assert all(re.fullmatch(r"[a-z0-9_]+", n) for n in names), names
        if rule[0] in "ABC":
            assert len(names) >= 2, rule
        if rule[0] == "E":
            assert len(names) >= 2, rule


def test_defects_cover_every_rule_and_fill_every_field(planted):
    ds = planted[0]
    assert {d.rule for d in ds} == set(RULES)
    assert len({(d.rule, d.name) for d in ds}) == len(ds)
    for d in ds:
        assert d.family == d.rule[0] and d.family in FAMILIES
        assert re.search(r"[\u4e00-\u9fff]", d.description), d
        assert (d.previous is not None) == (d.rule in CROSS_YEAR_RULES), d.rule
        assert d.address


def test_each_defect_fires_its_rule_at_its_address(planted):
    missed = []
    for seed, ds in planted.items():
        for d in ds:
            findings = validate(d.report, d.previous)
            if not _fires(d, findings):
                missed.append(f"seed {seed} {d.rule}/{d.name} @ {d.address}:\n{_describe(findings)}")
    assert not missed, "\n\n".join(missed[:5])


def test_each_defect_stays_within_its_family(planted):
    # a defect must not set off unrelated rules, except where one inherently implies another
    strays = Counter()
    for ds in planted.values():
        for d in ds:
            allowed = COMPANION_RULES.get(d.rule, frozenset())
            for f in validate(d.report, d.previous):
                if f.rule[0] != d.family and f.rule not in allowed:
                    strays[(d.rule, d.name, f.rule)] += 1
    assert not strays, strays


def test_companion_rules_really_come_together(planted):
    # the documented exceptions are not just tolerated: they are necessary
    for ds in planted.values():
        for d in ds:
            if d.rule in COMPANION_RULES:
                assert COMPANION_RULES[d.rule] <= {f.rule for f in validate(d.report, d.previous)}


def test_each_defect_changes_its_report(planted):
    base = consistent_report(0)
    previous = previous_year_of(base, 0)
    for d in planted[0]:
        changed = d.report != base or (d.previous is not None and d.previous != previous)
        assert changed, d.name


def test_deterministic_per_seed(planted):
    again = defects(3)
    assert [(d.rule, d.name, d.address, d.description) for d in again] == \
        [(d.rule, d.name, d.address, d.description) for d in planted[3]]
    assert [d.report for d in again] == [d.report for d in planted[3]]
    assert [d.previous for d in again] == [d.previous for d in planted[3]]
    # different seeds give different numbers
    assert [d.report for d in planted[4]] != [d.report for d in planted[3]]


def test_defects_for_is_the_slice_of_defects(planted):
    for rule in ("A1", "D1", "E3", "F1"):
        mine = defects_for(rule, 5)
        assert [(d.name, d.report, d.previous) for d in mine] == \
            [(d.name, d.report, d.previous) for d in planted[5] if d.rule == rule]
    with pytest.raises(KeyError):
        defects_for("Z9")


def test_other_years_and_agencies():
    for kw in ({"year": 2021}, {"year": 2024, "agency": "示例省教育厅", "level": "provincial"},
               {"agency": "示例县民政局", "level": "county"}):
        for d in defects(2, **kw):
            findings = validate(d.report, d.previous)
            assert _fires(d, findings), (kw, d.rule, d.name, _describe(findings))
            assert all(f.rule[0] == d.family or f.rule in COMPANION_RULES.get(d.rule, ()) for f in findings), \
                (kw, d.name, _describe(findings))


# ---- plant -------------------------------------------------------------------------------------
def test_plant_into_a_given_report_leaves_the_inputs_alone():
    report = consistent_report(12)
    previous = previous_year_of(report, 12)
    before, before_prev = report.model_dump(), previous.model_dump()
    rng = random.Random(1)
    for rule in RULES:
        d = plant(report, rule, rng, previous if rule in CROSS_YEAR_RULES else None)
        assert d.rule == rule and d.name in variant_names(rule)
        assert _fires(d, validate(d.report, d.previous)), (rule, d.name)
    assert report.model_dump() == before and previous.model_dump() == before_prev


def test_plant_makes_last_years_report_when_needed():
    d = plant(consistent_report(4), "D1", random.Random(2))
    assert d.previous is not None and d.previous.meta.report_year == 2022
    assert _fires(d, validate(d.report, d.previous))


def test_plant_is_deterministic_for_an_rng_state():
    report = consistent_report(6)
    a = [plant(report, r, random.Random(9)) for r in ("A2", "E2", "F5")]
    b = [plant(report, r, random.Random(9)) for r in ("A2", "E2", "F5")]
    assert [(d.name, d.report) for d in a] == [(d.name, d.report) for d in b]


def test_plant_skips_variants_that_do_not_apply():
    # a report of an agency with no applications: no count to misquote, yet F7 and E1 can be planted
    report = zero_report()
    assert validate(report) == []
    for rule in ("E1", "F4", "F5", "A1", "B"):
        d = plant(report, rule, random.Random(3))
        assert _fires(d, validate(d.report, d.previous)), rule
    with pytest.raises(ValueError, match="无法在该报告中植入"):
        plant(report, "E6", random.Random(3))  # "未收到申请" is true of this report
    with pytest.raises(KeyError):
        plant(report, "Z9", random.Random(3))


def test_plant_refuses_a_report_with_blank_cells():
    report = consistent_report(5)
    report.table4.review.other = Blank(blank="/")
    with pytest.raises(ValueError, match="表四「行政复议·其他结果」为空白"):
        plant(report, "B", random.Random(1))


# ---- surviving the renderers -------------------------------------------------------------------
# The batch audit renders reports to files and imports them again. Text for two seeds; HTML for one;
# DOCX (about 0.4 s a document) for one defect of each family only.
_FORMATS = {
    "text": lambda r: parse_text(render_markdown(r)),
    "html": lambda r: parse_html(render_html(r)),
    "docx": lambda r: parse_docx(build_docx(r)),
}


def _survival(ds: list[Defect], fmt: str) -> tuple[list[str], list[str]]:
    through = _FORMATS[fmt]
    lost, kept = [], []
    for d in ds:
        back = through(d.report)
        previous = through(d.previous) if d.previous is not None else None
        fires = _fires(d, validate(back, previous))
        if d.in_source_only and fires:
            kept.append(f"{d.rule}/{d.name}")
        elif not d.in_source_only and not fires:
            lost.append(f"{d.rule}/{d.name} @ {d.address}")
    return lost, kept


@pytest.mark.parametrize("seed, fmt", [(0, "text"), (1, "text"), (0, "html")])
def test_defects_survive_rendering_and_import(seed, fmt):
    lost, kept = _survival(defects(seed), fmt)
    assert not lost, lost
    assert not kept, f"marked in_source_only, yet rendering keeps them: {kept}"


def test_defects_survive_docx():
    first_of_family: dict[str, Defect] = {}
    for d in defects(2):
        if not d.in_source_only:
            first_of_family.setdefault(d.family, d)
    lost, _ = _survival(list(first_of_family.values()), "docx")
    assert len(first_of_family) == 6 and not lost, lost
