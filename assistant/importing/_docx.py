"""DOCX → the neutral form, with python-docx.

python-docx repeats a merged cell at every grid position it covers (horizontally within a row,
vertically down the rows); within a row the repeats are dropped by cell identity, so a row reads
like the printed table: a vertically merged label appears in each row it spans. Word's automatic
list numbers are put in front of their paragraphs; a table used to lay out the whole report is
read as the paragraphs and tables inside it.
"""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from assistant.errors import ReportReadError
from assistant.importing._blocks import Document, Paragraph, Table
from assistant.importing._docx_numbering import Numbering

__all__ = ["docx_document"]

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _T = qn("w:tr"), qn("w:tc"), qn("w:t")
_LAYOUT_CELL_CHARS = 200


def _is_layout(tbl) -> bool:
    """A table holding the report itself (long text or other tables in its cells), not a data table."""
    if any(t is not tbl for t in tbl.iter(_TBL)):
        return True
    return any(sum(len(t.text or "") for t in tc.iter(_T)) > _LAYOUT_CELL_CHARS for tc in tbl.iter(_TC))


def _cell_text(cell) -> str:
    return "".join(p.text for p in cell.paragraphs).strip()


def _rows(tbl, parent) -> list[list[str]]:
    table = DocxTable(tbl, parent)
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        prev = None
        for cell in row.cells:
            tc = cell._tc
            if tc is prev:
                continue
            prev = tc
            cells.append(_cell_text(cell))
        rows.append(cells)
    return rows


def _raw_rows(tbl) -> list[list[str]]:
    """Plain reading of a table python-docx cannot walk (broken merges): one cell per <w:tc>."""
    return [["".join(t.text or "" for t in tc.iter(_T)).strip() for tc in tr.iter(_TC)]
            for tr in tbl.iter(_TR)]


def docx_document(data: bytes, name: str = "该DOCX文件") -> Document:
    try:
        d = open_docx(io.BytesIO(data))
    except Exception:  # python-docx raises zipfile, KeyError, ValueError or lxml errors on a bad file
        raise ReportReadError(f"{name}已损坏或不是有效的Word（DOCX）文档，无法读取；"
                              "请用Word或WPS打开后重新另存为.docx再导入。") from None
    doc = Document(kind="docx", title_hint=(d.core_properties.title or "").strip())
    body = d.element.body
    parent = d._body
    numbering = Numbering(d)
    offset = 0

    def walk(element) -> None:
        nonlocal offset
        for child in element.iterchildren():
            tag = child.tag
            if tag == _P:
                text = numbering.label(child) + DocxParagraph(child, parent).text
                for line in text.split("\n"):
                    stripped = line.strip()
                    if stripped:
                        doc.blocks.append(Paragraph(stripped, offset))
                    offset += len(line) + 1
            elif tag == _TBL and _is_layout(child):
                for tc in child.iter(_TC):
                    if tc.getparent().getparent() is child:  # this table's own cells, in reading order
                        walk(tc)
            elif tag == _TBL:
                try:
                    rows = _rows(child, parent)
                except Exception:  # a malformed merge: read cell by cell rather than give up
                    rows = _raw_rows(child)
                    doc.notes.append("DOCX中有一个表格的合并单元格结构异常，已按单元格逐个读取，请核对该表格。")
                doc.blocks.append(Table(rows=rows, offset=offset, exact=True))
                offset += sum(len("\t".join(r)) + 1 for r in rows)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    walk(content)

    walk(body)
    return doc
