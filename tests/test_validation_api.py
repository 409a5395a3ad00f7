"""The public surface: validate / has_errors / RULES, one firing and one quiet case per rule,
determinism, purity, Chinese messages, locations, and cost."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from test_validation_support import small_report, with_cell, with_text

import assistant.validation as validation
from assistant.validation import RULE_SEVERITY, RULES, has_errors, validate
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas import Finding
from schemas.layout import ALL_CELL_ADDRESSES, get_cell, iter_narrative
from schemas.report import Blank, PartHeading, SourceInfo

EXPECTED_RULES = ["A1", "A2", "A3", "A4", "B", "C1", "C2", "C3", "C4", "D1", "D2", "D3",
                  "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "F1", "F2", "F3", "F4", "F5", "F6", "F7"]


def test_public_names():
    assert set(validation.__all__) == {"validate", "has_errors", "RULES", "RULE_SEVERITY", "clear_cache", "FAMILIES",
                                      "family_of", "blank_summary"}


def test_registry_lists_every_rule_with_a_chinese_line():
    assert list(RULES) == EXPECTED_RULES
    for rule, line in RULES.items():
        assert re.search(r"[\u4e00-\u9fff]", line) and "\n" not in line, rule


def test_registry_severities_follow_the_reference():
    errors = {"A1", "A2", "A3", "A4", "B", "C1", "D1", "E1", "E2", "E3", "E4", "E5", "E6", "E7"}
    warnings = {"C2", "C4", "D2", "D3"}
    assert all(RULE_SEVERITY[r] == "error" for r in errors)
    assert all(RULE_SEVERITY[r] == "warning" for r in warnings)


def test_has_errors():
    def f(sev):
        return Finding(rule="F4", severity=sev, location={"address": "p5"}, message="示例")
    assert has_errors([f("warning"), f("error")]) and not has_errors([f("warning")]) and not has_errors([])
    assert not has_errors(iter([]))


# ---- one firing and one quiet case for every rule id -------------------------------------------
def _pair():
    this = consistent_report(31)
    return this, previous_year_of(this, seed=31)


def _cross(mutate):
    this, prev = _pair()
    return mutate(this, prev), prev


def _more(report, address, by):
    return with_cell(report, address, get_cell(report, address) + by)


def _imported_without_part_4(r):
    r = r.model_copy(deep=True)
    r.source = SourceInfo(kind="text", part_headings=[PartHeading(numeral="一", title="总体情况")])
    return r


ON = "p1.on_request"
CASES = {  # rule → (report that breaks it [, previous]), (report that keeps it [, previous])
    "A1": (lambda s: (with_cell(s, "t3.carried_over.natural", 5), None), lambda s: (s, None)),
    "A2": (lambda s: (with_cell(s, "t3.unable.unclear.research", 2), None), lambda s: (s, None)),
    "A3": (lambda s: (with_cell(s, "t3.withheld.third_party.other", 1), None), lambda s: (s, None)),
    "A4": (lambda s: (with_cell(s, "t3.granted.other", Blank(blank="/")), None), lambda s: (s, None)),
    "B": (lambda s: (_more(s, "t4.review.other", 1), None), lambda s: (s, None)),
    "C1": (lambda s: (with_cell(s, "t2.penalty.decisions", -1), None), lambda s: (s, None)),
    "C2": (lambda s: (with_cell(s, "t2.fees.amount", Decimal(125000)), None), lambda s: (s, None)),
    "C3": (lambda s: _cross(lambda t, p: with_cell(t, "t2.normative_docs.repealed", 10_000)), lambda s: _pair()),
    "C4": (lambda s: (with_cell(zero_report(level="township"), "t2.regulations.in_force", 1), None),
           lambda s: (with_cell(zero_report(level="municipal"), "t2.regulations.in_force", 1), None)),
    "D1": (lambda s: _cross(lambda t, p: _more(t, "t3.carried_over.other", 1)), lambda s: _pair()),
    "D2": (lambda s: _cross(lambda t, p: _more(t, "t2.regulations.in_force", 1)), lambda s: _pair()),
    "D3": (lambda s: _cross(lambda t, p: with_text(t, "p5", p.part5)), lambda s: _pair()),
    "E1": (lambda s: (with_text(s, ON, "本年度受理政府信息公开申请108件。"), None),
           lambda s: (with_text(s, ON, "本年度受理政府信息公开申请104件。"), None)),
    "E2": (lambda s: (with_text(s, ON, "不予公开3件。"), None), lambda s: (with_text(s, ON, "不予公开6件。"), None)),
    "E3": (lambda s: (with_text(s, ON, "予以公开60件，占60%。"), None),
           lambda s: (with_text(s, ON, "予以公开60件，占58.8%。"), None)),
    "E4": (lambda s: (with_text(s, ON, "政府信息公开行政复议均获维持。"), None),
           lambda s: (with_text(zero_report(), ON, "政府信息公开行政复议均获维持。"), None)),
    "E5": (lambda s: (with_text(s, "p1.active", "全年作出行政处罚决定30件。"), None),
           lambda s: (with_text(s, "p1.active", "全年作出行政处罚决定35件。"), None)),
    "E6": (lambda s: (with_text(s, ON, "本年度未收到政府信息公开申请。"), None),
           lambda s: (with_text(zero_report(), ON, "本年度未收到政府信息公开申请。"), None)),
    "E7": (lambda s: (with_text(s, "p1.active", "公开信息148条，其中政策30条、动态100条、公告28条。"), None),
           lambda s: (with_text(s, "p1.active", "公开信息148条，其中政策30条、动态100条、公告18条。"), None)),
    "E8": (lambda s: (with_text(s, "p6.0", "按规定执行。"), None), lambda s: (s, None)),
    "E9": (lambda s: (with_text(with_text(s, "p1.active", "通过门户网站专栏公开信息35条。"), "p1.platform",
                                "全年通过门户网站专栏公开政府信息28条。"), None),
           lambda s: (with_text(with_text(s, "p1.active", "通过门户网站专栏公开信息35条。"), "p1.platform",
                                "全年通过门户网站专栏公开政府信息35条。"), None)),
    "E10": (lambda s: (with_text(s, ON, "本机关严格按照法定时限答复政府信息公开申请。"), None),
            lambda s: (with_text(zero_report(), ON, "本机关严格按照法定时限答复政府信息公开申请。"), None)),
    "F1": (lambda s: (_imported_without_part_4(s), None), lambda s: (s, None)),
    "F2": (lambda s: (with_text(s, "p1.platform", ""), None), lambda s: (s, None)),
    "F3": (lambda s: (with_text(s, "preamble", "依据国办公开办函〔2019〕60号编制。"), None), lambda s: (s, None)),
    "F4": (lambda s: (with_text(s, "p1.active", "本年度制发规范性文件5件。"), None), lambda s: (s, None)),
    "F5": (lambda s: (with_text(s, "p1.platform", "2022年，本机关完成网站改版。"), None),
           lambda s: (with_text(s, "p1.platform", "2023年，本机关完成网站改版。"), None)),
    "F6": (lambda s: (with_text(s, ON, "共受理政府信息公开申请及信访件120件。"), None), lambda s: (s, None)),
    "F7": (lambda s: (with_text(s, ON, "本年度受理政府信息公开申请104条。"), None),
           lambda s: (with_text(s, ON, "本年度受理政府信息公开申请104件。"), None)),
}


def test_every_rule_has_cases():
    assert set(CASES) == set(RULES)


@pytest.mark.parametrize("rule", EXPECTED_RULES)
def test_rule_fires(rule):
    report, previous = CASES[rule][0](small_report())
    assert rule in {f.rule for f in validate(report, previous)}


@pytest.mark.parametrize("rule", EXPECTED_RULES)
def test_rule_stays_quiet(rule):
    report, previous = CASES[rule][1](small_report())
    assert rule not in {f.rule for f in validate(report, previous)}


def test_the_firing_cases_change_only_their_rule_family():
    # a single defect should not set off unrelated rules (noise hides the real problem)
    for rule in ("E1", "E2", "E3", "E5", "E6", "F4", "F5", "F6", "F7"):
        report, previous = CASES[rule][0](small_report())
        rules = {f.rule for f in validate(report, previous)}
        assert rules == {rule}, (rule, rules)


# ---- properties of the result ------------------------------------------------------------------
def _messy():
    r = small_report()
    r = with_cell(r, "t3.granted.natural", Blank())
    r = _more(r, "t4.review.other", 1)
    r = with_cell(r, "t2.fees.amount", Decimal(125000))
    r = with_text(r, ON, "2022年，本机关受理政府信息公开申请108条，其中予以公开50件，占60%；未收到政府信息公开申请。")
    r = with_text(r, "p1.platform", "")
    return r


def test_deterministic_and_pure():
    r = _messy()
    this, prev = _pair()
    before, before_prev = r.model_dump(), prev.model_dump()
    first = validate(r)
    assert first == validate(r) == validate(r.model_copy(deep=True))
    assert validate(this, prev) == validate(this, prev)
    assert r.model_dump() == before and prev.model_dump() == before_prev


def test_findings_ordered_by_rule():
    order = [EXPECTED_RULES.index(f.rule) for f in validate(_messy())]
    assert order == sorted(order) and len(set(order)) > 5


def test_messages_are_chinese_and_locations_valid():
    r = _messy()
    texts = dict(iter_narrative(r))
    valid = set(ALL_CELL_ADDRESSES) | set(texts) | {"report", "p1", "p2", "p3", "p4", "p5", "p6"}
    findings = validate(r)
    assert len(findings) > 8
    for f in findings:
        assert re.search(r"[\u4e00-\u9fff]", f.message) and not re.search(r"[A-Za-z]", f.message), f.message
        assert f.location.address in valid, f
        assert all(a in valid for a in f.location.related), f
        if f.location.span is not None:
            start, end = f.location.span
            assert 0 <= start < end <= len(texts[f.location.address]), f


# ---- cost --------------------------------------------------------------------------------------
# Speed is claimed by eval/bench_core.py, which prints its figures; here only the growth of the work
# is checked, by counting Python calls, which does not depend on how busy the machine is.
def _calls(fn, *, cold: bool = True) -> int:
    import sys

    from assistant.validation import clear_cache

    if cold:
        clear_cache()
    count = 0

    def profiler(frame, event, arg):
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profiler)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def test_work_is_linear_in_text():
    def report(n):
        r = small_report()
        r.part5 = "".join(f"第{i}项问题：本年度收到群众来信{i}件，公开信息{i * 3}条，其中政策{i}条、动态{i * 2}条。"
                          for i in range(n))
        return r

    small_r, big_r = report(200), report(2000)
    small_prev, big_prev = previous_year_of(small_r), previous_year_of(big_r)
    small = _calls(lambda: validate(small_r, small_prev))
    big = _calls(lambda: validate(big_r, big_prev))
    assert big < 11 * small, (small, big)  # 10× the text: about 10× the calls, far from 100×


def test_revalidation_reads_no_text_again(sample_gold):
    first = _calls(lambda: validate(sample_gold))
    again = _calls(lambda: validate(sample_gold), cold=False)
    assert again < first / 2, (first, again)


def test_clearing_the_text_cache_changes_no_result(sample_gold):
    from assistant.validation import clear_cache
    from eval.synthetic import consistent_report

    report = consistent_report(2)
    report.part1.on_request = report.part1.on_request.replace("新收政府信息公开申请", "新收政府信息公开申请1")
    warm = validate(report)
    clear_cache()
    assert validate(report) == warm and warm
