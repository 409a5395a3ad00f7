"""Helpers for the importer tests: renderers of a Report as a pasted web page (text), a DOCX and an
HTML page, and comparisons that name every differing cell.

They imitate how reports are really published, independently of ``assistant.export``: the text
has the sample's irregular leading tabs and a repeated table-三 header; the DOCX and HTML tables use
merged cells in the official layout. Labels come from ``schemas.labels``.
"""

from __future__ import annotations

import html as htmllib
import io
from decimal import Decimal

from docx import Document as new_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from schemas import labels as L
from schemas.layout import (
    ALL_CELL_ADDRESSES,
    NARRATIVE_ADDRESSES,
    T3_COLUMNS,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLUMNS,
    get_cell,
    get_text,
)
from schemas.report import Blank, Report

CN = L.CN_ORDINALS
T2_BLOCK_COLUMNS = {"art20_1": ("issued", "repealed", "in_force"), "art20_5": ("decisions",),
                    "art20_6": ("decisions",), "art20_8": ("amount",)}


def fmt(v: int | Decimal | Blank) -> str:
    return v.blank if isinstance(v, Blank) else str(v)


def t3_values(report: Report, row) -> list[str]:
    return [fmt(get_cell(report, f"{row.address}.{c}")) for c in T3_COLUMNS]


def t4_values(report: Report) -> list[str]:
    return [fmt(get_cell(report, f"t4.{b}.{c}")) for b in T4_BLOCKS for c in T4_COLUMNS]


def p1_items(report: Report) -> list[tuple[str, str]]:
    return [(title, getattr(report.part1, key)) for key, title in L.P1_SUBPART_TITLES.items()]


def p6_items(report: Report) -> list[tuple[str, str]]:
    return [(item.title, item.text) for item in report.part6]


def heading(pid: str) -> str:
    return f"{L.PART_NUMERALS[pid]}、{L.PART_TITLES[pid]}"


# ---- text, as copied from a web page ---------------------------------------------------------------
T3_HEADER_LINES = [
    f"{L.T3_HEADER_NOTE}\t\t{L.T3_APPLICANT_HEADER}\t\t\t\t\t\t{L.T3_COLUMN_LABELS['total']}\t",
    f"\t\t{L.T3_COLUMN_LABELS['natural']}\t{L.T3_LEGAL_PERSON_HEADER}\t\t\t\t\t\t",
    "\t\t\t" + "\t".join(L.T3_COLUMN_LABELS[c] for c in T3_COLUMNS[1:6]) + "\t\t",
]


def _paragraph_lines(first: str, text: str) -> list[str]:
    paras = text.split("\n") if text else [""]
    out = [first + paras[0], ""]
    for p in paras[1:]:
        out += [p, ""]
    return out


def text_table2(report: Report) -> list[str]:
    out: list[str] = []
    for block, rows in L.T2_BLOCK_ROWS.items():
        cols = T2_BLOCK_COLUMNS[block]
        out.append(L.T2_BLOCK_TITLES[block] + "\t" * 3)
        out.append("\t".join([L.T2_CONTENT_HEADER, *(L.T2_COLUMN_LABELS[c] for c in cols)]) + "\t" * (3 - len(cols)))
        for row in rows:
            out.append("\t".join([L.T2_ROW_LABELS[row], *(fmt(get_cell(report, f"t2.{row}.{c}")) for c in cols)]))
    return out


def text_table3(report: Report, page_break_before: str = "other_handling") -> list[str]:
    out = list(T3_HEADER_LINES)
    seen: set[str] = set()
    for i, row in enumerate(T3_ROWS):
        vals = "\t".join(t3_values(report, row))
        if row.group == page_break_before and row.group not in seen:
            out += [""] + T3_HEADER_LINES
        if row.group is None and row.path[0] in ("new_received", "carried_over", "carried_forward"):
            numeral, _, rest = row.label.partition("、")
            out.append(f"{numeral}、\t{rest}\t{vals}\t" if i < 2 else f"{row.label}\t\t{vals}\t")
        elif row.path[0] == "granted":
            out.append(f"{L.T3_RESULTS_HEADER}\t{row.label}\t{vals}\t")
        elif row.group is None:
            out.append(f"{row.label}\t\t{vals}\t" if row.path[0] == "total" else f"\t{row.label}\t{vals}\t")
        elif row.group not in seen:
            seen.add(row.group)
            lead = "" if row.group == page_break_before else "\t"
            out.append(f"{lead}{row.group_label}\t{row.label}\t{vals}")
        elif row.group == "not_processed":
            out.append(f"{row.label}\t\t{vals}\t")  # the sample loses the leading cells here
        else:
            out.append(f"\t\t{row.label}\t{vals}")
    return out


def text_table4(report: Report) -> list[str]:
    cols = "\t".join(L.T4_COLUMN_LABELS[c] for c in T4_COLUMNS)
    return [
        f"{L.T4_REVIEW_HEADER}\t\t\t\t\t{L.T4_LITIGATION_HEADER}" + "\t" * 9,
        f"{cols}\t{L.T4_BLOCK_LABELS['litigation_direct']}\t\t\t\t\t{L.T4_BLOCK_LABELS['litigation_after_review']}\t\t\t\t",
        "\t\t\t\t\t" + cols + "\t" + cols,
        "\t".join(t4_values(report)),
    ]


def render_text(report: Report) -> str:
    lines = ["", "", report.meta.title, ""]
    if report.preamble:
        lines += _paragraph_lines("", report.preamble)
    lines += [heading("p1"), ""]
    for i, (title, text) in enumerate(p1_items(report)):
        lines += _paragraph_lines(f"（{CN[i]}）{title}。", text)
    lines += [heading("p2"), ""] + text_table2(report) + [""]
    lines += [heading("p3"), ""] + text_table3(report) + [""]
    lines += [heading("p4"), ""] + text_table4(report) + [""]
    lines += [heading("p5"), ""] + _paragraph_lines("", report.part5)
    lines += [heading("p6"), ""]
    for i, (title, text) in enumerate(p6_items(report)):
        lines += _paragraph_lines(f"（{CN[i]}）{title}。", text)
    return "\n".join(lines).rstrip("\n")


# ---- DOCX, official layout with merged cells ----------------------------------------------------------
def _merge(table, r0: int, c0: int, r1: int, c1: int, text: str) -> None:
    cell = table.cell(r0, c0)
    if (r0, c0) != (r1, c1):
        cell = cell.merge(table.cell(r1, c1))
    cell.text = text


def _docx_table2(doc, report: Report) -> None:
    n_rows = sum(2 + len(rows) for rows in L.T2_BLOCK_ROWS.values())
    t = doc.add_table(rows=n_rows, cols=4)
    t.style = "Table Grid"
    r = 0
    for block, rows in L.T2_BLOCK_ROWS.items():
        cols = T2_BLOCK_COLUMNS[block]
        span = 3 // len(cols)
        _merge(t, r, 0, r, 3, L.T2_BLOCK_TITLES[block])
        t.cell(r + 1, 0).text = L.T2_CONTENT_HEADER
        for i, c in enumerate(cols):
            _merge(t, r + 1, 1 + i * span, r + 1, i * span + span, L.T2_COLUMN_LABELS[c])
        for k, row in enumerate(rows):
            t.cell(r + 2 + k, 0).text = L.T2_ROW_LABELS[row]
            for i, c in enumerate(cols):
                _merge(t, r + 2 + k, 1 + i * span, r + 2 + k, i * span + span, fmt(get_cell(report, f"t2.{row}.{c}")))
        r += 2 + len(rows)


def _docx_table3(doc, report: Report) -> None:
    t = doc.add_table(rows=3 + len(T3_ROWS), cols=10)
    t.style = "Table Grid"
    _merge(t, 0, 0, 2, 2, L.T3_HEADER_NOTE)
    _merge(t, 0, 3, 0, 9, L.T3_APPLICANT_HEADER)
    _merge(t, 1, 3, 2, 3, L.T3_COLUMN_LABELS["natural"])
    _merge(t, 1, 4, 1, 8, L.T3_LEGAL_PERSON_HEADER)
    _merge(t, 1, 9, 2, 9, L.T3_COLUMN_LABELS["total"])
    for i, c in enumerate(T3_COLUMNS[1:6]):
        t.cell(2, 4 + i).text = L.T3_COLUMN_LABELS[c]
    first = {row.address: 3 + i for i, row in enumerate(T3_ROWS)}
    results = [row for row in T3_ROWS if row.path[0] not in ("new_received", "carried_over", "carried_forward")]
    _merge(t, first[results[0].address], 0, first[results[-1].address], 0, L.T3_RESULTS_HEADER)
    for row in T3_ROWS:
        r = first[row.address]
        if row.path[0] in ("new_received", "carried_over", "carried_forward"):
            _merge(t, r, 0, r, 2, row.label)
        elif row.group is None:
            _merge(t, r, 1, r, 2, row.label)
        else:
            subs = list(L.T3_GROUP_ROWS[row.group])
            if row.path[1] == subs[0]:
                _merge(t, r, 1, r + len(subs) - 1, 1, row.group_label or "")
            t.cell(r, 2).text = row.label
        for i, v in enumerate(t3_values(report, row)):
            t.cell(r, 3 + i).text = v


def _docx_table4(doc, report: Report) -> None:
    t = doc.add_table(rows=4, cols=15)
    t.style = "Table Grid"
    _merge(t, 0, 0, 0, 4, L.T4_REVIEW_HEADER)
    _merge(t, 0, 5, 0, 14, L.T4_LITIGATION_HEADER)
    for i, c in enumerate(T4_COLUMNS):
        _merge(t, 1, i, 2, i, L.T4_COLUMN_LABELS[c])
        t.cell(2, 5 + i).text = L.T4_COLUMN_LABELS[c]
        t.cell(2, 10 + i).text = L.T4_COLUMN_LABELS[c]
    _merge(t, 1, 5, 1, 9, L.T4_BLOCK_LABELS["litigation_direct"])
    _merge(t, 1, 10, 1, 14, L.T4_BLOCK_LABELS["litigation_after_review"])
    for i, v in enumerate(t4_values(report)):
        t.cell(3, i).text = v


P1_LIST, P6_LIST = 902, 903  # numIds of the item lists of parts 一 and 六


def _add_list(doc, num_id: int, fmt: str, text: str) -> int:
    """A one-level Word list (numbering.xml) printing ``text`` with %1 as ``fmt``; returns its numId."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def _num_pr(num_id: int) -> object:
    return parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')


def render_docx(report: Report, *, numbered: bool = False, layout_table: bool = False) -> bytes:
    """``numbered``: part headings and items numbered by Word (the numbers are not in the text);
    ``layout_table``: the whole report inside a one-cell table, as some agencies lay out pages."""
    doc = new_docx()
    box = doc.add_table(rows=1, cols=1).cell(0, 0) if layout_table else doc
    heading_style = doc.styles["Heading 1"]
    if numbered:  # headings through their style, items directly, each list counting on its own
        heading_style.element.get_or_add_pPr().append(_num_pr(_add_list(doc, 901, "chineseCounting", "%1、")))
        _add_list(doc, P1_LIST, "chineseCounting", "（%1）")
        _add_list(doc, P6_LIST, "chineseCounting", "（%1）")

    def head(pid: str) -> None:
        if numbered:
            box.add_paragraph(L.PART_TITLES[pid], style=heading_style)
        else:
            box.add_paragraph(heading(pid))

    def item(i: int, title: str, text: str, num_id: int) -> None:
        if numbered:
            box.add_paragraph(f"{title}。{text}")._p.get_or_add_pPr().append(_num_pr(num_id))
        else:
            box.add_paragraph(f"（{CN[i]}）{title}。{text}")

    box.add_paragraph(report.meta.title)
    for para in report.preamble.split("\n") if report.preamble else []:
        box.add_paragraph(para)
    head("p1")
    for i, (title, text) in enumerate(p1_items(report)):
        paras = text.split("\n")
        item(i, title, paras[0], P1_LIST)
        for para in paras[1:]:
            box.add_paragraph(para)
    head("p2")
    _docx_table2(box, report)
    head("p3")
    _docx_table3(box, report)
    head("p4")
    _docx_table4(box, report)
    head("p5")
    for para in report.part5.split("\n"):
        box.add_paragraph(para)
    head("p6")
    for i, (title, text) in enumerate(p6_items(report)):
        item(i, title, text, P6_LIST)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ---- HTML, as a government site publishes it ---------------------------------------------------------------
def _e(s: str) -> str:
    # government pages use &nbsp; for spaces inside Chinese text
    return htmllib.escape(s).replace(" ", "&nbsp;")


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f'<td{attrs} style="border:1px solid #000"><p style="text-align:center">{_e(text)}</p></td>'


def _html_table2(report: Report) -> str:
    rows = []
    for block, items in L.T2_BLOCK_ROWS.items():
        cols = T2_BLOCK_COLUMNS[block]
        span = 3 // len(cols)
        rows.append(_td(L.T2_BLOCK_TITLES[block], colspan=4))
        rows.append(_td(L.T2_CONTENT_HEADER) + "".join(_td(L.T2_COLUMN_LABELS[c], colspan=span) for c in cols))
        for row in items:
            rows.append(_td(L.T2_ROW_LABELS[row])
                        + "".join(_td(fmt(get_cell(report, f"t2.{row}.{c}")), colspan=span) for c in cols))
    return "<table>" + "".join(f"<tr>{r}</tr>\n" for r in rows) + "</table>"


def _html_table3(report: Report) -> str:
    rows = [
        _td(L.T3_HEADER_NOTE, rowspan=3, colspan=3) + _td(L.T3_APPLICANT_HEADER, colspan=7),
        _td(L.T3_COLUMN_LABELS["natural"], rowspan=2) + _td(L.T3_LEGAL_PERSON_HEADER, colspan=5)
        + _td(L.T3_COLUMN_LABELS["total"], rowspan=2),
        "".join(_td(L.T3_COLUMN_LABELS[c]) for c in T3_COLUMNS[1:6]),
    ]
    n_results = sum(1 for r in T3_ROWS if r.path[0] not in ("new_received", "carried_over", "carried_forward"))
    for row in T3_ROWS:
        vals = "".join(_td(v) for v in t3_values(report, row))
        if row.path[0] in ("new_received", "carried_over", "carried_forward"):
            rows.append(_td(row.label, colspan=3) + vals)
            continue
        lead = _td(L.T3_RESULTS_HEADER, rowspan=n_results) if row.path[0] == "granted" else ""
        if row.group is None:
            rows.append(lead + _td(row.label, colspan=2) + vals)
        else:
            subs = list(L.T3_GROUP_ROWS[row.group])
            if row.path[1] == subs[0]:
                lead += _td(row.group_label or "", rowspan=len(subs))
            rows.append(lead + _td(row.label) + vals)
    return '<table border="1" cellspacing="0">' + "".join(f"<tr>{r}</tr>\n" for r in rows) + "</table>"


def _html_table4(report: Report) -> str:
    cols = "".join(_td(L.T4_COLUMN_LABELS[c]) for c in T4_COLUMNS)
    rows = [
        _td(L.T4_REVIEW_HEADER, colspan=5) + _td(L.T4_LITIGATION_HEADER, colspan=10),
        "".join(_td(L.T4_COLUMN_LABELS[c], rowspan=2) for c in T4_COLUMNS)
        + _td(L.T4_BLOCK_LABELS["litigation_direct"], colspan=5)
        + _td(L.T4_BLOCK_LABELS["litigation_after_review"], colspan=5),
        cols + cols,
        "".join(_td(v) for v in t4_values(report)),
    ]
    return "<table>" + "".join(f"<tr>{r}</tr>\n" for r in rows) + "</table>"


def _p(text: str) -> str:
    return f'<p style="text-indent:2em">&nbsp;&nbsp;{_e(text)}</p>\n'


def render_html(report: Report, *, published: str | None = None) -> str:
    """A report page with site furniture around it (breadcrumb, metadata line, footer)."""
    body = [
        '<div class="nav">首页&nbsp;&gt;&nbsp;政务公开&nbsp;&gt;&nbsp;政府信息公开年报</div>\n',
        f'<div class="article"><h1 style="text-align:center">{_e(report.meta.title)}</h1>\n',
    ]
    if published:
        body.append(f'<div class="info">发布日期：{published}&nbsp;&nbsp;来源：本站&nbsp;&nbsp;浏览次数：128</div>\n')
    body.append('<div class="TRS_Editor">\n')
    for para in report.preamble.split("\n") if report.preamble else []:
        body.append(_p(para))
    body.append(f"<p><strong>{_e(heading('p1'))}</strong></p>\n")
    for i, (title, text) in enumerate(p1_items(report)):
        paras = text.split("\n")
        body.append(f'<p>&nbsp;&nbsp;<strong>（{CN[i]}）{_e(title)}。</strong>{_e(paras[0])}</p>\n')
        body += [_p(para) for para in paras[1:]]
    body.append(f"<p><strong>{_e(heading('p2'))}</strong></p>\n{_html_table2(report)}\n")
    body.append(f"<p><strong>{_e(heading('p3'))}</strong></p>\n{_html_table3(report)}\n")
    body.append(f"<p><strong>{_e(heading('p4'))}</strong></p>\n{_html_table4(report)}\n")
    body.append(f"<p><strong>{_e(heading('p5'))}</strong></p>\n")
    for para in report.part5.split("\n"):
        # a long paragraph published with a <br> in the middle of a sentence
        cut = len(para) // 2
        while cut < len(para) - 1 and para[cut - 1] in "。！？；：，、…）)”":
            cut += 1  # cut inside a sentence, as a page break does
        body.append(f'<p style="text-indent:2em">{_e(para[:cut])}<br/>\n{_e(para[cut:])}</p>\n')
    body.append(f"<p><strong>{_e(heading('p6'))}</strong></p>\n")
    for i, (title, text) in enumerate(p6_items(report)):
        body.append(_p(f"（{CN[i]}）{title}。{text}"))
    body.append("</div></div>\n")
    body.append('<div class="footer"><p>【打印本页】【关闭窗口】</p><p>主办单位：示例市人民政府办公室</p></div>\n')
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{_e(report.meta.title)}</title><script>var x = '一、总体情况';</script></head>\n"
            f"<body>\n{''.join(body)}</body></html>\n")


# ---- comparisons ------------------------------------------------------------------------------------------
def cell_differences(got: Report, expected: Report) -> list[str]:
    """Every one of the 200 cells, by address, that differs (value or type: 0 is not a blank)."""
    out = []
    for address in ALL_CELL_ADDRESSES:
        g, e = get_cell(got, address), get_cell(expected, address)
        if g != e or type(g) is not type(e):
            out.append(f"{address}: got {g!r}, expected {e!r}")
    return out


def narrative_differences(got: Report, expected: Report) -> list[str]:
    out = []
    for address in NARRATIVE_ADDRESSES:
        if get_text(got, address) != get_text(expected, address):
            out.append(f"{address}: got {get_text(got, address)!r}, expected {get_text(expected, address)!r}")
    if got.part6 != expected.part6:
        out.append(f"part6: got {got.part6!r}, expected {expected.part6!r}")
    if got.meta != expected.meta:
        out.append(f"meta: got {got.meta!r}, expected {expected.meta!r}")
    return out


def assert_same_tables(got: Report, expected: Report) -> None:
    diffs = cell_differences(got, expected)
    assert not diffs, f"{len(diffs)} cells differ:\n" + "\n".join(diffs[:30])


def assert_same_report(got: Report, expected: Report) -> None:
    """Equal on every field except ``source``: all 200 cells, every narrative part, part 六, meta."""
    diffs = cell_differences(got, expected) + narrative_differences(got, expected)
    assert not diffs, "\n".join(diffs[:30])
    assert got.model_dump(exclude={"source"}) == expected.model_dump(exclude={"source"})


# ---- Markdown, one pipe table per statistical table, label levels joined by " / " -------------------------
def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(report: Report) -> str:
    out = [f"# {report.meta.title}", "", report.preamble, "", f"## {heading('p1')}", ""]
    for i, (title, text) in enumerate(p1_items(report)):
        out += [f"**（{CN[i]}）{title}**", "", text, ""]
    out += [f"## {heading('p2')}", ""]
    for block, rows in L.T2_BLOCK_ROWS.items():
        cols = T2_BLOCK_COLUMNS[block]
        out += [f"**{L.T2_BLOCK_TITLES[block]}**", "",
                _md_row([L.T2_CONTENT_HEADER, *(L.T2_COLUMN_LABELS[c] for c in cols)]),
                _md_row(["---"] * (1 + len(cols)))]
        out += [_md_row([L.T2_ROW_LABELS[r], *(fmt(get_cell(report, f"t2.{r}.{c}")) for c in cols)]) for r in rows]
        out.append("")
    head = [f"{L.T3_APPLICANT_HEADER} / {L.T3_COLUMN_LABELS['natural']}",
            *(f"{L.T3_APPLICANT_HEADER} / {L.T3_LEGAL_PERSON_HEADER} / {L.T3_COLUMN_LABELS[c]}" for c in T3_COLUMNS[1:6]),
            f"{L.T3_APPLICANT_HEADER} / {L.T3_COLUMN_LABELS['total']}"]
    out += [f"## {heading('p3')}", "", _md_row([L.T3_HEADER_NOTE, *head]), _md_row(["---"] * 8)]
    for row in T3_ROWS:
        label = row.label if row.path[0] in ("new_received", "carried_over", "carried_forward") else (
            " / ".join(x for x in (L.T3_RESULTS_HEADER, row.group_label, row.label) if x))
        out.append(_md_row([label, *t3_values(report, row)]))
    head4 = [f"{L.T4_REVIEW_HEADER} / {L.T4_COLUMN_LABELS[c]}" for c in T4_COLUMNS]
    for b in T4_BLOCKS[1:]:
        head4 += [f"{L.T4_LITIGATION_HEADER} / {L.T4_BLOCK_LABELS[b]} / {L.T4_COLUMN_LABELS[c]}" for c in T4_COLUMNS]
    out += ["", f"## {heading('p4')}", "", _md_row(head4), _md_row(["---:"] * 15), _md_row(t4_values(report)), ""]
    out += [f"## {heading('p5')}", "", report.part5, "", f"## {heading('p6')}", ""]
    for i, (title, text) in enumerate(p6_items(report)):
        out += [f"（{CN[i]}）{title}。{text}", ""]
    return "\n".join(out)
