"""Helpers of the export tests: the sample as a model, the official merged regions, table readers.

The regions of tables 三 and 四 are written from the 2021 format, independently of the export code:
(row, col) of the top-left grid position → (text, rowspan, colspan). Table 三 has three label columns
and three header rows.
"""

from __future__ import annotations

from pathlib import Path

from schemas import labels as L
from schemas.layout import T3_ROWS
from schemas.report import Report

SAMPLE_GOLD = Path(__file__).parent / "fixtures" / "yantai-jgswj-2023.gold.json"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

Region = tuple[str, int, int]


def sample_report() -> Report:
    """The published sample as a model (the same file as the sample_gold fixture, for module-scoped fixtures)."""
    return Report.model_validate_json(SAMPLE_GOLD.read_text(encoding="utf-8"))


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def expected_table3() -> dict[tuple[int, int], Region]:
    """Every label region of table 三 (the 175 value cells are single cells at rows 3–27, columns 3–9)."""
    legal = ("commercial", "research", "public_interest", "legal_service", "other")
    out: dict[tuple[int, int], Region] = {
        (0, 0): (L.T3_HEADER_NOTE, 3, 3),
        (0, 3): (L.T3_APPLICANT_HEADER, 1, 7),
        (1, 3): (L.T3_COLUMN_LABELS["natural"], 2, 1),
        (1, 4): (L.T3_LEGAL_PERSON_HEADER, 1, 5),
        (1, 9): (L.T3_COLUMN_LABELS["total"], 2, 1),
        **{(2, 4 + i): (L.T3_COLUMN_LABELS[c], 1, 1) for i, c in enumerate(legal)},
        (3, 0): (L.T3_ROW_LABELS["new_received"], 1, 3),
        (4, 0): (L.T3_ROW_LABELS["carried_over"], 1, 3),
        (5, 0): (L.T3_RESULTS_HEADER, 22, 1),
        (5, 1): (L.T3_ROW_LABELS["granted"], 1, 2),
        (6, 1): (L.T3_ROW_LABELS["partial"], 1, 2),
        (7, 1): (L.T3_GROUP_LABELS["withheld"], 8, 1),
        (15, 1): (L.T3_GROUP_LABELS["unable"], 3, 1),
        (18, 1): (L.T3_GROUP_LABELS["not_processed"], 5, 1),
        (23, 1): (L.T3_GROUP_LABELS["other_handling"], 3, 1),
        (26, 1): (L.T3_ROW_LABELS["total"], 1, 2),
        (27, 0): (L.T3_ROW_LABELS["carried_forward"], 1, 3),
    }
    for i, row in enumerate(r for r in T3_ROWS if r.group):  # sub-rows 1., 2. … in the third label column
        out[(7 + i, 2)] = (row.label, 1, 1)
    return out


def expected_table4() -> dict[tuple[int, int], Region]:
    cols = list(L.T4_COLUMN_LABELS.values())
    out: dict[tuple[int, int], Region] = {
        (0, 0): (L.T4_REVIEW_HEADER, 2, 5),
        (0, 5): (L.T4_LITIGATION_HEADER, 1, 10),
        (1, 5): (L.T4_BLOCK_LABELS["litigation_direct"], 1, 5),
        (1, 10): (L.T4_BLOCK_LABELS["litigation_after_review"], 1, 5),
    }
    for c in range(15):
        out[(2, c)] = (cols[c % 5], 1, 1)
    return out


def _text(el) -> str:
    return "".join(el.itertext(q("t"))) if el is not None else ""


def docx_regions(tbl) -> dict[tuple[int, int], dict]:
    """Regions of a w:tbl from w:gridSpan and w:vMerge alone."""
    out: dict[tuple[int, int], dict] = {}
    open_by_col: dict[int, dict] = {}
    for r, tr in enumerate(tbl.findall("w:tr", NS)):
        c = 0
        for tc in tr.findall("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(q("val"))) if span_el is not None else 1
            vm = tc.find("w:tcPr/w:vMerge", NS)
            if vm is not None and vm.get(q("val"), "continue") == "continue":
                region = open_by_col[c]
                assert region["colspan"] == span, "a continued vertical merge must keep its width"
                assert not _text(tc).strip(), "text in a covered cell"
                region["rowspan"] += 1
            else:
                region = {"row": r, "col": c, "rowspan": 1, "colspan": span, "text": _text(tc)}
                out[(r, c)] = region
                open_by_col[c] = region
            c += span
    return out


def html_regions(table) -> dict[tuple[int, int], dict]:
    """Regions of an HTML <table> from rowspan/colspan, placing each cell at the first free grid position."""
    out: dict[tuple[int, int], dict] = {}
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rs, cs = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
            out[(r, c)] = {"row": r, "col": c, "rowspan": rs, "colspan": cs, "text": "".join(cell.itertext()),
                           "address": cell.get("data-address")}
            taken.update((r + i, c + k) for i in range(rs) for k in range(cs))
            c += cs
    return out


def check_layout(regions: dict[tuple[int, int], dict], expected: dict[tuple[int, int], Region],
                 values: tuple[int, int, int, int]) -> None:
    """Labels in their regions with their spans; value cells single in rows r0..r1, columns c0..c1."""
    r0, r1, c0, c1 = values
    for pos, want in expected.items():
        got = regions.get(pos)
        assert got is not None, f"no region starts at {pos} ({want[0]})"
        assert (got["text"], got["rowspan"], got["colspan"]) == want, pos
    cells = {pos: reg for pos, reg in regions.items() if r0 <= pos[0] <= r1 and c0 <= pos[1] <= c1}
    assert len(cells) == (r1 - r0 + 1) * (c1 - c0 + 1)
    assert all(reg["rowspan"] == reg["colspan"] == 1 for reg in cells.values())
    assert len(regions) == len(expected) + len(cells), "regions beyond the official layout"


def kai_plan():
    """This machine's font plan, when it sets level-2 headings in a 楷体 unlike the body; otherwise a
    skip (a developer machine) or a failure (CI, which installs fonts-arphic-ukai)."""
    import os

    import pytest

    from assistant.export import plan_fonts

    plan = plan_fonts()
    if plan.fonts["heading2"] == plan.fonts["body"]:
        msg = "no 楷体 installed (Debian: fonts-arphic-ukai)"
        if os.environ.get("CI"):
            pytest.fail(msg + " — required when CI is set")
        pytest.skip(msg)
    return plan
