"""The Word document read back as XML: GB/T 9704 page and fonts, and the merged cells of the official tables."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from lxml import etree

from assistant.export import build_docx, check_gate, docx_properties, plan_fonts
from assistant.export._stamp import PROPERTY_LABELS, Stamp
from assistant.export.gate import Acknowledgement
from eval.synthetic import consistent_report
from schemas import Finding, Location
from schemas import labels as L
from schemas.layout import T3_ROWS
from tests.export_support import (
    NS,
    check_layout,
    docx_regions,
    expected_table3,
    expected_table4,
    q,
    sample_report,
)


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def text_of(el) -> str:
    return "".join(el.itertext(q("t"))) if el is not None else ""


def tables(data: bytes) -> list:
    return part(data, "word/document.xml").findall("w:body/w:tbl", NS)


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return build_docx(sample_report())


def test_table3_merged_cells_follow_the_official_layout(sample_docx):
    check_layout(docx_regions(tables(sample_docx)[1]), expected_table3(), (3, 27, 3, 9))


def test_table4_has_three_header_levels(sample_docx):
    check_layout(docx_regions(tables(sample_docx)[2]), expected_table4(), (3, 3, 0, 14))


def test_table2_blocks(sample_docx):
    t2 = docx_regions(tables(sample_docx)[0])
    titles = [reg["text"] for reg in t2.values() if reg["colspan"] == 4]
    assert titles == list(L.T2_BLOCK_TITLES.values())
    headers = [reg["text"] for (r, c), reg in sorted(t2.items()) if c == 0 and reg["text"] == L.T2_CONTENT_HEADER]
    assert len(headers) == 4
    # one-value blocks span their value over the three value columns
    licensing_row = next(r for (r, c), reg in t2.items() if reg["text"] == L.T2_ROW_LABELS["licensing"])
    assert t2[(licensing_row, 1)]["colspan"] == 3


def test_values_land_in_their_cells():
    report = consistent_report(3)
    t3 = docx_regions(tables(build_docx(report))[1])
    for i, row in enumerate(T3_ROWS):
        obj = report.table3
        for p in row.path:
            obj = getattr(obj, p)
        got = [t3[(3 + i, 3 + k)]["text"] for k in range(7)]
        assert got == [str(getattr(obj, c)) for c in L.T3_COLUMN_LABELS], row.label


def test_page_setup_and_page_number(sample_docx):
    doc = part(sample_docx, "word/document.xml")
    sect = doc.find("w:body/w:sectPr", NS)
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    twips = lambda mm: round(mm / 25.4 * 1440)
    assert abs(int(size.get(q("w"))) - twips(210)) <= 2 and abs(int(size.get(q("h"))) - twips(297)) <= 2
    for edge, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert abs(int(mar.get(q(edge))) - twips(mm)) <= 2, edge
    refs = sect.findall("w:footerReference", NS)
    assert {r.get(q("type")) for r in refs} >= {"default", "even"}
    with zipfile.ZipFile(io.BytesIO(sample_docx)) as z:
        footers = [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("word/footer")]
    assert footers
    for f in footers:
        assert "PAGE" in "".join(f.itertext(q("instrText")))
        shown = "".join(f.itertext(q("t")))
        assert shown.startswith("— ") and shown.endswith(" —")


def _style(styles, name):
    return next(s for s in styles.findall("w:style", NS) if s.find("w:name", NS).get(q("val")) == name)


def test_styles_set_east_asian_fonts_sizes_and_spacing():
    plan = plan_fonts(["仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"])
    assert not plan.substitutions
    data = build_docx(consistent_report(1), fonts=plan)
    styles = part(data, "word/styles.xml")
    want = {"Normal": ("仿宋_GB2312", 32), "Title": ("方正小标宋简体", 44), "heading 1": ("黑体", 32),
            "heading 2": ("楷体_GB2312", 32)}
    for name, (font, half_points) in want.items():
        st = _style(styles, name)
        rfonts = st.find("w:rPr/w:rFonts", NS)
        assert rfonts.get(q("eastAsia")) == font, name
        assert rfonts.get(q("eastAsiaTheme")) is None, name
        assert st.find("w:rPr/w:sz", NS).get(q("val")) == str(half_points), name
        assert st.find("w:rPr/w:b", NS) is None or st.find("w:rPr/w:b", NS).get(q("val")) in ("0", "false")
    normal = _style(styles, "Normal")
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("560", "exact")  # 28 pt fixed
    assert normal.find("w:pPr/w:ind", NS).get(q("firstLineChars")) == "200"
    assert _style(styles, "Title").find("w:pPr/w:jc", NS).get(q("val")) == "center"
    # runs name the East Asian font too, not only the styles
    doc = part(data, "word/document.xml")
    body_runs = doc.findall("w:body/w:p/w:r", NS)
    assert body_runs and all(r.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) for r in body_runs)
    heading = next(p for p in doc.findall("w:body/w:p", NS)
                   if text_of(p) == f"{L.PART_NUMERALS['p1']}、{L.PART_TITLES['p1']}")
    assert heading.find("w:r/w:rPr/w:rFonts", NS).get(q("eastAsia")) == "黑体"
    assert "字体替代" not in docx_properties(data)


def test_missing_official_fonts_fall_back_and_are_named():
    plan = plan_fonts(["Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans"])
    assert plan.fonts["body"] == plan.fonts["title"] == plan.fonts["heading2"] == "Noto Serif CJK SC"
    assert plan.fonts["heading1"] == "Noto Sans CJK SC"  # 黑体 is a sans face
    props = docx_properties(build_docx(consistent_report(1), fonts=plan))
    assert "仿宋_GB2312→Noto Serif CJK SC" in props[PROPERTY_LABELS["font_substitution"]]
    assert "Noto Serif CJK SC" in props["comments"]
    # one official font present: it stays, only the others are replaced
    mixed = plan_fonts(["仿宋_GB2312", "Noto Sans CJK SC"])
    assert mixed.fonts["body"] == "仿宋_GB2312" and "仿宋_GB2312" not in mixed.substitutions
    assert mixed.fonts["title"] == "Noto Sans CJK SC"  # no serif CJK installed: the next in the chain
    assert plan_fonts([]).fonts["body"] == "SimSun"  # nothing detected (no fc-list): still a CJK font named


def test_fonts_detected_without_fc_list(monkeypatch):
    from assistant.export import _fonts

    monkeypatch.setattr(_fonts.shutil, "which", lambda name: None)
    _fonts.installed_fonts.cache_clear()
    try:
        assert _fonts.installed_fonts() == frozenset()
        assert set(_fonts.plan_fonts().substitutions) == set(_fonts.OFFICIAL_FONTS.values())
    finally:
        _fonts.installed_fonts.cache_clear()


def test_stamp_goes_into_the_document_properties():
    report = consistent_report(2)
    warning = Finding(rule="D3", severity="warning", location=Location(address="p5"), message="与上年雷同")
    at = dt.datetime(2024, 1, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    ack = Acknowledgement(who="王五", at=at, warnings=["D3@p5"])
    decision = check_gate(report, acknowledgement=ack, findings=[warning])
    props = docx_properties(build_docx(report, stamp=Stamp(at, decision)))
    assert props[PROPERTY_LABELS["acknowledged_by"]] == "王五"
    assert props[PROPERTY_LABELS["acknowledged_at"]] == "2024-01-20T09:30:00+08:00"
    assert props[PROPERTY_LABELS["acknowledged_warnings"]] == "D3@p5"
    assert "王五" in props["comments"] and "D3@p5" in props["comments"]


@pytest.mark.parametrize("agency", ["烟台市机关事务管理局", "中华人民共和国国家发展和改革委员会", "某某县城关镇人民政府"])
def test_the_title_breaks_between_words_and_the_signature_closes_the_report(agency):
    """GB/T 9704-2012: a long title is broken where the words allow, in even lines (7.3.3), and the
    report ends with the agency's name and the date, right-aligned (7.3.5.2)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    report = consistent_report(seed=3, agency=agency, year=2024)
    stamp = Stamp(dt.datetime(2025, 1, 20, 9, 30, tzinfo=dt.UTC), check_gate(report, None))
    doc = Document(io.BytesIO(build_docx(report, stamp=stamp)))
    title = doc.paragraphs[0]
    lines = title.text.split("\n")
    assert "".join(lines) == report.meta.title or "".join(lines) == f"{agency}2024年{L.REPORT_TITLE_SUFFIX}"
    assert all(len(x) <= 20 for x in lines) and len(lines) >= 2
    # each break is at the end of a word: the agency's name, the year, or a word of the fixed suffix
    ends = {agency, f"{agency}2024年", "政府信息公开", "2024年政府信息公开", "工作"}
    assert lines[0] in ends or lines[0].endswith(("市", "县", "区", "镇", "年")), lines
    name, date = doc.paragraphs[-2], doc.paragraphs[-1]
    assert (name.text, date.text) == (agency, "2025年1月20日")
    assert name.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
