"""Limits that keep the importers safe on hostile files: size, zip bombs, control characters.

Reports are a few hundred KB; every limit here is far above a real report and far below what
would exhaust memory or time. A file over a limit is refused with a Chinese ``ReportReadError``
before anything large is inflated or parsed.
"""

from __future__ import annotations

import io
import re
import zipfile

from assistant.errors import ReportReadError
from assistant.importing._blocks import Block, Document, Paragraph, Table

__all__ = [
    "MAX_DOCX_ENTRIES",
    "MAX_DOCX_RATIO",
    "MAX_DOCX_UNCOMPRESSED",
    "MAX_DOCX_XML",
    "MAX_NESTING",
    "MAX_REPORT_BYTES",
    "check_docx_zip",
    "check_size",
    "clean_document",
    "clean_text",
]

MAX_REPORT_BYTES = 20 * 1024 * 1024  # one report file (also the web app's upload limit)
MAX_DOCX_ENTRIES = 2000  # a Word report has a few dozen parts; more are images, never thousands
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts inflated together
MAX_DOCX_XML = 32 * 1024 * 1024  # the XML parts (python-docx parses them all into memory)
MAX_DOCX_RATIO = 200  # XML compresses ~10×, rarely 100×; a bomb compresses 1000× and more
_RATIO_FLOOR = 1024 * 1024  # small parts may compress well without harm
MAX_NESTING = 200  # elements nested deeper than this are not a report (HTML, DOCX)

# C0/C1 controls other than tab and newlines, and the bidi overrides that can disguise text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_size(size: int, name: str) -> None:
    if size > MAX_REPORT_BYTES:
        raise ReportReadError(f"{name}大小为{_mib(size)}，超过报告文件的上限（{_mib(MAX_REPORT_BYTES)}），未导入；"
                              "年度报告通常不超过几 MB，请确认文件是否正确。")


def check_docx_zip(data: bytes, name: str) -> None:
    """Refuse a zip bomb from its directory, before any part is inflated.

    ``zipfile`` never inflates an entry past the size its directory declares (the CRC check fails
    first), so checking the declared sizes bounds what python-docx can allocate."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ReportReadError(f"{name}已损坏或不是有效的Word（DOCX）文档（不是完整的压缩包），无法读取；"
                              "请用Word或WPS打开后重新另存为.docx再导入。") from None
    if len(infos) > MAX_DOCX_ENTRIES:
        raise ReportReadError(f"{name}内含{len(infos)}个部件，远超正常Word文档（上限{MAX_DOCX_ENTRIES}个），"
                              "疑为恶意构造的文件，未导入。")
    total = xml = 0
    for info in infos:
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels")):
            xml += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_DOCX_RATIO * max(info.compress_size, 1):
            raise ReportReadError(f"{name}中的部件“{info.filename[:60]}”压缩比异常（解压后{_mib(info.file_size)}），"
                                  "疑为压缩炸弹，未导入。")
    if total > MAX_DOCX_UNCOMPRESSED:
        raise ReportReadError(f"{name}解压后共{_mib(total)}，超过上限（{_mib(MAX_DOCX_UNCOMPRESSED)}），"
                              "疑为压缩炸弹，未导入。")
    if xml > MAX_DOCX_XML:
        raise ReportReadError(f"{name}的文字部件解压后共{_mib(xml)}，超过上限（{_mib(MAX_DOCX_XML)}），"
                              "远超任何年度报告，未导入。")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ReportReadError(f"{name}是压缩包但不是Word（DOCX）文档（缺少正文部件 word/document.xml），无法导入；"
                              "请确认文件是.docx格式。")


def clean_text(text: str) -> str:
    """Drop control characters (a NUL, a form feed, a bidi override) that no report text contains."""
    return _CONTROLS.sub("", text)


def clean_document(doc: Document) -> Document:
    """The document with control characters removed from every paragraph and cell (in place)."""
    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            text = clean_text(b.text).strip()
            if text:
                b.text = text
                blocks.append(b)
        elif isinstance(b, Table):
            b.rows = [[clean_text(c).strip() for c in row] for row in b.rows]
            blocks.append(b)
    doc.blocks = blocks
    doc.title_hint = clean_text(doc.title_hint)
    return doc
