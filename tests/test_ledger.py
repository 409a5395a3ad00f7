"""Issue 18: tables 三 and 四 from the application ledger and the review/lawsuit ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.ledger import (
    ColumnsMissing,
    LedgerError,
    Sheet,
    derive_applications,
    derive_ledger,
    locate,
    outcome_row,
    rows_phrase,
    write_template,
)
from schemas import labels as L
from schemas.layout import T3_RESULT_ROWS, T3_ROWS, T4_BLOCKS, T4_PARTS
from tests.ledger_support import (
    HEADER_VARIANTS,
    HEADERS,
    RESULT_KEYS,
    Rec,
    convert_to_xls,
    expected_cells,
    mixed_records,
    sheet_rows,
    write_csv,
    write_ods,
    write_xlsx,
)

YEAR = 2025
DATE_FORMS = ("iso", "slash", "cn", "serial", "date")


def balanced(cells: dict[str, int]) -> None:
    """A1–A3 on a derived table 三."""
    for c in L.T3_COLUMN_LABELS:
        assert cells[f"t3.new_received.{c}"] + cells[f"t3.carried_over.{c}"] == \
            cells[f"t3.total.{c}"] + cells[f"t3.carried_forward.{c}"], f"A1 {c}"
        assert cells[f"t3.total.{c}"] == sum(cells[f"{r.address}.{c}"] for r in T3_RESULT_ROWS), f"A2 {c}"
    for r in T3_ROWS:
        assert cells[f"{r.address}.total"] == sum(cells[f"{r.address}.{c}"] for c in L.T3_APPLICANT_COLUMNS), r.address


def check(derivation, recs) -> None:
    assert derivation.issues == []
    t3 = {a: v for a, v in derivation.cells.items() if a.startswith("t3.")}
    assert len(t3) == 175
    assert t3 == expected_cells(recs)
    balanced(t3)


# ---- formats -------------------------------------------------------------------------------------

def test_xlsx_with_a_merged_title_blank_rows_and_every_date_form(tmp_path):
    recs = mixed_records()
    rows = sheet_rows(recs, YEAR, date_forms=DATE_FORMS)
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    d = derive_ledger(path, year=YEAR)
    check(d, recs)
    assert d.applications is not None and d.applications.header_row == 3


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_csv_in_utf8_and_gbk(tmp_path, encoding):
    recs = mixed_records()
    rows = sheet_rows(recs, YEAR, date_forms=("iso", "slash", "cn", "serial"))
    path = write_csv(tmp_path / "台账.csv", rows, encoding)
    check(derive_ledger(path, year=YEAR), recs)


def test_ods(tmp_path):
    recs = mixed_records()
    path = write_ods(tmp_path / "台账.ods", sheet_rows(recs, YEAR, date_forms=DATE_FORMS))
    check(derive_ledger(path, year=YEAR), recs)


def test_xls(tmp_path):
    recs = mixed_records()
    ods = write_ods(tmp_path / "台账.ods", sheet_rows(recs, YEAR, date_forms=DATE_FORMS))
    xls = convert_to_xls(ods, tmp_path)
    if xls is None:
        pytest.skip("需要 LibreOffice Calc（soffice）把台账转换为 xls")
    check(derive_ledger(xls, year=YEAR), recs)


@pytest.mark.parametrize("headers", HEADER_VARIANTS, ids=lambda h: h[1])
def test_header_variants(tmp_path, headers):
    recs = mixed_records()
    path = write_xlsx(tmp_path / "台账.xlsx", sheet_rows(recs, YEAR, headers=headers, title=False))
    check(derive_ledger(path, year=YEAR), recs)


def test_a_header_of_two_rows_with_merged_cells(tmp_path):
    from openpyxl import Workbook

    recs = [Rec("new_received", "granted", "natural"), Rec("new_received", "partial", "commercial")]
    rows = sheet_rows(recs, YEAR, title=False)[1:]
    book = Workbook()
    ws = book.active
    ws.append(["编号", "收到日期", "申请人", None, "申请内容", "答复日期", "办理结果", "理由", "是否收费"])
    ws.append([None, None, "姓名或名称", "类型", None, None, None, None, None])
    ws.merge_cells("C1:D1")
    for r in rows:
        ws.append(r)
    book.save(tmp_path / "two.xlsx")
    d = derive_ledger(tmp_path / "two.xlsx", year=YEAR)
    check(d, recs)
    assert d.applications is not None and d.applications.columns["applicant_type"] == "申请人类型"


def test_the_year_is_the_one_most_rows_were_received_in_and_said(tmp_path):
    recs = mixed_records()
    d = derive_ledger(write_xlsx(tmp_path / "a.xlsx", sheet_rows(recs, YEAR)))
    assert d.year == YEAR and any("2025年" in n for n in d.notes)


# ---- rows that cannot be placed ------------------------------------------------------------------

def _issue_rows() -> list[list]:
    ok = ["A-1", "2025-03-01", "张三", "自然人", "x", "2025-03-10", "予以公开", "", "否"]
    return [
        HEADERS,
        ok,                                                                                       # 2 counted
        ["A-2", "2025-03-01", "张三", "自然人", "x", "2025-03-10", "已处理", "", ""],                # 3 unknown outcome
        ["A-3", "2025-03-01", "王府井百货", "", "x", "2025-03-10", "予以公开", "", ""],              # 4 name
        ["A-4", "2026-01-05", "李四", "自然人", "x", "", "办理中", "", ""],                          # 5 after the period
        ["A-5", "2025-05-01", "李四", "自然人", "x", "2025-04-01", "予以公开", "", ""],              # 6 answered before
        ["A-6", "2025-05-01", "赵六", "自然人", "x", "2025-05-08", "予以公开", "", ""],              # 7 duplicate
        ["A-6", "2025-06-01", "钱七", "自然人", "x", "2025-06-08", "部分公开", "", ""],              # 8 duplicate
        ["A-8", "2025-06-01", "孙八", "自然人", "x", "2025-06-08", "不予公开", "", ""],              # 9 no reason
        ["A-9", "明天", "周九", "自然人", "x", "2025-06-08", "予以公开", "", ""],                    # 10 not a date
        ["合计", "", "", "", "", "", "", "", ""],                                                    # 11 total row
        ["A-11", "2024-11-01", "吴十", "自然人", "x", "2024-12-20", "予以公开", "", ""],             # 12 finished last year
        ["A-12", "2025-07-01", "郑十一", "", "x", "2025-07-08", "予以公开", "", ""],                 # 13 counted (by name)
        ["A-13", "2025-07-01", "某某公司", "自然人、企业", "x", "2025-07-08", "予以公开", "", ""],    # 14 two types
        ["A-14", "2025-07-01", "冯十三", "自然人", "x", "2025-07-08", "不予公开", "本机关不掌握", ""],  # 15 inconsistent
    ]


def test_every_kind_of_row_issue_is_listed_with_its_row_and_reason(tmp_path):
    path = write_xlsx(tmp_path / "issues.xlsx", _issue_rows())
    d = derive_ledger(path, year=YEAR)
    reasons = {i.row: i.reason for i in d.issues}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15]
    assert "已处理" in reasons[3] and "不是表三中的办理结果" in reasons[3]
    assert "王府井百货" in reasons[4]
    assert "2026" in reasons[5] and "以后" in reasons[5]
    assert "早于收到日期" in reasons[6]
    assert "第8行重复" in reasons[7] and "第7行重复" in reasons[8]
    assert "没有写明理由" in reasons[9]
    assert "“明天”不是日期" in reasons[10]
    assert "合计" in reasons[11]
    assert "已在上年办结" in reasons[12]
    assert "无法确定是哪一列" in reasons[14]
    assert "前后不一致" in reasons[15]
    cells = d.cells
    assert cells["t3.new_received.natural"] == 2 and cells["t3.granted.natural"] == 2
    assert d.provenance["t3.granted.natural"] == (2, 13)
    balanced({a: v for a, v in cells.items() if a.startswith("t3.")})


def test_a_row_placed_by_hand_is_counted_where_it_was_placed(tmp_path):
    table = locate([Sheet("s", _issue_rows())], "applications", "issues.xlsx")
    d = derive_applications(table, YEAR, placements={3: ("granted", "natural"), 9: ("withheld.third_party", "natural")})
    assert 3 not in {i.row for i in d.issues} and 9 not in {i.row for i in d.issues}
    assert d.cells["t3.granted.natural"] == 3 and d.cells["t3.withheld.third_party.natural"] == 1


def test_not_finished_by_31_december_is_carried_forward(tmp_path):
    rows = [HEADERS,
            ["1", "2025-12-20", "张三", "自然人", "x", "2026-01-08", "予以公开", "", ""],  # answered next year
            ["2", "2025-12-21", "李四", "自然人", "x", "", "未办结", "", ""],
            ["3", "2025-12-22", "王五", "自然人", "x", "", "延期", "", ""],
            ["4", "2025-12-23", "赵六", "自然人", "x", "", "", "", ""]]  # not answered at all
    d = derive_ledger(write_csv(tmp_path / "c.csv", rows), year=YEAR)
    assert d.issues == []
    assert d.cells["t3.carried_forward.natural"] == 4 and d.cells["t3.total.total"] == 0


def test_explicit_new_or_carried_column_wins_and_is_checked(tmp_path):
    rows = [HEADERS + ["是否上年结转"],
            ["1", "", "张三", "自然人", "x", "2025-01-08", "予以公开", "", "", "是"],
            ["2", "2025-02-01", "李四", "自然人", "x", "2025-02-08", "予以公开", "", "", "是"]]
    d = derive_ledger(write_csv(tmp_path / "c.csv", rows), year=YEAR)
    assert d.cells["t3.carried_over.natural"] == 1
    assert [i.row for i in d.issues] == [3] and "标为上年结转" in d.issues[0].reason


# ---- columns -------------------------------------------------------------------------------------

def test_a_missing_column_shows_the_headers_and_a_choice_fixes_it(tmp_path):
    rows = [["序号", "来件时间点", "申请人", "申请人类型", "办理结果"],
            ["1", "2025-03-01", "张三", "自然人", "予以公开"]]
    path = write_xlsx(tmp_path / "m.xlsx", rows)
    with pytest.raises(ColumnsMissing) as exc:
        derive_ledger(path, year=YEAR)
    assert exc.value.missing == ("received",)
    assert "来件时间点" in exc.value.headers and "收到日期" in str(exc.value)
    d = derive_ledger(path, year=YEAR, columns={"received": "来件时间点"})
    assert d.cells["t3.granted.natural"] == 1
    assert d.applications is not None and d.applications.columns["received"] == "来件时间点"


@pytest.mark.parametrize("name,content,words", [
    ("a.docx", b"PK\x03\x04xx", "不支持"),
    ("a.xlsx", b"", "是空的"),
    ("a.xlsx", b"not a spreadsheet at all", "不是 Excel"),
    ("a.xlsx", b"PK\x03\x04broken zip", "已损坏"),
    ("a.csv", "标题\n一行说明\n".encode(), "没有找到表头"),
    ("a.csv", b"\xff\xfe\x00\x00garbage\x00", "不是文本格式"),
])
def test_bad_input_is_a_chinese_message(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LedgerError) as exc:
        derive_ledger(path, year=YEAR)
    assert words in str(exc.value)


def test_an_empty_sheet(tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "e.xlsx")
    with pytest.raises(LedgerError, match="没有任何内容"):
        derive_ledger(tmp_path / "e.xlsx", year=YEAR)


# ---- table 四 ------------------------------------------------------------------------------------

REVIEW_ROWS = [
    ["案号", "案件类型", "申请人（原告）", "收到（立案）日期", "结果", "审结日期"],
    ["FY-1", "行政复议", "张三", "2025-02-01", "维持", "2025-04-01"],
    ["FY-2", "行政复议", "李四", "2025-03-01", "撤销", "2025-05-01"],
    ["FY-3", "复议", "王五", "2025-11-01", "", ""],                               # pending
    ["SS-1", "行政诉讼-未经复议直接起诉", "赵六", "2025-05-01", "驳回诉讼请求", "2025-09-01"],
    ["SS-2", "行政诉讼-复议后起诉", "钱七", "2025-06-01", "审理中", ""],
    ["SS-3", "行政诉讼", "孙八", "2025-06-01", "维持", "2025-08-01"],               # which way? issue
    ["SS-4", "行政诉讼-直接起诉", "周九", "2024-06-01", "维持", "2025-08-01"],      # last year: issue
]


def test_reviews_ledger_gives_table_4(tmp_path):
    apps = write_xlsx(tmp_path / "a.xlsx", sheet_rows(mixed_records(), YEAR))
    revs = write_xlsx(tmp_path / "r.xlsx", REVIEW_ROWS, merge_title=False)
    d = derive_ledger(apps, year=YEAR, reviews=revs)
    c = d.cells
    assert (c["t4.review.upheld"], c["t4.review.corrected"], c["t4.review.pending"], c["t4.review.total"]) == (1, 1, 1, 3)
    assert c["t4.litigation_direct.upheld"] == 1 and c["t4.litigation_after_review.pending"] == 1
    assert {i.row: i.ledger for i in d.issues} == {7: "reviews", 8: "reviews"}
    for b in T4_BLOCKS:
        assert c[f"t4.{b}.total"] == sum(c[f"t4.{b}.{p}"] for p in T4_PARTS)
    assert d.provenance["t4.review.total"] == (2, 3, 4)
    assert d.quote("t4.review.upheld") == "复议诉讼台账《r.xlsx》第2行"


def test_reviews_on_a_second_sheet_of_the_same_workbook(tmp_path):
    path = write_xlsx(tmp_path / "both.xlsx", sheet_rows(mixed_records(), YEAR), extra={"复议诉讼": REVIEW_ROWS})
    d = derive_ledger(path, year=YEAR)
    assert d.reviews is not None and d.cells["t4.review.total"] == 3


# ---- D1, provenance, template --------------------------------------------------------------------

def test_d1_against_last_years_report_and_last_years_ledger(tmp_path):
    recs = mixed_records()  # two carried over: one natural, one commercial
    path = write_xlsx(tmp_path / "a.xlsx", sheet_rows(recs, YEAR))
    ok = {c: 0 for c in L.T3_COLUMN_LABELS} | {"natural": 1, "commercial": 1, "total": 2}
    assert not any(n.startswith("D1") for n in derive_ledger(path, year=YEAR, previous=ok).notes)
    bad = ok | {"natural": 3, "total": 4}
    notes = [n for n in derive_ledger(path, year=YEAR, previous=bad).notes if n.startswith("D1")]
    assert len(notes) == 2 and "自然人为1件" in notes[0] and "为3件" in notes[0]
    last = [Rec("new_received", "carried_forward", "natural", day=300)]
    last_path = write_xlsx(tmp_path / "last.xlsx", sheet_rows(last, YEAR - 1))
    notes = [n for n in derive_ledger(path, year=YEAR, previous_ledger=last_path).notes if n.startswith("D1")]
    assert any("商业企业为1件" in n and "为0件" in n and "上年台账" in n for n in notes)


def test_every_cell_names_its_rows():
    assert rows_phrase([3, 17, 42]) == "第3、17、42行"
    assert rows_phrase([3, 4, 5, 9, 10]) == "第3–5、9、10行"
    assert rows_phrase([]) == ""


def test_provenance_of_each_cell_is_the_rows_it_counts(tmp_path):
    recs = mixed_records()
    d = derive_ledger(write_xlsx(tmp_path / "a.xlsx", sheet_rows(recs, YEAR, blank_rows=False)), year=YEAR)
    assert d.applications is not None
    for address, rows in d.provenance.items():
        assert len(rows) == d.cells[address], address
    first_data_row = 4  # title, empty row, header
    assert d.provenance["t3.granted.natural"][0] == first_data_row
    assert d.quote("t3.granted.natural").startswith("申请台账《a.xlsx》第4")
    assert "没有这一项" in d.quote("t3.withheld.inquiry.other")


def test_the_template_has_drop_downs_and_reads_back(tmp_path):
    from openpyxl import load_workbook

    path = write_template(tmp_path / "模板.xlsx", "某县局", YEAR)
    book = load_workbook(path)
    ws = book["申请台账"]
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert any("$A$1:$A$6" in f for f in lists) and any("$B$1:$B$22" in f for f in lists)
    assert book["选项"].sheet_state == "hidden"
    outcomes = [book["选项"][f"B{i}"].value for i in range(1, 23)]
    for key, word in zip(RESULT_KEYS, outcomes):
        assert outcome_row(word) == (key, ""), word
    ws.append(["1", dt.date(2025, 3, 1), "张三", "自然人", "x", dt.date(2025, 3, 9), outcomes[0], "否"])
    ws.append(["2", dt.date(2025, 12, 30), "某某有限公司", "商业企业", "x", None, outcomes[-1], "否"])
    rv = book["复议诉讼台账"]
    rv.append(["F1", "行政诉讼-复议后起诉", "李四", dt.date(2025, 4, 1), "结果纠正", dt.date(2025, 8, 1)])
    book.save(path)
    d = derive_ledger(path, year=YEAR)
    assert d.issues == []
    assert d.cells["t3.granted.natural"] == 1 and d.cells["t3.carried_forward.commercial"] == 1
    assert d.cells["t4.litigation_after_review.corrected"] == 1


# ---- property: random ledgers --------------------------------------------------------------------

_rec = st.builds(
    Rec,
    origin=st.sampled_from(["new_received", "carried_over"]),
    result=st.sampled_from([*RESULT_KEYS, "carried_forward"]),
    column=st.sampled_from(list(L.T3_APPLICANT_COLUMNS)),
    day=st.integers(0, 360),
    with_type=st.booleans(),
    variant=st.booleans(),
    pending_word=st.sampled_from(["办理中", "未办结", "延期答复", "正在办理"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recs=st.lists(_rec, max_size=60), forms=st.lists(st.sampled_from(DATE_FORMS), min_size=1, max_size=3),
       title=st.booleans(), blanks=st.booleans(), headers=st.sampled_from(HEADER_VARIANTS))
def test_random_ledgers_balance_and_equal_a_direct_count(recs, forms, title, blanks, headers):
    rows = sheet_rows(recs, YEAR, headers=headers, title=title, blank_rows=blanks, date_forms=tuple(forms))
    table = locate([Sheet("台账", rows)], "applications", "random.xlsx")
    d = derive_applications(table, YEAR)
    assert d.issues == []
    assert d.cells == expected_cells(recs)
    balanced(d.cells)
    assert len(d.placements) == len(recs)


def test_a_csv_file_path_goes_through_the_same_reader(tmp_path: Path):
    recs = [Rec("new_received", "granted", "natural")]
    d = derive_ledger(write_csv(tmp_path / "x.csv", sheet_rows(recs, YEAR), "gbk"), year=YEAR)
    assert d.cells["t3.granted.natural"] == 1
