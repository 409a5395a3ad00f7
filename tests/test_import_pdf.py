"""PDF import: reports exported to PDF by LibreOffice (as agencies publish them) read back whole,
tables with merged cells included; a scan without text layer is named as such."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from conftest import load_gold
from import_helpers import assert_same_report, assert_same_tables
from test_audit_support import convert_to_pdf, needs_soffice

from assistant.errors import ReportReadError
from assistant.export import build_docx, check_gate
from assistant.export._stamp import Stamp
from assistant.importing import _pdf, load_report, parse_pdf
from assistant.validation import validate
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas.report import Report

pytestmark = [needs_soffice, pytest.mark.timeout(300)]

EXPORTED = dt.datetime(2025, 1, 20, 9, 30, tzinfo=dt.UTC)
CASES = {
    "rich": lambda: consistent_report(21),
    "county": lambda: consistent_report(22, agency="示例县农业农村局", level="county"),
    "previous": lambda: previous_year_of(consistent_report(23), 5),
    "zero": lambda: zero_report(),
    "sample": load_gold,
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    reports = {name: make() for name, make in CASES.items()}
    docx = []
    for name, report in reports.items():
        path = folder / f"{name}.docx"
        path.write_bytes(build_docx(report, stamp=Stamp(EXPORTED, check_gate(report, None))))
        docx.append(path)
        # the 落款 dates the exported report: read back, that is its publication date
        report.meta.publication_date = report.meta.publication_date or EXPORTED.date()
    convert_to_pdf(docx, folder)
    return folder, reports


@pytest.mark.parametrize("name", list(CASES))
def test_pdf_round_trip(pdfs, name):
    folder, reports = pdfs
    got = load_report(folder / f"{name}.pdf")
    assert got.source.kind == "pdf"
    assert got.source.format_version == "2021"
    expected = reports[name]
    if name == "sample":  # the published text has spaces around numbers ("2023 年"): a PDF cannot show them
        assert_same_tables(got, expected)
        expected = Report.model_validate_json(re.sub(r"(?<=\S) (?=\S)", "", expected.model_dump_json()))
        got = Report.model_validate_json(re.sub(r"(?<=\S) (?=\S)", "", got.model_dump_json()))
    assert_same_report(got, expected)
    assert [f.rule for f in validate(got) if f.severity == "error"] == [
        f.rule for f in validate(reports[name]) if f.severity == "error"]


def test_parse_pdf_from_bytes_and_path_and_sniffed_without_extension(pdfs, tmp_path):
    folder, reports = pdfs
    data = (folder / "rich.pdf").read_bytes()
    assert_same_report(parse_pdf(data), reports["rich"])
    assert_same_report(parse_pdf(folder / "rich.pdf"), reports["rich"])
    renamed = tmp_path / "report.bin"
    shutil.copy(folder / "rich.pdf", renamed)
    assert_same_report(load_report(renamed), reports["rich"])
    with pytest.raises(ReportReadError, match="不是PDF"):
        parse_pdf("不是PDF文件".encode())


def test_truncated_published_pdf(pdfs, tmp_path):
    folder, _ = pdfs
    data = (folder / "rich.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    try:
        report = load_report(path)
    except ReportReadError as exc:
        assert "PDF" in str(exc)
    else:  # pdfminer may recover the pages before the cut: then what it read is marked missing
        assert report.source.kind == "pdf"


# ---- a table row cut by a page break; a sub-part set without first-line indent --------------------
def _foot_and_top(label: str, cut: int) -> tuple[list, list]:
    foot = [["（四）无法提供", "3.补正后申请内容仍不明确", *"0000000"], ["", label[:cut], *"1020003"]]
    return foot, [["", label[cut:], ""], ["", "2.重复申请", *"0000000"]]


@pytest.mark.parametrize("label,cut", [("1.信访举报投诉类申请", 4), ("5.要求行政机关确认或重新出具已获取信息", 9)])
def test_a_label_continued_on_the_next_page_joins_its_row(label, cut):
    foot, top = _foot_and_top(label, cut)
    sequence, items = [foot, _pdf._Line("- 3 -", 280, 300, 10)], [top]
    _pdf._join_split_row(sequence, items)
    assert foot[-1][1] == label and top[0][1] == "2.重复申请"


def test_a_row_of_its_own_on_the_next_page_is_not_joined():
    foot, top = _foot_and_top("1.信访举报投诉类申请", 20)  # the whole label above; a blank row below
    top[0][1] = "2.重复申请"
    _pdf._join_split_row([foot], [top])
    assert top[0][1] == "2.重复申请" and foot[-1][1] == "1.信访举报投诉类申请"


def test_a_sub_part_after_a_full_line_opens_its_own_paragraph():
    lines = [_pdf._Line("（四）政府信息公开平台建设情况。本局依托门户网站发布信息，", 90, 505, 16),
             _pdf._Line("运行平稳。", 90, 170, 16),
             _pdf._Line("（三）政府信息管理情况。本局落实保密审查制度，全年审查稿件一百二十余", 90, 505, 16),
             _pdf._Line("篇，全部按时完成审查工作，没有发生泄密事件。", 90, 505, 16),
             _pdf._Line("（五）监督保障情况。本局将政务公开纳入绩效考核。", 90, 400, 16)]
    got = _pdf._paragraphs(lines, 90, 505)
    assert got[-1].startswith("（五）监督保障情况") and len(got) == 3
