"""Text-based PDF → the neutral form, with pdfplumber.

Tables are found from their ruling lines and read over the grid of their cells, each merged cell
once per row it covers (as for DOCX and HTML). The text outside the tables is read line by line and
lines are joined back into paragraphs: a line continues the previous one when that one reaches the
right margin and this one is not indented. A PDF without a text layer (a scan) is refused with a
message saying so.

Before pdfminer sees the file, its compressed streams are measured by inflating them into nothing,
so a PDF bomb is refused without ever being held in memory; a page limit and a time budget bound
the rest.
"""

from __future__ import annotations

import base64
import io
import re
import time
import zlib
from dataclasses import dataclass

from assistant.errors import ReportReadError
from assistant.importing._blocks import Document, Paragraph, Table
from assistant.importing._normalize import LABEL, NUM, cell_kind, ends_sentence
from assistant.importing._outline import heading_of
from assistant.importing._readers import T2Reader, T3Reader
from assistant.importing._rows import split_row

__all__ = ["MAX_PDF_INFLATED", "MAX_PDF_PAGES", "PDF_TIME_BUDGET_S", "pdf_document"]

MAX_PDF_PAGES = 200  # annual reports have 5–20 pages
MAX_PDF_INFLATED = 256 * 1024 * 1024  # all streams inflated together
_MAX_STREAM_INFLATED = 64 * 1024 * 1024
_MAX_LZW_RAW = 2 * 1024 * 1024  # LZW is decoded in pure Python: only small (old) streams
PDF_TIME_BUDGET_S = 60.0

_STREAM = re.compile(rb"stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) +| +(?=[{_CJK}])")  # pdfplumber puts gaps between fonts as spaces
_ITEM_START = re.compile(r"[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]")
_PAGE_NUMBER = re.compile(r"[-—–－\s]*(第\s*)?\d{1,3}\s*(页|/\s*\d{1,3})?[-—–－\s]*(共\s*\d+\s*页)?")


def _too_big(name: str, what: str) -> ReportReadError:
    return ReportReadError(f"{name}中{what}，疑为恶意构造的PDF（压缩炸弹），未导入。")


def _count_inflate(data: bytes, cap: int) -> int:
    d = zlib.decompressobj()
    total = 0
    try:
        for i in range(0, len(data), 65536):
            chunk = data[i:i + 65536]
            while chunk:
                out = d.decompress(chunk, 1 << 20)
                total += len(out)
                if total > cap:
                    return total
                chunk = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        pass  # corrupt data: pdfminer reads what it can, bounded by what we counted
    return total


def _decode_step(f: bytes, data: bytes, cap: int) -> bytes | int:
    """One filter applied; an int is the final size when the bytes need not be kept."""
    if f in (b"FlateDecode", b"Fl"):
        d = zlib.decompressobj()
        try:
            out = d.decompress(data, cap + 1)
        except zlib.error:
            return len(data)
        return out
    if f in (b"ASCIIHexDecode", b"AHx"):
        try:
            return bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">")[0]).decode())
        except ValueError:
            return len(data)
    if f in (b"ASCII85Decode", b"A85"):
        try:
            return base64.a85decode(data.strip().removesuffix(b"~>"), ignorechars=b" \t\r\n\x0b\x0c")
        except ValueError:
            return len(data)
    if f in (b"LZWDecode", b"LZW"):
        if len(data) > _MAX_LZW_RAW:
            return cap + 1
        from pdfminer.lzw import LZWDecoder

        total = 0
        for chunk in LZWDecoder(io.BytesIO(data)).run():
            total += len(chunk)
            if total > cap:
                break
        return total
    if f in (b"RunLengthDecode", b"RL"):
        total, i = 0, 0
        while i < len(data) and total <= cap:
            n = data[i]
            if n == 128:
                break
            if n < 128:
                total, i = total + n + 1, i + n + 2
            else:
                total, i = total + 257 - n, i + 2
        return total
    return len(data)  # images (DCT, JBIG2, JPX, CCITT) are not decoded to read text


def _stream_size(raw: bytes, filters: list[bytes], cap: int) -> int:
    data: bytes | int = raw
    for i, f in enumerate(filters):
        if isinstance(data, int):
            break
        if i == len(filters) - 1 and f in (b"FlateDecode", b"Fl"):
            return _count_inflate(data, cap)
        data = _decode_step(f, data, cap)
    return data if isinstance(data, int) else len(data)


def check_pdf_streams(data: bytes, name: str) -> None:
    """Refuse a PDF whose streams would inflate beyond the limits (measured, never kept)."""
    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 2048):m.start()]
        at = head.rfind(b" obj")
        head = head[at:] if at >= 0 else head[-512:]
        fm = _FILTER.search(head)
        if not fm:
            continue
        filters = _NAME.findall(fm.group(1))
        start = m.end()
        lm = _LENGTH.search(head)
        end = start + int(lm.group(1)) if lm else data.find(b"endstream", start)
        if end < start:
            end = len(data)
        size = _stream_size(data[start:end], filters, _MAX_STREAM_INFLATED)
        if size > _MAX_STREAM_INFLATED:
            raise _too_big(name, f"有一个数据流解压后超过{_MAX_STREAM_INFLATED // 1024 // 1024} MB")
        total += size
        if total > MAX_PDF_INFLATED:
            raise _too_big(name, f"各数据流解压后合计超过{MAX_PDF_INFLATED // 1024 // 1024} MB")


# ---- layout ------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    size: float  # character size, for margins and indents


def _clean(text: str) -> str:
    return _CJK_SPACE.sub("", text.replace("\u00a0", " ")).strip()


def _cell(text: str | None) -> str:
    if not text:
        return ""
    parts = [p.strip() for p in text.split("\n")]
    out = parts[0]
    for p in parts[1:]:  # a cell wraps its text: CJK joins without space, Latin words with one
        if out and p and out[-1].isascii() and p[0].isascii() and out[-1].isalnum() and p[0].isalnum():
            out += " "
        out += p
    return _clean(out)


def _grid_rows(table) -> list[list[str]]:
    """Rows of the table over the grid its cells define, a merged cell once per row it covers."""
    cells = [c for c in table.cells if c is not None]
    if not cells:
        return []
    xs = sorted({round(v, 1) for c in cells for v in (c[0], c[2])})
    ys = sorted({round(v, 1) for c in cells for v in (c[1], c[3])})

    def index(vals: list[float], v: float) -> int:
        v = round(v, 1)
        return min(range(len(vals)), key=lambda i: abs(vals[i] - v))

    texts = [_cell(t) for row in table.extract() for t in row]
    boxes = [c for row in table.rows for c in row.cells]
    taken: dict[tuple[int, int], int] = {}
    for cid, box in enumerate(boxes):
        if box is None:
            continue
        c0, c1 = index(xs, box[0]), index(xs, box[2])
        r0, r1 = index(ys, box[1]), index(ys, box[3])
        for r in range(r0, max(r1, r0 + 1)):
            for c in range(c0, max(c1, c0 + 1)):
                taken.setdefault((r, c), cid)
    out: list[list[str]] = []
    for r in range(len(ys) - 1):
        row: list[str] = []
        prev = -1
        for c in range(len(xs) - 1):
            cid = taken.get((r, c), -1)
            if cid == prev:
                continue
            prev = cid
            row.append(texts[cid] if 0 <= cid < len(texts) else "")
        if any(row):
            out.append(row)
    return out


def _page_lines(page, tables) -> list[tuple[float, _Line | list[list[str]]]]:
    """(top, _Line or Table rows) of one page, in reading order."""
    boxes = [t.bbox for t in tables]
    items: list[tuple[float, _Line | list[list[str]]]] = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        cy = (line["top"] + line["bottom"]) / 2
        cx = (line["x0"] + line["x1"]) / 2
        if any(b[1] <= cy <= b[3] and b[0] <= cx <= b[2] for b in boxes):
            continue
        text = _clean(line["text"])
        if not text:
            continue
        chars = line.get("chars") or []
        size = max((c.get("size", 0) for c in chars), default=0) or (line["bottom"] - line["top"])
        items.append((line["top"], _Line(text, line["x0"], line["x1"], size)))
    for t in tables:
        rows = _grid_rows(t)
        if rows:
            items.append((t.bbox[1], rows))
    items.sort(key=lambda it: it[0])
    return items


def _paragraphs(lines: list[_Line], left: float, right: float) -> list[str]:
    out: list[str] = []
    prev: _Line | None = None
    center = (left + right) / 2
    for ln in lines:
        if prev is not None and out:
            full = prev.x1 >= right - 1.5 * prev.size
            indented = ln.x0 > left + 0.5 * ln.size
            centred = abs((ln.x0 + ln.x1) / 2 - center) < ln.size and abs((prev.x0 + prev.x1) / 2 - center) < ln.size
            both_centred = (centred and ln.x0 > left + 1.5 * ln.size and ln.x1 < right - 1.5 * ln.size
                            and not out[-1].endswith("。"))  # a title set on two centred lines
            # a line opening with "（五）" after a sentence ends opens a sub-part or item, even when
            # the paragraph is set without a first-line indent and the line before is full
            item = _ITEM_START.match(ln.text) is not None and ends_sentence(out[-1])
            if (full and not indented and not item and heading_of(ln.text) is None) or both_centred:
                out[-1] += ln.text
                prev = ln
                continue
        out.append(ln.text)
        prev = ln
    return out


def _split_label_end(last: list[str], first: list[str]) -> int | None:
    """Where ``first`` (the top row of a page) continues the label of ``last`` (the foot row of the
    page before): the index of the label cell in ``last``, or None. Only a lone piece of text under a
    row that has its numbers, and only when the joined label names a row neither piece names."""
    filled = [c for c in first if c]
    if len(filled) != 1 or cell_kind(filled[0]) != LABEL or not any(cell_kind(c) == NUM for c in last):
        return None
    labels, _ = split_row(last)
    if not labels:
        return None
    t2, t3 = T2Reader(), T3Reader()
    joined = [labels[-1] + filled[0]]
    if (t3.row_of(joined) or t2.row_of(joined)) is None or t3.row_of(filled) or t2.row_of(filled):
        return None
    return max(i for i, c in enumerate(last) if c == labels[-1])


def _join_split_row(sequence: list[_Line | list[list[str]]], items: list[_Line | list[list[str]]]) -> None:
    """A table row a page break cut ("8.属于 | 0 0 0 …" at the foot of a page, "行政查询事项" at the
    top of the next): the label's end joins its row before the rows are read. Page numbers between
    them are skipped."""
    prev = next((x for x in reversed(sequence) if not (isinstance(x, _Line) and _PAGE_NUMBER.fullmatch(x.text))), None)
    at = next((i for i, x in enumerate(items) if not (isinstance(x, _Line) and _PAGE_NUMBER.fullmatch(x.text))), None)
    if not isinstance(prev, list) or at is None or not prev:
        return
    nxt = items[at]
    if not isinstance(nxt, list) or not nxt:
        return
    i = _split_label_end(prev[-1], nxt[0])
    if i is None:
        return
    prev[-1][i] += next(c for c in nxt[0] if c)
    del nxt[0]
    if not nxt:
        del items[at]


def pdf_document(data: bytes, name: str = "该PDF文件") -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    check_pdf_streams(data, name)
    deadline = time.monotonic() + PDF_TIME_BUDGET_S
    doc = Document(kind="pdf")
    sequence: list[_Line | list[list[str]]] = []  # _Line, or a table (list of rows)
    text_pages = image_pages = 0
    blank_pages: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            if len(pages) > MAX_PDF_PAGES:
                raise ReportReadError(f"{name}共{len(pages)}页，超过上限（{MAX_PDF_PAGES}页），不像是年度报告，未导入。")
            doc.title_hint = str((pdf.metadata or {}).get("Title") or "").strip()[:200]
            for number, page in enumerate(pages, 1):
                if time.monotonic() > deadline:
                    raise ReportReadError(f"{name}在{PDF_TIME_BUDGET_S:.0f}秒内未能读完（已读到第{number}页），"
                                          "文件可能异常复杂或被恶意构造，未导入。")
                has_text = bool(page.chars)
                if has_text:
                    text_pages += 1
                    items = [item for _, item in _page_lines(page, page.find_tables())]
                    _join_split_row(sequence, items)
                    sequence.extend(items)
                else:
                    blank_pages.append(number)
                    image_pages += bool(page.images)
                page.close()  # drop the page's parsed objects: memory stays flat over long files
    except ReportReadError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReportReadError(f"{name}已加密，需要密码才能打开，无法读取；请提供未加密的PDF或Word版本。") from None
    except RecursionError:
        raise ReportReadError(f"{name}结构嵌套过深，疑为恶意构造的PDF，未导入。") from None
    except Exception as exc:  # pdfminer raises many kinds (PSSyntaxError, KeyError, TypeError…) on a bad file
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__context__
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):  # pdfplumber wraps pdfminer's errors
            raise ReportReadError(f"{name}已加密，需要密码才能打开，无法读取；请提供未加密的PDF或Word版本。") from None
        raise ReportReadError(f"{name}已损坏或不是有效的PDF文件，无法读取。") from None
    if text_pages == 0:
        if image_pages:
            raise ReportReadError(f"{name}是扫描件（只有图片，没有文字层），无法读取其中的文字；"
                                  "请提供可复制文字的PDF，或其Word、网页版本。")
        raise ReportReadError(f"{name}中没有可读取的文字。")
    if blank_pages:
        listed = "、".join(str(n) for n in blank_pages[:10])
        doc.notes.append(f"PDF第{listed}页没有文字层（可能是扫描页或空白页），其内容未能读取，请核对。")

    lines = [x for x in sequence if isinstance(x, _Line)]
    wide = [ln for ln in lines if len(ln.text) >= 5] or lines
    left = min((ln.x0 for ln in wide), default=0.0)
    right = max((ln.x1 for ln in wide), default=0.0)
    offset = 0
    run: list[_Line] = []

    def flush() -> None:
        nonlocal offset
        for text in _paragraphs(run, left, right):
            if _PAGE_NUMBER.fullmatch(text):
                continue
            doc.blocks.append(Paragraph(text, offset))
            offset += len(text) + 1
        run.clear()

    for item in sequence:
        if isinstance(item, _Line):
            if _PAGE_NUMBER.fullmatch(item.text):
                continue  # a page number between two halves of a paragraph must not split it
            run.append(item)
        else:
            flush()
            doc.blocks.append(Table(rows=item, offset=offset, exact=True))
            offset += sum(len("\t".join(r)) + 1 for r in item)
    flush()
    return doc
