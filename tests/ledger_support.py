"""Ledgers made by the tests: records → a sheet of rows → a file in xlsx (openpyxl), ods (written as
the OpenDocument format says, with zipfile), xls (LibreOffice Calc converting the ods, when there is
one) or csv (UTF-8 with BOM, or GBK). Header variants, merged title rows, blank rows and every date
form a ledger uses."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from assistant.ledger import OUTCOME_CHOICES
from schemas import labels as L
from schemas.layout import T3_RESULT_ROWS

RESULT_KEYS = tuple(r.address[3:] for r in T3_RESULT_ROWS)
# the template's wording of each outcome (its drop-down list), by row key
OUTCOME_WORDS = dict(zip(RESULT_KEYS, OUTCOME_CHOICES))
# other ways ledgers say them (outcome column, reason column)
OUTCOME_VARIANTS: dict[str, tuple[str, str]] = {
    "granted": ("同意公开", ""),
    "partial": ("部分公开", ""),
    "withheld.state_secret": ("不予公开", "属于国家秘密"),
    "withheld.third_party": ("不予公开", "涉及第三方合法权益"),
    "withheld.process_info": ("不予公开（过程性信息）", ""),
    "unable.not_held": ("告知信息不存在", ""),
    "unable.needs_creation": ("无法提供", "需要另行制作"),
    "not_processed.petition": ("不予处理", "属于信访举报投诉"),
    "not_processed.repeated": ("重复申请", ""),
    "other_handling.no_correction": ("其他处理", "申请人逾期未补正"),
    "other_handling.other": ("其他处理-其他", ""),
}
NAMES = {"natural": "张三", "commercial": "某某科技有限公司", "research": "某某大学", "public_interest": "某某协会",
         "legal_service": "某某律师事务所", "other": "某某村民委员会"}
TYPE_WORDS = {"natural": "个人", "commercial": "企业", "research": "科研机构", "public_interest": "社会公益组织",
              "legal_service": "律师事务所", "other": "其他"}


@dataclass
class Rec:
    """One application: where it should be counted, and how the ledger writes it."""

    origin: str  # new_received | carried_over
    result: str  # a result row key, or carried_forward
    column: str  # applicant column
    day: int = 10  # day of the year of receipt (carried over: of the year before)
    with_type: bool = True  # type column filled (else the name says it)
    variant: bool = False  # outcome in other words
    pending_word: str = "办理中"


def row_of(rec: Rec, year: int, number: int, date_form: str = "iso") -> list[Any]:
    received = dt.date(year if rec.origin == "new_received" else year - 1, 1, 1) + dt.timedelta(days=rec.day)
    answered: dt.date | None = None
    if rec.result == "carried_forward":
        outcome, reason = rec.pending_word, ""
    else:
        outcome, reason = (OUTCOME_VARIANTS.get(rec.result) if rec.variant and rec.result in OUTCOME_VARIANTS
                           else (OUTCOME_WORDS[rec.result], ""))
        answered = max(received, dt.date(year, 1, 1)) + dt.timedelta(days=5)
        if answered.year > year:
            answered = dt.date(year, 12, 31)
    return [f"YSQ-{number:05d}", fmt_date(received, date_form), NAMES[rec.column],
            TYPE_WORDS[rec.column] if rec.with_type else "", f"申请公开第{number}号文件",
            fmt_date(answered, date_form) if answered else "", outcome, reason, "否"]


HEADERS = ["申请编号", "收到日期", "申请人", "申请人类型", "申请内容", "答复日期", "办理结果", "理由", "是否收费"]
HEADER_VARIANTS = [
    HEADERS,
    ["登记号", "登记日期", "申请人姓名或名称", "申请人身份", "申请事项", "办结日期", "答复类型", "不予公开理由", "收费情况"],
    ["受理编号", "受理日期", "申请人名称", "申请人类别", "申请内容", "答复时间", "处理结果", "原因", "是否收取信息处理费"],
    ["编号", "申请日期", "申请人", "申请人类型（自然人/法人或其他组织）", "所需信息", "回复日期", "答复结果", "理由", "收费"],
]


def fmt_date(d: dt.date | None, form: str) -> Any:
    if d is None:
        return ""
    if form == "iso":
        return d.isoformat()
    if form == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if form == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if form == "serial":
        return (d - dt.date(1899, 12, 30)).days
    if form == "date":
        return d
    raise ValueError(form)


def sheet_rows(recs: list[Rec], year: int, *, headers: list[str] = HEADERS, title: bool = True, blank_rows: bool = True,
               date_forms: tuple[str, ...] = ("iso",)) -> list[list[Any]]:
    """The ledger as rows: a title row and an empty row above the header, blank rows between records."""
    rows: list[list[Any]] = []
    if title:
        rows += [[f"某县自然资源局{year}年政府信息公开申请办理台账"], []]
    rows.append(list(headers))
    for i, rec in enumerate(recs, start=1):
        rows.append(row_of(rec, year, i, date_forms[i % len(date_forms)]))
        if blank_rows and i % 7 == 0:
            rows.append([])
    return rows


def write_xlsx(path: Path, rows: list[list[Any]], *, merge_title: bool = True, sheet: str = "申请台账",
               extra: dict[str, list[list[Any]]] | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    if merge_title and rows and len(rows[0]) == 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    for name, more in (extra or {}).items():
        other = book.create_sheet(name)
        for r in more:
            other.append(r)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8-sig") -> Path:
    import csv

    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows([["" if v is None else v for v in r] for r in rows])
    return path


_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _ods_cell(v: Any) -> str:
    if v is None or v == "":
        return "<table:table-cell/>"
    if isinstance(v, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}">'
                f"<text:p>{v.isoformat()}</text:p></table:table-cell>")
    if isinstance(v, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'


def write_ods(path: Path, rows: list[list[Any]], *, merge_title: bool = True) -> Path:
    """An OpenDocument spreadsheet (ODF 1.2): mimetype first and stored, the manifest, the content."""
    body = []
    for i, r in enumerate(rows):
        if i == 0 and merge_title and len(r) == 1:
            span = len(HEADERS)
            cells = (f'<table:table-cell office:value-type="string" table:number-columns-spanned="{span}">'
                     f"<text:p>{escape(str(r[0]))}</text:p></table:table-cell>"
                     + "<table:covered-table-cell/>" * (span - 1))
        else:
            cells = "".join(_ods_cell(v) for v in r) or "<table:table-cell/>"
        body.append(f"<table:table-row>{cells}</table:table-row>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="申请台账">'
               + "".join(body) + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def convert_to_xls(src: Path, out_dir: Path) -> Path | None:
    """``src`` converted to xls by LibreOffice Calc; None where soffice (or Calc) is missing."""
    exe = shutil.which("soffice")
    if exe is None:
        return None
    try:
        subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation=file://{out_dir}/lo-profile",
                        "--convert-to", "xls", "--outdir", str(out_dir), str(src)],
                       capture_output=True, timeout=180, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = out_dir / (src.stem + ".xls")
    return out if out.exists() else None


def expected_cells(recs: list[Rec]) -> dict[str, int]:
    """Table 三 counted directly from the records (what the derivation must equal)."""
    cells = {f"t3.{r}.{c}": 0 for r in (*RESULT_KEYS, "new_received", "carried_over", "total", "carried_forward")
             for c in L.T3_COLUMN_LABELS}
    for rec in recs:
        for row in (rec.origin, rec.result):
            cells[f"t3.{row}.{rec.column}"] += 1
            cells[f"t3.{row}.total"] += 1
        if rec.result != "carried_forward":
            cells[f"t3.total.{rec.column}"] += 1
            cells["t3.total.total"] += 1
    return cells


def mixed_records() -> list[Rec]:
    """Every result row and every column at least once, some typed, some by name, some in other words."""
    recs = []
    cols = list(L.T3_APPLICANT_COLUMNS)
    for i, key in enumerate(RESULT_KEYS):
        recs.append(Rec("new_received", key, cols[i % 6], day=i * 3 + 1, with_type=i % 3 != 0, variant=i % 2 == 0))
    recs += [Rec("carried_over", "granted", "natural", day=350), Rec("carried_over", "unable.not_held", "commercial", day=340),
             Rec("new_received", "carried_forward", "natural", day=355), Rec("new_received", "carried_forward",
                                                                             "legal_service", day=360, pending_word="延期答复"),
             Rec("new_received", "granted", "natural", day=40, with_type=False)]
    return recs
