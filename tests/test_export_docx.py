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
    kai_plan,
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


# ---- issue 16: fonts of digits and headings, theme fonts, pagination, 落款, draft mark ----------------
OFFICIAL = ["仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"]
LINUX_FREE = ["Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"]


def _fonts(rfonts) -> dict[str, str | None]:
    return {k: rfonts.get(q(k)) for k in ("ascii", "hAnsi", "eastAsia", "cs")}


def _runs(doc, style_id: str | None = None):
    for p in doc.iter(q("p")):
        st = p.find("w:pPr/w:pStyle", NS)
        if style_id is None or (st is not None and st.get(q("val")) == style_id):
            yield from p.findall("w:r", NS)


@pytest.mark.parametrize("installed", [OFFICIAL, LINUX_FREE], ids=["official", "free"])
def test_digits_and_latin_letters_use_the_font_of_their_text(installed):
    """No separate Latin font (Times New Roman fell back to DejaVu Serif on Linux): every run and
    style names one font for all scripts, so "2023年" and "148条" are set in the body's face."""
    plan = plan_fonts(installed)
    data = build_docx(consistent_report(1), fonts=plan)
    doc, styles = part(data, "word/document.xml"), part(data, "word/styles.xml")
    for rfonts in [*doc.iter(q("rFonts")), *styles.iter(q("rFonts"))]:
        fonts = _fonts(rfonts)
        assert len(set(fonts.values())) == 1 and fonts["eastAsia"] in plan.fonts.values(), fonts
        assert not [a for a in rfonts.attrib if a.endswith("Theme") or a.endswith("theme")], rfonts.attrib
    body_runs = [r for p in doc.iter(q("p")) if p.find("w:pPr/w:pStyle", NS) is None
                 or p.find("w:pPr/w:pStyle", NS).get(q("val")) == "ReportTableText" for r in p.findall("w:r", NS)]
    with_digits = [r for r in body_runs if any(ch.isdigit() for ch in text_of(r))]
    assert len(with_digits) > 50  # body text and table cells
    for r in with_digits:
        assert _fonts(r.find("w:rPr/w:rFonts", NS))["ascii"] == plan.fonts["body"], text_of(r)
    normal = _style(styles, "Normal")
    assert _fonts(normal.find("w:rPr/w:rFonts", NS)) == dict.fromkeys(("ascii", "hAnsi", "eastAsia", "cs"),
                                                                      plan.fonts["body"])
    # Word and WPS add no space between Chinese and digits ("2023 年") when told not to
    for tag in ("autoSpaceDE", "autoSpaceDN"):
        assert normal.find(f"w:pPr/w:{tag}", NS).get(q("val")) == "0"


_AUTOSPACE = ("autoSpaceDE", "autoSpaceDN")


def _autospace_off(ppr) -> dict[str, bool | None]:
    """Each setting in one pPr: True when off, False when on, None when not said."""
    out: dict[str, bool | None] = {}
    for tag in _AUTOSPACE:
        el = ppr.find(f"w:{tag}", NS) if ppr is not None else None
        out[tag] = None if el is None else el.get(q("val"), "1") in ("0", "false", "off")
    return out


@pytest.mark.parametrize("draft", [False, True], ids=["final", "draft"])
def test_no_space_between_digits_and_chinese_in_any_paragraph(draft):
    """"2025 年", "30 号": Word and WPS add space between Chinese and digits or Latin letters unless
    w:autoSpaceDE and w:autoSpaceDN are off; they were off in two places only (the defaults and 正文).
    Now the defaults and every paragraph and table style say so, nothing turns either back on, and
    every paragraph of the body, the table cells, the headers and the footers resolves to off."""
    data = build_docx(consistent_report(1), draft=draft)
    styles = part(data, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    assert _autospace_off(defaults) == dict.fromkeys(_AUTOSPACE, True)
    by_id = {s.get(q("styleId")): s for s in styles.findall("w:style", NS)}
    for sid, style in by_id.items():
        if style.get(q("type")) in ("paragraph", "table"):
            assert _autospace_off(style.find("w:pPr", NS)) == dict.fromkeys(_AUTOSPACE, True), sid
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    parts = {n: part(data, n) for n in names}
    for name, root in parts.items():
        for tag in _AUTOSPACE:
            for el in root.iter(q(tag)):
                assert el.get(q("val")) in ("0", "false"), (name, tag)

    def resolved(p) -> bool:
        ppr = p.find("w:pPr", NS)
        said = _autospace_off(ppr)
        sid = ppr.find("w:pStyle", NS).get(q("val")) if ppr is not None and ppr.find("w:pStyle", NS) is not None \
            else "Normal"
        while sid is not None and None in said.values():
            style = by_id[sid]
            said = {k: v if v is not None else _autospace_off(style.find("w:pPr", NS))[k] for k, v in said.items()}
            based = style.find("w:basedOn", NS)
            sid = based.get(q("val")) if based is not None else None
        return all(v is not False for v in said.values())  # None here: the defaults, which are off

    paragraphs = [(name, p) for name, root in parts.items() if name.startswith(("word/document", "word/header",
                                                                               "word/footer"))
                  for p in root.iter(q("p"))]
    in_cells = [p for _, p in paragraphs if p.getparent().tag == q("tc")]
    assert len(in_cells) > 200 and len(paragraphs) > len(in_cells)
    assert [name for name, p in paragraphs if not resolved(p)] == []


@pytest.mark.parametrize("installed", [OFFICIAL, LINUX_FREE, ["Noto Serif CJK SC", "LXGW WenKai"],
                                       ["SimSun", "KaiTi"]], ids=["official", "ukai", "wenkai", "windows"])
def test_level2_headings_are_set_in_a_kai_face_unlike_the_body(installed):
    plan = plan_fonts(installed)
    assert plan.fonts["heading2"] != plan.fonts["body"]
    assert plan.fonts["heading2"] in {"楷体_GB2312", "AR PL UKai CN", "LXGW WenKai", "KaiTi"}
    report = consistent_report(1)
    data = build_docx(report, fonts=plan)
    styles, doc = part(data, "word/styles.xml"), part(data, "word/document.xml")
    h2 = _style(styles, "heading 2")
    assert h2.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == plan.fonts["heading2"]
    assert _style(styles, "Normal").find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == plan.fonts["body"]
    h2_runs = list(_runs(doc, h2.get(q("styleId"))))
    assert len(h2_runs) == len(L.P1_SUBPART_TITLES)
    assert {_fonts(r.find("w:rPr/w:rFonts", NS))["eastAsia"] for r in h2_runs} == {plan.fonts["heading2"]}
    # the items of part 六: "（一）title。" in the heading face, then the text in the body face
    items = [p for p in doc.iter(q("p")) if text_of(p).startswith("（一）") and len(p.findall("w:r", NS)) == 2]
    head, text = items[-1].findall("w:r", NS)
    assert head.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == plan.fonts["heading2"]
    assert text.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == plan.fonts["body"]


def test_official_kai_comes_first_and_the_body_face_only_without_any_kai():
    assert plan_fonts([*LINUX_FREE, "楷体_GB2312"]).fonts["heading2"] == "楷体_GB2312"
    assert plan_fonts(["KaiTi_GB2312", "AR PL UKai CN"]).fonts["heading2"] == "楷体_GB2312"
    assert plan_fonts(LINUX_FREE).substitutions["楷体_GB2312"] == "AR PL UKai CN"
    assert plan_fonts(["Noto Serif CJK SC"]).fonts["heading2"] == "Noto Serif CJK SC"  # no 楷体 at all


def test_this_machine_sets_level2_headings_apart():
    """CI installs fonts-arphic-ukai; a developer machine without any 楷体 skips."""
    plan = kai_plan()
    styles = part(build_docx(consistent_report(1), fonts=plan), "word/styles.xml")
    assert (_style(styles, "heading 2").find("w:rPr/w:rFonts", NS).get(q("eastAsia"))
            != _style(styles, "Normal").find("w:rPr/w:rFonts", NS).get(q("eastAsia")))


def test_theme_font_table_and_settings_name_only_the_plans_fonts():
    """WPS lists every font of the theme and the font table it lacks; python-docx's template names
    Calibri, Cambria, ＭＳ 明朝 and thirty script fonts there."""
    plan = plan_fonts(LINUX_FREE)
    data = build_docx(consistent_report(1), fonts=plan)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    scheme = part(data, "word/theme/theme1.xml").find(f".//{a}fontScheme")
    for tag, role in (("majorFont", "title"), ("minorFont", "body")):
        group = scheme.find(f"{a}{tag}")
        for kind in ("latin", "ea"):
            assert group.find(f"{a}{kind}").get("typeface") == plan.fonts[role], (tag, kind)
        assert [(f.get("script"), f.get("typeface")) for f in group.findall(f"{a}font")] == [("Hans", plan.fonts[role])]
    table = [f.get(q("name")) for f in part(data, "word/fontTable.xml").findall("w:font", NS)]
    assert table and set(table) == set(plan.fonts.values())
    lang = part(data, "word/settings.xml").find("w:themeFontLang", NS)
    assert lang.get(q("eastAsia")) == "zh-CN"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert "word/stylesWithEffects.xml" not in names
        every = "".join(z.read(n).decode("utf-8") for n in names if n.endswith(".xml"))
    for foreign in ("Calibri", "Cambria", "Times New Roman", "ＭＳ", "Courier", "Arial"):
        assert foreign not in every, foreign


def test_no_forced_page_break_and_tables_keep_their_headers(sample_docx):
    """A break before table 三 left table 二's last rows alone on a page; tables now flow, their
    header rows repeated on each page and kept with the first row under them."""
    doc = part(sample_docx, "word/document.xml")
    assert doc.find(".//w:pageBreakBefore", NS) is None
    assert not [br for br in doc.iter(q("br")) if br.get(q("type")) == "page"]
    t3 = tables(sample_docx)[1]
    rows = t3.findall("w:tr", NS)
    headers = [tr for tr in rows if tr.find("w:trPr/w:tblHeader", NS) is not None]
    assert len(headers) == 3 and rows[:3] == headers
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in rows)
    heading = next(p for p in doc.findall("w:body/w:p", NS)
                   if text_of(p) == f"{L.PART_NUMERALS['p3']}、{L.PART_TITLES['p3']}")
    assert heading.find("w:pPr/w:pageBreakBefore", NS) is None


def test_every_table_keeps_its_rows_and_its_heading_together(sample_docx):
    """Table 三 began at the foot of a page with four rows and its side label 三、本年度办理结果 split
    across the break. Every row but the last is kept with the next (Word and WPS move a table that
    fits on a page whole to the next page), rows never split, and the heading stays with its table."""
    doc = part(sample_docx, "word/document.xml")
    styles = part(sample_docx, "word/styles.xml")
    body = list(doc.find("w:body", NS))
    for tbl in doc.findall("w:body/w:tbl", NS):
        rows = tbl.findall("w:tr", NS)
        for tr in rows:
            assert tr.find("w:trPr/w:cantSplit", NS) is not None
        for tr in rows[:-1]:
            assert all(p.find("w:pPr/w:keepNext", NS) is not None for p in tr.iter(q("p"))), text_of(tr)
        heading = body[body.index(tbl) - 1]
        style_id = heading.find("w:pPr/w:pStyle", NS).get(q("val"))
        style = next(s for s in styles.findall("w:style", NS) if s.get(q("styleId")) == style_id)
        assert (heading.find("w:pPr/w:keepNext", NS) is not None
                or style.find("w:pPr/w:keepNext", NS) is not None), text_of(heading)


def _twips_right(p) -> int:
    ind = p.find("w:pPr/w:ind", NS)
    return int(ind.get(q("right"))) if ind is not None and ind.get(q("right")) else 0


@pytest.mark.parametrize(("agency", "name_in", "date_in"), [
    ("示例市交通运输局", None, 4), ("中华人民共和国国家发展和改革委员会", 2, None)])
def test_signature_centres_the_name_over_the_date(agency, name_in, date_in):
    """GB/T 9704-2012 7.3.5.1: the date four characters from the right in Arabic numerals, the name
    centred over it; a name too long for that keeps two characters from the right instead."""
    report = consistent_report(seed=3, agency=agency, year=2024)
    report.meta.publication_date = dt.date(2025, 1, 20)
    body = part(build_docx(report), "word/document.xml").find("w:body", NS)
    paras = body.findall("w:p", NS)
    blank, name, date = paras[-3:]
    assert (text_of(blank), text_of(name), text_of(date)) == ("", agency, "2025年1月20日")
    assert {p.find("w:pPr/w:jc", NS).get(q("val")) for p in (name, date)} == {"right"}
    char = 16 * 20  # 三号 in twips
    half = lambda s: sum(0.5 if c.isascii() else 1 for c in s) * char / 2
    if date_in is not None:
        assert _twips_right(date) == date_in * char
    if name_in is not None:
        assert _twips_right(name) == name_in * char
    # the centres coincide (digits half as wide as a Chinese character)
    assert abs((_twips_right(name) + half(agency)) - (_twips_right(date) + half("2025年1月20日"))) <= 2
    # the last paragraph of the text goes to the page of the 落款
    for p in (paras[-4], blank, name):
        assert p.find("w:pPr/w:keepNext", NS) is not None


def test_draft_carries_the_mark_in_the_header_of_every_page():
    report = consistent_report(2)
    draft, final = build_docx(report, draft=True), build_docx(report)
    with zipfile.ZipFile(io.BytesIO(draft)) as z:
        headers = {n: "".join(etree.fromstring(z.read(n)).itertext(q("t"))) for n in z.namelist()
                   if n.startswith("word/header")}
    assert len(headers) == 2 and set(headers.values()) == {"草稿"}
    sect = part(draft, "word/document.xml").find("w:body/w:sectPr", NS)
    assert {r.get(q("type")) for r in sect.findall("w:headerReference", NS)} == {"default", "even"}  # odd and even pages
    props = docx_properties(draft)
    assert props[PROPERTY_LABELS["status"]].startswith("草稿") and props["comments"].startswith("草稿")
    core = part(draft, "docProps/core.xml")
    assert core.findtext("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}contentStatus") == "草稿"
    # the final document is as before: no header, no mark anywhere
    with zipfile.ZipFile(io.BytesIO(final)) as z:
        assert not [n for n in z.namelist() if n.startswith("word/header")]
        assert not [n for n in z.namelist() if "草稿".encode() in z.read(n)]
    assert PROPERTY_LABELS["status"] not in docx_properties(final)
