"""The same report as text, DOCX and HTML reads into the same model; load_report picks the reader."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.oxml.ns import qn
from import_helpers import (
    assert_same_report,
    assert_same_tables,
    render_docx,
    render_html,
    render_markdown,
    render_text,
)

from assistant.importing import load_report, parse_docx, parse_html, parse_text
from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, T3_ROWS, get_cell, set_cell
from schemas.report import Blank, Report

KINDS = ("text", "docx", "html")
PUBLISHED = "2024-01-19"


def render_and_parse(kind: str, report: Report) -> Report:
    if kind == "text":
        return parse_text(render_text(report))
    if kind == "docx":
        return parse_docx(render_docx(report))
    return parse_html(render_html(report, published=PUBLISHED))


def expected_for(kind: str, report: Report) -> Report:
    exp = report.copy_deep()
    if kind == "html":  # the page's 发布日期 line is the publication date
        exp.meta.publication_date = dt.date.fromisoformat(PUBLISHED)
    return exp


@pytest.mark.parametrize("kind", KINDS)
def test_sample_rendered_reads_back_as_gold(kind, sample_gold):
    got = render_and_parse(kind, sample_gold)
    assert_same_report(got, expected_for(kind, sample_gold))
    assert got.source.kind == kind
    assert got.source.format_version == "2021"
    assert got.source.missing == []
    assert [h.numeral for h in got.source.part_headings] == list(L.PART_NUMERALS.values())


@pytest.mark.parametrize("seed", [1, 7, 42])
@pytest.mark.parametrize("kind", KINDS)
def test_consistent_report_reads_back_identically(kind, seed):
    report = consistent_report(seed)
    got = render_and_parse(kind, report)
    assert_same_tables(got, report)
    assert_same_report(got, expected_for(kind, report))
    assert got.source.missing == []
    assert L.FORMAT_DOC_2021 in got.source.cited_documents


def _with_blanks(report: Report) -> Report:
    r = report.copy_deep()
    set_cell(r, "t2.licensing.decisions", Blank(blank="/"))
    set_cell(r, "t2.fees.amount", Blank(blank="—"))
    set_cell(r, "t3.granted.research", Blank(blank=""))
    set_cell(r, "t3.withheld.third_party.natural", Blank(blank="无"))
    set_cell(r, "t3.unable.unclear.total", Blank(blank="/"))
    set_cell(r, "t3.not_processed.repeated.commercial", Blank(blank="—"))
    set_cell(r, "t4.review.pending", Blank(blank="-"))
    set_cell(r, "t4.litigation_after_review.total", Blank(blank="/"))
    return r


@pytest.mark.parametrize("kind", KINDS)
def test_blank_cells_stay_blank_never_zero(kind):
    report = _with_blanks(consistent_report(3))
    got = render_and_parse(kind, report)
    assert_same_tables(got, report)
    assert get_cell(got, "t3.granted.research") == Blank(blank="")
    assert got.source.missing == []


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_empty_cells_at_row_ends_are_blanks_in_real_grids(kind):
    report = consistent_report(5)
    for row in T3_ROWS[:3]:
        set_cell(report, f"{row.address}.natural", Blank(blank=""))
        set_cell(report, f"{row.address}.total", Blank(blank=""))
    set_cell(report, "t4.review.upheld", Blank(blank=""))
    set_cell(report, "t4.litigation_after_review.total", Blank(blank=""))
    set_cell(report, "t2.regulations.in_force", Blank(blank=""))
    got = render_and_parse(kind, report)
    assert_same_tables(got, report)
    assert got.source.missing == []  # a grid cell that is empty was there: blank, not missing


def test_html_table_split_at_a_page_break_with_repeated_header():
    report = consistent_report(9)
    page = render_html(report)
    header_end = page.index("</tr>", page.index(L.T3_COLUMN_LABELS["legal_service"])) + len("</tr>")
    header = page[page.index("<tr>", page.index(L.T3_HEADER_NOTE) - 300):header_end]
    cut = page.rindex("<tr>", 0, page.index(L.T3_GROUP_LABELS["other_handling"]))
    page = page[:cut] + "</table>\n<p></p>\n<table>" + header + page[cut:]
    got = parse_html(page)
    assert_same_tables(got, report)


def test_html_inside_a_layout_table_and_declared_gb2312():
    report = consistent_report(4)
    page = render_html(report)
    body_start, body_end = page.index("<body>") + 6, page.index("</body>")
    page = (page[:body_start] + '<table width="100%"><tr><td>' + page[body_start:body_end]
            + "</td></tr></table>" + page[body_end:]).replace('charset="utf-8"', 'charset="gb2312"')
    got = parse_html(page.encode("gb18030"))
    assert_same_report(got, report)


@pytest.mark.parametrize("seed", [0, 7])
def test_markdown_pipe_tables_with_joined_label_levels(seed, tmp_path):
    report = consistent_report(seed)
    path = tmp_path / "report.md"
    path.write_text(render_markdown(report), encoding="utf-8")
    got = load_report(path)
    assert_same_report(got, report)
    assert got.source.missing == [] and got.source.notes == []


@pytest.mark.parametrize("numbered,layout_table", [(True, False), (False, True), (True, True)])
def test_docx_with_word_numbering_and_layout_table(numbered, layout_table):
    report = consistent_report(33)
    data = render_docx(report, numbered=numbered, layout_table=layout_table)
    if numbered:  # the numbers are Word's, not in the text
        words = "".join(t.text or "" for t in new_docx(io.BytesIO(data)).element.body.iter(qn("w:t")))
        assert L.PART_TITLES["p1"] in words and f"一、{L.PART_TITLES['p1']}" not in words
        assert f"（一）{L.P1_SUBPART_TITLES['active']}" not in words
    got = parse_docx(data)
    assert_same_report(got, report)
    assert [(h.numeral, h.title) for h in got.source.part_headings] == [
        (L.PART_NUMERALS[p], L.PART_TITLES[p]) for p in L.PART_TITLES]
    assert got.source.missing == []


def test_docx_typed_with_tabs_instead_of_tables():
    """A report typed into Word, its tables as tab-aligned paragraphs."""
    report = consistent_report(15)
    doc = new_docx()
    for line in render_text(report).split("\n"):
        if line.strip():
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    got = parse_docx(buf.getvalue())
    assert_same_report(got, report)


def test_sample_text_pasted_into_word(sample_text, sample_gold):
    doc = new_docx()
    for line in sample_text.split("\n"):
        if line.strip():
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    assert_same_report(parse_docx(buf.getvalue()), sample_gold)


def test_parse_docx_accepts_a_path_or_a_string(tmp_path):
    report = consistent_report(2)
    path = tmp_path / "报告.docx"
    path.write_bytes(render_docx(report))
    assert_same_report(parse_docx(path), report)
    assert_same_report(parse_docx(str(path)), report)


@pytest.mark.parametrize("name,content", [
    ("r.txt", "text"), ("r.text", "text"), ("r.md", "text"), ("r.docx", "docx"), ("r.html", "html"),
    ("r.htm", "html"), ("r.json", "json"), ("r.download", "html"), ("r", "text"), ("r.dat", "docx"),
])
def test_load_report_by_extension_and_by_content(tmp_path, name, content):
    report = consistent_report(6)
    path = tmp_path / name
    if content == "text":
        path.write_text(render_text(report), encoding="utf-8")
    elif content == "docx":
        path.write_bytes(render_docx(report))
    elif content == "html":
        path.write_text(render_html(report), encoding="utf-8")
    else:
        path.write_text(report.model_dump_json(), encoding="utf-8")
    got = load_report(path)
    assert_same_report(got, report)
    assert got.source.kind == ("generated" if content == "json" else content)
    if content != "json":
        assert got.source.path == str(path)


def test_json_without_source_gets_a_json_source(tmp_path):
    report = consistent_report(6)
    report.source = None
    path = tmp_path / "r.json"
    path.write_text(report.model_dump_json(), encoding="utf-8")
    got = load_report(path)
    assert got.source.kind == "json" and got.source.path == str(path)
    assert all(get_cell(got, a) == get_cell(report, a) for a in ALL_CELL_ADDRESSES)


def test_text_with_crlf_and_utf8_bom_reads_the_same(tmp_path, sample_text, sample_gold):
    path = Path(tmp_path / "bom.txt")
    path.write_bytes(b"\xef\xbb\xbf" + sample_text.replace("\n", "\r\n").encode("utf-8"))
    assert_same_report(load_report(path), sample_gold)


def test_truncated_or_garbled_html_never_raises():
    report = consistent_report(35)
    page = render_html(report)
    cells = 0
    for cut in range(0, len(page), max(1, len(page) // 300)):
        got = parse_html(page[:cut])
        assert isinstance(got, Report)
        read = [a for a in ALL_CELL_ADDRESSES if a not in got.source.missing]
        assert len(read) >= cells or cut < 10  # more of the page, never fewer cells
        cells = len(read)
        # whatever was read is right, except the one cell the cut went through (a shorter
        # number, or the start of a tag kept as text: a blank with a note)
        wrong = [a for a in read if get_cell(got, a) != get_cell(report, a)]
        assert len(wrong) <= 1, (cut, wrong)
        for a in wrong:
            value = get_cell(got, a)
            assert isinstance(value, Blank) or str(get_cell(report, a)).startswith(str(value)), (cut, a)
    garbled = page.replace("</tr>", "", 7).replace("<td", "<td rowspan='x' colspan='-3'", 5).replace("</table>", "")
    got = parse_html(garbled + "<table><tr><td rowspan=99999>")
    assert isinstance(got, Report)
