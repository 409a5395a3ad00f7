"""HTML and Markdown: the same structure and labels as the Word document, every text escaped."""

from __future__ import annotations

import re

import lxml.html
import pytest

from assistant.export import render_html, render_html_body, render_markdown
from assistant.export._grid import grid_for
from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, T3_ROWS, get_cell
from tests.export_support import check_layout, expected_table3, expected_table4, html_regions, sample_report


@pytest.fixture(scope="module")
def rich():
    return consistent_report(12)


def test_html_is_a_standalone_page(rich):
    page = render_html(rich)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    doc = lxml.html.document_fromstring(page)
    assert doc.find("head/meta[@charset]") is not None and doc.find("head/style").text.strip()
    assert doc.findtext("head/title") == rich.meta.title
    assert [h.text for h in doc.iter("h2")] == [f"{L.PART_NUMERALS[p]}、{t}" for p, t in L.PART_TITLES.items()]
    assert [h.text for h in doc.iter("h3")][:5] == [f"（{n}）{t}" for n, t in zip(L.CN_ORDINALS,
                                                                                L.P1_SUBPART_TITLES.values())]


def test_html_tables_have_the_official_merges(rich):
    tables = lxml.html.document_fromstring(render_html(rich)).findall(".//table")
    assert len(tables) == 3
    check_layout(html_regions(tables[1]), expected_table3(), (3, 27, 3, 9))
    check_layout(html_regions(tables[2]), expected_table4(), (3, 3, 0, 14))


def test_html_value_cells_carry_their_address_and_value(rich):
    doc = lxml.html.document_fromstring(render_html_body(rich))
    cells = {td.get("data-address"): td.text_content() for td in doc.iter("td")}
    assert list(cells) == list(ALL_CELL_ADDRESSES)
    assert all(cells[a] == str(get_cell(rich, a)) for a in ALL_CELL_ADDRESSES)


def test_html_escapes_every_text():
    report = consistent_report(2)
    report.meta.title = '<script>alert("x")</script>报告'
    report.meta.agency_name = 'A"B&C'
    report.part5 = "问题<b>一</b> & 改进"
    page = render_html(report)
    assert "<script>" not in page and "<b>" not in page
    doc = lxml.html.document_fromstring(page)
    assert doc.findtext("head/title") == report.meta.title
    assert any(p.text_content() == report.part5 for p in doc.iter("p"))
    assert doc.find('head/meta[@name="author"]').get("content") == 'A"B&C'


def test_markdown_tables_print_labels_in_full(rich):
    md = render_markdown(rich)
    lines = md.splitlines()
    assert lines[0] == f"# {rich.meta.title}"
    rows = {line.split(" | ")[0].lstrip("| "): line for line in lines if line.startswith("| ")}
    for row in T3_ROWS:
        label = row.label if row.group is None and row.path[0] in ("new_received", "carried_over",
                                                                 "carried_forward") else None
        full = label or " / ".join([L.T3_RESULTS_HEADER, *([row.group_label] if row.group_label else []), row.label])
        assert full in rows, full
        numbers = rows[full].strip("| ").split(" | ")[1:]
        obj = rich.table3
        for p in row.path:
            obj = getattr(obj, p)
        assert numbers == [str(getattr(obj, c)) for c in L.T3_COLUMN_LABELS]
    header = next(line for line in lines if line.startswith(f"| {L.T3_HEADER_NOTE}"))
    assert f"{L.T3_APPLICANT_HEADER} / {L.T3_LEGAL_PERSON_HEADER} / {L.T3_COLUMN_LABELS['research']}" in header
    t4_header = next(line for line in lines if L.T4_REVIEW_HEADER in line and line.startswith("| "))
    assert t4_header.count(" | ") == 14
    assert f"{L.T4_LITIGATION_HEADER} / {L.T4_BLOCK_LABELS['litigation_after_review']} / " \
           f"{L.T4_COLUMN_LABELS['pending']}" in t4_header
    for title in L.T2_BLOCK_TITLES.values():
        assert f"**{title}**" in md


def test_markdown_escapes_what_would_change_the_structure():
    report = sample_report()
    report.part5 = "# 不是标题 | 也不是表格 *也不强调*"
    md = render_markdown(report)
    assert r"\# 不是标题 \| 也不是表格 \*也不强调\*" in md


def test_part6_items_are_numbered_run_in(rich):
    md = render_markdown(rich)
    for i, item in enumerate(rich.part6):
        assert f"（{L.CN_ORDINALS[i]}）{item.title}。{item.text}" in md
    body = render_html_body(rich)
    assert re.search(r'<span class="run-in">（一）' + re.escape(rich.part6[0].title) + "。</span>", body)


def test_grids_cover_every_position(rich):
    for key in ("t2", "t3", "t4"):
        grid_for(key, rich).check()
