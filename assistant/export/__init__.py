"""Export in the official layout (Word, PDF, HTML, Markdown, JSON) behind the validation gate.

    from assistant.export import export_report, acknowledge_all, ExportRefused
    export_report(report, "docx", "报告.docx")                       # refused while there are errors/warnings
    export_report(report, "pdf", "报告.pdf", acknowledgement=acknowledge_all(report, "张三"))

The gate (``assistant.export.gate``) does not depend on any format and is what the UI asks before it
offers a download. Warnings are acknowledged by key (``warning_key``: ``D3@p5``, ``E1@p1.on_request:12-15``).
"""

from assistant.export._export import (
    EXPORT_FORMATS,
    RECORD_SUFFIX,
    ExportFormat,
    ExportResult,
    export_report,
    record_path_for,
    render_bytes,
)
from assistant.export._fonts import OFFICIAL_FONTS, FontPlan, installed_fonts, plan_fonts
from assistant.export._html import META_PREFIX, render_html, render_html_body
from assistant.export._markdown import render_markdown
from assistant.export._pdf import PdfExportError, docx_to_pdf, find_soffice
from assistant.export._stamp import PROPERTY_LABELS, Stamp
from assistant.export._word import build_docx, docx_properties
from assistant.export.gate import (
    Acknowledgement,
    ExportRefused,
    GateDecision,
    GateWarning,
    acknowledge_all,
    check_gate,
    describe_location,
    warning_key,
)

__all__ = [
    "EXPORT_FORMATS", "META_PREFIX", "OFFICIAL_FONTS", "PROPERTY_LABELS", "RECORD_SUFFIX",
    "Acknowledgement", "ExportFormat", "ExportRefused", "ExportResult", "FontPlan", "GateDecision", "GateWarning",
    "PdfExportError", "Stamp",
    "acknowledge_all", "build_docx", "check_gate", "describe_location", "docx_properties", "docx_to_pdf",
    "export_report", "find_soffice", "installed_fonts", "plan_fonts", "record_path_for", "render_bytes",
    "render_html", "render_html_body", "render_markdown", "warning_key",
]
