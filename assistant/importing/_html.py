"""HTML (a report as government sites publish it) → the neutral form, with lxml.

Block elements and <br> end paragraphs; data tables are expanded over rowspan/colspan into a grid,
and within a row the copies of one spanning cell are dropped (as for DOCX). Tables used for page
layout (holding paragraphs or other tables) are walked as containers instead.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from assistant.errors import ReportReadError
from assistant.importing._blocks import Document, Paragraph, Table
from assistant.importing._safety import MAX_NESTING

__all__ = ["decode_html", "html_document"]

_BLOCK = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
    "footer", "blockquote", "pre", "center", "dd", "dt", "dl", "form", "main", "aside", "nav", "address",
    "figure", "figcaption", "hr", "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "body", "title",
))
_SKIP = frozenset(("script", "style", "noscript", "head", "template", "iframe", "select", "option",
                   "button", "input", "textarea", "svg", "object", "embed"))
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \\t\\r\\f]*\\n\\s*(?=[{_CJK}])")
_WS = re.compile(r"[ \t\r\n\f\v]+")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_LAYOUT_CELL_CHARS = 200
_MAX_SPAN = 200
_MAX_GRID_CELLS = 1_000_000  # a report table has ~500 cells; spans must not blow a table up to billions


def decode_html(data: bytes) -> str:
    """Bytes of a web page: BOM, then the declared charset (GB2312/GBK read as GB18030), then UTF-8, GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    tried: list[str] = []
    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        tried.append("gb18030" if declared in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"} else declared)
    tried += ["utf-8", "gb18030"]
    for encoding in tried:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")


def _clean(text: str) -> str:
    text = _CJK_BREAK.sub("", text)  # a line break in the source between two CJK characters is no space
    return _WS.sub(" ", text).replace("\xa0", " ").strip()


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _too_deep() -> ReportReadError:
    return ReportReadError(f"网页的标签嵌套超过{MAX_NESTING}层，不像是正常的报告网页（可能被恶意构造），未导入。")


def _cell_text(cell) -> str:
    parts: list[str] = []

    def walk(el, depth: int) -> None:
        if depth > MAX_NESTING:
            raise _too_deep()
        if _tag(el) in _SKIP:
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child, depth + 1)
            if child.tail:
                parts.append(child.tail)

    walk(cell, 0)
    return _clean("".join(parts))


def _own_rows(table) -> list:
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _is_layout(table) -> bool:
    if any(t is not table for t in table.iter("table")):
        return True
    for cell in table.iter("td", "th"):
        if len(cell.text_content()) > _LAYOUT_CELL_CHARS:
            return True
    return False


def _span(cell, name: str) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(str(cell.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def _grid(table) -> list[list[str]]:
    """Rows of cell texts over the expanded grid, each spanning cell once per row it covers."""
    taken: dict[tuple[int, int], int] = {}  # grid position → cell id
    texts: list[str] = []
    rows = _own_rows(table)
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if _tag(cell) not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            cid = len(texts)
            texts.append(_cell_text(cell))
            rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
            if len(taken) + rs * cs > _MAX_GRID_CELLS or (r + 1) * max(width, c + cs) > _MAX_GRID_CELLS:
                raise ReportReadError("网页中有一个表格的行列数异常巨大（合并单元格跨度过大），不像是正常的报告网页，未导入。")
            for dr in range(rs):
                for dc in range(cs):
                    taken.setdefault((r + dr, c + dc), cid)
            c += cs
        width = max(width, c)
    out: list[list[str]] = []
    for r in range(len(rows)):
        row: list[str] = []
        prev = -1
        end = width
        while end and (r, end - 1) not in taken:  # a row with fewer cells (a cut page) is short, not blank
            end -= 1
        for c in range(end):
            cid = taken.get((r, c), -1)
            if cid == prev and cid >= 0:
                continue
            prev = cid
            row.append(texts[cid] if cid >= 0 else "")
        out.append(row)
    return out


def html_document(html: str) -> Document:
    html = _XML_DECL.sub("", html)
    if not html.strip():
        return Document(kind="html")
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        raise ReportReadError("网页文件无法解析，内容可能已损坏。") from None
    doc = Document(kind="html", title_hint=_clean(root.findtext(".//title") or ""))
    buf: list[str] = []
    offset = 0

    def flush() -> None:
        nonlocal offset
        if buf:
            text = _clean("".join(buf))
            buf.clear()
            if text:
                doc.blocks.append(Paragraph(text, offset))
                offset += len(text) + 1

    def walk(el, depth: int) -> None:
        nonlocal offset
        if depth > MAX_NESTING:  # libxml2 caps nesting at 256 today; Python's stack must not depend on it
            raise _too_deep()
        tag = _tag(el)
        if tag in _SKIP or not tag:
            return
        if tag == "table" and not _is_layout(el):
            flush()
            rows = _grid(el)
            if rows:
                doc.blocks.append(Table(rows=rows, offset=offset, exact=True))
                offset += sum(len("\t".join(r)) + 1 for r in rows)
            return
        if tag == "br":
            flush()
            return
        block = tag in _BLOCK
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child, depth + 1)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    body = root.find("body")
    walk(body if body is not None else root, 0)
    flush()
    return doc
