"""The audit workbook: 汇总 (one row per file), 问题清单 (one row per finding), 规则统计 (per rule).

Every string is escaped against formula injection before it reaches a cell: a value a spreadsheet
would run as a formula (``=``, ``+``, ``-``, ``@``, a tab or carriage return first, or their
full-width forms) gets a leading apostrophe, so an agency named ``=HYPERLINK(...)`` stays text.
The file is written to a temporary name beside the target and renamed into place.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from assistant._files import atomic_write
from assistant.audit._model import STATUS_LABELS, AuditResult
from assistant.validation import FAMILIES, RULE_SEVERITY, RULES, family_of
from schemas.layout import location_label

__all__ = ["FORMULA_PREFIXES", "SHEETS", "finding_rows", "rule_rows", "safe_cell", "summary_rows", "write_workbook"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
SHEETS = ("汇总", "问题清单", "规则统计")
SUMMARY_HEADER = [
    "文件", "机关名称", "机关层级", "报告年度", "格式版本", "导入格式", "状态", "错误数", "警告数",
    *(f"{fam}类{FAMILIES[fam]}·{kind}" for fam in FAMILIES for kind in ("错误", "警告")),
    "上年报告（跨年度比对）", "空白单元格", "未能读取的内容", "无法读取的原因", "备注",
]
FINDINGS_HEADER = ["文件", "机关名称", "报告年度", "规则", "规则类别", "严重程度", "位置", "位置代码", "字符范围", "说明"]
RULES_HEADER = ["规则", "类别", "默认严重程度", "说明", "错误数", "警告数", "涉及报告数"]
_SEVERITY = {"error": "错误", "warning": "警告"}
_FORMAT = {"2021": "2021年格式", "2019": "2019年试行格式", "unknown": "未能判断"}
_KIND = {"text": "文本", "docx": "Word", "html": "网页", "pdf": "PDF", "json": "JSON", "generated": "生成"}


def safe_cell(value):
    """A value fit for a cell: strings that a spreadsheet would read as a formula are quoted."""
    if isinstance(value, str):
        value = "".join(c for c in value if c in "\t\n\r" or c >= " ")  # XML forbids other controls
        if value.startswith(FORMULA_PREFIXES):
            return "'" + value
    return value


def summary_rows(result: AuditResult):
    for row in result.rows:
        fam = row.family_counts()
        yield [
            row.file, row.agency, row.level_label, row.year, _FORMAT.get(row.format_version, row.format_version), _KIND.get(row.kind, row.kind),
            STATUS_LABELS[row.status], row.errors if row.readable else None, row.warnings if row.readable else None,
            *(fam[f][k] if row.readable else None for f in FAMILIES for k in (0, 1)),
            row.previous, row.blanks, row.unread, row.reason, "；".join(row.notes),
        ]


def finding_rows(result: AuditResult):
    for row in result.rows:
        for f in row.findings:
            span = f"{f.location.span[0] + 1}–{f.location.span[1]}" if f.location.span else ""
            yield [row.file, row.agency, row.year, f.rule, FAMILIES.get(family_of(f.rule), ""),
                   _SEVERITY[f.severity], location_label(f.location), f.location.address, span, f.message]


def rule_rows(result: AuditResult):
    counts = result.rule_counts()
    for rule, text in RULES.items():
        e, w, n = counts.get(rule, (0, 0, 0))
        yield [rule, FAMILIES.get(family_of(rule), ""), _SEVERITY[RULE_SEVERITY[rule]], text, e, w, n]


def write_workbook(result: AuditResult, path: str | os.PathLike) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = Path(path)
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    wide = {"文件": 40, "机关名称": 28, "位置": 40, "位置代码": 30, "说明": 80, "无法读取的原因": 60, "备注": 40,
            "上年报告（跨年度比对）": 30, "空白单元格": 30, "未能读取的内容": 40}
    for title, header, rows in (
        (SHEETS[0], SUMMARY_HEADER, summary_rows(result)),
        (SHEETS[1], FINDINGS_HEADER, finding_rows(result)),
        (SHEETS[2], RULES_HEADER, rule_rows(result)),
    ):
        ws = wb.create_sheet(title)
        for i, h in enumerate(header, 1):
            ws.column_dimensions[get_column_letter(i)].width = wide.get(h, max(10, len(h) * 2))
        ws.freeze_panes = "A2"
        head = []
        for h in header:
            c = WriteOnlyCell(ws, value=h)
            c.font = bold
            head.append(c)
        ws.append(head)
        n = 0
        for r in rows:
            ws.append([safe_cell(v) for v in r])
            n += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{n + 1}"  # sort and filter by any column
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(target, buf.getvalue())
    return target
