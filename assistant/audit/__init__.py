"""Batch audit of published reports, and aggregation of the tables of several reports.

    result = audit_paths(["报告/"], jobs=8)          # every file imported and validated in parallel
    write_workbook(result, "audit.xlsx")             # 汇总 · 问题清单 · 规则统计
    write_audit_html(result, "audit.html")           # the same with charts of the most common failures
    agg = aggregate(["各部门/"], agency="某某市人民政府")
    write_aggregate(agg, "summary.json")             # or .docx

A file that cannot be read is a row with its reason, never the end of a run. Reports of the same
agency for consecutive years are paired for the cross-year rules (C3, D1–D3). The ``audit`` and
``aggregate`` commands are registered by ``assistant.audit.commands.add_commands``.
"""

from assistant.audit._aggregate import (
    AGGREGATE_SCHEMA_VERSION,
    AggregateResult,
    Excluded,
    aggregate,
    aggregate_document,
    combine,
    write_aggregate,
)
from assistant.audit._collect import collect_files
from assistant.audit._html import render_audit_html, write_audit_html
from assistant.audit._model import STATUS_LABELS, AuditResult, AuditRow, agency_key
from assistant.audit._run import FILE_TIMEOUT_S, Progress, audit_files, audit_paths, read_one
from assistant.audit._workbook import FORMULA_PREFIXES, SHEETS, safe_cell, write_workbook

__all__ = [
    "AGGREGATE_SCHEMA_VERSION", "FILE_TIMEOUT_S", "FORMULA_PREFIXES", "SHEETS",
    "STATUS_LABELS", "AggregateResult", "AuditResult", "AuditRow", "Excluded", "Progress",
    "agency_key", "aggregate", "aggregate_document", "audit_files", "audit_paths", "collect_files", "combine",
    "read_one", "render_audit_html", "safe_cell", "write_aggregate", "write_audit_html", "write_workbook",
]
