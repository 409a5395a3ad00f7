"""Table rules A1–A4, B, C1–C4 and the cross-year rules C3, D1, D2."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_validation_support import describe, of_rule, small_report, with_cell

from assistant.validation import has_errors, validate
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas.layout import T2_CELLS, T3_COLUMNS, T3_RESULT_ROWS, get_cell, set_cell
from schemas.report import Blank, SourceInfo


@pytest.fixture(scope="module")
def small():
    return small_report()


# ---- A1–A3 -------------------------------------------------------------------------------------
def test_a1_per_column_with_all_four_cells(small):
    r = with_cell(small, "t3.carried_over.natural", 5)
    findings = validate(r)
    f, = of_rule(findings, "A1")  # the 总计 column still balances: A3 reports the row
    assert [a.location.address for a in of_rule(findings, "A3")] == ["t3.carried_over.total"]
    assert f.severity == "error" and f.location.address == "t3.new_received.natural"
    assert set(f.location.related) == {"t3.new_received.natural", "t3.carried_over.natural",
                                       "t3.total.natural", "t3.carried_forward.natural"}
    assert f.message.startswith("表三「自然人」列：第一项加第二项之和（91）应等于第三项总计加第四项之和（90）")


def test_a1_holds_on_every_column(small):
    assert of_rule(validate(small), "A1") == []


def test_a2_per_column_names_every_result_row(small):
    r = with_cell(small, "t3.unable.unclear.research", 2)
    a2 = of_rule(validate(r), "A2")
    assert [f.location.address for f in a2] == ["t3.total.research"]
    related = a2[0].location.related
    assert "t3.total.research" in related and len(related) == 1 + len(T3_RESULT_ROWS)
    assert all(f"{row.address}.research" in related for row in T3_RESULT_ROWS)
    assert "（2）应等于（七）总计（0）" in a2[0].message


def test_a3_per_row(small):
    r = with_cell(small, "t3.withheld.third_party.other", 1)
    a3 = of_rule(validate(r), "A3")
    assert [f.location.address for f in a3] == ["t3.withheld.third_party.total"]
    assert len(a3[0].location.related) == 7
    assert "「（三）不予公开4.保护第三方合法权益」行" in a3[0].message


def test_a_rules_fire_at_most_once_per_column_and_row():
    r = consistent_report(4)
    for row in ("granted", "partial", "carried_forward"):
        for c in T3_COLUMNS:
            set_cell(r, f"t3.{row}.{c}", get_cell(r, f"t3.{row}.{c}") + 3)
    findings = validate(r)
    assert len(of_rule(findings, "A1")) <= 7 and len(of_rule(findings, "A2")) <= 7
    assert len(of_rule(findings, "A3")) <= 25


# ---- A4 ----------------------------------------------------------------------------------------
def test_a4_blank_is_reported_and_then_counted_as_zero(sample_gold):
    r = with_cell(sample_gold, "t3.withheld.inquiry.commercial", Blank(blank="/"))
    findings = validate(r)
    f, = findings  # reported once; as 0 it breaks no equation of the all-zero sample
    assert f.rule == "A4" and f.severity == "error" and f.location.address == "t3.withheld.inquiry.commercial"
    assert "“/”" in f.message and "按0" in f.message


def test_a4_blank_where_a_number_was_breaks_the_sums(small):
    r = with_cell(small, "t3.granted.natural", Blank())
    rules = {f.rule for f in validate(r)}
    assert {"A4", "A2", "A3"} <= rules


@pytest.mark.parametrize("address", ["t4.review.pending", "t2.licensing.decisions", "t2.fees.amount"])
def test_a4_blank_in_tables_2_and_4(small, address):
    r = with_cell(small, address, Blank(blank="—"))
    assert [f.location.address for f in of_rule(validate(r), "A4")] == [address]


def test_a4_names_cells_the_importer_could_not_read(small):
    r = with_cell(small, "t3.other_handling.other.natural", Blank())
    r.source = SourceInfo(kind="text", missing=["t3.other_handling.other.natural"])
    f, = of_rule(validate(r), "A4")
    assert "导入时未能" in f.message


def test_a4_negative_cell(small):
    r = with_cell(small, "t4.litigation_after_review.other", -1)
    f, = of_rule(validate(r), "A4")
    assert "负数" in f.message and f.location.address == "t4.litigation_after_review.other"


def test_default_report_has_every_cell_blank():
    from schemas import Report
    from schemas.layout import ALL_CELL_ADDRESSES
    a4 = of_rule(validate(Report()), "A4")
    named = [a for f in a4 for a in (f.location.related or (f.location.address,))]
    assert sorted(named) == sorted(ALL_CELL_ADDRESSES)  # every blank cell named once
    assert len(a4) == 25 + 3 + 6  # one finding per row: 25 of table 三, 3 blocks of 四, 6 rows of 二
    from schemas.layout import location_label
    t2 = next(f for f in a4 if f.location.address == "t2.regulations")
    assert location_label(t2.location) == "表二「规章」行" and t2.message.startswith("表二「规章」行整行空白")


def test_blank_cells_are_one_finding_per_row_and_a_lone_blank_keeps_its_cell(small):
    from assistant.validation import blank_summary
    r = with_cell(small, "t3.granted.total", Blank(blank=""))
    for col in ("natural", "commercial", "total"):
        r = with_cell(r, f"t3.withheld.third_party.{col}", Blank(blank="/"))
    a4 = of_rule(validate(r), "A4")
    assert [f.location.address for f in a4] == ["t3.granted.total", "t3.withheld.third_party"]
    row = a4[1]
    assert row.location.related == tuple(f"t3.withheld.third_party.{c}" for c in ("natural", "commercial", "total"))
    assert "有3格空白（自然人、商业企业、总计，原表为“/”）" in row.message and "保护第三方合法权益" in row.message
    (t3,) = blank_summary(r, a4)
    assert (t3.table, len(t3.rows), t3.cells, t3.findings) == ("表三", 2, 4, frozenset(a4))
    assert t3.sentence() == "表三有2行空白（共4格）：（一）予以公开、（三）不予公开4.保护第三方合法权益"
    # a "/" is not merged with cells left empty in the same row: each says what it held
    r = with_cell(r, "t3.withheld.third_party.legal_service", Blank(blank=""))
    r = with_cell(r, "t3.withheld.third_party.other", Blank(blank=""))
    a4 = of_rule(validate(r), "A4")
    assert [len(f.location.related) for f in a4] == [0, 3, 2] and "原表为" not in a4[2].message
    # blank totals counted as the sum of their parts keep their own findings, which say so
    r = small
    for col in ("natural", "commercial", "total"):
        r = with_cell(r, f"t3.total.{col}", Blank(blank=""))
    totals = [f for f in of_rule(validate(r), "A4") if f.location.address.startswith("t3.total")]
    assert len(totals) == 3 and all("各项之和" in f.message and not f.location.related for f in totals)
    assert blank_summary(r, of_rule(validate(r), "A4"))[0].rows[-1] == "表三「（七）总计」行"


# ---- a blank 总计 is not 0; a 2019-format table is not the 2021 one ----------------------------------
@pytest.mark.parametrize(("address", "summed"), [
    ("t3.unable.not_held.total", "本行六类申请人之和（15）"),
    ("t3.total.legal_service", "本列（一）至（六）各项之和（4）"),
    ("t4.review.total", "结果维持、结果纠正、其他结果、尚未审结之和（4）"),
])
def test_a_blank_total_counts_as_the_sum_of_its_filled_parts(small, address, summed):
    r = with_cell(small, address, Blank(blank=""))
    r.part1.oversight = "本年度发生政府信息公开行政复议4件。"
    r.part1.on_request += "其中因本机关不掌握相关政府信息无法提供15件。"
    findings = validate(r)
    f, = findings  # reported once: no A1/A2/A3/B or E finding compares the others with 0
    assert f.rule == "A4" and f.location.address == address and summed in f.message


def test_a_blank_total_with_a_blank_part_is_still_counted_as_0(small):
    r = with_cell(small, "t3.granted.total", Blank())
    r = with_cell(r, "t3.granted.commercial", Blank())
    rules = {f.rule for f in validate(r)}
    assert {"A4", "A2"} <= rules  # nothing to sum it from: the format's rule (0 after reporting) holds


def _trial_format(report, year):
    r = report.model_copy(deep=True)
    r.meta.report_year = year
    r.source = SourceInfo(kind="text", format_version="2019")
    for a in (c.address for c in T2_CELLS):
        set_cell(r, a, Blank())
    for row in ("no_correction", "unpaid_fee", "other"):
        for c in T3_COLUMNS:
            set_cell(r, f"t3.other_handling.{row}.{c}", Blank())
    r.part1.active = "全年主动公开政府信息300条。"
    r.part1.on_request = r.part1.on_request.replace("，其他处理2件", "")
    return r


def test_a_2020_report_in_the_2019_format_is_not_asked_for_2021_cells(small):
    r = _trial_format(small, 2020)
    findings = validate(r)
    assert of_rule(findings, "A4") == [], describe(findings)
    # （六）其他处理 (2 in 自然人) was not read: what was read must not exceed the totals, and does not
    assert not ({"A1", "A2", "A3"} & {f.rule for f in findings}), describe(findings)
    r = with_cell(r, "t3.granted.natural", get_cell(r, "t3.granted.natural") + 3)
    assert {f.location.address for f in of_rule(validate(r), "A2")} == {"t3.total.natural"}


def test_a_2022_report_in_the_2019_format_is_still_asked_for_2021_cells(small):
    a4 = of_rule(validate(_trial_format(small, 2022)), "A4")
    assert any(f.location.address.startswith("t2.") for f in a4)
    assert any(f.location.address.startswith("t3.other_handling") for f in a4)


def test_cross_year_rules_skip_cells_not_known_this_year(pair):
    this, prev = pair
    r = with_cell(this, "t3.carried_over.natural", Blank())
    r = with_cell(r, "t2.normative_docs.in_force", Blank())
    findings = validate(r, prev)
    assert not of_rule(findings, "D1") and not of_rule(findings, "D2") and not of_rule(findings, "C3")


# ---- B -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("block", ["review", "litigation_direct", "litigation_after_review"])
def test_b_per_block(small, block):
    r = with_cell(small, f"t4.{block}.other", get_cell(small, f"t4.{block}.other") + 2)
    b, = of_rule(validate(r), "B")
    assert b.location.address == f"t4.{block}.total" and len(b.location.related) == 5
    assert of_rule(validate(small), "B") == []


# ---- C1, C2, C4 --------------------------------------------------------------------------------
def test_c1_negative_table_2(small):
    r = with_cell(small, "t2.normative_docs.repealed", -2)
    f, = of_rule(validate(r), "C1")
    assert f.severity == "error" and f.location.address == "t2.normative_docs.repealed"
    assert of_rule(validate(small), "C1") == []


def test_c1_negative_fee(small):
    assert [f.rule for f in validate(with_cell(small, "t2.fees.amount", Decimal("-1.5")))] == ["C1"]


def test_c2_fee_that_looks_like_yuan(small):
    r = with_cell(small, "t2.fees.amount", Decimal(251000))
    r.part1.active = ""
    f, = of_rule(validate(r), "C2")
    assert f.severity == "warning" and "25.1" in f.message
    assert of_rule(validate(with_cell(small, "t2.fees.amount", Decimal("2510.5"))), "C2") == []


def test_c4_regulations_at_county_level():
    r = zero_report(level="county")
    set_cell(r, "t2.regulations.issued", 1)
    set_cell(r, "t2.regulations.in_force", 1)
    f, = of_rule(validate(r), "C4")
    assert f.severity == "warning" and f.location.address == "t2.regulations.issued"
    r.meta.agency_level = "municipal"
    assert of_rule(validate(r), "C4") == []


# ---- cross-year: C3, D1, D2 --------------------------------------------------------------------
@pytest.fixture(scope="module")
def pair():
    this = consistent_report(21)
    return this, previous_year_of(this, seed=21)


def test_d1_per_column(pair):
    this, prev = pair
    r = with_cell(this, "t3.carried_over.research", get_cell(this, "t3.carried_over.research") + 1)
    d1 = of_rule(validate(r, prev), "D1")
    assert [f.location.address for f in d1] == ["t3.carried_over.research"]
    assert d1[0].severity == "error" and "上年" in d1[0].message
    assert of_rule(validate(this, prev), "D1") == []


def test_d1_skips_cells_blank_last_year(pair):
    this, prev = pair
    prev = with_cell(prev, "t3.carried_forward.natural", Blank())
    assert of_rule(validate(this, prev), "D1") == []


def test_d2_in_force_count_and_the_cleanup_note(pair):
    this, prev = pair
    r = with_cell(this, "t2.normative_docs.in_force", get_cell(this, "t2.normative_docs.in_force") - 5)
    f, = of_rule(validate(r, prev), "D2")
    assert f.severity == "warning" and f.location.address == "t2.normative_docs.in_force"
    assert "清理" in f.message and "正文提到" not in f.message
    r.part1.management = "本年度开展行政规范性文件集中清理，重新核定现行有效文件。"
    f, = of_rule(validate(r, prev), "D2")
    assert "正文提到了清理" in f.message
    assert of_rule(validate(this, prev), "D2") == []


def test_c3_repealed_more_than_existed(pair):
    this, prev = pair
    in_force = get_cell(prev, "t2.regulations.in_force")
    issued = get_cell(this, "t2.regulations.issued")
    r = with_cell(this, "t2.regulations.repealed", in_force + issued + 1)
    findings = validate(r, prev)
    f, = of_rule(findings, "C3")
    assert f.severity == "error" and f.location.address == "t2.regulations.repealed"
    assert of_rule(validate(this, prev), "C3") == []
    assert of_rule(validate(r), "C3") == []  # needs last year's report


def test_cross_year_rules_need_previous(pair):
    this, _ = pair
    r = with_cell(this, "t3.carried_over.research", get_cell(this, "t3.carried_over.research") + 1)
    assert not of_rule(validate(r), "D1")
    assert has_errors(validate(r))  # A1/A3 still see the table
