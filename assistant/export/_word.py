"""The report as a Word document in the GB/T 9704-2012 layout (python-docx).

A4; margins 37/35/28/26 mm; title 方正小标宋简体 二号 centred; level-1 headings 黑体 三号; level-2
楷体_GB2312 三号; body 仿宋_GB2312 三号 with 28 pt fixed line spacing and a two-character first-line
indent; "— 1 —" page numbers in 宋体 四号, odd pages right, even pages left. Each role's font is set for
every script (digits and Latin letters too) on the styles and on every run; theme fonts, the font
table and the Word 2010 styles part of python-docx's template name only the plan's fonts, so Word or
WPS find nothing missing that the document does not use. Tables follow the official layout of
``_grid``; each is kept whole on one page with its heading (a table longer than a page would break
between rows, its header rows repeated); nothing forces a page break. A
draft (``draft=True``) carries 草稿 in the header of every page.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from assistant.export._fonts import FontPlan, plan_fonts
from assistant.export._grid import Grid, GridCell, grid_for
from assistant.export._outline import Heading, Para, RunInItem, TableRef, Title, outline, report_title, title_lines
from assistant.export._stamp import PROPERTY_LABELS, Stamp
from schemas import labels as L
from schemas.report import Report

__all__ = ["build_docx", "docx_properties"]

BODY_PT = 16.0  # 三号
TITLE_PT = 22.0  # 二号
PAGE_NUMBER_PT = 14.0  # 四号
TABLE_PT = 10.5  # 五号: table 三 fits the 156 mm type area
LINE_PT = 28.0
TITLE_LINE_PT = 35.0
TITLE_CHARS_PER_LINE = 20  # 二号 (22 pt, 7.76 mm) on the 156 mm text width: 20 characters
TABLE_LINE_PT = 13.5
CELL_MARGIN_MM = 0.8

_TABLE_STYLE = "Report Table Text"
DRAFT_MARK = "草稿"
DRAFT_NOTE = "草稿：未经审核定稿，仅供阅读和送审，不得作为正式报告发布。"

_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


# ---- fonts and run properties ---------------------------------------------------------------------
def _set_fonts(rpr, font: str) -> None:
    """One font for every script (digits and Latin letters in the CJK face, no gaps around them);
    theme attributes would override the names, so they go."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), font)
    rfonts.set(qn("w:hint"), "eastAsia")


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style_run(run, font: str, size_pt: float | None = None) -> None:
    _set_fonts(run._r.get_or_add_rPr(), font)
    if size_pt is not None:
        run.font.size = Pt(size_pt)


def _reset_style(style, font: str, size_pt: float) -> None:
    look = style.font
    look.bold = False
    look.italic = False
    look.size = Pt(size_pt)
    look.color.rgb = None
    rpr = style.element.get_or_add_rPr()
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)
    for tag in ("w:bCs", "w:szCs", "w:spacing", "w:kern"):
        el = rpr.find(qn(tag))
        if el is not None:
            rpr.remove(el)
    _set_fonts(rpr, font)
    _set_lang(rpr)
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):
        el = ppr.find(qn(tag))
        if el is not None:
            ppr.remove(el)


def _fixed_lines(fmt, line_pt: float, *, indent: bool) -> None:
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(2 * BODY_PT) if indent else None


def _indent_chars(paragraph_or_style_element) -> None:
    # firstLineChars keeps the indent at two characters even if the size changes later in Word.
    ind = paragraph_or_style_element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "200")
    ind.set(qn("w:firstLine"), str(int(2 * BODY_PT * 20)))


def _no_autospace(ppr) -> None:
    """No extra space between Chinese and digits or Latin letters ("2024年", not "2024 年"), as hand-set
    公文 turn it off; OOXML turns it on unless told."""
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = ppr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            ppr.insert_element_before(el, *_AFTER_AUTOSPACE)
        el.set(qn("w:val"), "0")


_AFTER_AUTOSPACE = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                    "w:pPrChange")


def _setup_styles(doc: DocxDocument, plan: FontPlan) -> None:
    styles = doc.styles
    # every style of the template (Heading 3, Macro Text …) named Calibri, Cambria, Courier or a theme
    # font: the body font instead, so no unused style asks for a font the reader lacks
    for rfonts in list(styles.element.iter(qn("w:rFonts"))):
        _set_fonts(rfonts.getparent(), plan.fonts["body"])
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr, plan.fonts["body"])
            _set_lang(rpr)
    _no_autospace_anywhere(styles.element)

    normal = styles["Normal"]
    _reset_style(normal, plan.fonts["body"], BODY_PT)
    _fixed_lines(normal.paragraph_format, LINE_PT, indent=True)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.widow_control = True
    _indent_chars(normal.element)

    title = styles["Title"]
    _reset_style(title, plan.fonts["title"], TITLE_PT)
    _fixed_lines(title.paragraph_format, TITLE_LINE_PT, indent=False)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(LINE_PT)  # one empty line under the title
    title.paragraph_format.first_line_indent = Pt(0)

    for name, role in (("Heading 1", "heading1"), ("Heading 2", "heading2")):
        st = styles[name]
        _reset_style(st, plan.fonts[role], BODY_PT)
        _fixed_lines(st.paragraph_format, LINE_PT, indent=True)
        st.paragraph_format.keep_with_next = True
        st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _indent_chars(st.element)

    footer = styles["Footer"]
    _reset_style(footer, plan.fonts["page_number"], PAGE_NUMBER_PT)
    header = styles["Header"]
    _reset_style(header, plan.fonts["heading1"], BODY_PT)
    header.paragraph_format.first_line_indent = Pt(0)

    table_text = styles.add_style(_TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    _reset_style(table_text, plan.table, TABLE_PT)
    _fixed_lines(table_text.paragraph_format, TABLE_LINE_PT, indent=False)
    table_text.paragraph_format.first_line_indent = Pt(0)
    ind = table_text.element.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), "0")
        ind.set(qn("w:firstLine"), "0")
    table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _no_autospace(table_text.element.get_or_add_pPr())


def _no_autospace_anywhere(styles_el) -> None:
    """Autospace off in the document defaults and again on every paragraph and table style: a reader that
    resolves a paragraph through its style alone (or a style the clerk applies later in Word or WPS,
    such as 无间隔, which is not based on 正文) still sets "2025年" without a gap."""
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, defaults)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        ppr_default.append(ppr)
    _no_autospace(ppr)
    for style in styles_el.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "table"):
            _no_autospace(style.get_or_add_pPr())


# ---- theme, font table, settings: only the plan's fonts -----------------------------------------------
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_SANS = {"黑体", "SimHei", "Noto Sans CJK SC"}
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _setup_theme(doc: DocxDocument, plan: FontPlan) -> None:
    """Theme fonts (major: the title's, minor: the body's), the font table and the theme language.

    python-docx's template names Calibri, Cambria, ＭＳ 明朝 and some thirty script fonts there; WPS
    lists every one it lacks as missing, though the document never uses them."""
    part = doc.part
    for rel in list(part.rels.values()):
        if rel.reltype == RT.THEME:
            rel.target_part._blob = _theme_xml(rel.target_part.blob, plan)
        elif rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = _font_table_xml(rel.target_part.blob, plan)
        elif rel.reltype == _STYLES_WITH_EFFECTS:  # Word 2010's copy of the template's styles, theme fonts and all
            part.rels.pop(rel.rId)
    math = doc.settings.element.find(qn("m:mathPr"))
    if math is not None:  # names Cambria Math; the report has no equations
        doc.settings.element.remove(math)
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")  # ja-JP in the template: Word would pick the Japanese theme font


def _theme_xml(blob: bytes, plan: FontPlan) -> bytes:
    root = etree.fromstring(blob)
    scheme = root.find(f".//{{{_A_NS}}}fontScheme")
    if scheme is None:
        return blob
    for tag, font in (("majorFont", plan.fonts["title"]), ("minorFont", plan.fonts["body"])):
        group = scheme.find(f"{{{_A_NS}}}{tag}")
        if group is None:
            continue
        for child in list(group):
            if child.tag == f"{{{_A_NS}}}font":  # per-script fonts: Japanese, Korean, Thai …
                group.remove(child)
            else:  # latin, ea, cs
                child.set("typeface", font)
        etree.SubElement(group, f"{{{_A_NS}}}font", script="Hans", typeface=font)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _font_table_xml(blob: bytes, plan: FontPlan) -> bytes:
    root = etree.fromstring(blob)
    for font in list(root):
        root.remove(font)
    for name in dict.fromkeys(plan.fonts.values()):
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})  # GB2312
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "swiss" if name in _SANS else "roman"})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "variable"})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---- page setup and page numbers -----------------------------------------------------------------
def _setup_page(doc: DocxDocument, plan: FontPlan) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(21)
    section.header_distance = Mm(15)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], plan, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], plan, WD_ALIGN_PARAGRAPH.LEFT)


def _field_run(paragraph: Paragraph, plan: FontPlan, *, fld: str | None = None, instr: str | None = None,
               text: str | None = None) -> None:
    run = paragraph.add_run()
    _style_run(run, plan.fonts["page_number"], PAGE_NUMBER_PT)
    if fld is not None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), fld)
        run._r.append(el)
    elif instr is not None:
        el = OxmlElement("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = instr
        run._r.append(el)
    elif text is not None:
        run.text = text


def _page_number(paragraph: Paragraph, plan: FontPlan, align) -> None:
    """"— N —" with a PAGE field, one character in from the outer edge."""
    paragraph.style = "Footer"
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Pt(0)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(PAGE_NUMBER_PT)
    else:
        fmt.left_indent = Pt(PAGE_NUMBER_PT)
    _field_run(paragraph, plan, text="— ")
    _field_run(paragraph, plan, fld="begin")
    _field_run(paragraph, plan, instr=" PAGE ")
    _field_run(paragraph, plan, fld="separate")
    _field_run(paragraph, plan, text="1")
    _field_run(paragraph, plan, fld="end")
    _field_run(paragraph, plan, text=" —")


def _draft_header(doc: DocxDocument, plan: FontPlan) -> None:
    """草稿 at the top of every page, on the outer side as the page numbers (odd right, even left)."""
    section = doc.sections[0]
    for header, align in ((section.header, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT)):
        p = header.paragraphs[0]
        p.style = "Header"
        p.paragraph_format.alignment = align
        p.paragraph_format.first_line_indent = Pt(0)
        _style_run(p.add_run(DRAFT_MARK), plan.fonts["heading1"], BODY_PT)


# ---- tables ---------------------------------------------------------------------------------------
def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _table_properties(table: Table, grid: Grid) -> None:
    # OOXML fixes the order of tblPr children; Word rejects a file that breaks it.
    tbl = table._tbl
    tblPr = tbl.tblPr
    width = tblPr.find(qn("w:tblW"))
    width.set(qn("w:w"), str(sum(_twips(w) for w in grid.widths_mm)))
    width.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{edge}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), "000000")
        borders.append(b)
    tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                "w:tblDescription")
    margins = OxmlElement("w:tblCellMar")
    for edge, mm in (("top", 0.0), ("left", CELL_MARGIN_MM), ("bottom", 0.0), ("right", CELL_MARGIN_MM)):
        m = OxmlElement(f"w:{edge}")
        m.set(qn("w:w"), str(_twips(mm)))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    for col, mm in zip(tbl.tblGrid.findall(qn("w:gridCol")), grid.widths_mm):
        col.set(qn("w:w"), str(_twips(mm)))


def _row_properties(table: Table, grid: Grid) -> None:
    """Rows never split, the header rows repeat on each page, and every row is kept with the next: each
    official table fits on one page, so one that would start at the foot of a page (table 三 with its
    side label 三、本年度办理结果 cut in two) moves whole to the next page. A table longer than a page
    still breaks, between rows."""
    n = len(table.rows)
    for i, row in enumerate(table.rows):
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement("w:cantSplit"))
        if i < grid.header_rows:
            trPr.append(OxmlElement("w:tblHeader"))
        if i < n - 1:
            for p in row._tr.iter(qn("w:p")):
                Paragraph(p, table).paragraph_format.keep_with_next = True


def _fill_cell(cell: _Cell, gc: GridCell, plan: FontPlan, style_id: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id  # by id: a lookup by name costs a millisecond per cell
    if gc.role == "label" and gc.rowspan == 1:
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if gc.text:
        _style_run(paragraph.add_run(gc.text), plan.table)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _add_table(doc: DocxDocument, grid: Grid, plan: FontPlan) -> Table:
    table = doc.add_table(rows=grid.n_rows, cols=grid.n_cols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_properties(table, grid)
    # Grid positions → w:tc, taken once before merging (table.cell() rescans the whole table per call).
    tcs = [list(tr.tc_lst) for tr in table._tbl.tr_lst]
    for row in tcs:
        for tc, mm in zip(row, grid.widths_mm):
            tc.width = Mm(mm)
    # Merge first, then write: merging concatenates the text of the cells it swallows. The top-left
    # w:tc of a region survives the merge, so the anchors stay valid.
    for gc in grid.cells:
        if gc.rowspan > 1 or gc.colspan > 1:
            tcs[gc.row][gc.col].merge(tcs[gc.row + gc.rowspan - 1][gc.col + gc.colspan - 1])
    style_id = doc.styles[_TABLE_STYLE].style_id
    for gc in grid.cells:
        _fill_cell(_Cell(tcs[gc.row][gc.col], table), gc, plan, style_id)
    _row_properties(table, grid)
    return table


# ---- document properties --------------------------------------------------------------------------
def _custom_properties_xml(props: Iterable[tuple[str, str]]) -> bytes:
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate(props, start=2):  # pid 0 and 1 are reserved
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_CUSTOM_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clip(text: str, limit: int = 255) -> str:
    # Word (and python-docx) cap core properties at 255 characters.
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _set_properties(doc: DocxDocument, report: Report, plan: FontPlan, stamp: Stamp | None, draft: bool) -> None:
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # the template's thumbnail shows another document
            package.rels.pop(rid)
    core = doc.core_properties
    core.title = _clip(report_title(report))
    core.subject = L.REPORT_TITLE_SUFFIX
    core.category = L.REPORT_TITLE_SUFFIX
    core.author = _clip(report.meta.agency_name or "政府信息公开年度报告助手")
    keywords = [f"{report.meta.report_year}年" if report.meta.report_year else "", L.FORMAT_DOC_2021]
    core.language = "zh-CN"
    core.revision = 1
    sentences = [DRAFT_NOTE] if draft else []
    sentences += [stamp.sentence()] if stamp else []
    if plan.describe():
        sentences.append(plan.describe())
    core.comments = _clip("".join(sentences))  # the full text is in the custom properties
    props = {"status": DRAFT_NOTE} if draft else {}
    props |= dict(stamp.properties()) if stamp else {}
    if draft:  # the status reaches Word's 状态 field; the keyword also reaches the PDF
        core.content_status = DRAFT_MARK
        keywords.insert(0, DRAFT_MARK)
    if plan.substitutions:
        props["font_substitution"] = plan.describe()
    if stamp:
        # python-docx writes the time with a "Z": give it UTC
        core.created = core.modified = stamp.exported_at.astimezone(dt.UTC).replace(tzinfo=None)
        ack = stamp.decision.acknowledgement
        core.last_modified_by = _clip(ack.who) if stamp.acknowledged and ack else core.author
        if stamp.acknowledged and ack:  # keywords also reach the PDF's document information
            keywords.append(f"警告确认：{ack.who}，{ack.at.isoformat(timespec='seconds')}")
    core.keywords = _clip(";".join(k for k in keywords if k))
    if props:
        part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES,
                    _custom_properties_xml((PROPERTY_LABELS[k], v) for k, v in props.items()), package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)


# ---- the document ---------------------------------------------------------------------------------
def _width_em(text: str) -> float:
    """Printed width in characters: digits and Latin letters are half as wide as a Chinese character."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _signature(doc: DocxDocument, report: Report, stamp: Stamp | None) -> None:
    """The 落款 under the text, one blank line above (GB/T 9704-2012 7.3.5.1): the date in Arabic
    numerals four characters in from the right, the agency's name centred over it. A name too long
    for that keeps two characters from the right, and the date is centred under it instead. The last
    paragraph of the text stays on the page of the 落款. An importer reads the date back as the
    report's publication date."""
    name = report.meta.agency_name.strip()
    if not name:
        return
    # the report's own date when it has one (a re-export keeps it), else the day it is exported
    day = report.meta.publication_date or (stamp.exported_at.date() if stamp is not None else dt.date.today())
    date = f"{day.year}年{day.month}月{day.day}日"
    centre = 4 + _width_em(date) / 2  # from the right edge of the text, in characters
    centre = max(centre, 2 + _width_em(name) / 2)
    last = doc.paragraphs[-1] if doc.paragraphs else None
    if last is not None and last._p is doc.element.body[-2]:  # the text ends with a paragraph, not a table
        last.paragraph_format.keep_with_next = True
    doc.add_paragraph(style="Normal").paragraph_format.keep_with_next = True
    for text in (name, date):
        p = doc.add_paragraph(text, style="Normal")
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.right_indent = Pt(round((centre - _width_em(text) / 2) * BODY_PT, 1))
        p.paragraph_format.keep_with_next = text == name


def build_docx(report: Report, *, fonts: FontPlan | None = None, stamp: Stamp | None = None,
               draft: bool = False) -> bytes:
    """The report as DOCX bytes. ``fonts`` defaults to the fonts installed here; ``stamp`` records the
    export; ``draft`` marks every page 草稿 in its header and the document properties as a draft."""
    plan = fonts or plan_fonts()
    doc = Document()
    _setup_styles(doc, plan)
    _setup_theme(doc, plan)
    _setup_page(doc, plan)
    if draft:
        _draft_header(doc, plan)
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    after_table = False
    for block in outline(report):  # no forced page break: one would leave a part-empty page before it
        if isinstance(block, Title):
            # broken between words only, in even lines (GB/T 9704-2012 7.3.3), not where Word wraps it
            p = doc.add_paragraph(style="Title")
            for i, line in enumerate(title_lines(report, TITLE_CHARS_PER_LINE)):
                run = p.add_run(line)
                if i:
                    run._r.insert(0, OxmlElement("w:br"))
        elif isinstance(block, Heading):
            p = doc.add_paragraph(block.text, style="Heading 1" if block.level == 1 else "Heading 2")
            if after_table:
                p.paragraph_format.space_before = Pt(LINE_PT / 2)
        elif isinstance(block, Para):
            doc.add_paragraph(block.text, style="Normal")
        elif isinstance(block, RunInItem):
            p = doc.add_paragraph(style="Normal")
            _style_run(p.add_run(block.head), plan.fonts["heading2"])
            if block.text:
                _style_run(p.add_run(block.text), plan.fonts["body"])
        elif isinstance(block, TableRef):
            _add_table(doc, grid_for(block.key, report), plan)
        after_table = isinstance(block, TableRef)
    _signature(doc, report, stamp)
    for p in doc.paragraphs:  # fonts on every run as well as on the styles
        for run in p.runs:
            if run._r.rPr is None or run._r.rPr.rFonts is None:
                assert p.style is not None  # python-docx falls back to the template's default paragraph style
                font = {"Title": "title", "Heading 1": "heading1", "Heading 2": "heading2"}.get(p.style.name, "body")
                _style_run(run, plan.fonts[font])
    _set_properties(doc, report, plan, stamp, draft)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def docx_properties(data: bytes) -> dict[str, str]:
    """The custom properties of a DOCX (Chinese label → value) and its core 'comments' under "comments"."""
    out: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        if "docProps/custom.xml" in names:
            root = etree.fromstring(z.read("docProps/custom.xml"))
            for prop in root.findall(f"{{{_CUSTOM_NS}}}property"):
                out[prop.get("name", "")] = "".join(prop.itertext())
        if "docProps/core.xml" in names:
            core = etree.fromstring(z.read("docProps/core.xml"))
            desc = core.find("{http://purl.org/dc/elements/1.1/}description")
            out["comments"] = desc.text or "" if desc is not None else ""
    return out
