"""The published sample, as copied from the web page, read into exactly the gold model."""

from __future__ import annotations

from import_helpers import assert_same_report

from assistant.importing import parse_text
from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, get_cell


def test_sample_text_equals_gold_on_every_cell_and_part(sample_text, sample_gold):
    got = parse_text(sample_text)
    assert_same_report(got, sample_gold)


def test_sample_cells_are_zeros_not_blanks(sample_text):
    got = parse_text(sample_text)
    values = [get_cell(got, a) for a in ALL_CELL_ADDRESSES]
    assert len(values) == 200
    assert all(type(v) is int and v == 0 for a, v in zip(ALL_CELL_ADDRESSES, values) if a != "t2.fees.amount")
    assert str(get_cell(got, "t2.fees.amount")) == "0"


def test_sample_source_lists_the_six_parts_in_order(sample_text):
    src = parse_text(sample_text).source
    assert src is not None
    assert src.kind == "text"
    assert src.format_version == "2021"
    assert [(h.numeral, h.title) for h in src.part_headings] == [
        (L.PART_NUMERALS[p], L.PART_TITLES[p]) for p in L.PART_TITLES]
    offsets = [h.offset for h in src.part_headings]
    assert offsets == sorted(offsets) and len(set(offsets)) == 6
    for h in src.part_headings:
        assert sample_text[h.offset:].startswith(f"{h.numeral}、{h.title}")
    assert src.missing == []
    assert src.notes == []


def test_sample_paragraphs_cut_by_page_breaks_are_joined(sample_text):
    got = parse_text(sample_text)
    assert "作出明确要求，相关责任科室" in got.part1.management
    assert "努力提高信息公开的针对性和实效性" in got.part5
    assert "\n" not in got.part5
