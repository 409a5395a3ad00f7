"""The audit workbook's escaping, the HTML page's escaping, and the ``audit`` command's exit codes.
Reports here are Markdown and HTML only (no LibreOffice), audited in one process or two."""

from __future__ import annotations

import io

import openpyxl
import pytest
from test_audit_support import agency_name, write_report

from assistant.audit import (
    FORMULA_PREFIXES,
    SHEETS,
    AuditResult,
    AuditRow,
    Progress,
    audit_paths,
    render_audit_html,
    safe_cell,
    write_workbook,
)
from assistant.cli import main
from eval.mutations import defects_for
from eval.synthetic import consistent_report
from schemas.findings import Finding, Location

HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES)
def test_safe_cell_quotes_formula_prefixes(prefix):
    assert safe_cell(prefix + "1+1") == "'" + prefix + "1+1"
    assert safe_cell("示例市" + prefix) == "示例市" + prefix
    assert safe_cell(12) == 12 and safe_cell(None) is None


def test_hostile_agency_name_is_text_in_the_workbook(tmp_path):
    finding = Finding(rule="A3", severity="error", location=Location(address="t3.granted.total"), message="-1件 @x")
    row = AuditRow(file="=cmd|' /C calc'!A0.txt", path="/x", kind="text", agency=HOSTILE, level="municipal",
                   year=2023, format_version="2021", findings=[finding])
    path = write_workbook(AuditResult(rows=[row]), tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(path)
    cells = [c for ws in (wb[SHEETS[0]], wb[SHEETS[1]]) for r in ws.iter_rows(min_row=2) for c in r]
    values = {c.value for c in cells}
    assert "'" + HOSTILE in values and "'-1件 @x" in values and "'=cmd|' /C calc'!A0.txt" in values
    assert all(c.data_type != "f" for c in cells)
    page = render_audit_html(AuditResult(rows=[row]))
    assert HOSTILE not in page and "=HYPERLINK(&quot;http://x&quot;" in page


def test_hostile_agency_name_from_an_imported_report(tmp_path):
    report = consistent_report(31, agency=HOSTILE)
    write_report(report, tmp_path / "in", "hostile", "html")
    result = audit_paths([tmp_path / "in"], jobs=1, show_progress=False)
    assert result.rows[0].readable
    write_workbook(result, tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")[SHEETS[0]]
    agency = ws.cell(row=2, column=2)
    assert result.rows[0].agency == HOSTILE
    assert agency.data_type == "s" and agency.value == "'" + HOSTILE


def test_progress_bar_lines_when_not_a_terminal():
    out = io.StringIO()
    bar = Progress(20, stream=out)
    for _ in range(20):
        bar.update()
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("审核进度 20/20（100%")
    assert len(lines) == 11  # one line per 10 %


def test_exit_codes(tmp_path, capsys):
    clean = tmp_path / "clean"
    for i, fmt in enumerate(("md", "html")):
        write_report(consistent_report(40 + i, agency=agency_name(i)), clean, f"r{i}", fmt)
    assert main(["audit", str(clean), "-o", str(tmp_path / "c.xlsx"), "--jobs", "2", "--quiet"]) == 0
    assert "通过2份" in capsys.readouterr().out

    bad = tmp_path / "bad"
    d = defects_for("A3", 3)[0]
    write_report(d.report, bad, "a3", "md")
    assert main(["audit", str(bad), str(clean), "-o", str(tmp_path / "b.xlsx"), "--html", str(tmp_path / "b.html"),
                 "--jobs", "1", "--quiet"]) == 1
    assert (tmp_path / "b.html").is_file()

    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "empty.txt").write_bytes(b"")
    (junk / "x.bin").write_bytes(bytes(range(256)) * 4)
    assert main(["audit", str(junk), "-o", str(tmp_path / "j.xlsx"), "--quiet"]) == 2
    ws = openpyxl.load_workbook(tmp_path / "j.xlsx")[SHEETS[0]]
    assert ws.max_row == 3  # header + two files, each with its reason

    one_bad_file = tmp_path / "mixed"
    write_report(consistent_report(44, agency=agency_name(9)), one_bad_file, "ok", "md")
    (one_bad_file / "empty.txt").write_bytes(b"")
    assert main(["audit", str(one_bad_file), "-o", str(tmp_path / "m.xlsx"), "--quiet"]) == 1
    assert main(["audit", str(tmp_path / "nowhere"), "-o", str(tmp_path / "n.xlsx"), "--quiet"]) == 2


def test_output_inside_the_audited_folder_is_not_audited(tmp_path):
    folder = tmp_path / "r"
    write_report(consistent_report(45, agency=agency_name(10)), folder, "r", "md")
    assert main(["audit", str(folder), "-o", str(folder / "audit.xlsx"), "--quiet"]) == 0
    assert main(["audit", str(folder), "-o", str(folder / "audit.xlsx"), "--quiet"]) == 0
