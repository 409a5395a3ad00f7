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
from assistant.importing import load_report, parse_pdf
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
