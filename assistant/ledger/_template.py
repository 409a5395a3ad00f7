"""The ledger template staff can download: an xlsx with the two ledgers (申请台账, 复议诉讼台账), the
headers the reader knows, and drop-down lists for the applicant type, the outcome (the 21 rows of
三、本年度办理结果 and 办理中) and the review's kind and result, all worded from ``schemas.labels``."""

from __future__ import annotations

import re
from pathlib import Path

from schemas import labels as L
from schemas.layout import T3_RESULT_ROWS

__all__ = ["OUTCOME_CHOICES", "write_template"]

_ORDINAL = re.compile(r"^(（[一二三四五六七八九十]+）|[0-9]+\.)")


def _bare(label: str) -> str:
    return _ORDINAL.sub("", label)


def _outcome_choices() -> list[str]:
    out = []
    for r in T3_RESULT_ROWS:
        if r.group_label:
            out.append(f"{_bare(r.group_label)}-{_bare(r.label)}")
        else:
            out.append(_bare(r.label).split("（")[0])
    return out + ["办理中（结转下年度）"]


OUTCOME_CHOICES: tuple[str, ...] = tuple(_outcome_choices())
APPLICATION_HEADERS = ("申请编号", "收到日期", "申请人", "申请人类型", "申请内容", "答复日期", "办理结果", "是否收费", "备注")
REVIEW_HEADERS = ("案号", "案件类型", "申请人（原告）", "收到（立案）日期", "结果", "审结日期", "备注")
REVIEW_KINDS = (L.T4_REVIEW_HEADER, f"{L.T4_LITIGATION_HEADER}-{L.T4_BLOCK_LABELS['litigation_direct']}",
                f"{L.T4_LITIGATION_HEADER}-{L.T4_BLOCK_LABELS['litigation_after_review']}")
REVIEW_RESULTS = tuple(L.T4_COLUMN_LABELS[c] for c in ("upheld", "corrected", "other", "pending"))
_ROWS = 2000  # rows the drop-downs cover


def write_template(path: str | Path, agency: str = "", year: int | None = None) -> Path:
    """Write the template to ``path`` (xlsx) and return it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    book = Workbook()
    lists = book.active
    lists.title = "选项"
    columns = {"A": [L.T3_COLUMN_LABELS[c] for c in L.T3_APPLICANT_COLUMNS], "B": list(OUTCOME_CHOICES),
               "C": ["是", "否"], "D": list(REVIEW_KINDS), "E": list(REVIEW_RESULTS)}
    for letter, values in columns.items():
        for i, value in enumerate(values, start=1):
            lists[f"{letter}{i}"] = value
    lists.sheet_state = "hidden"
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    when = f"{year}年" if year else "____年"

    def sheet(title: str, heading: str, headers: tuple[str, ...], widths: tuple[int, ...],
              choices: dict[int, tuple[str, int]], dates: tuple[int, ...]) -> None:
        ws = book.create_sheet(title, index=len(book.sheetnames) - 1)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.cell(1, 1, f"{agency or '（机关名称）'}{when}{heading}").font = Font(bold=True, size=14)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
        for col, (header, width) in enumerate(zip(headers, widths), start=1):
            cell = ws.cell(2, col, header)
            cell.font, cell.fill = Font(bold=True), head_fill
            ws.column_dimensions[cell.column_letter].width = width
        ws.freeze_panes = "A3"
        for col, (letter, count) in choices.items():
            dv = DataValidation(type="list", formula1=f"='选项'!${letter}$1:${letter}${count}", allow_blank=True,
                                showErrorMessage=True, errorTitle="请从下拉列表中选择",
                                error="请从下拉列表中选择（与年度报告表格的项目一致）。")
            ws.add_data_validation(dv)
            col_letter = ws.cell(2, col).column_letter
            dv.add(f"{col_letter}3:{col_letter}{_ROWS}")
        for col in dates:
            letter = ws.cell(2, col).column_letter
            for r in range(3, 203):
                ws[f"{letter}{r}"].number_format = "yyyy-mm-dd"

    sheet("申请台账", "政府信息公开申请办理台账", APPLICATION_HEADERS, (14, 13, 20, 14, 36, 13, 44, 10, 20),
          {4: ("A", 6), 7: ("B", len(OUTCOME_CHOICES)), 8: ("C", 2)}, (2, 6))
    sheet("复议诉讼台账", "政府信息公开行政复议、行政诉讼台账", REVIEW_HEADERS, (16, 28, 20, 16, 12, 13, 20),
          {2: ("D", len(REVIEW_KINDS)), 5: ("E", len(REVIEW_RESULTS))}, (4, 6))
    book.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
