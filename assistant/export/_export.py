"""export_report: the gate, then the document, written atomically, with its export record beside it.

The record ``<output>.export.json`` says what was exported when, the SHA-256 of the file, the findings
and the acknowledgement. The output and the record are first written to temporary files in the target
directory and then renamed into place, so a failure never leaves a half-written or unrecorded file.

A draft (``draft=True``, Word or PDF only) is for reading and for sending to the leader: every page
says 草稿 in its header, the gate's findings are recorded but do not refuse it (a draft may still have
errors), and its record says ``"draft": true``. The final export is unchanged and stays behind the gate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from assistant._files import temp_beside
from assistant.errors import ReportAssistantError
from assistant.export._fonts import plan_fonts
from assistant.export._html import render_html
from assistant.export._markdown import render_markdown
from assistant.export._pdf import docx_to_pdf
from assistant.export._stamp import Stamp
from assistant.export._word import build_docx
from assistant.export.gate import Acknowledgement, ExportRefused, GateDecision, check_gate
from schemas.findings import Finding
from schemas.report import Report

__all__ = ["EXPORT_FORMATS", "RECORD_SUFFIX", "ExportFormat", "ExportResult", "export_report", "record_path_for",
           "render_bytes"]

ExportFormat = Literal["docx", "pdf", "html", "md", "json"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
RECORD_SUFFIX = ".export.json"
RECORD_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    record_path: Path
    sha256: str
    size: int
    decision: GateDecision
    exported_at: dt.datetime
    seconds: float  # time spent rendering and writing


def record_path_for(out_path: str | os.PathLike) -> Path:
    p = Path(out_path)
    return p.with_name(p.name + RECORD_SUFFIX)


DRAFT_FORMATS = ("docx", "pdf")


def render_bytes(report: Report, fmt: str, *, stamp: Stamp | None = None, draft: bool = False) -> tuple[bytes, dict]:
    """The document in ``fmt`` and what the record should say about its fonts (DOCX and PDF);
    ``draft`` marks a Word or PDF document 草稿 on every page."""
    if draft and fmt not in DRAFT_FORMATS:
        raise ReportAssistantError(f"草稿只能导出为 Word 或 PDF，不能导出为“{fmt}”。")
    if fmt in ("docx", "pdf"):
        plan = plan_fonts()
        docx = build_docx(report, fonts=plan, stamp=stamp, draft=draft)
        fonts = {"used": plan.fonts, "substitutions": plan.substitutions}
        return (docx if fmt == "docx" else docx_to_pdf(docx)), fonts
    if fmt == "html":
        return render_html(report, stamp=stamp).encode("utf-8"), {}
    if fmt == "md":
        return render_markdown(report, stamp=stamp).encode("utf-8"), {}
    if fmt == "json":
        return report.model_dump_json(indent=2).encode("utf-8"), {}
    raise ReportAssistantError(f"不支持的导出格式“{fmt}”：可选 {'、'.join(EXPORT_FORMATS)}。")


def _record(report: Report, fmt: str, out: Path, data: bytes, stamp: Stamp, fonts: dict, draft: bool) -> dict:
    decision = stamp.decision
    ack = decision.acknowledgement
    record = {
        "schema_version": RECORD_SCHEMA_VERSION,
        "file": out.name,
        "format": fmt,
        "exported_at": stamp.exported_at.isoformat(timespec="seconds"),
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "report": {"title": report.meta.title, "agency_name": report.meta.agency_name,
                   "report_year": report.meta.report_year},
        "findings": decision.summary(),
        "acknowledgement": None if ack is None else {
            "who": ack.who,
            "at": ack.at.isoformat(timespec="seconds"),
            "warnings": decision.acknowledged_keys,
            "not_current": [k for k in dict.fromkeys(ack.warnings) if k not in decision.acknowledged_keys],
        },
        "fonts": fonts or None,
        "generator": "report-assistant",
    }
    if draft:  # only drafts say so: a final export's record stays as it was
        record["draft"] = True
    return record


def _write_pair(out: Path, data: bytes, record_path: Path, record: bytes) -> None:
    """Both files appear, or neither is changed."""
    tmp_out = temp_beside(out, data)
    try:
        tmp_record = temp_beside(record_path, record)
    except BaseException:
        tmp_out.unlink(missing_ok=True)
        raise
    try:
        os.replace(tmp_out, out)
    except BaseException:
        tmp_out.unlink(missing_ok=True)
        tmp_record.unlink(missing_ok=True)
        raise
    try:
        os.replace(tmp_record, record_path)
    except BaseException:
        tmp_record.unlink(missing_ok=True)
        out.unlink(missing_ok=True)  # an export without its record is not an export
        raise


def export_report(report: Report, fmt: ExportFormat, out_path: str | os.PathLike, *,
                  previous: Report | None = None, acknowledgement: Acknowledgement | None = None,
                  extra_findings: Sequence[Finding] = (), draft: bool = False) -> ExportResult:
    """Export ``report`` as ``fmt`` to ``out_path`` if the gate allows it; raise ``ExportRefused`` if not.

    ``extra_findings``: findings beyond the validator's, e.g. ``Drafts.findings()`` (flagged narrative).
    ``draft``: a Word or PDF copy marked 草稿 on every page, for reading; the gate's findings are
    recorded but never refuse it.
    """
    if fmt not in EXPORT_FORMATS:
        raise ReportAssistantError(f"不支持的导出格式“{fmt}”：可选 {'、'.join(EXPORT_FORMATS)}。")
    if draft and fmt not in DRAFT_FORMATS:
        raise ReportAssistantError(f"草稿只能导出为 Word 或 PDF，不能导出为“{fmt}”。")
    decision = check_gate(report, previous, acknowledgement, extra_findings=extra_findings)
    if not decision.allowed and not draft:
        raise ExportRefused(decision)
    started = time.perf_counter()
    out = Path(out_path)
    if out.is_dir():
        raise ReportAssistantError(f"无法导出：“{out}”是一个文件夹，请给出文件名。")
    stamp = Stamp(exported_at=dt.datetime.now().astimezone(), decision=decision)
    data, fonts = render_bytes(report, fmt, stamp=stamp, draft=draft)
    record_path = record_path_for(out)
    record = _record(report, fmt, out, data, stamp, fonts, draft)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _write_pair(out, data, record_path,
                    (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as exc:
        raise ReportAssistantError(f"无法写入“{out}”：{exc.strerror or exc}。") from exc
    return ExportResult(path=out, format=fmt, record_path=record_path, sha256=record["sha256"], size=len(data),
                        decision=decision, exported_at=stamp.exported_at, seconds=time.perf_counter() - started)
