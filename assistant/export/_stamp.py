"""What an allowed export writes into the document itself: when, the validation result, the acknowledgement.

The same properties go everywhere: DOCX custom properties (named by their Chinese label), HTML
``<meta name="report-assistant:<key>">`` and the Markdown front matter (by key).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant.export.gate import GateDecision

__all__ = ["PROPERTY_LABELS", "Stamp"]

# key → label shown in Word's document properties
PROPERTY_LABELS: dict[str, str] = {
    "status": "文稿状态",  # drafts only
    "exported_at": "导出时间",
    "validation": "导出校验结果",
    "acknowledged_by": "警告确认人",
    "acknowledged_at": "警告确认时间",
    "acknowledged_warnings": "已确认的警告",
    "font_substitution": "字体替代",
}


@dataclass(frozen=True)
class Stamp:
    exported_at: dt.datetime
    decision: GateDecision

    @property
    def acknowledged(self) -> bool:
        return bool(self.decision.acknowledged_keys) and self.decision.acknowledgement is not None

    def properties(self) -> dict[str, str]:
        """key → value, acknowledgement entries only when warnings were acknowledged."""
        props = {
            "exported_at": self.exported_at.isoformat(timespec="seconds"),
            "validation": self.decision.summary_sentence(),
        }
        ack = self.decision.acknowledgement
        if self.acknowledged and ack is not None:
            props["acknowledged_by"] = ack.who
            props["acknowledged_at"] = ack.at.isoformat(timespec="seconds")
            props["acknowledged_warnings"] = "; ".join(self.decision.acknowledged_keys)
        return props

    def sentence(self) -> str:
        """The same in one Chinese sentence, for DOCX core 'comments'."""
        text = f"由政府信息公开年度报告助手于 {self.exported_at.isoformat(timespec='seconds')} 导出；" \
               + self.decision.summary_sentence()
        ack = self.decision.acknowledgement
        if self.acknowledged and ack is not None:
            text += (f"警告经 {ack.who} 于 {ack.at.isoformat(timespec='seconds')} 确认："
                     f"{'、'.join(self.decision.acknowledged_keys)}。")
        return text
