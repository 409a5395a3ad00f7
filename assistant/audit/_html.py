"""The audit as one self-contained HTML page: totals, charts of the most common failures (inline
SVG, no script, no external resource), the per-report summary, per-rule counts and every finding.
Every value is HTML-escaped."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from assistant._files import atomic_write
from assistant.audit._model import STATUS_LABELS, AuditResult
from assistant.audit._workbook import (
    FINDINGS_HEADER,
    RULES_HEADER,
    SUMMARY_HEADER,
    finding_rows,
    rule_rows,
    summary_rows,
)
from assistant.validation import FAMILIES, RULES, family_of

__all__ = ["render_audit_html", "write_audit_html"]

TOP_RULES = 10
_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
th{background:#eee}.errors{color:#b00020}.warnings{color:#a06000}.ok{color:#1b6e20}.unreadable{color:#555}
.totals td{font-size:15px;padding:6px 12px}.scroll{max-height:600px;overflow:auto}
"""


def _e(v) -> str:
    return "" if v is None else html.escape(str(v), quote=True)


def _bars(items: list[tuple[str, int, str]], unit: str) -> str:
    """A horizontal bar chart: (label, value, tooltip)."""
    if not items:
        return "<p>无。</p>"
    top = max(v for _, v, _ in items) or 1
    bar_h, label_w, width = 22, 260, 420
    rows = []
    for i, (label, value, tip) in enumerate(items):
        y = i * bar_h
        w = max(1, round(width * value / top))
        rows.append(
            f'<g><title>{_e(tip)}</title><text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f'{_e(label)}</text><rect x="{label_w}" y="{y + 3}" width="{w}" height="{bar_h - 6}" fill="#c0392b"/>'
            f'<text x="{label_w + w + 4}" y="{y + 15}" font-size="12">{value}{_e(unit)}</text></g>')
    h = bar_h * len(items)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + width + 80}" height="{h}" role="img">'
            + "".join(rows) + "</svg>")


def _table(header: list[str], rows, status_col: int | None = None) -> str:
    out = ["<table><thead><tr>", *(f"<th>{_e(h)}</th>" for h in header), "</tr></thead><tbody>"]
    classes = {v: k for k, v in STATUS_LABELS.items()}
    for r in rows:
        cls = f' class="{classes.get(r[status_col], "")}"' if status_col is not None else ""
        out.append(f"<tr{cls}>" + "".join(f"<td>{_e(v)}</td>" for v in r) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_audit_html(result: AuditResult, title: str = "政府信息公开工作年度报告批量审核结果") -> str:
    rows = result.rows
    status = {k: sum(r.status == k for r in rows) for k in STATUS_LABELS}
    counts = result.rule_counts()
    common = sorted(counts.items(), key=lambda kv: (-kv[1][2], kv[0]))[:TOP_RULES]
    rule_bars = [(f"{rule} {RULES[rule][:14]}…", n, RULES[rule]) for rule, (_, _, n) in common]
    fam_reports = {fam: sum(any(family_of(f.rule) == fam for f in r.findings) for r in rows) for fam in FAMILIES}
    fam_bars = [(f"{fam}类 {FAMILIES[fam]}", n, FAMILIES[fam]) for fam, n in fam_reports.items() if n]
    totals = "".join(
        f'<td class="{k}">{_e(STATUS_LABELS[k])}：<b>{status[k]}</b>份</td>' for k in STATUS_LABELS)
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    parts = [
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>共审核文件{len(rows)}份（{when}，用时{result.seconds:.1f}秒，{result.jobs}个进程；"
        f"跨年度比对{result.pairs}对）。</p>",
        f'<table class="totals"><tr>{totals}</tr></table>',
        "<h2>最常见的问题（按涉及报告数）</h2>", _bars(rule_bars, "份"),
        "<h2>各类规则涉及的报告数</h2>", _bars(fam_bars, "份"),
        "<h2>逐份报告汇总</h2>", '<div class="scroll">', _table(SUMMARY_HEADER, summary_rows(result), 6), "</div>",
        "<h2>规则统计</h2>", _table(RULES_HEADER, rule_rows(result)),
        "<h2>问题清单</h2>", '<div class="scroll">', _table(FINDINGS_HEADER, finding_rows(result)), "</div>",
        "</body></html>",
    ]
    return "\n".join(parts)


def write_audit_html(result: AuditResult, path: str | os.PathLike) -> Path:
    return atomic_write(path, render_audit_html(result).encode("utf-8"))
