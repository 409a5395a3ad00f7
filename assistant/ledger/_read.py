"""Reading a ledger file into rows of cell values: xlsx, xlsm, xls, ods through python-calamine,
csv (UTF-8 with or without BOM, or GBK/GB18030, comma, tab or semicolon separated) through the
standard library. Row ``i`` of a sheet is the row the spreadsheet shows as ``i + 1``."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import ReportAssistantError

__all__ = ["LEDGER_TYPES", "LedgerError", "Sheet", "read_sheets"]

LEDGER_TYPES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
_MAX_ROWS = 200_000
_MAX_COLUMNS = 200


class LedgerError(ReportAssistantError):
    """A ledger that cannot be read or used (message in Chinese, shown as is)."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Any]]  # cell values: str, float, int, bool, date, datetime, time, timedelta


def read_sheets(path: str | Path, filename: str | None = None) -> list[Sheet]:
    """Every worksheet of the file with something in it; ``LedgerError`` when it cannot be read."""
    path = Path(path)
    name = filename or path.name
    suffix = Path(name).suffix.lower()
    if suffix not in LEDGER_TYPES:
        raise LedgerError(f"不支持“{Path(name).suffix or name}”文件：台账请用 Excel 或 WPS 另存为 "
                          f"{'、'.join(LEDGER_TYPES)} 格式后上传。")
    try:
        data = path.read_bytes()
    except OSError:
        raise LedgerError(f"无法打开台账文件“{name}”。") from None
    if not data.strip():
        raise LedgerError(f"台账文件“{name}”是空的。")
    sheets = _csv(data, name) if suffix == ".csv" else _workbook(data, name)
    sheets = [s for s in sheets if any(_filled(v) for row in s.rows for v in row)]
    if not sheets:
        raise LedgerError(f"台账文件“{name}”中没有任何内容（工作表是空的）。")
    return sheets


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _workbook(data: bytes, name: str) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own errors, and ValueError/OSError for non-workbooks
        if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise LedgerError(f"台账文件“{name}”已损坏或有密码保护，无法读取（{type(exc).__name__}）。"
                              "请在 Excel 或 WPS 中打开后另存一份再上传。") from None
        raise LedgerError(f"“{name}”不是 Excel、WPS 或 ODS 表格文件，无法读取。") from None
    out = []
    try:
        for meta in book.sheets_metadata:
            if str(meta.visible).rsplit(".", 1)[-1] != "Visible" or "WorkSheet" not in str(meta.typ):
                continue  # hidden sheets (a template's lists) and chart sheets are not the ledger
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.height > _MAX_ROWS or sheet.width > _MAX_COLUMNS:
                raise LedgerError(f"台账“{name}”的工作表“{meta.name}”太大（{sheet.height}行×{sheet.width}列），"
                                  f"最多 {_MAX_ROWS} 行、{_MAX_COLUMNS} 列。")
            out.append(Sheet(meta.name, [list(r) for r in sheet.to_python(skip_empty_area=False)]))
    except LedgerError:
        raise
    except Exception as exc:
        raise LedgerError(f"读取台账“{name}”时出错（{type(exc).__name__}），请在 Excel 或 WPS 中另存一份再上传。") from None
    return out


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LedgerError(f"无法识别台账“{name}”的文字编码：请在 Excel 或 WPS 中另存为“CSV UTF-8”或 xlsx 后上传。")


def _csv(data: bytes, name: str) -> list[Sheet]:
    if b"\x00" in data[:4096]:
        raise LedgerError(f"“{name}”不是文本格式的 CSV 文件（可能是改了扩展名的表格文件），请另存为 CSV 或 xlsx 后上传。")
    text = _decode(data, name)
    head = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(head, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel_tab if head.count("\t") > head.count(",") else csv.excel
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    if len(rows) > _MAX_ROWS:
        raise LedgerError(f"台账“{name}”太大（{len(rows)}行），最多 {_MAX_ROWS} 行。")
    return [Sheet(Path(name).stem, rows)]
