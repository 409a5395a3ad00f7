"""The report as Markdown: headings, paragraphs, and the tables as Markdown tables.

Markdown has no merged cells, so every row and column label is printed in full: a sub-row of table 三
reads "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密", a column "申请人情况 / 法人或其他组织 / 商业企业",
a column of table 四
"行政诉讼 / 未经复议直接起诉 / 结果维持". The export stamp is a front-matter block (JSON-quoted values,
valid YAML).
"""

from __future__ import annotations

import json
import re

from assistant.export._grid import T2_BLOCK_COLUMNS
from assistant.export._outline import Heading, Para, RunInItem, TableRef, Title, format_cell, outline
from assistant.export._stamp import Stamp
from schemas import labels as L
from schemas.layout import T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, get_cell
from schemas.report import Report

__all__ = ["LABEL_SEPARATOR", "render_markdown"]

LABEL_SEPARATOR = " / "

_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def _esc(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _table(header: list[str], rows: list[list[str]], label_cols: int = 1) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_INLINE.sub(r"\\\1", c) for c in cells) + " |"

    align = ["---"] * label_cols + ["---:"] * (len(header) - label_cols)
    return [line(header), "| " + " | ".join(align) + " |", *(line(r) for r in rows), ""]


def _table2(report: Report) -> list[str]:
    out: list[str] = []
    for block, rows in L.T2_BLOCK_ROWS.items():
        cols = T2_BLOCK_COLUMNS[block]
        out += [f"**{_esc(L.T2_BLOCK_TITLES[block])}**", ""]
        out += _table([L.T2_CONTENT_HEADER, *(L.T2_COLUMN_LABELS[c] for c in cols)],
                      [[L.T2_ROW_LABELS[r], *(format_cell(get_cell(report, f"t2.{r}.{c}")) for c in cols)]
                       for r in rows])
    return out


def _t3_column(col: str) -> str:
    parts = [L.T3_APPLICANT_HEADER, *([] if col in ("natural", "total") else [L.T3_LEGAL_PERSON_HEADER]),
             L.T3_COLUMN_LABELS[col]]
    return LABEL_SEPARATOR.join(parts)


def _t3_row(row) -> str:
    if row.path[0] in ("new_received", "carried_over", "carried_forward"):
        return row.label
    parts = [L.T3_RESULTS_HEADER, *([row.group_label] if row.group_label else []), row.label]
    return LABEL_SEPARATOR.join(parts)


def _table3(report: Report) -> list[str]:
    header = [L.T3_HEADER_NOTE, *(_t3_column(c) for c in T3_COLUMNS)]
    rows = [[_t3_row(r), *(format_cell(get_cell(report, f"{r.address}.{c}")) for c in T3_COLUMNS)] for r in T3_ROWS]
    return _table(header, rows)


def _table4(report: Report) -> list[str]:
    header, row = [], []
    for block in T4_BLOCKS:
        head = L.T4_REVIEW_HEADER if block == "review" else \
            f"{L.T4_LITIGATION_HEADER}{LABEL_SEPARATOR}{L.T4_BLOCK_LABELS[block]}"
        for col in T4_COLUMNS:
            header.append(f"{head}{LABEL_SEPARATOR}{L.T4_COLUMN_LABELS[col]}")
            row.append(format_cell(get_cell(report, f"t4.{block}.{col}")))
    return _table(header, [row], label_cols=0)


def _front_matter(stamp: Stamp, title: str) -> list[str]:
    fields = {"title": title, **stamp.properties()}
    return ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()), "---", ""]


def render_markdown(report: Report, *, stamp: Stamp | None = None) -> str:
    out: list[str] = []
    tables = {"t2": _table2, "t3": _table3, "t4": _table4}
    for block in outline(report):
        if isinstance(block, Title):
            if stamp:
                out += _front_matter(stamp, block.text)
            out += [f"# {_esc(block.text)}", ""]
        elif isinstance(block, Heading):
            out += [f"{'##' if block.level == 1 else '###'} {_esc(block.text)}", ""]
        elif isinstance(block, Para):
            out += [_esc(block.text), ""]
        elif isinstance(block, RunInItem):
            out += [f"{_esc(block.head)}{_esc(block.text)}", ""]
        elif isinstance(block, TableRef):
            out += tables[block.key](report)
    return "\n".join(out).rstrip("\n") + "\n"
