"""Add up the tables of several reports (the departments of one government) into one report.

Each report is imported and validated first (in parallel, as ``audit`` does). A report is left out,
with its reason, when it cannot be read, has validation errors, is not in the 2021 table format,
is of another year than the others, or repeats an agency already counted. The tables of the others
are added cell by cell (table 二's fees in 万元 as decimals); the combined report is validated in turn.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TextIO, cast

from assistant._files import atomic_write
from assistant.audit._collect import collect_files
from assistant.audit._model import AuditRow, agency_key
from assistant.audit._run import audit_files
from schemas import labels as L
from schemas.findings import Finding
from schemas.layout import ALL_CELL_ADDRESSES, get_cell, location_label, set_cell
from schemas.report import AgencyLevel, Blank, P6Key, Part1, Part6Item, Report, ReportMeta, SourceInfo

__all__ = ["AGGREGATE_SCHEMA_VERSION", "AggregateResult", "Excluded", "aggregate", "aggregate_document", "combine",
           "write_aggregate"]

AGGREGATE_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Excluded:
    file: str
    agency: str
    reason: str  # Chinese


@dataclass
class AggregateResult:
    report: Report | None  # None when no report could be included
    included: list[AuditRow] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # of the combined report


def combine(reports: Sequence[Report], *, agency: str = "", year: int | None = None,
            level: AgencyLevel | None = None) -> Report:
    """A report whose every table cell is the sum of that cell over ``reports`` (a blank counts 0)."""
    year = year if year is not None else next((r.meta.report_year for r in reports if r.meta.report_year), None)
    title = f"{agency}{year or ''}年{L.REPORT_TITLE_SUFFIX}" if agency or year else ""
    period = f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。" if year else ""
    out = Report(
        meta=ReportMeta(agency_name=agency, agency_level=level, report_year=year, title=title),
        preamble=("本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求编制，"
                  f"统计表为所属各单位年度报告统计表之和。{period}"),
        source=SourceInfo(kind="generated", format_version="2021"),
    )
    _sum_cells(out, reports)
    _narrative(out, year)
    return out


_SEE = "见所属各单位年度报告。"


def _narrative(out: Report, year: int | None) -> None:
    """Text that states what the combined report is, quotes no table number but the one rule E8 needs."""
    out.part1 = Part1(
        active=f"主动公开政府信息的具体情况{_SEE}表二为所属各单位数据之和。",
        on_request=f"依申请公开政府信息的具体情况{_SEE}表三为所属各单位数据之和。",
        management=f"政府信息管理的具体情况{_SEE}",
        platform=f"政府信息公开平台建设的具体情况{_SEE}",
        oversight=f"监督保障的具体情况{_SEE}表四为所属各单位数据之和。",
    )
    out.part5 = f"存在的主要问题及改进情况{_SEE}"
    notices = out.table3.other_handling.unpaid_fee.total
    fees = (f"所属各单位本年度发出信息处理费收费通知{notices}件，申请人均逾期未缴纳，未实际收取信息处理费。"
            if isinstance(notices, int) and notices > 0 else "所属各单位本年度均未收取信息处理费。")
    texts = {"fees": fees}
    if year:
        texts["statistics_notes"] = f"报告所列数据统计期限自{year}年1月1日起至{year}年12月31日止。"
    out.part6 = [Part6Item(key=cast(P6Key, k), title=L.P6_ITEM_TITLES[k], text=texts.get(k, _SEE))
                 for k in L.P6_ITEM_TITLES]  # the keys of P6_ITEM_TITLES are the P6Key values


def _sum_cells(out: Report, reports: Sequence[Report]) -> None:
    for address in ALL_CELL_ADDRESSES:
        total = None
        for r in reports:
            v = get_cell(r, address)
            if isinstance(v, Blank):
                continue
            total = v if total is None else total + v
        if total is None:
            total = Decimal(0) if address == "t2.fees.amount" else 0
        set_cell(out, address, total)


def _select(rows: list[AuditRow], year: int | None) -> tuple[list[AuditRow], list[Excluded], int | None]:
    excluded: list[Excluded] = []
    ok: list[AuditRow] = []
    for row in rows:
        reason = ""
        if not row.readable:
            reason = f"无法读取：{row.reason}"
        elif row.errors:
            rules = "、".join(dict.fromkeys(f.rule for f in row.findings if f.severity == "error"))
            first = next(f for f in row.findings if f.severity == "error")
            reason = f"校验有{row.errors}个错误（规则{rules}），如{location_label(first.location)}：{first.message}"
        elif row.format_version != "2021":
            reason = "统计表不是2021年格式，无法与其他报告相加。"
        elif row.year is None:
            reason = "未能读出报告年度。"
        if reason:
            excluded.append(Excluded(row.file, row.agency, reason))
        else:
            ok.append(row)
    if year is None and ok:
        year = Counter(r.year for r in ok).most_common(1)[0][0]
    kept: list[AuditRow] = []
    seen: dict[str, str] = {}
    for row in ok:
        key = agency_key(row.agency)
        if row.year != year:
            excluded.append(Excluded(row.file, row.agency, f"报告年度为{row.year}年，与汇总年度{year}年不同。"))
        elif key and key in seen:
            excluded.append(Excluded(row.file, row.agency, f"与“{seen[key]}”是同一机关的报告，未重复计入。"))
        else:
            if key:
                seen[key] = row.file
            kept.append(row)
    return kept, excluded, year


def aggregate(paths: Sequence[str | os.PathLike], *, agency: str = "", year: int | None = None,
              jobs: int | None = None, progress: TextIO | None = None, show_progress: bool = True,
              exclude: Sequence[str | os.PathLike] = ()) -> AggregateResult:
    from assistant.validation import validate

    result = audit_files(collect_files(paths, exclude), jobs=jobs, progress=progress, show_progress=show_progress,
                         keep_reports=True)
    kept, excluded, year = _select(result.rows, year)
    if not kept:
        return AggregateResult(report=None, excluded=excluded)
    levels = {r.level for r in kept}
    reports = [r.report for r in kept if r.report is not None]
    assert len(reports) == len(kept)  # kept rows were all read, and keep_reports=True kept their reports
    combined = combine(reports, agency=agency, year=year,
                       level=levels.pop() if len(levels) == 1 else None)
    for row in kept:
        row.report = None
    return AggregateResult(report=combined, included=kept, excluded=excluded, findings=validate(combined))


def _cell_json(v):
    if isinstance(v, Decimal):
        return str(v)
    return v


def aggregate_document(result: AggregateResult) -> dict:
    """The JSON written by ``aggregate -o summary.json``."""
    r = result.report
    errors = sum(f.severity == "error" for f in result.findings)
    return {
        "schema_version": AGGREGATE_SCHEMA_VERSION,
        "agency_name": r.meta.agency_name if r else "",
        "report_year": r.meta.report_year if r else None,
        "included": [{"file": row.file, "agency_name": row.agency, "warnings": row.warnings} for row in result.included],
        "excluded": [{"file": e.file, "agency_name": e.agency, "reason": e.reason} for e in result.excluded],
        "tables": {a: _cell_json(get_cell(r, a)) for a in ALL_CELL_ADDRESSES} if r else {},
        "validation": {
            "errors": errors, "warnings": len(result.findings) - errors,
            "findings": [{"rule": f.rule, "severity": f.severity, "address": f.location.address,
                          "label": location_label(f.location), "message": f.message} for f in result.findings],
        },
        "report": json.loads(r.model_dump_json()) if r else None,
    }


def write_aggregate(result: AggregateResult, path: str | os.PathLike) -> Path:
    """``.json`` (the document above) or ``.docx`` (the combined report in the official layout)."""
    from assistant.errors import ReportAssistantError

    target = Path(path)
    ext = target.suffix.lower()
    if result.report is None:
        raise ReportAssistantError("没有可汇总的报告，未生成输出文件。")
    if ext == ".json":
        data = json.dumps(aggregate_document(result), ensure_ascii=False, indent=2).encode("utf-8")
    elif ext == ".docx":
        from assistant.export import build_docx

        data = build_docx(result.report)
    else:
        raise ReportAssistantError(f"不支持的汇总输出格式“{ext or target.name}”：请使用 .json 或 .docx。")
    return atomic_write(target, data)
