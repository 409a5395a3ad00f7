"""Tables and reports as staff paste or copy them: Excel/WPS tab-separated text, Markdown, a web
page copied as text. Used by the dataset generator (the dialogues' pasted tables, last year's
report) and by the simulated staff member who answers the assistant's follow-up questions.

These renderings are written here, from the official labels, independently of the offline
engine's table reader: they are what a user's clipboard holds, not what the reader expects.
"""

from __future__ import annotations

import html as html_lib
import re
from decimal import Decimal

from schemas import labels as L
from schemas.layout import T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, t3_row
from schemas.report import Report

__all__ = [
    "cell_text", "t2_sentence", "t2_tsv", "t3_excel", "t3_markdown", "t4_blocks_tsv", "t4_row_tsv",
    "t4_sentence", "web_copy_text",
]


def cell_text(v) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v != v.to_integral_value() else str(int(v))
    return str(getattr(v, "blank", v))


def t3_excel(report: Report, *, with_total: bool = True) -> str:
    """Table 三 copied from Excel or WPS: tabs, the merged group label on its first sub-row only;
    ``with_total=False`` leaves out the 总计 column (staff often do not add it up)."""
    cols = T3_COLUMNS if with_total else L.T3_APPLICANT_COLUMNS
    head = ["申请人情况\t" + "\t".join(L.T3_COLUMN_LABELS[c] for c in cols)]
    lines = list(head)
    for r in T3_ROWS:
        values = [cell_text(getattr(t3_row(report.table3, r), c)) for c in cols]
        label = r.label if r.group is None else (
            (r.group_label or "") + "\t" + r.label if r.label.startswith("1.") else "\t" + r.label)
        lines.append(label + "\t" + "\t".join(values))
    return "\n".join(lines)


def t3_markdown(report: Report) -> str:
    lines = ["| 项目 | " + " | ".join(L.T3_COLUMN_LABELS[c] for c in T3_COLUMNS) + " |",
             "| --- |" + " ---: |" * len(T3_COLUMNS)]
    for r in T3_ROWS:
        values = [cell_text(getattr(t3_row(report.table3, r), c)) for c in T3_COLUMNS]
        lines.append(f"| {r.full_label} | " + " | ".join(values) + " |")
    return "\n".join(lines)


def t2_tsv(report: Report) -> str:
    """Table 二 as a spreadsheet copy: one line per row, numbers after the row label."""
    t2 = report.table2
    lines = ["信息内容\t本年制发件数\t本年废止件数\t现行有效件数"]
    for key in ("regulations", "normative_docs"):
        row = getattr(t2, key)
        lines.append("\t".join([L.T2_ROW_LABELS[key], cell_text(row.issued), cell_text(row.repealed),
                                cell_text(row.in_force)]))
    for key in ("licensing", "penalty", "enforcement"):
        lines.append(f"{L.T2_ROW_LABELS[key]}\t{cell_text(getattr(t2, key).decisions)}")
    lines.append(f"{L.T2_ROW_LABELS['fees']}\t{cell_text(t2.fees.amount)}")
    return "\n".join(lines)


def t2_sentence(report: Report, style: int = 0) -> str:
    t2 = report.table2
    r, n = t2.regulations, t2.normative_docs
    amount = cell_text(t2.fees.amount)
    if style == 0:
        return (f"规章本年制发{r.issued}件、废止{r.repealed}件、现行有效{r.in_force}件；"
                f"行政规范性文件制发{n.issued}件、废止{n.repealed}件、现行有效{n.in_force}件。"
                f"行政许可{t2.licensing.decisions}件，行政处罚{t2.penalty.decisions}件，"
                f"行政强制{t2.enforcement.decisions}件，行政事业性收费{amount}万元。")
    return (f"文件方面，今年出台规章{r.issued}件，废止规章{r.repealed}件，现行有效规章{r.in_force}件；"
            f"印发规范性文件{n.issued}件，废止规范性文件{n.repealed}件，现行有效规范性文件{n.in_force}件。"
            f"全年作出行政许可决定{t2.licensing.decisions}件、行政处罚决定{t2.penalty.decisions}件、"
            f"行政强制决定{t2.enforcement.decisions}件，行政事业性收费{amount}万元。")


def t4_row_tsv(report: Report) -> str:
    """Table 四 as its one data row copied from the web page (15 numbers)."""
    head = "行政复议\t\t\t\t\t行政诉讼"
    values = [cell_text(getattr(getattr(report.table4, b), c)) for b in T4_BLOCKS for c in T4_COLUMNS]
    return head + "\n" + "\t".join(values)


def t4_blocks_tsv(report: Report) -> str:
    """Table 四 rearranged by hand: one line per block, five numbers each."""
    lines = ["\t" + "\t".join(L.T4_COLUMN_LABELS[c] for c in T4_COLUMNS)]
    names = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
    for b in T4_BLOCKS:
        row = getattr(report.table4, b)
        lines.append(names[b] + "\t" + "\t".join(cell_text(getattr(row, c)) for c in T4_COLUMNS))
    return "\n".join(lines)


def t4_sentence(report: Report) -> str:
    rv, d, a = report.table4.review, report.table4.litigation_direct, report.table4.litigation_after_review
    return (f"行政复议{rv.total}件，其中结果维持{rv.upheld}件、结果纠正{rv.corrected}件、其他结果{rv.other}件、"
            f"尚未审结{rv.pending}件；未经复议直接起诉的行政诉讼{d.total}件（维持{d.upheld}件、纠正{d.corrected}件、"
            f"其他{d.other}件、未审结{d.pending}件）；复议后起诉的{a.total}件（维持{a.upheld}件、纠正{a.corrected}件、"
            f"其他{a.other}件、未审结{a.pending}件）。")


_BLOCK_TAGS = re.compile(r"</(p|h[1-6]|div|tr|table|li|title)>|<br\s*/?>", re.I)
_CELL_END = re.compile(r"</t[dh]>", re.I)
_TAG = re.compile(r"<[^>]+>")


def web_copy_text(html: str) -> str:
    """What a browser's select-all + copy gives for a page: paragraphs on lines, table cells
    separated by tabs, a row per line."""
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", html)
    body = _CELL_END.sub("\t", body)
    body = _BLOCK_TAGS.sub("\n", body)
    text = html_lib.unescape(_TAG.sub("", body))
    lines = [line.rstrip("\t ").strip(" ") for line in text.splitlines()]
    return "\n".join(line for line in lines if line.strip()) + "\n"

