"""One of each (issue 13): one table reader for documents and chat pastes, one location label,
one ``set_text``, one list of rule families, one atomic file write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant._files import atomic_write
from assistant.audit import AuditResult, AuditRow
from assistant.audit._workbook import finding_rows
from assistant.cli import main
from assistant.export import describe_location
from assistant.importing import parse_text
from assistant.reading import parse_pasted_tables, read_message
from assistant.validation import RULES, validate
from assistant.validation._registry import FAMILIES
from eval import mutations
from eval._tables import t3_excel
from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.findings import Location
from schemas.layout import (
    ALL_CELL_ADDRESSES,
    NARRATIVE_ADDRESSES,
    T3_ROWS,
    get_cell,
    get_text,
    iter_narrative,
    location_label,
    set_text,
    t3_row,
)
from schemas.report import Blank
from tests.dialogue_support import tsv_table3

SAMPLE = Path(__file__).parent / "fixtures" / "yantai-jgswj-2023.txt"
T3 = [a for a in ALL_CELL_ADDRESSES if a.startswith("t3.")]
APPLICANTS = [a for a in T3 if not a.endswith(".total")]
HEADER = [  # the sample page's header of table 三, without its 总计 column
    L.T3_HEADER_NOTE + "\t\t" + L.T3_APPLICANT_HEADER + "\t" * 6,
    "\t\t" + L.T3_COLUMN_LABELS["natural"] + "\t" + L.T3_LEGAL_PERSON_HEADER + "\t" * 5,
    "\t\t\t" + "\t".join(L.T3_COLUMN_LABELS[c] for c in L.T3_APPLICANT_COLUMNS[1:]) + "\t",
]


def sample_layout(report, *, header: bool) -> str:
    """Table 三 as the sample page lays it out (a label, the empty half of a merged label cell, the
    numbers, a trailing tab), with the six applicant columns only."""
    lines = list(HEADER) if header else []
    for r in T3_ROWS:
        values = [str(getattr(t3_row(report.table3, r), c)) for c in L.T3_APPLICANT_COLUMNS]
        label = r.label + "\t" if r.group is None else f"{r.group_label}\t{r.label}"
        lines.append(label + "\t" + "\t".join(values) + "\t")
    return "\n".join(lines)


def read_both(text: str) -> tuple[dict, dict]:
    """(document import, chat paste): the table-三 cells each reads from ``text``."""
    report = parse_text(text)
    doc = {a: get_cell(report, a) for a in T3 if a not in report.source.missing}
    ops, _ = parse_pasted_tables(text)
    chat = {op.field: op.value for op in ops}
    return doc, chat


# ---- one table reader --------------------------------------------------------------------------
@pytest.mark.parametrize("layout", ["sample, header lines", "sample, no header", "excel", "wps, three header rows"])
def test_table3_without_its_total_column_reads_alike_as_a_document_and_as_a_paste(layout):
    report = consistent_report(11)  # distinct values: a column off cannot go unnoticed
    text = {
        "sample, header lines": lambda: sample_layout(report, header=True),
        "sample, no header": lambda: sample_layout(report, header=False),
        "excel": lambda: t3_excel(report, with_total=False),
        "wps, three header rows": lambda: tsv_table3(report, with_total=False),
    }[layout]()
    doc, chat = read_both(text)
    expected = {a: get_cell(report, a) for a in APPLICANTS}
    assert doc == expected  # the importer used to read 自然人 as blank and shift the row right
    assert chat == expected


def test_the_samples_own_table3_without_its_total_column():
    page = SAMPLE.read_text(encoding="utf-8")
    section = page[page.index("(本列数据"):page.index("四、政府信息公开行政复议")]
    lines = []
    for line in section.splitlines():
        cells = line.split("\t")
        while cells and cells[-1] == "":
            cells.pop()
        if cells and cells[-1] == "总计":
            cells.pop()  # the header's 总计
        elif sum(c.isdigit() for c in cells) == 7:
            cells.pop()  # the row's 总计
        lines.append("\t".join(cells) + "\t")
    doc, chat = read_both("\n".join(lines))
    assert doc == chat == dict.fromkeys(APPLICANTS, 0)  # 0, not a blank 自然人 and a shifted row


def test_a_table3_with_its_total_column_still_keeps_a_blank_first_cell():
    # a seven-number row with the first cell empty: a blank 自然人, since the header names 总计
    text = "\n".join([HEADER[0] + "总计", *HEADER[1:], "（一）予以公开\t\t\t2\t3\t4\t5\t6\t20\t", ""])
    report = parse_text(text)
    assert report.table3.granted.natural == Blank(blank="")
    assert report.table3.granted.commercial == 2 and report.table3.granted.total == 20


def test_the_chat_takes_a_line_only_when_it_read_all_of_it():
    ops, used = parse_pasted_tables("\n".join([
        "（一）予以公开\t1\t2\t3\t4\t5\t6\t21",
        "（二）部分公开\t1\t\t3\t4\t5\t6\t19",  # an empty cell inside the row: which column is it?
        "（七）总计\t1\t2\t3\t4\t5\t6\t21\t9",  # a cell too many
        "四、结转下年度继续办理\t1\t2\t3\t4\t5",  # a cell too few
        "一、本年新收政府信息公开申请数量\t1\t若干\t3\t4\t5\t6\t19",  # a word among the numbers
        "二、上年结转政府信息公开申请数量\t1\t-2\t3\t4\t5\t6\t17",  # a negative number
    ]))
    assert used == ["（一）予以公开\t1\t2\t3\t4\t5\t6\t21"]
    assert {op.field for op in ops} == {f"t3.granted.{c}" for c in L.T3_COLUMN_LABELS}
    assert all(op.quote == used[0] for op in ops)


def test_the_chat_reads_tables_two_and_four_through_the_same_reader():
    report = consistent_report(4)
    t4 = [str(get_cell(report, a)) for a in ALL_CELL_ADDRESSES if a.startswith("t4.")]
    text = "行政许可\t/\n规章\t1\t2\t3\n行政诉讼（未经复议直接起诉）\t1\t0\t0\t0\t1"
    ops, used = parse_pasted_tables(text)
    got = {op.field: op.value for op in ops}
    assert got["t2.licensing.decisions"] == "/"
    assert [got[f"t2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [1, 2, 3]
    assert [got[f"t4.litigation_direct.{c}"] for c in L.T4_COLUMN_LABELS] == [1, 0, 0, 0, 1]
    assert used == text.splitlines()
    row = "行政复议和行政诉讼\t" + "\t".join(t4)  # fifteen numbers, no header: table 四's data row
    ops, used = parse_pasted_tables(row)
    assert {op.field: op.value for op in ops} == {a: get_cell(report, a) for a in ALL_CELL_ADDRESSES if a[:3] == "t4."}
    assert used == [row]


# ---- one location label ------------------------------------------------------------------------
def test_the_location_label_is_the_same_in_check_json_export_and_audit(tmp_path, capsys):
    wanted = {"A1", "B", "E1", "F3", "F5"}  # cells, a narrative span, the whole report
    picked = {d.rule: d for d in mutations.defects(0) if d.rule in wanted}
    assert set(picked) == wanted
    seen = set()
    for rule, d in picked.items():
        path = tmp_path / f"{rule}.json"
        path.write_text(d.report.model_dump_json(), encoding="utf-8")
        main(["check", "--json", str(path)])
        doc = json.loads(capsys.readouterr().out)
        findings = validate(d.report)
        assert len(doc["findings"]) == len(findings)
        audit = AuditResult(rows=[AuditRow(file=path.name, path=str(path), findings=findings)])
        for shown, f, row in zip(doc["findings"], findings, finding_rows(audit)):
            label = shown["location"]["label"]
            assert label == location_label(f.location)
            assert describe_location(f).startswith(label)  # the export gate and the web page add the address
            assert label in row  # the audit workbook
            seen.add(f.location.address if f.location.span is None else "span")
    assert "report" in seen and "span" in seen and any(a.startswith("t3.") for a in seen)


def test_location_labels():
    assert location_label(Location(address="t3.granted.total")) == "表三「（一）予以公开」行「总计」列"
    assert location_label(Location(address="p5", span=(2, 5))) == "五、存在的主要问题及改进情况（第3–5字）"
    assert location_label(Location(address="report")) == "全文"
    assert location_label(Location(address="t9.nowhere")) == "t9.nowhere"  # never a traceback


# ---- one set_text ------------------------------------------------------------------------------
def test_set_text_writes_what_get_text_reads():
    report = consistent_report(2)
    addresses = [a for a, _ in iter_narrative(report)]
    assert set(NARRATIVE_ADDRESSES) < set(addresses)
    for a in addresses:
        set_text(report, a, f"新的{a}")
    assert all(get_text(report, a) == f"新的{a}" for a in addresses)
    for bad in ("p1.nothing", "p6.99", "p6.x", "t3.granted.total", "p7"):
        with pytest.raises(KeyError):
            set_text(report, bad, "")


# ---- one list of rule families -----------------------------------------------------------------
def test_rule_families_are_defined_once():
    assert {r[0] for r in RULES} == set(FAMILIES)
    assert mutations.FAMILIES is FAMILIES


# ---- one atomic write --------------------------------------------------------------------------
def test_atomic_write_replaces_whole_or_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "sub" / "结果.json"
    atomic_write(target, b"old")
    assert target.read_bytes() == b"old" and (target.stat().st_mode & 0o777) == 0o644

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left behind


def test_a_clerks_own_sheet_with_short_row_labels_and_dashes():
    text = ("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
            "新收\t12\t3\t0\t0\t1\t0\t16\n上年结转\t1\t—\t—\t—\t—\t—\t1\n予以公开\t6\t2\t0\t0\t1\t0\t9\n"
            "第三方权益\t1\t0\t0\t0\t0\t0\t1\n不掌握\t3\t1\t0\t0\t0\t0\t4\n其他\t1\t0\t0\t0\t0\t0\t1\n"
            "总计\t11\t3\t0\t0\t1\t0\t15\n结转下年\t2\t0\t0\t0\t0\t0\t2")
    got = {op.field: op.value for op in parse_pasted_tables(text)[0]}
    assert got["t3.new_received.total"] == 16 and got["t3.withheld.third_party.natural"] == 1
    assert got["t3.unable.not_held.total"] == 4 and got["t3.carried_forward.natural"] == 2
    # a row called 其他 in table 三 is （六）3; 总计 is （七）; a dash counts none
    assert got["t3.other_handling.other.natural"] == 1 and got["t3.total.total"] == 15
    assert got["t3.carried_over.commercial"] == 0
    table2 = "\t制发\t废止\t有效\n规章\t0\t0\t0\n规范性文件\t2\t0\t17\n许可\t263\n处罚\t28"
    got = {op.field: op.value for op in parse_pasted_tables(table2)[0]}
    assert got["t2.normative_docs.in_force"] == 17 and got["t2.licensing.decisions"] == 263


def test_a_table_copied_from_word_one_cell_per_line():
    lines = ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
             "一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "0", "4",
             "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0",
             "行政复议", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "1", "0", "0", "0", "1"]
    ops, used = parse_pasted_tables("\n".join(lines))
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.natural"] == 3 and got["t3.new_received.total"] == 4
    assert got["t3.withheld.state_secret.total"] == 0 and got["t4.review.upheld"] == 1 and got["t4.review.total"] == 1
    # the list marker of "1.属于国家秘密" is not a count, and every number line is the table's
    r = read_message("\n".join(lines))
    assert not r.unexplained and "1.属于国家秘密" in used


def test_table_two_copied_from_word_one_cell_per_line():
    lines = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0",
             "行政规范性文件", "4", "2", "23", "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "2186",
             "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "37", "行政强制", "0",
             "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "2.5"]
    got = {op.field: op.value for op in parse_pasted_tables("\n".join(lines))[0]}
    assert got["t2.normative_docs.in_force"] == 23 and got["t2.normative_docs.issued"] == 4
    assert got["t2.licensing.decisions"] == 2186 and got["t2.enforcement.decisions"] == 0
    assert str(got["t2.fees.amount"]) == "2.5"
    assert not read_message("\n".join(lines)).unexplained


def test_posts_on_several_channels_are_one_count():
    from assistant.drafting import check_patch
    from schemas.patches import Patch

    m = "网站全年发布信息 7,912 条；新媒体这块微信公众号 2,108 条、微博 1,097 条；新闻发布会 23 场"
    r = read_message(m)
    ops = {op.field: op.value for op in r.ops}
    assert ops["new_media_posts"] == "3205" and ops["website_items"] == "7912"
    assert not check_patch(Patch(ops=r.ops), m).rejected  # the sum is of the numbers it quotes


def test_slips_of_the_keyboard_and_words_that_are_not_counts():
    got = {op.field: op.value for op in read_message("予以公开两建 都是个人").ops}
    assert got == {"t3.granted.total": "2", "t3.granted.natural": "2"}  # 建 for 件
    assert {op.field: op.value for op in read_message("公从号今年一共发了一百三十二条").ops} == {"new_media_posts": "132"}
    r = read_message("新建3个专栏")  # columns built are not items published: named back
    assert not r.ops and r.unexplained == ["新建3个专栏"]


def test_a_pdf_row_whose_label_wraps_and_whose_numbers_stand_on_their_own_line():
    text = "\n".join(["（二）部分公开（区分处理的，只计这一情形，不计", "其他情形）", "17 3 1 0 2 1 24",
                      "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处", "理其政府信息公开申请", "5 1 0 0 1 0 7",
                      "2.申请人逾期未按收费通知要求缴纳费用、行政机关", "不再处理其政府信息公开申请", "0 0 0 0 0 0 0",
                      "3.其他 4 1 0 0 0 0 5"])
    got = {op.field: op.value for op in parse_pasted_tables(text)[0]}
    assert got["t3.partial.total"] == 24 and got["t3.other_handling.no_correction.natural"] == 5
    assert got["t3.other_handling.no_correction.total"] == 7 and got["t3.other_handling.unpaid_fee.total"] == 0
    assert got["t3.other_handling.other.total"] == 5
    assert not read_message(text).unexplained


def test_the_same_message_with_the_same_inputs_is_read_once_and_each_caller_gets_its_own_reading(monkeypatch):
    # (the offline engine reads a chat turn's message a second time, with what the dialogue read it with)
    import assistant.reading as reading

    calls = []
    real = reading._read_message
    monkeypatch.setattr(reading, "_read_message", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(reading, "_READINGS", {})
    said = "网站今年发了216条，处罚罚了37件"
    first = read_message(said, earlier={"t2.penalty.decisions": 30}, known={"t2.penalty.decisions"})
    first.ops.clear()
    first.unexplained.append("改过")
    again = read_message(said, earlier={"t2.penalty.decisions": 30}, known={"t2.penalty.decisions"})
    assert len(calls) == 1
    assert {op.field: str(op.value) for op in again.ops} == {"website_items": "216", "t2.penalty.decisions": "37"}
    assert again.unexplained == []
    read_message(said, earlier={"t2.penalty.decisions": 31}, known={"t2.penalty.decisions"})
    read_message(said, topic="t2", earlier={"t2.penalty.decisions": 30}, known={"t2.penalty.decisions"})
    assert len(calls) == 3
