"""What an audit produces: one row per file (a report, or the reason it could not be read)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from assistant.validation import FAMILIES, blank_summary, family_of
from schemas import labels as L
from schemas.findings import Finding
from schemas.layout import narrative_label
from schemas.report import AgencyLevel, Report

__all__ = ["STATUS_LABELS", "AuditResult", "AuditRow", "Status", "agency_key", "describe_blanks", "describe_unread"]

Status = Literal["errors", "warnings", "ok", "unreadable"]
STATUS_LABELS = {"errors": "有错误", "warnings": "仅有警告", "ok": "通过", "unreadable": "无法读取"}


def agency_key(name: str) -> str:
    """Agency names compared across years: full-width folded, no spaces."""
    return "".join(unicodedata.normalize("NFKC", name).split())


_TABLES = {"t2": "表二", "t3": "表三", "t4": "表四"}


def describe_unread(report: Report) -> str:
    """What the importer did not find, in words: parts and titles by name, cells counted per table."""
    missing = report.source.missing if report.source is not None else []
    names: list[str] = []
    cells: dict[str, int] = {}
    trial = report.source is not None and report.source.format_version == "2019"
    for address in missing:
        if trial and (address.startswith("t2.") or address.startswith("t3.other_handling.")):
            continue  # cells the 2019 table does not have are not "not read"
        if address[:3] in ("t2.", "t3.", "t4."):
            if "p" + address[1] not in missing:  # a part not found already says its table was not
                cells[address[:2]] = cells.get(address[:2], 0) + 1
        else:
            names.append(narrative_label(address))
    names += [f"{_TABLES[t]}（{n}格）" for t, n in cells.items()]
    return "；".join(dict.fromkeys(names))


def describe_blanks(report: Report, findings: list[Finding]) -> str:
    """Blank cells per table, as counted by the validator: "表三23行（161格）；表四3行（15格）"."""
    return "；".join(f"{b.table}{len(b.rows)}行（{b.cells}格）" for b in blank_summary(report, findings))


@dataclass
class AuditRow:
    """One file of the audit."""

    file: str  # as shown to the user: relative to the audited folder when possible
    path: str  # absolute
    kind: str = ""  # text, docx, html, pdf, json
    agency: str = ""
    level: AgencyLevel | None = None  # inferred from the name by the importer when not stated
    year: int | None = None
    format_version: str = ""
    findings: list[Finding] = field(default_factory=list)
    reason: str = ""  # why the file could not be read (Chinese), empty when it was
    previous: str = ""  # file of last year's report of the same agency, when paired
    notes: list[str] = field(default_factory=list)  # audit remarks (duplicates, pairing) in Chinese
    unread: str = ""  # what the importer could not find in the file ("表三（175格）；第一部分（二）")
    blanks: str = ""  # blank cells per table ("表三23行（161格）")
    seconds: float = 0.0
    report: Report | None = None  # kept for pairing and aggregation; dropped before pickling back if unneeded

    @property
    def readable(self) -> bool:
        return not self.reason

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def status(self) -> Status:
        if self.reason:
            return "unreadable"
        if self.errors:
            return "errors"
        return "warnings" if self.findings else "ok"

    @property
    def level_label(self) -> str:
        return L.AGENCY_LEVEL_LABELS.get(self.level or "", "")

    def family_counts(self) -> dict[str, tuple[int, int]]:
        """family → (errors, warnings)."""
        out = {fam: [0, 0] for fam in FAMILIES}
        for f in self.findings:
            out.setdefault(family_of(f.rule), [0, 0])[f.severity != "error"] += 1
        return {k: (v[0], v[1]) for k, v in out.items()}


@dataclass
class AuditResult:
    rows: list[AuditRow]
    seconds: float = 0.0
    jobs: int = 1
    pairs: int = 0

    @property
    def readable(self) -> list[AuditRow]:
        return [r for r in self.rows if r.readable]

    def rule_counts(self) -> dict[str, tuple[int, int, int]]:
        """rule → (errors, warnings, reports concerned), for every rule that fired."""
        counts: dict[str, list] = {}
        for row in self.rows:
            seen: set[str] = set()
            for f in row.findings:
                c = counts.setdefault(f.rule, [0, 0, 0])
                c[f.severity != "error"] += 1
                if f.rule not in seen:
                    seen.add(f.rule)
                    c[2] += 1
        return {k: (v[0], v[1], v[2]) for k, v in counts.items()}
