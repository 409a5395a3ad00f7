"""Pasted text as it really arrives: other digits, blanks, repeated headers, split labels and rows,
truncated or garbled text, and the 2019 trial format."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from import_helpers import T3_HEADER_LINES, assert_same_report, assert_same_tables, render_text

from assistant.importing import load_report, parse_text
from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, T3_ROWS, get_cell
from schemas.report import Blank, Report

FIXTURES = Path(__file__).parent / "fixtures" / "import"
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _table_lines_to_fullwidth(text: str) -> str:
    return "\n".join(line.translate(FULLWIDTH) if "\t" in line else line for line in text.split("\n"))


def _line_index(lines: list[str], *needles: str) -> int:
    return next(i for i, line in enumerate(lines) if all(n in line for n in needles))


# ---- digits, blanks ------------------------------------------------------------------------------------
def test_fullwidth_digits_in_tables(sample_text, sample_gold):
    assert_same_report(parse_text(_table_lines_to_fullwidth(sample_text)), sample_gold)
    report = consistent_report(8)
    assert_same_tables(parse_text(_table_lines_to_fullwidth(render_text(report))), report)


def test_fullwidth_digits_everywhere():
    report = consistent_report(12)
    got = parse_text(render_text(report).translate(FULLWIDTH))
    assert_same_tables(got, report)
    assert got.meta.report_year == report.meta.report_year
    assert got.meta.title == report.meta.title.translate(FULLWIDTH)
    assert got.part1.on_request == report.part1.on_request.translate(FULLWIDTH)


def test_blank_and_slash_cells_of_the_sample_stay_blank(sample_text):
    lines = sample_text.split("\n")
    i = _line_index(lines, L.T2_ROW_LABELS["licensing"] + "\t")
    lines[i] = lines[i].replace("\t0", "\t/", 1)
    j = _line_index(lines, "本年新收政府信息公开申请数量")
    cells = lines[j].split("\t")  # 一、 | label | 7 values | ''
    cells[2 + 2], cells[2 + 4], cells[2 + 6] = "—", "", "无"
    lines[j] = "\t".join(cells)
    got = parse_text("\n".join(lines))
    assert get_cell(got, "t2.licensing.decisions") == Blank(blank="/")
    row = got.table3.new_received
    assert (row.natural, row.commercial) == (0, 0)
    assert row.research == Blank(blank="—")
    assert row.legal_service == Blank(blank="")
    assert row.total == Blank(blank="无")
    assert row.other == 0 and type(row.other) is int
    assert got.source.missing == []


# ---- headers and splits -----------------------------------------------------------------------------------
def test_header_repeated_twice(sample_text, sample_gold):
    lines = sample_text.split("\n")
    i = _line_index(lines, "(四) 无法提供")
    lines[i:i] = [""] + T3_HEADER_LINES
    got = parse_text("\n".join(lines))
    assert_same_report(got, sample_gold)
    assert got.source.notes == []


@pytest.mark.parametrize("at", range(1, len(T3_ROWS)))
def test_header_repeated_before_any_row(at):
    report = consistent_report(13)
    lines = render_text(report).split("\n")
    label = T3_ROWS[at].label.split("、")[-1]  # the text layout puts "一、" in a cell of its own
    i = _line_index(lines, label)
    lines[i:i] = [""] + T3_HEADER_LINES + [""]
    assert_same_tables(parse_text("\n".join(lines)), report)


def _split_variants(text: str) -> list[str]:
    lines = text.split("\n")
    out = []
    # a row label split over two lines
    i = _line_index(lines, "1.属于国家秘密")
    out.append(lines[:i] + [lines[i].replace("1.属于国家秘密", "1.属于国家\n秘密")] + lines[i + 1:])
    # the group label of 三、 broken inside a word, on a line without tabs
    i = _line_index(lines, L.T3_RESULTS_HEADER)
    out.append(lines[:i] + [lines[i].replace("三、本年度办理结果\t", "三、本年度\n办理结果\t")] + lines[i + 1:])
    # a label split over cells
    i = _line_index(lines, "本年新收政府信息公开申请数量")
    out.append(lines[:i] + [lines[i].replace("本年新收政府信息公开申请数量", "本年新收政府信息\t公开申请数量")] + lines[i + 1:])
    # a row whose numbers wrap onto the next line
    i = _line_index(lines, "2.没有现成信息需要另行制作")
    cells = lines[i].split("\t")
    out.append(lines[:i] + ["\t".join(cells[:6]), "\t\t" + "\t".join(cells[6:])] + lines[i + 1:])
    # label on one line, all its numbers on the next
    i = _line_index(lines, "（二）部分公开")
    cells = lines[i].split("\t")
    out.append(lines[:i] + ["\t".join(cells[:2]) + "\t", "\t\t" + "\t".join(cells[2:])] + lines[i + 1:])
    # the group label in its own row, as a merged cell copied on its own
    i = _line_index(lines, "（四）无法提供")
    out.append(lines[:i] + ["\t（四）无法提供\t\t", lines[i].replace("（四）无法提供", "")] + lines[i + 1:])
    # half-width parens, "1、" markers and typographic spaces in labels
    out.append([line.replace("（", "(").replace("）", ")").replace("1.", "1、").replace("不予公开", "不予 公开")
                if "\t" in line else line for line in lines])
    # straight quotes instead of “”
    out.append([line.replace("“", '"').replace("”", '"') for line in lines])
    return ["\n".join(v) for v in out]


@pytest.mark.parametrize("variant", range(8))
def test_labels_split_across_lines_and_cells(variant):
    report = consistent_report(21)
    text = _split_variants(render_text(report))[variant]
    got = parse_text(text)
    assert_same_tables(got, report)
    assert got.source.missing == []


def test_transposed_table4_one_row_per_block():
    report = consistent_report(17)
    lines = render_text(report).split("\n")
    i = _line_index(lines, L.T4_REVIEW_HEADER + "\t")
    rows = []
    for _b, block in enumerate(("review", "litigation_direct", "litigation_after_review")):
        row = getattr(report.table4, block)
        vals = [row.upheld, row.corrected, row.other, row.pending, row.total]
        rows.append("\t".join([L.T4_BLOCK_LABELS[block], *map(str, vals)]))
    lines[i:i + 4] = ["\t" + "\t".join(L.T4_COLUMN_LABELS.values())] + rows
    assert_same_tables(parse_text("\n".join(lines)), report)


def _cells_by_spaces(text: str) -> str:
    """Table cells separated by spaces, empty cells gone: text taken out of a PDF."""
    return "\n".join(" ".join(c for c in line.split("\t") if c) if "\t" in line else line
                     for line in text.split("\n"))


def _one_cell_per_line(text: str) -> str:
    """Every non-empty cell on a line of its own, blank lines between: some web copies."""
    return "\n".join("\n\n".join(c for c in line.split("\t") if c) if "\t" in line else line
                     for line in text.split("\n"))


@pytest.mark.parametrize("transform", [_cells_by_spaces, _one_cell_per_line])
def test_tables_without_tabs(transform, sample_text, sample_gold):
    got = parse_text(transform(sample_text))
    assert_same_report(got, sample_gold)
    assert got.source.notes == []
    for seed in (27, 28):
        report = consistent_report(seed)
        assert_same_tables(parse_text(transform(render_text(report))), report)


def test_2019_tables_without_tabs_are_still_recognised():
    text = _cells_by_spaces((FIXTURES / "report-2019-trial-format.txt").read_text(encoding="utf-8"))
    got = parse_text(text)
    assert got.source.format_version == "2019"
    assert all(get_cell(got, a) == Blank(blank="") for a in ALL_CELL_ADDRESSES if a.startswith("t2."))
    assert got.table3.new_received.total == 9


# ---- truncated and garbled text --------------------------------------------------------------------------
def _check_consistent(got: Report) -> None:
    assert isinstance(got, Report)
    missing = set(got.source.missing)
    for address in ALL_CELL_ADDRESSES:
        value = get_cell(got, address)
        assert isinstance(value, (int, Decimal, Blank))
        if address in missing:
            assert value == Blank(blank="")


def _truncation_differences(got: Report, original: Report) -> list[str]:
    """Cells read differently from the original, other than a number the cut went through."""
    out = []
    for address in ALL_CELL_ADDRESSES:
        g, e = get_cell(got, address), get_cell(original, address)
        if isinstance(g, Blank) and address in got.source.missing:
            continue
        if g != e:
            out.append(f"{address}: {g!r} vs {e!r}")
    return out


@pytest.mark.parametrize("seed", [7, 30])
def test_truncated_anywhere_never_raises_and_lists_what_is_missing(seed):
    report = consistent_report(seed)
    text = render_text(report)
    end_of_tables = text.index(f"五、{L.PART_TITLES['p5']}")
    for cut in range(0, len(text), 7):
        got = parse_text(text[:cut])
        _check_consistent(got)
        if cut < end_of_tables:
            assert got.source.missing, cut
        diffs = _truncation_differences(got, report)
        # only the number the cut went through may differ, and it is a prefix of the real one
        assert len(diffs) <= 1, (cut, diffs)
        for d in diffs:
            address = d.split(":")[0]
            assert str(get_cell(report, address)).startswith(str(get_cell(got, address))), (cut, d)


def test_truncated_at_line_ends_reads_every_complete_row_exactly():
    report = consistent_report(31)
    text = render_text(report)
    lines = text.split("\n")
    full = parse_text(text)
    assert full.source.missing == []
    for n in range(len(lines)):
        got = parse_text("\n".join(lines[:n]))
        _check_consistent(got)
        assert not _truncation_differences(got, report), n
        assert len(got.source.missing) >= len(full.source.missing)


def test_truncated_sample_never_raises(sample_text):
    for cut in range(0, len(sample_text) + 1, 3):
        got = parse_text(sample_text[:cut])
        _check_consistent(got)
        if cut < len(sample_text) - 5:
            assert got.source.missing or cut > sample_text.index("五、存在的主要问题")


def _garble(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        i = rng.randrange(len(lines))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice(["\t", "\t\t", "%", "？", "\x00", "〔", "O", "１.5"]) + lines[i][k:]
        elif op == 4 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + lines[i][k + rng.randint(1, 9):]
        else:
            lines[i] = "\t".join(reversed(lines[i].split("\t")))
    return "\n".join(lines)


def test_garbled_text_never_raises():
    rng = random.Random(2024)
    texts = [render_text(consistent_report(s)) for s in (1, 2)]
    texts.append((Path(__file__).parent / "fixtures" / "yantai-jgswj-2023.txt").read_text(encoding="utf-8"))
    for _ in range(300):
        got = parse_text(_garble(rng.choice(texts), rng))
        _check_consistent(got)


def test_a_cell_that_is_not_a_number_is_a_blank_with_a_note():
    report = consistent_report(14)
    text = render_text(report)
    value = str(report.table3.granted.natural)
    lines = text.split("\n")
    i = _line_index(lines, "（一）予以公开")
    lines[i] = lines[i].replace(f"\t{value}\t", "\t12件\t", 1)
    got = parse_text("\n".join(lines))
    assert got.table3.granted.natural == Blank(blank="12件")
    assert any("12件" in n for n in got.source.notes)
    assert got.table3.granted.commercial == report.table3.granted.commercial


# ---- the 2019 trial format ------------------------------------------------------------------------------
def test_2019_trial_format_is_recognised_and_not_misread():
    got = load_report(FIXTURES / "report-2019-trial-format.txt")
    src = got.source
    assert src.format_version == "2019"
    assert any("2019年试行格式" in n and L.FORMAT_DOC_2019 in n for n in src.notes)
    assert L.FORMAT_DOC_2019 in src.cited_documents
    t2 = [a for a in ALL_CELL_ADDRESSES if a.startswith("t2.")]
    other = [a for a in ALL_CELL_ADDRESSES if a.startswith("t3.other_handling.")]
    assert len(t2) == 10 and len(other) == 21
    for address in t2 + other:  # 2019 columns and the single （六） row are never put into 2021 cells
        assert get_cell(got, address) == Blank(blank=""), address
        assert address in src.missing
    assert set(src.missing) == set(t2 + other)
    # rows the two formats share are read
    t3 = got.table3
    assert (t3.new_received.natural, t3.new_received.commercial, t3.new_received.legal_service,
            t3.new_received.total) == (7, 1, 1, 9)
    assert (t3.granted.total, t3.partial.total, t3.unable.not_held.total, t3.total.total) == (5, 1, 1, 8)
    assert (t3.carried_forward.other, t3.carried_forward.legal_service, t3.carried_forward.total) == (0, 1, 2)
    assert (got.table4.review.upheld, got.table4.review.total, got.table4.litigation_direct.pending) == (1, 1, 1)
    assert got.meta.report_year == 2019 and got.meta.agency_level == "county"


def test_2021_report_with_2019_table2_is_flagged():
    report = consistent_report(19)
    text = render_text(report).replace(L.T2_COLUMN_LABELS["issued"], "本年新制作数量")
    got = parse_text(text)
    assert got.source.format_version == "2019"
    assert all(get_cell(got, a) == Blank(blank="") for a in ALL_CELL_ADDRESSES if a.startswith("t2."))
    assert got.table3.granted == report.table3.granted


def test_2021_report_with_an_extra_procurement_row_stays_2021():
    report = consistent_report(22)
    lines = render_text(report).split("\n")
    i = _line_index(lines, L.T2_ROW_LABELS["fees"] + "\t")
    lines[i + 1:i + 1] = ["第二十条第（九）项\t\t\t", "信息内容\t采购项目数量\t采购总金额\t", "政府集中采购\t15\t326.5\t"]
    got = parse_text("\n".join(lines))
    assert got.source.format_version == "2021"
    assert_same_tables(got, report)
    assert any("政府集中采购" in n for n in got.source.notes)


def test_single_other_handling_row_in_a_2021_report():
    report = consistent_report(23)
    lines = render_text(report).split("\n")
    first = _line_index(lines, L.T3_GROUP_ROWS["other_handling"]["no_correction"])
    lines[first:first + 3] = ["（六）其他处理\t\t7\t0\t0\t0\t0\t0\t7\t"]
    got = parse_text("\n".join(lines))
    assert got.source.format_version == "2021"
    for address in ALL_CELL_ADDRESSES:
        if address.startswith("t3.other_handling."):
            assert get_cell(got, address) == Blank(blank="") and address in got.source.missing
        else:
            assert get_cell(got, address) == get_cell(report, address), address
    assert any("只有一行" in n and "7" in n for n in got.source.notes)
