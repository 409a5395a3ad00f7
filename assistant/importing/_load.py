"""Entry points: parse_text / parse_docx / parse_html, and load_report with type sniffing."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from assistant.errors import ReportReadError
from schemas.layout import ALL_CELL_ADDRESSES
from schemas.report import Report, SourceInfo

from assistant.importing._build import build_report
from assistant.importing._docx import docx_document
from assistant.importing._html import decode_html, html_document
from assistant.importing._text import text_document

__all__ = ["decode_text", "load_report", "parse_docx", "parse_html", "parse_text"]

_TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_OLD_OFFICE_EXT = {".doc", ".wps", ".dot", ".rtf"}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_SNIFF = ("<!doctype html", "<html", "<body", "<head", "<table", "<p>", "<p ", "<div", "<meta")


def parse_text(text: str) -> Report:
    """A report copied as plain text (tables tab-separated)."""
    return build_report(text_document(text))


def parse_docx(data: bytes | str | Path) -> Report:
    """A DOCX file, given as its bytes or its path."""
    if isinstance(data, (str, Path)):
        path = Path(data)
        return build_report(docx_document(_read_bytes(path), f"文件“{path.name}”"))
    return build_report(docx_document(data))


def parse_html(html: str | bytes) -> Report:
    """A report as published on a web page."""
    if isinstance(html, bytes):
        html = decode_html(html)
    return build_report(html_document(html))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
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
    if ext == ".pdf" or data.startswith(b"%PDF-"):
        raise ReportReadError(f"暂不支持PDF格式的报告：请导入{name}的Word（.docx）、网页（.html）或文本（.txt）版本。")
    if ext in _OLD_OFFICE_EXT or data.startswith(_OLE2_MAGIC):
        raise ReportReadError(f"暂不支持旧版Word（.doc）或WPS格式的{name}，请在Word或WPS中另存为.docx后再导入。")
    if ext == ".docx" or data.startswith(_ZIP_MAGIC):
        report = build_report(docx_document(data, name))
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
