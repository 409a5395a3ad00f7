"""Entry points: parse_text / parse_docx / parse_html / parse_pdf, and load_report with type sniffing.

Every entry point enforces the limits of ``_safety`` (size, zip bombs) and strips control characters
from what the front-end read, so a hostile file ends in a Chinese ``ReportReadError``, never a
traceback or a hang.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from assistant.errors import ReportReadError
from assistant.importing._blocks import Document
from assistant.importing._build import build_report
from assistant.importing._docx import docx_document
from assistant.importing._html import decode_html, html_document
from assistant.importing._pdf import pdf_document
from assistant.importing._safety import MAX_REPORT_BYTES, check_docx_zip, check_size, clean_document
from assistant.importing._script import Restore, restore_narrative, simplify_text, to_simplified
from assistant.importing._text import text_document
from schemas.layout import ALL_CELL_ADDRESSES
from schemas.report import Report, SourceInfo

__all__ = ["decode_text", "load_report", "parse_docx", "parse_html", "parse_pdf", "parse_text"]

_TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_OLD_OFFICE_EXT = {".doc", ".wps", ".dot", ".rtf"}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_SNIFF = ("<!doctype html", "<html", "<body", "<head", "<table", "<p>", "<p ", "<div", "<meta")
_PDF_MAGIC = b"%PDF-"


def _build(doc: Document, restore: Restore | None = None, notes: list[str] | None = None) -> Report:
    doc = clean_document(doc)
    if restore is None and notes is None:  # a text was simplified before it was split
        doc, restore = to_simplified(doc)
    if notes:
        doc.notes.extend(notes)
    report = build_report(doc)
    if restore is not None:
        restore_narrative(report, restore)
    return report


def _docx(data: bytes, name: str) -> Report:
    check_size(len(data), name)
    check_docx_zip(data, name)
    return _build(docx_document(data, name))


def parse_text(text: str) -> Report:
    """A report copied as plain text (tables tab-separated)."""
    check_size(len(text), "该文本")  # characters, not bytes: the same order of magnitude
    read, restore, notes = simplify_text(text)  # traditional characters or pinyin: read as simplified
    return _build(text_document(read), restore, notes)


def parse_docx(data: bytes | str | Path) -> Report:
    """A DOCX file, given as its bytes or its path."""
    if isinstance(data, (str, Path)):
        path = Path(data)
        return _docx(_read_bytes(path), f"文件“{path.name}”")
    return _docx(data, "该DOCX文件")


def parse_html(html: str | bytes) -> Report:
    """A report as published on a web page."""
    check_size(len(html), "该网页")
    if isinstance(html, bytes):
        html = decode_html(html)
    return _build(html_document(html))


def parse_pdf(data: bytes | str | Path) -> Report:
    """A text-based PDF, given as its bytes or its path; a scan without text layer is refused."""
    name = "该PDF文件"
    if isinstance(data, (str, Path)):
        path = Path(data)
        name = f"文件“{path.name}”"
        data = _read_bytes(path)
    check_size(len(data), name)
    if _PDF_MAGIC not in data[:1024]:
        raise ReportReadError(f"{name}不是PDF文件（缺少PDF文件头），无法按PDF读取。")
    return _build(pdf_document(data, name))


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_file():
            check_size(size, f"文件“{path.name}”")
        with path.open("rb") as fh:
            data = fh.read(MAX_REPORT_BYTES + 1)  # a file growing meanwhile, or a device: never more
        check_size(len(data), f"文件“{path.name}”")
        return data
    except FileNotFoundError:
        raise ReportReadError(f"找不到文件“{path}”，请检查路径是否正确。") from None
    except IsADirectoryError:
        raise ReportReadError(f"“{path}”是一个文件夹，不是报告文件。") from None
    except PermissionError:
        raise ReportReadError(f"没有权限读取文件“{path}”。") from None
    except OSError as exc:
        raise ReportReadError(f"无法读取文件“{path}”：{exc.strerror or '系统错误'}。") from None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c < "\xa0")
    return "\x00" in sample or "\ufffd" in sample or controls > len(sample) // 100


def decode_text(data: bytes, name: str = "该文件") -> str:
    """Bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:4096]:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return text
            break
    raise ReportReadError(f"{name}不是可识别的文本文件（可能是二进制文件或编码无法识别），无法作为报告导入。")


def _from_json(data: bytes, path: Path) -> Report:
    try:
        report = Report.model_validate_json(data.removeprefix(b"\xef\xbb\xbf"))
    except (ValidationError, ValueError):
        raise ReportReadError(f"文件“{path.name}”不是本系统导出的报告JSON，无法导入。") from None
    if report.source is None:
        report.source = SourceInfo(kind="json", path=str(path))
    return report


def _has_content(report: Report) -> bool:
    src = report.source
    if report.meta.title or (src is not None and src.part_headings):
        return True
    p1 = report.part1  # sub-parts of part 一 recognised without any heading
    if sum(1 for t in (p1.active, p1.on_request, p1.management, p1.platform, p1.oversight) if t) >= 2:
        return True
    missing = set(src.missing) if src is not None else set()
    return any(a not in missing for a in ALL_CELL_ADDRESSES)


def load_report(path: str | Path) -> Report:
    """Read a report file of any supported kind; ``ReportReadError`` (in Chinese) when that is impossible."""
    path = Path(path)
    data = _read_bytes(path)
    name = f"文件“{path.name}”"
    if not data.strip():
        raise ReportReadError(f"{name}是空文件，没有可导入的内容。")
    ext = path.suffix.lower()
    if data.startswith(_PDF_MAGIC) or (ext == ".pdf" and _PDF_MAGIC in data[:1024]):
        report = _build(pdf_document(data, name))
    elif ext == ".pdf":
        raise ReportReadError(f"{name}的扩展名是.pdf，但内容不是PDF文件（文件已损坏或类型不符），无法读取。")
    elif ext in _OLD_OFFICE_EXT or data.startswith(_OLE2_MAGIC):
        raise ReportReadError(f"暂不支持旧版Word（.doc）或WPS格式的{name}，请在Word或WPS中另存为.docx后再导入。")
    elif ext == ".docx" or data.startswith(_ZIP_MAGIC):
        report = _docx(data, name)
    elif ext == ".json":
        report = _from_json(data, path)
    else:
        text = decode_text(data, name)
        head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
        if ext in _HTML_EXT:
            report = parse_html(decode_html(data))
        elif ext in _TEXT_EXT:
            report = parse_text(text)
        elif head.startswith("{"):
            report = _from_json(data, path)
        elif any(tag in head for tag in _HTML_SNIFF):
            report = parse_html(decode_html(data))
        else:
            report = parse_text(text)
    if not _has_content(report):
        raise ReportReadError(f"{name}中没有找到政府信息公开工作年度报告的内容（标题、各部分标题或统计表格）。")
    if report.source is not None and report.source.path is None:
        report.source.path = str(path)
    return report
