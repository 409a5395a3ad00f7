"""Aggregation: the tables of the departments' reports added cell by cell, the result validated, and
the reports left out listed with their reason."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from test_audit_support import agency_name, write_report

from assistant.audit import aggregate, combine
from assistant.cli import main
from assistant.importing import load_report
from assistant.validation import validate
from eval.mutations import defects_for
from eval.synthetic import consistent_report
from schemas.layout import ALL_CELL_ADDRESSES, get_cell
from schemas.report import Blank

DEPARTMENTS = ("交通运输局", "教育局", "民政局", "财政局", "卫生健康委员会")


@pytest.fixture
def departments(tmp_path):
    folder = tmp_path / "depts"
    good = [consistent_report(60 + i, agency=agency_name(1, dept=dept)) for i, dept in enumerate(DEPARTMENTS)]
    for i, r in enumerate(good):
        write_report(r, folder, f"dept{i}", ("md", "html", "docx")[i % 3])
    broken = defects_for("A3", 66, agency=agency_name(1, dept="公安局"))[0]
    write_report(broken.report, folder, "broken", "html")
    write_report(consistent_report(67, year=2022, agency=agency_name(1, dept="司法局")), folder, "old", "md")
    write_report(good[0], folder, "zz-dept0-again", "md")
    (folder / "empty.txt").write_bytes(b"")
    return folder, good


def test_tables_are_cell_wise_sums_and_validate(departments):
    folder, good = departments
    result = aggregate([folder], agency="安安市人民政府", jobs=2, show_progress=False)
    assert len(result.included) == len(good)
    for address in ALL_CELL_ADDRESSES:
        assert get_cell(result.report, address) == sum(get_cell(r, address) for r in good), address
    assert isinstance(get_cell(result.report, "t2.fees.amount"), Decimal)
    assert not [f for f in validate(result.report) if f.severity == "error"]
    assert result.report.meta.report_year == 2023
    reasons = {e.file.rsplit("/", 1)[1]: e.reason for e in result.excluded}
    assert set(reasons) == {"broken.html", "old.md", "zz-dept0-again.md", "empty.txt"}
    assert "A3" in reasons["broken.html"]
    assert "2022" in reasons["old.md"]
    assert "同一机关" in reasons["zz-dept0-again.md"]
    assert "空文件" in reasons["empty.txt"]


def test_outputs_json_and_docx(departments, tmp_path, capsys):
    folder, good = departments
    out = tmp_path / "summary.json"
    assert main(["aggregate", str(folder), "-o", str(out), "--agency", "安安市人民政府", "--quiet"]) == 1
    printed = capsys.readouterr().out
    assert printed.count("未计入") >= 4 and "已汇总5份报告" in printed
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema_version"] == 1 and doc["validation"]["errors"] == 0
    assert len(doc["included"]) == 5 and len(doc["excluded"]) == 4
    assert doc["tables"]["t3.total.total"] == sum(r.table3.total.total for r in good)
    assert Decimal(doc["tables"]["t2.fees.amount"]) == sum(r.table2.fees.amount for r in good)

    docx = tmp_path / "summary.docx"
    assert main(["aggregate", str(folder), "-o", str(docx), "--quiet"]) == 1
    back = load_report(docx)
    for address in ALL_CELL_ADDRESSES:
        assert get_cell(back, address) == sum(get_cell(r, address) for r in good), address
    assert not [f for f in validate(back) if f.severity == "error"]


def test_nothing_to_aggregate(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "s.json"
    assert main(["aggregate", str(tmp_path), "-o", str(out), "--quiet"]) == 2
    assert not out.exists()


def test_combine_counts_blank_as_zero_and_keeps_year():
    a, b = consistent_report(70), consistent_report(71)
    b.table3.granted.natural = Blank(blank="/")
    c = combine([a, b], agency="安安市人民政府")
    assert c.table3.granted.natural == a.table3.granted.natural
    assert c.meta.report_year == 2023 and c.meta.agency_name == "安安市人民政府"
