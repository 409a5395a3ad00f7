"""The export gate: no export while the report has errors or unacknowledged warnings.

Independent of every export format, so the UI can ask the same question before it offers a download.

A warning is identified by its *key*: ``<rule>@<address>``, with ``:<start>-<end>`` appended when the
finding points at a character span of a narrative part. Examples: ``D3@p5``, ``C2@t2.fees.amount``,
``F5@p1.on_request:0-5``. The key does not contain the message, so it stays the same between runs of
the validator as long as the report is not edited at that place; editing the text there (a changed
span) asks for a new acknowledgement. Two warnings of the same rule at the same place share a key
and are acknowledged together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.errors import ReportAssistantError
from assistant.validation import validate
from schemas.findings import Finding
from schemas.layout import location_label
from schemas.report import Report

__all__ = [
    "Acknowledgement", "ExportRefused", "GateDecision", "GateWarning",
    "acknowledge_all", "check_gate", "describe_location", "warning_key",
]


def warning_key(finding: Finding) -> str:
    """The stable identifier of a finding, as an acknowledgement names it (see the module doc)."""
    loc = finding.location
    key = f"{finding.rule}@{loc.address}"
    if loc.span is not None:
        key += f":{loc.span[0]}-{loc.span[1]}"
    return key


def describe_location(finding: Finding) -> str:
    """Where a finding points: its label (``location_label``, as ``check`` shows it) with the address,
    for staff who look the cell up: 表三「（七）总计」行「总计」列（t3.total.total）."""
    loc = finding.location
    label = location_label(loc)
    if loc.address == "report" or label.startswith(loc.address):  # 全文, or an address the layout does not know
        return label
    return f"{label}（{loc.address}）"


class Acknowledgement(BaseModel):
    """Someone accepted these warnings (by key) for an export at a given time."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    who: str = Field(..., description="确认人")
    at: dt.datetime = Field(..., description="确认时间")
    warnings: list[str] = Field(default_factory=list, description="已确认的警告标识，如 D3@p5")

    @field_validator("who")
    @classmethod
    def _named(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("确认人不能为空")
        return v.strip()


class GateWarning(BaseModel):
    model_config = ConfigDict(frozen=True)
    finding: Finding
    key: str
    acknowledged: bool


class GateDecision(BaseModel):
    """What the gate saw: the errors (each refuses), the warnings and whether each is acknowledged."""

    model_config = ConfigDict(frozen=True)
    errors: list[Finding]
    warnings: list[GateWarning]
    acknowledgement: Acknowledgement | None = None

    @property
    def allowed(self) -> bool:
        return not self.errors and all(w.acknowledged for w in self.warnings)

    @property
    def unacknowledged(self) -> list[GateWarning]:
        return [w for w in self.warnings if not w.acknowledged]

    @property
    def acknowledged_keys(self) -> list[str]:
        """Keys of current warnings that the acknowledgement covers, in finding order, without repeats."""
        return list(dict.fromkeys(w.key for w in self.warnings if w.acknowledged))

    def summary(self) -> dict:
        """The findings as the export record stores them."""
        return {
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "acknowledged": sum(w.acknowledged for w in self.warnings),
            "items": [_item(f, None) for f in self.errors]
            + [_item(w.finding, w.acknowledged) for w in self.warnings],
        }

    def summary_sentence(self) -> str:
        """One Chinese sentence: 校验结果：0 个错误，2 个警告（已确认 2 个）。"""
        text = f"校验结果：{len(self.errors)} 个错误，{len(self.warnings)} 个警告"
        if self.warnings:
            text += f"（已确认 {sum(w.acknowledged for w in self.warnings)} 个）"
        return text + "。"

    def refusal_message(self) -> str:
        """The Chinese explanation of a refusal: every error, then every unacknowledged warning."""
        pending = self.unacknowledged
        parts = []
        if self.errors:
            parts.append(f"{len(self.errors)} 个错误")
        if pending:
            parts.append(f"{len(pending)} 个未确认的警告")
        lines = [f"导出被拒绝：报告中有 {'、'.join(parts)}。"]
        if self.errors:
            lines.append("请先改正以下错误：")
            lines += [f"  {i}. [{f.rule}] {describe_location(f)}：{f.message}" for i, f in enumerate(self.errors, 1)]
        if pending:
            lines.append("以下警告需经确认后方可导出（方括号内为警告标识）：")
            lines += [f"  {i}. [{w.key}] {describe_location(w.finding)}：{w.finding.message}"
                      for i, w in enumerate(pending, 1)]
        return "\n".join(lines)


def _item(f: Finding, acknowledged: bool | None) -> dict:
    item: dict[str, object] = {
        "key": warning_key(f), "rule": f.rule, "severity": f.severity, "address": f.location.address,
        "span": list(f.location.span) if f.location.span else None, "message": f.message}
    if acknowledged is not None:
        item["acknowledged"] = acknowledged
    return item


class ExportRefused(ReportAssistantError):
    """The gate refused an export; ``str()`` lists the errors and unacknowledged warnings in Chinese."""

    def __init__(self, decision: GateDecision):
        super().__init__(decision.refusal_message())
        self.decision = decision


def check_gate(report: Report, previous: Report | None = None, acknowledgement: Acknowledgement | None = None,
               *, findings: Sequence[Finding] | None = None,
               extra_findings: Sequence[Finding] = ()) -> GateDecision:
    """Validate ``report`` (or take ``findings`` already computed for it) and decide whether it may be exported.

    ``extra_findings`` are findings the validator cannot see, such as the drafting flags of narrative
    parts (rules G1, G2: ``Drafts.findings()``): they gate the export like any other finding.
    """
    found = list(findings) if findings is not None else validate(report, previous)
    found += extra_findings
    acked = set(acknowledgement.warnings) if acknowledgement else set()
    errors = [f for f in found if f.severity == "error"]
    warnings = [GateWarning(finding=f, key=warning_key(f), acknowledged=warning_key(f) in acked)
                for f in found if f.severity != "error"]
    return GateDecision(errors=errors, warnings=warnings, acknowledgement=acknowledgement)


def acknowledge_all(report: Report, who: str, *, previous: Report | None = None,
                    at: dt.datetime | None = None, extra_findings: Sequence[Finding] = ()) -> Acknowledgement:
    """An acknowledgement of every current warning of ``report`` by ``who`` (the CLI's --acknowledge-warnings)."""
    decision = check_gate(report, previous, extra_findings=extra_findings)
    when = at or dt.datetime.now().astimezone()
    return Acknowledgement(who=who, at=when, warnings=list(dict.fromkeys(w.key for w in decision.warnings)))
