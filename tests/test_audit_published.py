"""``audit`` on a folder of published shapes (issue 17): blank cells are summarised per table and
reported per row, every sheet has an autofilter, and what could not be read is named per file."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from assistant.audit import SHEETS, audit_paths, write_workbook

CASES = Path(__file__).parent / "fixtures" / "published_shapes"


def header_index(ws) -> dict[str, int]:
    return {c.value: i for i, c in enumerate(next(ws.iter_rows(max_row=1)))}


def summary(wb):
    """(column → index, file name → row) of the summary sheet."""
    ws = wb[SHEETS[0]]
    h = header_index(ws)
    return h, {Path(r[h["文件"]].value).name: r for r in ws.iter_rows(min_row=2)}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shapes")
    for p in CASES.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    base = (CASES / "base.txt").read_text(encoding="utf-8")
    cut = base.index("三、收到和处理政府信息公开申请情况")
    (folder / "truncated-after-part2.txt").write_text(base[:cut], encoding="utf-8")
    row = "6.属于四类过程性信息" + "\t0" * 7
    assert row in base
    blank = base.replace(row, "6.属于四类过程性信息" + "\t/" * 7)
    (folder / "one-row-blank.txt").write_text(blank, encoding="utf-8")
    result = audit_paths([folder], jobs=1)
    path = write_workbook(result, folder.parent / "audit.xlsx")
    return openpyxl.load_workbook(path), {Path(r.file).name: r for r in result.rows}


def test_every_sheet_has_an_autofilter_over_its_rows(workbook):
    wb, _ = workbook
    for name in SHEETS:
        ws = wb[name]
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", name


def test_what_could_not_be_read_is_named_per_file(workbook):
    wb, rows = workbook
    h, by_file = summary(wb)
    unread = by_file["truncated-after-part2.txt"][h["未能读取的内容"]].value
    assert "三、收到和处理政府信息公开申请情况" in unread and "六、其他需要报告的事项" in unread
    assert "表三（" not in unread  # the part not found already says it
    assert not by_file["base.txt"][h["未能读取的内容"]].value
    assert not by_file["base.txt"][h["空白单元格"]].value
    assert rows["truncated-after-part2.txt"].unread == unread


def test_blank_cells_are_rows_in_the_findings_and_counted_per_table_in_the_summary(workbook):
    wb, rows = workbook
    h, by_file = summary(wb)
    assert by_file["truncated-after-part2.txt"][h["空白单元格"]].value == "表三25行（175格）；表四3行（15格）"
    assert by_file["one-row-blank.txt"][h["空白单元格"]].value.startswith("表三1行（7格）")
    fs = wb[SHEETS[1]]
    fh = header_index(fs)
    a4 = [r for r in fs.iter_rows(min_row=2) if r[fh["规则"]].value == "A4"
          and Path(r[fh["文件"]].value).name == "truncated-after-part2.txt"]
    assert len(a4) == 28  # one per row of 表三 (25) and 表四 (3), not 190 cells
    every = sum(1 for r in fs.iter_rows(min_row=2) if r[fh["规则"]].value == "A4")
    assert every < 5 * len(rows)  # blank cells no longer make up nearly all of the findings


def test_the_format_is_said_in_chinese_and_cells_a_2019_table_lacks_are_not_unread(workbook):
    wb, _ = workbook
    h, by_file = summary(wb)
    assert by_file["base.txt"][h["格式版本"]].value == "2021年格式"
    trial = by_file["fp-a4-2021-cells-demanded-in-2020-report.txt"]
    assert trial[h["格式版本"]].value == "2019年试行格式"
    assert "表二" not in (trial[h["未能读取的内容"]].value or "")
    assert "表三" not in (trial[h["未能读取的内容"]].value or "")
    assert {"空白单元格", "未能读取的内容"} <= set(h)
    assert not any(r[h["格式版本"]].value == "unknown" for r in by_file.values())
