"""Export, import again, compare: every number and every narrative part survives DOCX, HTML and JSON."""

from __future__ import annotations

import pytest

from assistant.export import build_docx, render_bytes, render_html
from assistant.importing import load_report, parse_docx, parse_html
from eval.synthetic import consistent_report
from schemas import Blank, Report
from schemas.layout import get_cell, iter_cells, iter_narrative, set_cell
from tests.export_support import sample_report

SEEDS = (0, 7, 23)


def assert_same_content(got: Report, want: Report) -> None:
    cells_got, cells_want = dict(iter_cells(got)), dict(iter_cells(want))
    wrong = {a: (cells_got[a], v) for a, v in cells_want.items()
             if cells_got[a] != v or type(cells_got[a]) is not type(v)}
    assert not wrong, f"{len(wrong)} cells differ (got, want): {dict(list(wrong.items())[:8])}"
    assert dict(iter_narrative(got)) == dict(iter_narrative(want))
    assert [(i.key, i.title, i.text) for i in got.part6] == [(i.key, i.title, i.text) for i in want.part6]
    assert (got.meta.agency_name, got.meta.report_year) == (want.meta.agency_name, want.meta.report_year)


@pytest.fixture(params=["sample", *SEEDS], ids=lambda p: p if isinstance(p, str) else f"seed{p}")
def report(request) -> Report:
    return sample_report() if request.param == "sample" else consistent_report(request.param)


def test_docx_round_trip(tmp_path, report):
    path = tmp_path / "report.docx"
    path.write_bytes(build_docx(report))
    assert_same_content(load_report(path), report)


def test_markdown_round_trip(tmp_path, report):
    path = tmp_path / "report.md"
    path.write_bytes(render_bytes(report, "md")[0])
    assert_same_content(load_report(path), report)


def test_html_round_trip(tmp_path, report):
    page = render_html(report)
    assert_same_content(parse_html(page), report)
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    assert_same_content(load_report(path), report)


def test_json_round_trip(tmp_path, report):
    data, _ = render_bytes(report, "json")
    assert Report.model_validate_json(data) == report  # lossless, source included
    path = tmp_path / "report.json"
    path.write_bytes(data)
    assert load_report(path).model_dump(exclude={"source"}) == report.model_dump(exclude={"source"})


def test_blank_markers_survive_docx_and_html():
    # a Blank prints as its own marker and is read back as that marker, never as 0
    report = consistent_report(3)
    marks = {"t3.granted.natural": Blank(blank="/"), "t4.review.total": Blank(blank=""),
             "t2.fees.amount": Blank(blank="—"), "t3.withheld.inquiry.other": Blank(blank="无")}
    for address, blank in marks.items():
        set_cell(report, address, blank)
    for back in (parse_docx(build_docx(report)), parse_html(render_html(report))):
        assert {a: get_cell(back, a) for a in marks} == marks
        assert_same_content(back, report)


def test_round_trip_notices_a_changed_cell(tmp_path):
    # the comparison itself must be able to fail: a DOCX of a changed report is not the original
    original = consistent_report(7)
    changed = original.model_copy(deep=True)
    changed.table3.withheld.third_party.research += 1
    path = tmp_path / "changed.docx"
    path.write_bytes(build_docx(changed))
    with pytest.raises(AssertionError, match="1 cells differ"):
        assert_same_content(load_report(path), original)
